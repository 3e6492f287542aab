"""Every lab in scripts/labs passes when run as a test through the real command line:
``o365shell -Lab FILE -NonInteractive`` runs each step's documented commands, checks each step
(and that no check passes before its step), prints the table and exits 0."""
from __future__ import annotations

import os
import re

import pytest

from labfw_support import o365, shipped_labs

LABS = shipped_labs()


def test_labs_are_shipped() -> None:
    assert len(LABS) >= 9


@pytest.mark.parametrize("lab", LABS, ids=[os.path.basename(p) for p in LABS])
def test_lab_passes_noninteractively(lab: str) -> None:
    p = o365("-Lab", lab, "-NonInteractive")
    assert "Traceback" not in p.stderr + p.stdout
    m = re.search(r"(\d+) of (\d+) steps passed\.", p.stdout)
    assert m, p.stdout + p.stderr
    assert m.group(1) == m.group(2), p.stdout
    assert p.returncode == 0, p.stdout + p.stderr


@pytest.mark.parametrize("lab", LABS, ids=[os.path.basename(p) for p in LABS])
def test_every_step_names_what_it_covers(lab: str) -> None:
    from o365shell.lab.loader import load_lab
    parsed = load_lab(lab)
    assert parsed.sources, "a shipped lab says which documentation it follows"
    for step in parsed.steps:
        assert step.covers, f"step {step.number} of {lab} has no 'covers'"
        assert step.hints, f"step {step.number} of {lab} has no hint"


def test_the_documented_procedures_are_all_covered() -> None:
    """Each procedure of the MFA set-up documentation has a lab step covering it."""
    from o365shell.lab.loader import load_lab
    covered = " ".join(c.lower() for lab in LABS for s in load_lab(lab).steps for c in s.covers)
    for words in ("only global admins", "view 'any'", "view 'enabled'", "view 'enforced'",
                  "allow users to create app passwords", "restore multi-factor authentication on all remembered",
                  "delete all existing app passwords", "provide contact methods again",
                  "not used to create new users", "column headings", "adal", "oauth2clientprofileenabled",
                  "next time they sign in", "21vianet", "update-mgbetauserauthenticationrequirement"):
        assert words in covered, words
