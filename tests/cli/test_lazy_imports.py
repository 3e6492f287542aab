"""The -Command path stays light: no prompt_toolkit (no prompt opens) and no tabulate unless a
table is printed, as the design asks ("import lazily")."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from testpaths import ROOT

PROBE = ("import sys, json, io, contextlib\n"
         "from o365shell.cli import main\n"
         "with contextlib.redirect_stdout(io.StringIO()):\n"
         "    code = main(['-NoProfile', '-NonInteractive', '-Command', sys.argv[1]])\n"
         "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & {'prompt_toolkit', 'tabulate'})))\n")


def loaded(command: str) -> list[str]:
    r = subprocess.run([sys.executable, "-c", PROBE, command], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("command", ["$null", "1..3 | ForEach-Object { $_ * 2 } | Measure-Object -Sum | "
                                              "ForEach-Object Sum", "'text'; Write-Host 'host'"])
def test_commands_without_tables_import_neither(command):
    assert loaded(command) == []


def test_a_table_brings_tabulate_but_no_prompt():
    assert loaded("[pscustomobject]@{ A = 1; B = 2 }") == ["tabulate"]
