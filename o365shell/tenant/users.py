"""The User record and its small value types.

Memory matters (100,000 users must stay under 2 KB each), so:

* every class uses ``__slots__`` (``dataclass(slots=True)``);
* empty collections are the shared empty tuple ``()``, never a fresh list;
* rarely used MFA runtime state (TOTP secret, lockout, remembered devices, pending
  codes) lives in an :class:`MfaRuntime` object created only when first needed;
* the many computed Get-MsolUser properties are not stored (see ``views.py``).

Field names are snake_case here; ``views.msol_user_view`` maps them to the real
MSOnline property names.  The TOTP secret is kept in ``MfaRuntime`` and is never shown
by ``repr`` or any view; use ``mfa``/``signin`` functions to verify codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from .constants import APP_METHODS, PHONE_METHODS, MethodType, MfaState

__all__ = [
    "EPOCH",
    "StrongAuthMethod",
    "StrongAuthUserDetails",
    "PhoneAppDetail",
    "AppPassword",
    "PendingCode",
    "MfaRuntime",
    "User",
    "NO_METHODS",
]

#: Placeholder timestamp for records built before a clock exists.
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True, slots=True)
class StrongAuthMethod:
    """One registered method (StrongAuthenticationMethod): its type and whether it is the default."""

    method_type: MethodType
    is_default: bool


NO_METHODS: tuple[StrongAuthMethod, ...] = ()


@dataclass(frozen=True, slots=True)
class StrongAuthUserDetails:
    """Registration contact data (StrongAuthenticationUserDetails)."""

    phone_number: str | None = None
    alternative_phone_number: str | None = None
    email: str | None = None


@dataclass(frozen=True, slots=True)
class PhoneAppDetail:
    """A registered authenticator app (StrongAuthenticationPhoneAppDetail, secret excluded)."""

    id: str
    device_name: str
    authentication_type: str = "OTP"
    device_tag: str = "SoftwareTokenActivated"
    notification_type: str = "Invalid"
    phone_app_version: str = "6.2401.0119"
    oath_token_time_drift: int = 0


@dataclass(frozen=True, slots=True)
class AppPassword:
    """An app password: its name, creation time and salted hash (the clear text is never kept)."""

    name: str
    created: datetime
    password_hash: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class PendingCode:
    """A one-time code sent to a phone: for a sign-in or to confirm a phone registration."""

    code: str = field(repr=False)
    phone_number: str
    expires: datetime
    method_type: MethodType


@dataclass(slots=True)
class MfaRuntime:
    """Per-user MFA state that most users never have; created lazily by :meth:`User.runtime`.

    * ``totp_secret``: base32 secret of the confirmed authenticator app (never exposed);
    * ``pending_totp_secret``: secret handed out by a registration not yet confirmed;
    * ``totp_reregistration_required``: the secret could not be decrypted from a snapshot;
    * ``last_totp_step``: highest TOTP time-step accepted (replay protection);
    * ``failed_attempts`` / ``locked_until``: consecutive wrong codes and MFA lockout;
    * ``pending_signin_code`` / ``pending_phone``: codes sent to the phone inbox;
    * ``remembered_devices``: device id -> time MFA was remembered on it.
    """

    totp_secret: str | None = field(default=None, repr=False)
    pending_totp_secret: str | None = field(default=None, repr=False)
    totp_reregistration_required: bool = False
    last_totp_step: int | None = None
    failed_attempts: int = 0
    locked_until: datetime | None = None
    pending_signin_code: PendingCode | None = None
    pending_phone: PendingCode | None = None
    remembered_devices: dict[str, datetime] | None = None

    def is_empty(self) -> bool:
        """True when nothing worth keeping is stored (lets snapshots skip it)."""
        return (
            self.totp_secret is None
            and self.pending_totp_secret is None
            and not self.totp_reregistration_required
            and self.last_totp_step is None
            and self.failed_attempts == 0
            and self.locked_until is None
            and self.pending_signin_code is None
            and self.pending_phone is None
            and not self.remembered_devices
        )


@dataclass(slots=True, eq=False)
class User:
    """A directory user: what Get-MsolUser shows (stored part) plus its MFA and credentials.

    ``object_id`` is the lower-case GUID string.  ``soft_deletion_timestamp`` is set
    while the user is in the recycle bin.  ``licenses`` holds AccountSkuId strings.
    Use the tenant's functions (``directory``, ``mfa``, ``provisioning``) to change a
    user: they authorize, validate, audit and keep the tenant's indexes right.
    """

    user_principal_name: str
    object_id: str
    display_name: str
    password_hash: str = field(repr=False)
    first_name: str | None = None
    last_name: str | None = None
    department: str | None = None
    title: str | None = None
    office: str | None = None
    city: str | None = None
    state: str | None = None
    country: str | None = None
    street_address: str | None = None
    postal_code: str | None = None
    phone_number: str | None = None
    mobile_phone: str | None = None
    fax: str | None = None
    usage_location: str | None = None
    preferred_language: str | None = None
    preferred_data_location: str | None = None
    immutable_id: str | None = None
    user_type: str = "Member"
    alternate_email_addresses: tuple[str, ...] = ()
    alternate_mobile_phones: tuple[str, ...] = ()
    licenses: tuple[str, ...] = ()
    block_credential: bool = False
    password_never_expires: bool = False
    strong_password_required: bool = True
    force_change_password: bool = False
    when_created: datetime = EPOCH
    last_password_change: datetime = EPOCH
    sts_refresh_tokens_valid_from: datetime | None = None
    soft_deletion_timestamp: datetime | None = None
    mfa_state: MfaState = MfaState.DISABLED
    remember_devices_not_issued_before: datetime | None = None
    #: Graph beta signInPreferences.isSystemPreferredAuthenticationMethodEnabled (stored; the simulated
    #: sign-in always prompts for the default method).
    system_preferred_mfa: bool = False
    methods: tuple[StrongAuthMethod, ...] = ()
    user_details: StrongAuthUserDetails | None = None
    phone_app_details: tuple[PhoneAppDetail, ...] = ()
    proofup_time: int | None = None
    app_passwords: tuple[AppPassword, ...] = field(default=(), repr=False)
    mfa_runtime: MfaRuntime | None = field(default=None, repr=False)

    @property
    def is_deleted(self) -> bool:
        """True while the user is in the recycle bin."""
        return self.soft_deletion_timestamp is not None

    @property
    def is_licensed(self) -> bool:
        """True when at least one license is assigned."""
        return bool(self.licenses)

    @property
    def alias(self) -> str:
        """The part of the UPN before '@' (the Exchange alias / mailbox Name)."""
        return self.user_principal_name.partition("@")[0]

    @property
    def default_method(self) -> StrongAuthMethod | None:
        """The registered method with IsDefault, if any."""
        for method in self.methods:
            if method.is_default:
                return method
        return None

    def method_types(self) -> tuple[MethodType, ...]:
        """The registered MethodTypes in order."""
        return tuple(m.method_type for m in self.methods)

    def runtime(self) -> MfaRuntime:
        """The user's MfaRuntime, created on first use."""
        if self.mfa_runtime is None:
            self.mfa_runtime = MfaRuntime()
        return self.mfa_runtime

    @property
    def has_authenticator_secret(self) -> bool:
        """True when a confirmed authenticator app secret is stored (the secret itself is never exposed)."""
        return self.mfa_runtime is not None and self.mfa_runtime.totp_secret is not None

    @property
    def authenticator_reregistration_required(self) -> bool:
        """True when a snapshot could not decrypt the authenticator secret: the app must be registered again."""
        return self.mfa_runtime is not None and self.mfa_runtime.totp_reregistration_required

    def phone_for(self, method_type: MethodType) -> str | None:
        """The phone number a phone method calls or texts (None if not registered)."""
        details = self.user_details
        if method_type in (MethodType.ONE_WAY_SMS, MethodType.TWO_WAY_VOICE_MOBILE):
            return details.phone_number if details else None
        if method_type == MethodType.TWO_WAY_VOICE_ALTERNATE_MOBILE:
            return details.alternative_phone_number if details else None
        if method_type == MethodType.TWO_WAY_VOICE_OFFICE:
            return self.phone_number
        return None

    def method_is_usable(self, method_type: MethodType) -> bool:
        """True when the registration data a method needs is present (phone number / app secret)."""
        if method_type in PHONE_METHODS:
            return bool(self.phone_for(method_type))
        if method_type in APP_METHODS:
            return self.has_authenticator_secret
        return False
