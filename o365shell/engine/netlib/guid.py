"""System.Guid."""
from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from typing import Any

from .exceptions import ArgumentException, ArgumentNullException, FormatException

_HEX32 = re.compile(r"[0-9a-fA-F]{32}")
_D = re.compile(r"([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-"
                r"([0-9a-fA-F]{12})")
_X = re.compile(r"\{\s*0[xX]([0-9a-fA-F]{1,8})\s*,\s*0[xX]([0-9a-fA-F]{1,4})\s*,\s*"
                r"0[xX]([0-9a-fA-F]{1,4})\s*,\s*\{((?:\s*0[xX][0-9a-fA-F]{1,2}\s*,){7}"
                r"\s*0[xX][0-9a-fA-F]{1,2}\s*)\}\s*\}")
_BAD_FORMAT = ('Format string can be only "D", "d", "N", "n", "P", "p", "B", "b", "X" or '
               '"x".')
_UNRECOGNIZED = "Unrecognized Guid format."

_factory: Callable[[], uuid.UUID] = uuid.uuid4


def set_guid_factory(fn: Callable[[], uuid.UUID] | None) -> None:
    """Replace the generator behind Guid.NewGuid (None restores uuid4)."""
    global _factory
    _factory = fn if fn is not None else uuid.uuid4


def _parse(s: str, fmt: str | None = None) -> uuid.UUID:
    t = s.strip()
    forms = {
        "N": lambda: _HEX32.fullmatch(t) and t,
        "D": lambda: _D.fullmatch(t) and t,
        "B": lambda: len(t) == 38 and t[0] == "{" and t[-1] == "}" and _D.fullmatch(t[1:-1])
        and t[1:-1],
        "P": lambda: len(t) == 38 and t[0] == "(" and t[-1] == ")" and _D.fullmatch(t[1:-1])
        and t[1:-1],
    }
    order = [fmt.upper()] if fmt else ["D", "N", "B", "P", "X"]
    for f in order:
        if f == "X":
            m = _X.fullmatch(t)
            if m:
                rest = [int(x, 16) for x in re.findall(r"0[xX]([0-9a-fA-F]{1,2})", m.group(4))]
                text = "%08x%04x%04x" % (int(m.group(1), 16), int(m.group(2), 16),
                                         int(m.group(3), 16)) + "".join("%02x" % b for b in rest)
                return uuid.UUID(hex=text)
            continue
        if f not in forms:
            raise FormatException(_BAD_FORMAT)
        got = forms[f]()
        if got:
            return uuid.UUID(hex=got.replace("-", ""))
    if fmt:
        raise FormatException(f"The string is not in the format specified by '{fmt}'.")
    raise FormatException(_UNRECOGNIZED)


class Guid:
    """System.Guid: ``Guid(str)``, ``Guid(bytes16)`` (.NET byte order), ``Guid(uuid.UUID)``,
    ``Guid()`` (Empty).  Equality, hashing and ordering by value."""

    __slots__ = ("_uuid",)
    __ps_typename__ = "System.Guid"
    Empty: Guid

    def __init__(self, value: Any = None) -> None:
        if value is None:
            u = uuid.UUID(int=0)
        elif isinstance(value, Guid):
            u = value._uuid
        elif isinstance(value, uuid.UUID):
            u = value
        elif isinstance(value, str):
            u = _parse(value)
        elif isinstance(value, (bytes, bytearray, list, tuple)):
            b = bytes(int(x) & 0xFF for x in value) if not isinstance(value, (bytes, bytearray)) \
                else bytes(value)
            if len(b) != 16:
                raise ArgumentException("Byte array for Guid must be exactly 16 bytes long. "
                                        "(Parameter 'b')")
            u = uuid.UUID(bytes_le=b)
        else:
            raise ArgumentException(f"Cannot create a Guid from {type(value).__name__}.")
        self._uuid = u


    @property
    def Guid(self) -> str:
        """The 'D' string form (PowerShell adds this property to every Guid)."""
        return self.ToString()

    @staticmethod
    def NewGuid() -> Guid:
        return Guid(_factory())

    @staticmethod
    def Parse(input: str) -> Guid:
        if input is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'input')")
        return Guid(_parse(input))

    @staticmethod
    def ParseExact(input: str, format: str) -> Guid:
        if input is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'input')")
        if not format or len(format) != 1:
            raise FormatException(_BAD_FORMAT)
        return Guid(_parse(input, format))

    def ToString(self, format: str | None = None, provider: Any = None) -> str:
        """D (default, lowercase with dashes), N, B, P or X."""
        h = self._uuid.hex
        d = str(self._uuid)
        if not format or format in "Dd":
            return d
        if format in "Nn":
            return h
        if format in "Bb":
            return "{" + d + "}"
        if format in "Pp":
            return "(" + d + ")"
        if format in "Xx":
            rest = ",".join("0x" + h[i:i + 2] for i in range(16, 32, 2))
            return "{0x%s,0x%s,0x%s,{%s}}" % (h[0:8], h[8:12], h[12:16], rest)
        raise FormatException(_BAD_FORMAT)

    def ToByteArray(self) -> list[int]:
        return list(self._uuid.bytes_le)

    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        if not isinstance(other, Guid):
            raise ArgumentException("Object must be of type GUID.")
        a, b = self._uuid.int, other._uuid.int
        return (a > b) - (a < b)

    def Equals(self, other: Any) -> bool:
        return isinstance(other, Guid) and other._uuid == self._uuid

    def to_uuid(self) -> uuid.UUID:
        """The equivalent Python UUID."""
        return self._uuid

    def __ps_format__(self, fmt: str | None, culture: Any) -> str:
        return self.ToString(fmt)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Guid):
            return self._uuid == other._uuid
        return NotImplemented

    def __lt__(self, other: Any) -> bool:
        if isinstance(other, Guid):
            return self._uuid.int < other._uuid.int
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._uuid)

    def __str__(self) -> str:
        return str(self._uuid)

    def __repr__(self) -> str:
        return f"Guid('{self._uuid}')"


Guid.Empty = Guid()
