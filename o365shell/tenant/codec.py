"""Tenant <-> JSON-able dict, with strict validation on the way back.

:func:`encode_tenant` produces the ``"tenant"`` part of a snapshot; secrets pass through
the ``seal`` callable given by ``store`` (TOTP secrets and pending codes are encrypted;
password and app-password hashes are already salted hashes).  :func:`decode_tenant`
builds a brand-new Tenant and raises :class:`SnapshotFormatError` with a path to the
offending field (``tenant.users[3].mfa_state``) on anything missing or mistyped.
"""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime
from typing import Any, Callable

from .audit import AuditRecord, SignInResult
from .clock import as_utc
from .constants import Cloud, MethodType, MfaState, VerificationOption
from .crypto import is_password_hash
from .csoauth import canonical_override
from .errors import TenantError
from .model import PhoneMessage, Tenant, normalize_phone
from .org import (
    CAS_MAILBOX_PROPERTIES,
    AccountSku,
    AuthenticationPolicy,
    CompanyInformation,
    Domain,
    normalize_trusted_ips,
)
from .roles import find_role
from .users import (
    AppPassword,
    MfaRuntime,
    PendingCode,
    PhoneAppDetail,
    StrongAuthMethod,
    StrongAuthUserDetails,
    User,
)

__all__ = ["SnapshotFormatError", "encode_tenant", "decode_tenant", "Sealer", "Unsealer"]

#: seal(plaintext, associated) -> sealed text
Sealer = Callable[[str, str], str]
#: unseal(sealed, associated) -> plaintext or None when it cannot be decrypted
Unsealer = Callable[[str, str], "str | None"]


class SnapshotFormatError(Exception):
    """A snapshot's content does not have the expected shape (message names the field)."""


_SIMPLE_USER_FIELDS: tuple[tuple[str, str], ...] = (
    ("first_name", "str?"), ("last_name", "str?"), ("department", "str?"), ("title", "str?"), ("office", "str?"),
    ("city", "str?"), ("state", "str?"), ("country", "str?"), ("street_address", "str?"), ("postal_code", "str?"),
    ("phone_number", "str?"), ("mobile_phone", "str?"), ("fax", "str?"), ("usage_location", "str?"),
    ("preferred_language", "str?"), ("preferred_data_location", "str?"), ("immutable_id", "str?"),
    ("user_type", "str"), ("alternate_email_addresses", "strs"), ("alternate_mobile_phones", "strs"),
    ("block_credential", "bool"), ("password_never_expires", "bool"), ("strong_password_required", "bool"),
    ("force_change_password", "bool"), ("sts_refresh_tokens_valid_from", "dt?"), ("soft_deletion_timestamp", "dt?"),
    ("remember_devices_not_issued_before", "dt?"), ("proofup_time", "int?"), ("system_preferred_mfa", "bool"),
)
_USER_DEFAULTS = {f.name: f.default for f in fields(User)}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (tuple, frozenset, set)):
        return [_plain(v) for v in value]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, str):
        return str(value)
    return value


# ---------------------------------------------------------------------------- encode
def _encode_user(user: User, seal: Sealer) -> dict[str, Any]:
    d: dict[str, Any] = {
        "user_principal_name": user.user_principal_name,
        "object_id": user.object_id,
        "display_name": user.display_name,
        "password_hash": user.password_hash,
        "when_created": user.when_created.isoformat(),
        "last_password_change": user.last_password_change.isoformat(),
        "mfa_state": str(user.mfa_state),
    }
    for name, _kind in _SIMPLE_USER_FIELDS:
        value = getattr(user, name)
        if value != _USER_DEFAULTS[name]:
            d[name] = _plain(value)
    if user.licenses:
        d["licenses"] = list(user.licenses)
    if user.methods:
        d["methods"] = [{"method_type": str(m.method_type), "is_default": m.is_default} for m in user.methods]
    if user.user_details is not None:
        det = user.user_details
        d["user_details"] = {"phone_number": det.phone_number, "alternative_phone_number": det.alternative_phone_number,
                             "email": det.email}
    if user.phone_app_details:
        d["phone_app_details"] = [{f.name: getattr(p, f.name) for f in fields(p)} for p in user.phone_app_details]
    if user.app_passwords:
        d["app_passwords"] = [{"name": p.name, "created": p.created.isoformat(), "password_hash": p.password_hash}
                              for p in user.app_passwords]
    rt = user.mfa_runtime
    if rt is not None and not rt.is_empty():
        aad = user.object_id
        r: dict[str, Any] = {
            "totp_reregistration_required": rt.totp_reregistration_required,
            "last_totp_step": rt.last_totp_step,
            "failed_attempts": rt.failed_attempts,
            "locked_until": _iso(rt.locked_until),
            "remembered_devices": {k: v.isoformat() for k, v in (rt.remembered_devices or {}).items()},
        }
        if rt.totp_secret is not None:
            r["totp_secret_sealed"] = seal(rt.totp_secret, aad + ":totp")
        if rt.pending_totp_secret is not None:
            r["pending_totp_secret_sealed"] = seal(rt.pending_totp_secret, aad + ":pending-totp")
        for key, pending in (("pending_signin_code", rt.pending_signin_code), ("pending_phone", rt.pending_phone)):
            if pending is not None:
                r[key] = {"code_sealed": seal(pending.code, f"{aad}:{key}"), "phone_number": pending.phone_number,
                          "expires": pending.expires.isoformat(), "method_type": str(pending.method_type)}
        d["mfa_runtime"] = r
    return d


def encode_tenant(tenant: Tenant, seal: Sealer) -> dict[str, Any]:
    """The whole tenant as JSON-able data (users in insertion order, recycle bin included)."""
    company = {f.name: _plain(getattr(tenant.company, f.name)) for f in fields(CompanyInformation)}
    users = [_encode_user(u, seal) for u in tenant.iter_users()]
    users += [_encode_user(u, seal) for u in tenant.iter_users(deleted=True)]
    s = tenant.mfa_settings
    return {
        "display_name": tenant.display_name,
        "initial_domain": tenant.initial_domain,
        "cloud": str(tenant.cloud),
        "tenant_id": tenant.tenant_id,
        "clock": tenant.clock.to_state(),
        "company": company,
        "domains": [{f.name: getattr(d, f.name) for f in fields(Domain)} for d in tenant.domains.values()],
        "skus": [_plain({f.name: getattr(k, f.name) for f in fields(AccountSku)}) for k in tenant.skus.values()],
        "users": users,
        "role_members": {r.object_id: list(tenant.role_member_ids(r)) for r in tenant.roles},
        "org_config": {"values": _plain(tenant.org_config.stored_values()),
                       "when_created": tenant.org_config.when_created.isoformat(),
                       "when_changed": tenant.org_config.when_changed.isoformat()},
        "cs_oauth": tenant.cs_oauth.to_state(),
        "audit_config": tenant.audit_config.to_state(),
        "cas_overrides": _plain(tenant.cas_overrides),
        "auth_policies": [{"name": p.name, "guid": p.guid, "switches": dict(p.switches),
                           "allow_legacy_exchange_tokens": p.allow_legacy_exchange_tokens,
                           "when_created": p.when_created.isoformat(), "when_changed": p.when_changed.isoformat()}
                          for p in tenant.auth_policies.values()],
        "mfa_settings": {"allow_app_passwords": s.allow_app_passwords, "trusted_ips": list(s.trusted_ips),
                         "skip_for_federated_users": s.skip_for_federated_users,
                         "verification_options": [str(o) for o in s.ordered_options()],
                         "remember_mfa_on_trusted_devices": s.remember_mfa_on_trusted_devices,
                         "remember_mfa_days": s.remember_mfa_days},
        "audit": [_plain({f.name: getattr(r, f.name) for f in fields(AuditRecord)}) for r in tenant.audit],
        "signins": [_plain({f.name: getattr(r, f.name) for f in fields(SignInResult)}) for r in tenant.signins],
        "phone_inbox": [_plain({f.name: getattr(m, f.name) for f in fields(PhoneMessage)})
                        for msgs in tenant.phone_inbox.values() for m in msgs],
        "consents": [{"client_id": c, "principal_id": p, "scopes": list(s)} for (c, p), s in tenant.consents.items()],
    }


# ---------------------------------------------------------------------------- decode
class _Reader:
    """Typed access to one JSON object, raising SnapshotFormatError with the field's path."""

    __slots__ = ("data", "path", "strings", "dates")

    def __init__(self, data: Any, path: str, strings: dict[str, str], dates: dict[str, datetime]) -> None:
        if not isinstance(data, dict):
            raise SnapshotFormatError(f"{path} must be a JSON object")
        self.data, self.path, self.strings, self.dates = data, path, strings, dates

    def sub(self, key: str) -> "_Reader":
        """A reader over the object at ``key``."""
        return _Reader(self.get(key, "dict"), f"{self.path}.{key}", self.strings, self.dates)

    def items(self, key: str, optional: bool = False) -> list["_Reader"]:
        """Readers over each object of the list at ``key``."""
        values = self.get(key, "list", [] if optional else ...)
        return [_Reader(v, f"{self.path}.{key}[{i}]", self.strings, self.dates) for i, v in enumerate(values)]

    def get(self, key: str, kind: str, default: Any = ...) -> Any:
        """The value at ``key`` checked as ``kind`` (a trailing ``?`` allows null); ``default`` if absent."""
        where = f"{self.path}.{key}"
        if key not in self.data:
            if default is ...:
                raise SnapshotFormatError(f"{where} is missing")
            return default
        value = self.data[key]
        if kind.endswith("?"):
            if value is None:
                return None
            kind = kind[:-1]
        return self._convert(value, kind, where)

    def _convert(self, value: Any, kind: str, where: str) -> Any:
        if kind == "str":
            if not isinstance(value, str):
                raise SnapshotFormatError(f"{where} must be a string")
            return self.strings.setdefault(value, value)
        if kind == "bool":
            if not isinstance(value, bool):
                raise SnapshotFormatError(f"{where} must be true or false")
            return value
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                raise SnapshotFormatError(f"{where} must be a whole number")
            return value
        if kind == "float":
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise SnapshotFormatError(f"{where} must be a number")
            return float(value)
        if kind == "dt":
            if not isinstance(value, str):
                raise SnapshotFormatError(f"{where} must be an ISO date-time string")
            cached = self.dates.get(value)
            if cached is None:
                try:
                    cached = self.dates[value] = as_utc(datetime.fromisoformat(value))
                except ValueError:
                    raise SnapshotFormatError(f"{where} is not a valid date-time: {value!r}") from None
            return cached
        if kind == "strs":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise SnapshotFormatError(f"{where} must be a list of strings")
            return tuple(self.strings.setdefault(v, v) for v in value)
        if kind == "list":
            if not isinstance(value, list):
                raise SnapshotFormatError(f"{where} must be a list")
            return value
        if kind == "dict":
            if not isinstance(value, dict):
                raise SnapshotFormatError(f"{where} must be a JSON object")
            return value
        if kind == "any":
            return value
        raise AssertionError(kind)  # pragma: no cover


def _enum(reader: _Reader, key: str, parse: Callable[[Any], Any]) -> Any:
    raw = reader.get(key, "str")
    try:
        return parse(raw)
    except TenantError:
        raise SnapshotFormatError(f"{reader.path}.{key} has an unknown value {raw!r}") from None


def _pending(reader: _Reader, key: str, aad: str, unseal: Unsealer) -> PendingCode | None:
    if reader.data.get(key) is None:
        return None
    p = reader.sub(key)
    code = unseal(p.get("code_sealed", "str"), f"{aad}:{key}")
    if code is None:
        return None
    return PendingCode(code, p.get("phone_number", "str"), p.get("expires", "dt"),
                       _enum(p, "method_type", MethodType.parse))


def _decode_user(r: _Reader, tenant: Tenant, unseal: Unsealer, lost: list[str]) -> User:
    password_hash = r.get("password_hash", "str")
    if not is_password_hash(password_hash):
        raise SnapshotFormatError(f"{r.path}.password_hash is not a salted password hash")
    licenses = r.get("licenses", "strs", ())
    for sku_id in licenses:
        if tenant.sku(sku_id) is None:
            raise SnapshotFormatError(f"{r.path}.licenses names an unknown SKU {sku_id!r}")
    user = User(
        user_principal_name=r.get("user_principal_name", "str"),
        object_id=r.get("object_id", "str"),
        display_name=r.get("display_name", "str"),
        password_hash=password_hash,
        when_created=r.get("when_created", "dt"),
        last_password_change=r.get("last_password_change", "dt"),
        mfa_state=_enum(r, "mfa_state", MfaState.parse),
        licenses=tuple(tenant.sku(s).account_sku_id for s in licenses),  # type: ignore[union-attr]
    )
    for name, kind in _SIMPLE_USER_FIELDS:
        if name in r.data:
            setattr(user, name, r.get(name, kind))
    methods = []
    for m in r.items("methods", optional=True):
        methods.append(StrongAuthMethod(_enum(m, "method_type", MethodType.parse), m.get("is_default", "bool")))
    if methods and sum(m.is_default for m in methods) != 1:
        raise SnapshotFormatError(f"{r.path}.methods must have exactly one default method")
    user.methods = tuple(methods)
    if r.data.get("user_details") is not None:
        d = r.sub("user_details")
        user.user_details = StrongAuthUserDetails(d.get("phone_number", "str?", None),
                                                  d.get("alternative_phone_number", "str?", None),
                                                  d.get("email", "str?", None))
    user.phone_app_details = tuple(
        PhoneAppDetail(p.get("id", "str"), p.get("device_name", "str"), p.get("authentication_type", "str"),
                       p.get("device_tag", "str"), p.get("notification_type", "str"), p.get("phone_app_version", "str"),
                       p.get("oath_token_time_drift", "int"))
        for p in r.items("phone_app_details", optional=True)
    )
    apps = []
    for a in r.items("app_passwords", optional=True):
        h = a.get("password_hash", "str")
        if not is_password_hash(h):
            raise SnapshotFormatError(f"{a.path}.password_hash is not a salted hash")
        apps.append(AppPassword(a.get("name", "str"), a.get("created", "dt"), h))
    user.app_passwords = tuple(apps)
    if r.data.get("mfa_runtime") is not None:
        user.mfa_runtime = _decode_runtime(r.sub("mfa_runtime"), user, unseal, lost)
    return user


def _decode_runtime(m: _Reader, user: User, unseal: Unsealer, lost: list[str]) -> MfaRuntime:
    aad = user.object_id
    rt = MfaRuntime(
        totp_reregistration_required=m.get("totp_reregistration_required", "bool", False),
        last_totp_step=m.get("last_totp_step", "int?", None),
        failed_attempts=m.get("failed_attempts", "int", 0),
        locked_until=m.get("locked_until", "dt?", None),
    )
    devices = m.get("remembered_devices", "dict", {})
    if devices:
        rt.remembered_devices = {str(k): m._convert(v, "dt", f"{m.path}.remembered_devices.{k}") for k, v in devices.items()}
    sealed = m.get("totp_secret_sealed", "str?", None)
    if sealed is not None:
        rt.totp_secret = unseal(sealed, aad + ":totp")
        if rt.totp_secret is None:
            rt.totp_reregistration_required = True
            lost.append(user.user_principal_name)
    pending = m.get("pending_totp_secret_sealed", "str?", None)
    if pending is not None:
        rt.pending_totp_secret = unseal(pending, aad + ":pending-totp")
    rt.pending_signin_code = _pending(m, "pending_signin_code", aad, unseal)
    rt.pending_phone = _pending(m, "pending_phone", aad, unseal)
    return rt


def decode_tenant(data: Any, unseal: Unsealer) -> tuple[Tenant, list[str]]:
    """Build a new Tenant from snapshot data; returns it and the UPNs whose TOTP secret was lost."""
    r = _Reader(data, "tenant", {}, {})
    tenant = Tenant(r.get("display_name", "str"), r.get("initial_domain", "str"),
                    _enum(r, "cloud", Cloud.parse), r.get("tenant_id", "str"))
    clock = r.sub("clock")
    tenant.clock.load_state(clock.get("frozen_at", "dt?"), clock.get("offset_seconds", "float"))
    company = r.sub("company")
    for f in fields(CompanyInformation):
        if f.name in company.data:
            value = company.data[f.name]
            kind = "strs" if isinstance(f.default, tuple) else ("dt?" if "time" in f.name else "any")
            value = company.get(f.name, kind)
            if kind == "any" and not (value is None or isinstance(value, (str, bool))):
                raise SnapshotFormatError(f"tenant.company.{f.name} has a wrong type")
            setattr(tenant.company, f.name, value)
    tenant.domains.clear()
    for d in r.items("domains"):
        tenant.domains[d.get("name", "str").lower()] = Domain(
            d.get("name", "str"), d.get("status", "str"), d.get("authentication", "str"), d.get("is_default", "bool"),
            d.get("is_initial", "bool"), d.get("capabilities", "str"), d.get("root_domain", "str?"))
    for k in r.items("skus"):
        tenant._add_sku(AccountSku(  # noqa: SLF001
            k.get("account_sku_id", "str"), k.get("sku_id", "str"), k.get("sku_part_number", "str"),
            k.get("active_units", "int"), k.get("warning_units", "int"), k.get("suspended_units", "int"),
            k.get("includes_exchange", "bool"), k.get("target_class", "str"), k.get("service_plans", "strs")))
    lost: list[str] = []
    for u in r.items("users"):
        user = _decode_user(u, tenant, unseal, lost)
        try:
            tenant._add_user(user)  # noqa: SLF001
        except TenantError:
            raise SnapshotFormatError(f"{u.path} duplicates the UPN or ObjectId of another user") from None
    members = r.get("role_members", "dict")
    for role_id, oids in members.items():
        role = find_role(role_id)
        if role is None or not isinstance(oids, list):
            raise SnapshotFormatError(f"tenant.role_members has an unknown role or a bad member list: {role_id!r}")
        for oid in oids:
            member = tenant._by_oid.get(oid) if isinstance(oid, str) else None  # noqa: SLF001
            if member is None:
                raise SnapshotFormatError(f"tenant.role_members.{role_id} names an unknown user {oid!r}")
            tenant._add_role_member(role, member)  # noqa: SLF001
    org = r.sub("org_config")
    tenant.org_config.load_values(org.get("values", "dict"))
    tenant.org_config.when_created = org.get("when_created", "dt")
    tenant.org_config.when_changed = org.get("when_changed", "dt")
    _decode_cs_oauth(r, tenant)
    _decode_audit_config(r, tenant)
    _decode_exchange(r, tenant)
    _decode_logs(r, tenant)
    return tenant, lost


def _decode_cs_oauth(r: _Reader, tenant: Tenant) -> None:
    """The Skype for Business Online OAuth settings; snapshots written before they existed keep the default."""
    if "cs_oauth" not in r.data:
        tenant.cs_oauth.when_changed = tenant.org_config.when_created
        return
    c = r.sub("cs_oauth")
    value = c.get("client_adal_auth_override", "str")
    try:
        tenant.cs_oauth.client_adal_auth_override = canonical_override(value)
    except TenantError:
        raise SnapshotFormatError(f"{c.path}.client_adal_auth_override has an unknown value {value!r}") from None
    tenant.cs_oauth.when_changed = c.get("when_changed", "dt")


def _decode_audit_config(r: _Reader, tenant: Tenant) -> None:
    """The admin audit log configuration; snapshots written before it existed have auditing on since creation."""
    config = tenant.audit_config
    if "audit_config" not in r.data:
        created = tenant.org_config.when_created
        config.unified_audit_log_ingestion_enabled = True
        config.first_opt_in_date = config.when_created = config.when_changed = created
        return
    a = r.sub("audit_config")
    config.unified_audit_log_ingestion_enabled = a.get("unified_audit_log_ingestion_enabled", "bool")
    config.first_opt_in_date = a.get("first_opt_in_date", "dt?")
    config.when_created = a.get("when_created", "dt")
    config.when_changed = a.get("when_changed", "dt")


def _decode_exchange(r: _Reader, tenant: Tenant) -> None:
    for oid, values in r.get("cas_overrides", "dict").items():
        if oid not in tenant._by_oid or not isinstance(values, dict):  # noqa: SLF001
            raise SnapshotFormatError(f"tenant.cas_overrides names an unknown user {oid!r}")
        tenant.cas_overrides[oid] = CAS_MAILBOX_PROPERTIES.convert_changes(values)
    for p in r.items("auth_policies"):
        switches = p.get("switches", "dict")
        policy = AuthenticationPolicy(p.get("name", "str"), p.get("guid", "str"),
                                      allow_legacy_exchange_tokens=p.get("allow_legacy_exchange_tokens", "bool"),
                                      when_created=p.get("when_created", "dt"), when_changed=p.get("when_changed", "dt"))
        for name, value in switches.items():
            if name not in policy.switches or not isinstance(value, bool):
                raise SnapshotFormatError(f"{p.path}.switches.{name} is unknown or not a Boolean")
            policy.switches[name] = value
        tenant.auth_policies[policy.name.lower()] = policy
    s = r.sub("mfa_settings")
    settings = tenant.mfa_settings
    settings.allow_app_passwords = s.get("allow_app_passwords", "bool")
    settings.trusted_ips = normalize_trusted_ips(s.get("trusted_ips", "strs"))
    settings.skip_for_federated_users = s.get("skip_for_federated_users", "bool")
    settings.verification_options = frozenset(VerificationOption.parse(o) for o in s.get("verification_options", "strs"))
    settings.remember_mfa_on_trusted_devices = s.get("remember_mfa_on_trusted_devices", "bool")
    days = s.get("remember_mfa_days", "int")
    if not 1 <= days <= 365:
        raise SnapshotFormatError("tenant.mfa_settings.remember_mfa_days must be between 1 and 365")
    settings.remember_mfa_days = days


def _decode_logs(r: _Reader, tenant: Tenant) -> None:
    for a in r.items("audit"):
        tenant.audit.append_record(AuditRecord(
            a.get("Identity", "str"), a.get("CreationDate", "dt"), a.get("UserIds", "str"), a.get("Operations", "str"),
            a.get("RecordType", "str"), a.get("ObjectId", "str?"), a.get("AuditData", "str"), a.get("ResultStatus", "str")))
    for s in r.items("signins"):
        tenant.signins.append(SignInResult(
            s.get("UserPrincipalName", "str"), s.get("Client", "str"), s.get("Result", "str"), s.get("Reason", "str"),
            s.get("MfaSatisfiedBy", "str?"), s.get("DateTime", "dt"), s.get("IPAddress", "str?"), s.get("DeviceId", "str?")))
    for m in r.items("phone_inbox"):
        msg = PhoneMessage(m.get("DateTime", "dt"), m.get("PhoneNumber", "str"), m.get("Kind", "str"),
                           m.get("Body", "str"), m.get("Code", "str"))
        tenant.phone_inbox.setdefault(normalize_phone(msg.PhoneNumber), []).append(msg)
    for c in r.items("consents", optional=True):  # absent in snapshots written before consent was kept
        tenant.consents[(c.get("client_id", "str").lower(), c.get("principal_id", "str").lower())] = \
            list(c.get("scopes", "strs"))
