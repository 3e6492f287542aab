"""Text measuring, truncation and word wrapping the way pwsh's formatter does them.

``display_len`` counts screen cells (East Asian wide characters take two), ``truncate``
cuts a cell value with ``…`` (U+2026) keeping the head (left/centre) or the tail (right),
and ``wrap_lines`` is pwsh's word wrapper (``StringManipulationHelper.GenerateLines``):
split on newlines, then break each line at spaces, splitting words longer than a line.
"""
from __future__ import annotations

ELLIPSIS = "\u2026"

LEFT = "left"
RIGHT = "right"
CENTER = "center"


def _char_width(c: str) -> int:
    try:
        from wcwidth import wcwidth
    except ImportError:  # pragma: no cover - wcwidth ships with prompt_toolkit
        return 1
    w = wcwidth(c)
    return 1 if w < 0 else w


def display_len(s: str) -> int:
    """Screen cells ``s`` takes (ASCII fast path)."""
    if s.isascii():
        return len(s)
    return sum(_char_width(c) for c in s)


def head_split(s: str, cells: int) -> int:
    """How many leading characters of ``s`` fit in ``cells`` screen cells."""
    if s.isascii():
        return min(len(s), max(cells, 0))
    used = 0
    for i, c in enumerate(s):
        w = _char_width(c)
        if used + w > cells:
            return i
        used += w
    return len(s)


def tail_split(s: str, cells: int) -> int:
    """Index where the trailing part of ``s`` that fits in ``cells`` cells starts."""
    if s.isascii():
        return max(len(s) - max(cells, 0), 0)
    used = 0
    for i in range(len(s) - 1, -1, -1):
        w = _char_width(s[i])
        if used + w > cells:
            return i + 1
        used += w
    return 0


def truncate_at_newline(s: str) -> str:
    """First line of a multi-line value followed by ``…`` (pwsh's TruncateAtNewLine)."""
    i = s.find("\n")
    j = s.find("\r")
    if i < 0 or (0 <= j < i):
        i = j
    if i < 0:
        return s
    return s[:i] + ELLIPSIS


def truncate(s: str, width: int, align: str = LEFT) -> str:
    """Cut ``s`` to ``width`` cells with an ellipsis (no padding); unchanged when it fits."""
    n = display_len(s)
    if n <= width:
        return s
    if width <= 0:
        return ""
    keep = width - 1
    if keep > 0:
        if align == RIGHT:
            s = ELLIPSIS + s[tail_split(s, keep):]
        else:
            s = s[:head_split(s, keep)] + ELLIPSIS
    else:
        s = s[tail_split(s, width):] if align == RIGHT else s[:head_split(s, width)]
    return s


def pad(s: str, width: int, align: str = LEFT) -> str:
    """Pad ``s`` to ``width`` cells with the given alignment."""
    n = display_len(s)
    if n >= width:
        return s
    k = width - n
    if align == RIGHT:
        return " " * k + s
    if align == CENTER:
        left = k // 2
        return " " * left + s + " " * (k - left)
    return s + " " * k


def _split_lines(val: str) -> list[str]:
    return val.replace("\r", "").split("\n")


def _words(line: str):
    """(word, delimiter) pairs: pwsh breaks at space, tab and soft hyphen."""
    start = 0
    for i, c in enumerate(line):
        if c == " " or c == "\t" or c == "\u00ad":
            yield line[start:i], c
            start = i + 1
        elif c == "\u2011" or c == "\u00a0":
            yield line[start:i], ""
            start = i + 1
    yield line[start:], ""


def wrap_lines(val: str, first_len: int, following_len: int | None = None) -> list[str]:
    """pwsh's word wrap: the lines of ``val``, each at most ``first_len`` (then ``following_len``) cells."""
    if following_len is None:
        following_len = first_len
    if not val:
        return [val]
    out: list[str] = []
    for line in _split_lines(val):
        if display_len(line) <= first_len:
            out.append(line)
            continue
        spaces_left = first_len
        line_width = first_len
        first = True
        cur: list[str] = []
        for word, delim in _words(line):
            if delim == "\u00ad":
                to_add = word + ("-" if display_len(word) + 1 == spaces_left else "")
            else:
                to_add = word + delim
            ww = display_len(to_add)
            if line_width == 0:
                if first:
                    first = False
                    line_width = following_len
                if line_width == 0:
                    break
                spaces_left = line_width
            if ww > line_width:
                for c in to_add:
                    cw = _char_width(c) if not c.isascii() else 1
                    if cw > line_width:
                        c, cw = "?", 1
                    if cw > spaces_left:
                        out.append("".join(cur))
                        cur = [c]
                        if first:
                            first = False
                            line_width = following_len
                        spaces_left = line_width - cw
                    else:
                        cur.append(c)
                        spaces_left -= cw
            elif ww > spaces_left:
                out.append("".join(cur))
                cur = [to_add]
                if first:
                    first = False
                    line_width = following_len
                spaces_left = line_width - ww
            else:
                cur.append(to_add)
                spaces_left -= ww
        out.append("".join(cur))
    return out
