"""Internal: String.Split and the .NET white-space set (shared by ``strings``)."""
from __future__ import annotations

import unicodedata
from typing import Any

from ._enums import flag_enum


def _whitespace() -> str:
    chars = set("\t\n\x0b\x0c\r\x85\xa0")
    for cp in range(0x10000):
        if unicodedata.category(chr(cp)) in ("Zs", "Zl", "Zp"):
            chars.add(chr(cp))
    return "".join(sorted(chars))


#: Characters for which .NET ``char.IsWhiteSpace`` is true.
WHITESPACE = _whitespace()
_WS_SET = frozenset(WHITESPACE)


StringSplitOptions = flag_enum(
    "StringSplitOptions", "System.StringSplitOptions", "System.StringSplitOptions.", __name__,
    [("None", 0), ("RemoveEmptyEntries", 1), ("TrimEntries", 2)])


def split_options(value: Any) -> int | None:
    """The StringSplitOptions value of an argument, or None if it is not one."""
    if isinstance(value, StringSplitOptions):
        return int(value)
    if isinstance(value, str) and len(value) > 1:
        total = 0
        for part in value.split(","):
            name = part.strip().lower()
            if name == "none":
                continue
            if name == "removeemptyentries":
                total |= 1
            elif name == "trimentries":
                total |= 2
            else:
                return None
        return total
    return None


def _separators(sep: Any) -> list[str] | None:
    """Separator strings (None: split on white space)."""
    if sep is None:
        return None
    if isinstance(sep, str):
        return [sep]
    items = [("" if x is None else str(x)) for x in sep]
    if not items:
        return None
    return items


def _positions(s: str, seps: list[str] | None) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    n = len(s)
    if seps is None:
        for i, c in enumerate(s):
            if c in _WS_SET:
                found.append((i, 1))
        return found
    seps = [x for x in seps if x]
    if not seps:
        return found
    if len(seps) == 1:
        sep = seps[0]
        start = 0
        while True:
            i = s.find(sep, start)
            if i < 0:
                break
            found.append((i, len(sep)))
            start = i + len(sep)
        return found
    if all(len(x) == 1 for x in seps):
        cs = set(seps)
        return [(i, 1) for i, c in enumerate(s) if c in cs]
    i = 0
    while i < n:
        for sep in seps:
            if s.startswith(sep, i):
                found.append((i, len(sep)))
                i += len(sep) - 1
                break
        i += 1
    return found


def _strip(s: str) -> str:
    return s.strip(WHITESPACE)


def split_string(s: str, sep: Any, count: int = -1, options: int = 0) -> list[str]:
    """String.Split semantics: ``sep`` None (white space), a string, or a list of
    strings/chars; ``count`` -1 for no limit; options 1 RemoveEmptyEntries, 2 TrimEntries."""
    remove = bool(options & 1)
    trim = bool(options & 2)
    if count < 0:
        count = 2**31 - 1
    seps = _separators(sep)
    if seps is not None and len(seps) == 1 and seps[0] == "":
        count = 1
    if count <= 1 or not s:
        candidate = s
        if trim and count > 0:
            candidate = _strip(candidate)
        if remove and not candidate:
            count = 0
        return [] if count == 0 else [candidate]
    found = _positions(s, seps)
    if not found:
        candidate = _strip(s) if trim else s
        return [] if remove and not candidate else [candidate]
    result: list[str] = []
    cur = 0
    i = 0
    nf = len(found)
    while i < nf:
        pos, length = found[i]
        entry = s[cur:pos]
        if trim:
            entry = _strip(entry)
        if entry or not remove:
            result.append(entry)
        cur = pos + length
        if len(result) == count - 1:
            if remove:
                i += 1
                while i < nf:
                    pos, length = found[i]
                    entry = s[cur:pos]
                    if trim:
                        entry = _strip(entry)
                    if entry:
                        break
                    cur = pos + length
                    i += 1
            break
        i += 1
    last = s[cur:]
    if trim:
        last = _strip(last)
    if last or not remove:
        result.append(last)
    return result
