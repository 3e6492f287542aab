"""Internal: the replaceable clock and local time zone behind DateTime."""
from __future__ import annotations

import datetime as _pydt
from collections.abc import Callable

from .dtformat import TICKS_PER_DAY, TICKS_PER_SECOND


def _real_clock() -> _pydt.datetime:
    return _pydt.datetime.now(_pydt.UTC)


_clock: Callable[[], _pydt.datetime] = _real_clock
_local_tz: _pydt.tzinfo | None = None


def set_clock(fn: Callable[[], _pydt.datetime] | None) -> None:
    """Replace the clock behind Now/UtcNow/Today; ``fn`` returns an aware UTC datetime.

    ``None`` restores the real clock.
    """
    global _clock
    _clock = fn if fn is not None else _real_clock


def set_local_timezone(tz: _pydt.tzinfo | None) -> None:
    """Use ``tz`` (e.g. ``zoneinfo.ZoneInfo("America/New_York")``) as the local zone.

    ``None`` restores the system's zone.
    """
    global _local_tz
    _local_tz = tz


def _utc_now() -> _pydt.datetime:
    now = _clock()
    if now.tzinfo is not None:
        now = now.astimezone(_pydt.UTC).replace(tzinfo=None)
    return now


def _utc_to_local(naive_utc: _pydt.datetime) -> _pydt.datetime:
    try:
        aware = naive_utc.replace(tzinfo=_pydt.UTC)
        if _local_tz is not None:
            return aware.astimezone(_local_tz).replace(tzinfo=None)
        return aware.astimezone().replace(tzinfo=None)
    except (OverflowError, OSError, ValueError):
        return naive_utc + _current_offset()


def _local_offset(naive_local: _pydt.datetime) -> _pydt.timedelta:
    """UTC offset of the local zone at a local wall-clock time."""
    try:
        if _local_tz is not None:
            off = naive_local.replace(tzinfo=_local_tz).utcoffset()
        else:
            off = naive_local.astimezone().utcoffset()
        return off if off is not None else _pydt.timedelta(0)
    except (OverflowError, OSError, ValueError):
        return _current_offset()


def _current_offset() -> _pydt.timedelta:
    now = _utc_now()
    try:
        aware = now.replace(tzinfo=_pydt.UTC)
        local = aware.astimezone(_local_tz) if _local_tz is not None else aware.astimezone()
        return local.utcoffset() or _pydt.timedelta(0)
    except (OverflowError, OSError, ValueError):
        return _pydt.timedelta(0)


def _ticks_of(dt: _pydt.datetime) -> int:
    return ((dt.toordinal() - 1) * TICKS_PER_DAY
            + ((dt.hour * 60 + dt.minute) * 60 + dt.second) * TICKS_PER_SECOND
            + dt.microsecond * 10)


def _offset_ticks(delta: _pydt.timedelta) -> int:
    return ((delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds) * 10


def _local_dst(naive_local: _pydt.datetime) -> bool:
    """Whether daylight saving time is in effect at a local wall-clock time."""
    try:
        if _local_tz is not None:
            dst = naive_local.replace(tzinfo=_local_tz).dst()
        else:
            dst = naive_local.astimezone().dst()
        return bool(dst)
    except (OverflowError, OSError, ValueError):
        return False
