"""Skype for Business Online / Teams operations: the tenant's OAuth configuration (Get-/Set-CsOAuthConfiguration).

A tenant has exactly one collection of OAuth settings, whose Identity is ``Global``.
The only setting that applies online is ``ClientAdalAuthOverride``: modern authentication
(ADAL) for the Skype for Business clients -- ``Allowed`` turns it on, ``Disallowed`` turns
it off, ``NoOverride`` follows the service-wide OAuth configuration (the value of a tenant
nobody has changed; modern authentication is on for tenants created since August 2017).
Exchange Online's counterpart is OrganizationConfig.OAuth2ClientProfileEnabled; admins are
advised to keep the two in step.

Reads need :attr:`Action.READ_TEAMS_CONFIG` (Global Administrator, Global Reader); the
change needs :attr:`Action.SET_TEAMS_CONFIG` (Global Administrator). A change is audited
with RecordType ``SkypeForBusinessCmdlets`` and the cmdlet name as operation.
"""

from __future__ import annotations

from typing import Any

from .audit import RECORD_TYPE_SKYPE, Op
from .csoauth import GLOBAL_IDENTITY, CsOAuthConfiguration, canonical_override
from .model import Tenant
from .rbac import Action, authorize

__all__ = ["get_cs_oauth_configuration", "set_cs_oauth_configuration"]


def get_cs_oauth_configuration(tenant: Tenant, actor: str) -> CsOAuthConfiguration:
    """Get-CsOAuthConfiguration: the tenant's settings (read right needed)."""
    authorize(tenant, actor, Action.READ_TEAMS_CONFIG)
    return tenant.cs_oauth


def set_cs_oauth_configuration(tenant: Tenant, actor: str, client_adal_auth_override: Any,
                               dry_run: bool = False) -> tuple[str, str] | None:
    """Set-CsOAuthConfiguration -ClientAdalAuthOverride: authorize, validate, then store and audit.

    Returns (old, new) when the value changes, None when it is already set (nothing is audited then).
    """
    authorize(tenant, actor, Action.SET_TEAMS_CONFIG)
    new = canonical_override(client_adal_auth_override)
    config = tenant.cs_oauth
    old = config.client_adal_auth_override
    if old == new:
        return None
    if not dry_run:
        config.client_adal_auth_override = new
        config.when_changed = tenant.now()
        tenant.audit.record(
            tenant.now(), actor, Op.SET_CS_OAUTH_CONFIGURATION, GLOBAL_IDENTITY, record_type=RECORD_TYPE_SKYPE,
            modified={"ClientAdalAuthOverride": (old, new)},
            details={"Parameters": [{"Name": "ClientAdalAuthOverride", "Value": new}]},
        )
    return old, new
