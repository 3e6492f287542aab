""".NET regular expressions on top of Python's ``re``.

``translate`` rewrites .NET syntax to Python syntax; ``compile`` caches the
compiled pattern together with the .NET group numbering (unnamed groups first,
then named groups, as .NET numbers them), which ``replace``, ``split`` and
``group_dict`` use so that ``$1``, ``$Matches`` and split captures follow .NET.

Supported beyond plain ``re``: ``(?<name>)``/``(?'name')``, ``\\k<name>``,
``\\z``/``\\Z``, ``\\p{Cat}``/``\\P{Cat}`` (general categories, BMP),
``\\e``/``\\cX``, mid-pattern inline options ``(?i)``/``(?-i)``, the ``n``
(explicit capture) and ``x`` options, literal ``{`` that is not a quantifier.
Not supported (ArgumentException): balancing groups, character-class
subtraction, ``\\G``, Unicode block names, ``(?(expression)...)`` conditionals.
"""
from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Callable, Iterable
from typing import Any, Union

from ._enums import flag_enum
from ._regex_translate import _error, _Info, _translate, translate
from .exceptions import ArgumentException

__all__ = [
    "RegexOptions",
    "compile",
    "escape",
    "group_dict",
    "group_names",
    "match_groups",
    "net_groups",
    "replace",
    "split",
    "translate",
    "unescape",
]


RegexOptions = flag_enum(
    "RegexOptions", "System.Text.RegularExpressions.RegexOptions",
    "System.Text.RegularExpressions.RegexOptions.", __name__,
    [("None", 0), ("IgnoreCase", 1), ("Multiline", 2), ("ExplicitCapture", 4), ("Compiled", 8),
     ("Singleline", 16), ("IgnorePatternWhitespace", 32), ("RightToLeft", 64),
     ("ECMAScript", 256), ("CultureInvariant", 512), ("NonBacktracking", 1024)])


# ----------------------------------------------------------------------------- compile

_OPTION_NAMES = {m.name.lower(): m for m in RegexOptions if m.name}
_INFO: weakref.WeakKeyDictionary[re.Pattern[str], _Info] = weakref.WeakKeyDictionary()


def _options_value(options: Any) -> int:
    if options is None:
        return 0
    if isinstance(options, int):
        return int(options)
    if isinstance(options, str):
        options = options.split(",")
    total = 0
    for o in options:
        if isinstance(o, int):
            total |= int(o)
            continue
        name = str(o).strip().lower()
        if not name:
            continue
        if name not in _OPTION_NAMES:
            raise ArgumentException(f"Invalid RegexOptions value '{o}'.")
        total |= int(_OPTION_NAMES[name])
    return total


@functools.lru_cache(maxsize=1024)
def _compile_cached(pattern: str, opts: int) -> re.Pattern[str]:
    py, groups = _translate(pattern, bool(opts & RegexOptions.IgnorePatternWhitespace),
                            bool(opts & RegexOptions.ExplicitCapture))
    flags = 0
    if opts & RegexOptions.IgnoreCase:
        flags |= re.IGNORECASE
    if opts & RegexOptions.Multiline:
        flags |= re.MULTILINE
    if opts & RegexOptions.Singleline:
        flags |= re.DOTALL
    try:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compiled = re.compile(py, flags)
    except re.error as e:
        pos = e.pos if e.pos is not None else len(pattern)
        raise _error(pattern, min(pos + 1, len(pattern)), e.msg[:1].upper() + e.msg[1:] + ".") \
            from None
    _INFO[compiled] = _Info(groups)
    return compiled


def compile(pattern: str, ignore_case: bool = True, options: Any = ()) -> re.Pattern[str]:
    """Compile a .NET pattern (cached).  PowerShell's -match is case-insensitive by default.

    ``options`` is a RegexOptions value, or names ("Multiline", "Singleline",
    "IgnorePatternWhitespace", "ExplicitCapture", "IgnoreCase", ...) as a list or a
    comma-separated string.  Raises ArgumentException("Invalid pattern '...' at offset
    N. <reason>") for a bad pattern.
    """
    opts = _options_value(options)
    if ignore_case:
        opts |= RegexOptions.IgnoreCase
    return _compile_cached(pattern, opts)


def _info(compiled: re.Pattern[str]) -> _Info:
    info = _INFO.get(compiled)
    if info is None:
        names = {idx: name for name, idx in compiled.groupindex.items()}
        unnamed = [(i, i) for i in range(1, compiled.groups + 1) if i not in names]
        groups: list[tuple[int | str, int]] = [(k, idx) for k, (_, idx) in
                                               enumerate(unnamed, start=1)]
        groups.extend((names[i], i) for i in sorted(names))
        info = _Info(groups)
        _INFO[compiled] = info
    return info


def net_groups(compiled: re.Pattern[str]) -> list[tuple[int | str, int]]:
    """[(.NET group number or name, Python group index)] in .NET order (group 0 excluded)."""
    return list(_info(compiled).groups)


def group_names(compiled: re.Pattern[str]) -> list[str]:
    """.NET ``Regex.GetGroupNames()``: "0", numbered groups, then names."""
    return ["0"] + [str(k) for k, _ in _info(compiled).groups]


def match_groups(compiled: re.Pattern[str], match: re.Match[str]) -> list[tuple[int | str,
                                                                               str | None]]:
    """All .NET groups of a match in order: [(0, whole), (1, text or None), ..., (name, ...)]."""
    result: list[tuple[int | str, str | None]] = [(0, match.group(0))]
    for key, idx in _info(compiled).groups:
        result.append((key, match.group(idx)))
    return result


def group_dict(match: re.Match[str]) -> dict[int | str, str]:
    """PowerShell's $Matches for a match: 0 -> whole match, then successful groups in .NET
    order (numbers as int keys, names as str keys); unmatched groups are absent."""
    result: dict[int | str, str] = {0: match.group(0)}
    for key, idx in _info(match.re).groups:
        v = match.group(idx)
        if v is not None:
            result[key] = v
    return result


# ----------------------------------------------------------------------------- replace

_Part = Union[str, int]   # literal text, or a code: >=0 python group index, negatives special
_LEFT, _RIGHT, _LAST, _WHOLE = -1, -2, -3, -4


@functools.lru_cache(maxsize=512)
def _parse_replacement(compiled: re.Pattern[str], replacement: str) -> tuple[_Part, ...]:
    info = _info(compiled)
    parts: list[_Part] = []
    lit: list[str] = []
    i = 0
    n = len(replacement)

    def flush() -> None:
        if lit:
            parts.append("".join(lit))
            lit.clear()

    while i < n:
        c = replacement[i]
        if c != "$" or i + 1 >= n:
            lit.append(c)
            i += 1
            continue
        d = replacement[i + 1]
        if d.isdigit():
            j = i + 1
            while j < n and replacement[j].isdigit():
                j += 1
            num = int(replacement[i + 1:j])
            idx = 0 if num == 0 else info.by_number.get(num)
            if idx is not None:
                flush()
                parts.append(idx)
                i = j
                continue
        elif d == "{":
            end = replacement.find("}", i + 2)
            if end > 0:
                name = replacement[i + 2:end]
                idx = None
                if name.isdigit():
                    num = int(name)
                    idx = 0 if num == 0 else info.by_number.get(num)
                elif re.fullmatch(r"\w+", name):
                    idx = info.by_name.get(name)
                if idx is not None:
                    flush()
                    parts.append(idx)
                    i = end + 1
                    continue
        elif d == "$":
            lit.append("$")
            i += 2
            continue
        elif d in "&`'+_":
            flush()
            parts.append({"&": 0, "`": _LEFT, "'": _RIGHT, "+": _LAST, "_": _WHOLE}[d])
            i += 2
            continue
        lit.append("$")
        i += 1
    flush()
    return tuple(parts)


def _substitute(parts: tuple[_Part, ...], m: re.Match[str], text: str, last: int) -> str:
    out: list[str] = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif part >= 0:
            out.append(m.group(part) or "")
        elif part == _LEFT:
            out.append(text[:m.start()])
        elif part == _RIGHT:
            out.append(text[m.end():])
        elif part == _LAST:
            out.append((m.group(last) or "") if last else m.group(0))
        else:
            out.append(text)
    return "".join(out)


def replace(compiled: re.Pattern[str], text: str,
            replacement: str | Callable[[re.Match[str]], Any], count: int = -1) -> str:
    """``Regex.Replace`` with .NET substitutions ($1, ${name}, $$, $&, $0, $`, $', $+, $_).

    A ``$`` not followed by an existing group is literal.  ``replacement`` may also be a
    callable (MatchEvaluator) taking the ``re.Match`` and returning the text.  ``count``
    limits the number of replacements (-1: all).
    """
    if count == 0:
        return text
    evaluator = None if isinstance(replacement, str) else replacement
    parts = _parse_replacement(compiled, replacement) if evaluator is None else ()
    groups = _info(compiled).groups
    last = groups[-1][1] if groups else 0
    out: list[str] = []
    pos = 0
    done = 0
    for m in compiled.finditer(text):
        out.append(text[pos:m.start()])
        if evaluator is not None:
            r = evaluator(m)
            out.append("" if r is None else str(r))
        else:
            out.append(_substitute(parts, m, text, last))
        pos = m.end()
        done += 1
        if 0 < count <= done:
            break
    if not done:
        return text
    out.append(text[pos:])
    return "".join(out)


def split(compiled: re.Pattern[str], text: str, max_count: int = 0) -> list[str]:
    """``Regex.Split``: captured groups (in .NET order) are included; ``max_count`` > 0
    limits the number of parts (the last part holds the rest)."""
    if max_count == 1:
        return [text]
    groups = _info(compiled).groups
    result: list[str] = []
    pos = 0
    splits = 0
    for m in compiled.finditer(text):
        result.append(text[pos:m.start()])
        for _, idx in groups:
            v = m.group(idx)
            if v is not None:
                result.append(v)
        pos = m.end()
        splits += 1
        if max_count > 0 and splits >= max_count - 1:
            break
    result.append(text[pos:])
    return result


# ----------------------------------------------------------------------------- escape

_ESCAPE = {"\\": "\\\\", "*": "\\*", "+": "\\+", "?": "\\?", "|": "\\|", "{": "\\{",
           "[": "\\[", "(": "\\(", ")": "\\)", "^": "\\^", "$": "\\$", ".": "\\.",
           "#": "\\#", " ": "\\ ", "\t": "\\t", "\n": "\\n", "\r": "\\r", "\f": "\\f",
           "\v": "\\v"}


def escape(s: str) -> str:
    """``Regex.Escape``: escapes \\ * + ? | { [ ( ) ^ $ . # and white space."""
    return "".join(_ESCAPE.get(c, c) for c in s)


_UNESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|(.))", re.DOTALL)
_UNESC_SIMPLE = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b",
                 "b": "\b"}


def unescape(s: str) -> str:
    """``Regex.Unescape``."""
    def repl(m: re.Match[str]) -> str:
        if m.group(1):
            return chr(int(m.group(1), 16))
        if m.group(2):
            return chr(int(m.group(2), 16))
        c = m.group(3)
        return _UNESC_SIMPLE.get(c, c)
    return _UNESCAPE.sub(repl, s)


def iter_options(options: Iterable[Any]) -> int:
    """Combine option names/values into a RegexOptions integer."""
    return _options_value(list(options))
