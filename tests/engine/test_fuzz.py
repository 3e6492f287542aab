"""Fuzzing the parser and the engine: random and mutated scripts either print output or report
PowerShell-style errors — never a Python traceback, a hang or a crash. (A longer run:
python scripts/fuzz_long.py.)"""
from __future__ import annotations

import glob
import os
import random
import signal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from testpaths import SHARED
from o365shell.engine import runtime
from o365shell.language.errors import PSParseError
from o365shell.language.parser import parse

from psgen import scripts

SEEDS = []
for path in sorted(glob.glob(os.path.join(SHARED, "conformance", "cases", "*.txt"))):
    SEEDS += [chunk.split("\n--- ")[0] for chunk in open(path, encoding="utf-8").read().split("\n=== ")[1:]]
SEEDS = [s.split("\n", 1)[1] if "\n" in s else "" for s in SEEDS]

UNSAFE = ("while", "for", "do", "Remove-", "Move-", "Set-Content", "Add-Content", "Out-File", "Export-Csv",
          "Clear-", "Copy-", "New-Item", "Rename-", ">", "Set-Location", "Start-Sleep", "Read-Host",
          "Get-Credential", "exit")


class Hang(Exception):
    pass


def _alarm(signum, frame):  # noqa: ANN001
    raise Hang()


@pytest.fixture(autouse=True)
def strict_engine(monkeypatch, tmp_path):
    monkeypatch.setattr(runtime, "STRICT", True)
    monkeypatch.chdir(tmp_path)
    old = signal.signal(signal.SIGALRM, _alarm)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def run_guarded(text: str) -> None:
    """Parse (and, when safe, run) the text; a Python exception or a hang fails the test."""
    from o365shell.embed import Shell
    signal.alarm(20)
    try:
        try:
            parse(text)
        except PSParseError:
            pass
        if not any(u in text for u in UNSAFE):
            Shell().run(text)
    except Hang:
        raise AssertionError(f"no answer within 20 s for:\n{text}") from None
    finally:
        signal.alarm(0)


def mutate(text: str, rnd: random.Random) -> str:
    chars = list(text)
    for _ in range(rnd.randint(1, 4)):
        op = rnd.random()
        pos = rnd.randint(0, len(chars))
        if op < 0.4 and chars:
            del chars[min(pos, len(chars) - 1)]
        elif op < 0.8:
            chars.insert(pos, rnd.choice("(){}[]$@'\"`|;,.-=+#<>\n 0a"))
        elif chars:
            i, j = rnd.randrange(len(chars)), rnd.randrange(len(chars))
            chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 120)), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(scripts())
def test_generated_scripts_never_crash(text: str) -> None:
    run_guarded(text)


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.integers(0, 10 ** 9))
def test_mutated_corpus_scripts_never_crash(seed: int) -> None:
    rnd = random.Random(seed)
    base = rnd.choice(SEEDS) if SEEDS else "1 + 1"
    run_guarded(mutate(base, rnd))


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="(){}[]$@'\"`|;,.-=+#<>\n\t abc123xyz:?!%*/&", max_size=60))
def test_random_text_never_crashes(text: str) -> None:
    run_guarded(text)
