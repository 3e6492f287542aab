"""Format-Table, Format-List, Format-Wide and the Out-* cmdlets (Out-String, Out-Default,
Out-Host, Out-File, Out-GridView): thin wrappers over o365shell.format."""
from __future__ import annotations

import os
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, ItemNotFoundException
from o365shell.engine.objects import enumerate_values, is_enumerable

UTIL = "Microsoft.PowerShell.Utility"


class _FormatBase(Cmdlet):
    InputObject = Parameter(object, from_pipeline=True, help="The objects to format.")
    GroupBy = Parameter(object, help="Groups the output by a property or calculated property.")
    View = Parameter(str, help="The name of an alternate format view.")
    ShowError = Parameter(Switch, help="Shows errors in the display.")
    DisplayError = Parameter(Switch, help="Shows errors at the command line.")
    Force = Parameter(Switch, help="Shows all error information.")
    Expand = Parameter(str, validate_set=("CoreOnly", "EnumOnly", "Both"), help="How to format collections.")

    def begin(self) -> None:
        self._items: list = []

    def process(self) -> None:
        if self.expecting_input:
            v = self.InputObject
            self._items.append(v)
        elif self.InputObject is not None:
            self._items.append(self.InputObject)

    def _props(self, value: Any) -> list | None:
        if value is None:
            return None
        items = list(enumerate_values(value)) if is_enumerable(value) else [value]
        return [_calc(p) for p in items] or None


def _calc(p: Any) -> Any:
    """A property spec for the formatter: names stay names; hashtables keep script blocks callable;
    any other value names a property by its text (as Select-Object takes it)."""
    from o365shell.engine.pscollections import Hashtable
    from o365shell.engine.scriptblock import ScriptBlock
    if isinstance(p, Hashtable):
        return {str(k): v for k, v in p.items()}
    if isinstance(p, (str, ScriptBlock)) or p is None:
        return p
    return to_string(p)


@cmdlet("Format-Table", module=UTIL, aliases=("ft",))
class FormatTable(_FormatBase):
    """Formats the output as a table.

    Selected properties become columns; column widths come from the data (all objects are
    measured), numbers and booleans are right-aligned, and long values are cut with '…'."""

    Property = Parameter("Object[]", position=0, help="Properties to show (wildcards and calculated properties).")
    AutoSize = Parameter(Switch, help="Sizes columns to their contents.")
    RepeatHeader = Parameter(Switch, help="Repeats the header after every screen.")
    HideTableHeaders = Parameter(Switch, help="Omits the column headings.")
    Wrap = Parameter(Switch, help="Wraps long values onto the next line instead of truncating them.")
    examples = [("Get-OrganizationConfig | Format-Table Name,*OAuth*", "Shows the modern-auth setting."),
                ("Get-MsolUser -All | Format-Table DisplayName, UserPrincipalName -AutoSize", "Two columns.")]

    def end(self) -> None:
        from o365shell.format.outdefault import FormatData
        self.write(FormatData("table", self._items, properties=self._props(self.Property), auto_size=self.AutoSize,
                              wrap=self.Wrap, hide_headers=self.HideTableHeaders, group_by=_calc(self.GroupBy)))


@cmdlet("Format-List", module=UTIL, aliases=("fl",))
class FormatList(_FormatBase):
    """Formats the output as a list of properties, each on its own line."""

    Property = Parameter("Object[]", position=0, help="Properties to show; '*' shows all of them.")
    examples = [("Get-MsolUser -UserPrincipalName AdeleV@contoso.com | Format-List *", "Every property."),
                ("Get-MsolUser -All | Format-List DisplayName, StrongAuthenticationRequirements", "Two properties.")]

    def end(self) -> None:
        from o365shell.format.outdefault import FormatData
        self.write(FormatData("list", self._items, properties=self._props(self.Property), group_by=_calc(self.GroupBy)))


@cmdlet("Format-Wide", module=UTIL, aliases=("fw",))
class FormatWide(_FormatBase):
    """Formats objects as a wide table that shows one property of each object."""

    Property = Parameter(object, position=0, help="The property to show.")
    AutoSize = Parameter(Switch, help="Fits as many columns as the widest value allows.")
    Column = Parameter(int, validate_range=(1, 2147483647), help="The number of columns.")
    examples = [("Get-Command -Module MSOnline | Format-Wide Name -Column 3", "Command names in 3 columns.")]

    def end(self) -> None:
        from o365shell.format.outdefault import FormatData
        prop = self.Property
        if isinstance(prop, (list, tuple)):  # one property: an array gives its first entry
            prop = prop[0] if prop else None
        self.write(FormatData("wide", self._items, property=_calc(prop), column=self.Column,
                              auto_size=self.AutoSize, group_by=_calc(self.GroupBy)))


@cmdlet("Out-String", module=UTIL)
class OutString(Cmdlet):
    """Outputs input objects as a string, laid out exactly as they would be displayed."""

    InputObject = Parameter(object, from_pipeline=True)
    Width = Parameter(int, validate_range=(2, 2147483647), help="Characters per line (default: the console width).")
    Stream = Parameter(Switch, help="Sends one string per line instead of a single string.")
    NoNewline = Parameter(Switch, help="Removes the line breaks between lines.")
    examples = [("$text = Get-MsolUser -All | Out-String", "Captures the displayed table as text.")]

    def begin(self) -> None:
        self._items: list = []

    def process(self) -> None:
        if self.expecting_input or self.InputObject is not None:
            self._items.append(self.InputObject)

    def end(self) -> None:
        from o365shell.format.outdefault import out_string
        width = self.Width or self.ctx.host.width or 120
        r = out_string(self._items, width, self.Stream)
        if self.Stream:
            self.write_all(r)  # type: ignore[arg-type]
        elif self.NoNewline:
            self.write(str(r).replace("\n", ""))
        else:
            self.write(r)


@cmdlet("Out-Default", module="Microsoft.PowerShell.Core")
class OutDefaultCmdlet(Cmdlet):
    """Sends the output to the default formatter and the console (what happens at the end of every pipeline)."""

    InputObject = Parameter(object, from_pipeline=True)
    Transcript = Parameter(Switch, dont_show=True)

    def begin(self) -> None:
        from o365shell.format.outdefault import OutDefault
        self._od = OutDefault(self.ctx.host.write_line, width=self.ctx.host.width)

    def process(self) -> None:
        if self.expecting_input or self.InputObject is not None:
            self._od.write(self.InputObject)

    def end(self) -> None:
        self._od.close()


@cmdlet("Out-Host", module="Microsoft.PowerShell.Core", aliases=("oh",))
class OutHost(OutDefaultCmdlet):
    """Sends output to the console (-Paging is accepted; output is not paged in this shell)."""

    Paging = Parameter(Switch, help="Shows one page at a time.")


@cmdlet("Out-File", module=UTIL)
class OutFile(Cmdlet):
    """Sends output to a file, laid out as it would be displayed."""

    FilePath = Parameter(str, mandatory=True, position=0, aliases=("Path",), help="The file to write.")
    Encoding = Parameter(str, position=1, help="The text encoding (utf8 by default).")
    Append = Parameter(Switch, help="Adds to the end of an existing file.")
    Force = Parameter(Switch, help="Overwrites a read-only file.")
    NoClobber = Parameter(Switch, aliases=("NoOverwrite",), help="Does not overwrite an existing file.")
    Width = Parameter(int, help="Characters per line.")
    NoNewline = Parameter(Switch, help="Writes no newline after each line.")
    InputObject = Parameter(object, from_pipeline=True)
    examples = [("Get-MsolUser -All | Out-File users.txt", "Saves the displayed table to a file.")]

    def begin(self) -> None:
        self._items: list = []

    def process(self) -> None:
        if self.expecting_input or self.InputObject is not None:
            self._items.append(self.InputObject)

    def end(self) -> None:
        from o365shell.format.outdefault import format_lines
        from .utility_common import resolve_path
        path = self.FilePath
        full = resolve_path(self, path)  # the FileSystem provider's rules: C:\temp\x.txt, '\\' separators, ~
        if self.NoClobber and os.path.exists(full) and not self.Append:
            raise self.error(f"The file '{full}' already exists.", "NoClobber", ErrorCategory.ResourceExists, full)
        d = os.path.dirname(full)
        if d and not os.path.isdir(d):
            raise self.error(f"Could not find a part of the path '{full}'.", "FileOpenFailure",
                             ErrorCategory.OpenError, full, ItemNotFoundException)
        lines = format_lines(self._items, self.Width or 120)
        text = "".join(lines) if self.NoNewline else "".join(line + "\n" for line in lines)
        try:
            with open(full, "a" if self.Append else "w", encoding="utf-8") as f:
                f.write(text)
        except OSError as e:
            from .utility_common import file_io_error
            raise file_io_error(self, e, full) from None


@cmdlet("Out-GridView", module=UTIL, aliases=("ogv",))
class OutGridView(Cmdlet):
    """Shows objects in an interactive grid (a full-screen terminal grid in this shell).

    Type in the filter box to narrow rows, sort by a column, select rows with Space and press
    Enter; with -PassThru or -OutputMode the selected rows are sent down the pipeline."""

    InputObject = Parameter(object, from_pipeline=True)
    Title = Parameter(str, help="The window title.")
    Wait = Parameter(Switch, help="Waits until the grid is closed.")
    OutputMode = Parameter(str, validate_set=("None", "Single", "Multiple"), help="How many rows can be returned.")
    PassThru = Parameter(Switch, help="Returns the selected rows (same as -OutputMode Multiple).")
    examples = [("Get-MfaUser | Out-GridView -PassThru | Enable-MfaUser", "Pick users to enable in a grid.")]

    def begin(self) -> None:
        self._items: list = []

    def process(self) -> None:
        if self.expecting_input or self.InputObject is not None:
            v = self.InputObject
            self._items.extend(enumerate_values(v) if is_enumerable(v) else [v])

    def end(self) -> None:
        mode = self.OutputMode or ("Multiple" if self.PassThru else "None")
        title = self.Title or "Out-GridView"
        try:
            chosen = self.ctx.host.out_grid_view(self._items, title, mode)
        except EOFError:
            if mode == "None":  # nothing to pick: the grid is shown as a table, as a window would show it
                self._show_as_table(title)
                return
            raise self.error("Out-GridView needs an interactive terminal to pick rows (-PassThru, -OutputMode): "
                             "it shows a full-screen grid, and this session has none (output is redirected or "
                             "the shell is -NonInteractive).", "NoTerminal", ErrorCategory.NotImplemented) from None
        if mode != "None":
            self.write_all(chosen or [])

    def _show_as_table(self, title: str) -> None:
        """Without a terminal: the title and the rows as Format-Table lays them out, on the host."""
        from o365shell.format.table import render_table
        host = self.ctx.host
        host.write_line(f"{title} ({len(self._items)} rows)")
        for line in render_table(self._items, auto_size=True, width=getattr(host, "width", None) or 120):
            host.write_line(line)


_ = to_string
