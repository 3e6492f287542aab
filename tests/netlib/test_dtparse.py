from zoneinfo import ZoneInfo

import pytest

from o365shell.engine.netlib import datetime as ndt
from o365shell.engine.netlib.datetime import DateTime, DateTimeKind, DateTimeStyles
from o365shell.engine.netlib.exceptions import FormatException


@pytest.mark.parametrize("text,iso,kind", [
    ("2024-01-15", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("2024-01-15T10:30", "2024-01-15T10:30:00.0000000", "Unspecified"),
    ("2024-01-15T10:30:00", "2024-01-15T10:30:00.0000000", "Unspecified"),
    ("2024-01-15T10:30:00.1234567", "2024-01-15T10:30:00.1234567", "Unspecified"),
    ("2024-01-15 10:30:00", "2024-01-15T10:30:00.0000000", "Unspecified"),
    ("2024-01-15T10:30:00Z", "2024-01-15T10:30:00.0000000+00:00", "Local"),
    ("2024-01-15T10:30:00+02:00", "2024-01-15T08:30:00.0000000+00:00", "Local"),
    ("2024-01-15T10:30:00-05:30", "2024-01-15T16:00:00.0000000+00:00", "Local"),
    ("2024-01-15 10:30:00Z", "2024-01-15T10:30:00.0000000+00:00", "Local"),
    ("01/15/2024", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("1/15/2024", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("01/15/2024 14:30:00", "2024-01-15T14:30:00.0000000", "Unspecified"),
    ("1/15/2024 2:30 PM", "2024-01-15T14:30:00.0000000", "Unspecified"),
    ("1/15/2024 2:30:15 am", "2024-01-15T02:30:15.0000000", "Unspecified"),
    ("1/15/2024 12:00 AM", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("1/15/2024 12:00 PM", "2024-01-15T12:00:00.0000000", "Unspecified"),
    ("1/15/24", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("1/15/99", "1999-01-15T00:00:00.0000000", "Unspecified"),
    ("2024/01/15", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("January 15, 2024", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("15 January 2024", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("Jan 15 2024", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("jan 15, 2024 10:00", "2024-01-15T10:00:00.0000000", "Unspecified"),
    ("Monday, January 15, 2024", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("Monday, January 15, 2024 2:30:00 PM", "2024-01-15T14:30:00.0000000", "Unspecified"),
    ("Mon, 15 Jan 2024 10:00:00 GMT", "2024-01-15T10:00:00.0000000+00:00", "Local"),
    ("January 2024", "2024-01-01T00:00:00.0000000", "Unspecified"),
    ("January 15", "2024-01-15T00:00:00.0000000", "Unspecified"),
    ("14:30", "2024-03-10T14:30:00.0000000", "Unspecified"),
    ("2:30 PM", "2024-03-10T14:30:00.0000000", "Unspecified"),
    ("  2024-01-15  ", "2024-01-15T00:00:00.0000000", "Unspecified"),
])
def test_parse(text, iso, kind):
    d = DateTime.Parse(text)
    assert d.ToString("o") == iso
    assert d.Kind.name == kind


@pytest.mark.parametrize("text", ["foo", "2/30/2024", "13/1/2024", "", "1/15/2024 25:00",
                                  "2024-13-01", "12345"])
def test_parse_errors(text):
    with pytest.raises(FormatException) as e:
        DateTime.Parse(text)
    assert e.value.Message == f"String '{text}' was not recognized as a valid DateTime."


def test_wrong_day_of_week():
    with pytest.raises(FormatException) as e:
        DateTime.Parse("Tue, 15 Jan 2024")
    assert "day of week was incorrect" in e.value.Message


def test_parse_to_local_zone():
    ndt.set_local_timezone(ZoneInfo("America/New_York"))
    d = DateTime.Parse("2024-01-15T10:30:00Z")
    assert d.Kind == DateTimeKind.Local
    assert d.ToString("o") == "2024-01-15T05:30:00.0000000-05:00"


def test_parse_styles():
    d = DateTime.Parse("2024-01-15T10:30:00Z", None, DateTimeStyles.AdjustToUniversal)
    assert d.Kind == DateTimeKind.Utc and d.Hour == 10
    d = DateTime.Parse("2024-01-15T10:30:00Z", None, "RoundtripKind")
    assert d.Kind == DateTimeKind.Utc
    d = DateTime.Parse("2024-01-15 10:30", None, DateTimeStyles.AssumeUniversal)
    assert d.Kind == DateTimeKind.Local
    d = DateTime.Parse("2024-01-15 10:30", None, DateTimeStyles.AssumeLocal)
    assert d.Kind == DateTimeKind.Local and d.Hour == 10


@pytest.mark.parametrize("text,fmt,iso", [
    ("15.01.2024", "dd.MM.yyyy", "2024-01-15T00:00:00.0000000"),
    ("20240115 1030", "yyyyMMdd HHmm", "2024-01-15T10:30:00.0000000"),
    ("2024-01-15T10:30:00.0000000Z", "o", "2024-01-15T10:30:00.0000000+00:00"),
    ("Mon, 15 Jan 2024 10:00:00 GMT", "r", "2024-01-15T10:00:00.0000000+00:00"),
    ("1/15/2024 2:30:00 PM", "G", "2024-01-15T14:30:00.0000000"),
    ("03:04 pm", "hh:mm tt", "2024-03-10T15:04:00.0000000"),
    ("15-Jan-2024", "dd-MMM-yyyy", "2024-01-15T00:00:00.0000000"),
    ("January 15 2024", "MMMM d yyyy", "2024-01-15T00:00:00.0000000"),
    ("2024-01-15 10:00:00Z", "u", "2024-01-15T10:00:00.0000000+00:00"),
    ("2024-01-15T10:30:00", "s", "2024-01-15T10:30:00.0000000"),
    ("5", "%d", "2024-01-05T00:00:00.0000000"),
    ("2024-01-15 10:30:00.123", "yyyy-MM-dd HH:mm:ss.fff", "2024-01-15T10:30:00.1230000"),
    ("2024-01-15 +02:00", "yyyy-MM-dd zzz", "2024-01-14T22:00:00.0000000+00:00"),
])
def test_parse_exact(text, fmt, iso):
    assert DateTime.ParseExact(text, fmt, None).ToString("o") == iso


def test_parse_exact_multiple_and_errors():
    d = DateTime.ParseExact("2024/01/15", ["dd.MM.yyyy", "yyyy/MM/dd"], "invariant")
    assert d == DateTime(2024, 1, 15)
    with pytest.raises(FormatException):
        DateTime.ParseExact("2024-01-15", "dd.MM.yyyy", None)
    with pytest.raises(FormatException):
        DateTime.ParseExact("Tue 15.01.2024", "ddd dd.MM.yyyy", None)
    d = DateTime.ParseExact(" 15.01.2024 ", "dd.MM.yyyy", None, DateTimeStyles.AllowWhiteSpaces)
    assert d.Day == 15


def test_module_level_aliases():
    assert ndt.parse("2024-01-15", "invariant") == DateTime(2024, 1, 15)
    assert ndt.parse_exact("15/01/2024", "dd/MM/yyyy", "invariant") == DateTime(2024, 1, 15)
