"""Static members of .NET types are reached through the type ([guid]::Empty), never listed
as properties of an instance (pwsh 7.4): Guid.Empty, Int64.MaxValue, TimeSpan.TicksPerDay,
Regex.CacheSize, Stopwatch.Frequency.
"""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

NOT_INSTANCE = [
    ("(New-Guid).PSObject.Properties.Name -join ','", "Guid"),
    ("@(([long]5).PSObject.Properties).Count", "0"),
    ("@(([byte]5).PSObject.Properties).Count", "0"),
    ("([timespan]'1:00').PSObject.Properties.Name -contains 'TicksPerDay'", "False"),
    ("([regex]'a').PSObject.Properties.Name -contains 'CacheSize'", "False"),
    ("[Diagnostics.Stopwatch]::new().PSObject.Properties.Name -contains 'Frequency'", "False"),
    ("$null -eq ([long]5).MaxValue", "True"),
    ("$null -eq (New-Guid).Empty", "True"),
    ("((New-Guid) | Select-Object *).PSObject.Properties.Name -join ','", "Guid"),
]

STILL_STATIC = [
    ("[guid]::Empty.ToString()", "00000000-0000-0000-0000-000000000000"),
    ("[long]::MaxValue", "9223372036854775807"),
    ("[byte]::MaxValue", "255"),
    ("[char]::MinValue -eq [char]0", "True"),
    ("[timespan]::TicksPerDay", "864000000000"),
    ("[regex]::CacheSize", "15"),
    ("[Diagnostics.Stopwatch]::Frequency", "1000000000"),
    ("[single]::MaxValue", "3.402823E+38"),
]


@pytest.mark.parametrize("script,expected", NOT_INSTANCE + STILL_STATIC,
                         ids=[c[0][:45] for c in NOT_INSTANCE + STILL_STATIC])
def test_static_members(script: str, expected: str) -> None:
    r = Shell().run(script)
    assert r.stderr == ""
    assert r.stdout.rstrip("\n") == expected


def test_guid_after_other_objects_shows_no_static_empty() -> None:
    r = Shell().run("[pscustomobject]@{a=1}; [guid]'00000000-0000-0000-0000-000000000001'")
    assert r.stderr == ""
    assert "Empty" not in r.stdout
    assert "Guid : 00000000-0000-0000-0000-000000000001" in r.stdout


def test_guid_table_has_only_the_guid_column() -> None:
    r = Shell().run("[guid]'00000000-0000-0000-0000-000000000001' | Format-Table")
    assert r.stdout.split() == ["Guid", "----", "00000000-0000-0000-0000-000000000001"]
