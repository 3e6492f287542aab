"""The lab clock: real time until set, frozen after, movable in both modes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from tenant_testlib import ADMIN

from o365shell.tenant import LabClock, build_tenant
from o365shell.tenant.directory import create_user


class FakeSource:
    """A controllable 'real' time source."""

    def __init__(self) -> None:
        self.now = datetime(2030, 1, 1, 12, 0, tzinfo=timezone.utc)

    def __call__(self) -> datetime:
        return self.now


def test_real_mode_follows_the_source_and_advance_adds_an_offset() -> None:
    source = FakeSource()
    clock = LabClock(source)
    assert not clock.is_frozen and clock.now() == source.now
    clock.advance(timedelta(hours=2))
    assert clock.now() == source.now + timedelta(hours=2)
    source.now += timedelta(minutes=5)  # real time keeps running
    assert clock.now() == datetime(2030, 1, 1, 14, 5, tzinfo=timezone.utc)
    assert not clock.is_frozen


def test_set_freezes_and_advance_moves_the_frozen_time() -> None:
    source = FakeSource()
    clock = LabClock(source)
    clock.set(datetime(2025, 6, 1, 9, 30))  # naive = UTC
    assert clock.is_frozen and clock.now() == datetime(2025, 6, 1, 9, 30, tzinfo=timezone.utc)
    source.now += timedelta(days=1)
    assert clock.now() == datetime(2025, 6, 1, 9, 30, tzinfo=timezone.utc)
    assert clock.advance(timedelta(days=90)) == datetime(2025, 8, 30, 9, 30, tzinfo=timezone.utc)
    clock.set(datetime(2025, 6, 1, 11, 30, tzinfo=timezone(timedelta(hours=2))))
    assert clock.now() == datetime(2025, 6, 1, 9, 30, tzinfo=timezone.utc)
    clock.reset_to_real()
    assert not clock.is_frozen and clock.now() == source.now and clock.offset == timedelta(0)
    with pytest.raises(TypeError):
        clock.advance(5)  # type: ignore[arg-type]


def test_default_source_is_utc_now() -> None:
    clock = LabClock()
    delta = abs(clock.now() - datetime.now(timezone.utc))
    assert clock.now().tzinfo is not None and delta < timedelta(seconds=5)


def test_state_round_trip() -> None:
    clock = LabClock()
    clock.set(datetime(2025, 1, 2, tzinfo=timezone.utc))
    other = LabClock()
    state = clock.to_state()
    other.load_state(datetime.fromisoformat(state["frozen_at"]), state["offset_seconds"])
    assert other.now() == clock.now() and other.is_frozen


def test_tenant_timestamps_read_the_lab_clock() -> None:
    tenant = build_tenant()
    tenant.clock.set(datetime(2031, 5, 5, 5, 5, tzinfo=timezone.utc))
    user = create_user(tenant, ADMIN, "Clocked@contoso.com", "Clocked", password="Tick!Tock123").user
    assert user.when_created == user.last_password_change == datetime(2031, 5, 5, 5, 5, tzinfo=timezone.utc)
    assert list(tenant.audit)[-1].CreationDate == user.when_created
