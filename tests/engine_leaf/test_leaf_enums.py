"""enums: .NET names and values, lookup table, flag formatting."""
from __future__ import annotations

import enum

import pytest

from o365shell.engine import enums as E


@pytest.mark.parametrize("cls,member,value", [
    (E.ConsoleColor, "Black", 0), (E.ConsoleColor, "DarkYellow", 6), (E.ConsoleColor, "Gray", 7),
    (E.ConsoleColor, "White", 15), (E.ActionPreference, "SilentlyContinue", 0), (E.ActionPreference, "Stop", 1),
    (E.ActionPreference, "Continue", 2), (E.ActionPreference, "Inquire", 3), (E.ActionPreference, "Ignore", 4),
    (E.ActionPreference, "Suspend", 5), (E.ActionPreference, "Break", 6),
    (E.RegexOptions, "None", 0), (E.RegexOptions, "IgnoreCase", 1), (E.RegexOptions, "ECMAScript", 256),
    (E.RegexOptions, "NonBacktracking", 1024), (E.SplitOptions, "SimpleMatch", 1),
    (E.SplitOptions, "ExplicitCapture", 128), (E.CommandTypes, "Cmdlet", 8), (E.CommandTypes, "All", 383),
    (E.CommandTypes, "Configuration", 256), (E.PSMemberTypes, "NoteProperty", 8),
    (E.PSMemberTypes, "ScriptMethod", 256), (E.PSMemberTypes, "Properties", 31), (E.PSMemberTypes, "All", 8191),
    (E.FileMode, "OpenOrCreate", 4), (E.FileAccess, "ReadWrite", 3), (E.SpecialFolder, "Desktop", 0),
    (E.SpecialFolder, "MyDocuments", 5), (E.SpecialFolder, "ApplicationData", 26),
    (E.SpecialFolder, "LocalApplicationData", 28), (E.SpecialFolder, "UserProfile", 40),
    (E.StringComparison, "OrdinalIgnoreCase", 5), (E.StringSplitOptions, "RemoveEmptyEntries", 1),
    (E.MidpointRounding, "AwayFromZero", 1), (E.DayOfWeek, "Saturday", 6), (E.DateTimeKind, "Utc", 1),
    (E.ErrorCategory, "ObjectNotFound", 13), (E.SecurityProtocolType, "Tls12", 3072),
])
def test_member_values(cls: type, member: str, value: int) -> None:
    assert int(cls[member]) == value  # type: ignore[index]


def test_typenames_and_lookup_keys() -> None:
    assert E.ENUMS["system.consolecolor"] is E.ConsoleColor
    assert E.ENUMS["consolecolor"] is E.ConsoleColor
    assert E.ENUMS["system.management.automation.actionpreference"] is E.ActionPreference
    assert E.ENUMS["actionpreference"] is E.ActionPreference
    assert E.ENUMS["system.text.regularexpressions.regexoptions"] is E.RegexOptions
    assert E.ENUMS["system.environment+specialfolder"] is E.SpecialFolder
    assert E.ENUMS["environment+specialfolder"] is E.SpecialFolder
    assert E.ENUMS["errorcategory"] is E.ErrorCategory
    for key, cls in E.ENUMS.items():
        assert key == key.lower()
        assert issubclass(cls, enum.Enum)
        assert cls.__ps_typename__.lower().endswith(key.split(".")[-1]) or key.endswith(cls.__name__.lower())


def test_none_member_is_named_none_and_iterates() -> None:
    assert E.RegexOptions(0).name == "None"
    assert [m.name for m in E.RegexOptions][:2] == ["None", "IgnoreCase"]
    assert "All" in [m.name for m in E.CommandTypes]
    assert E.RegexOptions.None_ is E.RegexOptions["None"]
    assert E.ConfirmImpact["None"] == 0


def test_flag_names_follow_dotnet() -> None:
    assert E.RegexOptions(3).name == "IgnoreCase, Multiline"
    assert E.PSMemberTypes(31 | 64).name == "Properties, Method"
    assert E.CommandTypes(383).name == "All"
    assert E.RegexOptions(128).name == "128"
    assert E.RegexOptions(3).ToString() == "IgnoreCase, Multiline"
    assert E.ConsoleColor.Red.ToString("D") == "12"
    assert E.FileAccess.ReadWrite.HasFlag(E.FileAccess.Read)
    assert E.net_enum_to_string(E.ConsoleColor.Cyan) == "Cyan"


def test_duplicate_value_names_once() -> None:
    names = [m.name for m in E.SpecialFolder]
    assert names.count("Personal") == 1 and "MyDocuments" not in names
    assert E.SpecialFolder["MyDocuments"] is E.SpecialFolder["Personal"]
