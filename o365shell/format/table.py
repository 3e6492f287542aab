"""Table layout in pwsh's shape, rendered through tabulate.

pwsh's rules (``TableWriter.cs``, ``ColumnWidthManager.cs``, ``BaseOutputtingCommand.cs``):

* a blank line before the table and one after it;
* header labels, then a row of dashes (``min(label, width)`` dashes per column), then rows;
  header and dashes take the column's alignment; one space between columns; the last
  column is never padded, and no line ends in spaces;
* widths: measured over every row (header label and all cell texts) unless the view
  declares a width for the first column, in which case declared widths stand and the
  undeclared ones share the rest of the screen one cell at a time; ``-AutoSize``
  always measures;
* fitting: when the total is wider than the screen the last visible column shrinks,
  or is hidden when it would drop under one cell, until the table fits;
* cells: first line only plus ``…`` for multi-line text, truncation with ``…``
  keeping the head (left) or the tail (right); ``-Wrap`` word-wraps cells instead;
* ``-GroupBy``: ``   <Label>: <value>`` and a blank line before each group's table.

tabulate (imported lazily) does the padding and alignment of the pre-truncated cells.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ._text import LEFT, display_len, pad, truncate, truncate_at_newline, wrap_lines
from .values import default_alignment, format_value, format_with

__all__ = ["DEFAULT_WIDTH", "fit_widths", "TableLayout", "TableDocument", "compute_cells", "render_table",
           "group_label_line", "same_group_value"]

DEFAULT_WIDTH = 120
"""Screen width used when the host does not know one (pwsh's DefaultConsoleWidth)."""

TABLE_HEADER_STYLE = "\x1b[32;1m"
"""$PSStyle.Formatting.TableHeader."""

_TABLE_FORMAT: Any = None
_HAS_PRESERVE_KW: bool | None = None


def _table_format() -> Any:
    global _TABLE_FORMAT
    if _TABLE_FORMAT is None:
        from tabulate import DataRow, TableFormat
        _TABLE_FORMAT = TableFormat(lineabove=None, linebelowheader=None, linebetweenrows=None,
                                    linebelow=None, headerrow=DataRow("", " ", ""),
                                    datarow=DataRow("", " ", ""), padding=0, with_header_hide=None)
    return _TABLE_FORMAT


def fit_widths(widths: list[int], screen: int, separator: int = 1, minimum: int = 1) -> list[int]:
    """pwsh's ColumnWidthManager: give unassigned (0) columns the spare width, or trim to fit.

    Returns new widths; a column that had to be hidden gets -1.
    """
    w = list(widths)
    n = len(w)
    if n == 0:
        return w
    if all(x > 0 for x in w):
        if sum(w) + separator * (n - 1) <= screen:
            return w
    else:
        fixed = [x > 0 for x in w]
        for k in range(n):
            if w[k] <= 0:
                w[k] = minimum
        avail = screen - (sum(w) + separator * (n - 1))
        if avail >= 0:
            while avail > 0:
                for k in range(n):
                    if fixed[k]:
                        continue
                    w[k] += 1
                    avail -= 1
                    if avail == 0:
                        break
            return w
    while True:
        vis = [x for x in w if x > 0]
        total = sum(vis) + separator * (len(vis) - 1)
        excess = total - screen
        if excess <= 0 or not vis:
            return w
        last = -1
        for k in range(n):
            if w[k] < 0:
                break
            last = k
        if last < 0:
            return w
        nw = w[last] - excess
        w[last] = -1 if nw < minimum else nw


def _rows_to_lines(rows: list[list[str]], aligns: list[str]) -> list[str]:
    """Lay out pre-truncated rows with tabulate (first row already padded to the widths)."""
    if not rows:
        return []
    import tabulate as _tab
    global _HAS_PRESERVE_KW
    if _HAS_PRESERVE_KW is None:
        import inspect
        _HAS_PRESERVE_KW = "preserve_whitespace" in inspect.signature(_tab.tabulate).parameters
    if _HAS_PRESERVE_KW:
        text = _tab.tabulate(rows, tablefmt=_table_format(), colalign=aligns, disable_numparse=True,
                             preserve_whitespace=True)
    else:  # tabulate 0.9: a module switch
        old = _tab.PRESERVE_WHITESPACE
        _tab.PRESERVE_WHITESPACE = True
        try:
            text = _tab.tabulate(rows, tablefmt=_table_format(), colalign=aligns, disable_numparse=True)
        finally:
            _tab.PRESERVE_WHITESPACE = old
    return [line.rstrip() for line in text.split("\n")]


class TableLayout:
    """Fixed column widths and alignments: turns cell texts into table lines."""

    def __init__(self, labels: list[str], aligns: list[str], widths: list[int], *,
                 hide_header: bool = False, wrap: bool = False, header_style: str = "") -> None:
        self.labels = labels
        self.header_style = header_style
        self.aligns = aligns
        self.widths = widths
        self.hide_header = hide_header
        self.wrap = wrap
        self.visible = [k for k, x in enumerate(widths) if x > 0]

    def header_rows(self) -> list[list[str]]:
        if self.hide_header or not self.visible:
            return []
        label_lines = []
        for k in self.visible:
            lab = self.labels[k]
            w = self.widths[k]
            label_lines.append(wrap_lines(lab, w, w) if display_len(lab) > w else [lab])
        height = max(len(x) for x in label_lines)
        rows = [[ll[i] if i < len(ll) else "" for ll in label_lines] for i in range(height)]
        rows.append(["-" * min(display_len(self.labels[k]), self.widths[k]) for k in self.visible])
        return rows

    def data_rows(self, cells: list[list[str]], max_widths: list[int] | None = None,
                  multiline: list[bool] | None = None) -> list[list[str]]:
        """Physical rows for the given cell texts (truncated, or wrapped with -Wrap)."""
        vis = self.visible
        if not vis:
            return []
        widths = self.widths
        aligns = self.aligns
        if self.wrap:
            out: list[list[str]] = []
            for row in cells:
                parts = [wrap_lines(row[k], widths[k], widths[k]) if row[k] else [""] for k in vis]
                h = max(len(p) for p in parts)
                if h == 1:
                    out.append([truncate(p[0], widths[k], aligns[k]) for p, k in zip(parts, vis)])
                    continue
                for i in range(h):
                    out.append([truncate(p[i], widths[k], aligns[k]) if i < len(p) else ""
                                for p, k in zip(parts, vis)])
            return out
        # which columns need per-cell work (narrower than their widest cell, or multi-line text)
        needs = []
        for k in vis:
            nl = multiline[k] if multiline is not None else True
            too_wide = max_widths is None or max_widths[k] > widths[k]
            if nl or too_wide:
                needs.append(k)
        if not needs:
            if len(vis) == len(widths):
                return cells
            return [[r[k] for k in vis] for r in cells]
        out = []
        need_set = set(needs)
        for row in cells:
            new = []
            for k in vis:
                s = row[k]
                if k in need_set:
                    if "\n" in s or "\r" in s:
                        s = truncate_at_newline(s)
                    if display_len(s) > widths[k]:
                        s = truncate(s, widths[k], aligns[k])
                new.append(s)
            out.append(new)
        return out

    def render(self, cells: list[list[str]], with_header: bool = True,
               max_widths: list[int] | None = None, multiline: list[bool] | None = None) -> list[str]:
        """Header (when wanted) and rows as text lines."""
        if not self.visible:
            return []
        header = self.header_rows() if with_header else []
        rows = header + self.data_rows(cells, max_widths, multiline)
        if not rows:
            return []
        vis_aligns = [self.aligns[k] for k in self.visible]
        vis_widths = [self.widths[k] for k in self.visible]
        rows[0] = [pad(s, w, a) for s, w, a in zip(rows[0], vis_widths, vis_aligns)]
        lines = _rows_to_lines(rows, vis_aligns)
        if self.header_style and header:
            for i in range(len(header)):
                lines[i] = self.header_style + lines[i] + "\x1b[0m"
        return lines


def compute_cells(objs: list[Any], fields: list[Any], table_f: bool) -> list[list[str]]:
    """Cell texts for each object and field (getter errors show as empty cells)."""
    getters = [f.getter for f in fields]
    fmts = [f.format_string for f in fields]
    conv = format_value
    rows: list[list[str]] = []
    append = rows.append
    if not any(fmts):
        for o in objs:
            row = []
            for g in getters:
                try:
                    v = g(o)
                except Exception:
                    v = None
                t = type(v)
                if t is str:
                    row.append(v)
                elif v is None:
                    row.append("")
                elif t is int:
                    row.append(int.__repr__(v))
                else:
                    row.append(conv(v, table_f))
            append(row)
        return rows
    for o in objs:
        row = []
        for g, fs in zip(getters, fmts):
            try:
                v = g(o)
            except Exception:
                v = None
            row.append(format_with(v, fs, table_f) if fs else conv(v, table_f))
        append(row)
    return rows


def _measure(labels: list[str], cells: list[list[str]]) -> tuple[list[int], list[bool]]:
    widths = [display_len(lab) for lab in labels]
    multiline = [False] * len(labels)
    if not cells:
        return widths, multiline
    for k, col in enumerate(zip(*cells)):
        joined = "".join(col)
        if joined.isascii():
            m = max(map(len, col))
        else:
            m = max(map(display_len, col))
        if m > widths[k]:
            widths[k] = m
        if "\n" in joined or "\r" in joined:
            multiline[k] = True
    return widths, multiline


def group_label_line(label: str, value: Any) -> str:
    """``   <Label>: <value>`` (pwsh's GroupStartDataIndentedAutoGeneratedLabel)."""
    return ("   " + label + ": " + format_value(value)).rstrip()


def same_group_value(a: Any, b: Any) -> bool:
    """pwsh compares group-by values case-insensitively."""
    if isinstance(a, str) and isinstance(b, str):
        return a.lower() == b.lower()
    try:
        return bool(a == b) and type(a) is type(b)
    except Exception:
        return a is b


class TableDocument:
    """One table in an output stream: rows are buffered so widths can be measured over all of them.

    ``add(obj)`` adds a row, ``add_raw(lines)`` an out-of-band block (kept in order);
    ``flush(emit)`` writes what is buffered (after the first flush the layout is frozen,
    as pwsh's does after its caching window); ``close(emit)`` flushes and ends the table.
    """

    def __init__(self, fields: list[Any], *, width: int | None = None, table_f: bool = True,
                 auto_size: bool = False, wrap: bool = False, hide_header: bool = False,
                 group_by: Any = None, aligns: list[str] | None = None, color: bool = False) -> None:
        self.fields = fields
        self.color = color
        self.labels = [f.label for f in fields]
        self.width = width or DEFAULT_WIDTH
        self.table_f = table_f
        self.auto_size = auto_size
        self.wrap = wrap
        self.hide_header = hide_header
        self.group_by = group_by
        self.aligns = aligns
        self._items: list[tuple[str, Any]] = []
        self._started = False
        self._layout: TableLayout | None = None
        self._group_value: Any = None
        self._have_group = False

    # -- input
    def add(self, obj: Any) -> None:
        self._items.append(("row", obj))

    def add_raw(self, lines: list[str]) -> None:
        self._items.append(("raw", lines))

    # -- layout
    def _alignments(self, first: Any) -> list[str]:
        if self.aligns is not None:
            return self.aligns
        out = []
        for f in self.fields:
            if f.alignment:
                out.append(f.alignment)
            elif self.table_f:  # property-based table: alignment from the first object's value
                try:
                    v = f.getter(first)
                except Exception:
                    v = None
                out.append(default_alignment(v))
            else:
                out.append(LEFT)
        self.aligns = out
        return out

    def _make_layout(self, objs: list[Any], cells: list[list[str]]) -> tuple[TableLayout, list[int], list[bool]]:
        aligns = self._alignments(objs[0] if objs else None)
        measured, multiline = _measure(self.labels, cells)
        declared = [f.width or 0 for f in self.fields]
        if self.auto_size or not declared or declared[0] == 0:
            widths = list(measured)
        else:
            widths = declared
        screen = self.width
        if screen < 5:
            widths = [-1] * len(widths)
        else:
            widths = fit_widths(widths, screen)
        layout = TableLayout(self.labels, aligns, widths, hide_header=self.hide_header, wrap=self.wrap,
                             header_style=TABLE_HEADER_STYLE if self.color else "")
        return layout, measured, multiline

    # -- output
    def _segments(self) -> list[tuple[bool, Any, list[tuple[str, Any]]]]:
        """Split the buffer into (new_group?, group value, items) runs."""
        segs: list[tuple[bool, Any, list[tuple[str, Any]]]] = []
        gb = self.group_by
        cur: list[tuple[str, Any]] = []
        new = False
        value = self._group_value
        for kind, item in self._items:
            if kind == "row" and gb is not None:
                try:
                    v = gb.getter(item)
                except Exception:
                    v = None
                if not self._have_group or not same_group_value(v, value):
                    if cur:
                        segs.append((new, value, cur))
                    cur = []
                    new = True
                    value = v
                    self._have_group = True
            cur.append((kind, item))
        if cur:
            segs.append((new, value, cur))
        self._group_value = value
        return segs

    def flush(self, emit: Callable[[str], None]) -> None:
        """Write the buffered rows and blocks (measuring widths on the first flush of a group)."""
        if not self._items:
            return
        if not self._started:
            emit("")
            self._started = True
        segs = self._segments()
        self._items = []
        for new_group, value, items in segs:
            if new_group:
                if self._layout is not None:
                    emit("")
                emit(group_label_line(self.group_by.label, value))
                emit("")
                self._layout = None
            objs = [it for kind, it in items if kind == "row"]
            cells = compute_cells(objs, self.fields, self.table_f)
            header = False
            if self._layout is None:
                self._layout, measured, multiline = self._make_layout(objs, cells)
                header = True
            else:
                measured, multiline = None, None
            layout = self._layout
            if all(kind == "row" for kind, _ in items):
                for line in layout.render(cells, header, measured, multiline):
                    emit(line)
                continue
            # interleave out-of-band blocks with the rows, in order
            if header:
                for line in layout.render([], True):
                    emit(line)
            i = 0
            run: list[list[str]] = []
            for kind, it in items:
                if kind == "row":
                    run.append(cells[i])
                    i += 1
                    continue
                if run:
                    for line in layout.render(run, False, measured, multiline):
                        emit(line)
                    run = []
                for line in it:
                    emit(line)
            if run:
                for line in layout.render(run, False, measured, multiline):
                    emit(line)

    def close(self, emit: Callable[[str], None]) -> None:
        """Flush and end the table with its blank line."""
        self.flush(emit)
        if self._started:
            emit("")


def _expand(objects: Iterable[Any]) -> list[Any]:
    from .outdefault import expand_input
    out: list[Any] = []
    for o in objects:
        expand_input(o, out.append)
    return out


def render_table(objects: Iterable[Any], properties: Iterable[Any] | None = None, *, view: Any = None,
                 width: int | None = None, auto_size: bool = False, wrap: bool = False,
                 hide_headers: bool = False, group_by: Any = None, exclude: Iterable[str] | None = None
                 ) -> list[str]:
    """Format-Table: the lines (with the surrounding blank lines) for a batch of objects.

    ``properties``: names (wildcards), calculated properties (dicts with Name/Label,
    Expression (name or callable), FormatString, Width, Alignment) or callables.
    ``view``: a TableView to use instead of the type's registered one.  ``exclude``
    alone implies ``-Property *``.
    """
    from .outdefault import Formatter
    lines: list[str] = []
    fmt = Formatter(lines.append, width=width)
    fmt.format_table(_expand(objects), properties, view=view, auto_size=auto_size, wrap=wrap,
                     hide_headers=hide_headers, group_by=group_by, exclude=exclude)
    return lines

