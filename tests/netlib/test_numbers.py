from decimal import Decimal

import pytest

from o365shell.engine.netlib.exceptions import OverflowException
from o365shell.engine.netlib.numbers import (
    INT32_MAX,
    INT32_MIN,
    Byte,
    Char,
    Int16,
    Int64,
    SByte,
    Single,
    UInt16,
    UInt32,
    UInt64,
    int_bits,
    is_numeric,
    ps_type_name,
)


@pytest.mark.parametrize("value,name", [
    (1, "System.Int32"), (INT32_MAX + 1, "System.Int64"), (INT32_MIN, "System.Int32"),
    (True, "System.Boolean"), ("x", "System.String"), (1.5, "System.Double"),
    (Decimal("1.5"), "System.Decimal"), (None, None), (Int64(5), "System.Int64"),
    (Byte(1), "System.Byte"), (SByte(-1), "System.SByte"), (Int16(1), "System.Int16"),
    (UInt16(1), "System.UInt16"), (UInt32(1), "System.UInt32"), (UInt64(1), "System.UInt64"),
    (Single(1.5), "System.Single"), (Char("a"), "System.Char"), ([1], "System.Object[]"),
    ({}, "System.Collections.Hashtable"), (2**70, "System.Numerics.BigInteger"),
])
def test_ps_type_name(value, name):
    assert ps_type_name(value) == name


def test_int_types_are_ints_with_slots():
    for cls in (Int64, Byte, SByte, Int16, UInt16, UInt32, UInt64):
        v = cls(1)
        assert isinstance(v, int) and v == 1
        assert not hasattr(v, "__dict__")
        assert cls.__ps_typename__.startswith("System.")
    assert Int64(3) + 1 == 4 and type(Int64(3) + 1) is int
    assert str(Int64(42)) == "42"


def test_int_range_checked():
    with pytest.raises(OverflowException) as e:
        Byte(256)
    assert e.value.Message == "Value was either too large or too small for an unsigned byte."
    with pytest.raises(OverflowException):
        SByte(-129)
    with pytest.raises(OverflowException):
        UInt64(-1)
    assert Byte.MaxValue == 255 and Int64.MinValue == -2**63


def test_single_rounds_to_float32():
    s = Single(0.1)
    assert isinstance(s, float)
    assert float(s) == 0.10000000149011612
    assert str(s) == "0.1"


def test_char():
    c = Char("a")
    assert c == "a" and isinstance(c, str)
    assert Char(65) == "A"
    with pytest.raises(Exception):
        Char("ab")


def test_int_bits_and_is_numeric():
    assert int_bits(5) == 32 and int_bits(2**40) == 64 and int_bits(Int16(1)) == 16
    assert is_numeric(1) and is_numeric(1.5) and is_numeric(Decimal(1))
    assert not is_numeric(True) and not is_numeric("1")


def test_flag_enums_have_a_none_member():
    from o365shell.engine.netlib.datetime import DateTimeStyles
    from o365shell.engine.netlib.regex import RegexOptions
    from o365shell.engine.netlib.strings import StringSplitOptions
    from o365shell.engine.netlib.wildcard import WildcardOptions
    for cls, full in ((DateTimeStyles, "System.Globalization.DateTimeStyles"),
                      (RegexOptions, "System.Text.RegularExpressions.RegexOptions"),
                      (StringSplitOptions, "System.StringSplitOptions"),
                      (WildcardOptions, "System.Management.Automation.WildcardOptions")):
        assert cls["None"] == 0 and getattr(cls, "None") == 0
        assert cls.__ps_typename__ == full and cls.__doc__
    assert RegexOptions.IgnoreCase | RegexOptions.Multiline == 3
