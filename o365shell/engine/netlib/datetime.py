"""System.DateTime (plus DayOfWeek, DateTimeKind, DateTimeStyles and the clock).

A DateTime is a count of 100 ns ticks since 0001-01-01 plus a Kind; it also
keeps the equivalent naive Python ``datetime`` (microsecond precision) for
field access.  "Local" means the system time zone (``set_local_timezone``
overrides it, e.g. for tests); "now" comes from a replaceable clock
(``set_clock``).  Static members that are properties in .NET (Now, UtcNow,
Today, MinValue, MaxValue, UnixEpoch) are metaclass properties, so
``DateTime.Now`` reads the clock on every access.
"""
from __future__ import annotations

import datetime as _pydt
import enum
from collections.abc import Iterable
from typing import Any

from ._clock import (
    _local_dst,
    _local_offset,
    _offset_ticks,
    _ticks_of,
    _utc_now,
    _utc_to_local,
)
from ._clock import set_clock as set_clock  # re-exported
from ._clock import set_local_timezone as set_local_timezone  # re-exported
from ._enums import flag_enum
from .dtformat import (
    TICKS_PER_DAY,
    TICKS_PER_HOUR,
    TICKS_PER_MINUTE,
    TICKS_PER_SECOND,
    DateParts,
    format_date,
)
from .exceptions import (
    ArgumentException,
    ArgumentOutOfRangeException,
    OverflowException,
)
from .timespan import TimeSpan, _tdiv, _tmod

TICKS_PER_MILLISECOND = 10_000
MAX_TICKS = 3_155_378_975_999_999_999
FILE_TIME_OFFSET = 504_911_232_000_000_000      # ticks of 1601-01-01
OA_DATE_OFFSET = 599_264_352_000_000_000        # ticks of 1899-12-30
UNIX_EPOCH_TICKS = 621_355_968_000_000_000      # ticks of 1970-01-01
_OA_MIN_TICKS = 31_241_376_000_000_000          # ticks of 0100-01-01
_MILLIS_PER_DAY = 86_400_000
_EPOCH = _pydt.datetime(1, 1, 1)
_UNREPRESENTABLE = "The added or subtracted value results in an un-representable DateTime."


class DayOfWeek(enum.IntEnum):
    """System.DayOfWeek."""

    __ps_typename__ = "System.DayOfWeek"
    Sunday = 0
    Monday = 1
    Tuesday = 2
    Wednesday = 3
    Thursday = 4
    Friday = 5
    Saturday = 6


class DateTimeKind(enum.IntEnum):
    """System.DateTimeKind."""

    __ps_typename__ = "System.DateTimeKind"
    Unspecified = 0
    Utc = 1
    Local = 2


DateTimeStyles = flag_enum(
    "DateTimeStyles", "System.Globalization.DateTimeStyles",
    "System.Globalization.DateTimeStyles.", __name__,
    [("None", 0), ("AllowLeadingWhite", 1), ("AllowTrailingWhite", 2), ("AllowInnerWhite", 4),
     ("AllowWhiteSpaces", 7), ("NoCurrentDateDefault", 8), ("AdjustToUniversal", 16),
     ("AssumeLocal", 32), ("AssumeUniversal", 64), ("RoundtripKind", 128)])


def _kind(value: Any) -> DateTimeKind:
    if isinstance(value, DateTimeKind):
        return value
    if isinstance(value, str):
        for member in DateTimeKind:
            if member.name.lower() == value.strip().lower():
                return member
        raise ArgumentException(f"Invalid DateTimeKind value '{value}'.")
    return DateTimeKind(int(value))


class _DateTimeMeta(type):
    """Static .NET properties of DateTime that must be computed on access."""

    @property
    def Now(cls) -> DateTime:
        return DateTime._make(_ticks_of(_utc_to_local(_utc_now())), DateTimeKind.Local)

    @property
    def UtcNow(cls) -> DateTime:
        return DateTime._make(_ticks_of(_utc_now()), DateTimeKind.Utc)

    @property
    def Today(cls) -> DateTime:
        t = _ticks_of(_utc_to_local(_utc_now()))
        return DateTime._make(t - t % TICKS_PER_DAY, DateTimeKind.Local)

    @property
    def MinValue(cls) -> DateTime:
        return DateTime._make(0, DateTimeKind.Unspecified)

    @property
    def MaxValue(cls) -> DateTime:
        return DateTime._make(MAX_TICKS, DateTimeKind.Unspecified)

    @property
    def UnixEpoch(cls) -> DateTime:
        return DateTime._make(UNIX_EPOCH_TICKS, DateTimeKind.Utc)


class DateTime(metaclass=_DateTimeMeta):
    """System.DateTime.

    Constructors: ``DateTime()`` (MinValue), ``DateTime(ticks[, kind])``,
    ``DateTime(y, M, d[, h, m, s[, ms]][, kind])``, ``DateTime(datetime.datetime)``
    (aware values become Utc when their offset is zero, else Local) or
    ``DateTime(datetime.date)``.
    """

    __slots__ = ("_dt", "_kind", "_ticks")
    __ps_typename__ = "System.DateTime"

    def __init__(self, *args: Any) -> None:
        kind = DateTimeKind.Unspecified
        n = len(args)
        if n and isinstance(args[-1], DateTimeKind) and n in (2, 7, 8):
            kind = args[-1]
            args = args[:-1]
            n -= 1
        if n == 0:
            ticks = 0
        elif n == 1:
            a = args[0]
            if isinstance(a, DateTime):
                ticks, kind = a._ticks, a._kind
            elif isinstance(a, _pydt.datetime):
                if a.tzinfo is not None:
                    off = a.utcoffset()
                    if not off:
                        kind = DateTimeKind.Utc
                        a = a.replace(tzinfo=None) - (off or _pydt.timedelta(0))
                    else:
                        kind = DateTimeKind.Local
                        a = _utc_to_local(a.astimezone(_pydt.UTC).replace(tzinfo=None))
                ticks = _ticks_of(a)
            elif isinstance(a, _pydt.date):
                ticks = (a.toordinal() - 1) * TICKS_PER_DAY
            else:
                ticks = int(a)
                if ticks < 0 or ticks > MAX_TICKS:
                    raise ArgumentOutOfRangeException(
                        "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks."
                        " (Parameter 'ticks')")
        elif n in (3, 6, 7):
            vals = [int(v) for v in args] + [0] * (7 - n)
            y, mo, d, h, mi, s, ms = vals
            if not (1 <= y <= 9999 and 1 <= mo <= 12 and 1 <= d <= _days_in_month(y, mo)):
                raise ArgumentOutOfRangeException(
                    "Year, Month, and Day parameters describe an un-representable DateTime.")
            if not (0 <= h < 24 and 0 <= mi < 60 and 0 <= s < 60):
                raise ArgumentOutOfRangeException(
                    "Hour, Minute, and Second parameters describe an un-representable DateTime.")
            if not 0 <= ms < 1000:
                raise ArgumentOutOfRangeException(
                    "Valid values are between 0 and 999, inclusive. (Parameter 'millisecond')")
            ticks = _ticks_of(_pydt.datetime(y, mo, d, h, mi, s)) + ms * TICKS_PER_MILLISECOND
        else:
            raise ArgumentException(f"DateTime does not take {len(args)} arguments.")
        self._init(ticks, kind)

    def _init(self, ticks: int, kind: DateTimeKind) -> None:
        object.__setattr__(self, "_ticks", ticks)
        object.__setattr__(self, "_kind", kind)
        object.__setattr__(self, "_dt", _EPOCH + _pydt.timedelta(microseconds=ticks // 10))

    @classmethod
    def _make(cls, ticks: int, kind: DateTimeKind = DateTimeKind.Unspecified) -> DateTime:
        if ticks < 0 or ticks > MAX_TICKS:
            raise ArgumentOutOfRangeException(_UNREPRESENTABLE + " (Parameter 'value')")
        obj = object.__new__(cls)
        obj._init(ticks, kind)
        return obj

    @classmethod
    def from_datetime(cls, dt: _pydt.datetime,
                      kind: DateTimeKind = DateTimeKind.Unspecified) -> DateTime:
        """Wrap a Python datetime (naive: given ``kind``; aware: Utc or converted to Local)."""
        if dt.tzinfo is not None:
            return cls(dt)
        return cls._make(_ticks_of(dt), kind)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("DateTime is immutable")

    # ------------------------------------------------------------ properties
    @property
    def Year(self) -> int:
        return self._dt.year

    @property
    def Month(self) -> int:
        return self._dt.month

    @property
    def Day(self) -> int:
        return self._dt.day

    @property
    def Hour(self) -> int:
        return self._dt.hour

    @property
    def Minute(self) -> int:
        return self._dt.minute

    @property
    def Second(self) -> int:
        return self._dt.second

    @property
    def Millisecond(self) -> int:
        return self._dt.microsecond // 1000

    @property
    def Microsecond(self) -> int:
        return self._dt.microsecond % 1000

    @property
    def Nanosecond(self) -> int:
        return (self._ticks % 10) * 100

    @property
    def Ticks(self) -> int:
        return self._ticks

    @property
    def Kind(self) -> DateTimeKind:
        return self._kind

    @property
    def DayOfWeek(self) -> DayOfWeek:
        return DayOfWeek((self._dt.weekday() + 1) % 7)

    @property
    def DayOfYear(self) -> int:
        return self._dt.timetuple().tm_yday

    @property
    def Date(self) -> DateTime:
        return DateTime._make(self._ticks - self._ticks % TICKS_PER_DAY, self._kind)

    @property
    def TimeOfDay(self) -> TimeSpan:
        return TimeSpan(self._ticks % TICKS_PER_DAY)

    # ------------------------------------------------------------ arithmetic
    def AddTicks(self, value: int) -> DateTime:
        t = self._ticks + int(value)
        if t < 0 or t > MAX_TICKS:
            raise ArgumentOutOfRangeException(_UNREPRESENTABLE + " (Parameter 'value')")
        return DateTime._make(t, self._kind)

    def _add_units(self, value: float, max_units: int, ticks_per_unit: int) -> DateTime:
        value = float(value)
        if value != value or abs(value) > max_units:
            raise ArgumentOutOfRangeException(_UNREPRESENTABLE + " (Parameter 'value')")
        integral = float(int(value))
        frac = value - integral
        ticks = int(integral) * ticks_per_unit + int(frac * ticks_per_unit)
        return self.AddTicks(ticks)

    def AddDays(self, value: float) -> DateTime:
        return self._add_units(value, 10_000 * 366, TICKS_PER_DAY)

    def AddHours(self, value: float) -> DateTime:
        return self._add_units(value, 10_000 * 366 * 24, TICKS_PER_HOUR)

    def AddMinutes(self, value: float) -> DateTime:
        return self._add_units(value, 10_000 * 366 * 24 * 60, TICKS_PER_MINUTE)

    def AddSeconds(self, value: float) -> DateTime:
        return self._add_units(value, 10_000 * 366 * 24 * 3600, TICKS_PER_SECOND)

    def AddMilliseconds(self, value: float) -> DateTime:
        return self._add_units(value, 10_000 * 366 * 24 * 3600 * 1000, TICKS_PER_MILLISECOND)

    def AddMicroseconds(self, value: float) -> DateTime:
        return self._add_units(value, 10_000 * 366 * 24 * 3600 * 1000 * 1000, 10)

    def AddMonths(self, months: int) -> DateTime:
        months = int(months)
        if months < -120000 or months > 120000:
            raise ArgumentOutOfRangeException(
                "Months value must be between +/-120000. (Parameter 'months')")
        d = self._dt
        total = d.year * 12 + (d.month - 1) + months
        y, m0 = divmod(total, 12)
        if y < 1 or y > 9999:
            raise ArgumentOutOfRangeException(_UNREPRESENTABLE + " (Parameter 'months')")
        day = min(d.day, _days_in_month(y, m0 + 1))
        date_ticks = (_pydt.date(y, m0 + 1, day).toordinal() - 1) * TICKS_PER_DAY
        return DateTime._make(date_ticks + self._ticks % TICKS_PER_DAY, self._kind)

    def AddYears(self, value: int) -> DateTime:
        value = int(value)
        if value < -10000 or value > 10000:
            raise ArgumentOutOfRangeException(
                "Years value must be between +/-10000. (Parameter 'years')")
        try:
            return self.AddMonths(value * 12)
        except ArgumentOutOfRangeException:
            raise ArgumentOutOfRangeException(_UNREPRESENTABLE + " (Parameter 'years')") from None

    def Add(self, value: TimeSpan) -> DateTime:
        return self.AddTicks(value.Ticks)

    def Subtract(self, value: Any) -> Any:
        """DateTime -> TimeSpan difference; TimeSpan -> earlier DateTime."""
        if isinstance(value, DateTime):
            return TimeSpan(self._ticks - value._ticks)
        if isinstance(value, TimeSpan):
            return self.AddTicks(-value.Ticks)
        raise ArgumentException("Subtract takes a DateTime or a TimeSpan.")

    # ------------------------------------------------------------ comparison
    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        if not isinstance(other, DateTime):
            raise ArgumentException("Object must be of type DateTime.")
        return (self._ticks > other._ticks) - (self._ticks < other._ticks)

    def Equals(self, other: Any) -> bool:
        """Tick equality (Kind ignored); ``DateTime.Equals(a, b)`` works as the static too."""
        return isinstance(other, DateTime) and other._ticks == self._ticks

    @staticmethod
    def Compare(t1: DateTime, t2: DateTime) -> int:
        return (t1._ticks > t2._ticks) - (t1._ticks < t2._ticks)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, DateTime):
            return self._ticks == other._ticks
        return NotImplemented

    def __ne__(self, other: object) -> bool:
        if isinstance(other, DateTime):
            return self._ticks != other._ticks
        return NotImplemented

    def __lt__(self, other: Any) -> bool:
        if isinstance(other, DateTime):
            return self._ticks < other._ticks
        return NotImplemented

    def __le__(self, other: Any) -> bool:
        if isinstance(other, DateTime):
            return self._ticks <= other._ticks
        return NotImplemented

    def __gt__(self, other: Any) -> bool:
        if isinstance(other, DateTime):
            return self._ticks > other._ticks
        return NotImplemented

    def __ge__(self, other: Any) -> bool:
        if isinstance(other, DateTime):
            return self._ticks >= other._ticks
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("DateTime", self._ticks))

    def __add__(self, other: Any) -> Any:
        if isinstance(other, TimeSpan):
            return self.AddTicks(other.Ticks)
        return NotImplemented

    def __sub__(self, other: Any) -> Any:
        if isinstance(other, DateTime):
            return TimeSpan(self._ticks - other._ticks)
        if isinstance(other, TimeSpan):
            return self.AddTicks(-other.Ticks)
        return NotImplemented

    # ------------------------------------------------------------ conversion
    def ToUniversalTime(self) -> DateTime:
        if self._kind == DateTimeKind.Utc:
            return self
        off = _offset_ticks(_local_offset(self._dt))
        t = min(max(self._ticks - off, 0), MAX_TICKS)
        return DateTime._make(t, DateTimeKind.Utc)

    def ToLocalTime(self) -> DateTime:
        if self._kind == DateTimeKind.Local:
            return self
        local = _utc_to_local(self._dt)
        t = _ticks_of(local) + self._ticks % 10
        return DateTime._make(min(max(t, 0), MAX_TICKS), DateTimeKind.Local)

    def ToFileTimeUtc(self) -> int:
        t = self.ToUniversalTime()._ticks if self._kind == DateTimeKind.Local else self._ticks
        t -= FILE_TIME_OFFSET
        if t < 0:
            raise ArgumentOutOfRangeException("Not a valid Win32 FileTime. (Parameter 'fileTime')")
        return t

    def ToFileTime(self) -> int:
        return self.ToUniversalTime().ToFileTimeUtc()

    def ToOADate(self) -> float:
        value = self._ticks
        if value == 0:
            return 0.0
        if value < TICKS_PER_DAY:
            value += OA_DATE_OFFSET
        if value < _OA_MIN_TICKS:
            raise OverflowException("Not a legal OleAut date.")
        millis = _tdiv(value - OA_DATE_OFFSET, TICKS_PER_MILLISECOND)
        if millis < 0:
            frac = _tmod(millis, _MILLIS_PER_DAY)
            if frac != 0:
                millis -= (_MILLIS_PER_DAY + frac) * 2
        return millis / _MILLIS_PER_DAY

    def IsDaylightSavingTime(self) -> bool:
        if self._kind == DateTimeKind.Utc:
            return False
        return _local_dst(self._dt)

    def to_datetime(self) -> _pydt.datetime:
        """The naive Python datetime (sub-microsecond ticks dropped)."""
        return self._dt

    def to_utc_datetime(self) -> _pydt.datetime:
        """An aware UTC Python datetime (Unspecified is treated as local, like .NET)."""
        return self.ToUniversalTime()._dt.replace(tzinfo=_pydt.UTC)

    # ------------------------------------------------------------ text
    def _parts(self, need_offset: bool) -> DateParts:
        d = self._dt
        off = None
        if need_offset and self._kind != DateTimeKind.Utc:
            off = _offset_ticks(_local_offset(d)) // (60 * TICKS_PER_SECOND)
        return DateParts(d.year, d.month, d.day, d.hour, d.minute, d.second,
                         self._ticks % TICKS_PER_SECOND, (d.weekday() + 1) % 7,
                         int(self._kind), off)

    def ToString(self, format: Any = None, provider: Any = None) -> str:
        """``ToString([format][, provider])``; default en-US "G" ("1/15/2024 2:30:00 PM")."""
        if format is not None and not isinstance(format, str):
            provider, format = format, None
        return self.__ps_format__(format, provider)

    def __ps_format__(self, fmt: str | None, culture: Any) -> str:
        need = bool(fmt) and ("z" in fmt or "K" in fmt or fmt in ("o", "O"))
        return format_date(self._parts(need), fmt, culture,
                           lambda: self.ToUniversalTime()._parts(False))

    def to_invariant_string(self) -> str:
        """Invariant "G" ("01/15/2024 14:30:00"): PowerShell's [string] / interpolation form."""
        return format_date(self._parts(False), "G", "invariant")

    def ToShortDateString(self) -> str:
        return self.ToString("d")

    def ToLongDateString(self) -> str:
        return self.ToString("D")

    def ToShortTimeString(self) -> str:
        return self.ToString("t")

    def ToLongTimeString(self) -> str:
        return self.ToString("T")

    def GetDateTimeFormats(self, format: str | None = None, provider: Any = None) -> list[str]:
        fmts = [format] if format else list("dDfFgGmortTuUy")
        return [self.ToString(f, provider) for f in fmts]

    def __str__(self) -> str:
        return self.ToString()

    def __repr__(self) -> str:
        return f"DateTime({self.ToString('o')!r}, {self._kind.name})"

    def __reduce__(self) -> Any:
        return (DateTime, (self._ticks, self._kind))

    # ------------------------------------------------------------ statics
    @staticmethod
    def IsLeapYear(year: int) -> bool:
        year = int(year)
        if year < 1 or year > 9999:
            raise ArgumentOutOfRangeException(
                "Year must be between 1 and 9999. (Parameter 'year')")
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)

    @staticmethod
    def DaysInMonth(year: int, month: int) -> int:
        month = int(month)
        if month < 1 or month > 12:
            raise ArgumentOutOfRangeException(
                "Month must be between one and twelve. (Parameter 'month')")
        DateTime.IsLeapYear(year)
        return _days_in_month(int(year), month)

    @staticmethod
    def SpecifyKind(value: DateTime, kind: Any) -> DateTime:
        return DateTime._make(value._ticks, _kind(kind))

    @staticmethod
    def FromFileTimeUtc(file_time: int) -> DateTime:
        file_time = int(file_time)
        if file_time < 0 or file_time > MAX_TICKS - FILE_TIME_OFFSET:
            raise ArgumentOutOfRangeException(
                "Not a valid Win32 FileTime. (Parameter 'fileTime')")
        return DateTime._make(file_time + FILE_TIME_OFFSET, DateTimeKind.Utc)

    @staticmethod
    def FromFileTime(file_time: int) -> DateTime:
        return DateTime.FromFileTimeUtc(file_time).ToLocalTime()

    @staticmethod
    def FromOADate(d: float) -> DateTime:
        d = float(d)
        if not (-657435.0 < d < 2958466.0):
            raise ArgumentException("Not a legal OleAut date.")
        millis = d * _MILLIS_PER_DAY + (0.5 if d >= 0 else -0.5)
        if millis < 0:
            millis -= _fmod(millis, _MILLIS_PER_DAY) * 2
        millis += OA_DATE_OFFSET / TICKS_PER_MILLISECOND
        if millis < 0 or millis >= MAX_TICKS / TICKS_PER_MILLISECOND:
            raise ArgumentException("OleAut date did not convert to a DateTime correctly.")
        return DateTime._make(int(millis) * TICKS_PER_MILLISECOND, DateTimeKind.Unspecified)

    @staticmethod
    def Parse(s: str, provider: Any = None, styles: Any = None) -> DateTime:
        """``DateTime.Parse``: ISO 8601, culture and month-name forms (see ``dtparse``)."""
        from .dtparse import parse_datetime
        return parse_datetime(s, provider, styles)

    @staticmethod
    def ParseExact(s: str, format: str | Iterable[str], provider: Any = None,
                   styles: Any = None) -> DateTime:
        """``DateTime.ParseExact`` with one format or a list of formats."""
        from .dtparse import parse_exact
        return parse_exact(s, format, provider, styles)


def _fmod(a: float, b: float) -> float:
    """C-style remainder (sign of the dividend)."""
    import math
    return math.fmod(a, b)


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def parse(s: str, culture: Any = None, styles: Any = None) -> DateTime:
    """``DateTime.Parse(s, culture[, styles])`` (see ``dtparse`` for the accepted forms)."""
    from .dtparse import parse_datetime
    return parse_datetime(s, culture, styles)


def parse_exact(s: str, formats: str | Iterable[str], culture: Any = None,
                styles: Any = None) -> DateTime:
    """``DateTime.ParseExact(s, format | formats, culture[, styles])``."""
    from .dtparse import parse_exact as _parse_exact
    return _parse_exact(s, formats, culture, styles)
