"""The Skype for Business Online OAuth settings object (the data behind Get-/Set-CsOAuthConfiguration).

Kept apart from the operations (``skype``) so the Tenant model can hold one without
importing the authorization rules.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .errors import ValidationError
from .users import EPOCH

__all__ = ["CLIENT_ADAL_AUTH_OVERRIDE", "GLOBAL_IDENTITY", "CsOAuthConfiguration", "canonical_override"]

#: The ClientAdalAuthOverride enumeration, in its declared order.
CLIENT_ADAL_AUTH_OVERRIDE: tuple[str, ...] = ("NoOverride", "Allowed", "Disallowed")
#: The Identity of the tenant's single collection of OAuth settings.
GLOBAL_IDENTITY = "Global"


def canonical_override(value: Any) -> str:
    """``value`` as one of :data:`CLIENT_ADAL_AUTH_OVERRIDE` (any casing); ValidationError otherwise."""
    text = str(value).strip()
    for name in CLIENT_ADAL_AUTH_OVERRIDE:
        if name.lower() == text.lower():
            return name
    raise ValidationError(
        f"'{text}' is not a valid ClientAdalAuthOverride value; use {', '.join(CLIENT_ADAL_AUTH_OVERRIDE)}.",
        "ClientAdalAuthOverride", value,
    )


class CsOAuthConfiguration:
    """The tenant's Skype for Business Online OAuth settings (one collection, Identity ``Global``)."""

    __slots__ = ("client_adal_auth_override", "when_changed")

    def __init__(self, client_adal_auth_override: str = "NoOverride", when_changed: datetime = EPOCH) -> None:
        self.client_adal_auth_override = canonical_override(client_adal_auth_override)
        self.when_changed = when_changed

    @property
    def modern_auth_enabled(self) -> bool:
        """True unless the tenant overrides modern authentication off (NoOverride follows the on default)."""
        return self.client_adal_auth_override != "Disallowed"

    def to_state(self) -> dict[str, Any]:
        """Snapshot form."""
        return {"client_adal_auth_override": self.client_adal_auth_override,
                "when_changed": self.when_changed.isoformat()}

    def __repr__(self) -> str:
        return f"<CsOAuthConfiguration ClientAdalAuthOverride={self.client_adal_auth_override}>"
