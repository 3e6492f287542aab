"""User and role administration (New-/Set-/Remove-/Restore-MsolUser, Set-MsolUserPassword,
Set-MsolUserLicense, Add-/Remove-MsolRoleMember).

Every function takes the acting admin's UPN, authorizes it (``rbac``), validates the
whole request, and only then mutates and writes an audit record.  With
``dry_run=True`` it stops after validation (the cmdlet layer's -WhatIf) and changes
nothing.  A failed call changes nothing.
"""

from __future__ import annotations

import re
import secrets
import string
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable, Iterator, Mapping

from .audit import Op
from .clock import as_utc
from .crypto import hash_password
from .errors import (
    LicenseError,
    PasswordPolicyError,
    RoleMembershipError,
    UserAlreadyExists,
    ValidationError,
)
from .model import Tenant
from .rbac import Action, authorize
from .roles import Role
from .users import User

__all__ = [
    "USER_PROPERTIES",
    "CreatedUser",
    "object_id_for",
    "query_users",
    "validate_password",
    "generate_password",
    "create_user",
    "update_user",
    "set_block_credential",
    "delete_user",
    "restore_user",
    "reset_password",
    "set_user_licenses",
    "add_role_member",
    "remove_role_member",
]

OBJECT_ID_NAMESPACE = uuid.UUID("0365c0de-5eed-4a11-8c0e-0123456789ab")

#: Settable user properties (Set-MsolUser / New-MsolUser parameter name -> (attribute, kind)).
USER_PROPERTIES: dict[str, tuple[str, str]] = {
    "DisplayName": ("display_name", "required_str"),
    "FirstName": ("first_name", "str"),
    "LastName": ("last_name", "str"),
    "Department": ("department", "str"),
    "Title": ("title", "str"),
    "Office": ("office", "str"),
    "City": ("city", "str"),
    "State": ("state", "str"),
    "Country": ("country", "str"),
    "StreetAddress": ("street_address", "str"),
    "PostalCode": ("postal_code", "str"),
    "PhoneNumber": ("phone_number", "str"),
    "MobilePhone": ("mobile_phone", "str"),
    "Fax": ("fax", "str"),
    "UsageLocation": ("usage_location", "country"),
    "PreferredLanguage": ("preferred_language", "str"),
    "PreferredDataLocation": ("preferred_data_location", "str"),
    "ImmutableId": ("immutable_id", "str"),
    "UserType": ("user_type", "usertype"),
    "AlternateEmailAddresses": ("alternate_email_addresses", "list"),
    "AlternateMobilePhones": ("alternate_mobile_phones", "list"),
    "BlockCredential": ("block_credential", "bool"),
    "PasswordNeverExpires": ("password_never_expires", "bool"),
    "StrongPasswordRequired": ("strong_password_required", "bool"),
    "LastPasswordChangeTimestamp": ("last_password_change", "datetime"),
    "StsRefreshTokensValidFrom": ("sts_refresh_tokens_valid_from", "datetime"),
}
_PROPERTY_BY_LOWER = {k.lower(): k for k in USER_PROPERTIES}
_MFA_PROPERTIES = {"strongauthenticationrequirements", "strongauthenticationmethods"}

_UPN_RE = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@dataclass(frozen=True, slots=True)
class CreatedUser:
    """Result of :func:`create_user`: the new User and its (temporary) password, shown once."""

    user: User
    password: str


def object_id_for(tenant: Tenant, upn: str) -> str:
    """Deterministic ObjectId for a UPN (uuid5), or a random one if that id is taken."""
    candidate = str(uuid.uuid5(OBJECT_ID_NAMESPACE, upn.lower()))
    if tenant.has_object_id(candidate):
        return str(uuid.uuid4())
    return candidate


def query_users(
    tenant: Tenant,
    *,
    search_string: str | None = None,
    department: str | None = None,
    title: str | None = None,
    city: str | None = None,
    state: str | None = None,
    country: str | None = None,
    usage_location: str | None = None,
    domain_name: str | None = None,
    enabled_filter: str = "All",
    unlicensed_users_only: bool = False,
    return_deleted_users: bool = False,
) -> Iterator[User]:
    """Stream users matching Get-MsolUser's list filters (all case-insensitive, exact except SearchString).

    ``search_string`` matches the start of the display name or of the UPN / alternate e-mail
    addresses; ``enabled_filter`` is All, EnabledOnly or DisabledOnly (BlockCredential);
    ``domain_name`` matches the UPN's domain; ``return_deleted_users`` lists the recycle bin.
    """
    mode = str(enabled_filter).strip().lower()
    if mode not in ("all", "enabledonly", "disabledonly"):
        raise ValidationError(
            f"'{enabled_filter}' is not a valid EnabledFilter; valid values: All, EnabledOnly, DisabledOnly.",
            "EnabledFilter", enabled_filter,
        )
    exact = {attr: value.lower() for attr, value in (
        ("department", department), ("title", title), ("city", city), ("state", state), ("country", country),
        ("usage_location", usage_location)) if value is not None}
    prefix = search_string.lower() if search_string else None
    domain = domain_name.lower().lstrip("@") if domain_name else None
    for user in tenant.iter_users(deleted=return_deleted_users):
        if mode == "enabledonly" and user.block_credential or mode == "disabledonly" and not user.block_credential:
            continue
        if unlicensed_users_only and user.licenses:
            continue
        if domain is not None and user.user_principal_name.lower().partition("@")[2] != domain:
            continue
        if any((getattr(user, attr) or "").lower() != value for attr, value in exact.items()):
            continue
        if prefix is not None and not (
            user.display_name.lower().startswith(prefix)
            or user.user_principal_name.lower().startswith(prefix)
            or any(a.lower().startswith(prefix) for a in user.alternate_email_addresses)
        ):
            continue
        yield user


def validate_password(password: str, upn: str | None = None, strong: bool = True) -> None:
    """Check the strong-password rules (reference §1.4); PasswordPolicyError when not met.

    8-16 characters, no whitespace, at least one lower-case letter, one upper-case letter
    and one non-alphanumeric character, and not containing the user name.
    """
    if not isinstance(password, str) or not password:
        raise PasswordPolicyError("the password is empty")
    if not strong:
        return
    if not 8 <= len(password) <= 16:
        raise PasswordPolicyError("the password must be 8 to 16 characters long")
    if any(c.isspace() for c in password):
        raise PasswordPolicyError("the password must not contain spaces")
    if not any(c.islower() for c in password) or not any(c.isupper() for c in password):
        raise PasswordPolicyError("the password needs upper-case and lower-case letters")
    if all(c.isalnum() for c in password):
        raise PasswordPolicyError("the password needs a symbol (a non-alphanumeric character)")
    if upn:
        name = upn.partition("@")[0].lower()
        if len(name) >= 3 and name in password.lower():
            raise PasswordPolicyError("the password must not contain the user name")


def generate_password() -> str:
    """A random temporary password meeting the strong rules (e.g. ``Kaz@48213``)."""
    letters = secrets.choice(string.ascii_uppercase) + "".join(secrets.choice(string.ascii_lowercase) for _ in range(2))
    digits = "".join(secrets.choice(string.digits) for _ in range(5))
    return f"{letters}{secrets.choice('@#!$%')}{digits}"


def _convert(tenant: Tenant, name: str, kind: str, value: Any) -> Any:
    if kind in ("str", "required_str"):
        if value is None or (isinstance(value, str) and value.strip() == ""):
            if kind == "required_str":
                raise ValidationError(f"{name} cannot be empty.", name, value)
            return None
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            raise ValidationError(f"{name} must be a string.", name, value)
        return str(value)
    if kind == "bool":
        if not isinstance(value, bool):
            raise ValidationError(f"{name} needs a Boolean value ($true or $false).", name, value)
        return value
    if kind == "list":
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        return tuple(str(v) for v in value)
    if kind == "datetime":
        if value is None and name == "StsRefreshTokensValidFrom":
            return None
        if not isinstance(value, datetime):
            raise ValidationError(f"{name} needs a DateTime value.", name, value)
        return as_utc(value)
    if kind == "country":
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not re.fullmatch(r"[A-Za-z]{2}", value.strip()):
            raise ValidationError(
                f"'{value}' is not a valid UsageLocation; use a two-letter country code such as US.", name, value
            )
        return value.strip().upper()
    if kind == "usertype":
        text = str(value).strip().lower()
        if text not in ("member", "guest"):
            raise ValidationError(f"'{value}' is not a valid UserType; valid values: Member, Guest.", name, value)
        return "Member" if text == "member" else "Guest"
    raise AssertionError(kind)  # pragma: no cover


def _convert_properties(tenant: Tenant, changes: Mapping[str, Any]) -> dict[str, tuple[str, str, Any]]:
    """{canonical name: (attribute, kind, converted value)}; raises before anything is applied."""
    out: dict[str, tuple[str, str, Any]] = {}
    for raw_name, value in changes.items():
        lower = str(raw_name).lower()
        if lower in _MFA_PROPERTIES:
            raise ValidationError(
                f"{raw_name} is changed with mfa.set_mfa_state / mfa.set_strong_authentication_methods.", raw_name
            )
        name = _PROPERTY_BY_LOWER.get(lower)
        if name is None:
            raise ValidationError(f"'{raw_name}' is not a settable property of a user.", str(raw_name), value)
        attr, kind = USER_PROPERTIES[name]
        out[name] = (attr, kind, _convert(tenant, name, kind, value))
    return out


def _audit_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    return value


def _canonical_licenses(tenant: Tenant, skus: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for raw in skus:
        sku = tenant.sku(str(raw))
        if sku is None:
            raise LicenseError(
                "Unable to assign this license because it is invalid. Use the Get-MsolAccountSku cmdlet to "
                "retrieve a list of valid licenses.",
                str(raw),
            )
        if sku.account_sku_id not in out:
            out.append(sku.account_sku_id)
    return tuple(out)


def _check_units(tenant: Tenant, added: Iterable[str]) -> None:
    for sku_id in added:
        sku = tenant.sku(sku_id)
        assert sku is not None
        if tenant.consumed_units(sku_id) + 1 > sku.active_units:
            raise LicenseError(
                "Unable to assign this license because the number of allowed licenses has been exceeded.", sku_id
            )


def create_user(
    tenant: Tenant,
    actor: str,
    user_principal_name: str,
    display_name: str,
    *,
    password: str | None = None,
    force_change_password: bool = True,
    licenses: Iterable[str] = (),
    properties: Mapping[str, Any] | None = None,
    dry_run: bool = False,
) -> CreatedUser:
    """Create a user (New-MsolUser); returns the user and its password (generated when omitted).

    The UPN's domain must be a verified domain of the tenant; licenses need a
    UsageLocation and free units.  With ``dry_run`` the returned user is not added.
    """
    authorize(tenant, actor, Action.CREATE_USER)
    upn = str(user_principal_name).strip()
    if not _UPN_RE.match(upn):
        raise ValidationError(f"'{upn}' is not a valid UserPrincipalName.", "UserPrincipalName", upn)
    if tenant.verified_domain(upn.partition("@")[2]) is None:
        raise ValidationError(
            "The domain portion of the userPrincipalName property is invalid. You must use one of the verified "
            "domain names in your organization.",
            "UserPrincipalName",
            upn,
        )
    if tenant.find_user(upn) is not None:
        raise UserAlreadyExists(upn)
    props = dict(properties or {})
    props["DisplayName"] = display_name
    converted = _convert_properties(tenant, props)
    strong = converted.get("StrongPasswordRequired", ("", "", True))[2]
    clear = password if password is not None else generate_password()
    validate_password(clear, upn, strong=bool(strong))
    sku_ids = _canonical_licenses(tenant, licenses)
    if sku_ids:
        if converted.get("UsageLocation", ("", "", None))[2] is None:
            raise LicenseError("License assignment failed because the user's UsageLocation is not set.", sku_ids[0])
        _check_units(tenant, sku_ids)
    now = tenant.now()
    user = User(
        user_principal_name=upn,
        object_id=object_id_for(tenant, upn),
        display_name=converted["DisplayName"][2],
        password_hash=hash_password(clear),
        licenses=sku_ids,
        force_change_password=force_change_password,
        when_created=now,
        last_password_change=now,
        sts_refresh_tokens_valid_from=now,
    )
    for _name, (attr, _kind, value) in converted.items():
        setattr(user, attr, value)
    if dry_run:
        return CreatedUser(user, clear)
    tenant._add_user(user)  # noqa: SLF001
    tenant.audit.record(
        now,
        actor,
        Op.ADD_USER,
        upn,
        modified={k: (None, _audit_value(v[2])) for k, v in converted.items()},
        details={"TargetObjectId": user.object_id, "Licenses": list(sku_ids)},
    )
    return CreatedUser(user, clear)


def update_user(
    tenant: Tenant,
    actor: str,
    identity: str,
    changes: Mapping[str, Any],
    dry_run: bool = False,
) -> dict[str, tuple[Any, Any]]:
    """Set user properties (Set-MsolUser without the MFA parameters); returns {name: (old, new)}.

    ``identity`` is a UPN or ObjectId; ``changes`` maps MSOnline property names (any
    casing, see :data:`USER_PROPERTIES`) to values.  BlockCredential needs the
    block-user right, other properties the update right.
    """
    user = tenant.resolve_user(identity)
    converted = _convert_properties(tenant, changes)
    authorize(tenant, actor, Action.UPDATE_USER, user)
    if "BlockCredential" in converted:
        authorize(tenant, actor, Action.BLOCK_USER, user)
    diff: dict[str, tuple[Any, Any]] = {}
    for name, (attr, _kind, value) in converted.items():
        old = getattr(user, attr)
        if old != value:
            diff[name] = (old, value)
    if dry_run or not diff:
        return diff
    for attr, _kind, value in converted.values():
        setattr(user, attr, value)
    tenant.audit.record(
        tenant.now(),
        actor,
        Op.UPDATE_USER,
        user.user_principal_name,
        modified={k: (_audit_value(o), _audit_value(n)) for k, (o, n) in diff.items()},
        details={"TargetObjectId": user.object_id},
    )
    return diff


def set_block_credential(
    tenant: Tenant, actor: str, identity: str, blocked: bool, dry_run: bool = False
) -> dict[str, tuple[Any, Any]]:
    """Block or unblock sign-in (Set-MsolUser -BlockCredential)."""
    return update_user(tenant, actor, identity, {"BlockCredential": blocked}, dry_run=dry_run)


def delete_user(
    tenant: Tenant, actor: str, identity: str, from_recycle_bin: bool = False, dry_run: bool = False
) -> User:
    """Remove-MsolUser: soft delete to the recycle bin, or with ``from_recycle_bin`` purge a deleted user."""
    if from_recycle_bin:
        user = tenant.find_deleted_user(identity)
    else:
        user = tenant.resolve_user(identity)
    authorize(tenant, actor, Action.DELETE_USER, user)
    if user.user_principal_name.lower() == actor.lower() and not from_recycle_bin:
        raise ValidationError("You cannot delete the account you are signed in with.", "UserPrincipalName", identity)
    if dry_run:
        return user
    if from_recycle_bin:
        tenant._purge(user)  # noqa: SLF001
        op = Op.HARD_DELETE_USER
    else:
        tenant._soft_delete(user, tenant.now())  # noqa: SLF001
        op = Op.DELETE_USER
    tenant.audit.record(tenant.now(), actor, op, user.user_principal_name, details={"TargetObjectId": user.object_id})
    return user


def restore_user(
    tenant: Tenant, actor: str, identity: str, new_user_principal_name: str | None = None, dry_run: bool = False
) -> User:
    """Restore-MsolUser: bring a recycle-bin user back (optionally under a new UPN)."""
    user = tenant.find_deleted_user(identity)
    authorize(tenant, actor, Action.RESTORE_USER, user)
    upn = new_user_principal_name or user.user_principal_name
    if tenant.find_user(upn) is not None:
        raise UserAlreadyExists(upn)
    if new_user_principal_name and tenant.verified_domain(upn.partition("@")[2]) is None:
        raise ValidationError("The domain of the new UserPrincipalName is not a verified domain.", "NewUserPrincipalName", upn)
    if dry_run:
        return user
    tenant._restore(user, new_user_principal_name)  # noqa: SLF001
    tenant.audit.record(tenant.now(), actor, Op.RESTORE_USER, upn, details={"TargetObjectId": user.object_id})
    return user


def reset_password(
    tenant: Tenant,
    actor: str,
    identity: str,
    new_password: str | None = None,
    force_change_password: bool = True,
    dry_run: bool = False,
) -> str:
    """Set-MsolUserPassword: set (or generate) a password; returns it.  App passwords are not revoked."""
    user = tenant.resolve_user(identity)
    authorize(tenant, actor, Action.RESET_PASSWORD, user)
    clear = new_password if new_password is not None else generate_password()
    validate_password(clear, user.user_principal_name, strong=user.strong_password_required)
    if dry_run:
        return clear
    now = tenant.now()
    user.password_hash = hash_password(clear)
    user.force_change_password = force_change_password
    user.last_password_change = now
    user.sts_refresh_tokens_valid_from = now
    tenant.audit.record(
        now, actor, Op.RESET_PASSWORD, user.user_principal_name,
        details={"TargetObjectId": user.object_id, "ForceChangePassword": force_change_password},
    )
    return clear


def set_user_licenses(
    tenant: Tenant,
    actor: str,
    identity: str,
    add: Iterable[str] = (),
    remove: Iterable[str] = (),
    dry_run: bool = False,
) -> tuple[str, ...]:
    """Set-MsolUserLicense -AddLicenses/-RemoveLicenses (atomic); returns the new license list."""
    user = tenant.resolve_user(identity)
    authorize(tenant, actor, Action.ASSIGN_LICENSE, user)
    to_add = _canonical_licenses(tenant, add)
    to_remove = _canonical_licenses(tenant, remove)
    for sku_id in to_remove:
        if sku_id not in user.licenses:
            raise LicenseError(f"The license {sku_id} is not assigned to {user.user_principal_name}.", sku_id)
    new = tuple(s for s in user.licenses if s not in to_remove)
    added = [s for s in to_add if s not in new]
    if added and user.usage_location is None:
        raise LicenseError("License assignment failed because the user's UsageLocation is not set.", added[0])
    _check_units(tenant, [s for s in added if s not in user.licenses])
    new = new + tuple(added)
    if dry_run or new == user.licenses:
        return new
    old = user.licenses
    tenant._set_licenses(user, tuple(_intern_license(tenant, s) for s in new))  # noqa: SLF001
    tenant.audit.record(
        tenant.now(), actor, Op.CHANGE_LICENSE, user.user_principal_name,
        modified={"AssignedLicense": (list(old), list(new))}, details={"TargetObjectId": user.object_id},
    )
    return new


def _intern_license(tenant: Tenant, sku_id: str) -> str:
    sku = tenant.sku(sku_id)
    return sku.account_sku_id if sku else sku_id


def _member(tenant: Tenant, member: str | User) -> User:
    return member if isinstance(member, User) else tenant.resolve_user(member)


def add_role_member(
    tenant: Tenant, actor: str, role: str | Role, member: str | User, dry_run: bool = False
) -> None:
    """Add-MsolRoleMember (Global Administrator only); ``member`` is a UPN, ObjectId or User."""
    role_obj = role if isinstance(role, Role) else tenant.role(role)
    user = _member(tenant, member)
    authorize(tenant, actor, Action.MANAGE_ROLES, user)
    if tenant.holds_role(user, role_obj):
        raise RoleMembershipError(
            "The role member you are trying to add is already a member of this role.", role_obj.name,
            user.user_principal_name,
        )
    if dry_run:
        return
    tenant._add_role_member(role_obj, user)  # noqa: SLF001
    tenant.audit.record(
        tenant.now(), actor, Op.ADD_ROLE_MEMBER, user.user_principal_name,
        details={"Role.DisplayName": role_obj.display_name, "Role.ObjectID": role_obj.object_id,
                 "TargetObjectId": user.object_id},
    )


def remove_role_member(
    tenant: Tenant, actor: str, role: str | Role, member: str | User, dry_run: bool = False
) -> None:
    """Remove-MsolRoleMember (Global Administrator only); the last Global Administrator stays."""
    role_obj = role if isinstance(role, Role) else tenant.role(role)
    user = _member(tenant, member)
    authorize(tenant, actor, Action.MANAGE_ROLES, user)
    if not tenant.holds_role(user, role_obj):
        raise RoleMembershipError(
            "The role member you are trying to delete is not a member of this role.", role_obj.name,
            user.user_principal_name,
        )
    if role_obj.name == "Company Administrator" and len(tenant.role_members(role_obj)) <= 1:
        raise ValidationError(
            "The last Global Administrator of the tenant cannot be removed.", "RoleMember", user.user_principal_name
        )
    if dry_run:
        return
    tenant._remove_role_member(role_obj, user)  # noqa: SLF001
    tenant.audit.record(
        tenant.now(), actor, Op.REMOVE_ROLE_MEMBER, user.user_principal_name,
        details={"Role.DisplayName": role_obj.display_name, "Role.ObjectID": role_obj.object_id,
                 "TargetObjectId": user.object_id},
    )
