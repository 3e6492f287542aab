"""System.Text.RegularExpressions: ``[regex]`` objects and the Match / Group / Capture
objects they return, on top of ``netlib.regex`` (pattern translation, caching, .NET group
numbering and replacement syntax).

.NET regexes are case-sensitive unless ``RegexOptions.IgnoreCase`` is given (unlike
PowerShell's ``-match``).  Members that .NET has both as static and as instance methods
(``IsMatch``, ``Match``, ``Matches``, ``Replace``, ``Split``, ``Count``) are ``_Dual``
descriptors: a ``staticmethod`` on the class (so ``PSType.statics()`` lists them) and a
bound method on instances.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterator

from .enums import RegexOptions
from .netlib import regex as R
from .netlib.exceptions import ArgumentNullException, ArgumentOutOfRangeException

__all__ = ["Regex", "Match", "Group", "Capture", "GroupCollection", "CaptureCollection",
           "MatchCollection", "coerce_options"]

_VALID_OPTIONS = 0x7FF & ~0x80


def _s(v: Any) -> str:
    if isinstance(v, str):
        return str(v)
    from .conversion import to_string
    return to_string(v)


def _i(v: Any) -> int:
    if type(v) is int:
        return v
    from .conversion import to_integer
    return to_integer(v)


def _require(v: Any, name: str) -> str:
    if v is None:
        raise ArgumentNullException(f"Value cannot be null. (Parameter '{name}')")
    return _s(v)


def coerce_options(options: Any) -> Any:
    """A RegexOptions value from an enum, an int, a name list ("IgnoreCase, Multiline") or None."""
    if options is None:
        return RegexOptions(0)
    if isinstance(options, str):
        total = 0
        for part in options.split(","):
            name = part.strip()
            if not name:
                continue
            found = next((m for m in RegexOptions if m.name.lower() == name.lower()), None)
            if found is None:
                if name.lstrip("-").isdigit():
                    total |= int(name)
                    continue
                from .netlib.exceptions import ArgumentException
                raise ArgumentException(f"Requested value '{name}' was not found.")
            total |= int(found)
        options = total
    elif isinstance(options, (list, tuple)):
        total = 0
        for o in options:
            total |= int(coerce_options(o))
        options = total
    value = int(options)
    if value < 0 or value & ~_VALID_OPTIONS:
        raise ArgumentOutOfRangeException(
            "Specified argument was out of the range of valid values. (Parameter 'options')")
    return RegexOptions(value)


def _compile(pattern: Any, options: Any) -> tuple[str, Any, re.Pattern[str]]:
    p = _require(pattern, "pattern")
    opts = coerce_options(options)
    return p, opts, R.compile(p, ignore_case=False, options=int(opts))


def _search(compiled: re.Pattern[str], text: str, pos: int, endpos: int | None = None
            ) -> re.Match[str] | None:
    if endpos is None:
        return compiled.search(text, pos)
    return compiled.search(text, pos, endpos)


def _iter_matches(compiled: re.Pattern[str], text: str, start: int = 0) -> Iterator[re.Match[str]]:
    """Successive matches as .NET finds them (after an empty match the scan moves on by one)."""
    pos = start
    n = len(text)
    while pos <= n:
        m = compiled.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.end() + 1 if m.end() == m.start() else m.end()


def _last_index(compiled: re.Pattern[str]) -> int:
    groups = R.net_groups(compiled)
    return groups[-1][1] if groups else 0


def _substitute(compiled: re.Pattern[str], m: re.Match[str], text: str, replacement: str) -> str:
    """The replacement text for one match (.NET substitutions)."""
    parts = R._parse_replacement(compiled, replacement)  # noqa: SLF001 (same package)
    return R._substitute(parts, m, text, _last_index(compiled))  # noqa: SLF001


# ----------------------------------------------------------------------------- result objects

class CaptureCollection(list):
    """System.Text.RegularExpressions.CaptureCollection."""

    __ps_typename__ = "System.Text.RegularExpressions.CaptureCollection"
    __slots__ = ()

    @property
    def Count(self) -> int:
        return len(self)


class Capture:
    """System.Text.RegularExpressions.Capture: one captured substring."""

    __ps_typename__ = "System.Text.RegularExpressions.Capture"
    __ps_properties__: tuple[str, ...] = ("Index", "Length", "Value", "ValueSpan")
    __slots__ = ("_index", "_value")

    def __init__(self, index: int = 0, value: str = "") -> None:
        self._index = index
        self._value = value

    @property
    def Index(self) -> int:
        return self._index

    @property
    def Length(self) -> int:
        return len(self._value)

    @property
    def Value(self) -> str:
        return self._value

    @property
    def ValueSpan(self) -> None:
        """A ReadOnlySpan in .NET; PowerShell cannot show it (empty)."""
        return None

    def ToString(self) -> str:
        return self._value

    def __str__(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._value!r} at {self._index})"


class Group(Capture):
    """System.Text.RegularExpressions.Group: a capture group's result (Success false if it did not take part)."""

    __ps_typename__ = "System.Text.RegularExpressions.Group"
    __ps_properties__: tuple[str, ...] = ("Success", "Name", "Captures", "Index", "Length", "Value", "ValueSpan")
    __slots__ = ("_success", "_name")

    def __init__(self, name: str = "", success: bool = False, index: int = 0, value: str = "") -> None:
        super().__init__(index if success else 0, value if success else "")
        self._success = success
        self._name = name

    @property
    def Success(self) -> bool:
        return self._success

    @property
    def Name(self) -> str:
        return self._name

    @property
    def Captures(self) -> CaptureCollection:
        if not self._success:
            return CaptureCollection()
        return CaptureCollection([Capture(self._index, self._value)])


class GroupCollection(list):
    """System.Text.RegularExpressions.GroupCollection: Groups in .NET order, indexable by number or name."""

    __ps_typename__ = "System.Text.RegularExpressions.GroupCollection"
    __slots__ = ("_by_number", "_by_name")

    def __init__(self, groups: list[tuple[int, Group]] = ()) -> None:  # type: ignore[assignment]
        super().__init__(g for _, g in groups)
        self._by_number: dict[int, Group] = {n: g for n, g in groups}
        self._by_name: dict[str, Group] = {g.Name: g for _, g in groups}

    def ps_index(self, key: Any) -> Group:
        """``$m.Groups[1]`` (by group number) / ``$m.Groups['name']`` (by name); unknown -> failed Group."""
        if isinstance(key, str):
            g = self._by_name.get(key)
            if g is None and key.isdigit():
                g = self._by_number.get(int(key))
            return g if g is not None else Group()
        try:
            return self._by_number.get(int(key)) or Group()
        except (TypeError, ValueError):
            return Group()

    def get_Item(self, key: Any) -> Group:
        return self.ps_index(key)

    @property
    def Count(self) -> int:
        return len(self)

    @property
    def Keys(self) -> list[str]:
        return [g.Name for g in self]

    @property
    def Values(self) -> list[Group]:
        return list(self)

    def ContainsKey(self, key: str) -> bool:
        return key in self._by_name

    @property
    def IsReadOnly(self) -> bool:
        return True


class Match(Group):
    """System.Text.RegularExpressions.Match: the result of a regex search (Success false when none)."""

    __ps_typename__ = "System.Text.RegularExpressions.Match"
    __ps_properties__ = ("Groups", "Success", "Name", "Captures", "Index", "Length", "Value", "ValueSpan")
    __slots__ = ("_re", "_m", "_text", "_groups", "_endpos")

    def __init__(self, compiled: re.Pattern[str] | None = None, m: re.Match[str] | None = None,
                 text: str = "", endpos: int | None = None) -> None:
        if m is not None:
            super().__init__("0", True, m.start(), m.group(0))
        else:
            super().__init__("0", False)
        self._re = compiled
        self._m = m
        self._text = text
        self._groups: GroupCollection | None = None
        self._endpos = endpos

    @property
    def Groups(self) -> GroupCollection:
        if self._groups is None:
            items: list[tuple[int, Group]] = [(0, Group("0", self._success, self._index, self._value))]
            if self._re is not None:
                for number, (key, idx) in enumerate(R.net_groups(self._re), start=1):
                    num = key if isinstance(key, int) else number
                    name = str(key)
                    if self._m is not None and self._m.group(idx) is not None:
                        items.append((num, Group(name, True, self._m.start(idx), self._m.group(idx))))
                    else:
                        items.append((num, Group(name, False)))
            self._groups = GroupCollection(items)
        return self._groups

    def NextMatch(self) -> "Match":
        """The next match after this one in the same input (a failed Match at the end)."""
        if self._m is None or self._re is None:
            return self
        m = self._m
        pos = m.end() + 1 if m.end() == m.start() else m.end()
        limit = len(self._text) if self._endpos is None else self._endpos
        if pos > limit:
            return Match(self._re, None, self._text)
        return Match(self._re, _search(self._re, self._text, pos, self._endpos), self._text, self._endpos)

    def Result(self, replacement: Any) -> str:
        """The replacement pattern expanded for this match ($1, ${name}, $&...)."""
        rep = _require(replacement, "replacement")
        if self._m is None or self._re is None:
            from .netlib.exceptions import NotSupportedException
            raise NotSupportedException("Result cannot be called on a failed Match.")
        return _substitute(self._re, self._m, self._text, rep)



Match.Empty = Match()  # type: ignore[attr-defined]


class MatchCollection(list):
    """System.Text.RegularExpressions.MatchCollection: every successful Match, in order."""

    __ps_typename__ = "System.Text.RegularExpressions.MatchCollection"
    __slots__ = ()

    @property
    def Count(self) -> int:
        return len(self)

    @property
    def IsReadOnly(self) -> bool:
        return True


# ----------------------------------------------------------------------------- Regex

class _Dual(staticmethod):
    """A .NET method name that is static on the class and an instance method on instances."""

    def __init__(self, static_fn: Callable[..., Any], inst_fn: Callable[..., Any]) -> None:
        super().__init__(static_fn)
        self.inst = inst_fn

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        if obj is None:
            return self.__func__
        return self.inst.__get__(obj, objtype)


def _evaluator(replacement: Any, compiled: re.Pattern[str], text: str) -> Any:
    """A replacement string, or a callable(re.Match) -> str for a MatchEvaluator."""
    if replacement is None:
        raise ArgumentNullException("Value cannot be null. (Parameter 'evaluator')")
    target = getattr(replacement, "invoke_evaluator", None)
    if target is None and callable(replacement) and not isinstance(replacement, str):
        target = replacement
    if target is None:
        return _s(replacement)

    def call(m: re.Match[str]) -> str:
        r = target(Match(compiled, m, text))
        return "" if r is None else _s(r)
    return call


def _replace(compiled: re.Pattern[str], text: str, replacement: Any, count: int = -1, startat: int = 0) -> str:
    rep = _evaluator(replacement, compiled, text)
    if count < -1:
        raise ArgumentOutOfRangeException(
            "Count cannot be less than -1. (Parameter 'count')")
    if startat == 0:
        return R.replace(compiled, text, rep, count)
    if startat < 0 or startat > len(text):
        raise ArgumentOutOfRangeException("Start index cannot be less than 0 or greater than input length. "
                                          "(Parameter 'startat')")
    out: list[str] = [text[:startat]]
    pos = startat
    done = 0
    for m in _iter_matches(compiled, text, startat):
        if count != -1 and done >= count:
            break
        out.append(text[pos:m.start()])
        out.append(rep(m) if callable(rep) else _substitute(compiled, m, text, rep))
        pos = m.end()
        done += 1
    out.append(text[pos:])
    return "".join(out)


def _split(compiled: re.Pattern[str], text: str, count: int = 0, startat: int = 0) -> list[str]:
    if count < 0:
        raise ArgumentOutOfRangeException("Count cannot be less than -1. (Parameter 'count')")
    if startat == 0:
        return R.split(compiled, text, count)
    parts = R.split(compiled, text[startat:], count)
    parts[0] = text[:startat] + parts[0]
    return parts


class Regex:
    """System.Text.RegularExpressions.Regex (``[regex]``): a compiled .NET pattern, case-sensitive by default."""

    __ps_typename__ = "System.Text.RegularExpressions.Regex"
    __ps_properties__ = ("Options", "MatchTimeout", "RightToLeft")
    __slots__ = ("_pattern", "_options", "_re")
    __ps_statics__ = ("CacheSize", "InfiniteMatchTimeout")

    CacheSize = 15

    def __init__(self, pattern: Any, options: Any = RegexOptions(0), match_timeout: Any = None) -> None:
        self._pattern, self._options, self._re = _compile(pattern, options)

    # ---- properties
    @property
    def Options(self) -> Any:
        return self._options

    @property
    def RightToLeft(self) -> bool:
        return bool(int(self._options) & int(RegexOptions.RightToLeft))

    @property
    def MatchTimeout(self) -> Any:
        from .netlib.timespan import TimeSpan
        return TimeSpan(-10000)

    @property
    def compiled(self) -> re.Pattern[str]:
        """The Python pattern (engine use)."""
        return self._re

    # ---- instance forms
    def _is_match(self, input: Any, startat: Any = 0) -> bool:
        text = _require(input, "input")
        return self._re.search(text, _i(startat)) is not None

    def _match(self, input: Any, startat: Any = 0, length: Any = None) -> Match:
        text = _require(input, "input")
        start = _i(startat)
        if start < 0 or start > len(text):
            raise ArgumentOutOfRangeException("Specified argument was out of the range of valid values. "
                                              "(Parameter 'startat')")
        endpos = None if length is None else start + _i(length)
        return Match(self._re, _search(self._re, text, start, endpos), text, endpos)

    def _matches(self, input: Any, startat: Any = 0) -> MatchCollection:
        text = _require(input, "input")
        return MatchCollection(Match(self._re, m, text) for m in _iter_matches(self._re, text, _i(startat)))

    def _count(self, input: Any) -> int:
        text = _require(input, "input")
        return sum(1 for _ in _iter_matches(self._re, text))

    def _replace_inst(self, input: Any, replacement: Any, count: Any = -1, startat: Any = 0) -> str:
        text = _require(input, "input")
        return _replace(self._re, text, replacement, _i(count), _i(startat))

    def _split_inst(self, input: Any, count: Any = 0, startat: Any = 0) -> list[str]:
        text = _require(input, "input")
        return _split(self._re, text, _i(count), _i(startat))

    # ---- static forms
    @staticmethod
    def _s_is_match(input: Any, pattern: Any, options: Any = None, timeout: Any = None) -> bool:
        text = _require(input, "input")
        return _compile(pattern, options)[2].search(text) is not None

    @staticmethod
    def _s_match(input: Any, pattern: Any, options: Any = None, timeout: Any = None) -> Match:
        text = _require(input, "input")
        compiled = _compile(pattern, options)[2]
        return Match(compiled, compiled.search(text), text)

    @staticmethod
    def _s_matches(input: Any, pattern: Any, options: Any = None, timeout: Any = None) -> MatchCollection:
        text = _require(input, "input")
        compiled = _compile(pattern, options)[2]
        return MatchCollection(Match(compiled, m, text) for m in _iter_matches(compiled, text))

    @staticmethod
    def _s_count(input: Any, pattern: Any, options: Any = None, timeout: Any = None) -> int:
        text = _require(input, "input")
        return sum(1 for _ in _iter_matches(_compile(pattern, options)[2], text))

    @staticmethod
    def _s_replace(input: Any, pattern: Any, replacement: Any, options: Any = None, timeout: Any = None) -> str:
        text = _require(input, "input")
        return _replace(_compile(pattern, options)[2], text, replacement)

    @staticmethod
    def _s_split(input: Any, pattern: Any, options: Any = None, timeout: Any = None) -> list[str]:
        text = _require(input, "input")
        return _split(_compile(pattern, options)[2], text)

    IsMatch = _Dual(_s_is_match.__func__, _is_match)  # type: ignore[attr-defined]
    Match = _Dual(_s_match.__func__, _match)  # type: ignore[attr-defined]
    Matches = _Dual(_s_matches.__func__, _matches)  # type: ignore[attr-defined]
    Count = _Dual(_s_count.__func__, _count)  # type: ignore[attr-defined]
    Replace = _Dual(_s_replace.__func__, _replace_inst)  # type: ignore[attr-defined]
    Split = _Dual(_s_split.__func__, _split_inst)  # type: ignore[attr-defined]

    @staticmethod
    def Escape(str: Any) -> str:  # noqa: A002 (.NET parameter name)
        return R.escape(_require(str, "str"))

    @staticmethod
    def Unescape(str: Any) -> str:  # noqa: A002
        return R.unescape(_require(str, "str"))

    # ---- groups
    def GetGroupNames(self) -> list[str]:
        return R.group_names(self._re)

    def GetGroupNumbers(self) -> list[int]:
        return [0] + [k if isinstance(k, int) else n for n, (k, _) in enumerate(R.net_groups(self._re), 1)]

    def GroupNameFromNumber(self, i: Any) -> str:
        num = _i(i)
        if num == 0:
            return "0"
        for n, (k, _) in enumerate(R.net_groups(self._re), 1):
            if (k if isinstance(k, int) else n) == num:
                return str(k)
        return ""

    def GroupNumberFromName(self, name: Any) -> int:
        key = _require(name, "name")
        if key == "0":
            return 0
        for n, (k, _) in enumerate(R.net_groups(self._re), 1):
            if str(k) == key:
                return k if isinstance(k, int) else n
        return -1

    def ToString(self) -> str:
        return self._pattern

    def __str__(self) -> str:
        return self._pattern

    def __repr__(self) -> str:
        return f"Regex({self._pattern!r}, {self._options.name})"


def _infinite() -> Any:
    from .netlib.timespan import TimeSpan
    return TimeSpan(-10000)


Regex.InfiniteMatchTimeout = _infinite()  # type: ignore[attr-defined]
