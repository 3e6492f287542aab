"""The conformance ratchet: every case listed in tests/conformance_passing.txt passed once and
must keep passing. Cases are run through the real command line by ../shared/conformance/run.py.

After making more cases pass, refresh the list with:  python scripts/update_conformance_ratchet.py
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from testpaths import ROOT, SHARED

RUNNER = os.path.join(SHARED, "conformance", "run.py")
LIST = os.path.join(ROOT, "tests", "conformance_passing.txt")


def run_corpus() -> tuple[set[str], set[str]]:
    cmd = f"{sys.executable} -m o365shell -NoProfile -NonInteractive -File {{file}}"
    p = subprocess.run([sys.executable, RUNNER, "-v", "--cmd", cmd], capture_output=True, text=True, cwd=ROOT,
                       timeout=1500)
    passed, failed = set(), set()
    for line in p.stdout.splitlines():
        m = re.match(r"(PASS|FAIL) (\S+?):\d+ (.+)$", line)
        if m:
            (passed if m.group(1) == "PASS" else failed).add(f"{m.group(2)} {m.group(3)}")
    return passed, failed


@pytest.mark.skipif(not os.path.exists(RUNNER), reason="the shared conformance corpus is not beside the project")
def test_no_conformance_case_that_passed_fails_now():
    expected = {line.strip() for line in open(LIST, encoding="utf-8") if line.strip()}
    passed, failed = run_corpus()
    regressed = sorted(expected - passed)
    assert not regressed, "conformance cases that used to pass now fail:\n" + "\n".join(regressed)
