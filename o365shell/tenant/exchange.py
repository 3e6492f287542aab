"""Exchange Online operations: OrganizationConfig, CAS mailboxes, authentication policies, and
the admin audit log configuration (unified audit log ingestion on or off).

Reads need :attr:`Action.READ_EXCHANGE_CONFIG` (Exchange Administrator, Global
Administrator, Global Reader); changes need the matching write action (Exchange
Administrator or Global Administrator).  Changes are validated as a whole before being
applied, audited with RecordType ``ExchangeAdmin`` and the cmdlet name as operation.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Iterator, Mapping

from .audit import RECORD_TYPE_EXCHANGE, Op
from .auditconfig import ADMIN_AUDIT_LOG_SETTINGS, AdminAuditLogConfig
from .errors import (
    MailboxNotFound,
    PolicyAlreadyExists,
    PolicyNotFound,
    UnknownProperty,
    UserNotFound,
    ValidationError,
)
from .model import Tenant
from .org import AUTH_POLICY_SWITCHES, CAS_MAILBOX_PROPERTIES, AuthenticationPolicy
from .orgconfig import OrganizationConfig
from .rbac import Action, authorize
from .users import User

__all__ = [
    "CasMailbox",
    "get_organization_config",
    "set_organization_config",
    "find_mailbox",
    "iter_cas_mailboxes",
    "get_cas_mailbox",
    "set_cas_mailbox",
    "get_authentication_policies",
    "new_authentication_policy",
    "set_authentication_policy",
    "remove_authentication_policy",
    "get_admin_audit_log_config",
    "set_admin_audit_log_config",
]


@dataclass(frozen=True, slots=True)
class CasMailbox:
    """Get-CASMailbox output: identity fields plus every CAS setting (``settings``)."""

    user: User
    settings: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        """Properties in display order: Name, identity fields, then the settings."""
        out: dict[str, Any] = {
            "Name": self.user.alias,
            "Identity": self.user.alias,
            "DisplayName": self.user.display_name,
            "PrimarySmtpAddress": self.user.user_principal_name,
            "ExternalDirectoryObjectId": self.user.object_id,
        }
        out.update({k: (list(v) if isinstance(v, tuple) else v) for k, v in self.settings.items()})
        return out


# ---------------------------------------------------------------- organization config
def get_organization_config(tenant: Tenant, actor: str) -> OrganizationConfig:
    """Get-OrganizationConfig: the tenant's OrganizationConfig (read right needed)."""
    authorize(tenant, actor, Action.READ_EXCHANGE_CONFIG)
    return tenant.org_config


def set_organization_config(
    tenant: Tenant, actor: str, changes: Mapping[str, Any], dry_run: bool = False
) -> dict[str, tuple[Any, Any]]:
    """Set-OrganizationConfig: validate every property (unknown/read-only/invalid -> error), then apply.

    Returns {property: (old, new)} of the values that differ.  DefaultAuthenticationPolicy
    must name an existing policy (or be None).
    """
    authorize(tenant, actor, Action.SET_EXCHANGE_CONFIG)
    converted = OrganizationConfig.validate(changes)
    policy = converted.get("DefaultAuthenticationPolicy")
    if policy is not None:
        converted["DefaultAuthenticationPolicy"] = _policy(tenant, policy).name
    diff = {k: (tenant.org_config.get(k), v) for k, v in converted.items() if tenant.org_config.get(k) != v}
    if dry_run:
        return diff
    tenant.org_config.apply(converted, tenant.now())
    if diff:
        tenant.audit.record(
            tenant.now(), actor, Op.SET_ORGANIZATION_CONFIG, tenant.org_config.Name,
            record_type=RECORD_TYPE_EXCHANGE,
            details={"Parameters": [{"Name": k, "Value": _plain(v)} for k, v in converted.items()]},
        )
    return diff


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


# ---------------------------------------------------------------- CAS mailboxes
def find_mailbox(tenant: Tenant, identity: str) -> User:
    """The mailbox user matching an Exchange identity: UPN/SMTP address, alias, display name or ObjectId."""
    text = str(identity).strip()
    user = tenant.find_user(text)
    if user is None:
        try:
            user = tenant.resolve_user(text)
        except UserNotFound:
            user = None
    if user is None:
        lowered = text.lower()
        for candidate in tenant.iter_users():
            if candidate.alias.lower() == lowered or candidate.display_name.lower() == lowered:
                user = candidate
                break
    if user is None or not tenant.has_mailbox(user):
        raise MailboxNotFound(text)
    return user


def iter_cas_mailboxes(tenant: Tenant, actor: str) -> Iterator[CasMailbox]:
    """Get-CASMailbox without -Identity: every mailbox, streamed."""
    authorize(tenant, actor, Action.READ_EXCHANGE_CONFIG)
    for user in tenant.iter_users():
        if tenant.has_mailbox(user):
            yield CasMailbox(user, tenant.cas_settings(user))


def get_cas_mailbox(tenant: Tenant, actor: str, identity: str) -> CasMailbox:
    """Get-CASMailbox -Identity."""
    authorize(tenant, actor, Action.READ_EXCHANGE_CONFIG)
    user = find_mailbox(tenant, identity)
    return CasMailbox(user, tenant.cas_settings(user))


def set_cas_mailbox(
    tenant: Tenant, actor: str, identity: str, changes: Mapping[str, Any], dry_run: bool = False
) -> dict[str, tuple[Any, Any]]:
    """Set-CASMailbox: validate all settings first, then store them; returns {name: (old, new)}."""
    authorize(tenant, actor, Action.SET_CAS_MAILBOX)
    user = find_mailbox(tenant, identity)
    converted = CAS_MAILBOX_PROPERTIES.convert_changes(changes)
    current = tenant.cas_settings(user)
    diff = {k: (current[k], v) for k, v in converted.items() if current[k] != v}
    if dry_run:
        return diff
    if diff:
        overrides = tenant.cas_overrides.setdefault(user.object_id, {})
        defaults = CAS_MAILBOX_PROPERTIES.defaults()
        for name, value in converted.items():
            if value == defaults[name]:
                overrides.pop(name, None)
            else:
                overrides[name] = value
        if not overrides:
            del tenant.cas_overrides[user.object_id]
        tenant.audit.record(
            tenant.now(), actor, Op.SET_CAS_MAILBOX, user.user_principal_name,
            record_type=RECORD_TYPE_EXCHANGE,
            details={"Parameters": [{"Name": "Identity", "Value": user.alias}]
                     + [{"Name": k, "Value": _plain(v)} for k, v in converted.items()]},
        )
    return diff


# ---------------------------------------------------------------- authentication policies
def _policy(tenant: Tenant, identity: str) -> AuthenticationPolicy:
    policy = tenant.auth_policies.get(str(identity).strip().lower())
    if policy is None:
        for candidate in tenant.auth_policies.values():
            if candidate.guid == str(identity).strip().lower():
                return candidate
        raise PolicyNotFound(str(identity))
    return policy


def _switches(changes: Mapping[str, Any]) -> dict[str, bool]:
    by_lower = {name.lower(): name for name in AUTH_POLICY_SWITCHES}
    out: dict[str, bool] = {}
    for raw, value in changes.items():
        name = by_lower.get(str(raw).lower())
        if name is None:
            if str(raw).lower() == "allowlegacyexchangetokens":
                name = "AllowLegacyExchangeTokens"
            else:
                raise UnknownProperty("AuthenticationPolicy", str(raw))
        if not isinstance(value, bool):
            raise ValidationError(f"{name} is a switch: use -{name} or -{name}:$false.", name, value)
        out[name] = value
    return out


def get_authentication_policies(tenant: Tenant, actor: str, identity: str | None = None) -> list[AuthenticationPolicy]:
    """Get-AuthenticationPolicy (all, or the one named by ``identity``)."""
    authorize(tenant, actor, Action.READ_EXCHANGE_CONFIG)
    if identity is not None:
        return [_policy(tenant, identity)]
    return list(tenant.auth_policies.values())


def new_authentication_policy(
    tenant: Tenant, actor: str, name: str, switches: Mapping[str, Any] | None = None, dry_run: bool = False
) -> AuthenticationPolicy:
    """New-AuthenticationPolicy: a named policy; AllowBasicAuth* switches default to False."""
    authorize(tenant, actor, Action.MANAGE_AUTH_POLICY)
    clean = str(name or "").strip()
    if not clean:
        raise ValidationError("The Name parameter can't be empty.", "Name", name)
    if clean.lower() in tenant.auth_policies:
        raise PolicyAlreadyExists(clean)
    values = _switches(switches or {})
    now = tenant.now()
    policy = AuthenticationPolicy(clean, str(uuid.uuid4()), when_created=now, when_changed=now)
    for key, value in values.items():
        if key == "AllowLegacyExchangeTokens":
            policy.allow_legacy_exchange_tokens = value
        else:
            policy.switches[key] = value
    if dry_run:
        return policy
    tenant.auth_policies[clean.lower()] = policy
    tenant.audit.record(
        now, actor, Op.NEW_AUTH_POLICY, clean, record_type=RECORD_TYPE_EXCHANGE,
        details={"Parameters": [{"Name": "Name", "Value": clean}] + [{"Name": k, "Value": v} for k, v in values.items()]},
    )
    return policy


def set_authentication_policy(
    tenant: Tenant, actor: str, identity: str, switches: Mapping[str, Any], dry_run: bool = False
) -> dict[str, tuple[Any, Any]]:
    """Set-AuthenticationPolicy: change switches (``-Switch:$false`` turns one off)."""
    authorize(tenant, actor, Action.MANAGE_AUTH_POLICY)
    policy = _policy(tenant, identity)
    values = _switches(switches)
    diff: dict[str, tuple[Any, Any]] = {}
    for key, value in values.items():
        old = policy.allow_legacy_exchange_tokens if key == "AllowLegacyExchangeTokens" else policy.switches[key]
        if old != value:
            diff[key] = (old, value)
    if dry_run or not diff:
        return diff
    for key, (_old, value) in diff.items():
        if key == "AllowLegacyExchangeTokens":
            policy.allow_legacy_exchange_tokens = value
        else:
            policy.switches[key] = value
    policy.when_changed = tenant.now()
    tenant.audit.record(
        tenant.now(), actor, Op.SET_AUTH_POLICY, policy.name, record_type=RECORD_TYPE_EXCHANGE,
        details={"Parameters": [{"Name": "Identity", "Value": policy.name}]
                 + [{"Name": k, "Value": v} for k, v in values.items()]},
    )
    return diff


def remove_authentication_policy(tenant: Tenant, actor: str, identity: str, dry_run: bool = False) -> None:
    """Remove-AuthenticationPolicy; refused while it is the organization's default policy."""
    authorize(tenant, actor, Action.MANAGE_AUTH_POLICY)
    policy = _policy(tenant, identity)
    default = tenant.org_config.get("DefaultAuthenticationPolicy")
    if default is not None and default.lower() == policy.name.lower():
        raise ValidationError(
            f"The policy '{policy.name}' is the organization's DefaultAuthenticationPolicy; clear it first.",
            "Identity", identity,
        )
    if dry_run:
        return
    del tenant.auth_policies[policy.name.lower()]
    tenant.audit.record(
        tenant.now(), actor, Op.REMOVE_AUTH_POLICY, policy.name, record_type=RECORD_TYPE_EXCHANGE,
        details={"Parameters": [{"Name": "Identity", "Value": policy.name}]},
    )


# ---------------------------------------------------------------- admin audit log configuration
def get_admin_audit_log_config(tenant: Tenant, actor: str) -> AdminAuditLogConfig:
    """Get-AdminAuditLogConfig: the tenant's audit configuration (read right needed)."""
    authorize(tenant, actor, Action.READ_EXCHANGE_CONFIG)
    return tenant.audit_config


def set_admin_audit_log_config(tenant: Tenant, actor: str, unified_audit_log_ingestion_enabled: bool,
                               dry_run: bool = False) -> tuple[bool, bool] | None:
    """Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled: authorize, then switch and audit.

    Returns (old, new) when the value changes, None when it is already set.  A change of the
    auditing status is itself audited either way: turning it off is recorded just before
    recording stops, turning it on just after it starts again.
    """
    authorize(tenant, actor, Action.SET_AUDIT_CONFIG)
    config = tenant.audit_config
    old, new = config.unified_audit_log_ingestion_enabled, bool(unified_audit_log_ingestion_enabled)
    if old == new:
        return None
    if dry_run:
        return old, new

    def audit() -> None:
        tenant.audit.record(
            tenant.now(), actor, Op.SET_ADMIN_AUDIT_LOG_CONFIG, ADMIN_AUDIT_LOG_SETTINGS,
            record_type=RECORD_TYPE_EXCHANGE, modified={"UnifiedAuditLogIngestionEnabled": (old, new)},
            details={"Parameters": [{"Name": "UnifiedAuditLogIngestionEnabled", "Value": str(new)}]},
        )

    if not new:
        audit()
    config.switch(new, tenant.now())
    if new:
        audit()
    return old, new
