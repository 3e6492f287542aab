"""The System.Text.RegularExpressions object model: Regex, Match, Group, Capture.

``Regex`` members that exist both as instance and static methods in .NET
(IsMatch, Match, Matches, Replace, Split) are "hybrid": ``Regex.Match(input,
pattern[, options])`` on the class, ``Regex(pattern).Match(input[, startat])``
on an instance.  A Regex is case-sensitive unless RegexOptions.IgnoreCase is
given (unlike PowerShell's -match).  Python's ``re`` keeps only the last capture
of a repeated group, so ``Group.Captures`` holds at most that one capture.
"""
from __future__ import annotations

import re
import types
from collections.abc import Callable, Iterator
from typing import Any

from . import regex as _rx
from .exceptions import (
    ArgumentNullException,
    ArgumentOutOfRangeException,
    KeyNotFoundException,
)


class _hybrid:
    """Descriptor: a static function on the class, an instance method on instances."""

    def __init__(self, instance_fn: Callable[..., Any], static_fn: Callable[..., Any]) -> None:
        self.instance_fn = instance_fn
        self.static_fn = static_fn
        self.__doc__ = instance_fn.__doc__

    def __get__(self, obj: Any, cls: type | None = None) -> Any:
        if obj is None:
            return self.static_fn
        return types.MethodType(self.instance_fn, obj)


class Capture:
    """System.Text.RegularExpressions.Capture."""

    __ps_typename__ = "System.Text.RegularExpressions.Capture"
    __slots__ = ("_index", "_value")

    def __init__(self, value: str, index: int) -> None:
        self._value = value
        self._index = index

    @property
    def Value(self) -> str:
        return self._value

    @property
    def Index(self) -> int:
        return self._index

    @property
    def Length(self) -> int:
        return len(self._value)

    def ToString(self) -> str:
        return self._value

    def __str__(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._value!r}, {self._index})"


class Group(Capture):
    """System.Text.RegularExpressions.Group."""

    __ps_typename__ = "System.Text.RegularExpressions.Group"
    __slots__ = ("_name", "_success")

    def __init__(self, name: str, value: str | None, index: int) -> None:
        super().__init__("" if value is None else value, index if value is not None else 0)
        self._name = name
        self._success = value is not None

    @property
    def Name(self) -> str:
        return self._name

    @property
    def Success(self) -> bool:
        return self._success

    @property
    def Captures(self) -> list[Capture]:
        return [Capture(self._value, self._index)] if self._success else []


class GroupCollection:
    """System.Text.RegularExpressions.GroupCollection (by number or by name)."""

    __ps_typename__ = "System.Text.RegularExpressions.GroupCollection"
    __slots__ = ("_groups",)

    def __init__(self, groups: list[Group]) -> None:
        self._groups = groups

    def __getitem__(self, key: Any) -> Group:
        if isinstance(key, int) and not isinstance(key, bool):
            # groups are held in .NET number order (0, numbered, then named)
            if 0 <= key < len(self._groups):
                return self._groups[key]
            return Group(str(key), None, 0)
        name = str(key)
        for g in self._groups:
            if g.Name == name:
                return g
        return Group(name, None, 0)

    def __iter__(self) -> Iterator[Group]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)

    @property
    def Count(self) -> int:
        return len(self._groups)

    @property
    def Keys(self) -> list[str]:
        return [g.Name for g in self._groups]

    @property
    def Values(self) -> list[Group]:
        return list(self._groups)

    def ContainsKey(self, key: str) -> bool:
        return any(g.Name == str(key) for g in self._groups)

    def get(self, key: str) -> Group:
        for g in self._groups:
            if g.Name == str(key):
                return g
        raise KeyNotFoundException(f"The given key '{key}' was not present in the dictionary.")


class Match(Group):
    """System.Text.RegularExpressions.Match."""

    __ps_typename__ = "System.Text.RegularExpressions.Match"
    __slots__ = ("_compiled", "_m", "_input", "_groups")

    def __init__(self, compiled: re.Pattern[str] | None, m: re.Match[str] | None,
                 text: str = "") -> None:
        super().__init__("0", m.group(0) if m is not None else None,
                         m.start() if m is not None else 0)
        self._compiled = compiled
        self._m = m
        self._input = text
        self._groups: GroupCollection | None = None

    @property
    def Groups(self) -> GroupCollection:
        if self._groups is None:
            groups = [Group("0", self._value if self._success else None, self._index)]
            if self._m is not None and self._compiled is not None:
                for key, idx in _rx.net_groups(self._compiled):
                    v = self._m.group(idx)
                    groups.append(Group(str(key), v, self._m.start(idx) if v is not None else 0))
            elif self._compiled is not None:
                groups.extend(Group(str(k), None, 0) for k, _ in _rx.net_groups(self._compiled))
            self._groups = GroupCollection(groups)
        return self._groups

    @property
    def py_match(self) -> re.Match[str] | None:
        """The underlying Python match (None for a failed match)."""
        return self._m

    def NextMatch(self) -> Match:
        if self._m is None or self._compiled is None:
            return Match(self._compiled, None, self._input)
        pos = self._m.end()
        if self._m.end() == self._m.start():
            pos += 1
        if pos > len(self._input):
            return Match(self._compiled, None, self._input)
        return Match(self._compiled, self._compiled.search(self._input, pos), self._input)

    def Result(self, replacement: str) -> str:
        if self._m is None or self._compiled is None:
            from .exceptions import NotSupportedException
            raise NotSupportedException("Result cannot be called on a failed Match.")
        parts = _rx._parse_replacement(self._compiled, replacement)
        groups = _rx.net_groups(self._compiled)
        return _rx._substitute(parts, self._m, self._input, groups[-1][1] if groups else 0)

    @staticmethod
    def _empty() -> Match:
        return Match(None, None, "")


class MatchCollection(list):  # type: ignore[type-arg]
    """System.Text.RegularExpressions.MatchCollection (a list of Match)."""

    __ps_typename__ = "System.Text.RegularExpressions.MatchCollection"

    @property
    def Count(self) -> int:
        return len(self)


def _opts(options: Any) -> int:
    return _rx._options_value(options)


def _check(input: Any, name: str = "input") -> str:
    if input is None:
        raise ArgumentNullException(f"Value cannot be null. (Parameter '{name}')")
    return str(input)


def _startat(text: str, startat: int) -> int:
    startat = int(startat)
    if startat < 0 or startat > len(text):
        raise ArgumentOutOfRangeException(
            "Start index cannot be less than 0 or greater than input length. "
            "(Parameter 'startat')")
    return startat


class Regex:
    """System.Text.RegularExpressions.Regex: ``Regex(pattern[, options])``."""

    __ps_typename__ = "System.Text.RegularExpressions.Regex"
    __slots__ = ("_pattern", "_options", "_compiled")

    def __init__(self, pattern: str, options: Any = 0, match_timeout: Any = None) -> None:
        if pattern is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'pattern')")
        self._pattern = pattern
        self._options = _opts(options)
        self._compiled = _rx.compile(pattern, ignore_case=False, options=self._options)

    @property
    def Options(self) -> Any:
        return _rx.RegexOptions(self._options)

    @property
    def RightToLeft(self) -> bool:
        return False

    @property
    def compiled(self) -> re.Pattern[str]:
        """The underlying compiled Python pattern."""
        return self._compiled

    def ToString(self) -> str:
        return self._pattern

    def __str__(self) -> str:
        return self._pattern

    def __repr__(self) -> str:
        return f"Regex({self._pattern!r})"

    def GetGroupNames(self) -> list[str]:
        return _rx.group_names(self._compiled)

    def GetGroupNumbers(self) -> list[int]:
        return list(range(len(_rx.net_groups(self._compiled)) + 1))

    def GroupNameFromNumber(self, i: int) -> str:
        names = self.GetGroupNames()
        return names[int(i)] if 0 <= int(i) < len(names) else ""

    def GroupNumberFromName(self, name: str) -> int:
        names = self.GetGroupNames()
        return names.index(name) if name in names else -1

    # -- instance forms ----------------------------------------------------------------
    def _is_match(self, input: str, startat: int = 0) -> bool:
        text = _check(input)
        return self._compiled.search(text, _startat(text, startat)) is not None

    def _match(self, input: str, startat: int = 0, length: int | None = None) -> Match:
        text = _check(input)
        start = _startat(text, startat)
        end = len(text) if length is None else start + int(length)
        return Match(self._compiled, self._compiled.search(text, start, end), text)

    def _matches(self, input: str, startat: int = 0) -> MatchCollection:
        text = _check(input)
        start = _startat(text, startat)
        return MatchCollection(Match(self._compiled, m, text)
                               for m in self._compiled.finditer(text, start))

    def _replace(self, input: str, replacement: Any, count: int = -1, startat: int = 0) -> str:
        text = _check(input)
        start = _startat(text, startat)
        if callable(replacement) and not isinstance(replacement, str):
            fn = replacement

            def evaluator(m: re.Match[str]) -> Any:
                return fn(Match(self._compiled, m, text))
            rep: Any = evaluator
        else:
            rep = _check(replacement, "replacement")
        return text[:start] + _rx.replace(self._compiled, text[start:], rep, int(count)) \
            if start else _rx.replace(self._compiled, text, rep, int(count))

    def _split(self, input: str, count: int = 0, startat: int = 0) -> list[str]:
        text = _check(input)
        return _rx.split(self._compiled, text, int(count))

    # -- static forms ------------------------------------------------------------------
    @staticmethod
    def _s_is_match(input: str, pattern: str, options: Any = 0) -> bool:
        return Regex(pattern, options)._is_match(input)

    @staticmethod
    def _s_match(input: str, pattern: str, options: Any = 0) -> Match:
        return Regex(pattern, options)._match(input)

    @staticmethod
    def _s_matches(input: str, pattern: str, options: Any = 0) -> MatchCollection:
        return Regex(pattern, options)._matches(input)

    @staticmethod
    def _s_replace(input: str, pattern: str, replacement: Any, options: Any = 0) -> str:
        return Regex(pattern, options)._replace(input, replacement)

    @staticmethod
    def _s_split(input: str, pattern: str, options: Any = 0) -> list[str]:
        return Regex(pattern, options)._split(input)

    IsMatch = _hybrid(_is_match, _s_is_match.__func__)  # type: ignore[attr-defined]
    Match = _hybrid(_match, _s_match.__func__)  # type: ignore[attr-defined]
    Matches = _hybrid(_matches, _s_matches.__func__)  # type: ignore[attr-defined]
    Replace = _hybrid(_replace, _s_replace.__func__)  # type: ignore[attr-defined]
    Split = _hybrid(_split, _s_split.__func__)  # type: ignore[attr-defined]

    @staticmethod
    def Escape(s: str) -> str:
        return _rx.escape(_check(s, "str"))

    @staticmethod
    def Unescape(s: str) -> str:
        return _rx.unescape(_check(s, "str"))
