"""System.Text.Encoding and its UTF-8 / UTF-16 / UTF-32 / ASCII / Latin-1 encodings
(registered by ``dotnetstatics.register_statics``).

Byte arrays: accepted as lists of ints, ``bytes`` or typed arrays; returned as a
``byte[]`` (a ``TypedArray`` of ``numbers.Byte``, a list subclass) via ``byte_array``.
"""
from __future__ import annotations

from typing import Any

from .netlib import numbers as N
from .netlib.exceptions import (ArgumentException, ArgumentNullException, ArgumentOutOfRangeException,
                                InvalidCastException, OverflowException)

__all__ = ["byte_array", "to_bytes", "Encoding", "UTF8Encoding", "UnicodeEncoding", "UTF32Encoding",
           "ASCIIEncoding", "Latin1Encoding", "ENCODING_STATICS", "get_encoding"]

_BYTE_TYPE: list[Any] = []


def byte_array(data: bytes | bytearray) -> list:
    """A .NET ``byte[]`` for Python bytes (falls back to a list of ints if the type table is unavailable)."""
    if not _BYTE_TYPE:
        try:
            from .types import resolve
            _BYTE_TYPE.append(resolve("System.Byte"))
        except Exception:  # noqa: BLE001 - type table mid-construction
            return list(data)
    from .pscollections import TypedArray
    return TypedArray([N.Byte(b) for b in data], _BYTE_TYPE[0])


def to_bytes(v: Any, name: str = "bytes") -> bytes:
    """Python bytes from a byte[] / list of ints / bytes (ArgumentNullException for $null)."""
    if v is None:
        raise ArgumentNullException(f"Value cannot be null. (Parameter '{name}')")
    if isinstance(v, (bytes, bytearray)):
        return bytes(v)
    if isinstance(v, int) and not isinstance(v, bool):
        v = [v]
    try:
        return bytes(int(x) for x in v)
    except ValueError:
        raise OverflowException("Value was either too large or too small for an unsigned byte.") from None
    except TypeError:
        raise InvalidCastException("Cannot convert the value to type \"System.Byte[]\".") from None


def _slice(data: bytes, index: Any, count: Any, name: str = "index") -> bytes:
    if index is None:
        return data
    i = int(index)
    c = len(data) - i if count is None else int(count)
    if i < 0 or c < 0 or i + c > len(data):
        raise ArgumentOutOfRangeException(
            f"Index and count must refer to a location within the buffer. (Parameter '{name}')")
    return data[i:i + c]


def _text(v: Any) -> str:
    if isinstance(v, str):
        return str(v)
    if isinstance(v, (list, tuple)):
        return "".join(str(c) for c in v)
    from .conversion import to_string
    return to_string(v)


# ----------------------------------------------------------------------------- Encoding

class Encoding:
    """System.Text.Encoding: text <-> bytes in one character encoding."""

    __ps_typename__ = "System.Text.Encoding"
    __ps_properties__ = ("Preamble", "BodyName", "EncodingName", "HeaderName", "WebName", "WindowsCodePage",
                         "IsBrowserDisplay", "IsBrowserSave", "IsMailNewsDisplay", "IsMailNewsSave",
                         "IsSingleByte", "EncoderFallback", "DecoderFallback", "IsReadOnly", "CodePage")
    _codec = "utf-8"
    _web = "utf-8"
    _display = "Unicode (UTF-8)"
    _codepage = 65001
    _windows_cp = 1200
    _preamble = b""
    _single = False
    _max_per_char = 3

    # ---- properties
    @property
    def BodyName(self) -> str:
        return self._web

    @property
    def HeaderName(self) -> str:
        return self._web

    @property
    def WebName(self) -> str:
        return self._web

    @property
    def EncodingName(self) -> str:
        return self._display

    @property
    def CodePage(self) -> int:
        return self._codepage

    @property
    def WindowsCodePage(self) -> int:
        return self._windows_cp

    @property
    def IsSingleByte(self) -> bool:
        return self._single

    @property
    def IsBrowserDisplay(self) -> bool:
        return True

    @property
    def IsBrowserSave(self) -> bool:
        return True

    @property
    def IsMailNewsDisplay(self) -> bool:
        return True

    @property
    def IsMailNewsSave(self) -> bool:
        return True

    @property
    def IsReadOnly(self) -> bool:
        return True

    @property
    def EncoderFallback(self) -> str:
        return "System.Text.EncoderReplacementFallback"

    @property
    def DecoderFallback(self) -> str:
        return "System.Text.DecoderReplacementFallback"

    @property
    def Preamble(self) -> list:
        return byte_array(self._preamble)

    # ---- Python-side codec
    def encode(self, s: str) -> bytes:
        """The bytes for ``s`` (unencodable characters replaced as .NET does)."""
        try:
            return s.encode(self._codec)
        except UnicodeEncodeError:
            fixed = s.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
            return fixed.encode(self._codec, "replace")

    def decode(self, data: bytes) -> str:
        """The text for ``data`` (invalid sequences become U+FFFD)."""
        return data.decode(self._codec, "replace")

    def preamble(self) -> bytes:
        """The byte-order mark written before file contents (may be empty)."""
        return self._preamble

    # ---- .NET methods
    def GetBytes(self, s: Any, index: Any = None, count: Any = None) -> list:
        if s is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 's')")
        text = _text(s)
        if index is not None:
            i = int(index)
            c = len(text) - i if count is None else int(count)
            if i < 0 or c < 0 or i + c > len(text):
                raise ArgumentOutOfRangeException(
                    "Index and count must refer to a location within the string. (Parameter 's')")
            text = text[i:i + c]
        return byte_array(self.encode(text))

    def GetString(self, bytes_: Any, index: Any = None, count: Any = None) -> str:
        return self.decode(_slice(to_bytes(bytes_), index, count))

    def GetChars(self, bytes_: Any, index: Any = None, count: Any = None) -> list:
        return [N.Char(c) for c in self.GetString(bytes_, index, count)]

    def GetByteCount(self, s: Any) -> int:
        return len(self.encode(_text(s)))

    def GetCharCount(self, bytes_: Any) -> int:
        return len(self.decode(to_bytes(bytes_)))

    def GetPreamble(self) -> list:
        return byte_array(self._preamble)

    def GetMaxByteCount(self, char_count: Any) -> int:
        return (int(char_count) + 1) * self._max_per_char

    def GetMaxCharCount(self, byte_count: Any) -> int:
        return int(byte_count) + 1

    def Clone(self) -> "Encoding":
        import copy
        return copy.copy(self)

    def Equals(self, other: Any) -> bool:
        return isinstance(other, Encoding) and other._codepage == self._codepage and \
            other._preamble == self._preamble

    def __eq__(self, other: Any) -> bool:
        return self.Equals(other)

    def __hash__(self) -> int:
        return hash(self._codepage)

    def GetHashCode(self) -> int:
        return self._codepage

    def ToString(self) -> str:
        return type(self).__ps_typename__

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._web})"


class UTF8Encoding(Encoding):
    """System.Text.UTF8Encoding (``new UTF8Encoding($false)`` writes no byte-order mark)."""

    __ps_typename__ = "System.Text.UTF8Encoding"

    def __init__(self, encoder_should_emit_utf8_identifier: Any = False, throw_on_invalid_bytes: Any = False) -> None:
        self._preamble = b"\xef\xbb\xbf" if encoder_should_emit_utf8_identifier else b""
        self._throw = bool(throw_on_invalid_bytes)

    def decode(self, data: bytes) -> str:
        if self._throw:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError as e:
                raise ArgumentException(f"Unable to translate bytes [{data[e.start]:02X}] at index {e.start} from "
                                        "specified code page to Unicode.") from None
        return data.decode("utf-8", "replace")


class UnicodeEncoding(Encoding):
    """System.Text.UnicodeEncoding: UTF-16, little-endian unless ``bigEndian``."""

    __ps_typename__ = "System.Text.UnicodeEncoding"
    _max_per_char = 2

    def __init__(self, big_endian: Any = False, byte_order_mark: Any = True, throw_on_invalid: Any = False) -> None:
        self._big = bool(big_endian)
        self._codec = "utf-16-be" if self._big else "utf-16-le"
        self._web = "utf-16BE" if self._big else "utf-16"
        self._display = "Unicode (Big-Endian)" if self._big else "Unicode"
        self._codepage = 1201 if self._big else 1200
        bom = b"\xfe\xff" if self._big else b"\xff\xfe"
        self._preamble = bom if byte_order_mark else b""

    def encode(self, s: str) -> bytes:
        return s.encode(self._codec, "surrogatepass")


class UTF32Encoding(Encoding):
    """System.Text.UTF32Encoding: UTF-32, little-endian unless ``bigEndian``."""

    __ps_typename__ = "System.Text.UTF32Encoding"
    _max_per_char = 4

    def __init__(self, big_endian: Any = False, byte_order_mark: Any = True, throw_on_invalid: Any = False) -> None:
        self._big = bool(big_endian)
        self._codec = "utf-32-be" if self._big else "utf-32-le"
        self._web = "utf-32BE" if self._big else "utf-32"
        self._display = "Unicode (UTF-32 Big-Endian)" if self._big else "Unicode (UTF-32)"
        self._codepage = 12001 if self._big else 12000
        bom = b"\x00\x00\xfe\xff" if self._big else b"\xff\xfe\x00\x00"
        self._preamble = bom if byte_order_mark else b""


class ASCIIEncoding(Encoding):
    """System.Text.ASCIIEncoding: 7-bit; other characters become '?'."""

    __ps_typename__ = "System.Text.ASCIIEncoding"
    _codec = "ascii"
    _web = "us-ascii"
    _display = "US-ASCII"
    _codepage = 20127
    _single = True
    _max_per_char = 1

    def encode(self, s: str) -> bytes:
        return s.encode("ascii", "replace")

    def decode(self, data: bytes) -> str:
        return "".join(chr(b) if b < 128 else "?" for b in data)


class Latin1Encoding(Encoding):
    """System.Text.Latin1Encoding (ISO-8859-1)."""

    __ps_typename__ = "System.Text.Latin1Encoding"
    _codec = "latin-1"
    _web = "iso-8859-1"
    _display = "Western European (ISO)"
    _codepage = 28591
    _windows_cp = 1252
    _single = True
    _max_per_char = 1

    def encode(self, s: str) -> bytes:
        return s.encode("latin-1", "replace")


_UTF8_BOM = UTF8Encoding(True)
_UTF8 = UTF8Encoding(False)


def get_encoding(name: Any) -> Encoding:
    """``[Text.Encoding]::GetEncoding(name or code page)``."""
    if isinstance(name, Encoding):
        return name
    if isinstance(name, int) and not isinstance(name, bool):
        by_cp = {65001: _UTF8_BOM, 1200: UnicodeEncoding(), 1201: UnicodeEncoding(True), 12000: UTF32Encoding(),
                 12001: UTF32Encoding(True), 20127: ASCIIEncoding(), 28591: Latin1Encoding()}
        if int(name) in by_cp:
            return by_cp[int(name)]
        raise ArgumentException(f"No data is available for encoding {int(name)}. For information on defining a "
                                "custom encoding, see the documentation for the Encoding.RegisterProvider method. "
                                "(Parameter 'codepage')")
    key = _text(name).strip().lower().replace("_", "-")
    table = {"utf-8": _UTF8_BOM, "utf8": _UTF8_BOM, "utf-16": UnicodeEncoding(), "unicode": UnicodeEncoding(),
             "utf-16le": UnicodeEncoding(), "utf-16be": UnicodeEncoding(True), "unicodefffe": UnicodeEncoding(True),
             "utf-32": UTF32Encoding(), "utf-32le": UTF32Encoding(), "utf-32be": UTF32Encoding(True),
             "us-ascii": ASCIIEncoding(), "ascii": ASCIIEncoding(), "iso-8859-1": Latin1Encoding(),
             "latin1": Latin1Encoding()}
    if key in table:
        return table[key]
    raise ArgumentException(f"'{_text(name)}' is not a supported encoding name. For information on defining a "
                            "custom encoding, see the documentation for the Encoding.RegisterProvider method. "
                            "(Parameter 'name')")


def _convert(src: Any, dst: Any, data: Any) -> list:
    return byte_array(get_encoding(dst).encode(get_encoding(src).decode(to_bytes(data))))


#: Static members of [System.Text.Encoding].
ENCODING_STATICS: dict[str, Any] = {
    "UTF8": _UTF8_BOM, "Default": _UTF8, "ASCII": ASCIIEncoding(), "Unicode": UnicodeEncoding(),
    "BigEndianUnicode": UnicodeEncoding(True), "UTF32": UTF32Encoding(), "Latin1": Latin1Encoding(),
    "GetEncoding": get_encoding, "Convert": _convert,
}
