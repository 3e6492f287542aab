"""System.Convert and System.BitConverter (registered by ``dotnetstatics.register_statics``):
.NET's conversions with banker's rounding and FormatException / OverflowException /
InvalidCastException for bad input; byte arrays as in ``dotnet_text``.
"""
from __future__ import annotations

import base64
import binascii
import math
import re
import struct
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

from .dotnet_text import _slice, _text, byte_array, to_bytes
from .netlib import numbers as N
from .netlib.exceptions import (ArgumentException, ArgumentNullException, ArgumentOutOfRangeException,
                                FormatException, InvalidCastException, OverflowException)

__all__ = ["Convert", "BitConverter"]


# ----------------------------------------------------------------------------- Convert

_INT_SPECS: dict[type, tuple[int, int, str, int]] = {
    int: (N.INT_RANGES[int][0], N.INT_RANGES[int][1], "an Int32", 32),
    N.Int64: (N.INT_RANGES[N.Int64][0], N.INT_RANGES[N.Int64][1], "an Int64", 64),
    N.Int16: (N.INT_RANGES[N.Int16][0], N.INT_RANGES[N.Int16][1], "an Int16", 16),
    N.SByte: (-128, 127, "a signed byte", 8),
    N.Byte: (0, 255, "an unsigned byte", 8),
    N.UInt16: (0, 0xFFFF, "a UInt16", 16),
    N.UInt32: (0, 0xFFFFFFFF, "a UInt32", 32),
    N.UInt64: (0, 0xFFFFFFFFFFFFFFFF, "a UInt64", 64),
}
_INT_TEXT = re.compile(r"\s*([+-]?)(\d+)\s*\Z")
_FLOAT_TEXT = re.compile(r"\s*[+-]?(\d[\d,]*\.?\d*|\.\d+)([eE][+-]?\d+)?\s*\Z")
_DEC_TEXT = re.compile(r"\s*[+-]?(\d[\d,]*\.?\d*|\.\d+)\s*\Z")


def _type_name(v: Any) -> str:
    try:
        from .types import type_of
        return type_of(v).Name
    except Exception:  # noqa: BLE001
        return type(v).__name__


def _bad_string(s: str) -> Exception:
    return FormatException(f"The input string '{s}' was not in a correct format.")


def _to_int(v: Any, cls: type, from_base: Any = None) -> int:
    lo, hi, an, bits = _INT_SPECS[cls]
    overflow = OverflowException(f"Value was either too large or too small for {an}.")
    if from_base is not None:
        r = _parse_base(v, int(from_base), bits, lo < 0, overflow)
    elif v is None:
        r = 0
    elif isinstance(v, bool):
        r = int(v)
    elif isinstance(v, N.Char):
        r = ord(v)
    elif isinstance(v, str):
        m = _INT_TEXT.match(v)
        if not m:
            raise _bad_string(v)
        r = int(m.group(1) + m.group(2))
    elif isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            raise overflow
        r = round(v)
    elif isinstance(v, Decimal):
        r = int(v.to_integral_value(ROUND_HALF_EVEN))
    elif isinstance(v, int):
        r = int(v)
    elif hasattr(v, "to_invariant_string") or type(v).__name__ in ("DateTime", "TimeSpan"):
        raise InvalidCastException(f"Invalid cast from '{_type_name(v)}' to '{an.split()[-1]}'.")
    else:
        from .conversion import to_integer
        r = to_integer(v, N.Int64 if bits == 64 else int, "System.Int64")
    if not lo <= r <= hi:
        raise overflow
    return r if cls is int else cls(r)


def _parse_base(v: Any, base: int, bits: int, signed: bool, overflow: Exception) -> int:
    if base not in (2, 8, 10, 16):
        raise ArgumentException("Invalid Base.")
    if v is None:
        return 0
    s = _text(v)
    if base == 10:
        m = _INT_TEXT.match(s)
        if not m:
            raise _bad_string(s)
        return int(m.group(1) + m.group(2))
    if not s:
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size "
                                          "of the collection. (Parameter 'startIndex')")
    if s.startswith("-"):
        raise ArgumentException("String cannot contain a minus sign if the base is not 10.")
    body = s[2:] if base == 16 and s[:2].lower() == "0x" else s
    digits = {2: "01", 8: "01234567", 16: "0123456789abcdefABCDEF"}[base]
    n = 0
    while n < len(body) and body[n] in digits:
        n += 1
    if n == 0:
        raise FormatException("Could not find any recognizable digits.")
    if n < len(body):
        raise FormatException("Additional non-parsable characters are at the end of the string.")
    r = int(body, base)
    if r >= 1 << bits:
        raise overflow
    if signed and r >= 1 << (bits - 1):
        r -= 1 << bits
    return r


def _parse_double(s: str) -> float:
    t = s.strip()
    low = t.lower()
    if low in ("infinity", "+infinity", "\u221e", "+\u221e"):
        return math.inf
    if low in ("-infinity", "-\u221e"):
        return -math.inf
    if low in ("nan", "-nan", "+nan"):
        return math.nan
    if not _FLOAT_TEXT.match(t):
        raise _bad_string(s)
    return float(t.replace(",", ""))


def _to_double(v: Any) -> float:
    if isinstance(v, N.Char):
        raise InvalidCastException("Invalid cast from 'Char' to 'Double'.")
    if isinstance(v, str):
        return _parse_double(v)
    if v is None:
        return 0.0
    from .conversion import to_double
    return to_double(v)


def _to_decimal(v: Any) -> Decimal:
    if isinstance(v, str):
        if not _DEC_TEXT.match(v):
            raise _bad_string(v)
        try:
            return Decimal(v.strip().replace(",", ""))
        except InvalidOperation:
            raise _bad_string(v) from None
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            raise OverflowException("Value was either too large or too small for a Decimal.")
        return Decimal(format(v, ".15g"))
    from .conversion import to_decimal
    return to_decimal(v)


def _to_boolean(v: Any) -> bool:
    if v is None:
        return False
    if isinstance(v, N.Char):
        raise InvalidCastException("Invalid cast from 'Char' to 'Boolean'.")
    if isinstance(v, str):
        t = v.strip().strip("\x00").lower()
        if t == "true":
            return True
        if t == "false":
            return False
        raise FormatException(f"String '{v}' was not recognized as a valid Boolean.")
    if isinstance(v, (int, float, Decimal)):
        return v != 0
    from .conversion import to_bool
    return to_bool(v)


def _to_string(v: Any, to_base: Any = None) -> str | None:
    if to_base is not None and not isinstance(to_base, bool) and isinstance(to_base, int):
        base = int(to_base)
        if base not in (2, 8, 10, 16):
            raise ArgumentException("Invalid Base.")
        if isinstance(v, N.Byte):
            bits = 8
        elif isinstance(v, (N.Int16, N.UInt16)):
            bits = 16
        elif isinstance(v, (N.Int64, N.UInt64)) or (isinstance(v, int) and not -2 ** 31 <= v < 2 ** 31):
            bits = 64
        else:
            bits = 32
        n = _to_int(v, N.Int64 if bits == 64 else int)
        if base == 10:
            return str(int(n))
        if n < 0:
            n += 1 << bits
        return {2: format(n, "b"), 8: format(n, "o"), 16: format(n, "x")}[base]
    if v is None:
        return ""
    if isinstance(v, bool):
        return "True" if v else "False"
    if hasattr(v, "to_invariant_string") and hasattr(v, "ToString"):
        return v.ToString()
    from .conversion import to_string
    return to_string(v)


def _to_datetime(v: Any) -> Any:
    from .netlib.datetime import DateTime
    if isinstance(v, DateTime):
        return v
    if v is None:
        return DateTime(0)
    if isinstance(v, str):
        return DateTime.Parse(v)
    raise InvalidCastException(f"Invalid cast from '{_type_name(v)}' to 'DateTime'.")


def _to_char(v: Any) -> str:
    if v is None:
        return N.Char("\x00")
    if isinstance(v, str):
        if len(v) != 1:
            raise FormatException("String must be exactly one character long.")
        return N.Char(v)
    if isinstance(v, bool) or isinstance(v, (float, Decimal)):
        raise InvalidCastException(f"Invalid cast from '{_type_name(v)}' to 'Char'.")
    if isinstance(v, int):
        if not 0 <= v <= 0xFFFF:
            raise OverflowException("Value was either too large or too small for a character.")
        return N.Char(chr(v))
    raise InvalidCastException(f"Invalid cast from '{_type_name(v)}' to 'Char'.")


def _to_base64(data: Any, *rest: Any) -> str:
    raw = to_bytes(data, "inArray")
    options = 0
    if len(rest) >= 2:
        raw = _slice(raw, rest[0], rest[1], "offset")
        options = int(rest[2]) if len(rest) > 2 else 0
    elif len(rest) == 1:
        options = int(rest[0]) if not isinstance(rest[0], str) else (1 if rest[0].lower() == "insertlinebreaks"
                                                                     else 0)
    text = base64.b64encode(raw).decode("ascii")
    if options & 1:
        text = "\r\n".join(text[i:i + 76] for i in range(0, len(text), 76))
    return text


_B64_ERROR = ("The input is not a valid Base-64 string as it contains a non-base 64 character, more than two "
              "padding characters, or an illegal character among the padding characters.")


def _from_base64(s: Any) -> list:
    if s is None:
        raise ArgumentNullException("Value cannot be null. (Parameter 's')")
    text = re.sub(r"[ \t\r\n]", "", _text(s))
    if len(text) % 4:
        raise FormatException(_B64_ERROR)
    try:
        return byte_array(base64.b64decode(text, validate=True))
    except (binascii.Error, ValueError):
        raise FormatException(_B64_ERROR) from None


def _to_hex(data: Any, offset: Any = None, length: Any = None) -> str:
    return _slice(to_bytes(data, "inArray"), offset, length, "offset").hex().upper()


def _from_hex(s: Any) -> list:
    if s is None:
        raise ArgumentNullException("Value cannot be null. (Parameter 's')")
    text = _text(s)
    if len(text) % 2:
        raise FormatException("The input is not a valid hex string as its length is not a multiple of 2.")
    try:
        return byte_array(bytes.fromhex(text)) if re.fullmatch(r"[0-9a-fA-F]*", text) else _bad_hex()
    except ValueError:
        return _bad_hex()


def _bad_hex() -> list:
    raise FormatException("The input is not a valid hex string as it contains a non-hex character.")


def _change_type(v: Any, t: Any) -> Any:
    from .conversion import convert_to
    from .types import PSType, resolve
    pst = t if isinstance(t, PSType) else resolve(_text(t))
    return convert_to(v, pst)


class Convert:
    """System.Convert: .NET's conversions (banker's rounding, FormatException/OverflowException on bad input)."""

    __ps_typename__ = "System.Convert"

    ToInt32 = staticmethod(lambda value, from_base=None: _to_int(value, int, from_base))
    ToInt64 = staticmethod(lambda value, from_base=None: _to_int(value, N.Int64, from_base))
    ToInt16 = staticmethod(lambda value, from_base=None: _to_int(value, N.Int16, from_base))
    ToByte = staticmethod(lambda value, from_base=None: _to_int(value, N.Byte, from_base))
    ToSByte = staticmethod(lambda value, from_base=None: _to_int(value, N.SByte, from_base))
    ToUInt16 = staticmethod(lambda value, from_base=None: _to_int(value, N.UInt16, from_base))
    ToUInt32 = staticmethod(lambda value, from_base=None: _to_int(value, N.UInt32, from_base))
    ToUInt64 = staticmethod(lambda value, from_base=None: _to_int(value, N.UInt64, from_base))
    ToDouble = staticmethod(lambda value, provider=None: _to_double(value))
    ToSingle = staticmethod(lambda value, provider=None: N.Single(_to_double(value)))
    ToDecimal = staticmethod(lambda value, provider=None: _to_decimal(value))
    ToBoolean = staticmethod(lambda value, provider=None: _to_boolean(value))
    ToString = staticmethod(_to_string)
    ToDateTime = staticmethod(lambda value, provider=None: _to_datetime(value))
    ToChar = staticmethod(lambda value, provider=None: _to_char(value))
    ToBase64String = staticmethod(_to_base64)
    FromBase64String = staticmethod(_from_base64)
    ToHexString = staticmethod(_to_hex)
    FromHexString = staticmethod(_from_hex)
    ChangeType = staticmethod(_change_type)
    IsDBNull = staticmethod(lambda value: False)


# ----------------------------------------------------------------------------- BitConverter

def _get_bytes(v: Any) -> list:
    if isinstance(v, bool):
        return byte_array(b"\x01" if v else b"\x00")
    if isinstance(v, N.Char):
        return byte_array(struct.pack("<H", ord(v)))
    if isinstance(v, N.Single):
        return byte_array(struct.pack("<f", v))
    if isinstance(v, (float, Decimal)):
        return byte_array(struct.pack("<d", float(v)))
    fmt = {N.Int64: "<q", N.UInt64: "<Q", N.UInt32: "<I", N.Int16: "<h", N.UInt16: "<H", N.Byte: "<h",
           N.SByte: "<h"}.get(type(v))
    if fmt is None:
        n = int(v)
        fmt = "<i" if -2 ** 31 <= n < 2 ** 31 else "<q"
    return byte_array(struct.pack(fmt, int(v)))


def _reader(fmt: str, conv: Any = None) -> Any:
    size = struct.calcsize(fmt)

    def read(value: Any, start_index: Any = 0) -> Any:
        data = to_bytes(value, "value")
        i = int(start_index)
        if i < 0 or i >= len(data) + (1 if len(data) == 0 else 0):
            raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less than the size "
                                              "of the collection. (Parameter 'startIndex')")
        if i + size > len(data):
            raise ArgumentException("Destination array is not long enough to copy all the items in the "
                                    "collection. Check array index and length. (Parameter 'value')")
        r = struct.unpack_from(fmt, data, i)[0]
        return conv(r) if conv else r
    return read


def _bc_to_string(value: Any, start_index: Any = None, length: Any = None) -> str:
    data = to_bytes(value, "value")
    if start_index is not None:
        data = _slice(data, start_index, length, "startIndex")
    return "-".join(f"{b:02X}" for b in data)


class BitConverter:
    """System.BitConverter: little-endian bytes of primitive values and back."""

    __ps_typename__ = "System.BitConverter"

    IsLittleEndian = True
    GetBytes = staticmethod(_get_bytes)
    ToString = staticmethod(_bc_to_string)
    ToInt16 = staticmethod(_reader("<h", N.Int16))
    ToUInt16 = staticmethod(_reader("<H", N.UInt16))
    ToInt32 = staticmethod(_reader("<i"))
    ToUInt32 = staticmethod(_reader("<I", N.UInt32))
    ToInt64 = staticmethod(_reader("<q", N.Int64))
    ToUInt64 = staticmethod(_reader("<Q", N.UInt64))
    ToDouble = staticmethod(_reader("<d"))
    ToSingle = staticmethod(_reader("<f", N.Single))
    ToBoolean = staticmethod(_reader("<?"))
    ToChar = staticmethod(_reader("<H", lambda c: N.Char(chr(c))))
    DoubleToInt64Bits = staticmethod(lambda d: N.Int64(struct.unpack("<q", struct.pack("<d", float(d)))[0]))
    Int64BitsToDouble = staticmethod(lambda n: struct.unpack("<d", struct.pack("<q", int(n)))[0])
