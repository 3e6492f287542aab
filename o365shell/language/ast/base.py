"""AST foundations: the source text with line lookup, and the Node and Expr base classes."""
from __future__ import annotations

import bisect


class Source:
    """The text a tree was parsed from, with its file name (or None), and line lookup."""

    __slots__ = ("text", "path", "_line_starts")

    def __init__(self, text: str, path: str | None = None) -> None:
        self.text = text
        self.path = path
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break."""
        s = self._line_starts[line - 1]
        e = self.text.find("\n", s)
        t = self.text[s:] if e < 0 else self.text[s:e]
        return t.rstrip("\r")

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

class Node:
    """Base of every node: its extent in the source text."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        fields: list[str] = []
        for klass in type(self).__mro__:
            fields = list(getattr(klass, "__slots__", ())) + fields
        return f"{type(self).__name__}(" + ", ".join(f"{f}={getattr(self, f, None)!r}" for f in fields) + ")"


class Expr(Node):
    """Base of expressions."""

    __slots__ = ()

    def __init__(self, start, end):
        self.start = start
        self.end = end
