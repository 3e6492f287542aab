"""How members read as text in pwsh 7.4: a note property's ToString() (also Get-Member's
Definition) is "<display type> <name>=<value's .NET ToString()>", the type written with its
built-in accelerator (int, string, datetime...) or its name without namespace (Object[]).
"""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

_OBJ = ("$o = [pscustomobject]@{N=1; Z=$null; S='x'; L=[long]5; B=$true; D=1.5; T=[datetime]'2024-01-02'; "
        "A=@(1,2); H=@{}; P=[pscustomobject]@{q=1}; G=[guid]'00000000-0000-0000-0000-000000000001'; "
        "E=[ConsoleColor]::Red; V=[version]'1.2'; C=[char]'c'; Dc=[decimal]2.5; By=[byte]7}; ")

CASES = [
    ("$o=[pscustomobject]@{N=1;Z=$null}; $o.PSObject.Properties['N'].ToString()", "int N=1"),
    ("$o=[pscustomobject]@{N=1;Z=$null}; $o.PSObject.Properties['Z'].ToString()", "object Z=null"),
    (_OBJ + "$o.PSObject.Properties['S'].ToString()", "string S=x"),
    (_OBJ + "$o.PSObject.Properties['L'].ToString()", "long L=5"),
    (_OBJ + "$o.PSObject.Properties['B'].ToString()", "bool B=True"),
    (_OBJ + "$o.PSObject.Properties['D'].ToString()", "double D=1.5"),
    (_OBJ + "$o.PSObject.Properties['T'].ToString()", "datetime T=1/2/2024 12:00:00 AM"),
    (_OBJ + "$o.PSObject.Properties['A'].ToString()", "Object[] A=System.Object[]"),
    (_OBJ + "$o.PSObject.Properties['H'].ToString()", "hashtable H=System.Collections.Hashtable"),
    (_OBJ + "$o.PSObject.Properties['P'].ToString()", "System.Management.Automation.PSCustomObject P=@{q=1}"),
    (_OBJ + "$o.PSObject.Properties['G'].ToString()", "guid G=00000000-0000-0000-0000-000000000001"),
    (_OBJ + "$o.PSObject.Properties['E'].ToString()", "ConsoleColor E=Red"),
    (_OBJ + "$o.PSObject.Properties['V'].ToString()", "version V=1.2"),
    (_OBJ + "$o.PSObject.Properties['C'].ToString()", "char C=c"),
    (_OBJ + "$o.PSObject.Properties['Dc'].ToString()", "decimal Dc=2.5"),
    (_OBJ + "$o.PSObject.Properties['By'].ToString()", "byte By=7"),
    # string conversion of the member uses the same text
    ("$o=[pscustomobject]@{N=1}; \"$($o.PSObject.Properties['N'])\"", "int N=1"),
    # Get-Member's Definition column is the note's ToString()
    ("([pscustomobject]@{N=1;Z=$null;A=1,2} | Get-Member -MemberType NoteProperty).Definition -join '|'",
     "Object[] A=System.Object[]|int N=1|object Z=null"),
]


@pytest.mark.parametrize("script,expected", CASES, ids=[c[0][-40:] for c in CASES])
def test_note_property_text(script: str, expected: str) -> None:
    r = Shell().run(script)
    assert r.stderr == ""
    assert r.stdout.rstrip("\n") == expected
