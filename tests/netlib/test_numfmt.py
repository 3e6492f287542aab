import math
from decimal import Decimal

import pytest

from o365shell.engine.netlib.exceptions import FormatException
from o365shell.engine.netlib.numbers import Byte, Int16, Int64, SByte, Single, UInt32
from o365shell.engine.netlib.numfmt import (
    decimal_to_string,
    double_to_roundtrip,
    double_to_string,
    format_number,
    number_to_default_string,
    single_to_roundtrip,
    single_to_string,
)


@pytest.mark.parametrize("x,text", [
    (0.1 + 0.2, "0.3"), (1 / 3, "0.333333333333333"), (11111.11 - 11110.01, "1.10000000000036"),
    (1e15, "1E+15"), (1.5e-6, "1.5E-06"), (-2.5e20, "-2.5E+20"), (float("nan"), "NaN"),
    (float("inf"), "\u221e"), (float("-inf"), "-\u221e"), (-0.0, "-0"), (0.0, "0"),
    (100.0, "100"), (0.0001, "0.0001"), (0.00001, "1E-05"), (123456789012345.0, "123456789012345"),
    (1234567890123456.0, "1.23456789012346E+15"), (2.5, "2.5"), (math.pi, "3.14159265358979"),
    (-1.0, "-1"), (1e100, "1E+100"), (12345.678, "12345.678"), (0.1, "0.1"),
])
def test_double_to_string(x, text):
    assert double_to_string(x) == text


def test_double_to_string_invariant_infinity():
    assert double_to_string(float("inf"), "invariant") == "Infinity"


@pytest.mark.parametrize("x,text", [
    (0.1 + 0.2, "0.30000000000000004"), (math.pi, "3.141592653589793"), (1e17, "1E+17"),
    (1.7976931348623157e308, "1.7976931348623157E+308"), (5e-324, "5E-324"), (100.0, "100"),
    (-60.0, "-60"), (1e-5, "1E-05"), (123e20, "1.23E+22"), (12345678901234568.0,
                                                          "12345678901234568"),
    (0.1, "0.1"), (-0.0, "-0"), (1.5, "1.5"),
])
def test_double_to_roundtrip(x, text):
    assert double_to_roundtrip(x) == text


def test_single():
    assert single_to_string(Single(0.1)) == "0.1"
    assert single_to_roundtrip(Single(0.1)) == "0.1"
    assert single_to_string(Single(1 / 3)) == "0.3333333"
    assert single_to_roundtrip(Single(1 / 3)) == "0.33333334"
    assert single_to_string(Single(16777217)) == "1.677722E+07"
    assert format_number(Single(3.14159274), "R") == "3.1415927"
    assert format_number(Single(2.5), "F1") == "2.5"


@pytest.mark.parametrize("d,text", [
    (Decimal("1.50"), "1.50"), (Decimal("0.00"), "0.00"), (Decimal("-1.5"), "-1.5"),
    (Decimal(100), "100"), (Decimal("1E+2"), "100"), (Decimal("-0.0"), "0.0"),
    (Decimal("123456789.123456789"), "123456789.123456789"),
])
def test_decimal_to_string(d, text):
    assert decimal_to_string(d) == text


@pytest.mark.parametrize("x,fmt,text", [
    (1234.5678, "C", "$1,234.57"), (-1234.5678, "C", "-$1,234.57"), (1234.5678, "C0", "$1,235"),
    (1234.5678, "N", "1,234.57"), (1234.5678, "N0", "1,235"), (-1234.5678, "N1", "-1,234.6"),
    (1234.5678, "F", "1234.57"), (1234.5678, "F0", "1235"), (1234.5678, "F3", "1234.568"),
    (1234.5678, "E", "1.234568E+003"), (1234.5678, "e2", "1.23e+003"),
    (-0.000123, "E3", "-1.230E-004"), (1234.5678, "G", "1234.5678"), (1234.5678, "G3", "1.23E+03"),
    (0.1234, "P", "12.34%"), (0.1234, "P0", "12%"), (0.12345, "P1", "12.3%"),
    (-0.1234, "P", "-12.34%"), (1234.5678, "R", "1234.5678"), (0.0, "F2", "0.00"),
    (-0.004, "F1", "-0.0"), (0.125, "F2", "0.12"), (0.375, "F2", "0.38"), (2.5, "F0", "2"),
    (3.5, "F0", "4"), (1e20, "F2", "100000000000000000000.00"), (1e20, "N0",
                                                                   "100,000,000,000,000,000,000"),
    (123456789.0, "G7", "1.234568E+08"), (0.0001234, "G", "0.0001234"),
    (0.00001234, "G", "1.234E-05"), (float("nan"), "F2", "NaN"), (float("inf"), "N", "\u221e"),
])
def test_standard_double(x, fmt, text):
    assert format_number(x, fmt) == text


@pytest.mark.parametrize("x,fmt,text", [
    (1234.5678, "0.00", "1234.57"), (1234.5678, "#,##0.00", "1,234.57"),
    (1234.5678, "0.###E+0", "1.235E+3"), (1234.5678, "00000", "01235"), (1234.5678, "#", "1235"),
    (0.1234, "0.0%", "12.3%"), (1234567.891, "#,##0,,", "1"), (1234567.891, "#,##0,", "1,235"),
    (-1.5, "0.00;(0.00);zero", "(1.50)"), (0.0, "0.00;(0.00);zero", "zero"),
    (1.5, "0.00;(0.00);zero", "1.50"), (1234.5678, "'$'0", "$1235"), (1234.5678, "\\#0", "#1235"),
    (0.5, "0", "1"), (1.5, "0", "2"), (2.5, "0", "3"), (0.125, "0.00", "0.13"),
    (-0.001, "0.00", "-0.00"), (0.45, "0.0", "0.5"), (12345.0, "0.00E+00", "1.23E+04"),
    (0.00012, "0.0e-0", "1.2e-4"), (5.0, "00.00", "05.00"), (0.0, "#", ""),
    (0.0, "0", "0"), (1234.0, "#,#", "1,234"), (0.5, "#.##", ".5"), (0.001, "0.0\u2030", "1.0\u2030"),
    (-5.0, "0;minus 0", "minus 5"), (42.0, "Value: 0", "Value: 42"),
])
def test_custom_double(x, fmt, text):
    assert format_number(x, fmt) == text


@pytest.mark.parametrize("v,fmt,text", [
    (255, "X", "FF"), (255, "x4", "00ff"), (-1, "X", "FFFFFFFF"), (Int64(-1), "X", "F" * 16),
    (Int16(-1), "x", "ffff"), (SByte(-2), "X", "FE"), (Byte(10), "X2", "0A"),
    (255, "D5", "00255"), (-5, "D3", "-005"), (1234567, "N0", "1,234,567"),
    (1234567, "N", "1,234,567.00"), (1234567, "C", "$1,234,567.00"), (-5, "C", "-$5.00"),
    (1234567, "E2", "1.23E+006"), (1, "P", "100.00%"), (1234567, "G", "1234567"),
    (255, "G2", "2.6E+02"), (1234567, "#,#", "1,234,567"), (12, "0000", "0012"),
    (12, "F2", "12.00"), (UInt32(4294967295), "N0", "4,294,967,295"), (0, "D", "0"),
    (-12, "0;(0)", "(12)"), (5, "B", "101"), (1500, "0,.0", "1.5"), (1500, "0.0,", "1500.0"), (12, "", "12"), (12, None, "12"),
])
def test_integers(v, fmt, text):
    assert format_number(v, fmt) == text


@pytest.mark.parametrize("d,fmt,text", [
    (Decimal("1.50"), None, "1.50"), (Decimal("1.50"), "G", "1.50"), (Decimal("1.5"), "F3", "1.500"),
    (Decimal("1.245"), "F2", "1.25"), (Decimal("1.235"), "0.00", "1.24"), (Decimal("1.5"), "N0", "2"),
    (Decimal("2.5"), "N0", "3"), (Decimal("-1234.565"), "C", "-$1,234.57"),
    (Decimal("1.50"), "E", "1.500000E+000"), (Decimal("0.1234"), "P1", "12.3%"),
    (Decimal("-0.001"), "0.00", "0.00"), (Decimal("123.456"), "G4", "123.5"),
])
def test_decimals(d, fmt, text):
    assert format_number(d, fmt) == text


def test_invariant_culture():
    assert format_number(1234.5678, "C", "invariant") == "\u00a41,234.57"
    assert format_number(-1234.5678, "C", "invariant") == "(\u00a41,234.57)"
    assert format_number(0.1234, "P", "invariant") == "12.34 %"
    assert format_number(1234.5678, "N", "invariant") == "1,234.57"
    assert format_number(float("-inf"), None, "invariant") == "-Infinity"


def test_bad_format_specifiers():
    with pytest.raises(FormatException) as e:
        format_number(1.5, "D")
    assert e.value.Message == "Format specifier was invalid."
    with pytest.raises(FormatException):
        format_number(1.5, "X")
    with pytest.raises(FormatException):
        format_number(5, "R")
    with pytest.raises(FormatException):
        format_number(5, "Q")


def test_defaults():
    assert number_to_default_string(0.1 + 0.2) == "0.30000000000000004"
    assert number_to_default_string(5) == "5"
    assert number_to_default_string(Decimal("2.50")) == "2.50"
    assert number_to_default_string(True) == "True"
    assert format_number(True, "N2") == "True"
    assert format_number("text", "N2") == "text"
