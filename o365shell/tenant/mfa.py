"""Admin side of per-user MFA: state changes, methods, user settings, service settings.

State machine (SPEC §6): Disabled -> Enabled (admin) -> Enforced (automatically when
the user completes registration or MFA at a modern sign-in; see ``provisioning`` and
``signin``); an admin may set any state.  Disabling keeps registered methods.

Authorization (``rbac``): state, methods, service settings, app-password deletion:
Global Administrator only; "require contact methods again" and "restore MFA on
remembered devices": Global Administrator, or Authentication Administrator for non-admin
users.  Each function validates everything first; ``dry_run`` stops before changing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable, Iterator, Mapping

from .audit import Op
from .clock import as_utc
from .constants import MethodType, MfaState, VerificationOption
from .errors import ValidationError
from .model import Tenant
from .org import REMEMBER_DAYS_RANGE, MfaServiceSettings, normalize_trusted_ips
from .rbac import Action, authorize
from .users import StrongAuthMethod, StrongAuthUserDetails, User

__all__ = [
    "MfaUserRow",
    "MfaStateChange",
    "UserSettingsResult",
    "get_mfa_users",
    "set_mfa_state",
    "set_strong_authentication_methods",
    "require_reregistration",
    "reset_strong_authentication_methods",
    "delete_app_passwords",
    "restore_remembered_devices",
    "manage_user_settings",
    "get_mfa_service_settings",
    "mfa_service_settings_view",
    "set_mfa_service_settings",
]


@dataclass(frozen=True, slots=True)
class MfaUserRow:
    """Get-MfaUser output (the legacy MFA users page's columns)."""

    DisplayName: str
    UserPrincipalName: str
    MultiFactorAuthStatus: str


@dataclass(frozen=True, slots=True)
class MfaStateChange:
    """Result of :func:`set_mfa_state`."""

    UserPrincipalName: str
    PreviousState: str
    State: str


@dataclass(frozen=True, slots=True)
class UserSettingsResult:
    """Result of :func:`manage_user_settings` for one user: what was done."""

    UserPrincipalName: str
    MethodsCleared: bool
    AppPasswordsDeleted: int
    RememberedDevicesRestored: bool


def get_mfa_users(tenant: Tenant, actor: str, state: str = "Any") -> Iterator[MfaUserRow]:
    """Get-MfaUser: stream users with their per-user MFA status, optionally one state only."""
    authorize(tenant, actor, Action.READ_DIRECTORY)
    wanted = None if str(state).strip().lower() == "any" else MfaState.parse(state, "State")
    for user in tenant.iter_users():
        if wanted is None or user.mfa_state == wanted:
            yield MfaUserRow(user.display_name, user.user_principal_name, str(user.mfa_state))


def set_mfa_state(
    tenant: Tenant,
    actor: str,
    identity: str,
    state: str,
    *,
    remember_devices_not_issued_before: datetime | None = None,
    graph: bool = False,
    dry_run: bool = False,
) -> MfaStateChange:
    """Set per-user MFA to Disabled/Enabled/Enforced (Set-MsolUser -StrongAuthenticationRequirements,
    Enable-/Disable-MfaUser, Update-MgBetaUserAuthenticationRequirement).

    With ``graph=True`` (Graph semantics) asking for Enabled on a user who already has
    registered methods yields Enforced.  ``remember_devices_not_issued_before`` comes
    from the requirement object when the caller has one.
    """
    user = tenant.resolve_user(identity)
    new = MfaState.parse(state, "State")
    authorize(tenant, actor, Action.SET_MFA_STATE, user)
    if graph and new == MfaState.ENABLED and user.methods:
        new = MfaState.ENFORCED
    previous = user.mfa_state
    change = MfaStateChange(user.user_principal_name, str(previous), str(new))
    if dry_run:
        return change
    user.mfa_state = new
    if remember_devices_not_issued_before is not None:
        user.remember_devices_not_issued_before = as_utc(remember_devices_not_issued_before)
    if previous != new:
        op = Op.DISABLE_MFA if new == MfaState.DISABLED else Op.ENABLE_MFA
        tenant.audit.record(
            tenant.now(), actor, op, user.user_principal_name,
            modified={"StrongAuthenticationRequirement": (str(previous), str(new))},
            details={"TargetObjectId": user.object_id},
        )
    return change


def _parse_methods(methods: Iterable[Any]) -> tuple[StrongAuthMethod, ...]:
    out: list[StrongAuthMethod] = []
    for item in methods:
        if isinstance(item, StrongAuthMethod):
            out.append(item)
            continue
        if isinstance(item, Mapping):
            lowered = {str(k).lower(): v for k, v in item.items()}
            method_type, is_default = lowered.get("methodtype"), lowered.get("isdefault", False)
        else:
            method_type, is_default = item
        out.append(StrongAuthMethod(MethodType.parse(method_type, "MethodType"), bool(is_default)))
    types = [m.method_type for m in out]
    if len(set(types)) != len(types):
        raise ValidationError("Each MethodType may appear only once.", "StrongAuthenticationMethods")
    if out and sum(m.is_default for m in out) != 1:
        raise ValidationError("Exactly one strong authentication method must have IsDefault set to $true.",
                              "StrongAuthenticationMethods")
    return tuple(out)


def set_strong_authentication_methods(
    tenant: Tenant, actor: str, identity: str, methods: Iterable[Any], dry_run: bool = False
) -> tuple[StrongAuthMethod, ...]:
    """Set-MsolUser -StrongAuthenticationMethods: reorder/choose the default or drop methods.

    ``methods`` items are StrongAuthMethod, (MethodType, IsDefault) pairs or mappings with
    MethodType/IsDefault.  Only already registered types may be listed; an empty list
    clears every method (same as :func:`require_reregistration`, and authorized as such).
    """
    user = tenant.resolve_user(identity)
    parsed = _parse_methods(methods)
    if not parsed:
        require_reregistration(tenant, actor, user.user_principal_name, dry_run=dry_run)
        return ()
    authorize(tenant, actor, Action.SET_MFA_METHODS, user)
    registered = set(user.method_types())
    unknown = [str(m.method_type) for m in parsed if m.method_type not in registered]
    if unknown:
        raise ValidationError(
            f"{', '.join(unknown)} is not registered for {user.user_principal_name}; the user must register it "
            "(proof-up) before it can be listed.", "StrongAuthenticationMethods", unknown,
        )
    if dry_run or parsed == user.methods:
        return parsed
    old = [str(m.method_type) + ("*" if m.is_default else "") for m in user.methods]
    user.methods = parsed
    tenant.audit.record(
        tenant.now(), actor, Op.SET_METHODS, user.user_principal_name,
        modified={"StrongAuthenticationMethod": (old, [str(m.method_type) + ("*" if m.is_default else "") for m in parsed])},
        details={"TargetObjectId": user.object_id},
    )
    return parsed


def _clear_methods(user: User) -> bool:
    had = bool(user.methods or user.phone_app_details or user.has_authenticator_secret
               or (user.user_details and (user.user_details.phone_number or user.user_details.alternative_phone_number)))
    user.methods = ()
    user.phone_app_details = ()
    user.proofup_time = None
    if user.user_details is not None:
        email = user.user_details.email
        user.user_details = StrongAuthUserDetails(email=email) if email else None
    rt = user.mfa_runtime
    if rt is not None:
        rt.totp_secret = None
        rt.pending_totp_secret = None
        rt.totp_reregistration_required = False
        rt.last_totp_step = None
        rt.pending_signin_code = None
        rt.pending_phone = None
    return had


def require_reregistration(tenant: Tenant, actor: str, identity: str, dry_run: bool = False) -> bool:
    """"Require selected users to provide contact methods again" / Reset-MsolStrongAuthenticationMethodByUpn.

    Clears registered methods, phone numbers of the MFA details, the authenticator app and
    its secret; the MFA state is untouched.  Returns True if there was anything to clear.
    """
    user = tenant.resolve_user(identity)
    authorize(tenant, actor, Action.REQUIRE_REREGISTRATION, user)
    if dry_run:
        return bool(user.methods)
    old = [str(m) for m in user.method_types()]
    had = _clear_methods(user)
    tenant.audit.record(
        tenant.now(), actor, Op.ADMIN_DELETED_SECURITY_INFO, user.user_principal_name,
        modified={"StrongAuthenticationMethod": (old, [])}, details={"TargetObjectId": user.object_id},
    )
    return had


#: Reset-MsolStrongAuthenticationMethodByUpn is the same operation.
reset_strong_authentication_methods = require_reregistration


def delete_app_passwords(tenant: Tenant, actor: str, identity: str, dry_run: bool = False) -> int:
    """"Delete all existing app passwords generated by the selected users"; returns how many were deleted."""
    user = tenant.resolve_user(identity)
    authorize(tenant, actor, Action.DELETE_APP_PASSWORDS, user)
    count = len(user.app_passwords)
    if dry_run:
        return count
    user.app_passwords = ()
    tenant.audit.record(
        tenant.now(), actor, Op.DELETE_APP_PASSWORDS, user.user_principal_name,
        details={"TargetObjectId": user.object_id, "DeletedCount": count},
    )
    return count


def restore_remembered_devices(tenant: Tenant, actor: str, identity: str, dry_run: bool = False) -> datetime:
    """"Restore multi-factor authentication on all remembered devices": RememberDevicesNotIssuedBefore = now."""
    user = tenant.resolve_user(identity)
    authorize(tenant, actor, Action.RESTORE_REMEMBERED_DEVICES, user)
    now = tenant.now()
    if dry_run:
        return now
    old = user.remember_devices_not_issued_before
    user.remember_devices_not_issued_before = now
    tenant.audit.record(
        now, actor, Op.RESTORE_REMEMBERED_DEVICES, user.user_principal_name,
        modified={"RememberDevicesNotIssuedBefore": (old, now)}, details={"TargetObjectId": user.object_id},
    )
    return now


def manage_user_settings(
    tenant: Tenant,
    actor: str,
    identities: Iterable[str],
    require_contact_methods_again: bool = False,
    delete_app_passwords: bool = False,
    restore_remembered_devices: bool = False,
    dry_run: bool = False,
) -> list[UserSettingsResult]:
    """Set-MfaUserSettings ("Manage user settings"): authorize every user and option first, then apply all."""
    users = [tenant.resolve_user(i) for i in identities]
    for user in users:
        if require_contact_methods_again:
            authorize(tenant, actor, Action.REQUIRE_REREGISTRATION, user)
        if delete_app_passwords:
            authorize(tenant, actor, Action.DELETE_APP_PASSWORDS, user)
        if restore_remembered_devices:
            authorize(tenant, actor, Action.RESTORE_REMEMBERED_DEVICES, user)
    results = []
    for user in users:
        upn = user.user_principal_name
        cleared = require_contact_methods_again and (
            bool(user.methods) if dry_run else require_reregistration(tenant, actor, upn)
        )
        deleted = _delete_app_passwords_op(tenant, actor, upn, dry_run=dry_run) if delete_app_passwords else 0
        if restore_remembered_devices:
            _restore_devices_op(tenant, actor, upn, dry_run=dry_run)
        results.append(UserSettingsResult(upn, bool(cleared), deleted, restore_remembered_devices))
    return results


_delete_app_passwords_op = delete_app_passwords
_restore_devices_op = restore_remembered_devices


def mfa_service_settings_view(settings: MfaServiceSettings) -> dict[str, Any]:
    """Get-MfaServiceSettings properties (VerificationOptions as the portal's labels)."""
    return {
        "AllowAppPasswords": settings.allow_app_passwords,
        "TrustedIPs": list(settings.trusted_ips),
        "SkipMfaForFederatedUsers": settings.skip_for_federated_users,
        "VerificationOptions": [o.display_name for o in settings.ordered_options()],
        "RememberMfaOnTrustedDevices": settings.remember_mfa_on_trusted_devices,
        "RememberMfaDays": settings.remember_mfa_days,
    }


def get_mfa_service_settings(tenant: Tenant, actor: str) -> MfaServiceSettings:
    """Get-MfaServiceSettings (any admin role may read)."""
    authorize(tenant, actor, Action.READ_MFA_SERVICE_SETTINGS)
    return tenant.mfa_settings


def _bool(name: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{name} needs a Boolean value ($true or $false).", name, value)
    return value


def set_mfa_service_settings(
    tenant: Tenant,
    actor: str,
    *,
    allow_app_passwords: bool | None = None,
    trusted_ips: Iterable[str] | None = None,
    verification_options: Iterable[str] | None = None,
    remember_mfa_on_trusted_devices: bool | None = None,
    remember_mfa_days: int | None = None,
    skip_for_federated_users: bool | None = None,
    dry_run: bool = False,
) -> dict[str, tuple[Any, Any]]:
    """Set-MfaServiceSettings (Global Administrator only); returns {setting: (old, new)} of changes.

    TrustedIPs: IPv4 CIDR ranges, at most 50 (replaces the list).  VerificationOptions:
    identifiers or portal labels (replaces the set; at least one).  RememberMfaDays: 1-365.
    Turning AllowAppPasswords off leaves existing app passwords working.
    """
    authorize(tenant, actor, Action.SET_MFA_SERVICE_SETTINGS)
    s = tenant.mfa_settings
    new: dict[str, Any] = {}
    if allow_app_passwords is not None:
        new["allow_app_passwords"] = _bool("AllowAppPasswords", allow_app_passwords)
    if trusted_ips is not None:
        new["trusted_ips"] = normalize_trusted_ips(trusted_ips)
    if verification_options is not None:
        options = frozenset(VerificationOption.parse(o) for o in (
            [verification_options] if isinstance(verification_options, str) else verification_options))
        if not options:
            raise ValidationError("At least one verification option must stay enabled.", "VerificationOptions")
        new["verification_options"] = options
    if remember_mfa_on_trusted_devices is not None:
        new["remember_mfa_on_trusted_devices"] = _bool("RememberMfaOnTrustedDevices", remember_mfa_on_trusted_devices)
    if remember_mfa_days is not None:
        low, high = REMEMBER_DAYS_RANGE
        if isinstance(remember_mfa_days, bool) or not isinstance(remember_mfa_days, int) or not low <= remember_mfa_days <= high:
            raise ValidationError(
                f"RememberMfaDays must be a whole number of days from {low} to {high}.", "RememberMfaDays", remember_mfa_days
            )
        new["remember_mfa_days"] = remember_mfa_days
    if skip_for_federated_users is not None:
        new["skip_for_federated_users"] = _bool("SkipMfaForFederatedUsers", skip_for_federated_users)
    diff = {k: (getattr(s, k), v) for k, v in new.items() if getattr(s, k) != v}
    if dry_run or not diff:
        return diff
    for key, (_old, value) in diff.items():
        setattr(s, key, value)
    tenant.audit.record(
        tenant.now(), actor, Op.UPDATE_MFA_SETTINGS, "MfaServiceSettings",
        modified={k: (_show(o), _show(v)) for k, (o, v) in diff.items()},
    )
    return diff


def _show(value: Any) -> Any:
    if isinstance(value, frozenset):
        return sorted(str(v) for v in value)
    if isinstance(value, tuple):
        return list(value)
    return value
