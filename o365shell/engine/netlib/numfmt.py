"""Number to text exactly as .NET 8 / PowerShell 7.4 do it.

* ``double_to_string`` -- PowerShell's own Double -> string conversion (15
  significant digits, like the pre-.NET-Core-3 ``ToString()``).
* ``double_to_roundtrip`` -- .NET 8 ``double.ToString()`` (shortest round-trip).
* ``single_to_string`` / ``single_to_roundtrip`` -- the same for System.Single.
* ``decimal_to_string`` -- ``decimal.ToString()`` (keeps the scale's trailing zeros).
* ``format_number`` -- ``ToString(format, culture)`` for any numeric value with a
  standard (C D E F G N P R X) or custom numeric format string.

Digits of doubles come from Python's correctly rounded float formatting (David
Gay's dtoa, round-half-even on the exact binary value), which is what .NET's
Grisu3/Dragon4 produce for standard formats.  Custom formats start from 15 (7
for Single) significant digits and round those half away from zero, like .NET.
"""
from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from . import _numcore
from ._numcore import (
    NumBuf,
    number_to_string,
    number_to_string_format,
    parse_format_specifier,
)
from .culture import NumberFormat, number_format
from .exceptions import FormatException
from .numbers import Single, int_bits, to_single

__all__ = [
    "decimal_to_string",
    "double_to_roundtrip",
    "double_to_string",
    "format_number",
    "integer_to_string",
    "number_to_default_string",
    "single_to_roundtrip",
    "single_to_string",
]

_EN_US = number_format("en-US")
_INF = float("inf")


def _parse_digits(s: str) -> tuple[list[str], int]:
    """Digits and scale of a decimal string like '123.4500' or '1.25e-07' (no sign)."""
    e = s.find("e")
    if e >= 0:
        exp = int(s[e + 1:])
        s = s[:e]
    else:
        exp = 0
    dot = s.find(".")
    if dot >= 0:
        int_part = s[:dot]
        ds = int_part + s[dot + 1:]
        scale = len(int_part) + exp
    else:
        ds = s
        scale = len(s) + exp
    stripped = ds.lstrip("0")
    if not stripped:
        return [], 0
    scale -= len(ds) - len(stripped)
    stripped = stripped.rstrip("0")
    return list(stripped), scale


def _shortest_single(x: float) -> tuple[list[str], int]:
    """Shortest digits that round-trip through float32 (x > 0, finite)."""
    for p in range(1, 10):
        s = "%.*e" % (p - 1, x)
        if to_single(float(s)) == x:
            return _parse_digits(s)
        # the neighbour one unit above in the last place (binade-boundary asymmetry)
        mant, _, ex = s.partition("e")
        digits = mant.replace(".", "")
        up = str(int(digits) + 1)
        cand = f"{up[0]}.{up[1:]}e{int(ex) + (len(up) - len(digits))}" if len(up) > 1 else \
            f"{up}e{int(ex) + (len(up) - len(digits))}"
        if to_single(float(cand)) == x:
            return _parse_digits(cand)
    return _parse_digits("%.8e" % x)


def _float_sig_digits(ax: float, precision: int, single: bool) -> tuple[list[str], int]:
    if precision == -1:
        if single:
            return _shortest_single(ax)
        return _parse_digits(repr(ax))
    return _parse_digits("%.*e" % (precision - 1, ax))


def _format_float(x: float, fmt: str | None, nf: NumberFormat, single: bool) -> str:
    if x != x:
        return nf.nan_symbol
    if x == _INF:
        return nf.positive_infinity
    if x == -_INF:
        return nf.negative_infinity
    c, precision = parse_format_specifier(fmt)
    neg = math.copysign(1.0, x) < 0
    ax = -x if neg else x
    if c == "\0":
        precision = 7 if single else 15
        digits, scale = _float_sig_digits(ax, precision, single) if ax else ([], 0)
        return number_to_string_format(NumBuf(digits, scale, neg, "float"), fmt or "", nf)
    nmax = precision
    cu = c.upper()
    if cu == "C":
        if precision == -1:
            precision = nf.currency_decimal_digits
        sig = False
    elif cu == "E":
        if precision == -1:
            precision = 6
        precision += 1
        sig = True
    elif cu == "F" or cu == "N":
        if precision == -1:
            precision = nf.number_decimal_digits
        sig = False
    elif cu == "G":
        if precision == 0:
            precision = -1
        sig = True
    elif cu == "P":
        if precision == -1:
            precision = nf.percent_decimal_digits
        precision += 2
        sig = False
    elif cu == "R":
        precision = -1
        sig = True
    else:
        raise FormatException(_numcore.BAD_FORMAT_SPECIFIER)
    if not ax:
        digits, scale = [], 0
    elif sig:
        digits, scale = _float_sig_digits(ax, precision, single)
    else:
        digits, scale = _parse_digits("%.*f" % (precision, ax))
    if precision == -1:
        nmax = max(len(digits), 9 if single else 17)
    return number_to_string(NumBuf(digits, scale, neg, "float"), c, nmax, nf)


def _general(x: float, sig: int, nf: NumberFormat) -> str:
    """'G<sig>' for a finite double (the fast path of double_to_string)."""
    if x == 0.0:
        return "-0" if math.copysign(1.0, x) < 0 else "0"
    s = "%.*e" % (sig - 1, x)
    neg = s[0] == "-"
    if neg:
        s = s[1:]
    mant, _, ex = s.partition("e")
    exp = int(ex)
    digits = mant.replace(".", "").rstrip("0")
    if exp >= sig or exp < -4:
        body = digits[0] + ("." + digits[1:] if len(digits) > 1 else "")
        body += ("E-" if exp < 0 else "E+") + ("%02d" % abs(exp))
    elif exp >= 0:
        if len(digits) > exp + 1:
            body = digits[:exp + 1] + nf.decimal_sep + digits[exp + 1:]
        else:
            body = digits + "0" * (exp + 1 - len(digits))
    else:
        body = "0" + nf.decimal_sep + "0" * (-exp - 1) + digits
    return "-" + body if neg else body


def double_to_string(x: float, culture: str = "en-US") -> str:
    """PowerShell's Double -> text: 15 significant digits ("G15"), e.g. 0.1+0.2 -> '0.3'.

    Scientific notation when the decimal exponent is >= 15 or <= -5 (1E+15, 1E-05).
    NaN -> 'NaN'; infinities use the culture's symbols ('∞'/'-∞' for en-US,
    'Infinity'/'-Infinity' for invariant); -0.0 -> '-0'.
    """
    if x != x:
        return "NaN"
    if x == _INF or x == -_INF:
        nf = number_format(culture)
        return nf.positive_infinity if x > 0 else nf.negative_infinity
    return _general(x, 15, _EN_US)


def single_to_string(x: float, culture: str = "en-US") -> str:
    """PowerShell's Single -> text: 7 significant digits ("G7")."""
    if x != x:
        return "NaN"
    if x == _INF or x == -_INF:
        nf = number_format(culture)
        return nf.positive_infinity if x > 0 else nf.negative_infinity
    return _general(float(x), 7, _EN_US)


def double_to_roundtrip(x: float, culture: str = "en-US") -> str:
    """.NET 8 ``double.ToString()``: shortest round-trippable digits (0.30000000000000004).

    Scientific notation when the exponent is >= max(17, digit count) or <= -5.
    """
    return _format_float(float(x), None, number_format(culture), False)


def single_to_roundtrip(x: float, culture: str = "en-US") -> str:
    """.NET 8 ``float.ToString()``: shortest digits that round-trip through float32."""
    return _format_float(to_single(float(x)), None, number_format(culture), True)


def _decimal_buf(d: Decimal) -> NumBuf:
    sign, dtuple, exp = d.as_tuple()
    if not isinstance(exp, int):
        raise FormatException("Decimal value is not finite.")
    ds = "".join(map(str, dtuple)).lstrip("0")
    if exp > 0:
        # .NET decimals never have a negative scale: 1E+2 is 100
        ds = ds + "0" * exp if ds else ""
        exp = 0
    scale = len(ds) + exp
    return NumBuf(list(ds), scale, bool(sign), "decimal")


def decimal_to_string(d: Decimal, culture: str = "en-US") -> str:
    """``decimal.ToString()``: all digits of the scale, never exponent notation (1.50 -> '1.50')."""
    return number_to_string(_decimal_buf(d), "G", -1, number_format(culture))


def integer_to_string(value: int) -> str:
    """Default text of any .NET integer (no grouping, '-' sign)."""
    return int.__repr__(int(value))


def _format_integer(value: int, fmt: str | None, nf: NumberFormat) -> str:
    if not fmt:
        return int.__repr__(int(value))
    c, digits = parse_format_specifier(fmt)
    cu = c.upper()
    v = int(value)
    if (cu == "G" and digits < 1) or cu == "D":
        s = str(abs(v))
        if digits > len(s):
            s = s.zfill(digits)
        return nf.negative_sign + s if v < 0 else s
    if cu == "X":
        if v < 0:
            v &= (1 << int_bits(value)) - 1
        s = format(v, "X" if c == "X" else "x")
        return s.zfill(digits) if digits > len(s) else s
    if cu == "B" and c != "\0":
        if v < 0:
            v &= (1 << int_bits(value)) - 1
        s = format(v, "b")
        return s.zfill(digits) if digits > len(s) else s
    s = str(abs(v))
    num = NumBuf(list(s) if v else [], len(s) if v else 0, v < 0, "int")
    if c != "\0":
        return number_to_string(num, c, digits, nf)
    return number_to_string_format(num, fmt, nf)


def _format_decimal(d: Decimal, fmt: str | None, nf: NumberFormat) -> str:
    c, digits = parse_format_specifier(fmt)
    num = _decimal_buf(d)
    if c != "\0":
        return number_to_string(num, c, digits, nf)
    return number_to_string_format(num, fmt or "", nf)


def format_number(value: Any, fmt: str | None, culture: Any = "en-US") -> str:
    """``value.ToString(fmt, culture)`` for an int (any width), float, Single or Decimal.

    ``culture`` is "en-US" (default) or "invariant" (or any provider
    ``culture.resolve_culture`` understands).  Raises FormatException("Format
    specifier was invalid.") for a bad standard specifier (e.g. 'D' on a double).
    Booleans and strings are returned as their text (they are not IFormattable).
    """
    nf = number_format(culture)
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return _format_integer(value, fmt, nf)
    if isinstance(value, Single):
        return _format_float(float(value), fmt, nf, True)
    if isinstance(value, float):
        return _format_float(value, fmt, nf, False)
    if isinstance(value, Decimal):
        return _format_decimal(value, fmt, nf)
    if isinstance(value, str):
        return value
    raise TypeError(f"format_number: not a number: {type(value).__name__}")


def number_to_default_string(value: Any, culture: Any = "en-US") -> str:
    """.NET ``ToString()`` of a numeric value (Double/Single shortest round-trip)."""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, int):
        return int.__repr__(int(value))
    if isinstance(value, Single):
        return single_to_roundtrip(value, culture)
    if isinstance(value, float):
        return double_to_roundtrip(value, culture)
    if isinstance(value, Decimal):
        return decimal_to_string(value, culture)
    return str(value)
