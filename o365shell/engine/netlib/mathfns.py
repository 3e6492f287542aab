"""System.Math as static methods with .NET's overload behaviour.

Type rules (how PowerShell's overload resolution picks .NET overloads):
Round/Floor/Ceiling/Truncate return Decimal for Decimal input and float
otherwise; Abs/Max/Min/Clamp/Sign keep integer types (the wider of two
integer types), mix int with float to float and int with Decimal to Decimal.
Domain errors give NaN/infinity like IEEE/.NET instead of raising.
"""
from __future__ import annotations

import decimal
import enum
import math
from decimal import Decimal
from typing import Any

from .exceptions import (
    ArgumentException,
    ArgumentOutOfRangeException,
    ArithmeticException,
    OverflowException,
)
from .numbers import INT_RANGES, Int64

_NAN = float("nan")
_INF = float("inf")


class MidpointRounding(enum.IntEnum):
    """System.MidpointRounding."""

    __ps_typename__ = "System.MidpointRounding"
    ToEven = 0
    AwayFromZero = 1
    ToZero = 2
    ToNegativeInfinity = 3
    ToPositiveInfinity = 4


_DEC_ROUNDING = {
    MidpointRounding.ToEven: decimal.ROUND_HALF_EVEN,
    MidpointRounding.AwayFromZero: decimal.ROUND_HALF_UP,
    MidpointRounding.ToZero: decimal.ROUND_DOWN,
    MidpointRounding.ToNegativeInfinity: decimal.ROUND_FLOOR,
    MidpointRounding.ToPositiveInfinity: decimal.ROUND_CEILING,
}
_CTX = decimal.Context(prec=80)


def _mode(value: Any) -> MidpointRounding:
    if isinstance(value, str):
        for m in MidpointRounding:
            if m.name.lower() == value.strip().lower():
                return m
    try:
        return MidpointRounding(int(value))
    except (ValueError, TypeError):
        raise ArgumentException(f"The value '{value}' is not valid for this usage of the type "
                                "MidpointRounding. (Parameter 'mode')") from None


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


def _round_double(value: float, mode: MidpointRounding) -> float:
    if not math.isfinite(value):
        return value
    if mode == MidpointRounding.ToEven:
        return float(round(value))
    if mode == MidpointRounding.AwayFromZero:
        frac, whole = math.modf(value)
        if abs(frac) >= 0.5:
            whole += math.copysign(1.0, frac)
        return whole
    if mode == MidpointRounding.ToZero:
        return float(math.trunc(value))
    if mode == MidpointRounding.ToNegativeInfinity:
        return float(math.floor(value))
    return float(math.ceil(value))


def _round_decimal(d: Decimal, digits: int, mode: MidpointRounding) -> Decimal:
    exp = d.as_tuple().exponent
    if not isinstance(exp, int) or exp >= -digits:
        return d
    return d.quantize(Decimal(1).scaleb(-digits), rounding=_DEC_ROUNDING[mode], context=_CTX)


def _wider_int(a: int, b: int) -> type:
    ta, tb = type(a), type(b)
    if ta is tb:
        return ta
    lo_a, hi_a = INT_RANGES.get(ta, INT_RANGES[int])
    lo_b, hi_b = INT_RANGES.get(tb, INT_RANGES[int])
    # signed/unsigned mixes go to the next signed type that holds both, as C# promotes
    lo, hi = min(lo_a, lo_b), max(hi_a, hi_b)
    if lo >= -2**31 and hi <= 2**31 - 1:
        return int
    for t in (Int64,):
        tlo, thi = INT_RANGES[t]
        if lo >= tlo and hi <= thi:
            return t
    return ta if hi_a >= hi_b else tb


def _make_int(t: type, v: int) -> int:
    if t is int:
        return int(v)
    return t(v)


def _binary_kind(a: Any, b: Any) -> str:
    if isinstance(a, float) or isinstance(b, float):
        return "float"
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        return "decimal"
    return "int"


class Math:
    """System.Math (static methods only)."""

    __ps_typename__ = "System.Math"
    PI = math.pi
    E = math.e
    Tau = math.tau

    @staticmethod
    def Round(value: Any, *args: Any) -> Any:
        """Round(x), Round(x, digits), Round(x, mode), Round(x, digits, mode); ToEven default."""
        digits = 0
        mode = MidpointRounding.ToEven
        if len(args) == 1:
            if isinstance(args[0], (MidpointRounding, str)):
                mode = _mode(args[0])
            else:
                digits = int(args[0])
        elif len(args) == 2:
            digits = int(args[0])
            mode = _mode(args[1])
        elif len(args) > 2:
            raise ArgumentException("Round takes at most 3 arguments.")
        if isinstance(value, Decimal):
            if digits < 0 or digits > 28:
                raise ArgumentOutOfRangeException(
                    "Rounding digits must be between 0 and 28, inclusive. (Parameter 'decimals')")
            return _round_decimal(value, digits, mode)
        x = float(value)
        if digits < 0 or digits > 15:
            raise ArgumentOutOfRangeException(
                "Rounding digits must be between 0 and 15, inclusive. (Parameter 'digits')")
        if digits == 0:
            return _round_double(x, mode)
        if abs(x) < 1e16:
            p = 10.0 ** digits
            return _round_double(x * p, mode) / p
        return x

    @staticmethod
    def Floor(value: Any) -> Any:
        if isinstance(value, Decimal):
            return value.to_integral_value(rounding=decimal.ROUND_FLOOR, context=_CTX)
        x = float(value)
        return float(math.floor(x)) if math.isfinite(x) else x

    @staticmethod
    def Ceiling(value: Any) -> Any:
        if isinstance(value, Decimal):
            return value.to_integral_value(rounding=decimal.ROUND_CEILING, context=_CTX)
        x = float(value)
        return float(math.ceil(x)) if math.isfinite(x) else x

    @staticmethod
    def Truncate(value: Any) -> Any:
        if isinstance(value, Decimal):
            return value.to_integral_value(rounding=decimal.ROUND_DOWN, context=_CTX)
        x = float(value)
        return float(math.trunc(x)) if math.isfinite(x) else x

    @staticmethod
    def Abs(value: Any) -> Any:
        if _is_int(value):
            lo, _ = INT_RANGES.get(type(value), INT_RANGES[int])
            if type(value) is int and value < -2**31:
                lo = -2**63
            if value == lo and lo < 0:
                raise OverflowException(
                    "Negating the minimum value of a twos complement number is invalid.")
            return _make_int(type(value), abs(int(value)))
        if isinstance(value, Decimal):
            return abs(value)
        return abs(float(value))

    @staticmethod
    def Max(a: Any, b: Any) -> Any:
        kind = _binary_kind(a, b)
        if kind == "int":
            t = _wider_int(a, b)
            return _make_int(t, max(int(a), int(b)))
        if kind == "decimal":
            return max(Decimal(a), Decimal(b))
        x, y = float(a), float(b)
        if x != x or y != y:
            return _NAN
        if x == y == 0.0:
            return x if math.copysign(1, x) > 0 else y
        return max(y, x)

    @staticmethod
    def Min(a: Any, b: Any) -> Any:
        kind = _binary_kind(a, b)
        if kind == "int":
            t = _wider_int(a, b)
            return _make_int(t, min(int(a), int(b)))
        if kind == "decimal":
            return min(Decimal(a), Decimal(b))
        x, y = float(a), float(b)
        if x != x or y != y:
            return _NAN
        if x == y == 0.0:
            return x if math.copysign(1, x) < 0 else y
        return min(y, x)

    @staticmethod
    def Clamp(value: Any, lo: Any, hi: Any) -> Any:
        if lo > hi:
            def text(v: Any) -> str:
                from .numfmt import number_to_default_string
                return number_to_default_string(v)
            raise ArgumentException(f"'{text(lo)}' cannot be greater than {text(hi)}.")
        return Math.Min(Math.Max(value, lo), hi)

    @staticmethod
    def Sign(value: Any) -> int:
        if isinstance(value, float) and value != value:
            raise ArithmeticException(
                "Function does not accept floating point Not-a-Number values.")
        return (value > 0) - (value < 0)

    @staticmethod
    def Pow(x: Any, y: Any) -> float:
        x, y = float(x), float(y)
        try:
            return math.pow(x, y)
        except OverflowError:
            if x < 0 and y == int(y) and int(y) % 2 == 1:
                return -_INF
            return _INF
        except ValueError:
            if x == 0.0:
                if y == int(y) and int(y) % 2 == 1 and math.copysign(1, x) < 0:
                    return -_INF
                return _INF
            return _NAN

    @staticmethod
    def Sqrt(x: Any) -> float:
        x = float(x)
        return math.sqrt(x) if x >= 0 else (_NAN if x < 0 or x != x else x)

    @staticmethod
    def Cbrt(x: Any) -> float:
        x = float(x)
        if not math.isfinite(x) or x == 0:
            return x
        r = abs(x) ** (1.0 / 3.0)
        r = r - (r * r * r - abs(x)) / (3 * r * r)
        return math.copysign(r, x)

    @staticmethod
    def Exp(x: Any) -> float:
        try:
            return math.exp(float(x))
        except OverflowError:
            return _INF

    @staticmethod
    def Log(a: Any, new_base: Any = None) -> float:
        x = float(a)
        if new_base is None:
            if x != x:
                return x
            if x == 0:
                return -_INF
            if x < 0:
                return _NAN
            return math.log(x)
        b = float(new_base)
        if x != x:
            return x
        if b != b:
            return b
        if b == 1:
            return _NAN
        if x != 1 and (b == 0 or b == _INF):
            return _NAN
        return Math.Log(x) / Math.Log(b)

    @staticmethod
    def Log10(x: Any) -> float:
        x = float(x)
        if x == 0:
            return -_INF
        if x < 0 or x != x:
            return _NAN
        return math.log10(x)

    @staticmethod
    def Log2(x: Any) -> float:
        x = float(x)
        if x == 0:
            return -_INF
        if x < 0 or x != x:
            return _NAN
        return math.log2(x)

    @staticmethod
    def Sin(x: Any) -> float:
        return _safe(math.sin, x)

    @staticmethod
    def Cos(x: Any) -> float:
        return _safe(math.cos, x)

    @staticmethod
    def Tan(x: Any) -> float:
        return _safe(math.tan, x)

    @staticmethod
    def Asin(x: Any) -> float:
        return _safe(math.asin, x)

    @staticmethod
    def Acos(x: Any) -> float:
        return _safe(math.acos, x)

    @staticmethod
    def Atan(x: Any) -> float:
        return _safe(math.atan, x)

    @staticmethod
    def Atan2(y: Any, x: Any) -> float:
        return math.atan2(float(y), float(x))

    @staticmethod
    def Sinh(x: Any) -> float:
        return _safe(math.sinh, x, overflow=True)

    @staticmethod
    def Cosh(x: Any) -> float:
        return _safe(math.cosh, x, overflow=True)

    @staticmethod
    def Tanh(x: Any) -> float:
        return _safe(math.tanh, x)

    @staticmethod
    def Asinh(x: Any) -> float:
        return _safe(math.asinh, x)

    @staticmethod
    def Acosh(x: Any) -> float:
        return _safe(math.acosh, x)

    @staticmethod
    def Atanh(x: Any) -> float:
        x = float(x)
        if x == 1:
            return _INF
        if x == -1:
            return -_INF
        return _safe(math.atanh, x)

    @staticmethod
    def IEEERemainder(x: Any, y: Any) -> float:
        x, y = float(x), float(y)
        if y == 0 or not math.isfinite(x) or y != y:
            return _NAN
        return math.remainder(x, y)

    @staticmethod
    def CopySign(x: Any, y: Any) -> float:
        return math.copysign(float(x), float(y))

    @staticmethod
    def DivRem(a: int, b: int) -> tuple[int, int]:
        """(quotient, remainder) with C# truncating semantics."""
        a, b = int(a), int(b)
        if b == 0:
            from .exceptions import DivideByZeroException
            raise DivideByZeroException()
        q = abs(a) // abs(b)
        q = q if (a >= 0) == (b >= 0) else -q
        return q, a - q * b

    @staticmethod
    def BigMul(a: int, b: int) -> int:
        return Int64(int(a) * int(b))


def _safe(fn: Any, x: Any, overflow: bool = False) -> float:
    v = float(x)
    try:
        return fn(v)
    except OverflowError:
        return math.copysign(_INF, v) if fn is math.sinh else _INF
    except ValueError:
        return _NAN
