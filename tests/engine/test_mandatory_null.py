"""A mandatory parameter refuses $null, an empty string ([string]) and an empty array (array types)
unless [AllowNull()], [AllowEmptyString()] or [AllowEmptyCollection()] say otherwise, as pwsh's binder does."""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

F = ("function f { param([Parameter(Mandatory)][string]$s) \"s=$s\" }\n"
     "function g { param([Parameter(Mandatory)][string[]]$a) \"a=$($a.Count)\" }\n"
     "function o { param([Parameter(Mandatory)]$x) \"x=$x\" }\n"
     "function n { param([Parameter(Mandatory)][AllowNull()][AllowEmptyString()][string]$s,\n"
     "                   [Parameter(Mandatory)][AllowEmptyCollection()][string[]]$a) 'allowed' }\n"
     "function opt { param([string]$s) \"opt=$s\" }\n")


@pytest.mark.parametrize("call,error", [
    ("f -s $null", "f: Cannot bind argument to parameter 's' because it is an empty string."),
    ("f ''", "f: Cannot bind argument to parameter 's' because it is an empty string."),
    ("g -a @()", "g: Cannot bind argument to parameter 'a' because it is an empty array."),
    ("g $null", "g: Cannot bind argument to parameter 'a' because it is null."),
    ("o $null", "o: Cannot bind argument to parameter 'x' because it is null."),
    ("Get-Content -Path $null", "Get-Content: Cannot bind argument to parameter 'Path' because it is null."),
])
def test_refused(call, error):
    r = Shell().run(F + call + "; 'next'")
    command, message = error.split(": ", 1)
    assert r.stdout == "next\n"
    assert r.stderr.startswith(command + ": ") and r.stderr.rstrip().endswith("| " + message), r.stderr


def test_allowed_and_optional_parameters_take_empty_values():
    r = Shell().run(F + "n $null @(); n '' @(); o ''; opt $null; try { f $null } catch { $_.FullyQualifiedErrorId; "
                        "$_.CategoryInfo.Category }")
    out = r.stdout.splitlines()
    assert out[:4] == ["allowed", "allowed", "x=", "opt="] and out[5] == "InvalidData"
    assert out[4].startswith("ParameterArgumentValidationErrorEmptyStringNotAllowed")
