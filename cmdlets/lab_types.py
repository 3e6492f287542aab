"""Shared pieces of the Lab cmdlets (the user's side of MFA, SPEC §6): the result types with
their format views, the base class, and value conversions (passwords, codes, lab times).

Result types are small Python classes standing for .NET-like types (``O365Shell.Lab.*``):
PascalCase properties, ``__ps_properties__`` for Format-List * order and a registered
format view for the default display.  None of them ever holds a stored secret: only the
objects returned at creation (Register-LabAuthenticatorApp's ``Secret``, New-LabAppPassword's
``Password``) carry the one-time value.
"""
from __future__ import annotations

import datetime as _pydt
from typing import Any

from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory
from o365shell.engine.netlib.datetime import DateTime
from o365shell.engine.valuetypes import PSCredential, SecureString
from o365shell.format import views as _views

from .tenantsvc import TenantCmdlet, get_tenant

LAB_MODULE = "O365Shell.Lab"
CLIENTS = ("Browser", "Outlook2013", "Outlook2013Adal", "Office2016", "ActiveSync", "Imap", "Pop", "Smtp")
PHONE_METHOD_TYPES = ("OneWaySMS", "TwoWayVoiceMobile", "TwoWayVoiceOffice", "TwoWayVoiceAlternateMobile")


# ----------------------------------------------------------------------------- conversions

def ps_time(dt: _pydt.datetime | None) -> DateTime | None:
    """A tenant time (aware UTC) as a UTC DateTime, as the tenant's other records (and sign-in logs) show it."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=_pydt.UTC)
    return DateTime(dt)


def local_time(dt: _pydt.datetime) -> DateTime:
    """A tenant time as a local DateTime, the way Get-Date shows the time (Get-LabClock)."""
    return DateTime(dt if dt.tzinfo else dt.replace(tzinfo=_pydt.UTC)).ToLocalTime()


def utc_time(value: Any) -> _pydt.datetime:
    """A DateTime parameter value as an aware UTC Python datetime (Unspecified counts as local, as .NET)."""
    if isinstance(value, DateTime):
        return value.to_utc_datetime()
    if isinstance(value, _pydt.datetime):
        return value if value.tzinfo else value.astimezone(_pydt.UTC)
    return DateTime.Parse(to_string(value)).to_utc_datetime()


def plain_password(value: Any) -> str:
    """A -Password value (string, SecureString or PSCredential) as the text a user would type."""
    if isinstance(value, SecureString):
        return value.reveal()
    if isinstance(value, PSCredential):
        return value.Password.reveal()
    if value is None:
        return ""
    return to_string(value)


def otp_text(value: Any) -> str | None:
    """An -Otp value as a code string; an unquoted number keeps its leading zeros (6 digits)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return to_string(value)
    if isinstance(value, int):
        return f"{value:06d}" if 0 <= value < 1_000_000 else str(value)
    if isinstance(value, SecureString):
        return value.reveal()
    return to_string(value).strip()


# ----------------------------------------------------------------------------- result types

class _LabRecord:
    """Base of the Lab result types: keyword construction, property order from __slots__."""

    __slots__: tuple[str, ...] = ()

    def __init__(self, **values: Any) -> None:
        for name in self.__ps_properties__:  # type: ignore[attr-defined]
            setattr(self, name, values.get(name))

    def ToString(self) -> str:
        return self.__ps_typename__  # type: ignore[attr-defined, no-any-return]


class LabSignInResult(_LabRecord):
    """Invoke-LabSignIn output: the outcome of one simulated sign-in and the rule that decided it."""

    __ps_typename__ = "O365Shell.Lab.SignInResult"
    __ps_properties__ = ("UserPrincipalName", "Client", "Result", "MfaSatisfiedBy", "Reason", "DateTime",
                         "IPAddress", "DeviceId")
    __ps_default_display__ = ("Result", "MfaSatisfiedBy", "Client", "Reason")
    __slots__ = __ps_properties__

    @classmethod
    def from_row(cls, row: Any) -> LabSignInResult:
        return cls(UserPrincipalName=row.UserPrincipalName, Client=row.Client, Result=row.Result,
                   MfaSatisfiedBy=row.MfaSatisfiedBy, Reason=row.Reason, DateTime=ps_time(row.DateTime),
                   IPAddress=row.IPAddress, DeviceId=row.DeviceId)


class LabSignInLogEntry(LabSignInResult):
    """Get-LabSignInLog output: a logged sign-in (same properties; shown as a table)."""

    __ps_typename__ = "O365Shell.Lab.SignInLogEntry"
    __ps_typenames__ = ("O365Shell.Lab.SignInLogEntry", "O365Shell.Lab.SignInResult", "System.Object")
    __ps_default_display__ = ("DateTime", "UserPrincipalName", "Client", "Result", "MfaSatisfiedBy")
    __slots__ = ()


class LabAuthenticatorRegistration(_LabRecord):
    """Register-LabAuthenticatorApp output: the only time the TOTP secret is ever shown."""

    __ps_typename__ = "O365Shell.Lab.AuthenticatorRegistration"
    __ps_properties__ = ("UserPrincipalName", "Secret", "ProvisioningUri")
    __ps_default_display__ = __ps_properties__
    __slots__ = __ps_properties__


class LabRegistrationResult(_LabRecord):
    """Confirm-LabAuthenticatorApp / Confirm-LabPhoneMethod output: the method added and the MFA state."""

    __ps_typename__ = "O365Shell.Lab.RegistrationResult"
    __ps_properties__ = ("UserPrincipalName", "MethodType", "IsDefault", "PreviousMfaState", "MfaState")
    __ps_default_display__ = __ps_properties__
    __slots__ = __ps_properties__


class LabPhoneVerification(_LabRecord):
    """Register-LabPhoneMethod output: where the verification text or call went."""

    __ps_typename__ = "O365Shell.Lab.PhoneVerification"
    __ps_properties__ = ("UserPrincipalName", "PhoneNumber", "MethodType", "Kind")
    __ps_default_display__ = __ps_properties__
    __slots__ = __ps_properties__


class LabPhoneMessage(_LabRecord):
    """Get-LabPhoneMessage output: a text or call received by a simulated phone."""

    __ps_typename__ = "O365Shell.Lab.PhoneMessage"
    __ps_properties__ = ("DateTime", "PhoneNumber", "Kind", "Code", "Body")
    __ps_default_display__ = ("DateTime", "Kind", "Code", "Body")
    __slots__ = __ps_properties__


class LabAppPassword(_LabRecord):
    """New-LabAppPassword output: the only time the app password itself is ever shown."""

    __ps_typename__ = "O365Shell.Lab.AppPassword"
    __ps_properties__ = ("UserPrincipalName", "Name", "Password", "CreatedDateTime")
    __ps_default_display__ = __ps_properties__
    __slots__ = __ps_properties__


class LabAppPasswordInfo(_LabRecord):
    """Get-LabAppPassword output: an app password's metadata (never the password)."""

    __ps_typename__ = "O365Shell.Lab.AppPasswordInfo"
    __ps_properties__ = ("UserPrincipalName", "Name", "CreatedDateTime")
    __ps_default_display__ = __ps_properties__
    __slots__ = __ps_properties__


def _register_views() -> None:
    _views.register_list_view(LabSignInResult.__ps_typename__, list(LabSignInResult.__ps_properties__))
    _views.register_table_view(LabSignInLogEntry.__ps_typename__,
                               [("DateTime", "DateTime", 22), ("UserPrincipalName", "UserPrincipalName", 26),
                                ("Client", "Client", 15), ("Result", "Result", 23),
                                ("MfaSatisfiedBy", "MfaSatisfiedBy")])
    _views.register_list_view(LabAuthenticatorRegistration.__ps_typename__,
                              list(LabAuthenticatorRegistration.__ps_properties__))
    _views.register_table_view(LabRegistrationResult.__ps_typename__,
                               list(LabRegistrationResult.__ps_properties__))
    _views.register_table_view(LabPhoneVerification.__ps_typename__, list(LabPhoneVerification.__ps_properties__))
    _views.register_table_view(LabPhoneMessage.__ps_typename__,
                               [("DateTime", "DateTime", 22), ("Kind", "Kind", 5), ("Code", "Code", 7),
                                ("Body", "Body")])
    _views.register_table_view(LabAppPassword.__ps_typename__, list(LabAppPassword.__ps_properties__))
    _views.register_table_view(LabAppPasswordInfo.__ps_typename__, list(LabAppPasswordInfo.__ps_properties__))


for _tn in (LabSignInResult, LabSignInLogEntry, LabAuthenticatorRegistration, LabRegistrationResult,
            LabPhoneVerification, LabPhoneMessage, LabAppPassword, LabAppPasswordInfo):
    _views.unregister_views(_tn.__ps_typename__)
_register_views()


# ----------------------------------------------------------------------------- base class

class LabCmdlet(TenantCmdlet):
    """A Lab cmdlet: acts as the user (or the lab), so it needs no admin connection."""

    module = LAB_MODULE
    version = "1.0.0"
    connection = None

    @property
    def tenant(self) -> Any:
        return get_tenant(self.ctx)

    def lab_error(self, e: Exception, target: Any = None) -> Any:
        """An ErrorRecord-ready exception for a tenant error (its message is the user-visible text)."""
        from o365shell.tenant import errors as E
        if isinstance(e, (E.UserNotFound, E.AccessDenied)):
            return self.tenant_error(e, target)
        name = getattr(e, "category", "InvalidOperation")
        try:
            category = ErrorCategory[name]
        except KeyError:
            category = ErrorCategory.InvalidOperation
        return self.error(str(e), type(e).__name__, category, target)

    def report(self, e: Exception, target: Any = None) -> None:
        """A tenant error as a non-terminating error of this cmdlet."""
        self.write_error(self.lab_error(e, target))
