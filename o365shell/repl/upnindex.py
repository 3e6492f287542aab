"""A sorted index of the tenant's user principal names, for Tab completion in O(log n).

Built once from ``tenant.iter_users()`` and rebuilt only when the tenant changes (another
tenant object, a different user count, or a new audit record: every change is audited).
A prefix is found with two bisections; wildcard patterns scan the lower-cased list.
"""
from __future__ import annotations

import bisect
import re
import threading
from typing import Any

__all__ = ["UpnIndex"]


def _tenant_key(tenant: Any) -> tuple[int, int, int]:
    try:
        n_users = len(tenant)
    except TypeError:
        n_users = -1
    audit = getattr(tenant, "audit", None)
    try:
        n_audit = len(audit) if audit is not None else 0
    except TypeError:
        n_audit = 0
    return (id(tenant), n_users, n_audit)


def _upn_of(user: Any) -> str | None:
    upn = getattr(user, "user_principal_name", None)
    if upn is None:
        upn = getattr(user, "UserPrincipalName", None)
    return upn if isinstance(upn, str) else None


class UpnIndex:
    """User principal names sorted case-insensitively, with their original spelling."""

    def __init__(self) -> None:
        self._key: tuple[int, int, int] | None = None
        self._lower: list[str] = []
        self._upns: list[str] = []
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._upns)

    def refresh(self, tenant: Any) -> None:
        """Rebuild when the tenant changed since the last build."""
        key = _tenant_key(tenant)
        if key == self._key:
            return
        with self._lock:
            if key == self._key:
                return
            pairs = sorted((u.lower(), u) for u in (_upn_of(x) for x in tenant.iter_users()) if u)
            self._lower = [p[0] for p in pairs]
            self._upns = [p[1] for p in pairs]
            self._key = key

    def count(self, prefix: str) -> int:
        """How many UPNs start with ``prefix`` (any case)."""
        p = prefix.lower()
        lo = bisect.bisect_left(self._lower, p)
        hi = bisect.bisect_left(self._lower, p + "\U0010ffff")
        return hi - lo

    def matches(self, pattern: str, limit: int = 1000) -> tuple[list[str], int]:
        """UPNs starting with ``pattern`` (or matching it, when it has ``*``/``?``), at most ``limit``,
        and the total number of matches."""
        if "*" in pattern or "?" in pattern:
            rx = re.compile("".join(".*" if c == "*" else "." if c == "?" else re.escape(c)
                                    for c in pattern.lower()) + (".*" if not pattern.endswith("*") else "") + r"\Z",
                            re.DOTALL)
            hits = [i for i, low in enumerate(self._lower) if rx.match(low)]
            return [self._upns[i] for i in hits[:limit]], len(hits)
        p = pattern.lower()
        lo = bisect.bisect_left(self._lower, p)
        hi = bisect.bisect_left(self._lower, p + "\U0010ffff")
        return self._upns[lo:min(hi, lo + limit)], hi - lo
