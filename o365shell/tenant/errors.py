"""Exceptions raised by the tenant model.

Every error derives from :class:`TenantError` and carries the facts the cmdlet layer
needs to render the real module's error text.  ``str(error)`` is already the message
an admin would see after the ``Cmdlet-Name : `` prefix (e.g. MSOnline's
``User Not Found.  User: AlexW@contoso.com.``); the structured attributes let an
adapter build its own text (Exchange wording, Graph wording...) when it needs to.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = [
    "TenantError",
    "UserNotFound",
    "UserAlreadyExists",
    "RoleNotFound",
    "RoleMembershipError",
    "DomainNotFound",
    "MailboxNotFound",
    "PolicyNotFound",
    "PolicyAlreadyExists",
    "AccessDenied",
    "ValidationError",
    "UnknownProperty",
    "PasswordPolicyError",
    "LicenseError",
    "AuthenticationFailed",
    "InvalidVerificationCode",
    "NoPendingRegistration",
    "AppPasswordNotAllowed",
    "AppPasswordLimitReached",
    "SnapshotError",
]


class TenantError(Exception):
    """Base class of every error the tenant model raises.

    ``category`` is a PowerShell-ish ErrorCategory name that the cmdlet layer may use
    for the ErrorRecord (``ObjectNotFound``, ``PermissionDenied``, ``InvalidArgument``...).
    """

    category: str = "InvalidOperation"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UserNotFound(TenantError):
    """No (active) user with that UPN or ObjectId exists.

    The message is MSOnline's: ``User Not Found.  User: <upn>.`` (two spaces).
    """

    category = "ObjectNotFound"

    def __init__(self, upn: str) -> None:
        super().__init__(f"User Not Found.  User: {upn}.")
        self.upn = upn


class UserAlreadyExists(TenantError):
    """A user with the same UserPrincipalName already exists (New-MsolUser, Restore-MsolUser)."""

    category = "ResourceExists"

    def __init__(self, upn: str) -> None:
        super().__init__(
            "A conflicting object with one or more of the specified property values is present in the directory."
        )
        self.upn = upn


class RoleNotFound(TenantError):
    """No role with that name or ObjectId exists."""

    category = "ObjectNotFound"

    def __init__(self, role: str) -> None:
        super().__init__(f"Role not found.  Role: {role}.")
        self.role = role


class RoleMembershipError(TenantError):
    """Adding a member twice, or removing a member that is not in the role."""

    category = "InvalidOperation"

    def __init__(self, message: str, role: str, member: str) -> None:
        super().__init__(message)
        self.role = role
        self.member = member


class DomainNotFound(TenantError):
    """No domain with that name exists in the tenant."""

    category = "ObjectNotFound"

    def __init__(self, domain: str) -> None:
        super().__init__(f"Domain not found.  Domain: {domain}.")
        self.domain = domain


class MailboxNotFound(TenantError):
    """No mailbox matches the Exchange identity (Get-/Set-CASMailbox)."""

    category = "ObjectNotFound"

    def __init__(self, identity: str) -> None:
        super().__init__(
            f"The operation couldn't be performed because object '{identity}' couldn't be found on "
            "'CONTOSO01.PROD.OUTLOOK.COM'."
        )
        self.identity = identity


class PolicyNotFound(TenantError):
    """No authentication policy matches the identity."""

    category = "ObjectNotFound"

    def __init__(self, identity: str) -> None:
        super().__init__(
            f"The operation couldn't be performed because object '{identity}' couldn't be found on "
            "'CONTOSO01.PROD.OUTLOOK.COM'."
        )
        self.identity = identity


class PolicyAlreadyExists(TenantError):
    """New-AuthenticationPolicy with a name that is already used."""

    category = "ResourceExists"

    def __init__(self, name: str) -> None:
        super().__init__(f"The object '{name}' already exists.")
        self.name = name


class AccessDenied(TenantError):
    """The acting account's roles do not allow the action.

    ``str()`` is MSOnline's text; ``reason`` is a sentence naming the rule that denied
    the call (for verbose output and tests); ``actor``, ``action`` and ``target`` are the
    facts of the attempt.
    """

    category = "PermissionDenied"

    def __init__(self, actor: str, action: str, target: str | None, reason: str) -> None:
        super().__init__("Access Denied. You do not have permissions to call this cmdlet.")
        self.actor = actor
        self.action = action
        self.target = target
        self.reason = reason


class ValidationError(TenantError):
    """A value is not acceptable (wrong type, out of range, bad format...).

    ``field`` names the property/parameter, ``value`` is the offending value.
    """

    category = "InvalidArgument"

    def __init__(self, message: str, field: str | None = None, value: Any = None) -> None:
        super().__init__(message)
        self.field = field
        self.value = value


class UnknownProperty(ValidationError):
    """The property name does not exist on the object (e.g. Set-OrganizationConfig -Foo)."""

    def __init__(self, object_type: str, name: str) -> None:
        super().__init__(f"'{name}' is not a property of {object_type}.", field=name)
        self.object_type = object_type


class PasswordPolicyError(ValidationError):
    """The password does not meet the strong-password rules."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            "The specified password does not comply with password complexity requirements. "
            "Please provide a different password.",
            field="Password",
        )
        self.detail = detail


class LicenseError(ValidationError):
    """A license cannot be assigned or removed (unknown SKU, no units left, no UsageLocation...)."""

    def __init__(self, message: str, sku: str | None = None) -> None:
        super().__init__(message, field="Licenses", value=sku)
        self.sku = sku


class AuthenticationFailed(TenantError):
    """A user-side lab action was given a wrong password (e.g. Register-LabAuthenticatorApp)."""

    category = "AuthenticationError"

    def __init__(self, upn: str) -> None:
        super().__init__(f"Your account or password is incorrect.  User: {upn}.")
        self.upn = upn


class InvalidVerificationCode(ValidationError):
    """A registration confirmation code is wrong or expired."""

    def __init__(self, upn: str, detail: str) -> None:
        super().__init__(f"The verification code is not valid for {upn}: {detail}", field="Otp")
        self.upn = upn


class NoPendingRegistration(TenantError):
    """Confirm-* called while no registration of that kind is in progress for the user."""

    def __init__(self, upn: str, what: str) -> None:
        super().__init__(f"No {what} registration is in progress for {upn}; register first.")
        self.upn = upn
        self.what = what


class AppPasswordNotAllowed(TenantError):
    """Creating an app password is not allowed.

    ``reason`` is one of:
    ``"ServiceSettingOff"`` (AllowAppPasswords is false),
    ``"AzureChinaCloud"`` (21Vianet tenants have no app passwords),
    ``"MfaNotEnabled"`` (the user's per-user MFA is Disabled).
    """

    category = "PermissionDenied"

    MESSAGES = {
        "ServiceSettingOff": "App passwords are not allowed: the administrator has not allowed users to "
        "create app passwords to sign in to non-browser apps (MFA service setting AllowAppPasswords is off).",
        "AzureChinaCloud": "App passwords are not available in Microsoft Azure operated by 21Vianet "
        "(AzureChinaCloud).",
        "MfaNotEnabled": "App passwords are only available to users whose per-user multi-factor "
        "authentication is Enabled or Enforced.",
    }

    def __init__(self, upn: str, reason: str) -> None:
        super().__init__(self.MESSAGES[reason])
        self.upn = upn
        self.reason = reason


class AppPasswordLimitReached(TenantError):
    """The user already has the maximum number of app passwords (40)."""

    category = "LimitsExceeded"

    def __init__(self, upn: str, limit: int) -> None:
        super().__init__(f"{upn} already has {limit} app passwords, the maximum; delete one first.")
        self.upn = upn
        self.limit = limit


class SnapshotError(TenantError):
    """A snapshot file cannot be written or is refused on load.

    The message names the file and what is wrong with it; ``path`` and ``problem``
    hold the two parts separately.
    """

    category = "InvalidData"

    def __init__(self, path: str | Path, problem: str) -> None:
        super().__init__(f"Cannot use tenant snapshot '{path}': {problem}")
        self.path = str(path)
        self.problem = problem
