"""The sign-in decision (Invoke-LabSignIn): SPEC §6 rules, one function.

Order of the rules:

1. unknown or deleted account -> InvalidCredentials; BlockCredential -> Blocked (always);
2. the client is *modern* when it is Browser, or Office2016/Outlook2013Adal while the
   organization's OAuth2ClientProfileEnabled is true; every other case is *legacy*
   (Basic authentication, no MFA prompt possible);
3. legacy: the account password works for Disabled and Enabled users; an Enforced user
   needs an app password (given in the password field) - except from a trusted IP when
   the user has never created an app password (reference §4.3); an app password is
   accepted on legacy clients (MfaSatisfiedBy AppPassword). A 21Vianet (AzureChinaCloud)
   tenant has no app passwords, so there the reason says the client cannot sign in at all;
4. modern: wrong password -> InvalidCredentials; Disabled -> Success; Enabled/Enforced:
   no usable method -> MfaRegistrationRequired; else a remembered device or a trusted IP
   skips the second factor; else LockedOut while locked; else MfaRequired without a
   code (a phone default method gets a text/call in the phone inbox), InvalidOtp with a
   wrong/replayed one (5 in a row lock MFA for 15 minutes), Success with a right one -
   which also moves an Enabled user to Enforced and may remember the device.

Every result is appended to ``tenant.signins``.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from .audit import Op, SignInResult
from .constants import (
    APP_METHODS,
    LEGACY_CLIENTS,
    PHONE_METHODS,
    Client,
    Cloud,
    MfaSatisfiedBy,
    MfaState,
    SignInStatus,
    VerificationOption,
)
from .crypto import verify_password
from .model import Tenant
from .otp import (
    LOCKOUT_DURATION,
    check_second_factor,
    is_locked_out,
    record_failure,
    record_success,
)
from .provisioning import send_code
from .users import StrongAuthMethod, User

__all__ = ["sign_in", "is_modern_client", "usable_methods", "device_is_remembered"]


def is_modern_client(tenant: Tenant, client: Client) -> bool:
    """True when ``client`` signs in with modern authentication (can prompt for MFA)."""
    if client == Client.BROWSER:
        return True
    if client in LEGACY_CLIENTS:
        return False
    return bool(tenant.org_config.get("OAuth2ClientProfileEnabled"))


def usable_methods(tenant: Tenant, user: User) -> list[StrongAuthMethod]:
    """Registered methods that have their data and are allowed by the verification options, default first."""
    allowed = tenant.mfa_settings.verification_options
    methods = [
        m for m in user.methods
        if user.method_is_usable(m.method_type) and VerificationOption.for_method(m.method_type) in allowed
    ]
    methods.sort(key=lambda m: not m.is_default)
    return methods


def device_is_remembered(tenant: Tenant, user: User, device_id: str | None, now: datetime) -> bool:
    """True when MFA was remembered on ``device_id`` within RememberMfaDays and not revoked since."""
    settings = tenant.mfa_settings
    if not device_id or not settings.remember_mfa_on_trusted_devices or user.mfa_runtime is None:
        return False
    devices = user.mfa_runtime.remembered_devices
    issued = devices.get(device_id) if devices else None
    if issued is None:
        return False
    revoked = user.remember_devices_not_issued_before
    if revoked is not None and issued <= revoked:  # a restore at the same lab-clock instant revokes it too
        return False
    return now < issued + timedelta(days=settings.remember_mfa_days)


def _legacy(tenant: Tenant, user: User, client: Client, password: str, ip: str | None) -> tuple[str, str, str | None]:
    """(Result, Reason, MfaSatisfiedBy) for a Basic-auth client."""
    why_legacy = (
        f"{client} uses Basic authentication because OAuth2ClientProfileEnabled is False"
        if client not in LEGACY_CLIENTS
        else f"{client} is a legacy client (Basic authentication, no MFA prompt)"
    )
    if verify_password(password, user.password_hash):
        if user.mfa_state == MfaState.DISABLED:
            return (SignInStatus.SUCCESS, f"Per-user MFA is Disabled: {why_legacy} and the password is enough.",
                    MfaSatisfiedBy.NOT_REQUIRED)
        if user.mfa_state == MfaState.ENABLED:
            return (
                SignInStatus.SUCCESS,
                f"Per-user MFA is Enabled but not yet Enforced: {why_legacy}, which still accepts the account password.",
                MfaSatisfiedBy.NOT_REQUIRED,
            )
        china = tenant.cloud == Cloud.AZURE_CHINA_CLOUD
        if tenant.mfa_settings.ip_is_trusted(ip):
            if not user.app_passwords:
                return (
                    SignInStatus.SUCCESS,
                    f"Per-user MFA is Enforced, but {ip} is inside a trusted IP range"
                    + ("" if china else " and the user has no app password")
                    + f", so {client} may use the account password.",
                    MfaSatisfiedBy.TRUSTED_IP,
                )
            return (
                SignInStatus.APP_PASSWORD_REQUIRED,
                f"Per-user MFA is Enforced and the user has created app passwords, so even inside the trusted IP "
                f"range {client} must use an app password.",
                None,
            )
        if china:  # no app password can exist in a 21Vianet tenant: don't send the user looking for one
            return (
                SignInStatus.APP_PASSWORD_REQUIRED,
                f"Per-user MFA is Enforced: {why_legacy}, which cannot do MFA, and a 21Vianet (AzureChinaCloud) "
                "tenant has no app passwords, so this client cannot sign in. Use a client with modern "
                "authentication (the browser, or Office 2016 / Outlook 2013 with ADAL while "
                "OAuth2ClientProfileEnabled is True).",
                None,
            )
        return (
            SignInStatus.APP_PASSWORD_REQUIRED,
            f"Per-user MFA is Enforced: {why_legacy}, so it needs an app password instead of the account password.",
            None,
        )
    for app_password in user.app_passwords:
        if verify_password(password, app_password.password_hash):
            return (
                SignInStatus.SUCCESS,
                f"{why_legacy}; the app password '{app_password.name}' was accepted in place of the password.",
                MfaSatisfiedBy.APP_PASSWORD,
            )
    if tenant.cloud == Cloud.AZURE_CHINA_CLOUD:
        return SignInStatus.INVALID_CREDENTIALS, "The password is incorrect.", None
    return SignInStatus.INVALID_CREDENTIALS, "The password (or app password) is incorrect.", None


def _modern(
    tenant: Tenant,
    user: User,
    client: Client,
    password: str,
    otp: str | None,
    ip: str | None,
    device_id: str | None,
    now: datetime,
) -> tuple[str, str, str | None, bool]:
    """(Result, Reason, MfaSatisfiedBy, mfa_completed) for a modern-auth client."""
    how = "the browser" if client == Client.BROWSER else f"{client} (modern authentication, OAuth2ClientProfileEnabled is True)"
    if not verify_password(password, user.password_hash):
        if any(verify_password(password, p.password_hash) for p in user.app_passwords):
            return (SignInStatus.INVALID_CREDENTIALS,
                    f"An app password was given, but app passwords only work with legacy clients, not {how}.", None, False)
        return SignInStatus.INVALID_CREDENTIALS, "The password is incorrect.", None, False
    state = user.mfa_state
    if state == MfaState.DISABLED:
        return (SignInStatus.SUCCESS, f"Per-user MFA is Disabled: the password alone signs in to {how}.",
                MfaSatisfiedBy.NOT_REQUIRED, False)
    methods = usable_methods(tenant, user)
    if not methods:
        if user.authenticator_reregistration_required:
            detail = "its authenticator app secret could not be restored from the snapshot, so it must be registered again"
        elif user.methods:
            detail = "none of its registered methods is usable (missing data or not allowed by the verification options)"
        else:
            detail = "it has no registered verification method"
        return (SignInStatus.MFA_REGISTRATION_REQUIRED,
                f"Per-user MFA is {state} and {detail}: a sign-in to {how} must register security info first.", None, False)
    if device_is_remembered(tenant, user, device_id, now):
        return (SignInStatus.SUCCESS,
                f"MFA was remembered on device {device_id} less than {tenant.mfa_settings.remember_mfa_days} days ago.",
                MfaSatisfiedBy.REMEMBERED_DEVICE, False)
    if tenant.mfa_settings.ip_is_trusted(ip):
        return (SignInStatus.SUCCESS, f"{ip} is inside a trusted IP range, so MFA is skipped.",
                MfaSatisfiedBy.TRUSTED_IP, False)
    if is_locked_out(user, now):
        until = user.runtime().locked_until
        return (SignInStatus.LOCKED_OUT,
                f"Too many wrong verification codes: MFA is locked for this user until {until:%H:%M:%S} UTC.", None, False)
    default = methods[0]
    allow_totp = any(m.method_type in APP_METHODS for m in methods)
    allow_phone = any(m.method_type in PHONE_METHODS for m in methods)
    if otp is None or str(otp).strip() == "":
        if default.method_type in PHONE_METHODS:
            number = user.phone_for(default.method_type) or ""
            user.runtime().pending_signin_code = send_code(tenant, number, default.method_type, "sign-in")
            channel = "texted" if default.method_type == "OneWaySMS" else "given by a phone call"
            return (SignInStatus.MFA_REQUIRED,
                    f"Per-user MFA is {state}: a verification code was {channel} to {number}; sign in again with -Otp.",
                    None, False)
        return (SignInStatus.MFA_REQUIRED,
                f"Per-user MFA is {state}: enter the code from the authenticator app with -Otp.", None, False)
    check = check_second_factor(user, str(otp), now, allow_totp, allow_phone)
    if not check.ok:
        locked = record_failure(user, now)
        minutes = int(LOCKOUT_DURATION.total_seconds() // 60)
        suffix = f" That was the fifth wrong code in a row: MFA is locked for {minutes} minutes." if locked else ""
        return SignInStatus.INVALID_OTP, f"The second factor failed: {check.detail}.{suffix}", None, False
    record_success(user.runtime())
    return SignInStatus.SUCCESS, f"Per-user MFA is {state}: {check.detail}.", MfaSatisfiedBy.OTP, True


def sign_in(
    tenant: Tenant,
    upn: str,
    password: str,
    client: str = "Browser",
    otp: str | None = None,
    ip: str | None = None,
    remember_device: bool = False,
    device_id: str | None = None,
) -> SignInResult:
    """Simulate one sign-in and log it; returns the :class:`SignInResult`.

    ``client`` is a :class:`Client` name (any casing; ValidationError otherwise).  With
    ``remember_device`` a successful MFA sign-in remembers ``device_id`` (a new id is
    generated and returned in ``DeviceId`` when none is given) if the service setting
    RememberMfaOnTrustedDevices is on.
    """
    kind = Client.parse(client, "Client")
    now = tenant.now()
    user = tenant.find_user(upn)
    satisfied: str | None = None
    result: str
    reason: str
    completed = False
    if user is None:
        result, reason = SignInStatus.INVALID_CREDENTIALS, f"There is no account '{upn}' in this tenant."
    elif user.block_credential:
        result, reason = SignInStatus.BLOCKED, "Sign-in is blocked for this account (BlockCredential is True)."
    elif is_modern_client(tenant, kind):
        result, reason, satisfied, completed = _modern(tenant, user, kind, password, otp, ip, device_id, now)
    else:
        result, reason, satisfied = _legacy(tenant, user, kind, password, ip)
    if user is not None and completed:
        reason = _after_mfa(tenant, user, remember_device, device_id, now, reason)
        if remember_device and tenant.mfa_settings.remember_mfa_on_trusted_devices:
            device_id = _remember(user, device_id, now)
    row = SignInResult(
        UserPrincipalName=user.user_principal_name if user is not None else upn,
        Client=str(kind),
        Result=str(result),
        Reason=reason,
        MfaSatisfiedBy=str(satisfied) if satisfied is not None else None,
        DateTime=now,
        IPAddress=ip,
        DeviceId=device_id,
    )
    tenant.signins.append(row)
    return row


def _after_mfa(tenant: Tenant, user: User, remember: bool, device_id: str | None, now: datetime, reason: str) -> str:
    if user.mfa_state == MfaState.ENABLED:
        user.mfa_state = MfaState.ENFORCED
        tenant.audit.record(
            now, user.user_principal_name, Op.UPDATE_USER, user.user_principal_name,
            modified={"StrongAuthenticationRequirement": ("Enabled", "Enforced")},
            details={"TargetObjectId": user.object_id, "Reason": "MFA completed at a modern sign-in"},
        )
        reason += " The user completed MFA, so per-user MFA moved from Enabled to Enforced."
    if remember:
        if tenant.mfa_settings.remember_mfa_on_trusted_devices:
            reason += f" MFA is remembered on this device for {tenant.mfa_settings.remember_mfa_days} days."
        else:
            reason += " The device was not remembered: RememberMfaOnTrustedDevices is off."
    return reason


def _remember(user: User, device_id: str | None, now: datetime) -> str:
    device = device_id or str(uuid.uuid4())
    rt = user.runtime()
    if rt.remembered_devices is None:
        rt.remembered_devices = {}
    rt.remembered_devices[device] = now
    return device
