"""Fixtures for the Microsoft.PowerShell.Utility / Security cmdlet tests (``from util_support import
sh, ps, lines``): an in-process shell whose current location is a fresh temporary directory, with
the per-user key files kept inside it."""
from __future__ import annotations

import os

import pytest


@pytest.fixture
def sh(tmp_path, monkeypatch):
    from o365shell.embed import Shell
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("O365SHELL_KEY_FILE", str(tmp_path / "keys" / "snapshot.key"))
    shell = Shell()
    yield shell
    os.chdir(str(tmp_path))


@pytest.fixture
def ps(sh):
    """Run PowerShell text in the shell; returns the Result (stdout, stderr, exit_code)."""
    def _run(text: str):
        return sh.run(text)
    return _run


def lines(text: str) -> list[str]:
    """Output lines without trailing spaces and without blank lines."""
    return [ln.rstrip() for ln in text.split("\n") if ln.strip()]


def out(r) -> list[str]:
    """The stdout lines of a result, asserting nothing went to stderr."""
    assert r.stderr == "", r.stderr
    return lines(r.stdout)


def err(r) -> str:
    """stderr with the ConciseView decoration and line wrapping removed (message text joined by spaces)."""
    parts = []
    for ln in r.stderr.splitlines():
        s = ln.strip()
        if s.startswith("|"):
            s = s[1:].strip()
        elif s.startswith("Line |"):
            continue
        if s and not s.startswith("~") and not (s[:1].isdigit() and "|" in s[:6]):
            parts.append(s)
    return " ".join(parts)
