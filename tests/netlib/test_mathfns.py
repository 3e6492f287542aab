import math
from decimal import Decimal

import pytest

from o365shell.engine.netlib.exceptions import (
    ArgumentException,
    ArgumentOutOfRangeException,
    ArithmeticException,
    OverflowException,
)
from o365shell.engine.netlib.mathfns import Math, MidpointRounding
from o365shell.engine.netlib.numbers import Byte, Int64


@pytest.mark.parametrize("args,result", [
    ((2.5,), 2.0), ((3.5,), 4.0), ((-2.5,), -2.0), ((2.5, MidpointRounding.AwayFromZero), 3.0),
    ((-2.5, MidpointRounding.AwayFromZero), -3.0), ((2.345, 2), 2.35), ((1.005, 2), 1.0),
    ((2.675, 2), 2.68), ((1.5, 0, "AwayFromZero"), 2.0), ((2.7, MidpointRounding.ToZero), 2.0),
    ((-2.1, MidpointRounding.ToNegativeInfinity), -3.0),
    ((2.1, MidpointRounding.ToPositiveInfinity), 3.0), ((1234.5678, 2), 1234.57),
    ((5,), 5.0), ((1e17, 2), 1e17),
])
def test_round_double(args, result):
    r = Math.Round(*args)
    assert r == result and isinstance(r, float)


def test_round_decimal():
    assert Math.Round(Decimal("2.345"), 2) == Decimal("2.34")
    assert Math.Round(Decimal("2.345"), 2, MidpointRounding.AwayFromZero) == Decimal("2.35")
    assert str(Math.Round(Decimal("1.5"))) == "2"
    assert str(Math.Round(Decimal("1.20"), 3)) == "1.20"
    assert isinstance(Math.Round(Decimal("1.5")), Decimal)


def test_round_errors():
    with pytest.raises(ArgumentOutOfRangeException):
        Math.Round(1.5, 16)
    with pytest.raises(ArgumentOutOfRangeException):
        Math.Round(Decimal(1), 29)
    with pytest.raises(ArgumentException):
        Math.Round(1.5, 0, 9)


def test_floor_ceiling_truncate():
    assert Math.Floor(-2.5) == -3.0 and isinstance(Math.Floor(2), float)
    assert Math.Ceiling(2.1) == 3.0 and Math.Ceiling(Decimal("2.1")) == Decimal(3)
    assert Math.Truncate(-2.7) == -2.0 and Math.Truncate(Decimal("-2.7")) == Decimal(-2)
    assert math.isinf(Math.Floor(float("inf")))


def test_abs_max_min_types():
    assert Math.Abs(-5) == 5 and type(Math.Abs(-5)) is int
    assert type(Math.Abs(Byte(3))) is Byte
    assert Math.Abs(-2.5) == 2.5 and Math.Abs(Decimal("-1.5")) == Decimal("1.5")
    with pytest.raises(OverflowException):
        Math.Abs(-2147483648)
    assert Math.Max(1, 2) == 2 and type(Math.Max(1, 2)) is int
    assert type(Math.Max(1, Int64(2))) is Int64
    assert Math.Max(1, 2.5) == 2.5 and isinstance(Math.Max(3, 2.5), float)
    assert Math.Max(Decimal(1), 2) == Decimal(2)
    assert math.isnan(Math.Max(1.0, float("nan")))
    assert math.copysign(1, Math.Max(-0.0, 0.0)) == 1 and math.copysign(1, Math.Min(0.0, -0.0)) == -1
    assert Math.Min(3, -1) == -1
    assert Math.Clamp(15, 1, 10) == 10 and Math.Clamp(-5, 1, 10) == 1 and Math.Clamp(5, 1, 10) == 5
    with pytest.raises(ArgumentException) as e:
        Math.Clamp(1, 5, 2)
    assert e.value.Message == "'5' cannot be greater than 2."


def test_transcendental():
    assert Math.Pow(2, 10) == 1024.0 and math.isinf(Math.Pow(0, -1))
    assert math.isnan(Math.Pow(-8, 1 / 3)) and math.isinf(Math.Pow(10, 400))
    assert math.isnan(Math.Sqrt(-1)) and Math.Sqrt(16) == 4.0
    assert Math.Log(8, 2) == 3.0 and Math.Log(math.e) == 1.0
    assert Math.Log(0) == -math.inf and math.isnan(Math.Log(-1)) and math.isnan(Math.Log(2, 1))
    assert Math.Log10(1000) == 3.0 and Math.Log2(8) == 3.0
    assert Math.Exp(0) == 1.0 and math.isinf(Math.Exp(1000))
    assert math.isnan(Math.Asin(2)) and Math.Atan2(1, 1) == math.pi / 4
    assert math.isnan(Math.Sin(math.inf))
    assert Math.Cbrt(27) == 3.0 and Math.Cbrt(-8) == -2.0
    assert Math.PI == math.pi and Math.E == math.e and Math.Tau == math.tau


def test_sign_and_divrem():
    assert Math.Sign(-3.2) == -1 and Math.Sign(0) == 0 and Math.Sign(Decimal(5)) == 1
    with pytest.raises(ArithmeticException):
        Math.Sign(float("nan"))
    assert Math.DivRem(-7, 2) == (-3, -1)
    assert Math.IEEERemainder(10, 3) == 1.0
