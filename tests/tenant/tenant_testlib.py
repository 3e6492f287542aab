"""Constants and helpers shared by the tenant tests (imported by name; no package needed)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from o365shell.tenant import Tenant
from o365shell.tenant.otp import totp_code

#: A lab time at the start of a 30-second TOTP step.
T0 = datetime(2025, 3, 3, 10, 0, 0, tzinfo=timezone.utc)
ADMIN = "admin@contoso.onmicrosoft.com"
PASSWORD = "Pass@word1"
ALEX = "AlexW@contoso.com"
ALEX_SECRET = "JBSWY3DPEHPK3PXP"
ADELE = "AdeleV@contoso.com"
MEGAN = "MeganB@contoso.com"
LEE = "LeeG@contoso.com"
PATTI = "PattiF@contoso.com"
PATTI_PHONE = "+1 4255550101"
DIEGO = "DiegoS@contoso.com"
ISAIAH = "IsaiahL@contoso.com"
JONI = "JoniS@contoso.com"


def code_at(tenant: Tenant, secret: str, steps: int = 0) -> str:
    """The TOTP code of ``secret`` ``steps`` 30-second steps away from the lab clock's now."""
    return totp_code(secret, tenant.now() + timedelta(seconds=30 * steps))


def step(tenant: Tenant, seconds: int = 30) -> None:
    """Move the lab clock forward (default: one TOTP step)."""
    tenant.clock.advance(timedelta(seconds=seconds))
