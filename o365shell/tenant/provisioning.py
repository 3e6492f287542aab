"""The user's side of MFA registration (the ``*-Lab*`` simulation cmdlets).

A user proves their password, registers the authenticator app (gets a random base32
secret and an ``otpauth://`` URI, confirms with a code) or a phone method (a code is
texted/called to the simulated phone inbox, confirmed with that code), and creates app
passwords.  Completing a registration while per-user MFA is Enabled moves the user to
Enforced (SPEC §6).  These actions are the user's own: no admin role is needed, the
actor recorded in the audit log is the user.
"""

from __future__ import annotations

import re
import secrets
import string
import uuid
from dataclasses import dataclass
from datetime import datetime

from .audit import Op
from .constants import PHONE_METHODS, Cloud, MethodType, MfaState
from .crypto import APP_PASSWORD_ITERATIONS, hash_password, verify_password
from .errors import (
    AppPasswordLimitReached,
    AppPasswordNotAllowed,
    AuthenticationFailed,
    InvalidVerificationCode,
    NoPendingRegistration,
    ValidationError,
)
from .model import PhoneMessage, Tenant
from .otp import (
    make_totp,
    match_totp,
    new_phone_code,
    new_secret,
    pending_code,
    totp_code,
)
from .users import (
    AppPassword,
    PendingCode,
    PhoneAppDetail,
    StrongAuthMethod,
    StrongAuthUserDetails,
    User,
)

__all__ = [
    "MAX_APP_PASSWORDS",
    "AuthenticatorRegistration",
    "RegistrationResult",
    "PhoneVerificationSent",
    "AppPasswordCreated",
    "AppPasswordInfo",
    "check_password",
    "register_authenticator_app",
    "confirm_authenticator_app",
    "register_phone_method",
    "confirm_phone_method",
    "phone_messages",
    "lab_totp_code",
    "send_code",
    "create_app_password",
    "list_app_passwords",
    "validate_phone_number",
    "complete_registration",
]

MAX_APP_PASSWORDS = 40
_PHONE_RE = re.compile(r"^\+\d{1,3}[ -]?[\d -]{6,16}(x\d{1,8})?$")


@dataclass(frozen=True, slots=True)
class AuthenticatorRegistration:
    """Register-LabAuthenticatorApp output: the secret and the otpauth:// URI to scan."""

    UserPrincipalName: str
    Secret: str
    ProvisioningUri: str


@dataclass(frozen=True, slots=True)
class RegistrationResult:
    """Confirm-Lab* output: the method added and the user's MFA state afterwards."""

    UserPrincipalName: str
    MethodType: str
    IsDefault: bool
    MfaState: str
    PreviousMfaState: str


@dataclass(frozen=True, slots=True)
class PhoneVerificationSent:
    """Register-LabPhoneMethod output: where the verification text/call went."""

    UserPrincipalName: str
    PhoneNumber: str
    MethodType: str
    Kind: str


@dataclass(frozen=True, slots=True)
class AppPasswordCreated:
    """New-LabAppPassword output: the only time ``Password`` is ever shown."""

    Name: str
    Password: str
    CreatedDateTime: datetime


@dataclass(frozen=True, slots=True)
class AppPasswordInfo:
    """Get-LabAppPassword output: metadata only."""

    Name: str
    CreatedDateTime: datetime


def check_password(tenant: Tenant, upn: str, password: str) -> User:
    """The user, after checking the password; AuthenticationFailed on a wrong password or blocked user."""
    user = tenant.get_user(upn)
    if user.block_credential or not isinstance(password, str) or not verify_password(password, user.password_hash):
        raise AuthenticationFailed(upn)
    return user


def validate_phone_number(number: str) -> str:
    """Check a phone number is in ``+<country> <number>`` form; returns it stripped."""
    text = str(number or "").strip()
    digits = re.sub(r"\D", "", text.split("x")[0])
    if not _PHONE_RE.match(text) or not 8 <= len(digits) <= 15:
        raise ValidationError(
            f"'{number}' is not a valid phone number; use the form +<country code> <number>, e.g. +1 4255550100.",
            "PhoneNumber",
            number,
        )
    return text


def complete_registration(tenant: Tenant, user: User, method_type: MethodType) -> RegistrationResult:
    """Add ``method_type`` (replacing one of the same type), stamp proof-up, Enabled -> Enforced, audit."""
    previous = user.mfa_state
    has_default = any(m.is_default for m in user.methods if m.method_type != method_type)
    kept = tuple(m for m in user.methods if m.method_type != method_type)
    existing_default = any(m.is_default and m.method_type == method_type for m in user.methods)
    is_default = existing_default or not has_default
    user.methods = kept + (StrongAuthMethod(method_type, is_default),)
    now = tenant.now()
    user.proofup_time = int(now.timestamp())
    if user.mfa_state == MfaState.ENABLED:
        user.mfa_state = MfaState.ENFORCED
    tenant.audit.record(
        now, user.user_principal_name, Op.USER_REGISTERED_SECURITY_INFO, user.user_principal_name,
        details={"MethodType": str(method_type), "TargetObjectId": user.object_id},
        modified={"StrongAuthenticationRequirement": (str(previous), str(user.mfa_state))}
        if previous != user.mfa_state else None,
    )
    return RegistrationResult(user.user_principal_name, str(method_type), is_default, str(user.mfa_state), str(previous))


# ---------------------------------------------------------------- authenticator app
def register_authenticator_app(
    tenant: Tenant, upn: str, password: str, issuer: str = "Microsoft"
) -> AuthenticatorRegistration:
    """Start authenticator registration: a random base32 secret and its otpauth:// URI (account = UPN)."""
    user = check_password(tenant, upn, password)
    secret = new_secret()
    user.runtime().pending_totp_secret = secret
    uri = make_totp(secret).provisioning_uri(name=user.user_principal_name, issuer_name=issuer)
    return AuthenticatorRegistration(user.user_principal_name, secret, uri)


def confirm_authenticator_app(tenant: Tenant, upn: str, otp: str) -> RegistrationResult:
    """Finish authenticator registration with a current code: PhoneAppOTP added, Enabled -> Enforced."""
    user = tenant.get_user(upn)
    rt = user.runtime()
    if rt.pending_totp_secret is None:
        raise NoPendingRegistration(user.user_principal_name, "authenticator app")
    now = tenant.now()
    step = match_totp(rt.pending_totp_secret, str(otp), now)
    if step is None:
        raise InvalidVerificationCode(user.user_principal_name, "the code does not match the authenticator app.")
    rt.totp_secret = rt.pending_totp_secret
    rt.pending_totp_secret = None
    rt.totp_reregistration_required = False
    rt.last_totp_step = step
    detail = PhoneAppDetail(
        id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"o365shell:app:{user.object_id}:{step}")),
        device_name="Lab authenticator",
    )
    user.phone_app_details = (detail,)
    return complete_registration(tenant, user, MethodType.PHONE_APP_OTP)


def lab_totp_code(tenant: Tenant, secret: str, at: datetime | None = None) -> str:
    """Get-LabTotpCode: the code of ``secret`` at ``at`` (default: the lab clock's now)."""
    try:
        return totp_code(secret, at or tenant.now())
    except (ValueError, TypeError) as exc:  # binascii.Error is a ValueError
        raise ValidationError(f"'{secret}' is not a valid base32 secret.", "Secret", secret) from exc


# ---------------------------------------------------------------- phone methods
def send_code(tenant: Tenant, number: str, method_type: MethodType, purpose: str) -> PendingCode:
    """Text or call ``number`` with a fresh code (purpose: 'verify' or 'sign-in'); returns the pending code."""
    code = new_phone_code()
    if method_type == MethodType.ONE_WAY_SMS:
        kind = "Text"
        body = f"Use verification code {code} for Microsoft authentication."
    else:
        kind = "Call"
        spoken = " ".join(code)
        body = f"Microsoft {purpose} verification call. Your verification code is {spoken}."
    tenant.deliver_to_phone(number, kind, body, code)
    return pending_code(code, number, tenant.now(), method_type)


def register_phone_method(
    tenant: Tenant, upn: str, phone_number: str, method_type: str, password: str | None = None
) -> PhoneVerificationSent:
    """Start registering a phone method: a verification text/call goes to the phone inbox.

    TwoWayVoiceOffice calls the user's directory PhoneNumber, which is set to ``phone_number``
    on confirmation.  ``password`` is checked when given.
    """
    user = check_password(tenant, upn, password) if password is not None else tenant.get_user(upn)
    kind = MethodType.parse(method_type, "MethodType")
    if kind not in PHONE_METHODS:
        raise ValidationError(
            f"{kind} is not a phone method; use Register-LabAuthenticatorApp for the authenticator app.",
            "MethodType", method_type,
        )
    number = validate_phone_number(phone_number)
    pending = send_code(tenant, number, kind, "registration")
    user.runtime().pending_phone = pending
    channel = "Text" if kind == MethodType.ONE_WAY_SMS else "Call"
    return PhoneVerificationSent(user.user_principal_name, number, str(kind), channel)


def confirm_phone_method(tenant: Tenant, upn: str, code: str) -> RegistrationResult:
    """Finish a phone registration with the code received; records the number and the method."""
    user = tenant.get_user(upn)
    rt = user.runtime()
    pending = rt.pending_phone
    if pending is None:
        raise NoPendingRegistration(user.user_principal_name, "phone method")
    now = tenant.now()
    if now > pending.expires:
        raise InvalidVerificationCode(user.user_principal_name, "the code has expired; register the phone again.")
    if str(code).strip() != pending.code:
        raise InvalidVerificationCode(user.user_principal_name, "the code does not match the one sent.")
    rt.pending_phone = None
    details = user.user_details or StrongAuthUserDetails()
    if pending.method_type in (MethodType.ONE_WAY_SMS, MethodType.TWO_WAY_VOICE_MOBILE):
        details = StrongAuthUserDetails(pending.phone_number, details.alternative_phone_number, details.email)
    elif pending.method_type == MethodType.TWO_WAY_VOICE_ALTERNATE_MOBILE:
        details = StrongAuthUserDetails(details.phone_number, pending.phone_number, details.email)
    else:
        user.phone_number = pending.phone_number
    user.user_details = details
    return complete_registration(tenant, user, pending.method_type)


def phone_messages(tenant: Tenant, phone_number: str) -> list[PhoneMessage]:
    """Get-LabPhoneMessage: texts and calls received by a number, oldest first."""
    return tenant.phone_messages(phone_number)


# ---------------------------------------------------------------- app passwords
def create_app_password(tenant: Tenant, upn: str, password: str, name: str | None = None) -> AppPasswordCreated:
    """New-LabAppPassword: 16 random lower-case letters, returned once, stored hashed.

    Refused (AppPasswordNotAllowed, distinct ``reason``) in an AzureChinaCloud tenant,
    while the service setting AllowAppPasswords is off, or when the user's per-user MFA
    is Disabled; AppPasswordLimitReached beyond 40.
    """
    user = check_password(tenant, upn, password)
    if tenant.cloud == Cloud.AZURE_CHINA_CLOUD:
        raise AppPasswordNotAllowed(user.user_principal_name, "AzureChinaCloud")
    if not tenant.mfa_settings.allow_app_passwords:
        raise AppPasswordNotAllowed(user.user_principal_name, "ServiceSettingOff")
    if user.mfa_state == MfaState.DISABLED:
        raise AppPasswordNotAllowed(user.user_principal_name, "MfaNotEnabled")
    if len(user.app_passwords) >= MAX_APP_PASSWORDS:
        raise AppPasswordLimitReached(user.user_principal_name, MAX_APP_PASSWORDS)
    label = (name or "").strip() or f"App password {len(user.app_passwords) + 1}"
    clear = "".join(secrets.choice(string.ascii_lowercase) for _ in range(16))
    now = tenant.now()
    user.app_passwords = user.app_passwords + (
        AppPassword(label, now, hash_password(clear, iterations=APP_PASSWORD_ITERATIONS)),
    )
    tenant.audit.record(
        now, user.user_principal_name, Op.USER_CREATED_APP_PASSWORD, user.user_principal_name,
        details={"AppPasswordName": label, "TargetObjectId": user.object_id},
    )
    return AppPasswordCreated(label, clear, now)


def list_app_passwords(tenant: Tenant, upn: str) -> list[AppPasswordInfo]:
    """Get-LabAppPassword: names and creation times (never the passwords)."""
    user = tenant.get_user(upn)
    return [AppPasswordInfo(p.name, p.created) for p in user.app_passwords]
