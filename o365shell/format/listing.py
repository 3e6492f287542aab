"""List layout in pwsh's shape (``ListWriter.cs``).

Each object is a block of ``<label> : <value>`` lines, labels padded to the longest
label (capped at screen width - 4), values word-wrapped at the screen width with
continuation lines and later lines of multi-line values indented under the value.
A list starts with one blank line and every object's block is followed by one.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from ._text import display_len, head_split, wrap_lines
from .table import DEFAULT_WIDTH, group_label_line, same_group_value
from .values import format_value, format_with

__all__ = ["list_entry_lines", "list_values", "ListDocument", "render_list"]

_SEP = " : "


FORMAT_ACCENT = "\x1b[32;1m"
"""$PSStyle.Formatting.FormatAccent (list labels)."""


def list_entry_lines(labels: list[str], values: list[str], width: int | None = None,
                     accent: str = "") -> list[str]:
    """The lines of one object's block (no blank line): labels and already formatted values.

    ``accent``: an ANSI style for the labels and separators (coloured output).
    """
    width = width or DEFAULT_WIDTH
    if not labels or width - len(_SEP) - 1 - 1 < 0:
        return []
    max_label = width - len(_SEP) - 1
    lens = [display_len(lab) for lab in labels]
    lw = min(max(lens), max_label)
    padded = []
    for lab, n in zip(labels, lens):
        if n < lw:
            lab = lab + " " * (lw - n)
        elif n > lw:
            lab = lab[:head_split(lab, lw)]
        padded.append(accent + lab + _SEP + "\x1b[0m" if accent else lab + _SEP)
    lw += len(_SEP)
    field = width - lw
    indent = " " * lw
    out: list[str] = []
    for k, lab in enumerate(padded):
        v = values[k] if k < len(values) else ""
        v = v or ""
        if "\n" in v or "\r" in v:
            vlines = v.replace("\r", "").split("\n")
        else:
            vlines = [v]
        for i, line in enumerate(vlines):
            prefix = lab if i == 0 else indent
            if display_len(line) <= field:
                out.append((prefix + line).rstrip())
                continue
            for j, part in enumerate(wrap_lines(line, field, field)):
                out.append(((prefix if j == 0 else indent) + part).rstrip())
    return out


def list_values(obj: Any, fields: list[Any]) -> list[str]:
    """The formatted values of ``fields`` for ``obj`` (list rules: no "F" for doubles)."""
    vals = []
    for f in fields:
        try:
            v = f.getter(obj)
        except Exception:
            v = None
        vals.append(format_with(v, f.format_string) if f.format_string else format_value(v))
    return vals


class ListDocument:
    """A list in an output stream: written object by object (no buffering needed)."""

    def __init__(self, fields: list[Any] | Callable[[Any], list[Any]], *, width: int | None = None,
                 group_by: Any = None, color: bool = False) -> None:
        self.fields = fields
        self.color = color
        self.width = width or DEFAULT_WIDTH
        self.group_by = group_by
        self._started = False
        self._have_group = False
        self._group_value: Any = None

    def _start(self, emit: Callable[[str], None]) -> None:
        if not self._started:
            emit("")
            self._started = True

    def add(self, obj: Any, emit: Callable[[str], None]) -> None:
        self._start(emit)
        gb = self.group_by
        if gb is not None:
            try:
                v = gb.getter(obj)
            except Exception:
                v = None
            if not self._have_group or not same_group_value(v, self._group_value):
                self._have_group = True
                self._group_value = v
                emit(group_label_line(gb.label, v))
                emit("")
        fields = self.fields(obj) if callable(self.fields) else self.fields
        for line in list_entry_lines([f.label for f in fields], list_values(obj, fields), self.width,
                                     FORMAT_ACCENT if self.color else ""):
            emit(line)
        emit("")

    def add_raw(self, lines: list[str], emit: Callable[[str], None]) -> None:
        for line in lines:
            emit(line)

    def flush(self, emit: Callable[[str], None]) -> None:
        return None

    def close(self, emit: Callable[[str], None]) -> None:
        return None


def render_list(objects: Iterable[Any], properties: Iterable[Any] | None = None, *, view: Any = None,
                width: int | None = None, group_by: Any = None, exclude: Iterable[str] | None = None
                ) -> list[str]:
    """Format-List: the lines for a batch of objects (leading blank line, one after each object)."""
    from .outdefault import Formatter, expand_input
    items: list[Any] = []
    for o in objects:
        expand_input(o, items.append)
    lines: list[str] = []
    Formatter(lines.append, width=width).format_list(items, properties, view=view, group_by=group_by,
                                                      exclude=exclude)
    return lines
