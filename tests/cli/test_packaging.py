"""What `pip install .` ships: every package of the source tree, and a current cmdlet index
(a stale index would make an installed shell miss cmdlets added since it was generated)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib

from testpaths import ROOT


def _declared() -> tuple[list[str], dict[str, str]]:
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as f:
        conf = tomllib.load(f)["tool"]["setuptools"]
    return conf["packages"], conf["package-dir"]


def test_every_source_package_is_declared_in_pyproject() -> None:
    packages, dirs = _declared()
    found = []
    for pkg, rel in dirs.items():
        base = os.path.join(ROOT, rel)
        for here, subdirs, files in os.walk(base):
            subdirs[:] = [d for d in subdirs if d != "__pycache__"]
            if "__init__.py" in files:
                sub = os.path.relpath(here, base)
                found.append(pkg if sub == "." else pkg + "." + sub.replace(os.sep, "."))
    assert sorted(set(found) - set(packages)) == []


def test_committed_cmdlet_index_matches_the_cmdlet_modules() -> None:
    # a fresh interpreter: tests that ran before may have registered extra types in this one
    code = ("import json; from o365shell import cmdlets; from o365shell.cmdlets import _index as i; "
            "cur = cmdlets.build_index(); "
            "print(json.dumps([k for k in ('INDEX', 'ALIASES', 'TYPES', 'FUNCTIONS', 'FILES') if getattr(i, k) != cur[k]]))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == [], "cmdlets/_index.py is stale; regenerate it with `python -m o365shell.cmdlets`"
