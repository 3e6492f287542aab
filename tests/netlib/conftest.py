"""Shared fixtures for the netlib tests: a fixed clock and a UTC local zone."""
from __future__ import annotations

import datetime as pydt

import pytest

from o365shell.engine.netlib import datetime as ndt

FIXED_NOW = pydt.datetime(2024, 3, 10, 15, 45, 30, tzinfo=pydt.UTC)


@pytest.fixture(autouse=True)
def fixed_clock_and_zone():
    ndt.set_clock(lambda: FIXED_NOW)
    ndt.set_local_timezone(pydt.UTC)
    yield
    ndt.set_clock(None)
    ndt.set_local_timezone(None)
