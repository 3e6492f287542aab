"""Language semantics as a pwsh user sees them: script text in, printed text out.

Each case is (script, expected stdout); expected values are what pwsh 7.4 prints.
"""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

CASES = [
    # numbers and arithmetic
    ("[int]::MaxValue + 1", "2147483648"),
    ("([int]::MaxValue + 1).GetType().Name", "Double"),
    ("10 / 4", "2.5"),
    ("(10 / 5).GetType().Name", "Int32"),
    ("5 % -3", "2"),
    ("([long]5 * 2).GetType().Name", "Int64"),
    ("0x10 -shl 2", "64"),
    ("7 -band 3", "3"),
    ("-bnot 0", "-1"),
    ("[math]::Round(2.675, 2)", "2.68"),
    ("1e-5", "1E-05"),
    ("1/3", "0.333333333333333"),
    ("0.1 + 0.2", "0.3"),
    ("[decimal]1.10 + 2", "3.1"),
    ("3 * '4'", "12"),
    ("'5' * 3", "555"),
    ("$true + 1", "2"),
    ("[char]'a' + 1", "98"),
    # strings
    ("'{0:N2}' -f 1234.5678", "1,234.57"),
    ("'{0:D3}|{1,4}|' -f 7, 'ab'", "007|  ab|"),
    ("$s = 'Hello World'; $s.Split(' ')[1]", "World"),
    ('"a$(1+1)b"', "a2b"),
    ("$n = 'x'; \"${n}y\"", "xy"),
    ("'abc'.Length", "3"),
    ("'a,b;c' -split '[,;]' -join '|'", "a|b|c"),
    ("'Hello' -creplace 'l', 'L'", "HeLLo"),
    ("'x' * 0 -eq ''", "True"),
    ("\"tab`there\".Contains(\"`t\")", "True"),
    ("'{0}' -f $null", ""),
    # comparison and logic
    ("'abc' -like '*B*'", "True"),
    ("'abc' -clike '*B*'", "False"),
    ("@(1, 2, 3) -contains 2", "True"),
    ("2 -in 1..3", "True"),
    ("(1, 2, 3, 4 -gt 2) -join ','", "3,4"),
    ("$null -eq @()", "False"),
    ("(@(1, $null, 2) -ne $null).Count", "2"),
    ("'10' -lt 9", "True"),
    ("9 -lt '10'", "True"),
    ("[bool]'false'", "True"),
    ("-not 0", "True"),
    ("$x = $null; $x ?? 'd'", "d"),
    ("(1 -eq 1) ? 'y' : 'n'", "y"),
    # arrays and hashtables
    ("$a = 1..5; $a[1..2] -join ','", "2,3"),
    ("$a = @(); $a += 1; $a += 2; $a.Count", "2"),
    ("(,1 + ,2).Count", "2"),
    ("$h = @{a = 1}; $h.b = 2; ($h.Keys | Sort-Object) -join ','", "a,b"),
    ("$h = [ordered]@{z = 1; a = 2}; $h[0]", "1"),
    ("$h = @{}; $h['k'] += 5; $h.k", "5"),
    ("$a, $b = 1, 2, 3; $b -join ','", "2,3"),
    ("[int[]]$n = '4', '5'; ($n | ForEach-Object { $_ + 1 }) -join ','", "5,6"),
    ("$l = [System.Collections.ArrayList]@(1, 2); $l.Add(3) | Out-Null; $l.Count", "3"),
    # control flow
    ("$i = 0; while ($i -lt 3) { $i++ }; $i", "3"),
    ("foreach ($x in 1, 2) { foreach ($y in 'a', 'b') { \"$x$y\" } }", "1a\n1b\n2a\n2b"),
    ("$r = switch (3) { { $_ -gt 2 } { 'big' } default { 'small' } }; $r", "big"),
    ("switch -Regex ('a1', 'b2') { '\\d' { $_ } }", "a1\nb2"),
    ("for ($i = 0; $i -lt 10; $i++) { if ($i -eq 2) { break }; $i }", "0\n1"),
    ("do { 'once' } while ($false)", "once"),
    # functions and scope
    ("function f { param($a = 1, $b = 2) $a + $b }; f -b 5", "6"),
    ("function f([int]$n) { $n.GetType().Name }; f '3'", "Int32"),
    ("function f { [CmdletBinding()] param([switch]$S) $S.IsPresent }; f -S", "True"),
    ("function f { param([Parameter(ValueFromPipeline)]$x) process { $x * 2 } }; 1, 2 | f", "2\n4"),
    ("$v = 1; function g { $v = 2 }; g; $v", "1"),
    ("$global:gv = 1; function g { $global:gv = 5 }; g; $gv", "5"),
    ("function f { return 1; 2 }; f", "1"),
    ("function f { 1; 2 }; $r = f; $r.Count", "2"),
    ("$sb = { $args.Count }; & $sb 1 2 3", "3"),
    ("$f = { param($x) $x + 1 }; $f.Invoke(1)", "2"),
    ("function f { $input | ForEach-Object { $_ * 10 } }; 1, 2 | f", "10\n20"),
    ("filter dbl { $_ * 2 }; 3 | dbl", "6"),
    ("function f { param($a) $PSBoundParameters.Count }; f -a 1", "1"),
    # errors
    ("try { throw 'x' } catch { $_.Exception.Message }", "x"),
    ("try { 1 / 0 } catch { $_.Exception.GetType().Name }", "RuntimeException"),
    ("try { [int]'abc' } catch { 'caught' }", "caught"),
    ("$ErrorActionPreference = 'Stop'; try { Write-Error 'e' } catch { 'c' }", "c"),
    ("try { try { throw 'a' } finally { 'f' } } catch { 'c' }", "f\nc"),
    ("Write-Error 'x' -ErrorAction SilentlyContinue; $Error.Count", "1"),
    # objects
    ("$o = [pscustomobject]@{a = 1}; $o.a += 1; $o.a", "2"),
    ("$o = [pscustomobject]@{n = 'x'}; \"$o\"", "@{n=x}"),
    ("@([pscustomobject]@{n = 1}, [pscustomobject]@{n = 2}).n -join ','", "1,2"),
    ("(Get-Variable -Name PSVersionTable -ValueOnly).PSEdition", "Core"),
    ("[datetime]'2024-02-29' | ForEach-Object { $_.AddYears(1).ToString('yyyy-MM-dd') }", "2025-02-28"),
    # command mode
    ("Write-Output -5", "-5"),
    ("Write-Output a-b c.d", "a-b\nc.d"),
    ("$x = 'v'; Write-Output pre$x", "prev"),
    ("Write-Output (1, 2).Count", "2"),
    # an argument that starts with a quoted string ends at the closing quote (pwsh: two arguments)
    ("Write-Output \"foo\"bar", "foo\nbar"),
    ("Write-Output 'a'\"b\"'c'", "a\nb\nc"),
    ("function f { param($p, [switch]$S) \"$p|$S\" }; f \"x\"-S", "x|True"),
    ("Write-Output foo\"bar\"baz 'it''s'", "foobarbaz\nit's"),
    ("function f { param($p) $p.GetType().Name }; f 1.5; f 0x10; f 1kb; f abc", "Double\nInt32\nInt32\nString"),
]


@pytest.mark.parametrize("script,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_language(script: str, expected: str) -> None:
    r = Shell().run(script)
    got = r.stdout.rstrip("\n")
    assert got == expected, f"stderr: {r.stderr}"


def test_statement_terminating_error_continues_and_sets_dollar_question() -> None:
    r = Shell().run("[int]'abc'\n$?\n'next'")
    assert r.stdout.splitlines() == ["False", "next"]
    assert 'Cannot convert value "abc" to type "System.Int32"' in r.stderr


def test_throw_is_script_terminating() -> None:
    r = Shell().run("'a'\nthrow 'stop here'\n'b'")
    assert r.stdout.strip() == "a"
    assert "stop here" in r.stderr
    assert r.exit_code == 1


def test_exit_code() -> None:
    assert Shell().run("exit 7").exit_code == 7


def test_unknown_parameter_message() -> None:
    r = Shell().run("Write-Output -Nope 1")
    assert "A parameter cannot be found that matches parameter name 'Nope'." in r.stderr


def test_crlf_and_bom_scripts_run(tmp_path) -> None:
    p = tmp_path / "s.ps1"
    p.write_bytes(b"\xef\xbb\xbf$x = 1\r\nif ($x -eq 1) {\r\n  'yes'\r\n}\r\n")
    r = Shell().run_file(str(p))
    assert r.stdout == "yes\n"
    assert r.exit_code == 0
