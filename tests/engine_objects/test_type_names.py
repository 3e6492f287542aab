"""Type literals scripts use to test what kind of collection they hold, as pwsh 7.4 resolves
them: the non-generic collection interfaces and PSMemberViewTypes.
"""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

CASES = [
    ("[System.Collections.IDictionary].FullName", "System.Collections.IDictionary"),
    ("[System.Collections.IList].FullName", "System.Collections.IList"),
    ("[System.Collections.ICollection].FullName", "System.Collections.ICollection"),
    ("[System.Collections.IEnumerable].FullName", "System.Collections.IEnumerable"),
    ("[Collections.IDictionary].Name", "IDictionary"),
    # -is
    ("@{} -is [System.Collections.IDictionary]", "True"),
    ("[ordered]@{} -is [System.Collections.IDictionary]", "True"),
    ("[System.Collections.Generic.Dictionary[string,int]]::new() -is [System.Collections.IDictionary]", "True"),
    ("@(1) -is [System.Collections.IDictionary]", "False"),
    ("@(1) -is [System.Collections.IList]", "True"),
    ("@() -is [System.Collections.IList]", "True"),
    ("[System.Collections.ArrayList]::new() -is [System.Collections.IList]", "True"),
    ("[System.Collections.Generic.List[int]]::new() -is [System.Collections.IList]", "True"),
    ("'abc' -is [System.Collections.IList]", "False"),
    ("@{} -is [System.Collections.IList]", "False"),
    ("@{a=1}.Keys -is [System.Collections.IList]", "False"),
    ("@{a=1}.Keys -is [System.Collections.ICollection]", "True"),
    ("@(1) -is [System.Collections.ICollection]", "True"),
    ("@{} -is [System.Collections.ICollection]", "True"),
    ("'abc' -is [System.Collections.ICollection]", "False"),
    ("'abc' -is [System.Collections.IEnumerable]", "True"),
    ("@{} -is [System.Collections.IEnumerable]", "True"),
    ("(1..3) -is [System.Collections.IEnumerable]", "True"),
    ("5 -is [System.Collections.IEnumerable]", "False"),
    ("$null -is [System.Collections.IEnumerable]", "False"),
    ("@{} -isnot [System.Collections.IList]", "True"),
    # a cast to an interface the value implements keeps the value
    ("([System.Collections.IDictionary]@{a=1}).a", "1"),
    ("([System.Collections.IList]@(1,2)).Count", "2"),
    ("function f([System.Collections.IDictionary]$d) { $d.Count }; f @{a=1;b=2}", "2"),
    # PSMemberViewTypes
    ("[System.Management.Automation.PSMemberViewTypes]::All", "All"),
    ("[System.Management.Automation.PSMemberViewTypes]'Extended,Adapted'", "Extended, Adapted"),
    ("[int][System.Management.Automation.PSMemberViewTypes]::Base", "4"),
    ("[enum]::GetNames([System.Management.Automation.PSMemberViewTypes]) -join ','", "Extended,Adapted,Base,All"),
    ("[System.Management.Automation.PSMemberViewTypes].IsEnum", "True"),
]


@pytest.mark.parametrize("script,expected", CASES, ids=[c[0][:50] for c in CASES])
def test_type_names(script: str, expected: str) -> None:
    r = Shell().run(script)
    assert r.stderr == ""
    assert r.stdout.rstrip("\n") == expected
