"""Wide layout (Format-Wide): one value per item, several items per row.

pwsh's rules: ``-Column N`` fixes the items per row; ``-AutoSize`` measures the widest
value and fits as many as the screen takes (``ComputeWideViewBestItemsPerRowFit``);
otherwise a view's column count, else two.  The columns then share the whole screen
width evenly; values are left-aligned and cut with ``…``.  Blank line before and after.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ._text import LEFT, display_len
from .table import DEFAULT_WIDTH, TableLayout, fit_widths, group_label_line, same_group_value
from .values import format_value, format_with

__all__ = ["best_items_per_row", "WideDocument", "render_wide"]


def best_items_per_row(string_len: int, screen: int) -> int:
    """pwsh's ComputeWideViewBestItemsPerRowFit."""
    if string_len <= 0 or screen < 1 or string_len >= screen:
        return 1
    n = 1
    while True:
        nxt = n + 1
        if string_len * nxt + (nxt - 1) >= screen:
            return n
        n += 1


class WideDocument:
    """A wide view in an output stream (buffered until flush/close)."""

    def __init__(self, field: Any, *, width: int | None = None, columns: int | None = None,
                 auto_size: bool = False, group_by: Any = None) -> None:
        self.field = field
        self.width = width or DEFAULT_WIDTH
        self.columns = columns
        self.auto_size = auto_size
        self.group_by = group_by
        self._items: list[tuple[str, Any]] = []
        self._started = False
        self._groups = 0
        self._have_group = False
        self._group_value: Any = None

    def add(self, obj: Any) -> None:
        self._items.append(("row", obj))

    def add_raw(self, lines: list[str]) -> None:
        self._items.append(("raw", lines))

    def _text(self, obj: Any) -> str:
        f = self.field
        try:
            v = f.getter(obj)
        except Exception:
            v = None
        return format_with(v, f.format_string) if f.format_string else format_value(v)

    def _emit_rows(self, texts: list[str], emit: Callable[[str], None]) -> None:
        if not texts:
            return
        if self.columns and self.columns > 0 and not self.auto_size:
            n = self.columns
        elif self.auto_size:
            n = best_items_per_row(max(display_len(t) for t in texts), self.width)
        else:
            n = 2
        widths = fit_widths([0] * n, self.width) if self.width >= 5 else [-1] * n
        layout = TableLayout([""] * n, [LEFT] * n, widths, hide_header=True)
        rows = [texts[i:i + n] for i in range(0, len(texts), n)]
        rows[-1] = rows[-1] + [""] * (n - len(rows[-1]))
        for line in layout.render(rows, False):
            emit(line)

    def flush(self, emit: Callable[[str], None]) -> None:
        if not self._items:
            return
        if not self._started:
            emit("")
            self._started = True
        texts: list[str] = []
        gb = self.group_by
        for kind, it in self._items:
            if kind == "raw":
                self._emit_rows(texts, emit)
                texts = []
                for line in it:
                    emit(line)
                continue
            if gb is not None:
                try:
                    v = gb.getter(it)
                except Exception:
                    v = None
                if not self._have_group or not same_group_value(v, self._group_value):
                    self._emit_rows(texts, emit)
                    texts = []
                    if self._groups:
                        emit("")
                    self._groups += 1
                    self._have_group = True
                    self._group_value = v
                    emit(group_label_line(gb.label, v))
                    emit("")
            texts.append(self._text(it))
        self._emit_rows(texts, emit)
        self._items = []

    def close(self, emit: Callable[[str], None]) -> None:
        self.flush(emit)
        if self._started:
            emit("")


def render_wide(objects: Iterable[Any], property: Any = None, *, column: int | None = None,
                width: int | None = None, auto_size: bool = False, group_by: Any = None) -> list[str]:
    """Format-Wide: the lines for a batch of objects."""
    from .outdefault import Formatter, expand_input
    items: list[Any] = []
    for o in objects:
        expand_input(o, items.append)
    lines: list[str] = []
    Formatter(lines.append, width=width).format_wide(items, property, column=column, auto_size=auto_size,
                                                      group_by=group_by)
    return lines
