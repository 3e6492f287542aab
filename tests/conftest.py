"""Shared fixtures: an in-process shell, and the path of the shared conformance corpus."""
from __future__ import annotations

import os
import sys

import pytest

from o365shell.language import parser as _parser  # noqa: F401  (sets the recursion limit before any test)

from testpaths import ROOT, SHARED  # noqa: F401,E402


@pytest.fixture
def shell():
    from o365shell.embed import Shell
    return Shell()


@pytest.fixture
def run():
    """Run PowerShell text in a fresh shell; returns the Result (stdout, stderr, exit_code)."""
    from o365shell.embed import Shell

    def _run(text: str):
        return Shell().run(text)
    return _run


def o365shell_cmd() -> list[str]:
    """How to start the real CLI from tests (the interpreter running pytest)."""
    return [sys.executable, "-m", "o365shell"]
