"""Differential test against tree-sitter-powershell: every script it parses cleanly must parse with
our grammar too. (Its grammar rejects some valid PowerShell — comma lists of bare words, parameter
names with digits, strings glued to variables — so the other direction is covered by our own
tests of pwsh's rules, not by it.)"""
from __future__ import annotations

import glob
import os

import pytest
from hypothesis import HealthCheck, given, settings

from testpaths import ROOT, SHARED
from o365shell.language.errors import PSParseError
from o365shell.language.parser import parse

from psgen import scripts

ts = pytest.importorskip("tree_sitter")
tsp = pytest.importorskip("tree_sitter_powershell")
PARSER = ts.Parser(ts.Language(tsp.language()))


def tree_sitter_ok(text: str) -> bool:
    return not PARSER.parse(text.encode("utf-8")).root_node.has_error


def corpus_scripts() -> list[tuple[str, str]]:
    """Conformance case scripts (except those pwsh itself rejects: tree-sitter is more lenient there)
    and the project's own .ps1 files."""
    out = []
    for path in sorted(glob.glob(os.path.join(SHARED, "conformance", "cases", "*.txt"))):
        cases: list[dict] = []
        section = None
        for line in open(path, encoding="utf-8"):
            line = line.rstrip("\n")
            if line.startswith("=== "):
                cases.append({"name": os.path.basename(path) + ": " + line[4:], "script": [], "out": None})
                section = "script"
            elif line.startswith("--- ") and cases:
                section = line[4:].strip()
                cases[-1][section] = []
            elif cases and section:
                cases[-1][section].append(line)
        for c in cases:
            pwsh_rejects = c["out"] == [] and c.get("err") is not None
            if not pwsh_rejects:
                out.append((c["name"], "\n".join(c["script"])))
    for path in sorted(glob.glob(os.path.join(ROOT, "scripts", "**", "*.ps1"), recursive=True)):
        out.append((os.path.relpath(path, ROOT), open(path, encoding="utf-8-sig").read()))
    return out


CORPUS = corpus_scripts()


@pytest.mark.parametrize("name,text", CORPUS, ids=[c[0] for c in CORPUS])
def test_corpus_script_accepted_by_tree_sitter_parses(name: str, text: str) -> None:
    if not tree_sitter_ok(text):
        pytest.skip("tree-sitter rejects it")
    parse(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scripts())
def test_generated_script_accepted_by_tree_sitter_parses(text: str) -> None:
    if not tree_sitter_ok(text):
        return
    try:
        parse(text)
    except PSParseError as e:
        raise AssertionError(f"tree-sitter accepts but we reject ({e.message} at {e.offset}):\n{text}") from None
