import pytest

from o365shell.engine.netlib.composite import format_composite
from o365shell.engine.netlib.datetime import DateTime, DayOfWeek
from o365shell.engine.netlib.exceptions import FormatException
from o365shell.engine.netlib.guid import Guid
from o365shell.engine.netlib.timespan import TimeSpan
from o365shell.engine.netlib.version import Version

INDEX_MSG = ("Index (zero based) must be greater than or equal to zero and less than the size "
             "of the argument list.")


def ps(value):
    """A stand-in for the engine's PowerShell string conversion."""
    if isinstance(value, list):
        return " ".join(ps(v) for v in value)
    return f"<{value}>"


def fmt(f, *args, culture="en-US"):
    return format_composite(f, list(args), ps, culture)


def test_basic_items():
    assert fmt("{0} {1}", 1, "a") == "1 a"
    assert fmt("{1}{0}{1}", "x", "y") == "yxy"
    assert fmt("no items") == "no items"
    assert fmt("{{}}") == "{}"
    assert fmt("{{{0}}}", 5) == "{5}"


def test_alignment():
    assert fmt("{0,5}|{0,-5}|", 42) == "   42|42   |"
    assert fmt("{0,2}", "abcdef") == "abcdef"
    assert fmt("{0, 6:F2}|", 3.14159) == "  3.14|"
    assert fmt("{0 ,-4}|", "a") == "a   |"


def test_number_formats():
    assert fmt("{0:N2}", 1234.5) == "1,234.50"
    assert fmt("{0:X}", 255) == "FF"
    assert fmt("{0:P0}", 0.5) == "50%"
    assert fmt("{0:C}", 9.99) == "$9.99"
    assert fmt("{0:0.00}", 2) == "2.00"
    assert fmt("{0:}", 1.5) == "1.5"


def test_default_texts():
    assert fmt("{0}", 0.1 + 0.2) == "0.30000000000000004"
    assert fmt("{0}", None) == ""
    assert fmt("{0}", "s") == "s"
    assert fmt("{0:N2}", "s") == "s"
    assert fmt("{0}", True) == "<True>"
    assert fmt("{0}", [1, 2]) == "<1> <2>"
    assert fmt("{0}", DayOfWeek.Monday) == ps(DayOfWeek.Monday)


def test_own_types():
    d = DateTime(2024, 1, 15, 14, 30, 0)
    assert fmt("{0}", d) == "1/15/2024 2:30:00 PM"
    assert fmt("{0:yyyy-MM-dd}", d) == "2024-01-15"
    assert fmt("{0}", d, culture="invariant") == "01/15/2024 14:30:00"
    assert fmt("{0:hh\\:mm}", TimeSpan(1, 30, 0)) == "01:30"
    assert fmt("{0}", TimeSpan(1, 30, 0)) == "01:30:00"
    g = Guid("6f9619ff-8b86-d011-b42d-00cf4fc964ff")
    assert fmt("{0:N}", g) == "6f9619ff8b86d011b42d00cf4fc964ff"
    assert fmt("{0:B}", g) == "{6f9619ff-8b86-d011-b42d-00cf4fc964ff}"
    assert fmt("{0}", Version(1, 2, 3)) == "1.2.3"


def test_enum_formats():
    assert fmt("{0:D}", DayOfWeek.Monday) == "1"
    assert fmt("{0:G}", DayOfWeek.Monday) == "Monday"
    assert fmt("{0:X}", DayOfWeek.Monday) == "00000001"


def test_index_out_of_range():
    with pytest.raises(FormatException) as e:
        fmt("{1}", 1)
    assert e.value.Message == INDEX_MSG


@pytest.mark.parametrize("bad", ["{0", "}", "{a}", "{0:N2", "{ 0}", "{0,}", "{0,-}", "x{0}}y",
                                 "{0:{}"])
def test_malformed(bad):
    with pytest.raises(FormatException) as e:
        fmt(bad, 1)
    assert e.value.Message == "Input string was not in a correct format."
