import pytest

from o365shell.engine.netlib.exceptions import (
    ArgumentException,
    FormatException,
    OverflowException,
)
from o365shell.engine.netlib.timespan import TimeSpan


def test_constructors_and_components():
    t = TimeSpan(1, 2, 3, 4, 5)
    assert (t.Days, t.Hours, t.Minutes, t.Seconds, t.Milliseconds) == (1, 2, 3, 4, 5)
    assert TimeSpan(1, 30, 0).Ticks == 54_000_000_000
    assert TimeSpan(36_000_000_000).Hours == 1
    n = TimeSpan(-1, -2, -3, -4)
    assert (n.Days, n.Hours, n.Minutes, n.Seconds) == (-1, -2, -3, -4)


def test_totals_are_floats():
    t = TimeSpan(1, 30, 0)
    assert t.TotalHours == 1.5 and isinstance(t.TotalHours, float)
    assert t.TotalMinutes == 90.0 and isinstance(t.TotalMinutes, float)
    assert t.TotalSeconds == 5400.0
    assert t.TotalMilliseconds == 5_400_000.0
    assert TimeSpan(12, 0, 0).TotalDays == 0.5


@pytest.mark.parametrize("ts,text", [
    (TimeSpan(1, 30, 0), "01:30:00"), (TimeSpan(1, 2, 3, 4), "1.02:03:04"),
    (TimeSpan.FromMilliseconds(500), "00:00:00.5000000"), (-TimeSpan(1, 30, 0), "-01:30:00"),
    (TimeSpan(0), "00:00:00"), (TimeSpan(1), "00:00:00.0000001"),
    (TimeSpan.MaxValue, "10675199.02:48:05.4775807"),
    (TimeSpan.MinValue, "-10675199.02:48:05.4775808"),
])
def test_default_string(ts, text):
    assert ts.ToString() == text
    assert str(ts) == text


@pytest.mark.parametrize("fmt,text", [
    ("c", "1.02:03:04.5000000"), ("g", "1:2:03:04.5"), ("G", "1:02:03:04.5000000"),
    ("hh\\:mm\\:ss", "02:03:04"), ("d\\.hh", "1.02"), ("%d", "1"), ("'Days: 'd", "Days: 1"),
    ("ss\\.fff", "04.500"), ("ss\\.FF", "04.5"), ("dd", "01"), ("mm", "03"),
])
def test_formats(fmt, text):
    ts = TimeSpan(1, 2, 3, 4, 500)
    assert ts.ToString(fmt) == text


def test_general_short_without_days():
    assert TimeSpan(0, 1, 30, 0).ToString("g") == "1:30:00"
    assert (-TimeSpan(1, 30, 0)).ToString("g") == "-1:30:00"


@pytest.mark.parametrize("bad", ["hh:mm", "x", "hhh", "ffffffff", "d", "'unterminated"])
def test_bad_formats(bad):
    with pytest.raises(FormatException):
        TimeSpan(1, 2, 3).ToString(bad)


def test_factories():
    assert TimeSpan.FromDays(1.5).ToString() == "1.12:00:00"
    assert TimeSpan.FromHours(1.5).TotalMinutes == 90.0
    assert TimeSpan.FromMinutes(-2).ToString() == "-00:02:00"
    assert TimeSpan.FromSeconds(1.5).Ticks == 15_000_000
    assert TimeSpan.FromMilliseconds(1.23456).Ticks == 12345
    assert TimeSpan.FromTicks(10).Ticks == 10
    assert TimeSpan.Zero.Ticks == 0
    with pytest.raises(ArgumentException):
        TimeSpan.FromSeconds(float("nan"))
    with pytest.raises(OverflowException):
        TimeSpan.FromDays(1e20)


def test_operators_and_methods():
    a, b = TimeSpan(1, 0, 0), TimeSpan(0, 30, 0)
    assert a + b == TimeSpan(1, 30, 0)
    assert a - b == TimeSpan(0, 30, 0)
    assert -a == TimeSpan(-1, 0, 0)
    assert a * 2 == TimeSpan(2, 0, 0) and 2 * a == TimeSpan(2, 0, 0)
    assert a / 2 == b
    assert a / b == 2.0
    assert a > b and b < a and a >= a and a != b
    assert a.Add(b) == TimeSpan(1, 30, 0) and a.Subtract(b) == b
    assert TimeSpan(-5).Duration() == TimeSpan(5)
    assert a.Negate() == -a
    assert a.CompareTo(b) == 1 and b.CompareTo(a) == -1 and a.CompareTo(None) == 1
    assert TimeSpan.Compare(a, a) == 0
    assert a.Equals(TimeSpan(1, 0, 0)) and not a.Equals(5)
    assert hash(a) == hash(TimeSpan(3600 * 10_000_000))
    with pytest.raises(OverflowException):
        TimeSpan.MaxValue + TimeSpan(1)
    with pytest.raises(OverflowException):
        TimeSpan.MinValue.Negate()


@pytest.mark.parametrize("text,expected", [
    ("01:30", "01:30:00"), ("1:30:15", "01:30:15"), ("5", "5.00:00:00"),
    ("1.02:03:04", "1.02:03:04"), ("1.02:03:04.5", "1.02:03:04.5000000"),
    ("-1:2:3", "-01:02:03"), ("  10:00  ", "10:00:00"), ("1:02:03:04", "1.02:03:04"),
    ("00:00:00.0000001", "00:00:00.0000001"), ("1.02:03", "1.02:03:00"),
])
def test_parse(text, expected):
    assert TimeSpan.Parse(text).ToString() == expected


def test_parse_errors():
    with pytest.raises(FormatException) as e:
        TimeSpan.Parse("abc")
    assert e.value.Message == "String 'abc' was not recognized as a valid TimeSpan."
    with pytest.raises(OverflowException) as e2:
        TimeSpan.Parse("24:00")
    assert "could not be parsed because at least one of the numeric components is out of " \
           "range" in e2.value.Message
    with pytest.raises(OverflowException):
        TimeSpan.Parse("10:60")
    with pytest.raises(FormatException):
        TimeSpan.Parse("1:2:3:4:5")
