"""Enumerations shared by the tenant model.

All are :class:`enum.StrEnum`, so a member compares equal to its plain string value
(``MfaState.ENFORCED == "Enforced"``) and prints as the value.  Each has a ``parse``
class method accepting any casing, for values typed by admins.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from .errors import ValidationError

__all__ = [
    "MfaState",
    "MethodType",
    "Client",
    "SignInStatus",
    "MfaSatisfiedBy",
    "VerificationOption",
    "Cloud",
    "PHONE_METHODS",
    "APP_METHODS",
    "LEGACY_CLIENTS",
    "MODERN_CAPABLE_CLIENTS",
]

_E = TypeVar("_E", bound="_ParsableEnum")


class _ParsableEnum(StrEnum):
    """StrEnum with a case-insensitive :meth:`parse`."""

    @classmethod
    def parse(cls: type[_E], value: object, field: str | None = None) -> _E:
        """Return the member whose value matches ``value`` case-insensitively, else ValidationError."""
        if isinstance(value, cls):
            return value
        text = str(value).strip().lower() if value is not None else ""
        for member in cls:
            if member.value.lower() == text:
                return member
        allowed = ", ".join(m.value for m in cls)
        name = field or cls.__name__
        raise ValidationError(f"'{value}' is not a valid {name}; valid values: {allowed}.", field=name, value=value)


class MfaState(_ParsableEnum):
    """Per-user MFA state (the legacy per-user MFA page's MULTI-FACTOR AUTH STATUS)."""

    DISABLED = "Disabled"
    ENABLED = "Enabled"
    ENFORCED = "Enforced"


class MethodType(_ParsableEnum):
    """StrongAuthenticationMethod.MethodType values (TwoWaySMS was retired in 2018)."""

    ONE_WAY_SMS = "OneWaySMS"
    TWO_WAY_VOICE_MOBILE = "TwoWayVoiceMobile"
    TWO_WAY_VOICE_OFFICE = "TwoWayVoiceOffice"
    TWO_WAY_VOICE_ALTERNATE_MOBILE = "TwoWayVoiceAlternateMobile"
    PHONE_APP_OTP = "PhoneAppOTP"
    PHONE_APP_NOTIFICATION = "PhoneAppNotification"


#: Methods that deliver a code to a phone number (text or call).
PHONE_METHODS = frozenset(
    {
        MethodType.ONE_WAY_SMS,
        MethodType.TWO_WAY_VOICE_MOBILE,
        MethodType.TWO_WAY_VOICE_OFFICE,
        MethodType.TWO_WAY_VOICE_ALTERNATE_MOBILE,
    }
)
#: Methods backed by the authenticator app (its TOTP secret).
APP_METHODS = frozenset({MethodType.PHONE_APP_OTP, MethodType.PHONE_APP_NOTIFICATION})


class Client(_ParsableEnum):
    """The client application of a simulated sign-in (Invoke-LabSignIn -Client)."""

    BROWSER = "Browser"
    OUTLOOK2013 = "Outlook2013"
    OUTLOOK2013_ADAL = "Outlook2013Adal"
    OFFICE2016 = "Office2016"
    ACTIVESYNC = "ActiveSync"
    IMAP = "Imap"
    POP = "Pop"
    SMTP = "Smtp"


#: Always Basic authentication (cannot show an MFA prompt).
LEGACY_CLIENTS = frozenset({Client.OUTLOOK2013, Client.ACTIVESYNC, Client.IMAP, Client.POP, Client.SMTP})
#: Modern authentication only while OrganizationConfig.OAuth2ClientProfileEnabled is true.
MODERN_CAPABLE_CLIENTS = frozenset({Client.OFFICE2016, Client.OUTLOOK2013_ADAL})


class SignInStatus(_ParsableEnum):
    """SignInResult.Result values."""

    SUCCESS = "Success"
    INVALID_CREDENTIALS = "InvalidCredentials"
    BLOCKED = "Blocked"
    LOCKED_OUT = "LockedOut"
    MFA_REGISTRATION_REQUIRED = "MfaRegistrationRequired"
    MFA_REQUIRED = "MfaRequired"
    INVALID_OTP = "InvalidOtp"
    APP_PASSWORD_REQUIRED = "AppPasswordRequired"


class MfaSatisfiedBy(_ParsableEnum):
    """SignInResult.MfaSatisfiedBy values (None on a failed sign-in)."""

    NOT_REQUIRED = "NotRequired"
    OTP = "Otp"
    APP_PASSWORD = "AppPassword"
    TRUSTED_IP = "TrustedIP"
    REMEMBERED_DEVICE = "RememberedDevice"


class VerificationOption(_ParsableEnum):
    """The four verification options of the MFA service settings.

    The value is the stable identifier; :attr:`display_name` is the portal's label.
    :meth:`parse` accepts either.
    """

    PHONE_CALL = "PhoneCall"
    TEXT_MESSAGE = "TextMessage"
    MOBILE_APP_NOTIFICATION = "MobileAppNotification"
    MOBILE_APP_CODE = "MobileAppCode"

    @property
    def display_name(self) -> str:
        """The label shown on the MFA service settings page."""
        return _VERIFICATION_LABELS[self]

    @classmethod
    def parse(cls, value: object, field: str | None = None) -> "VerificationOption":
        """Accept the identifier or the portal label, any casing."""
        text = str(value).strip().lower()
        for member, label in _VERIFICATION_LABELS.items():
            if label.lower() == text:
                return member
        return super().parse(value, field or "VerificationOptions")

    @staticmethod
    def for_method(method: MethodType) -> "VerificationOption":
        """The verification option that a registered method relies on."""
        return _METHOD_OPTION[method]


_VERIFICATION_LABELS = {
    VerificationOption.PHONE_CALL: "Call to phone",
    VerificationOption.TEXT_MESSAGE: "Text message to phone",
    VerificationOption.MOBILE_APP_NOTIFICATION: "Notification through mobile app",
    VerificationOption.MOBILE_APP_CODE: "Verification code from mobile app or hardware token",
}

_METHOD_OPTION = {
    MethodType.ONE_WAY_SMS: VerificationOption.TEXT_MESSAGE,
    MethodType.TWO_WAY_VOICE_MOBILE: VerificationOption.PHONE_CALL,
    MethodType.TWO_WAY_VOICE_OFFICE: VerificationOption.PHONE_CALL,
    MethodType.TWO_WAY_VOICE_ALTERNATE_MOBILE: VerificationOption.PHONE_CALL,
    MethodType.PHONE_APP_OTP: VerificationOption.MOBILE_APP_CODE,
    MethodType.PHONE_APP_NOTIFICATION: VerificationOption.MOBILE_APP_NOTIFICATION,
}


class Cloud(_ParsableEnum):
    """The Azure environment of the tenant (Connect-MsolService -AzureEnvironment)."""

    AZURE_CLOUD = "AzureCloud"
    AZURE_CHINA_CLOUD = "AzureChinaCloud"
