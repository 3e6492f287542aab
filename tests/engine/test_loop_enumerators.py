"""$foreach and $switch: the enumerators of a running foreach loop and switch statement."""
from __future__ import annotations

from o365shell.embed import Shell


def run(script: str) -> tuple[list[str], str]:
    r = Shell().run(script)
    return r.stdout.splitlines(), r.stderr


def test_foreach_movenext_consumes_pairs():
    assert run("foreach ($k in 'a', 1, 'b', 2) { $null = $foreach.MoveNext(); \"$k=$($foreach.Current)\" }") == \
        (["a=1", "b=2"], "")


def test_switch_movenext_skips_the_next_value():
    out = run("switch ('-name', 'Adele', 'other') { '-name' { $null = $switch.MoveNext(); \"name is $($switch.Current)\" }"
              " default { \"default $_\" } }")
    assert out == (["name is Adele", "default other"], "")


def test_nested_loops_each_see_their_own_enumerator():
    out = run("foreach ($i in 1..2) { foreach ($j in 'p', 'q') { \"$i$j\" }; $foreach.Current }")
    assert out == (["1p", "1q", "1", "2p", "2q", "2"], "")


def test_foreach_is_gone_after_the_loop_even_under_strict_mode():
    out = run("foreach ($i in 1) { $null = $foreach }; Set-StrictMode -Version Latest\n"
              "try { $foreach } catch { $_.FullyQualifiedErrorId }")
    assert out == (["VariableIsUndefined"], "")
