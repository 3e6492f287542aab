"""Out-Default: a stream of pipeline output objects turned into lines, as pwsh prints them.

* ``$null`` and AutomationNull print nothing; collections are enumerated, a hashtable
  into DictionaryEntry rows (several dictionaries share one Name/Value table).
* Scalars (strings, numbers, booleans, enums) print one per line with no blank lines
  around them; a DateTime prints in its long form; an ErrorRecord as ConciseView text.
* The first other object picks the shape for the rest of the stream: its type's view,
  else its default display property set or all its properties, 1-4 giving a table and
  5 or more a list.  Later objects the shape applies to (same first type name, or a
  type the view is for) join it: a table's missing properties are blank, extra ones
  dropped.  Objects it does not apply to are written "out of band": scalars as text,
  others as a list block of their own.  (pwsh's FormatViewManager / OutOfBandFormatViewManager.)
* Table rows are buffered so column widths are measured over the whole table;
  out-of-band text written meanwhile keeps its place between the rows.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ..engine.conversion import to_string
from ..engine.objects import enumerate_values, is_enumerable, property_names
from ..engine.pscollections import AutomationNull, DictionaryEntry, Hashtable
from .listing import FORMAT_ACCENT, ListDocument, list_entry_lines, list_values
from .table import DEFAULT_WIDTH, TableDocument
from .values import format_scalar, is_datetime, is_scalar
from .views import (TABLE_COLUMN_CAP, Field, default_fields, find_view, make_field, resolve_fields,
                    type_names_of, wide_field)
from .wide import WideDocument

__all__ = ["OutDefault", "Formatter", "FormatData", "expand_input", "format_objects", "format_lines", "out_string",
           "SHAPE_TABLE_MAX"]

SHAPE_TABLE_MAX = 4
"""pwsh's PropertyCountForTable: up to this many properties give a table, more a list."""

_TABLE_KEYS = ("name", "label", "expression", "formatstring", "width", "alignment")
_LIST_KEYS = ("name", "label", "expression", "formatstring")


def expand_input(v: Any, out: Callable[[Any], None]) -> None:
    """Enumerate what Out-Default enumerates: collections item by item, dictionaries into entries."""
    if v is None or v is AutomationNull:
        return
    if isinstance(v, Hashtable):
        for k, val in v.items():
            out(DictionaryEntry(k, val))
        return
    t = type(v)
    if t is list or (t is not str and is_enumerable(v)):
        for x in enumerate_values(v):
            if x is None or x is AutomationNull:
                continue
            if isinstance(x, Hashtable) or type(x) is list or (type(x) is not str and is_enumerable(x)):
                expand_input(x, out)
            else:
                out(x)
        return
    out(v)


def _text_lines(text: str) -> list[str]:
    if "\n" not in text and "\r" not in text:
        return [text]
    return [line.rstrip("\r") for line in text.split("\n")]


class Formatter:
    """The formatting state machine shared by Out-Default and the Format-* renderers."""

    def __init__(self, emit: Callable[[str], None], width: int | None = None, color: bool = False) -> None:
        self.emit = emit
        self.width = width or DEFAULT_WIDTH
        self.color = color
        self.doc: Any = None
        self._applies: Callable[[Any], bool] = lambda o: False
        self._buffered = False

    # ----------------------------------------------------------------- out of band
    def _custom_lines(self, obj: Any, view: Any) -> list[str]:
        if self.color and view.type_name.lower() == "system.management.automation.errorrecord":
            from .concise import render_error
            return render_error(obj, color=True, width=self.width).split("\n")
        return list(view.render(obj, self.width))

    def out_of_band_lines(self, obj: Any) -> list[str]:
        """How an object the current shape does not cover is written."""
        view = find_view(obj, "custom")
        if view is not None:
            return self._custom_lines(obj, view)
        if is_datetime(obj):
            # pwsh shows a DateTime through a custom control view: framed by blank lines
            return [""] + _text_lines(format_scalar(obj)) + [""]
        if is_scalar(obj):
            return _text_lines(format_scalar(obj))
        lv = find_view(obj, "list")
        fields = lv.entries if lv is not None else default_fields(obj)
        if not fields:
            return _text_lines(to_string(obj))
        lines = list_entry_lines([f.label for f in fields], list_values(obj, fields), self.width,
                                 FORMAT_ACCENT if self.color else "")
        return [""] + lines + [""]

    def _raw(self, lines: list[str]) -> None:
        doc = self.doc
        if doc is None:
            for line in lines:
                self.emit(line)
        elif isinstance(doc, ListDocument):
            doc.add_raw(lines, self.emit)
        else:
            doc.add_raw(lines)

    # ----------------------------------------------------------------- documents
    def _open_table(self, fields: list[Field], *, table_f: bool, auto_size: bool = False, wrap: bool = False,
                    hide_header: bool = False, group_by: Any = None) -> None:
        self.doc = TableDocument(fields, width=self.width, table_f=table_f, auto_size=auto_size, wrap=wrap,
                                 hide_header=hide_header, group_by=group_by, color=self.color)

    def _add(self, obj: Any) -> None:
        doc = self.doc
        if isinstance(doc, ListDocument):
            doc.add(obj, self.emit)
        else:
            doc.add(obj)

    def _applies_to_view(self, view: Any) -> Callable[[Any], bool]:
        tn = view.type_name.lower()
        return lambda o: any(n.lower() == tn for n in type_names_of(o))

    @staticmethod
    def _applies_to_type(first: Any) -> Callable[[Any], bool]:
        tn = type_names_of(first)[0]
        return lambda o: type_names_of(o)[0] == tn

    def _open_default(self, obj: Any) -> bool:
        """Open the shape the first non-scalar object asks for (False: write it out of band)."""
        view = find_view(obj)
        if view is not None and view.kind != "custom":
            if view.kind == "table":
                self._open_table(view.columns, table_f=False, auto_size=view.auto_size,
                                 hide_header=view.hide_header, group_by=view.group_by)
            elif view.kind == "list":
                self.doc = ListDocument(view.entries, width=self.width, group_by=view.group_by,
                                        color=self.color)
            else:
                self.doc = WideDocument(view.field, width=self.width, columns=view.columns,
                                        group_by=view.group_by)
            self._applies = self._applies_to_view(view)
            return True
        fields = default_fields(obj)
        if not fields:
            return False
        if len(fields) <= SHAPE_TABLE_MAX:
            self._open_table(fields, table_f=True)
        else:
            self.doc = ListDocument(fields, width=self.width, color=self.color)
        self._applies = self._applies_to_type(obj)
        return True

    def write_default(self, obj: Any) -> None:
        """Out-Default's handling of one (already enumerated) object."""
        if obj is None or obj is AutomationNull:
            return
        if self.doc is None:
            if find_view(obj, "custom") is not None or is_scalar(obj) or is_datetime(obj):
                self._raw(self.out_of_band_lines(obj))
                return
            if not self._open_default(obj):
                self._raw(_text_lines(to_string(obj)))
                return
            self._add(obj)
            return
        if not is_scalar(obj) and self._applies(obj):
            self._add(obj)
        else:
            self._raw(self.out_of_band_lines(obj))

    def flush(self) -> None:
        """Write buffered table/wide rows now (their layout is then fixed)."""
        if self.doc is not None:
            self.doc.flush(self.emit)

    def close(self) -> None:
        """End the open shape (trailing blank line of a table or wide view)."""
        if self.doc is not None:
            self.doc.close(self.emit)
            self.doc = None

    # ----------------------------------------------------------------- explicit Format-*
    def _explicit(self, objs: Iterable[Any], opener: Callable[[Any], Callable[[Any], bool] | None],
                  rows_for_scalars: bool) -> None:
        for obj in objs:
            if obj is None or obj is AutomationNull:
                continue
            scalar = is_scalar(obj) or is_datetime(obj)
            if self.doc is None:
                if scalar and not rows_for_scalars:
                    self._raw(self.out_of_band_lines(obj))
                    continue
                applies = opener(obj)
                if applies is None:
                    self._raw(self.out_of_band_lines(obj))
                    continue
                self._applies = applies
                self._add(obj)
                continue
            if (rows_for_scalars or not scalar) and self._applies(obj):
                self._add(obj)
            else:
                self._raw(self.out_of_band_lines(obj))
        self.close()

    def format_table(self, objs: Iterable[Any], properties: Iterable[Any] | None = None, *, view: Any = None,
                     auto_size: bool = False, wrap: bool = False, hide_headers: bool = False,
                     group_by: Any = None, exclude: Iterable[str] | None = None) -> None:
        """Format-Table over ``objs`` (already enumerated), writing lines through ``emit``."""
        props = list(properties) if properties else None
        if props is None and exclude:
            props = ["*"]
        gb = _group_field(group_by)

        def opener(obj: Any) -> Callable[[Any], bool] | None:
            if props is not None:
                fields = resolve_fields(obj, props, exclude, _TABLE_KEYS)
                self._open_table(fields, table_f=True, auto_size=auto_size, wrap=wrap,
                                 hide_header=hide_headers, group_by=gb)
                return lambda o: True
            v = view if view is not None else find_view(obj, "table")
            if v is not None:
                self._open_table(v.columns, table_f=False, auto_size=auto_size or v.auto_size, wrap=wrap,
                                 hide_header=hide_headers or v.hide_header,
                                 group_by=gb if gb is not None else v.group_by)
                return self._applies_to_view(v)
            fields = default_fields(obj, cap=TABLE_COLUMN_CAP)
            if not fields:
                return None
            self._open_table(fields, table_f=True, auto_size=auto_size, wrap=wrap, hide_header=hide_headers,
                             group_by=gb)
            return self._applies_to_type(obj)

        self._explicit(objs, opener, props is not None)

    def format_list(self, objs: Iterable[Any], properties: Iterable[Any] | None = None, *, view: Any = None,
                    group_by: Any = None, exclude: Iterable[str] | None = None) -> None:
        """Format-List over ``objs``."""
        props = list(properties) if properties else None
        if props is None and exclude:
            props = ["*"]
        gb = _group_field(group_by)

        def opener(obj: Any) -> Callable[[Any], bool] | None:
            if props is not None:
                wild = any(isinstance(p, str) and any(c in p for c in "*?[") for p in props)
                if wild:  # wildcards expand per object
                    def fields_for(o: Any) -> list[Field]:
                        return resolve_fields(o, props, exclude, _LIST_KEYS)
                    self.doc = ListDocument(fields_for, width=self.width, group_by=gb, color=self.color)
                else:
                    self.doc = ListDocument(resolve_fields(obj, props, exclude, _LIST_KEYS), width=self.width,
                                            group_by=gb, color=self.color)
                return lambda o: True
            v = view if view is not None else find_view(obj, "list")
            if v is not None:
                self.doc = ListDocument(v.entries, width=self.width,
                                        group_by=gb if gb is not None else v.group_by, color=self.color)
                return self._applies_to_view(v)
            if not property_names(obj) and not default_fields(obj):
                return None
            self.doc = ListDocument(lambda o: default_fields(o), width=self.width, group_by=gb, color=self.color)
            return lambda o: True

        self._explicit(objs, opener, props is not None)

    def format_wide(self, objs: Iterable[Any], property: Any = None, *, column: int | None = None,
                    auto_size: bool = False, group_by: Any = None) -> None:
        """Format-Wide over ``objs``."""
        gb = _group_field(group_by)

        def opener(obj: Any) -> Callable[[Any], bool] | None:
            v = find_view(obj, "wide") if property is None else None
            f = make_field(property) if property is not None else wide_field(obj)
            cols = column if column else (v.columns if v is not None else None)
            self.doc = WideDocument(f, width=self.width, columns=cols, auto_size=auto_size,
                                    group_by=gb if gb is not None else (v.group_by if v is not None else None))
            return lambda o: True

        self._explicit(objs, opener, True)


def _group_field(group_by: Any) -> Field | None:
    if group_by is None:
        return None
    return make_field(group_by)


class FormatData:
    """What a Format-Table/-List/-Wide cmdlet emits: its objects and options, laid out later.

    Out-Default / Out-String render it at their own width (``Format-Table | Out-String
    -Width 200`` works as in pwsh).  ``kind`` is "table", "list" or "wide"; ``options``
    are the keyword arguments of :meth:`Formatter.format_table` / ``format_list`` /
    ``format_wide`` (properties, view, auto_size, wrap, hide_headers, group_by, exclude,
    property, column).
    """

    __ps_typename__ = "Microsoft.PowerShell.Commands.Internal.Format.FormatStartData"
    __slots__ = ("kind", "objects", "options")

    def __init__(self, kind: str, objects: Iterable[Any], **options: Any) -> None:
        if kind not in ("table", "list", "wide"):
            raise ValueError(f"unknown format kind: {kind}")
        self.kind = kind
        items: list[Any] = []
        for o in objects:
            expand_input(o, items.append)
        self.objects = items
        self.options = options

    def render(self, width: int | None = None, color: bool = False) -> list[str]:
        """The lines, at ``width`` (None: 120)."""
        lines: list[str] = []
        f = Formatter(lines.append, width, color)
        if self.kind == "table":
            f.format_table(self.objects, **self.options)
        elif self.kind == "list":
            f.format_list(self.objects, **self.options)
        else:
            f.format_wide(self.objects, **self.options)
        return lines

    def ToString(self) -> str:
        return self.__ps_typename__


class OutDefault:
    """Streaming Out-Default: ``write(obj)`` for each output object, ``close()`` at the end.

    Lines go to ``emit(line)``; ``width`` is the screen width (None: 120).  ``flush()``
    writes buffered table rows early (e.g. from a host timer, like pwsh's 300 ms window).
    """

    def __init__(self, emit: Callable[[str], None], width: int | None = None, color: bool = False) -> None:
        self.emit = emit
        self.width = width
        self._fmt = Formatter(emit, width, color)

    def _one(self, obj: Any) -> None:
        if type(obj) is FormatData:
            fmt = self._fmt
            fmt.close()
            for line in obj.render(fmt.width, fmt.color):
                self.emit(line)
            return
        self._fmt.write_default(obj)

    def write(self, obj: Any) -> None:
        if type(obj) is FormatData:
            self._one(obj)
            return
        expand_input(obj, self._one)

    def write_many(self, objs: Iterable[Any]) -> None:
        for o in objs:
            self.write(o)

    def flush(self) -> None:
        self._fmt.flush()

    def close(self) -> None:
        self._fmt.close()


def format_lines(objs: Iterable[Any], width: int | None = None) -> list[str]:
    """The lines Out-Default would print for ``objs``."""
    lines: list[str] = []
    od = OutDefault(lines.append, width)
    od.write_many(objs)
    od.close()
    return lines


def format_objects(objs: Iterable[Any], width: int | None = None) -> str:
    """Out-String: the whole text, every line ending in a newline."""
    return "".join(line + "\n" for line in format_lines(objs, width))


def out_string(objs: Iterable[Any], width: int | None = None, stream: bool = False) -> str | list[str]:
    """Out-String [-Stream]: one string, or (``stream``) one string per line."""
    lines = format_lines(objs, width)
    if stream:
        return lines
    return "".join(line + "\n" for line in lines)
