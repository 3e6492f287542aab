"""System.Version: Major.Minor[.Build[.Revision]] with -1 for absent components."""
from __future__ import annotations

import functools
from typing import Any

from .exceptions import (
    ArgumentException,
    ArgumentNullException,
    ArgumentOutOfRangeException,
    FormatException,
    OverflowException,
)

_INT32_MAX = 2**31 - 1


def _component(text: str, whole: str) -> int:
    t = text.strip()
    if not t or not (t.isdigit() or (t[0] in "+-" and t[1:].isdigit())):
        raise FormatException(f"The input string '{text}' was not in a correct format.")
    v = int(t)
    if v > _INT32_MAX:
        raise OverflowException("Value was either too large or too small for an Int32.")
    if v < 0:
        raise ArgumentOutOfRangeException(
            "Version's parameters must be greater than or equal to zero. (Parameter 'version')")
    return v


@functools.total_ordering
class Version:
    """System.Version.

    ``Version("1.2.3")``, ``Version(1, 2)``, ``Version(1, 2, 3)``, ``Version(1, 2, 3, 4)``
    or ``Version()`` (0.0).  Build/Revision are -1 when absent.  Comparable and hashable.
    """

    __slots__ = ("_build", "_major", "_minor", "_revision")
    __ps_typename__ = "System.Version"

    def __init__(self, *args: Any) -> None:
        if len(args) == 1 and isinstance(args[0], Version):
            v = args[0]
            parts = [v._major, v._minor, v._build, v._revision]
        elif len(args) == 1 and isinstance(args[0], str):
            parts = Version._parse(args[0])
        elif len(args) == 1 and args[0] is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'version')")
        elif len(args) == 0:
            parts = [0, 0, -1, -1]
        elif 2 <= len(args) <= 4:
            names = ("major", "minor", "build", "revision")
            parts = []
            for name, a in zip(names, args):
                iv = int(a)
                if iv < 0:
                    raise ArgumentOutOfRangeException(
                        f"Version's parameters must be greater than or equal to zero. "
                        f"(Parameter '{name}')")
                parts.append(iv)
            parts += [-1] * (4 - len(parts))
        else:
            raise ArgumentException("Version takes a string or 2 to 4 integers.")
        self._major, self._minor, self._build, self._revision = parts

    @staticmethod
    def _parse(s: str) -> list[int]:
        pieces = s.split(".")
        if len(pieces) < 2 or len(pieces) > 4:
            raise ArgumentException(
                "Version string portion was too short or too long. (Parameter 'input')")
        parts = [_component(p, s) for p in pieces]
        return parts + [-1] * (4 - len(parts))

    @staticmethod
    def Parse(input: str) -> Version:
        if input is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'input')")
        return Version(input)

    @property
    def Major(self) -> int:
        return self._major

    @property
    def Minor(self) -> int:
        return self._minor

    @property
    def Build(self) -> int:
        return self._build

    @property
    def Revision(self) -> int:
        return self._revision

    @property
    def MajorRevision(self) -> int:
        r = self._revision >> 16
        return r - 65536 if r >= 32768 else r

    @property
    def MinorRevision(self) -> int:
        r = self._revision & 0xFFFF
        return r - 65536 if r >= 32768 else r

    def _key(self) -> tuple[int, int, int, int]:
        return (self._major, self._minor, self._build, self._revision)

    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        if not isinstance(other, Version):
            raise ArgumentException("Object must be of type Version.")
        a, b = self._key(), other._key()
        return (a > b) - (a < b)

    def Equals(self, other: Any) -> bool:
        return isinstance(other, Version) and self._key() == other._key()

    def ToString(self, field_count: int | None = None) -> str:
        """All defined components, or the first ``field_count`` of them."""
        defined = 2 + (self._build >= 0) + (self._revision >= 0)
        if field_count is None:
            field_count = defined
        field_count = int(field_count)
        if field_count < 0 or field_count > defined:
            raise ArgumentException(
                f"Argument must be between 0 and {defined}. (Parameter 'fieldCount')")
        return ".".join(str(v) for v in self._key()[:field_count])

    def __ps_format__(self, fmt: str | None, culture: Any) -> str:
        return self.ToString()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Version):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other: Any) -> bool:
        if isinstance(other, Version):
            return self._key() < other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(("Version",) + self._key())

    def __str__(self) -> str:
        return self.ToString()

    def __repr__(self) -> str:
        return f"Version({self.ToString()!r})"
