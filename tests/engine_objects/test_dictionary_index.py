"""Indexing dictionaries as pwsh 7.4 does: one key goes through TryGetValue (a missing key is
$null, no error), several keys give one value per key ($null for those not there), and a
typed dictionary converts the key to its key type first.
"""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

_D = "$d=[System.Collections.Generic.Dictionary[string,object]]::new(); "

CASES = [
    (_D + "$null -eq $d['x']", ["True"]),
    (_D + "$d['x']; 'after'", ["after"]),
    (_D + "$d['a']=1; $d['a','x']", ["1"]),
    (_D + "$d['a']=1; $r = $d['a','x']; $r.Count; $null -eq $r[1]", ["2", "True"]),
    (_D + "$d['a']=1; $d['b']=2; $d['b','a'] -join ','", ["2,1"]),
    (_D + "$d['a']=1; $null -eq $d['A']", ["True"]),  # a generic dictionary's string keys are case-sensitive
    (_D + "$d['a']=1; $d.a; $null -eq $d.x", ["1", "True"]),
    ("$d=[System.Collections.Generic.Dictionary[int,string]]::new(); $d[1]='one'; $d['1']; $d[1,2]", ["one", "one"]),
    # Hashtable and [ordered]
    ("@{a=1;b=2}['a','b']", ["1", "2"]),
    ("$r = @{a=1}['a','x']; $r.Count; $null -eq $r[1]", ["2", "True"]),
    ("$null -eq @{a=1}['zz']", ["True"]),
    ("@{a=1}['A']", ["1"]),
    ("$o=[ordered]@{a=1;b=2}; $o['b','a'] -join ','; $o[0]", ["2,1", "1"]),
]


@pytest.mark.parametrize("script,expected", CASES, ids=[c[0][-45:] for c in CASES])
def test_dictionary_index(script: str, expected: list[str]) -> None:
    r = Shell().run(script)
    assert r.stderr == ""
    assert r.stdout.splitlines() == expected


def test_typed_key_that_does_not_convert_is_an_error() -> None:
    r = Shell().run("$d=[System.Collections.Generic.Dictionary[int,string]]::new(); $d['abc']")
    assert 'Cannot convert value "abc" to type "System.Int32".' in r.stderr
