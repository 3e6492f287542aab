"""Begin blocks and pipeline input: a downstream command begins before its first input, even when
that input is written by an upstream begin block (pwsh starts the command on demand)."""
from __future__ import annotations

from o365shell.embed import Shell


def run(script: str) -> tuple[str, str]:
    r = Shell().run(script)
    return r.stdout, r.stderr


def test_output_from_an_upstream_begin_block_reaches_a_begun_command():
    assert run("& { begin { 'x' } } | ForEach-Object -Begin { 'b' } -Process { \"p $_\" }") == ("b\np x\n", "")


def test_begin_blocks_still_run_first_to_last():
    out, err = run("& { begin { Write-Host A } } | & { begin { Write-Host B } process { } }")
    assert (out, err) == ("A\nB\n", "")


def test_cmdlets_that_write_in_begin_feed_cmdlets_downstream():
    out, err = run("1 | ConvertTo-Html -Fragment | Select-String table | ForEach-Object Line")
    assert (out, err) == ("<table>\n</table>\n", "")


def test_redirected_and_merged_streams_follow_the_rewired_pipeline():
    out, err = run("1, 2 | & { begin { 'b0' } process { $_ } } 2>&1 | ForEach-Object { \"[$_]\" }")
    assert (out, err) == ("[b0]\n[1]\n[2]\n", "")
