"""Instance members on any object, as pwsh 7.4 shows them: strings and numbers wrapped in a
PSObject that carries the members and still behaves as the value; members of a reference
object (a hashtable) stay with that object; Select-Object -ExpandProperty and
Compare-Object -PassThru attach their notes the same way.

Each case is (script, expected stdout lines).
"""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

_STR = "$w = 'abc' | Add-Member -NotePropertyName X -NotePropertyValue 1 -PassThru; "
_NUM = "$n = 5 | Add-Member -NotePropertyName X -NotePropertyValue 1 -PassThru; "

CASES = [
    # a string wrapped in a PSObject carrying a note
    ("('abc' | Add-Member -NotePropertyName X -NotePropertyValue 1 -PassThru).X", ["1"]),
    (_STR + "$w", ["abc"]),
    (_STR + "$w -eq 'abc'; 'ABC' -eq $w; $w.Length", ["True", "True", "3"]),
    (_STR + "$w.GetType().FullName; $w -is [string]; $w.ToUpper()", ["System.String", "True", "ABC"]),
    (_STR + '"<$w>"; $w + "d"; $w -like "a*"', ["<abc>", "abcd", "True"]),
    (_STR + "$w.PSObject.Properties.Name -join ','", ["X,Length"]),
    (_STR + "$w.PSObject.BaseObject.GetType().Name; ([string]$w).X -eq $null", ["String", "True"]),
    (_STR + "$w | Add-Member -NotePropertyName Y -NotePropertyValue 2; $w.Y", ["2"]),
    (_STR + "$w.X = 7; $w.X", ["7"]),
    (_STR + "($w | Get-Member -MemberType NoteProperty).Definition", ["int X=1"]),
    # the plain value keeps no member (pwsh wraps a value type in a new PSObject)
    ("$s = 'abc'; $s | Add-Member -NotePropertyName X -NotePropertyValue 1; $null -eq $s.X", ["True"]),
    # numbers
    (_NUM + "$n.X; $n; $n + 1; ($n + 1).GetType().Name", ["1", "5", "6", "Int32"]),
    (_NUM + "$n -eq 5; $n -is [int]; $n.GetType().Name; $n * 2", ["True", "True", "Int32", "10"]),
    (_NUM + "$n.ToString('D3'); [int]$n -gt 4", ["005", "True"]),
    ("(3.5 | Add-Member -NotePropertyName U -NotePropertyValue 'cm' -PassThru) | % { \"$_ $($_.U)\" }",
     ["3.5 cm"]),
    ("$d = [datetime]'2024-01-02' | Add-Member -NotePropertyName Z -NotePropertyValue 'utc' -PassThru; "
     "$d.Z; $d.Year; $d.GetType().Name", ["utc", "2024", "DateTime"]),
    # script members see the wrapper as $this
    ("$w = 'abc' | Add-Member -MemberType ScriptMethod -Name Twice -Value { $this + $this } -PassThru; $w.Twice()",
     ["abcabc"]),
    # Select-Object -ExpandProperty keeps the other selected properties as notes
    ("[pscustomobject]@{N='x';T=@('a')} | select N -ExpandProperty T | % { \"[\" + $_.N + \"]\" }", ["[x]"]),
    ("[pscustomobject]@{N='x';T=@('a','b')} | select N -ExpandProperty T | % { $_ + $_.N }", ["ax", "bx"]),
    ("[pscustomobject]@{A=1;B=(Get-Date)} | Select-Object A -ExpandProperty B | % { $_.A }", ["1"]),
    ("[pscustomobject]@{N=2;T=10,20} | select N -ExpandProperty T | % { $_ + $_.N }", ["12", "22"]),
    ("[pscustomobject]@{N='x';T=@('a')} | select N -ExpandProperty T", ["a"]),
    # Compare-Object -PassThru outputs the inputs carrying SideIndicator
    ("(Compare-Object -PassThru a b).SideIndicator", ["=>", "<="]),
    ("Compare-Object -PassThru 'a','b' 'b','c' | % { $_ + ' ' + $_.SideIndicator }", ["c =>", "a <="]),
    ("Compare-Object -PassThru 'a','b' 'b','c' -IncludeEqual | % { $_.GetType().Name }",
     ["String", "String", "String"]),
    # a hashtable: the member stays with the object and is not a key
    ("$h=@{a=1}; $h | Add-Member -NotePropertyName X -NotePropertyValue 1; $h.Keys -join ','; $h.Count; $h.X",
     ["a", "1", "1"]),
    # instance members come before keys in member access, keys before the adapted properties
    ("$h=@{a=1}; $h | Add-Member -NotePropertyName a -NotePropertyValue 9; $h.a; $h['a']", ["9", "1"]),
    ("$h=@{Count=5}; $h.Count", ["5"]),
    ("$h=@{a=1}; $h | Add-Member -NotePropertyName X -NotePropertyValue 1; $h.X = 3; $h.X; $h.ContainsKey('X')",
     ["3", "False"]),
]


@pytest.mark.parametrize("script,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_instance_members(script: str, expected: list[str]) -> None:
    r = Shell().run(script)
    assert r.stderr == ""
    assert r.stdout.splitlines() == expected


def test_wrapped_string_formats_as_the_string_among_other_output() -> None:
    r = Shell().run("'x' | Add-Member -NotePropertyName N -NotePropertyValue 1 -PassThru; 2; 'y'")
    assert r.stdout.splitlines() == ["x", "2", "y"]


def test_member_on_a_hashtable_key_name_conflicts_only_with_members() -> None:
    r = Shell().run("$h=@{}; $h | Add-Member -NotePropertyName Keys -NotePropertyValue 1")
    assert "Cannot add a member with the name \"Keys\" because a member with that name already exists." in r.stderr


def test_boolean_cannot_carry_members_yet() -> None:
    """Python cannot subclass bool: Add-Member on $true reports it instead of losing the member silently."""
    r = Shell().run("$true | Add-Member -NotePropertyName X -NotePropertyValue 1 -PassThru")
    assert "Cannot add the member \"X\"" in r.stderr
