"""Helpers for the lab framework tests: run the real CLI, write lab files."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
LABS_DIR = os.path.join(ROOT, "scripts", "labs")
EXAMPLES_DIR = os.path.join(ROOT, "scripts", "examples")


def o365(*args: str, stdin: str | None = None, cwd: str | None = None, timeout: int = 300,
         env: dict | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m o365shell ARGS`` as a user would; text output, never raises on exit codes."""
    full_env = dict(os.environ, NO_COLOR="1")
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "o365shell", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, timeout=timeout, env=full_env)


def write_lab(tmp_path, text: str, name: str = "t.lab.yml") -> str:
    """Write a lab file (dedented) and return its path."""
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    return str(path)


def shipped_labs() -> list[str]:
    return sorted(os.path.join(LABS_DIR, f) for f in os.listdir(LABS_DIR) if f.endswith(".lab.yml"))
