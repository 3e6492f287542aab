"""Objects -> text, as pwsh 7.4 prints them (no cmdlets here: Format-*/Out-* wrap this API).

Modules:

* ``views``      the format view registry (table/list/wide/custom views by type name) and
                 property selection (wildcards, calculated properties); pwsh's built-in views.
* ``values``     how one value appears in a cell, a list or on a line of its own.
* ``table``      Table layout (tabulate, imported lazily), ``render_table``.
* ``listing``    List layout, ``render_list``.
* ``wide``       Wide layout, ``render_wide``.
* ``outdefault`` ``OutDefault`` (the streaming formatter), ``FormatData`` (what Format-* emit),
                 ``out_string`` / ``format_objects`` (Out-String).
* ``concise``    ConciseView errors and the WARNING/VERBOSE/DEBUG lines.
* ``helpview``   Get-Help layouts from ``HelpInfo`` data, SYNTAX lines.

Importing this package imports neither tabulate nor prompt_toolkit.
"""
