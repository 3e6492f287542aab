"""The simulated Office 365 tenant: a plain Python domain model (no PowerShell in it).

Entry points (see each module for details):

* ``seed.build_tenant(size=0, cloud="AzureCloud")`` -> :class:`Tenant` (the Contoso seed);
* ``Tenant`` lookups: ``get_user``, ``find_user``, ``user_by_object_id``, ``iter_users``,
  ``role``, ``role_members``, ``domain``, ``sku``, ``org_config``, ``mfa_settings``...;
* admin operations taking the actor's UPN: ``directory`` (users, passwords, licenses,
  roles), ``mfa`` (per-user MFA, user settings, service settings), ``bulk`` (CSV bulk
  update), ``exchange`` (OrganizationConfig, CAS mailboxes, authentication policies);
* the user's side: ``provisioning`` (register authenticator/phone, app passwords) and
  ``signin.sign_in``;
* ``rbac.authorize`` / ``rbac.Action``; ``audit`` logs; ``store.save`` / ``store.load``;
* ``views`` turns records into the real MSOnline property sets.
"""

from __future__ import annotations

from .audit import AuditLog, AuditRecord, SignInLog, SignInResult
from .bulk import BulkReport, BulkRow, bulk_template, bulk_update_mfa, parse_bulk_csv
from .clock import LabClock
from .constants import (
    Client,
    Cloud,
    MethodType,
    MfaSatisfiedBy,
    MfaState,
    SignInStatus,
    VerificationOption,
)
from .errors import (
    AccessDenied,
    AppPasswordLimitReached,
    AppPasswordNotAllowed,
    AuthenticationFailed,
    DomainNotFound,
    InvalidVerificationCode,
    LicenseError,
    MailboxNotFound,
    NoPendingRegistration,
    PasswordPolicyError,
    PolicyAlreadyExists,
    PolicyNotFound,
    RoleMembershipError,
    RoleNotFound,
    SnapshotError,
    TenantError,
    UnknownProperty,
    UserAlreadyExists,
    UserNotFound,
    ValidationError,
)
from .model import PhoneMessage, Tenant
from .rbac import Action, authorize, can, is_admin, role_names
from .seed import SEED_PASSWORD, admin_upn, build_tenant, lab_credential
from .signin import sign_in
from .users import User

__all__ = [
    "AccessDenied",
    "Action",
    "AppPasswordLimitReached",
    "AppPasswordNotAllowed",
    "AuditLog",
    "AuditRecord",
    "AuthenticationFailed",
    "BulkReport",
    "BulkRow",
    "Client",
    "Cloud",
    "DomainNotFound",
    "InvalidVerificationCode",
    "LabClock",
    "LicenseError",
    "MailboxNotFound",
    "MethodType",
    "MfaSatisfiedBy",
    "MfaState",
    "NoPendingRegistration",
    "PasswordPolicyError",
    "PhoneMessage",
    "PolicyAlreadyExists",
    "PolicyNotFound",
    "RoleMembershipError",
    "RoleNotFound",
    "SEED_PASSWORD",
    "SignInLog",
    "SignInResult",
    "SignInStatus",
    "SnapshotError",
    "Tenant",
    "TenantError",
    "UnknownProperty",
    "User",
    "UserAlreadyExists",
    "UserNotFound",
    "ValidationError",
    "VerificationOption",
    "admin_upn",
    "authorize",
    "build_tenant",
    "bulk_template",
    "bulk_update_mfa",
    "can",
    "is_admin",
    "lab_credential",
    "parse_bulk_csv",
    "role_names",
    "sign_in",
]
