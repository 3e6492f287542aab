"""The lab clock: real time until a lab sets it, then lab time.

Everything time-dependent in a tenant (TOTP codes, MFA lockout, remembered devices,
audit and sign-in timestamps, WhenCreated of new users...) reads ``tenant.clock.now()``,
so a lab can jump a day ahead without sleeping.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Callable

__all__ = ["LabClock", "as_utc"]


def as_utc(dt: datetime) -> datetime:
    """Return ``dt`` as a UTC-aware datetime (naive datetimes are taken to be UTC)."""
    if dt.tzinfo is None:
        return dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


class LabClock:
    """A clock that follows real UTC time until :meth:`set`, and can be moved.

    * real mode: ``now()`` is the system's UTC time plus an offset (zero at first);
      :meth:`advance` adds to the offset, so time keeps running from the new point.
    * frozen mode (after :meth:`set`): ``now()`` returns the set instant until the
      clock is set or advanced again.

    All returned datetimes are UTC-aware.  ``source`` can be replaced in tests to
    control "real" time.
    """

    __slots__ = ("_frozen_at", "_offset", "source")

    def __init__(self, source: Callable[[], datetime] | None = None) -> None:
        self._frozen_at: datetime | None = None
        self._offset = timedelta(0)
        self.source: Callable[[], datetime] = source or (lambda: datetime.now(timezone.utc))

    def now(self) -> datetime:
        """The current lab time (UTC-aware)."""
        if self._frozen_at is not None:
            return self._frozen_at
        return as_utc(self.source()) + self._offset

    def timestamp(self) -> float:
        """The current lab time as POSIX seconds."""
        return self.now().timestamp()

    @property
    def is_frozen(self) -> bool:
        """True once :meth:`set` has frozen the clock."""
        return self._frozen_at is not None

    @property
    def offset(self) -> timedelta:
        """The offset added to real time in real mode."""
        return self._offset

    def set(self, dt: datetime) -> None:
        """Freeze the clock at ``dt`` (naive = UTC)."""
        self._frozen_at = as_utc(dt)
        self._offset = timedelta(0)

    def advance(self, delta: timedelta) -> datetime:
        """Move the clock by ``delta`` (may be negative); returns the new ``now()``."""
        if not isinstance(delta, timedelta):
            raise TypeError("advance() needs a datetime.timedelta")
        if self._frozen_at is not None:
            self._frozen_at = self._frozen_at + delta
        else:
            self._offset = self._offset + delta
        return self.now()

    def reset_to_real(self) -> None:
        """Go back to following real time with no offset."""
        self._frozen_at = None
        self._offset = timedelta(0)

    def to_state(self) -> dict[str, Any]:
        """A JSON-able description of the clock (used by snapshots)."""
        return {
            "frozen_at": self._frozen_at.isoformat() if self._frozen_at else None,
            "offset_seconds": self._offset.total_seconds(),
        }

    def load_state(self, frozen_at: datetime | None, offset_seconds: float) -> None:
        """Restore a state produced by :meth:`to_state` (already parsed)."""
        self._frozen_at = as_utc(frozen_at) if frozen_at is not None else None
        self._offset = timedelta(seconds=offset_seconds)

    def __repr__(self) -> str:
        mode = f"frozen at {self._frozen_at.isoformat()}" if self._frozen_at else f"real time + {self._offset}"
        return f"<LabClock {mode}>"
