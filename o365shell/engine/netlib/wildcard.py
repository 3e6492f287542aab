"""PowerShell wildcard patterns (``-like``, ``-Name a*``, ``Where-Object Name -like``).

Semantics follow System.Management.Automation.WildcardPattern (PowerShell 7.4):

* ``*`` any run of characters, ``?`` exactly one character (newlines included);
* ``[abc]`` a set, ``[a-z]`` a range (a reversed range is an error); there is NO
  negation: ``[!a]`` / ``[^a]`` are sets containing '!' / '^';
* a ``]`` right after ``[`` is a literal member; a ``]`` outside a set is a literal;
* the backtick escapes the next character (inside sets too); a trailing lone
  backtick matches a backtick (the pattern consisting of just a backtick matches "");
* the whole string must match; case-insensitive unless ``case_sensitive``;
* an unterminated ``[`` raises WildcardPatternException("The specified wildcard
  character pattern is not valid: <pattern>").
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from ._enums import flag_enum
from .exceptions import WildcardPatternException

_SPECIAL = frozenset("*?[]`")


WildcardOptions = flag_enum(
    "WildcardOptions", "System.Management.Automation.WildcardOptions",
    "System.Management.Automation.WildcardOptions.", __name__,
    [("None", 0), ("Compiled", 1), ("IgnoreCase", 2), ("CultureInvariant", 4)])


def _invalid(pattern: str) -> WildcardPatternException:
    return WildcardPatternException(
        f"The specified wildcard character pattern is not valid: {pattern}")


def _bracket(contents: list[str], ops: list[str], pattern: str) -> str:
    if not contents:
        return "(?!)"
    parts = ["["]
    i = 0
    n = len(contents)
    while i < n:
        if i + 2 < n and ops[i + 1] == "-":
            lo, hi = contents[i], contents[i + 2]
            i += 3
            if lo > hi:
                raise _invalid(pattern)
            parts.append(re.escape(lo) + "-" + re.escape(hi))
        else:
            parts.append(re.escape(contents[i]))
            i += 1
    parts.append("]")
    return "".join(parts)


def wildcard_to_regex(pattern: str) -> str:
    """Python regex (for ``fullmatch``) equivalent to a wildcard pattern."""
    out: list[str] = []
    prev_escape = False
    started_bracket = False
    in_set = False
    contents: list[str] = []
    ops: list[str] = []
    for c in pattern:
        if in_set:
            if c == "]" and not started_bracket and not prev_escape:
                in_set = False
                out.append(_bracket(contents, ops, pattern))
            elif c != "`" or prev_escape:
                contents.append(c)
                ops.append("-" if c == "-" and not prev_escape else " ")
            started_bracket = False
        else:
            if c == "*" and not prev_escape:
                if not out or out[-1] != ".*":
                    out.append(".*")
            elif c == "?" and not prev_escape:
                out.append(".")
            elif c == "[" and not prev_escape:
                in_set = True
                contents = []
                ops = []
                started_bracket = True
            elif c != "`" or prev_escape:
                out.append(re.escape(c))
        prev_escape = c == "`" and not prev_escape
    if in_set:
        raise _invalid(pattern)
    if prev_escape and pattern != "`":
        out.append(re.escape(pattern[-1]))
    return "".join(out)


def _match_all(s: str) -> bool:
    return True


@functools.lru_cache(maxsize=4096)
def compile_wildcard(pattern: str, case_sensitive: bool = False) -> Callable[[str], bool]:
    """A cached predicate ``f(text) -> bool`` telling whether ``text`` matches ``pattern``."""
    if pattern == "*":
        return _match_all
    special = [i for i, c in enumerate(pattern) if c in _SPECIAL]
    if not special:
        if case_sensitive:
            return pattern.__eq__
        low = pattern.lower()
        return lambda s: s.lower() == low
    if len(special) == 1 and special[0] == len(pattern) - 1 and pattern[-1] == "*":
        prefix = pattern[:-1]
        if case_sensitive:
            return lambda s: s.startswith(prefix)
        low = prefix.lower()
        return lambda s: s.lower().startswith(low)
    rx = wildcard_to_regex(pattern)
    flags = re.DOTALL if case_sensitive else re.DOTALL | re.IGNORECASE
    matcher = re.compile(rx, flags).fullmatch
    return lambda s: matcher(s) is not None


def is_match(text: Any, pattern: str, case_sensitive: bool = False) -> bool:
    """Match one string (None never matches)."""
    if text is None:
        return False
    return compile_wildcard(pattern, case_sensitive)(text)


def has_wildcard(s: str | None) -> bool:
    """WildcardPattern.ContainsWildcardCharacters: an unescaped * ? [ or ]."""
    if not s:
        return False
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c in "*?[]":
            return True
        if c == "`":
            i += 1
        i += 1
    return False


def escape(s: str) -> str:
    """WildcardPattern.Escape: a backtick before each * ? [ ] (backticks are left alone)."""
    return "".join("`" + c if c in "*?[]" else c for c in s)


def unescape(s: str) -> str:
    """WildcardPattern.Unescape."""
    out: list[str] = []
    prev = False
    for c in s:
        if c == "`":
            if prev:
                out.append(c)
                prev = False
            else:
                prev = True
            continue
        if prev and c not in "*?[]":
            out.append("`")
        out.append(c)
        prev = False
    if prev:
        out.append("`")
    return "".join(out)


class WildcardPattern:
    """System.Management.Automation.WildcardPattern."""

    __ps_typename__ = "System.Management.Automation.WildcardPattern"
    __slots__ = ("_match", "_options", "_pattern")

    def __init__(self, pattern: str, options: Any = 0) -> None:
        if pattern is None:
            from .exceptions import ArgumentNullException
            raise ArgumentNullException("Value cannot be null. (Parameter 'pattern')")
        self._pattern = pattern
        self._options = WildcardOptions(int(options))
        self._match: Callable[[str], bool] | None = None

    def IsMatch(self, input: str | None) -> bool:
        if self._match is None:
            self._match = compile_wildcard(
                self._pattern, not (self._options & WildcardOptions.IgnoreCase))
        return input is not None and self._match(input)

    def ToWql(self) -> str:
        return self._pattern.replace("*", "%").replace("?", "_")

    @staticmethod
    def Get(pattern: str, options: Any = 0) -> WildcardPattern:
        return WildcardPattern(pattern, options)

    @staticmethod
    def Escape(pattern: str) -> str:
        return escape(pattern)

    @staticmethod
    def Unescape(pattern: str) -> str:
        return unescape(pattern)

    @staticmethod
    def ContainsWildcardCharacters(pattern: str) -> bool:
        return has_wildcard(pattern)

    def __repr__(self) -> str:
        return f"WildcardPattern({self._pattern!r})"
