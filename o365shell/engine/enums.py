""".NET enum types that scripts name in type literals (``[System.ConsoleColor]::Red``,
``[StringSplitOptions]::RemoveEmptyEntries``, ``[Environment+SpecialFolder]::Desktop``).

``ENUMS`` maps the lower-case full name, the lower-case short name (and, for nested
types, ``outer+inner``) to the enum class; ``typelib`` registers a class the first time
a script names it.  Member names and values are exactly .NET's, including ``None``:
classes with a member called ``None`` are built with the functional API (``None`` is not
a legal attribute name in a class body); ``None_`` is kept as a Python-side alias.

All enums defined here derive from ``NetEnum`` / ``NetFlags``, whose metaclass makes
iteration list *every* member (zero and composite flag members included, aliases once,
ascending by value, as ``[enum]::GetNames`` does); Python 3.11's ``Flag`` iteration
would otherwise skip ``None`` and ``All``.  ``NetFlags.name`` of a combination is the
.NET text ("IgnoreCase, Multiline"), or the number when bits are left over.
"""
from __future__ import annotations

import enum
from typing import Any, Iterator

from .errors import ErrorCategory
from .netlib.datetime import DateTimeKind, DayOfWeek

__all__ = ["ENUMS", "NetEnum", "NetFlags", "net_enum_to_string", "register_enum_class",
           "StringComparison", "StringSplitOptions", "MidpointRounding", "DayOfWeek",
           "DateTimeKind", "ConsoleColor", "ActionPreference", "ErrorCategory", "RegexOptions",
           "SplitOptions", "FileMode", "FileAccess", "FileShare", "SearchOption",
           "CommandTypes", "PSMemberTypes", "PSMemberViewTypes", "SpecialFolder", "EnvironmentVariableTarget",
           "AddressFamily", "SecurityProtocolType", "ConfirmImpact", "ScopedItemOptions",
           "UriKind", "UriPartial", "PlatformID", "Base64FormattingOptions",
           "SpecialFolderOption", "NormalizationForm", "ExecutionPolicy"]


class _NetEnumType(enum.EnumType):
    """Metaclass: iteration yields every distinct member (zero and composites too), by value."""

    def __iter__(cls) -> Iterator[Any]:
        seen: set[str] = set()
        out = []
        for m in sorted(cls._member_map_.values(), key=lambda m: (int(m._value_) < 0, int(m._value_))):
            if m._name_ not in seen:
                seen.add(m._name_)
                out.append(m)
        return iter(out)

    def __len__(cls) -> int:
        return sum(1 for _ in cls)


def net_enum_to_string(value: Any) -> str:
    """.NET ``Enum.ToString()`` for any IntEnum/IntFlag value (flags as "A, B")."""
    cls = type(value)
    v = int(value)
    if not issubclass(cls, enum.Flag):
        m = cls._value2member_map_.get(v)
        return m._name_ if m is not None else str(v)
    members = sorted({m._name_: m for m in cls._member_map_.values()}.values(),
                     key=lambda m: int(m._value_))
    if v == 0:
        zero = [m for m in members if int(m._value_) == 0]
        return zero[0]._name_ if zero else "0"
    exact = [m for m in members if int(m._value_) == v]
    if exact:
        return exact[0]._name_
    rest = v
    picked: list[str] = []
    for m in reversed(members):
        mv = int(m._value_)
        if mv and (rest & mv) == mv:
            picked.append(m._name_)
            rest &= ~mv
    if rest:
        return str(v)
    return ", ".join(reversed(picked))


def _format(value: Any, fmt: str | None) -> str:
    f = (fmt or "G").upper()
    v = int(value)
    if f in ("G", "F"):
        return net_enum_to_string(value)
    if f == "D":
        return str(v)
    if f == "X":
        return format(v & 0xFFFFFFFF, "08X")
    from .netlib.exceptions import FormatException
    raise FormatException("Format string can be only \"G\", \"g\", \"X\", \"x\", \"F\", \"f\", \"D\" or \"d\".")


class NetEnum(enum.IntEnum, metaclass=_NetEnumType):
    """Base of the plain (non-flags) .NET enums defined here."""

    __ps_members__ = ("value__",)

    @classmethod
    def _missing_(cls, value: Any) -> Any:
        """A .NET enum holds any value of its underlying type: ``[ConsoleColor]99`` is 99, nameless."""
        if isinstance(value, int) and not isinstance(value, bool):
            pseudo = int.__new__(cls, value)
            pseudo._name_ = None
            pseudo._value_ = int(value)
            return pseudo
        return None

    @property
    def value__(self) -> int:
        """The underlying integer (every .NET enum value has this field)."""
        return int(self._value_)

    def ToString(self, fmt: str | None = None) -> str:
        return _format(self, fmt)

    def HasFlag(self, flag: Any) -> bool:
        return (int(self) & int(flag)) == int(flag)

    def CompareTo(self, other: Any) -> int:
        a, b = int(self), int(other)
        return (a > b) - (a < b)

    def GetTypeCode(self) -> str:
        return "Int32"


class NetFlags(enum.IntFlag, metaclass=_NetEnumType):
    """Base of the [Flags] .NET enums defined here; ``name`` of a combination is .NET's text."""

    __ps_members__ = ("value__",)

    @property
    def value__(self) -> int:
        """The underlying integer (every .NET enum value has this field)."""
        return int(self._value_)

    @property  # type: ignore[override]
    def name(self) -> str:  # noqa: D401
        return net_enum_to_string(self)

    def ToString(self, fmt: str | None = None) -> str:
        return _format(self, fmt)

    def HasFlag(self, flag: Any) -> bool:
        return (int(self) & int(flag)) == int(flag)

    def CompareTo(self, other: Any) -> int:
        a, b = int(self), int(other)
        return (a > b) - (a < b)

    def GetTypeCode(self) -> str:
        return "Int32"


def _make(base: type, full_name: str, members: list[tuple[str, int]], aliases: bool = True) -> Any:
    short = full_name.rsplit(".", 1)[-1].split("+")[-1]
    names = list(members)
    if aliases and any(n == "None" for n, _ in members):
        names.append(("None_", dict(members)["None"]))
    cls = base(short, names, module=__name__, qualname=short)  # type: ignore[call-arg]
    cls.__ps_typename__ = full_name
    cls.__doc__ = f"{full_name} ({'flags' if issubclass(cls, enum.Flag) else 'enum'})."
    return cls


def _enum(full_name: str, members: list[tuple[str, int]]) -> Any:
    return _make(NetEnum, full_name, members)


def _flags(full_name: str, members: list[tuple[str, int]]) -> Any:
    return _make(NetFlags, full_name, members)


def _has_exact_names(cls: Any, names: list[str]) -> bool:
    try:
        return all(n in cls.__members__ for n in names)
    except AttributeError:
        return False


# ----------------------------------------------------------------------------- System

_STRING_COMPARISON = [("CurrentCulture", 0), ("CurrentCultureIgnoreCase", 1), ("InvariantCulture", 2),
                      ("InvariantCultureIgnoreCase", 3), ("Ordinal", 4), ("OrdinalIgnoreCase", 5)]
_SPLIT = [("None", 0), ("RemoveEmptyEntries", 1), ("TrimEntries", 2)]
_MIDPOINT = [("ToEven", 0), ("AwayFromZero", 1), ("ToZero", 2), ("ToNegativeInfinity", 3),
             ("ToPositiveInfinity", 4)]

StringComparison: Any = None
StringSplitOptions: Any = None
MidpointRounding: Any = None
try:  # the string helpers may define them (then they are the canonical classes)
    from .netlib import strings as _strings
    _sc = getattr(_strings, "StringComparison", None)
    if _sc is not None and _has_exact_names(_sc, [n for n, _ in _STRING_COMPARISON]):
        StringComparison = _sc
    _so = getattr(_strings, "StringSplitOptions", None)
    if _so is not None and _has_exact_names(_so, [n for n, _ in _SPLIT]):
        StringSplitOptions = _so
except ImportError:
    pass
try:
    from .netlib import mathfns as _mathfns
    _mr = getattr(_mathfns, "MidpointRounding", None)
    if _mr is not None and _has_exact_names(_mr, [n for n, _ in _MIDPOINT]):
        MidpointRounding = _mr
except ImportError:
    pass
if StringComparison is None:
    StringComparison = _enum("System.StringComparison", _STRING_COMPARISON)
if StringSplitOptions is None:
    StringSplitOptions = _flags("System.StringSplitOptions", _SPLIT)
if MidpointRounding is None:
    MidpointRounding = _enum("System.MidpointRounding", _MIDPOINT)

ConsoleColor: Any = _enum("System.ConsoleColor", [
    ("Black", 0), ("DarkBlue", 1), ("DarkGreen", 2), ("DarkCyan", 3), ("DarkRed", 4),
    ("DarkMagenta", 5), ("DarkYellow", 6), ("Gray", 7), ("DarkGray", 8), ("Blue", 9), ("Green", 10),
    ("Cyan", 11), ("Red", 12), ("Magenta", 13), ("Yellow", 14), ("White", 15)])

EnvironmentVariableTarget: Any = _enum("System.EnvironmentVariableTarget",
                                       [("Process", 0), ("User", 1), ("Machine", 2)])

SpecialFolder: Any = _enum("System.Environment+SpecialFolder", [
    ("Desktop", 0), ("Programs", 2), ("Personal", 5), ("MyDocuments", 5), ("Favorites", 6),
    ("Startup", 7), ("Recent", 8), ("SendTo", 9), ("StartMenu", 11), ("MyMusic", 13), ("MyVideos", 14),
    ("DesktopDirectory", 16), ("MyComputer", 17), ("NetworkShortcuts", 19), ("Fonts", 20),
    ("Templates", 21), ("CommonStartMenu", 22), ("CommonPrograms", 23), ("CommonStartup", 24),
    ("CommonDesktopDirectory", 25), ("ApplicationData", 26), ("PrinterShortcuts", 27),
    ("LocalApplicationData", 28), ("InternetCache", 32), ("Cookies", 33), ("History", 34),
    ("CommonApplicationData", 35), ("Windows", 36), ("System", 37), ("ProgramFiles", 38),
    ("MyPictures", 39), ("UserProfile", 40), ("SystemX86", 41), ("ProgramFilesX86", 42),
    ("CommonProgramFiles", 43), ("CommonProgramFilesX86", 44), ("CommonTemplates", 45),
    ("CommonDocuments", 46), ("CommonAdminTools", 47), ("AdminTools", 48), ("CommonMusic", 53),
    ("CommonPictures", 54), ("CommonVideos", 55), ("Resources", 56), ("LocalizedResources", 57),
    ("CommonOemLinks", 58), ("CDBurning", 59)])

SpecialFolderOption: Any = _enum("System.Environment+SpecialFolderOption",
                                 [("None", 0), ("DoNotVerify", 16384), ("Create", 32768)])

PlatformID: Any = _enum("System.PlatformID", [
    ("Win32S", 0), ("Win32Windows", 1), ("Win32NT", 2), ("WinCE", 3), ("Unix", 4), ("Xbox", 5),
    ("MacOSX", 6), ("Other", 7)])

Base64FormattingOptions: Any = _flags("System.Base64FormattingOptions",
                                      [("None", 0), ("InsertLineBreaks", 1)])

UriKind: Any = _enum("System.UriKind", [("RelativeOrAbsolute", 0), ("Absolute", 1), ("Relative", 2)])
UriPartial: Any = _enum("System.UriPartial", [("Scheme", 0), ("Authority", 1), ("Path", 2), ("Query", 3)])

NormalizationForm: Any = _enum("System.Text.NormalizationForm", [
    ("FormC", 1), ("FormD", 2), ("FormKC", 5), ("FormKD", 6)])

# ----------------------------------------------------------------------------- System.IO

FileMode: Any = _enum("System.IO.FileMode", [
    ("CreateNew", 1), ("Create", 2), ("Open", 3), ("OpenOrCreate", 4), ("Truncate", 5), ("Append", 6)])
FileAccess: Any = _flags("System.IO.FileAccess", [("Read", 1), ("Write", 2), ("ReadWrite", 3)])
FileShare: Any = _flags("System.IO.FileShare", [
    ("None", 0), ("Read", 1), ("Write", 2), ("ReadWrite", 3), ("Delete", 4), ("Inheritable", 16)])
SearchOption: Any = _enum("System.IO.SearchOption", [("TopDirectoryOnly", 0), ("AllDirectories", 1)])

# ----------------------------------------------------------------------------- System.Net

AddressFamily: Any = _enum("System.Net.Sockets.AddressFamily", [
    ("Unknown", -1), ("Unspecified", 0), ("Unix", 1), ("InterNetwork", 2), ("InterNetworkV6", 23)])
SecurityProtocolType: Any = _flags("System.Net.SecurityProtocolType", [
    ("SystemDefault", 0), ("Ssl3", 48), ("Tls", 192), ("Tls11", 768), ("Tls12", 3072), ("Tls13", 12288)])

# ----------------------------------------------------------------------------- regular expressions

RegexOptions: Any = _flags("System.Text.RegularExpressions.RegexOptions", [
    ("None", 0), ("IgnoreCase", 1), ("Multiline", 2), ("ExplicitCapture", 4), ("Compiled", 8),
    ("Singleline", 16), ("IgnorePatternWhitespace", 32), ("RightToLeft", 64), ("ECMAScript", 256),
    ("CultureInvariant", 512), ("NonBacktracking", 1024)])

# ----------------------------------------------------------------------------- PowerShell

ActionPreference: Any = _enum("System.Management.Automation.ActionPreference", [
    ("SilentlyContinue", 0), ("Stop", 1), ("Continue", 2), ("Inquire", 3), ("Ignore", 4), ("Suspend", 5),
    ("Break", 6)])

SplitOptions: Any = _flags("System.Management.Automation.SplitOptions", [
    ("SimpleMatch", 1), ("RegexMatch", 2), ("CultureInvariant", 4), ("IgnorePatternWhitespace", 8),
    ("Multiline", 16), ("Singleline", 32), ("IgnoreCase", 64), ("ExplicitCapture", 128)])

CommandTypes: Any = _flags("System.Management.Automation.CommandTypes", [
    ("Alias", 1), ("Function", 2), ("Filter", 4), ("Cmdlet", 8), ("ExternalScript", 16), ("Application", 32),
    ("Script", 64), ("Configuration", 256), ("All", 383)])

PSMemberTypes: Any = _flags("System.Management.Automation.PSMemberTypes", [
    ("AliasProperty", 1), ("CodeProperty", 2), ("Property", 4), ("NoteProperty", 8), ("ScriptProperty", 16),
    ("Properties", 31), ("PropertySet", 32), ("Method", 64), ("CodeMethod", 128), ("ScriptMethod", 256),
    ("Methods", 448), ("ParameterizedProperty", 512), ("MemberSet", 1024), ("Event", 2048),
    ("Dynamic", 4096), ("InferredProperty", 8192), ("All", 8191)])

PSMemberViewTypes: Any = _flags("System.Management.Automation.PSMemberViewTypes", [
    ("Extended", 1), ("Adapted", 2), ("Base", 4), ("All", 7)])

ConfirmImpact: Any = _enum("System.Management.Automation.ConfirmImpact",
                           [("None", 0), ("Low", 1), ("Medium", 2), ("High", 3)])

ScopedItemOptions: Any = _flags("System.Management.Automation.ScopedItemOptions", [
    ("None", 0), ("ReadOnly", 1), ("Constant", 2), ("Private", 4), ("AllScope", 8), ("Unspecified", 16)])

ExecutionPolicy: Any = _enum("Microsoft.PowerShell.ExecutionPolicy", [
    ("Unrestricted", 0), ("RemoteSigned", 1), ("AllSigned", 2), ("Restricted", 3), ("Bypass", 4),
    ("Undefined", 5)])

# ----------------------------------------------------------------------------- the table

#: Enum classes by lower-case full name, short name and (nested types) ``outer+inner``.
ENUMS: dict[str, type] = {}


def register_enum_class(cls: type) -> type:
    """Add an enum class (with ``__ps_typename__``) to ``ENUMS`` under all its lookup names."""
    full = cls.__ps_typename__.lower()  # type: ignore[attr-defined]
    ENUMS[full] = cls
    last = full.rsplit(".", 1)[-1]          # "stringcomparison" / "environment+specialfolder"
    ENUMS.setdefault(last, cls)
    if "+" in last:
        ENUMS.setdefault(last.split("+")[-1], cls)
    if full.startswith("system."):
        ENUMS.setdefault(full[7:], cls)
    return cls


for _cls in (StringComparison, StringSplitOptions, MidpointRounding, DayOfWeek, DateTimeKind,
             ConsoleColor, EnvironmentVariableTarget, SpecialFolder, SpecialFolderOption, PlatformID,
             Base64FormattingOptions, UriKind, UriPartial, NormalizationForm, FileMode, FileAccess,
             FileShare, SearchOption, AddressFamily, SecurityProtocolType, RegexOptions,
             ActionPreference, ErrorCategory, SplitOptions, CommandTypes, PSMemberTypes, PSMemberViewTypes,
             ConfirmImpact, ScopedItemOptions, ExecutionPolicy):
    register_enum_class(_cls)
del _cls
