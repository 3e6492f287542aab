"""The Tenant: users (indexed by UPN and ObjectId), roles, domains, SKUs, company
information, Exchange configuration, MFA service settings, logs and the phone inbox.

The Tenant is a container with lookups and low-level bookkeeping.  Changes an admin
makes go through the operation modules (``directory``, ``exchange``, ``mfa``), which
authorize (``rbac``), validate everything first, then mutate and audit.  Methods whose
name starts with ``_`` here are those low-level mutators; they do not authorize or audit.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterator

from .audit import AuditLog, SignInLog
from .auditconfig import AdminAuditLogConfig
from .clock import LabClock
from .constants import Cloud
from .csoauth import CsOAuthConfiguration
from .errors import DomainNotFound, RoleNotFound, UserAlreadyExists, UserNotFound
from .org import (
    CAS_MAILBOX_PROPERTIES,
    AccountSku,
    AuthenticationPolicy,
    CompanyInformation,
    Domain,
    MfaServiceSettings,
)
from .orgconfig import OrganizationConfig
from .roles import ADMIN_ROLE_IDS, ROLES, Role, find_role
from .users import User

__all__ = ["Tenant", "PhoneMessage", "normalize_phone", "upn_key"]

_NAMESPACE = uuid.UUID("5d0a5d38-1f0e-4c1e-9a43-0365c0ffee00")


def upn_key(upn: str) -> str:
    """The index key of a UPN (lower-cased; returns the same object when already lower-case)."""
    key = upn.strip().lower()
    return upn if key == upn else key


def normalize_phone(number: str) -> str:
    """Phone inbox key: '+' and digits only (``+1 425-555-0101`` -> ``+14255550101``)."""
    text = str(number).strip()
    digits = re.sub(r"\D", "", text.split("x")[0])
    return ("+" if text.startswith("+") else "") + digits


@dataclass(frozen=True, slots=True)
class PhoneMessage:
    """A text or call received by a simulated phone (Get-LabPhoneMessage output)."""

    DateTime: datetime
    PhoneNumber: str
    Kind: str
    Body: str
    Code: str


class Tenant:
    """A simulated Office 365 tenant.

    Attributes an adapter reads directly: ``clock``, ``cloud``, ``tenant_id``,
    ``company`` (CompanyInformation), ``org_config`` (OrganizationConfig),
    ``cs_oauth`` (the Skype for Business Online OAuth configuration),
    ``audit_config`` (AdminAuditLogConfig: unified audit log ingestion on or off),
    ``mfa_settings`` (MfaServiceSettings), ``auth_policies`` (lower name -> policy),
    ``audit`` (AuditLog), ``signins`` (SignInLog).  Users are reached through
    :meth:`get_user`, :meth:`find_user`, :meth:`user_by_object_id` and :meth:`iter_users`.
    """

    def __init__(
        self,
        display_name: str = "Contoso",
        initial_domain: str = "contoso.onmicrosoft.com",
        cloud: str = "AzureCloud",
        tenant_id: str | None = None,
        clock: LabClock | None = None,
    ) -> None:
        self.clock = clock or LabClock()
        self.cloud: Cloud = Cloud.parse(cloud, "Cloud")
        self.tenant_id = tenant_id or str(uuid.uuid5(_NAMESPACE, "tenant:" + initial_domain.lower()))
        self.company = CompanyInformation(self.tenant_id, display_name, initial_domain)
        self.domains: dict[str, Domain] = {}
        self._add_domain(Domain(initial_domain, is_initial=True, is_default=True))
        self.skus: dict[str, AccountSku] = {}
        self._consumed: dict[str, int] = {}
        self._role_members: dict[str, dict[str, None]] = {r.object_id: {} for r in ROLES}
        self._user_roles: dict[str, tuple[str, ...]] = {}
        self.org_config = OrganizationConfig(
            initial_domain, display_name, str(uuid.uuid5(_NAMESPACE, "org:" + initial_domain.lower()))
        )
        #: Skype for Business Online / Teams OAuth settings (Get-/Set-CsOAuthConfiguration).
        self.cs_oauth = CsOAuthConfiguration()
        self.cas_overrides: dict[str, dict[str, Any]] = {}
        self.auth_policies: dict[str, AuthenticationPolicy] = {}
        self.mfa_settings = MfaServiceSettings()
        #: Exchange Online's admin audit log configuration (Get-/Set-AdminAuditLogConfig); ``audit`` consults it.
        self.audit_config = AdminAuditLogConfig()
        self.audit = AuditLog(self.tenant_id, self.audit_config)
        self.signins = SignInLog()
        self.phone_inbox: dict[str, list[PhoneMessage]] = {}
        #: Delegated consent: (client app id, user object id), lower-case -> granted scopes (``consent``).
        self.consents: dict[tuple[str, str], list[str]] = {}
        self._by_upn: dict[str, User] = {}
        self._by_oid: dict[str, User] = {}
        self._deleted: dict[str, User] = {}
        self._order: list[User] = []
        self._tombstones = 0
        self._iterating = 0
        #: Warnings from the snapshot this tenant was loaded from (e.g. authenticators to re-register).
        self.load_warnings: list[str] = []

    # ------------------------------------------------------------------ basics
    def now(self) -> datetime:
        """The lab clock's current time."""
        return self.clock.now()

    @property
    def display_name(self) -> str:
        """The organization's display name (e.g. ``Contoso``)."""
        return self.company.display_name

    @property
    def initial_domain(self) -> str:
        """The ``*.onmicrosoft.com`` (or 21Vianet) initial domain; also OrganizationConfig.Name."""
        return self.company.initial_domain

    @property
    def default_domain(self) -> str:
        """The domain marked IsDefault."""
        for domain in self.domains.values():
            if domain.is_default:
                return domain.name
        return self.initial_domain

    def __len__(self) -> int:
        """Number of active (not deleted) users."""
        return len(self._by_upn)

    @property
    def user_count(self) -> int:
        """Number of active users."""
        return len(self._by_upn)

    @property
    def deleted_count(self) -> int:
        """Number of users in the recycle bin."""
        return len(self._deleted)

    # ------------------------------------------------------------------ users
    def find_user(self, upn: str) -> User | None:
        """The active user with this UPN (any casing), or None."""
        return self._by_upn.get(upn_key(upn)) if isinstance(upn, str) else None

    def get_user(self, upn: str) -> User:
        """The active user with this UPN; raises :class:`UserNotFound` (MSOnline text) otherwise."""
        user = self.find_user(upn)
        if user is None:
            raise UserNotFound(upn)
        return user

    def user_by_object_id(self, object_id: str | uuid.UUID, include_deleted: bool = False) -> User:
        """The user with this ObjectId; raises :class:`UserNotFound` when absent (or deleted unless asked)."""
        key = _guid_key(object_id)
        user = self._by_oid.get(key) if key else None
        if user is None or (user.is_deleted and not include_deleted):
            raise UserNotFound(str(object_id))
        return user

    def has_object_id(self, object_id: str) -> bool:
        """True when a user (active or deleted) already has this ObjectId."""
        return object_id in self._by_oid

    def resolve_user(self, identity: str | uuid.UUID) -> User:
        """An active user by UPN or ObjectId string."""
        if isinstance(identity, uuid.UUID) or (_guid_key(identity) and "@" not in str(identity)):
            return self.user_by_object_id(identity)
        return self.get_user(str(identity))

    def find_deleted_user(self, identity: str | uuid.UUID) -> User:
        """A recycle-bin user by UPN or ObjectId; raises :class:`UserNotFound` otherwise."""
        key = _guid_key(identity)
        if key and key in self._deleted:
            return self._deleted[key]
        wanted = upn_key(str(identity))
        matches = [u for u in self._deleted.values() if upn_key(u.user_principal_name) == wanted]
        if not matches:
            raise UserNotFound(str(identity))
        return max(matches, key=lambda u: u.soft_deletion_timestamp or u.when_created)

    def iter_users(self, deleted: bool = False) -> Iterator[User]:
        """Yield active users (or, with ``deleted=True``, recycle-bin users) in insertion order.

        A generator over the tenant's own list (no copy).  Users deleted while iterating
        are skipped; users created while iterating are not visited (the range is fixed
        at the start), so ``Get-MsolUser -All | Remove-MsolUser`` style pipelines work.
        """
        self._iterating += 1
        try:
            order = self._order
            end = len(order)
            by_oid = self._by_oid
            for i in range(end):
                user = order[i]
                if by_oid.get(user.object_id) is user and (user.soft_deletion_timestamp is not None) == deleted:
                    yield user
        finally:
            self._iterating -= 1
            self._maybe_compact()

    def _add_user(self, user: User) -> None:
        """Index a new user (no authorization, no audit); UserAlreadyExists on a UPN/ObjectId clash."""
        key = upn_key(user.user_principal_name)
        if key in self._by_upn and not user.is_deleted:
            raise UserAlreadyExists(user.user_principal_name)
        if user.object_id in self._by_oid:
            raise UserAlreadyExists(user.user_principal_name)
        self._by_oid[user.object_id] = user
        self._order.append(user)
        if user.is_deleted:
            self._deleted[user.object_id] = user
        else:
            self._by_upn[key] = user
            self._count_licenses(user.licenses, +1)

    def _soft_delete(self, user: User, when: datetime) -> None:
        """Move an active user to the recycle bin."""
        del self._by_upn[upn_key(user.user_principal_name)]
        self._count_licenses(user.licenses, -1)
        user.soft_deletion_timestamp = when
        self._deleted[user.object_id] = user

    def _restore(self, user: User, new_upn: str | None = None) -> None:
        """Bring a recycle-bin user back (optionally under a new UPN)."""
        upn = new_upn or user.user_principal_name
        if upn_key(upn) in self._by_upn:
            raise UserAlreadyExists(upn)
        del self._deleted[user.object_id]
        user.soft_deletion_timestamp = None
        user.user_principal_name = upn
        self._by_upn[upn_key(upn)] = user
        self._count_licenses(user.licenses, +1)

    def _purge(self, user: User) -> None:
        """Remove a user for good (role memberships and CAS settings included)."""
        if not user.is_deleted:
            del self._by_upn[upn_key(user.user_principal_name)]
            self._count_licenses(user.licenses, -1)
        self._deleted.pop(user.object_id, None)
        del self._by_oid[user.object_id]
        for role_id in self._user_roles.pop(user.object_id, ()):
            self._role_members[role_id].pop(user.object_id, None)
        self.cas_overrides.pop(user.object_id, None)
        self._tombstones += 1
        self._maybe_compact()

    def _maybe_compact(self) -> None:
        if self._iterating or self._tombstones < max(64, len(self._order) // 8):
            return
        by_oid = self._by_oid
        self._order = [u for u in self._order if by_oid.get(u.object_id) is u]
        self._tombstones = 0

    # ------------------------------------------------------------------ licenses
    def sku(self, account_sku_id: str) -> AccountSku | None:
        """The SKU with this AccountSkuId (any casing), or None."""
        return self.skus.get(str(account_sku_id).lower())

    def _add_sku(self, sku: AccountSku) -> None:
        self.skus[sku.account_sku_id.lower()] = sku
        self._consumed.setdefault(sku.account_sku_id, 0)

    def consumed_units(self, account_sku_id: str) -> int:
        """Licenses of this SKU assigned to active users."""
        sku = self.sku(account_sku_id)
        return self._consumed.get(sku.account_sku_id, 0) if sku else 0

    def _count_licenses(self, licenses: tuple[str, ...], delta: int) -> None:
        for sku_id in licenses:
            self._consumed[sku_id] = self._consumed.get(sku_id, 0) + delta

    def _set_licenses(self, user: User, licenses: tuple[str, ...]) -> None:
        if not user.is_deleted:
            self._count_licenses(user.licenses, -1)
            self._count_licenses(licenses, +1)
        user.licenses = licenses

    # ------------------------------------------------------------------ roles
    @property
    def roles(self) -> tuple[Role, ...]:
        """The role catalogue (Get-MsolRole order)."""
        return ROLES

    def role(self, key: str) -> Role:
        """A role by ObjectId, MSOnline name or Entra display name; :class:`RoleNotFound` otherwise."""
        role = find_role(key)
        if role is None:
            raise RoleNotFound(str(key))
        return role

    def role_members(self, role: Role | str) -> list[User]:
        """Active members of a role, in the order they were added."""
        role = role if isinstance(role, Role) else self.role(role)
        out = []
        for oid in self._role_members[role.object_id]:
            user = self._by_oid.get(oid)
            if user is not None and not user.is_deleted:
                out.append(user)
        return out

    def role_member_ids(self, role: Role) -> tuple[str, ...]:
        """ObjectIds of every member of a role, recycle-bin users included."""
        return tuple(self._role_members[role.object_id])

    def user_roles(self, user: User) -> list[Role]:
        """The roles a user holds."""
        return [find_role(rid) for rid in self._user_roles.get(user.object_id, ())]  # type: ignore[misc]

    def user_role_ids(self, user: User) -> tuple[str, ...]:
        """The ObjectIds of the roles a user holds."""
        return self._user_roles.get(user.object_id, ())

    def holds_role(self, user: User, role: Role) -> bool:
        """True when ``user`` is a member of ``role``."""
        return role.object_id in self._user_roles.get(user.object_id, ())

    def is_admin(self, user: User) -> bool:
        """True when the user holds at least one admin role."""
        return any(rid in ADMIN_ROLE_IDS for rid in self._user_roles.get(user.object_id, ()))

    def _add_role_member(self, role: Role, user: User) -> None:
        self._role_members[role.object_id][user.object_id] = None
        current = self._user_roles.get(user.object_id, ())
        if role.object_id not in current:
            self._user_roles[user.object_id] = current + (role.object_id,)

    def _remove_role_member(self, role: Role, user: User) -> None:
        self._role_members[role.object_id].pop(user.object_id, None)
        remaining = tuple(r for r in self._user_roles.get(user.object_id, ()) if r != role.object_id)
        if remaining:
            self._user_roles[user.object_id] = remaining
        else:
            self._user_roles.pop(user.object_id, None)

    # ------------------------------------------------------------------ domains
    def domain(self, name: str) -> Domain:
        """A domain by name (any casing); :class:`DomainNotFound` otherwise."""
        try:
            return self.domains[name.lower()]
        except KeyError:
            raise DomainNotFound(name) from None

    def _add_domain(self, domain: Domain) -> None:
        if domain.is_default:
            for other in self.domains.values():
                other.is_default = False
        self.domains[domain.name.lower()] = domain

    def verified_domain(self, name: str) -> Domain | None:
        """The verified domain of that name, or None."""
        domain = self.domains.get(name.lower())
        return domain if domain is not None and domain.status == "Verified" else None

    # ------------------------------------------------------------------ Exchange
    def has_mailbox(self, user: User) -> bool:
        """True when one of the user's licenses includes Exchange Online."""
        for sku_id in user.licenses:
            sku = self.sku(sku_id)
            if sku is not None and sku.includes_exchange:
                return True
        return False

    def cas_settings(self, user: User) -> dict[str, Any]:
        """The effective CAS mailbox settings of a user (defaults + overrides)."""
        values = CAS_MAILBOX_PROPERTIES.defaults()
        values.update(self.cas_overrides.get(user.object_id, {}))
        return values

    # ------------------------------------------------------------------ phones
    def deliver_to_phone(self, number: str, kind: str, body: str, code: str) -> PhoneMessage:
        """Put a text or call in the simulated phone inbox of ``number``."""
        message = PhoneMessage(self.now(), number, kind, body, code)
        self.phone_inbox.setdefault(normalize_phone(number), []).append(message)
        return message

    def phone_messages(self, number: str) -> list[PhoneMessage]:
        """Messages received by ``number`` (any formatting of the same digits), oldest first."""
        return list(self.phone_inbox.get(normalize_phone(number), ()))


def _guid_key(value: object) -> str | None:
    if isinstance(value, uuid.UUID):
        return str(value)
    try:
        return str(uuid.UUID(str(value).strip()))
    except ValueError:
        return None
