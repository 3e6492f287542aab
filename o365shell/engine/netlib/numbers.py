"""The .NET primitive numeric types that have no natural Python counterpart.

A plain ``int`` is System.Int32, ``float`` System.Double, ``decimal.Decimal``
System.Decimal and ``bool`` System.Boolean.  The other integer widths are ``int``
subclasses defined here; ``Single`` is a ``float`` subclass whose value is
rounded to IEEE single precision, and ``Char`` a one-character ``str``.

The integer subclasses validate their range on construction (raising
``OverflowException`` with the .NET message) but arithmetic on them returns plain
``int`` -- the engine decides the result type of an operation.
"""
from __future__ import annotations

import struct
from decimal import Decimal
from typing import Any

from .exceptions import OverflowException

INT32_MIN = -2**31
INT32_MAX = 2**31 - 1
INT64_MIN = -2**63
INT64_MAX = 2**63 - 1
UINT32_MAX = 2**32 - 1
UINT64_MAX = 2**64 - 1
INT16_MIN = -2**15
INT16_MAX = 2**15 - 1
UINT16_MAX = 2**16 - 1
BYTE_MAX = 255
SBYTE_MIN = -128
SBYTE_MAX = 127
SINGLE_MAX = 3.4028234663852886e38
DECIMAL_MAX = Decimal(79228162514264337593543950335)
DECIMAL_MIN = -DECIMAL_MAX


class _BoundedInt(int):
    """Base of the fixed-width integer types (range checked on construction)."""

    __slots__ = ()
    __ps_typename__ = "System.Int32"
    __ps_statics__ = ("MinValue", "MaxValue")
    MinValue: int = INT32_MIN
    MaxValue: int = INT32_MAX
    _overflow_name = "an Int32"

    def __new__(cls, value: Any = 0) -> _BoundedInt:
        iv = int(value)
        if iv < cls.MinValue or iv > cls.MaxValue:
            raise OverflowException(
                f"Value was either too large or too small for {cls._overflow_name}.")
        return super().__new__(cls, iv)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({int(self)})"

    def __str__(self) -> str:
        return int.__repr__(self)

    def __format__(self, spec: str) -> str:
        return int(self).__format__(spec)


class Int64(_BoundedInt):
    """System.Int64 (64-bit signed integer)."""

    __slots__ = ()
    __ps_typename__ = "System.Int64"
    MinValue = INT64_MIN
    MaxValue = INT64_MAX
    _overflow_name = "an Int64"


class Byte(_BoundedInt):
    """System.Byte (0 .. 255)."""

    __slots__ = ()
    __ps_typename__ = "System.Byte"
    MinValue = 0
    MaxValue = BYTE_MAX
    _overflow_name = "an unsigned byte"


class SByte(_BoundedInt):
    """System.SByte (-128 .. 127)."""

    __slots__ = ()
    __ps_typename__ = "System.SByte"
    MinValue = SBYTE_MIN
    MaxValue = SBYTE_MAX
    _overflow_name = "a signed byte"


class Int16(_BoundedInt):
    """System.Int16 (16-bit signed integer)."""

    __slots__ = ()
    __ps_typename__ = "System.Int16"
    MinValue = INT16_MIN
    MaxValue = INT16_MAX
    _overflow_name = "an Int16"


class UInt16(_BoundedInt):
    """System.UInt16 (16-bit unsigned integer)."""

    __slots__ = ()
    __ps_typename__ = "System.UInt16"
    MinValue = 0
    MaxValue = UINT16_MAX
    _overflow_name = "a UInt16"


class UInt32(_BoundedInt):
    """System.UInt32 (32-bit unsigned integer)."""

    __slots__ = ()
    __ps_typename__ = "System.UInt32"
    MinValue = 0
    MaxValue = UINT32_MAX
    _overflow_name = "a UInt32"


class UInt64(_BoundedInt):
    """System.UInt64 (64-bit unsigned integer)."""

    __slots__ = ()
    __ps_typename__ = "System.UInt64"
    MinValue = 0
    MaxValue = UINT64_MAX
    _overflow_name = "a UInt64"


_F32 = struct.Struct("<f")


def to_single(value: float) -> float:
    """Round a Python float to the nearest IEEE single-precision value (inf on overflow)."""
    v = float(value)
    try:
        return _F32.unpack(_F32.pack(v))[0]
    except OverflowError:
        # struct refuses values beyond float32 range; .NET yields +/- infinity.
        if v != v:
            return v
        # values that round into range are handled by pack; the rest overflow
        return float("inf") if v > 0 else float("-inf")


class Single(float):
    """System.Single: a float whose value is always an exact IEEE single."""

    __slots__ = ()
    __ps_typename__ = "System.Single"
    __ps_statics__ = ("MinValue", "MaxValue")
    MinValue = -SINGLE_MAX
    MaxValue = SINGLE_MAX

    def __new__(cls, value: Any = 0.0) -> Single:
        return super().__new__(cls, to_single(float(value)))

    def __repr__(self) -> str:
        return f"Single({float.__repr__(self)})"

    def __str__(self) -> str:
        from .numfmt import single_to_string
        return single_to_string(self)


class Char(str):
    """System.Char: a string of exactly one UTF-16 code unit (here: one code point)."""

    __slots__ = ()
    __ps_typename__ = "System.Char"
    __ps_statics__ = ("MinValue", "MaxValue")
    MinValue = "\x00"
    MaxValue = "\uffff"

    def __new__(cls, value: Any = "\x00") -> Char:
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0 or value > 0xFFFF:
                raise OverflowException("Value was either too large or too small for a character.")
            value = chr(value)
        s = str(value)
        if len(s) != 1:
            from .exceptions import FormatException
            raise FormatException("String must be exactly one character long.")
        return super().__new__(cls, s)

    def __repr__(self) -> str:
        return f"Char({str.__repr__(self)})"

    def __int__(self) -> int:
        return ord(self)


#: Integer type ranges by class (Int32 is ``int``).
INT_RANGES: dict[type, tuple[int, int]] = {
    int: (INT32_MIN, INT32_MAX),
    Int64: (INT64_MIN, INT64_MAX),
    Byte: (0, BYTE_MAX),
    SByte: (SBYTE_MIN, SBYTE_MAX),
    Int16: (INT16_MIN, INT16_MAX),
    UInt16: (0, UINT16_MAX),
    UInt32: (0, UINT32_MAX),
    UInt64: (0, UINT64_MAX),
}

#: Number of bits of each integer type (for two's complement hex formatting).
INT_BITS: dict[type, int] = {
    int: 32, Int64: 64, Byte: 8, SByte: 8, Int16: 16, UInt16: 16, UInt32: 32, UInt64: 64,
}


def int_bits(value: int) -> int:
    """Width in bits of the .NET integer type ``value`` stands for (plain int: 32 or 64)."""
    bits = INT_BITS.get(type(value))
    if bits is not None:
        if type(value) is int and not (INT32_MIN <= value <= INT32_MAX):
            return 64
        return bits
    for cls, b in INT_BITS.items():
        if isinstance(value, cls) and cls is not int:
            return b
    return 32 if INT32_MIN <= value <= INT32_MAX else 64


def ps_type_name(value: Any) -> str | None:
    """Full .NET type name of a primitive Python value (None for $null).

    ``int`` is System.Int32 when in range, System.Int64 when in Int64 range and
    System.Numerics.BigInteger beyond.  Objects carrying ``__ps_typename__`` report
    it.  Lists/tuples are System.Object[], dicts System.Collections.Hashtable;
    anything else unknown returns None.
    """
    if value is None:
        return None
    name = getattr(type(value), "__ps_typename__", None)
    if name is not None:
        return name
    if isinstance(value, bool):
        return "System.Boolean"
    if isinstance(value, int):
        if INT32_MIN <= value <= INT32_MAX:
            return "System.Int32"
        if INT64_MIN <= value <= INT64_MAX:
            return "System.Int64"
        return "System.Numerics.BigInteger"
    if isinstance(value, float):
        return "System.Double"
    if isinstance(value, Decimal):
        return "System.Decimal"
    if isinstance(value, str):
        return "System.String"
    if isinstance(value, (list, tuple)):
        return "System.Object[]"
    if isinstance(value, dict):
        return "System.Collections.Hashtable"
    if isinstance(value, (bytes, bytearray)):
        return "System.Byte[]"
    return None


def is_integer(value: Any) -> bool:
    """True for any .NET integer value (int and its subclasses, but not bool)."""
    return isinstance(value, int) and not isinstance(value, bool)


def is_numeric(value: Any) -> bool:
    """True for .NET numeric primitives: integers, Double/Single, Decimal (not bool/Char)."""
    return (isinstance(value, (int, float, Decimal)) and not isinstance(value, bool))
