"""System.TimeSpan: a signed duration counted in 100-nanosecond ticks."""
from __future__ import annotations

import datetime as _pydt
import math
import re
from typing import Any

from .dtformat import (
    TICKS_PER_DAY,
    TICKS_PER_HOUR,
    TICKS_PER_MINUTE,
    TICKS_PER_SECOND,
    format_timespan,
)
from .exceptions import (
    ArgumentException,
    ArgumentOutOfRangeException,
    FormatException,
    OverflowException,
)

TICKS_PER_MILLISECOND = 10_000
TICKS_PER_MICROSECOND = 10
_MAX_TICKS = 2**63 - 1
_MIN_TICKS = -2**63
_TOO_LONG = "TimeSpan overflowed because the duration is too long."
_NAN = "TimeSpan does not accept floating point Not-a-Number values."


def _tdiv(a: int, b: int) -> int:
    """C# integer division (truncates toward zero)."""
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def _tmod(a: int, b: int) -> int:
    """C# remainder (sign of the dividend)."""
    return a - _tdiv(a, b) * b


def _from_double_ticks(ticks: float) -> TimeSpan:
    if ticks != ticks:
        raise OverflowException(_TOO_LONG)
    if ticks > _MAX_TICKS or ticks < _MIN_TICKS:
        raise OverflowException(_TOO_LONG)
    if ticks >= float(_MAX_TICKS):
        return TimeSpan(_MAX_TICKS)
    return TimeSpan(int(ticks))


def _interval(value: float, scale: int) -> TimeSpan:
    value = float(value)
    if value != value:
        raise ArgumentException(_NAN)
    return _from_double_ticks(value * scale)


class _TimeSpanMeta(type):
    """Gives TimeSpan its static Zero/MaxValue/MinValue members."""

    @property
    def Zero(cls) -> TimeSpan:
        return TimeSpan(0)

    @property
    def MaxValue(cls) -> TimeSpan:
        return TimeSpan(_MAX_TICKS)

    @property
    def MinValue(cls) -> TimeSpan:
        return TimeSpan(_MIN_TICKS)


class TimeSpan(metaclass=_TimeSpanMeta):
    """System.TimeSpan.

    Constructors: ``TimeSpan(ticks)``, ``TimeSpan(h, m, s)``, ``TimeSpan(d, h, m, s)``,
    ``TimeSpan(d, h, m, s, ms)``, ``TimeSpan(d, h, m, s, ms, us)`` or
    ``TimeSpan(datetime.timedelta)``.  Immutable, hashable, ordered.
    """

    __slots__ = ("_ticks",)
    __ps_typename__ = "System.TimeSpan"
    __ps_statics__ = ("TicksPerMillisecond", "TicksPerSecond", "TicksPerMinute", "TicksPerHour", "TicksPerDay")

    TicksPerMillisecond = TICKS_PER_MILLISECOND
    TicksPerSecond = TICKS_PER_SECOND
    TicksPerMinute = TICKS_PER_MINUTE
    TicksPerHour = TICKS_PER_HOUR
    TicksPerDay = TICKS_PER_DAY

    def __init__(self, *args: Any) -> None:
        if len(args) == 1:
            a = args[0]
            if isinstance(a, TimeSpan):
                ticks = a._ticks
            elif isinstance(a, _pydt.timedelta):
                ticks = ((a.days * 86400 + a.seconds) * 1_000_000 + a.microseconds) * 10
            else:
                ticks = int(a)
        elif len(args) == 0:
            ticks = 0
        elif len(args) == 3:
            h, m, s = (int(x) for x in args)
            total = h * 3600 + m * 60 + s
            if total > _MAX_TICKS // TICKS_PER_SECOND or total < _MIN_TICKS // TICKS_PER_SECOND:
                raise ArgumentOutOfRangeException(_TOO_LONG)
            ticks = total * TICKS_PER_SECOND
        elif 4 <= len(args) <= 6:
            vals = [int(x) for x in args] + [0] * (6 - len(args))
            d, h, m, s, ms, us = vals
            total_us = (((d * 86400 + h * 3600 + m * 60 + s) * 1000) + ms) * 1000 + us
            if total_us > _MAX_TICKS // 10 or total_us < _MIN_TICKS // 10:
                raise ArgumentOutOfRangeException(_TOO_LONG)
            ticks = total_us * 10
        else:
            raise ArgumentException("TimeSpan takes 1, 3, 4, 5 or 6 arguments.")
        if ticks > _MAX_TICKS or ticks < _MIN_TICKS:
            raise OverflowException(_TOO_LONG)
        object.__setattr__(self, "_ticks", ticks)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("TimeSpan is immutable")

    # --------------------------------------------------------------- properties
    @property
    def Ticks(self) -> int:
        return self._ticks

    @property
    def Days(self) -> int:
        return _tdiv(self._ticks, TICKS_PER_DAY)

    @property
    def Hours(self) -> int:
        return _tmod(_tdiv(self._ticks, TICKS_PER_HOUR), 24)

    @property
    def Minutes(self) -> int:
        return _tmod(_tdiv(self._ticks, TICKS_PER_MINUTE), 60)

    @property
    def Seconds(self) -> int:
        return _tmod(_tdiv(self._ticks, TICKS_PER_SECOND), 60)

    @property
    def Milliseconds(self) -> int:
        return _tmod(_tdiv(self._ticks, TICKS_PER_MILLISECOND), 1000)

    @property
    def Microseconds(self) -> int:
        return _tmod(_tdiv(self._ticks, TICKS_PER_MICROSECOND), 1000)

    @property
    def Nanoseconds(self) -> int:
        return _tmod(self._ticks, TICKS_PER_MICROSECOND) * 100

    @property
    def TotalDays(self) -> float:
        return float(self._ticks) / TICKS_PER_DAY

    @property
    def TotalHours(self) -> float:
        return float(self._ticks) / TICKS_PER_HOUR

    @property
    def TotalMinutes(self) -> float:
        return float(self._ticks) / TICKS_PER_MINUTE

    @property
    def TotalSeconds(self) -> float:
        return float(self._ticks) / TICKS_PER_SECOND

    @property
    def TotalMilliseconds(self) -> float:
        v = float(self._ticks) / TICKS_PER_MILLISECOND
        hi = float(_MAX_TICKS // TICKS_PER_MILLISECOND)
        lo = float(_MIN_TICKS // TICKS_PER_MILLISECOND)
        return hi if v > hi else (max(v, lo))

    @property
    def TotalMicroseconds(self) -> float:
        return float(self._ticks) / TICKS_PER_MICROSECOND

    # --------------------------------------------------------------- methods
    def Add(self, ts: TimeSpan) -> TimeSpan:
        return self._checked(self._ticks + ts._ticks)

    def Subtract(self, ts: TimeSpan) -> TimeSpan:
        return self._checked(self._ticks - ts._ticks)

    def Negate(self) -> TimeSpan:
        if self._ticks == _MIN_TICKS:
            raise OverflowException(
                "Negating the minimum value of a twos complement number is invalid.")
        return TimeSpan(-self._ticks)

    def Duration(self) -> TimeSpan:
        if self._ticks == _MIN_TICKS:
            raise OverflowException("The duration cannot be returned for TimeSpan.MinValue "
                                    "because the absolute value of TimeSpan.MinValue exceeds "
                                    "the value of TimeSpan.MaxValue.")
        return TimeSpan(abs(self._ticks))

    def Multiply(self, factor: float) -> TimeSpan:
        return self * factor

    def Divide(self, divisor: Any) -> Any:
        return self / divisor

    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        if not isinstance(other, TimeSpan):
            raise ArgumentException("Object must be of type TimeSpan.")
        return (self._ticks > other._ticks) - (self._ticks < other._ticks)

    def Equals(self, other: Any) -> bool:
        """Instance Equals; ``TimeSpan.Equals(a, b)`` works as the static overload too."""
        return isinstance(other, TimeSpan) and other._ticks == self._ticks

    def GetHashCode(self) -> int:
        t = self._ticks & 0xFFFFFFFFFFFFFFFF
        v = (t ^ (t >> 32)) & 0xFFFFFFFF
        return v - (1 << 32) if v >= (1 << 31) else v

    def ToString(self, format: str | None = None, provider: Any = None) -> str:
        """c (default) "[-][d.]hh:mm:ss[.fffffff]", g, G, or a custom TimeSpan format."""
        if format is not None and not isinstance(format, str):
            provider, format = format, None
        return format_timespan(self._ticks, format, provider)

    def __ps_format__(self, fmt: str | None, culture: Any) -> str:
        return format_timespan(self._ticks, fmt, culture)

    def to_timedelta(self) -> _pydt.timedelta:
        """The equivalent Python timedelta (sub-microsecond ticks truncated)."""
        return _pydt.timedelta(microseconds=_tdiv(self._ticks, 10))

    # --------------------------------------------------------------- statics
    @staticmethod
    def FromDays(value: float) -> TimeSpan:
        return _interval(value, TICKS_PER_DAY)

    @staticmethod
    def FromHours(value: float) -> TimeSpan:
        return _interval(value, TICKS_PER_HOUR)

    @staticmethod
    def FromMinutes(value: float) -> TimeSpan:
        return _interval(value, TICKS_PER_MINUTE)

    @staticmethod
    def FromSeconds(value: float) -> TimeSpan:
        return _interval(value, TICKS_PER_SECOND)

    @staticmethod
    def FromMilliseconds(value: float) -> TimeSpan:
        return _interval(value, TICKS_PER_MILLISECOND)

    @staticmethod
    def FromMicroseconds(value: float) -> TimeSpan:
        return _interval(value, TICKS_PER_MICROSECOND)

    @staticmethod
    def FromTicks(value: int) -> TimeSpan:
        return TimeSpan(int(value))

    @staticmethod
    def Compare(t1: TimeSpan, t2: TimeSpan) -> int:
        return (t1._ticks > t2._ticks) - (t1._ticks < t2._ticks)

    @staticmethod
    def Parse(s: str, provider: Any = None) -> TimeSpan:
        """[-]{ d | [d.]h:m[:s[.f]] | d:h:m:s[.f] } with range checks like .NET."""
        return parse_timespan(s)

    # --------------------------------------------------------------- operators
    @staticmethod
    def _checked(ticks: int) -> TimeSpan:
        if ticks > _MAX_TICKS or ticks < _MIN_TICKS:
            raise OverflowException(_TOO_LONG)
        return TimeSpan(ticks)

    def __add__(self, other: Any) -> Any:
        if isinstance(other, TimeSpan):
            return self._checked(self._ticks + other._ticks)
        return NotImplemented

    def __sub__(self, other: Any) -> Any:
        if isinstance(other, TimeSpan):
            return self._checked(self._ticks - other._ticks)
        return NotImplemented

    def __neg__(self) -> TimeSpan:
        return self.Negate()

    def __pos__(self) -> TimeSpan:
        return self

    def __abs__(self) -> TimeSpan:
        return self.Duration()

    def __mul__(self, factor: Any) -> Any:
        if isinstance(factor, TimeSpan) or isinstance(factor, bool):
            return NotImplemented
        try:
            f = float(factor)
        except (TypeError, ValueError):
            return NotImplemented
        if f != f:
            raise ArgumentException(_NAN)
        q = self._ticks * f
        return _from_double_ticks(float(round(q)) if math.isfinite(q) else q)

    __rmul__ = __mul__

    def __truediv__(self, divisor: Any) -> Any:
        if isinstance(divisor, TimeSpan):
            if divisor._ticks == 0:
                if self._ticks == 0:
                    return float("nan")
                return float("inf") if self._ticks > 0 else float("-inf")
            return self._ticks / divisor._ticks
        try:
            d = float(divisor)
        except (TypeError, ValueError):
            return NotImplemented
        if d != d:
            raise ArgumentException(_NAN)
        if d == 0:
            raise OverflowException(_TOO_LONG)
        q = self._ticks / d
        return _from_double_ticks(float(round(q)) if math.isfinite(q) else q)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, TimeSpan):
            return self._ticks == other._ticks
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        if isinstance(other, TimeSpan):
            return self._ticks != other._ticks
        return NotImplemented

    def __lt__(self, other: Any) -> bool:
        if isinstance(other, TimeSpan):
            return self._ticks < other._ticks
        return NotImplemented

    def __le__(self, other: Any) -> bool:
        if isinstance(other, TimeSpan):
            return self._ticks <= other._ticks
        return NotImplemented

    def __gt__(self, other: Any) -> bool:
        if isinstance(other, TimeSpan):
            return self._ticks > other._ticks
        return NotImplemented

    def __ge__(self, other: Any) -> bool:
        if isinstance(other, TimeSpan):
            return self._ticks >= other._ticks
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("TimeSpan", self._ticks))

    def __bool__(self) -> bool:
        return True

    def __str__(self) -> str:
        return format_timespan(self._ticks, None)

    def __repr__(self) -> str:
        return f"TimeSpan({format_timespan(self._ticks, None)!r})"

    def __reduce__(self) -> Any:
        return (TimeSpan, (self._ticks,))


_TS_TOKEN = re.compile(r"\d+|[.:]")


def parse_timespan(s: str) -> TimeSpan:
    """``TimeSpan.Parse``: raises FormatException / OverflowException with .NET messages."""
    if s is None:
        from .exceptions import ArgumentNullException
        raise ArgumentNullException("Value cannot be null. (Parameter 'input')")
    bad = FormatException(f"String '{s}' was not recognized as a valid TimeSpan.")
    overflow = OverflowException(
        f"The TimeSpan string '{s}' could not be parsed because at least one of the numeric "
        "components is out of range or contains too many digits.")
    text = s.strip()
    neg = False
    if text.startswith("-"):
        neg = True
        text = text[1:]
    if not text:
        raise bad
    tokens = _TS_TOKEN.findall(text)
    if "".join(tokens) != text:
        raise bad
    nums = [t for t in tokens[0::2]]
    seps = "".join(tokens[1::2])
    if any(not t.isdigit() for t in nums) or any(t not in ".:" for t in tokens[1::2]):
        raise bad
    layouts = {
        "": "d", ":": "hm", "::": "hms", ".:": "dhm", ".::": "dhms", "::.": "hmsf",
        ".::.": "dhmsf", ":::": "dhms", ":::.": "dhmsf",
    }
    layout = layouts.get(seps)
    if layout is None or len(nums) != len(layout):
        raise bad
    vals = dict(zip(layout, nums))
    try:
        days = int(vals.get("d", "0"))
        hours = int(vals.get("h", "0"))
        minutes = int(vals.get("m", "0"))
        seconds = int(vals.get("s", "0"))
    except ValueError:
        raise bad from None
    frac_txt = vals.get("f", "")
    if len(frac_txt) > 7:
        raise overflow
    frac = int(frac_txt.ljust(7, "0")) if frac_txt else 0
    if hours > 23 or minutes > 59 or seconds > 59 or days > 10675199:
        raise overflow
    ticks = (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * TICKS_PER_SECOND + frac
    if neg:
        ticks = -ticks
    if ticks > _MAX_TICKS or ticks < _MIN_TICKS:
        raise overflow
    return TimeSpan(ticks)
