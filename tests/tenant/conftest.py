"""Fixtures for the tenant model tests: a fresh Contoso tenant on a frozen lab clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from tenant_testlib import T0

from o365shell.tenant import Tenant, build_tenant


@pytest.fixture(autouse=True)
def key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test uses its own snapshot key file (never the user's data dir)."""
    path = tmp_path / "keys" / "snapshot.key"
    monkeypatch.setenv("O365SHELL_KEY_FILE", str(path))
    return path


@pytest.fixture
def tenant() -> Tenant:
    """The built-in Contoso tenant with its clock frozen at T0."""
    t = build_tenant()
    t.clock.set(T0)
    return t
