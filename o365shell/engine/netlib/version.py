"""System.Version: Major.Minor[.Build[.Revision]] with -1 for absent components; and
PowerShell's SemanticVersion (Major.Minor.Patch-PreRelease+Build)."""
from __future__ import annotations

import functools
import re
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



class _OrderedByKey:
    """Equality, ordering, hashing and text for a version type, from its ``_key()`` and ``ToString()``."""

    __slots__ = ()

    def _key(self) -> tuple:
        raise NotImplementedError

    def ToString(self) -> str:
        raise NotImplementedError

    def __ps_format__(self, fmt: str | None, culture: Any) -> str:
        return self.ToString()

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            return self._key() == other._key()  # type: ignore[attr-defined]
        return NotImplemented

    def __lt__(self, other: Any) -> bool:
        if type(other) is type(self):
            return self._key() < other._key()
        return NotImplemented

    def __hash__(self) -> int:
        return hash((type(self).__name__,) + self._key())

    def __str__(self) -> str:
        return self.ToString()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.ToString()!r})"

@functools.total_ordering
class Version(_OrderedByKey):
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



_SEMVER_LABEL = re.compile(r"^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$")


@functools.total_ordering
class SemanticVersion(_OrderedByKey):
    """System.Management.Automation.SemanticVersion (``[semver]``, ``$PSVersionTable.PSVersion``):
    Major.Minor.Patch[-PreReleaseLabel][+BuildLabel].

    ``SemanticVersion("7.4.6")`` (minor and patch may be left out), ``SemanticVersion(7, 4, 6)``,
    ``SemanticVersion(7, 4, 6, "preview.1")``, ``SemanticVersion(7, 4, 6, "rc", "build")``
    or ``SemanticVersion(Version)``. A version with a pre-release label sorts before the same
    version without one; the build label does not take part in comparisons."""

    __slots__ = ("_major", "_minor", "_patch", "_pre", "_build")
    __ps_typename__ = "System.Management.Automation.SemanticVersion"
    __ps_properties__ = ("Major", "Minor", "Patch", "PreReleaseLabel", "BuildLabel")

    def __init__(self, *args: Any) -> None:
        pre = build = None
        if len(args) == 1 and isinstance(args[0], SemanticVersion):
            v = args[0]
            major, minor, patch, pre, build = v._major, v._minor, v._patch, v._pre, v._build
        elif len(args) == 1 and isinstance(args[0], Version):
            v = args[0]
            major, minor, patch = v.Major, v.Minor, max(v.Build, 0)
        elif len(args) == 1 and isinstance(args[0], str):
            major, minor, patch, pre, build = SemanticVersion._parse(args[0])
        elif len(args) == 1 and args[0] is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'version')")
        elif 3 <= len(args) <= 5:
            major, minor, patch = (int(a) for a in args[:3])
            for name, val in (("major", major), ("minor", minor), ("patch", patch)):
                if val < 0:
                    raise ArgumentException(f"Cannot process argument because the value of argument \"{name}\" "
                                            "is not valid. Change the value of the \"{name}\" argument and run "
                                            "the operation again.")
            pre = str(args[3]) if len(args) > 3 and args[3] else None
            build = str(args[4]) if len(args) > 4 and args[4] else None
        else:
            raise ArgumentException("SemanticVersion takes a string, a Version or 3 to 5 arguments.")
        self._major, self._minor, self._patch, self._pre, self._build = major, minor, patch, pre, build

    @staticmethod
    def _parse(s: str) -> tuple[int, int, int, str | None, str | None]:
        text = s.strip()
        build = pre = None
        if "+" in text:
            text, build = text.split("+", 1)
            if not _SEMVER_LABEL.match(build):
                raise FormatException(f"The input string '{s}' was not in a correct format.")
        if "-" in text:
            text, pre = text.split("-", 1)
            if not _SEMVER_LABEL.match(pre):
                raise FormatException(f"The input string '{s}' was not in a correct format.")
        pieces = text.split(".")
        if not 1 <= len(pieces) <= 3:
            raise FormatException(f"The input string '{s}' was not in a correct format.")
        nums = [_component(p, s) for p in pieces] + [0] * (3 - len(pieces))
        return nums[0], nums[1], nums[2], pre, build

    @staticmethod
    def Parse(version: str) -> SemanticVersion:
        if version is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'version')")
        return SemanticVersion(str(version))

    @staticmethod
    def TryParse(version: str, result: Any = None) -> bool:
        try:
            SemanticVersion(str(version))
            return True
        except (FormatException, OverflowException, ArgumentException):
            return False

    @property
    def Major(self) -> int:
        return self._major

    @property
    def Minor(self) -> int:
        return self._minor

    @property
    def Patch(self) -> int:
        return self._patch

    @property
    def PreReleaseLabel(self) -> str | None:
        return self._pre

    @property
    def BuildLabel(self) -> str | None:
        return self._build

    def _key(self) -> tuple:
        # a pre-release sorts before the release; labels compare as text
        return (self._major, self._minor, self._patch, self._pre is None, self._pre or "")

    def CompareTo(self, other: Any) -> int:
        if other is None:
            return 1
        if not isinstance(other, SemanticVersion):
            other = SemanticVersion(other)
        a, b = self._key(), other._key()
        return (a > b) - (a < b)

    def Equals(self, other: Any) -> bool:
        return isinstance(other, SemanticVersion) and self._key() == other._key()

    def ToString(self) -> str:
        text = f"{self._major}.{self._minor}.{self._patch}"
        if self._pre:
            text += "-" + self._pre
        if self._build:
            text += "+" + self._build
        return text
