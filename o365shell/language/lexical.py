"""Character-level scanning shared by the grammar's custom tokens and the diagnostics.

PowerShell's strings nest ($() inside "..." may hold more strings), so the few
places where a regular expression cannot find the end of a token are scanned here
by hand. Nothing here builds AST nodes except the small helpers at the bottom that
turn number text and escape sequences into values.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

DQ = '"\u201c\u201d\u201e'
SQ = "'\u2018\u2019\u201a\u201b"
DASHES = "-\u2013\u2014\u2015"
WS = " \t\f\v\u00a0\ufeff"

ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n",
           "r": "\r", "t": "\t", "v": "\v"}

HERE_START = re.compile(r'@(["\u201c\u201d\u201e\'\u2018\u2019\u201a\u201b])[ \t]*\r?\n')


def skip_single_quoted(s: str, i: int) -> int:
    """``s[i]`` opens a single-quoted string: index after its closing quote, or -1."""
    n = len(s)
    i += 1
    while i < n:
        if s[i] in SQ:
            if i + 1 < n and s[i + 1] in SQ:
                i += 2
                continue
            return i + 1
        i += 1
    return -1


def skip_double_quoted(s: str, i: int) -> int:
    """``s[i]`` opens a double-quoted string: index after its closing quote, or -1."""
    n = len(s)
    i += 1
    while i < n:
        c = s[i]
        if c == "`":
            i += 2
            continue
        if c in DQ:
            if i + 1 < n and s[i + 1] in DQ:
                i += 2
                continue
            return i + 1
        if c == "$" and i + 1 < n and s[i + 1] == "(":
            j = skip_group(s, i + 1)
            if j < 0:
                return -1
            i = j
            continue
        i += 1
    return -1


def skip_here_string(s: str, i: int) -> int:
    """``s[i:]`` starts a here-string (``@"`` + newline): index after its closing ``"@``, or -1."""
    m = HERE_START.match(s, i)
    if not m:
        return -1
    closers = DQ if m.group(1) in DQ else SQ
    pos = m.end()
    n = len(s)
    while True:
        if pos + 1 < n and s[pos] in closers and s[pos + 1] == "@":
            return pos + 2
        k = s.find("\n", pos)
        if k < 0:
            return -1
        pos = k + 1


def here_string_content(s: str, start: int, end: int) -> tuple[int, int]:
    """Content span of the here-string ``s[start:end]`` (the line breaks after the opener and
    before the closer are not part of it)."""
    m = HERE_START.match(s, start)
    assert m
    cs = m.end()
    ce = end - 2
    if ce > cs:
        ce -= 1
        if ce > cs and s[ce - 1] == "\r":
            ce -= 1
    else:
        ce = cs
    return cs, ce


def skip_comment(s: str, i: int) -> int:
    """``s[i]`` is ``#`` or ``<#``: index after the comment, or -1 for an unterminated block."""
    if s.startswith("<#", i):
        j = s.find("#>", i + 2)
        return -1 if j < 0 else j + 2
    j = s.find("\n", i)
    return len(s) if j < 0 else j


def skip_group(s: str, i: int, open_ch: str = "(", close_ch: str = ")") -> int:
    """``s[i]`` opens a bracket: index after the matching close, skipping strings and comments; -1 if none."""
    n = len(s)
    depth = 0
    while i < n:
        c = s[i]
        if c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == "`":
            i += 2
            continue
        elif c in SQ:
            j = skip_single_quoted(s, i)
            if j < 0:
                return -1
            i = j
            continue
        elif c in DQ:
            j = skip_double_quoted(s, i)
            if j < 0:
                return -1
            i = j
            continue
        elif c == "@" and i + 1 < n and (s[i + 1] in DQ or s[i + 1] in SQ) and HERE_START.match(s, i):
            j = skip_here_string(s, i)
            if j < 0:
                return -1
            i = j
            continue
        elif c == "#" and (i == 0 or s[i - 1] in WS + "\r\n;({"):
            i = skip_comment(s, i)
            continue
        elif c == "<" and i + 1 < n and s[i + 1] == "#":
            j = skip_comment(s, i)
            if j < 0:
                return -1
            i = j
            continue
        i += 1
    return -1


def unescape_single(text: str) -> str:
    """Content of a single-quoted string: doubled quotes become one."""
    if not any(q in text for q in SQ):
        return text
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        out.append(c)
        if c in SQ and i + 1 < n and text[i + 1] in SQ:
            i += 2
            continue
        i += 1
    return "".join(out)


def escape_char(s: str, i: int, end: int) -> tuple[str, int]:
    """The character(s) a backtick escape at ``s[i]`` (the backtick) stands for, and the next index."""
    if i + 1 >= end:
        return "`", i + 1
    c = s[i + 1]
    if c == "u" and i + 2 < end and s[i + 2] == "{":
        close = s.find("}", i + 3, end)
        if close > 0:
            try:
                return chr(int(s[i + 3:close], 16)), close + 1
            except ValueError:
                pass
    return ESCAPES.get(c, c), i + 2


NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")

NUMBER_RE = re.compile(
    r"(?:0x(?P<hex>[0-9a-f]+)(?P<hsuf>ul|lu|uy|us|l|u|y|s|n)?"
    r"|(?P<dec>(?:\d+(?:\.\d+)?|\.\d+)(?:e[+-]?\d+)?)(?P<suf>ul|lu|uy|us|d|l|u|y|s|n)?)"
    r"(?P<mul>kb|mb|gb|tb|pb)?",
    re.I)

_MULT = {"kb": 1024, "mb": 1024 ** 2, "gb": 1024 ** 3, "tb": 1024 ** 4, "pb": 1024 ** 5}
_SUFFIX_TYPES = {"l": "Int64", "u": "UInt32", "ul": "UInt64", "lu": "UInt64", "y": "SByte",
                 "uy": "Byte", "s": "Int16", "us": "UInt16", "n": "BigInteger", "d": "Decimal"}

I32 = (-2 ** 31, 2 ** 31 - 1)
I64 = (-2 ** 63, 2 ** 63 - 1)


def number_value(m: re.Match, negative: bool = False) -> tuple[object, str] | None:
    """Value and .NET type name of a matched number literal (None if it cannot be represented)."""
    mul = _MULT[m.group("mul").lower()] if m.group("mul") else 1
    if m.group("hex") is not None:
        v = int(m.group("hex"), 16)
        suf = (m.group("hsuf") or "").lower()
        if suf == "l":
            if v > 0x7FFFFFFFFFFFFFFF:
                v -= 1 << 64
            typ = "Int64"
        elif suf:
            typ = _SUFFIX_TYPES[suf]
        elif v <= 0x7FFFFFFF:
            typ = "Int32"
        elif v <= 0xFFFFFFFF:
            v -= 1 << 32
            typ = "Int32"
        elif v <= 0x7FFFFFFFFFFFFFFF:
            typ = "Int64"
        elif v <= 0xFFFFFFFFFFFFFFFF:
            v -= 1 << 64
            typ = "Int64"
        else:
            return None
        v *= mul
        if negative:
            v = -v
        return _fit_int(v, typ)
    text = m.group("dec")
    suf = (m.group("suf") or "").lower()
    is_real = "." in text or "e" in text.lower()
    if suf == "d":
        try:
            d = Decimal(text) * mul
        except InvalidOperation:
            return None
        return (-d if negative else d), "Decimal"
    if is_real:
        f = float(text) * mul
        if negative:
            f = -f
        if suf in ("l", "u", "ul", "lu", "y", "uy", "s", "us", "n"):
            if f != int(f):
                return None
            return _fit_int(int(f), _SUFFIX_TYPES[suf])
        return f, "Double"
    v = int(text) * mul
    if negative:
        v = -v
    if suf:
        return _fit_int(v, _SUFFIX_TYPES[suf])
    if I32[0] <= v <= I32[1]:
        return v, "Int32"
    if I64[0] <= v <= I64[1]:
        return v, "Int64"
    if abs(v) < 7.9e28:
        return Decimal(v), "Decimal"
    return float(v), "Double"


_RANGES = {"Int32": I32, "Int64": I64, "UInt32": (0, 2 ** 32 - 1), "UInt64": (0, 2 ** 64 - 1),
           "SByte": (-128, 127), "Byte": (0, 255), "Int16": (-32768, 32767), "UInt16": (0, 65535)}


def _fit_int(v: int, typ: str) -> tuple[object, str] | None:
    lo_hi = _RANGES.get(typ)
    if lo_hi and not lo_hi[0] <= v <= lo_hi[1]:
        if typ == "Int32" and I64[0] <= v <= I64[1]:
            return v, "Int64"
        return None
    return v, typ


FULL_NUMBER_RE = re.compile(r"(?P<neg>[" + DASHES + r"])?" + NUMBER_RE.pattern + r"\Z", re.I)


def bare_number(text: str) -> tuple[object, str] | None:
    """If a command-mode bare word is a number (``42``, ``-5``, ``4.5``, ``1kb``), its value and type."""
    m = FULL_NUMBER_RE.match(text)
    if not m:
        return None
    return number_value(m, negative=bool(m.group("neg")))


def blank_comments(s: str) -> str:
    """The text with comments and backtick line continuations replaced by spaces (same length,
    newlines kept), so the grammar needs no ignore rules. Strings are left untouched, except
    that comments inside their ``$( )`` subexpressions are blanked too."""
    out = list(s)
    _blank(s, out, 0, len(s), False)
    return "".join(out)


def _blank(s: str, out: list[str], i: int, n: int, in_sub: bool) -> int:
    depth = 0
    while i < n:
        c = s[i]
        if c == "`":
            if i + 1 < n and s[i + 1] == "\n":
                out[i] = " "
                out[i + 1] = " "
                i += 2
                continue
            if i + 2 < n and s[i + 1] == "\r" and s[i + 2] == "\n":
                out[i] = out[i + 1] = out[i + 2] = " "
                i += 3
                continue
            i += 2
            continue
        if c in SQ:
            j = skip_single_quoted(s, i)
            if j < 0:
                return n
            i = j
            continue
        if c in DQ:
            i = _blank_dq(s, out, i, n)
            continue
        if c == "@" and i + 1 < n and (s[i + 1] in DQ or s[i + 1] in SQ) and HERE_START.match(s, i):
            j = skip_here_string(s, i)
            if j < 0:
                return n
            i = j
            continue
        if c == "<" and i + 1 < n and s[i + 1] == "#":
            j = s.find("#>", i + 2)
            if j < 0:
                return n
            for k in range(i, j + 2):
                if out[k] not in "\r\n":
                    out[k] = " "
            i = j + 2
            continue
        if c == "#" and (i == 0 or s[i - 1] in WS + "\r\n;({}|,=" or (in_sub and s[i - 1] == "(")):
            j = s.find("\n", i)
            j = n if j < 0 else j
            if j > i and s[j - 1] == "\r":
                j -= 1
            for k in range(i, j):
                out[k] = " "
            i = j
            continue
        if in_sub:
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    return i + 1
                depth -= 1
        i += 1
    return n


def _blank_dq(s: str, out: list[str], i: int, n: int) -> int:
    """Skip a double-quoted string starting at ``i``, blanking comments inside its ``$( )`` parts."""
    i += 1
    while i < n:
        c = s[i]
        if c == "`":
            i += 2
            continue
        if c in DQ:
            if i + 1 < n and s[i + 1] in DQ:
                i += 2
                continue
            return i + 1
        if c == "$" and i + 1 < n and s[i + 1] == "(":
            i = _blank(s, out, i + 2, n, True)
            continue
        i += 1
    return n


def op_text(text: str) -> str:
    """Operator text as the AST spells it: lower case, word operators without their dash."""
    t = text.lower()
    if t[0] in "-\u2013\u2014\u2015":
        return t[1:] if len(t) > 1 and t[1].isalpha() else "-" + t[1:]
    return t
