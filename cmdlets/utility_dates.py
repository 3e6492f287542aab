"""Microsoft.PowerShell.Utility: time and randomness — Get-Date (with -Format and -UFormat),
Set-Date (refused), New-TimeSpan, Start-Sleep (honours the lab clock), Get-Random, New-Guid."""
from __future__ import annotations

import datetime as _pydt
import time
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import cast_error, parse_number, to_double, to_string
from o365shell.engine.errors import (
    ErrorCategory,
    PSArgumentException,
    PSNotSupportedException,
)
from o365shell.engine.netlib import numbers as N
from o365shell.engine.netlib.datetime import DateTime, DateTimeKind
from o365shell.engine.netlib.exceptions import DotNetException
from o365shell.engine.netlib.guid import Guid
from o365shell.engine.netlib.randomgen import PwshRandom
from o365shell.engine.netlib.timespan import TimeSpan

UTIL = "Microsoft.PowerShell.Utility"


def to_datetime(cmd: Cmdlet, value: Any, param: str) -> DateTime:
    """A -Date style argument as a DateTime (strings parsed with the current culture, en-US)."""
    if isinstance(value, DateTime):
        return value
    if isinstance(value, (list, tuple)) and len(value) == 1:
        return to_datetime(cmd, value[0], param)
    if isinstance(value, str):
        try:
            return DateTime.Parse(value, "en-US")
        except DotNetException as e:
            raise cmd.error(f"Cannot bind parameter '{param}'. Cannot convert value \"{value}\" to type "
                            f"\"System.DateTime\". Error: \"{e.Message}\"", "CannotConvertArgumentNoMessage",
                            ErrorCategory.InvalidArgument, value) from None
    if isinstance(value, int) and not isinstance(value, bool):
        return DateTime(int(value))
    from o365shell.engine.objects import MISSING, get_member
    inner = get_member(value, "DateTime") if value is not None else MISSING
    if isinstance(inner, DateTime):
        return inner
    e = cast_error(value, "System.DateTime")
    raise cmd.error(f"Cannot bind parameter '{param}'. {e.Message}", "CannotConvertArgumentNoMessage",
                    ErrorCategory.InvalidArgument, value)


# ============================================================================= Get-Date

_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"]


def uformat(d: DateTime, fmt: str) -> str:
    """Get-Date -UFormat: Unix date(1) style specifiers."""
    out: list[str] = []
    i = 0
    n = len(fmt)
    dow = int(d.DayOfWeek)
    while i < n:
        c = fmt[i]
        if c != "%" or i + 1 >= n:
            out.append(c)
            i += 1
            continue
        s = fmt[i + 1]
        i += 2
        if s == "a":
            out.append(_DAYS[dow][:3])
        elif s == "A":
            out.append(_DAYS[dow])
        elif s in ("b", "h"):
            out.append(_MONTHS[d.Month - 1][:3])
        elif s == "B":
            out.append(_MONTHS[d.Month - 1])
        elif s == "c":
            out.append(f"{_DAYS[dow][:3]} {_MONTHS[d.Month - 1][:3]} {d.Day:02d} {d.Hour:02d}:{d.Minute:02d}:"
                       f"{d.Second:02d} {d.Year:04d}")
        elif s == "C":
            out.append(f"{d.Year // 100:02d}")
        elif s == "d":
            out.append(f"{d.Day:02d}")
        elif s == "D":
            out.append(f"{d.Month:02d}/{d.Day:02d}/{d.Year % 100:02d}")
        elif s == "e":
            out.append(f"{d.Day:>2d}")
        elif s == "F":
            out.append(f"{d.Year:04d}-{d.Month:02d}-{d.Day:02d}")
        elif s == "g":
            out.append(f"{_iso(d)[0] % 100:02d}")
        elif s == "G":
            out.append(f"{_iso(d)[0]:04d}")
        elif s == "H":
            out.append(f"{d.Hour:02d}")
        elif s == "I":
            out.append(f"{(d.Hour % 12) or 12:02d}")
        elif s == "j":
            out.append(f"{d.DayOfYear:03d}")
        elif s == "k":
            out.append(f"{d.Hour:>2d}")
        elif s == "l":
            out.append(f"{(d.Hour % 12) or 12:>2d}")
        elif s == "m":
            out.append(f"{d.Month:02d}")
        elif s == "M":
            out.append(f"{d.Minute:02d}")
        elif s == "n":
            out.append("\n")
        elif s == "p":
            out.append("AM" if d.Hour < 12 else "PM")
        elif s == "r":
            out.append(f"{(d.Hour % 12) or 12:02d}:{d.Minute:02d}:{d.Second:02d} {'AM' if d.Hour < 12 else 'PM'}")
        elif s == "R":
            out.append(f"{d.Hour:02d}:{d.Minute:02d}")
        elif s == "s":
            out.append(str(_unix_seconds(d)))
        elif s == "S":
            out.append(f"{d.Second:02d}")
        elif s == "t":
            out.append("\t")
        elif s in ("T", "X"):
            out.append(f"{d.Hour:02d}:{d.Minute:02d}:{d.Second:02d}")
        elif s == "u":
            out.append(str(dow if dow else 7))
        elif s == "U":
            out.append(f"{_week_of_year(d, 0):02d}")
        elif s == "V":
            out.append(f"{_iso(d)[1]:02d}")
        elif s == "w":
            out.append(str(dow))
        elif s == "W":
            out.append(f"{_week_of_year(d, 1):02d}")
        elif s == "x":
            out.append(f"{d.Month:02d}/{d.Day:02d}/{d.Year % 100:02d}")
        elif s == "y":
            out.append(f"{d.Year % 100:02d}")
        elif s == "Y":
            out.append(f"{d.Year:04d}")
        elif s == "Z":
            out.append(d.ToString("zz"))
        elif s == "%":
            out.append("%")
        else:
            out.append(s)
    return "".join(out)


def _iso(d: DateTime) -> tuple[int, int]:
    y, w, _ = _pydt.date(d.Year, d.Month, d.Day).isocalendar()
    return y, w


def _week_of_year(d: DateTime, first_day: int) -> int:
    """Calendar.GetWeekOfYear with FirstDay rule: week 1 is the week containing Jan 1 (0 = Sunday first)."""
    jan1 = _pydt.date(d.Year, 1, 1)
    jan1_dow = (jan1.weekday() + 1) % 7          # 0 = Sunday
    offset = (jan1_dow - first_day) % 7
    return (d.DayOfYear - 1 + offset) // 7 + 1


def _unix_seconds(d: DateTime) -> int:
    u = d.ToUniversalTime() if d.Kind != DateTimeKind.Utc else d
    return (u.Ticks - 621_355_968_000_000_000) // 10_000_000


_FILE_FORMATS = {"filedate": ("yyyyMMdd", False), "filedateuniversal": ("yyyyMMddZ", True),
                 "filedatetime": ("yyyyMMddTHHmmssffff", False),
                 "filedatetimeuniversal": ("yyyyMMddTHHmmssffffZ", True)}


@cmdlet("Get-Date", module=UTIL, default_set="DateAndFormat")
class GetDate(Cmdlet):
    """Gets the current date and time.

    Gets a DateTime object for the current date and time (the lab clock once a lab has set it),
    or for the date given in -Date; -Year, -Month, -Day, -Hour, -Minute, -Second and -Millisecond
    change parts of it. -Format (.NET format strings) and -UFormat (Unix specifiers such as
    %Y-%m-%d) return a string instead."""

    Date = Parameter(object, position=0, from_pipeline=True, by_property_name=True, aliases=("LastWriteTime",),
                     sets={"DateAndFormat": {}, "DateAndUFormat": {}},
                     help="The date and time to use (a DateTime or a date string); default: now.")
    UnixTimeSeconds = Parameter("System.Int64", aliases=("UnixTime",),
                                sets={"UnixTimeSecondsAndFormat": {"mandatory": True},
                                      "UnixTimeSecondsAndUFormat": {"mandatory": True}},
                                help="The date as seconds since 1970-01-01 00:00:00 UTC.")
    Year = Parameter(int, validate_range=(1, 9999), help="The year to use.")
    Month = Parameter(int, validate_range=(1, 12), help="The month to use.")
    Day = Parameter(int, validate_range=(1, 31), help="The day of the month to use.")
    Hour = Parameter(int, validate_range=(0, 23), help="The hour to use.")
    Minute = Parameter(int, validate_range=(0, 59), help="The minute to use.")
    Second = Parameter(int, validate_range=(0, 59), help="The second to use.")
    Millisecond = Parameter(int, validate_range=(0, 999), help="The millisecond to use.")
    DisplayHint = Parameter(str, validate_set=("Date", "Time", "DateTime"), default="DateTime",
                            help="Which parts of the date are displayed: Date, Time or DateTime.")
    Format = Parameter(str, sets={"DateAndFormat": {}, "UnixTimeSecondsAndFormat": {}},
                       help="A .NET format string (e.g. yyyy-MM-dd), or FileDate, FileDateTime, ...Universal.")
    UFormat = Parameter(str, sets={"DateAndUFormat": {"mandatory": True},
                                   "UnixTimeSecondsAndUFormat": {"mandatory": True}},
                        help="A Unix format string (e.g. %Y-%m-%d %H:%M).")
    AsUTC = Parameter(Switch, help="Convert the date to UTC.")
    examples = [("Get-Date", "The current date and time."),
                ("Get-Date -Format 'yyyy-MM-dd HH:mm'", "The current date as text."),
                ("Get-Date -UFormat '%Y%m%d'", "A Unix-style format."),
                ("(Get-Date -Date '2024-01-15').DayOfWeek", "The day of the week of a date.")]

    def process(self) -> None:
        if self.is_bound("UnixTimeSeconds"):
            d = DateTime(621_355_968_000_000_000 + int(self.UnixTimeSeconds) * 10_000_000, DateTimeKind.Utc)
            d = d.ToLocalTime()
        elif self.Date is not None:
            d = to_datetime(self, self.Date, "Date")
        else:
            d = DateTime.Now
        try:
            if self.is_bound("Year"):
                d = d.AddYears(self.Year - d.Year)
            if self.is_bound("Month"):
                d = d.AddMonths(self.Month - d.Month)
            if self.is_bound("Day"):
                d = d.AddDays(self.Day - d.Day)
            if self.is_bound("Hour"):
                d = d.AddHours(self.Hour - d.Hour)
            if self.is_bound("Minute"):
                d = d.AddMinutes(self.Minute - d.Minute)
            if self.is_bound("Second"):
                d = d.AddSeconds(self.Second - d.Second)
            if self.is_bound("Millisecond"):
                d = d.AddMilliseconds(self.Millisecond - d.Millisecond)
                d = d.AddTicks(-(d.Ticks % 10_000))
        except DotNetException as e:
            raise self.error(e.Message, "ArgumentOutOfRangeException", ErrorCategory.InvalidArgument, None) from None
        if self.AsUTC:
            d = d.ToUniversalTime()
        if self.UFormat is not None:
            self.write(uformat(d, self.UFormat))
            return
        if self.Format is not None:
            ff = _FILE_FORMATS.get(self.Format.lower())
            if ff is not None:
                fmt, universal = ff
                self.write((d.ToUniversalTime() if universal else d).ToString(fmt))
                return
            try:
                self.write(d.ToString(self.Format))
            except DotNetException as e:
                raise self.error(e.Message, "FormatException", ErrorCategory.InvalidArgument, self.Format) from None
            return
        self.write(_with_display_hint(d, self.DisplayHint or "DateTime"))


def _with_display_hint(d: Any, hint: str) -> Any:
    """The date with the DisplayHint note pwsh's Get-Date adds (the formatter shows the date, the
    time or both accordingly)."""
    from o365shell.engine.instmembers import member_store
    from o365shell.engine.objects import PSNoteProperty
    carrier, table = member_store(d)
    table["displayhint"] = PSNoteProperty("DisplayHint", hint)
    return carrier


@cmdlet("Set-Date", module=UTIL, default_set="Date", should_process=True)
class SetDate(Cmdlet):
    """Changes the system time on the computer to a time that you specify.

    o365shell never changes the computer's clock: use Set-LabClock to move the lab's time."""

    Date = Parameter(object, mandatory=True, position=0, from_pipeline=True, by_property_name=True, set="Date",
                     help="The date and time to set.")
    Adjust = Parameter("System.TimeSpan", mandatory=True, position=0, set="Adjust",
                       help="The time to add to the current date and time.")
    DisplayHint = Parameter(str, validate_set=("Date", "Time", "DateTime"), help="Which parts to display.")
    examples = [("Set-LabClock -DateTime '2024-06-01 09:00'", "What to use instead: set the lab clock.")]

    def process(self) -> None:
        raise self.error("Set-Date would change the computer's clock, which o365shell does not do. To change the "
                         "time the simulated tenant sees, use Set-LabClock (or Add-LabClockTime).",
                         "SetDateNotSupported", ErrorCategory.NotImplemented, None, PSNotSupportedException)


# ============================================================================= New-TimeSpan

@cmdlet("New-TimeSpan", module=UTIL, default_set="Date")
class NewTimeSpan(Cmdlet):
    """Creates a TimeSpan object.

    The interval between -Start and -End (both default to now), or a span built from -Days,
    -Hours, -Minutes, -Seconds and -Milliseconds."""

    Start = Parameter(object, position=0, by_property_name=True, set="Date", aliases=("LastWriteTime",),
                      help="The start of the interval (default: now).")
    End = Parameter(object, position=1, by_property_name=True, set="Date", help="The end of the interval (default: now).")
    Days = Parameter(int, set="Time", default=0, help="Days in the span.")
    Hours = Parameter(int, set="Time", default=0, help="Hours in the span.")
    Minutes = Parameter(int, set="Time", default=0, help="Minutes in the span.")
    Seconds = Parameter(int, set="Time", default=0, help="Seconds in the span.")
    Milliseconds = Parameter(int, set="Time", default=0, help="Milliseconds in the span.")
    examples = [("New-TimeSpan -Start (Get-Date '2024-01-01') -End (Get-Date '2024-03-01')", "The days between two dates."),
                ("New-TimeSpan -Hours 2 -Minutes 30", "A span of two and a half hours.")]

    def process(self) -> None:
        if self.parameter_set_name == "Time":
            try:
                self.write(TimeSpan(self.Days or 0, self.Hours or 0, self.Minutes or 0, self.Seconds or 0,
                                    self.Milliseconds or 0))
            except DotNetException as e:
                raise self.error(e.Message, "ArgumentOutOfRange", ErrorCategory.InvalidArgument, None) from None
            return
        now = None
        if self.Start is not None:
            start = to_datetime(self, self.Start, "Start")
        else:
            now = DateTime.Now
            start = now
        if self.End is not None:
            end = to_datetime(self, self.End, "End")
        else:
            end = now or DateTime.Now
        self.write(TimeSpan(end.Ticks - start.Ticks))


# ============================================================================= Start-Sleep

@cmdlet("Start-Sleep", module=UTIL, aliases=("sleep",), default_set="Seconds")
class StartSleep(Cmdlet):
    """Suspends the activity in a script or session for the specified period of time.

    When a lab has frozen the lab clock (Set-LabClock), the clock is moved forward instead of
    waiting, so scripts that wait for MFA codes or lockouts run instantly."""

    Seconds = Parameter(float, mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                        set="Seconds", validate_range=(0.0, 2147483.0), help="How many seconds to wait.")
    Milliseconds = Parameter(int, mandatory=True, by_property_name=True, set="Milliseconds", aliases=("ms",),
                             validate_range=(0, 2147483647), help="How many milliseconds to wait.")
    Duration = Parameter("System.TimeSpan", mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                         set="FromTimeSpan", aliases=("ts",), help="How long to wait, as a TimeSpan.")
    examples = [("Start-Sleep -Seconds 30", "Waits 30 seconds (moves a frozen lab clock instead)."),
                ("Start-Sleep -Milliseconds 250", "Waits a quarter of a second.")]

    def process(self) -> None:
        if self.parameter_set_name == "Milliseconds":
            seconds = self.Milliseconds / 1000.0
        elif self.parameter_set_name == "FromTimeSpan":
            seconds = self.Duration.TotalSeconds
            if seconds < 0 or seconds > 2147483.647:
                raise self.error("Cannot validate argument on parameter 'Duration'. The argument must be a "
                                 "non-negative TimeSpan shorter than 24.20:31:23.6470000.",
                                 "ParameterArgumentValidationError", ErrorCategory.InvalidData, self.Duration)
        else:
            seconds = float(self.Seconds)
        tenant = self.ctx.services.get("tenant")
        clock = getattr(tenant, "clock", None) if tenant is not None else None
        if clock is not None and getattr(clock, "is_frozen", False):
            clock.advance(_pydt.timedelta(seconds=seconds))
            return
        if seconds > 0:
            time.sleep(seconds)


# ============================================================================= Get-Random

def _generator(ctx: Any) -> PwshRandom:
    """The session's Get-Random generator (cryptographic until -SetSeed replaces it with a seeded one)."""
    g = ctx.services.get("utility.random")
    if g is None:
        g = ctx.services["utility.random"] = PwshRandom()
    return g


def _operand(v: Any) -> Any:
    if isinstance(v, (list, tuple)) and len(v) == 1:
        v = v[0]
    if isinstance(v, str):
        n = parse_number(v)
        return v if n is None else n
    return v


def _int_kind(v: Any) -> str | None:
    if v is None:
        return "none"
    if type(v) is int:
        return "int32" if -2**31 <= v < 2**31 else "int64"
    if isinstance(v, N.Int64):
        return "int64"
    return None


@cmdlet("Get-Random", module=UTIL, default_set="RandomNumberParameterSet")
class GetRandom(Cmdlet):
    """Gets a random number, or selects objects randomly from a collection.

    Without input, returns a random integer from 0 (or -Minimum) up to but not including
    -Maximum (Int32 for integer bounds, Double when a bound is a Double). With -InputObject,
    returns -Count objects chosen at random; -Shuffle returns all of them in random order.
    -SetSeed makes the sequence repeatable."""

    Maximum = Parameter(object, position=0, set="RandomNumberParameterSet",
                        help="The upper bound (exclusive) of the random number.")
    Minimum = Parameter(object, set="RandomNumberParameterSet", help="The lower bound (inclusive); default 0.")
    # whether numbers or list items are wanted is decided in end(): piped objects mean list items
    InputObject = Parameter("System.Object[]", position=0, from_pipeline=True, allow_null=True,
                            sets={"RandomListItemParameterSet": {"mandatory": True},
                                  "ShuffleParameterSet": {"mandatory": True}},
                            help="The collection to choose from.")
    Count = Parameter(int, validate_range=(1, 2147483647), default=1,
                      sets={"RandomNumberParameterSet": {}, "RandomListItemParameterSet": {}},
                      help="How many numbers or objects to return.")
    Shuffle = Parameter(Switch, mandatory=True, set="ShuffleParameterSet",
                        help="Return all the input objects in random order.")
    SetSeed = Parameter(int, help="A seed for the random number generator (repeatable results).")
    examples = [("Get-Random -Minimum 1 -Maximum 7", "A die roll."),
                ("Get-MsolUser -All | Get-Random -Count 3", "Three users chosen at random."),
                ("1..10 | Get-Random -Shuffle", "The numbers in random order.")]

    def begin(self) -> None:
        if self.is_bound("SetSeed"):  # later Get-Random calls go on with the seeded sequence, as in pwsh
            self.ctx.services["utility.random"] = PwshRandom(self.SetSeed)
        self._rng = _generator(self.ctx)
        self._items: list[Any] = []
        self._list_mode = self.parameter_set_name != "RandomNumberParameterSet" or self.is_bound("InputObject")

    def _numbers(self) -> None:
        rng = self._rng
        mx, mn = _operand(self.Maximum), _operand(self.Minimum)
        kmx, kmn = _int_kind(mx), _int_kind(mn)
        count = self.Count or 1
        if kmx in ("int32", "none") and kmn in ("int32", "none"):
            lo = mn if mn is not None else 0
            hi = mx if mx is not None else 2**31 - 1
            self._check(lo, hi)
            for _ in range(count):
                self.write(rng.next_range(lo, hi))
        elif kmx is not None and kmn is not None:
            lo = int(mn) if mn is not None else 0
            hi = int(mx) if mx is not None else 2**63 - 1
            self._check(N.Int64(lo), N.Int64(hi))
            for _ in range(count):
                self.write(N.Int64(rng.next_int64(lo, hi)))
        else:
            try:
                lo = to_double(mn) if mn is not None else 0.0
                hi = to_double(mx) if mx is not None else 1.7976931348623157e308
            except DotNetException as e:
                bad = "Maximum" if mx is not None and not isinstance(mx, (int, float)) else "Minimum"
                raise self.error(f"Cannot bind parameter '{bad}'. {e.Message}", "CannotConvertArgumentNoMessage",
                                 ErrorCategory.InvalidArgument, None) from None
            self._check(lo, hi)
            for _ in range(count):
                self.write(rng.next_double_between(lo, hi))

    def _check(self, lo: Any, hi: Any) -> None:
        if lo >= hi:
            raise self.error(f"The Minimum value ({to_string(lo)}) cannot be greater than or equal to the Maximum "
                             f"value ({to_string(hi)}).", "MinGreaterThanOrEqualMax", ErrorCategory.InvalidArgument,
                             None, PSArgumentException)

    def process(self) -> None:
        v = self.InputObject
        if v is None:
            if self.is_bound("InputObject"):
                self._items.append(None)
            return
        self._list_mode = True
        self._items.extend(v if isinstance(v, list) else [v])

    def end(self) -> None:
        if not self._list_mode:
            self._numbers()
            return
        rng = self._rng
        if self.parameter_set_name == "ShuffleParameterSet":
            chosen = list(self._items)
        else:  # pwsh's reservoir sampling, then a random order for the chosen items
            count = self.Count or 1
            chosen = []
            for seen, item in enumerate(self._items):
                if seen < count:
                    chosen.append(item)
                elif rng.next_range(0, seen + 1) < count:
                    chosen[rng.next_range(0, len(chosen))] = item
        n = len(chosen)
        for i in range(n):
            j = rng.next_range(i, n)
            self.write(chosen[j])
            if i != j:
                chosen[j] = chosen[i]


# ============================================================================= New-Guid

@cmdlet("New-Guid", module=UTIL, default_set="Default")
class NewGuid(Cmdlet):
    """Creates a GUID.

    Returns a new random System.Guid; -Empty returns the all-zero GUID and -InputObject parses
    a GUID string."""

    Empty = Parameter(Switch, set="Empty", help="Return the empty GUID (all zeros).")
    InputObject = Parameter(str, mandatory=True, from_pipeline=True, set="InputObject",
                            help="A string to convert to a GUID.")
    examples = [("New-Guid", "A new random GUID."), ("(New-Guid).Guid", "The GUID as a string.")]

    def process(self) -> None:
        if self.Empty:
            self.write(Guid())
            return
        if self.InputObject is not None:
            try:
                self.write(Guid.Parse(self.InputObject))
            except DotNetException as e:
                self.write_error(self.make_record(e, "StringNotRecognizedAsGuid", ErrorCategory.InvalidArgument,
                                                  self.InputObject))
            return
        self.write(Guid.NewGuid())
