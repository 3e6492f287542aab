import datetime as pydt
from zoneinfo import ZoneInfo

import pytest

from o365shell.engine.netlib import datetime as ndt
from o365shell.engine.netlib.datetime import DateTime, DateTimeKind, DayOfWeek
from o365shell.engine.netlib.exceptions import (
    ArgumentOutOfRangeException,
    FormatException,
)
from o365shell.engine.netlib.timespan import TimeSpan

D = DateTime(2024, 1, 15, 14, 30, 0)


def test_fields():
    assert (D.Year, D.Month, D.Day, D.Hour, D.Minute, D.Second, D.Millisecond) == \
        (2024, 1, 15, 14, 30, 0, 0)
    assert D.DayOfWeek == DayOfWeek.Monday
    assert D.DayOfYear == 15
    assert D.Kind == DateTimeKind.Unspecified
    assert D.Date == DateTime(2024, 1, 15)
    assert D.TimeOfDay == TimeSpan(14, 30, 0)
    assert DateTime(2000, 1, 1).Ticks == 630822816000000000
    assert DateTime.UnixEpoch.Ticks == 621355968000000000
    assert DateTime.MinValue.Ticks == 0
    assert DateTime.MaxValue.Ticks == 3155378975999999999
    assert DateTime(2024, 1, 15, 14, 30, 0, 250).Millisecond == 250


def test_constructor_errors():
    with pytest.raises(ArgumentOutOfRangeException) as e:
        DateTime(2024, 2, 30)
    assert e.value.Message == \
        "Year, Month, and Day parameters describe an un-representable DateTime."
    with pytest.raises(ArgumentOutOfRangeException):
        DateTime(2024, 1, 1, 24, 0, 0)
    with pytest.raises(ArgumentOutOfRangeException):
        DateTime(-1)


def test_default_strings():
    assert D.ToString() == "1/15/2024 2:30:00 PM"
    assert str(D) == "1/15/2024 2:30:00 PM"
    assert D.to_invariant_string() == "01/15/2024 14:30:00"
    assert DateTime(2024, 1, 15).ToString() == "1/15/2024 12:00:00 AM"


@pytest.mark.parametrize("fmt,text", [
    ("d", "1/15/2024"), ("D", "Monday, January 15, 2024"), ("f", "Monday, January 15, 2024 2:30 PM"),
    ("F", "Monday, January 15, 2024 2:30:00 PM"), ("g", "1/15/2024 2:30 PM"),
    ("G", "1/15/2024 2:30:00 PM"), ("m", "January 15"), ("M", "January 15"),
    ("o", "2024-01-15T14:30:00.0000000"), ("O", "2024-01-15T14:30:00.0000000"),
    ("r", "Mon, 15 Jan 2024 14:30:00 GMT"), ("R", "Mon, 15 Jan 2024 14:30:00 GMT"),
    ("s", "2024-01-15T14:30:00"), ("t", "2:30 PM"), ("T", "2:30:00 PM"),
    ("u", "2024-01-15 14:30:00Z"), ("U", "Monday, January 15, 2024 2:30:00 PM"),
    ("y", "January 2024"), ("Y", "January 2024"),
])
def test_standard_formats_en_us(fmt, text):
    assert D.ToString(fmt) == text


@pytest.mark.parametrize("fmt,text", [
    ("d", "01/15/2024"), ("D", "Monday, 15 January 2024"), ("f", "Monday, 15 January 2024 14:30"),
    ("F", "Monday, 15 January 2024 14:30:00"), ("g", "01/15/2024 14:30"),
    ("G", "01/15/2024 14:30:00"), ("m", "January 15"), ("t", "14:30"), ("T", "14:30:00"),
    ("y", "2024 January"),
])
def test_standard_formats_invariant(fmt, text):
    assert D.ToString(fmt, "invariant") == text


@pytest.mark.parametrize("fmt,text", [
    ("yyyy-MM-dd HH:mm:ss", "2024-01-15 14:30:00"), ("dddd ddd dd d", "Monday Mon 15 15"),
    ("MMMM MMM MM M", "January Jan 01 1"), ("h hh H HH tt t", "2 02 14 14 PM P"),
    ("yy y yyy yyyyy", "24 24 2024 02024"), ("%d", "15"), ("%M", "1"), ("'Day' d", "Day 15"),
    ('"q" d', "q 15"), ("\\d d", "d 15"), ("HH:mm:ss.fff", "14:30:00.250"),
    ("ss.FFF", "00.25"), ("ss.ff", "00.25"), ("fffffff", "2500000"), ("MM/dd/yyyy", "01/15/2024"),
    ("g", "1/15/2024 2:30 PM"), ("dd-MMM-yy", "15-Jan-24"), ("yyyyMMddHHmmss", "20240115143000"),
])
def test_custom_formats(fmt, text):
    d = DateTime(2024, 1, 15, 14, 30, 0, 250)
    assert d.ToString(fmt) == text


def test_fraction_F_removes_dot():
    assert D.ToString("HH:mm:ss.FFF") == "14:30:00"
    assert DateTime(2024, 1, 1, 0, 0, 0).ToString("h tt") == "12 AM"


def test_bad_formats():
    with pytest.raises(FormatException):
        D.ToString("x")
    with pytest.raises(FormatException):
        D.ToString("ffffffff")
    with pytest.raises(FormatException):
        D.ToString("'open")
    with pytest.raises(FormatException):
        D.ToString("%")


def test_kinds_and_offsets():
    utc = DateTime.SpecifyKind(D, DateTimeKind.Utc)
    assert utc.ToString("o") == "2024-01-15T14:30:00.0000000Z"
    assert utc.ToString("K zzz z zz") == "Z +00:00 +0 +00"
    local = DateTime.SpecifyKind(D, "Local")
    assert local.ToString("o") == "2024-01-15T14:30:00.0000000+00:00"
    assert D.ToString("%K") == ""
    with pytest.raises(FormatException):
        D.ToString("K")


def test_new_york_zone():
    ndt.set_local_timezone(ZoneInfo("America/New_York"))
    winter = DateTime(2024, 1, 15, 12, 0, 0, DateTimeKind.Utc).ToLocalTime()
    assert winter.Kind == DateTimeKind.Local
    assert winter.ToString("o") == "2024-01-15T07:00:00.0000000-05:00"
    assert winter.ToString("zz") == "-05"
    summer = DateTime(2024, 7, 1, 12, 0, 0, DateTimeKind.Utc).ToLocalTime()
    assert summer.ToString("HH zzz") == "08 -04:00"
    assert summer.IsDaylightSavingTime() and not winter.IsDaylightSavingTime()
    back = summer.ToUniversalTime()
    assert back.Kind == DateTimeKind.Utc and back.Hour == 12
    assert DateTime(2024, 1, 15).ToUniversalTime().Hour == 5


def test_now_today_utcnow():
    assert DateTime.UtcNow.ToString("o") == "2024-03-10T15:45:30.0000000Z"
    assert DateTime.Now.Kind == DateTimeKind.Local
    assert DateTime.Now.Hour == 15
    assert DateTime.Today == DateTime(2024, 3, 10)
    ndt.set_local_timezone(ZoneInfo("America/New_York"))
    assert DateTime.Now.Hour == 11


def test_arithmetic():
    assert DateTime(2024, 1, 31).AddMonths(1) == DateTime(2024, 2, 29)
    assert DateTime(2024, 3, 31).AddMonths(-1) == DateTime(2024, 2, 29)
    assert DateTime(2024, 2, 29).AddYears(1) == DateTime(2025, 2, 28)
    assert D.AddDays(1.5) == DateTime(2024, 1, 17, 2, 30, 0)
    assert D.AddHours(-14.5) == DateTime(2024, 1, 15)
    assert D.AddMinutes(30).Hour == 15
    assert D.AddSeconds(0.5).Millisecond == 500
    assert D.AddMilliseconds(1).Millisecond == 1
    assert D.AddTicks(1).Ticks == D.Ticks + 1
    assert D - DateTime(2024, 1, 1) == TimeSpan(14, 14, 30, 0)
    assert D - TimeSpan(1, 0, 0) == DateTime(2024, 1, 15, 13, 30, 0)
    assert D + TimeSpan(1, 0, 0, 0) == DateTime(2024, 1, 16, 14, 30, 0)
    assert D.Subtract(DateTime(2024, 1, 15)) == TimeSpan(14, 30, 0)
    assert D.Add(TimeSpan(0, 30, 0)).Hour == 15
    assert D.AddDays(-1).Kind == D.Kind
    with pytest.raises(ArgumentOutOfRangeException):
        DateTime.MaxValue.AddDays(1)
    with pytest.raises(ArgumentOutOfRangeException):
        D.AddMonths(200000)


def test_comparison_and_hash():
    a, b = DateTime(2024, 1, 1), DateTime(2024, 1, 2)
    assert a < b and b > a and a <= a and a != b
    assert a == DateTime.SpecifyKind(a, DateTimeKind.Utc)
    assert a.CompareTo(b) == -1 and b.CompareTo(a) == 1 and a.CompareTo(None) == 1
    assert DateTime.Compare(a, a) == 0
    assert a.Equals(DateTime(2024, 1, 1)) and not a.Equals("x")
    assert len({a, DateTime(2024, 1, 1), b}) == 2


def test_statics():
    assert DateTime.IsLeapYear(2024) and not DateTime.IsLeapYear(1900) and DateTime.IsLeapYear(2000)
    assert DateTime.DaysInMonth(2023, 2) == 28 and DateTime.DaysInMonth(2024, 2) == 29
    with pytest.raises(ArgumentOutOfRangeException):
        DateTime.DaysInMonth(2024, 13)


def test_file_time_and_oadate():
    assert DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc).ToFileTimeUtc() == 116444736000000000
    assert DateTime.FromFileTimeUtc(116444736000000000) == DateTime(1970, 1, 1)
    assert DateTime.FromFileTime(116444736000000000).Kind == DateTimeKind.Local
    assert D.ToOADate() == 45306.604166666664
    assert DateTime(1899, 12, 30).ToOADate() == 0.0
    assert DateTime(1899, 12, 29, 12, 0, 0).ToOADate() == -1.5
    assert DateTime.FromOADate(45306.5) == DateTime(2024, 1, 15, 12, 0, 0)
    assert DateTime.FromOADate(-1.5) == DateTime(1899, 12, 29, 12, 0, 0)


def test_short_long_strings():
    assert D.ToShortDateString() == "1/15/2024"
    assert D.ToLongDateString() == "Monday, January 15, 2024"
    assert D.ToShortTimeString() == "2:30 PM"
    assert D.ToLongTimeString() == "2:30:00 PM"


def test_python_interop():
    assert D.to_datetime() == pydt.datetime(2024, 1, 15, 14, 30)
    aware = pydt.datetime(2024, 1, 15, 14, 30, tzinfo=pydt.UTC)
    assert DateTime(aware).Kind == DateTimeKind.Utc
    assert DateTime.from_datetime(pydt.datetime(2024, 1, 15)).Kind == DateTimeKind.Unspecified
    assert DateTime(pydt.date(2024, 1, 15)) == DateTime(2024, 1, 15)
    assert DateTime.SpecifyKind(D, DateTimeKind.Utc).to_utc_datetime() == aware
