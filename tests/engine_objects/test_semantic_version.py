"""$PSVersionTable.PSVersion is a SemanticVersion ([semver]) as in pwsh 7.4: its parts, its text,
its table view, and comparisons with strings and other versions that scripts use to gate features."""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

CASES = [
    ("$PSVersionTable.PSVersion.Major; $PSVersionTable.PSVersion.Minor; $PSVersionTable.PSVersion.Patch",
     ["7", "4", "6"]),
    ('"$($PSVersionTable.PSVersion)"', ["7.4.6"]),
    ("$PSVersionTable.PSVersion.ToString()", ["7.4.6"]),
    ("$PSVersionTable.PSVersion.GetType().FullName", ["System.Management.Automation.SemanticVersion"]),
    ("$PSVersionTable.PSVersion -ge '7.0'", ["True"]),
    ("$PSVersionTable.PSVersion -lt [semver]'7.5.0'", ["True"]),
    ("$PSVersionTable.PSVersion.Major -lt 7", ["False"]),
    ("[semver]'7.4.0-preview.2' -lt [semver]'7.4.0'", ["True"]),
    ("[semver]'1.2.3-rc.1+build.5' | ForEach-Object { $_.PreReleaseLabel; $_.BuildLabel }", ["rc.1", "build.5"]),
    ("[semver]::new(7, 4, 6) -eq $PSVersionTable.PSVersion", ["True"]),
    ("[version]'7.4' -ge '7.0'", ["True"]),
    ("$PSVersionTable.PSCompatibleVersions[-1].GetType().Name", ["Version"]),
]


@pytest.mark.parametrize("script,expected", CASES)
def test_semantic_version(script, expected):
    r = Shell().run(script)
    assert (r.stdout.splitlines(), r.stderr) == (expected, "")


def test_psversion_shows_as_pwsh_table():
    r = Shell().run("$PSVersionTable.PSVersion")
    assert r.stdout.splitlines()[1:4] == ["Major  Minor  Patch  PreReleaseLabel BuildLabel",
                                          "-----  -----  -----  --------------- ----------",
                                          "7      4      6"]


def test_bad_semver_text_is_a_conversion_error():
    r = Shell().run("[semver]'seven'")
    assert 'Cannot convert value "seven" to type "System.Management.Automation.SemanticVersion".' in r.stderr
