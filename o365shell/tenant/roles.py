"""Directory roles: the fixed catalogue with the real Entra role template ids.

``Role.name`` is the MSOnline name (``Company Administrator``), ``Role.display_name``
the Entra name (``Global Administrator``); :func:`find_role` accepts either, or the
ObjectId.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "Role",
    "ROLES",
    "GLOBAL_ADMINISTRATOR",
    "USER_ADMINISTRATOR",
    "EXCHANGE_ADMINISTRATOR",
    "AUTHENTICATION_ADMINISTRATOR",
    "PRIVILEGED_AUTHENTICATION_ADMINISTRATOR",
    "HELPDESK_ADMINISTRATOR",
    "SECURITY_ADMINISTRATOR",
    "GLOBAL_READER",
    "BILLING_ADMINISTRATOR",
    "SHAREPOINT_ADMINISTRATOR",
    "AUTHENTICATION_POLICY_ADMINISTRATOR",
    "PRIVILEGED_ROLE_ADMINISTRATOR",
    "DIRECTORY_READERS",
    "SERVICE_SUPPORT_ADMINISTRATOR",
    "PRIVILEGED_ROLE_IDS",
    "ADMIN_ROLE_IDS",
    "find_role",
]


@dataclass(frozen=True, slots=True)
class Role:
    """A directory role (Microsoft.Online.Administration.Role)."""

    object_id: str
    name: str
    display_name: str
    description: str
    is_enabled: bool = True
    is_system: bool = True
    is_admin: bool = True


GLOBAL_ADMINISTRATOR = Role(
    "62e90394-69f5-4237-9190-012177145e10",
    "Company Administrator",
    "Global Administrator",
    "Can manage all aspects of Azure AD and Microsoft services that use Azure AD identities.",
)
USER_ADMINISTRATOR = Role(
    "fe930be7-5e62-47db-91af-98c3a49a38b1",
    "User Account Administrator",
    "User Administrator",
    "Can manage all aspects of users and groups, including resetting passwords for limited admins.",
)
EXCHANGE_ADMINISTRATOR = Role(
    "29232cdf-9323-42fd-ade2-1d097af3e4de",
    "Exchange Service Administrator",
    "Exchange Administrator",
    "Can manage all aspects of the Exchange product.",
)
AUTHENTICATION_ADMINISTRATOR = Role(
    "c4e39bd9-1100-46d3-8c65-fb160da0071f",
    "Authentication Administrator",
    "Authentication Administrator",
    "Can access to view, set and reset authentication method information for any non-admin user.",
)
PRIVILEGED_AUTHENTICATION_ADMINISTRATOR = Role(
    "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
    "Privileged Authentication Administrator",
    "Privileged Authentication Administrator",
    "Can access to view, set and reset authentication method information for any user (admin or non-admin).",
)
HELPDESK_ADMINISTRATOR = Role(
    "729827e3-9c14-49f7-bb1b-9608f156bbb8",
    "Helpdesk Administrator",
    "Helpdesk Administrator",
    "Can reset passwords for non-administrators and Helpdesk Administrators.",
)
SECURITY_ADMINISTRATOR = Role(
    "194ae4cb-b126-40b2-bd5b-6091b380977d",
    "Security Administrator",
    "Security Administrator",
    "Can read security information and reports, and manage configuration in Azure AD and Office 365.",
)
GLOBAL_READER = Role(
    "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
    "Global Reader",
    "Global Reader",
    "Can read everything that a Global Administrator can, but not update anything.",
)
BILLING_ADMINISTRATOR = Role(
    "b0f54661-2d74-4c50-afa3-1ec803f12efe",
    "Billing Administrator",
    "Billing Administrator",
    "Can perform common billing related tasks like updating payment information.",
)
SHAREPOINT_ADMINISTRATOR = Role(
    "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
    "SharePoint Service Administrator",
    "SharePoint Administrator",
    "Can manage all aspects of the SharePoint service.",
)
AUTHENTICATION_POLICY_ADMINISTRATOR = Role(
    "0526716b-113d-4c15-b2c8-68e3c22b9f80",
    "Authentication Policy Administrator",
    "Authentication Policy Administrator",
    "Can create and manage the authentication methods policy, tenant-wide MFA settings, password "
    "protection policy, and verifiable credentials.",
)
PRIVILEGED_ROLE_ADMINISTRATOR = Role(
    "e8611ab8-c189-46e8-94e1-60213ab1f814",
    "Privileged Role Administrator",
    "Privileged Role Administrator",
    "Can manage role assignments in Azure AD, and all aspects of Privileged Identity Management.",
)
DIRECTORY_READERS = Role(
    "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
    "Directory Readers",
    "Directory Readers",
    "Can read basic directory information. Commonly used to grant directory read access to applications and guests.",
    is_admin=False,
)
SERVICE_SUPPORT_ADMINISTRATOR = Role(
    "f023fd81-a637-4b56-95fd-791ac0226033",
    "Service Support Administrator",
    "Service Support Administrator",
    "Can read service health information and manage support tickets.",
)

#: Every role of the catalogue, in Get-MsolRole order (alphabetical by MSOnline name).
ROLES: tuple[Role, ...] = tuple(
    sorted(
        (
            GLOBAL_ADMINISTRATOR,
            USER_ADMINISTRATOR,
            EXCHANGE_ADMINISTRATOR,
            AUTHENTICATION_ADMINISTRATOR,
            PRIVILEGED_AUTHENTICATION_ADMINISTRATOR,
            HELPDESK_ADMINISTRATOR,
            SECURITY_ADMINISTRATOR,
            GLOBAL_READER,
            BILLING_ADMINISTRATOR,
            SHAREPOINT_ADMINISTRATOR,
            AUTHENTICATION_POLICY_ADMINISTRATOR,
            PRIVILEGED_ROLE_ADMINISTRATOR,
            DIRECTORY_READERS,
            SERVICE_SUPPORT_ADMINISTRATOR,
        ),
        key=lambda r: r.name.lower(),
    )
)

#: Roles a User Administrator may not manage (every admin role except the "limited" ones,
#: User Administrator and Helpdesk Administrator, as in Entra's sensitive-actions table).
PRIVILEGED_ROLE_IDS = frozenset(
    r.object_id for r in ROLES if r.is_admin and r not in (USER_ADMINISTRATOR, HELPDESK_ADMINISTRATOR)
)
#: Roles that make a user an "admin" (everything but Directory Readers).
ADMIN_ROLE_IDS = frozenset(r.object_id for r in ROLES if r.is_admin)

_BY_KEY: dict[str, Role] = {}
for _role in ROLES:
    _BY_KEY[_role.object_id] = _role
    _BY_KEY[_role.name.lower()] = _role
    _BY_KEY[_role.display_name.lower()] = _role


def find_role(key: str) -> Role | None:
    """The role whose ObjectId, MSOnline name or Entra display name is ``key`` (any casing)."""
    return _BY_KEY.get(str(key).strip().lower())
