"""Fixtures for the Microsoft.PowerShell.Management / Core session cmdlet tests (imported by each test
module: ``from mgmt_support import sh, ps``).

``sh`` is an in-process shell whose current location (and the process directory) is a fresh
temporary directory and $HOME another one; ``ps(text)`` runs text in that shell and returns the Result.
"""
from __future__ import annotations

import os

import pytest


@pytest.fixture
def sh(tmp_path, tmp_path_factory, monkeypatch):
    from o365shell.embed import Shell
    monkeypatch.chdir(tmp_path)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    shell = Shell()
    assert shell.session.location == str(tmp_path)
    yield shell
    os.chdir(str(tmp_path))


@pytest.fixture
def ps(sh):
    def _run(text: str):
        return sh.run(text)
    return _run


def lines(text: str) -> list[str]:
    """Output lines without trailing spaces and without the blank lines around tables."""
    return [ln.rstrip() for ln in text.split("\n") if ln.strip()]
