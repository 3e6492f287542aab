"""Behaviour real admin scripts depend on, found by running public scripts unmodified.

Each case is (script, expected stdout) with pwsh 7.4's output.
"""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

CASES = [
    # Where-Object with only a property name tests the property's truth (EqualSet, -EQ optional)
    ("[pscustomobject]@{ok=$true;n=1},[pscustomobject]@{ok=$false;n=2} | Where-Object ok | % n", "1"),
    ("1..5 | ? { $_ -gt 3 }", "4\n5"),
    ("[pscustomobject]@{n=1} | Where-Object n 1 | % n", "1"),
    # positional binding prefers a parameter the value fits without conversion
    ("(Get-Command Where-Object).DefaultParameterSet", "EqualSet"),
    # Get-Command's parameter descriptions
    ("(Get-Command Where-Object).Parameters.ContainsKey('Property')", "True"),
    ("(Get-Command Where-Object).Parameters['FilterScript'].ParameterType.Name", "ScriptBlock"),
    ("((Get-Command Where-Object).ParameterSets | ? IsDefault).Name", "EqualSet"),
    ("function f { param($a, [switch]$b) }; (Get-Command f).Parameters.Keys -join ','", "a,b"),
    ("function f { param($a) }; $null -eq (Get-Command f).DefaultParameterSet", "True"),
    # parameter defaults that are variables or switches
    ("function f { param($s = $true) \"[$s]\" }; f", "[True]"),
    ("$g = 7; function f { param($s = $g) $s }; f", "7"),
    ("function f { param([switch]$s = $true) $s.IsPresent; $true -eq $s }; f; f -s:$false", "True\nTrue\nFalse\nFalse"),
    ("function f { param([bool]$b = $true) $b }; f", "True"),
    # variable names keep the case they were created with
    ("$myVar = 1; (Get-Variable myvar).Name", "myVar"),
    ("function f { param($UserName) (Get-Variable username).Name }; f 1", "UserName"),
    # read-only variables refuse plain assignment
    ("New-Variable ro 1 -Option ReadOnly; $ro = 2; $ro; Set-Variable ro 3 -Force; $ro", "1\n3"),
    # attributes on an assignment constrain the variable from then on
    ("[ValidateNotNull()][string]$v = 'x'; $v", "x"),
    ("[Parameter(Mandatory=$false)][string]$w = 'y'; $w", "y"),
    ("[ValidateRange(1,5)][int]$n = 3; $n = 9; $n; $n = '4'; $n.GetType().Name", "3\nInt32"),
    # the parameter set follows what each pipeline object binds
    ("function t { [CmdletBinding(DefaultParameterSetName='File')] param([Parameter(Mandatory, "
     "ParameterSetName='File')]$Path, [Parameter(Mandatory, ValueFromPipeline, ParameterSetName='Obj')]$InputObject) "
     "process { $PSCmdlet.ParameterSetName } }; 'x' | t; t -Path p", "Obj\nFile"),
    # Add-Member's classic positional form binds -MemberType first
    ("$o = [pscustomobject]@{}; $o | Add-Member NoteProperty B 2; $o.B", "2"),
]


@pytest.mark.parametrize("script,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_script_behaviour(script: str, expected: str) -> None:
    r = Shell().run(script)
    assert r.stdout.rstrip("\n") == expected, f"stderr: {r.stderr}"


def test_assigning_a_read_only_variable_is_a_write_error() -> None:
    r = Shell().run("New-Variable ro 1 -Option ReadOnly\n$ro = 2")
    assert "Cannot overwrite variable ro because it is read-only or constant." in r.stderr


def test_validated_variable_refuses_a_bad_value() -> None:
    r = Shell().run("[ValidateSet('a','b')]$s = 'a'\n$s = 'c'")
    assert r.stderr.startswith("MetadataError:")
    assert "The variable cannot be validated because the value c is not a valid value for the s variable." in r.stderr
