"""Authorization: which role may do what (SPEC §5, the product contract).

Rules:

* any signed-in user (an active, unblocked account) may read users, roles, domains,
  SKUs and company information (:attr:`Action.READ_DIRECTORY`);
* only a **Global Administrator** may change per-user MFA state, registered methods,
  the MFA service settings, delete a user's app passwords and manage role membership;
* a **User Administrator** manages users (create, update non-MFA properties, block,
  delete, restore, reset password, licenses) but not users holding privileged admin
  roles (every admin role except User Administrator and Helpdesk Administrator);
* an **Authentication Administrator** may require re-registration of MFA methods and
  restore MFA on remembered devices, for non-admin targets only;
* an **Exchange Administrator** (and a Global Administrator) may change the Exchange
  organization config, CAS mailboxes and authentication policies and search the audit
  log; they and Global Readers may read the Exchange configuration;
* an **Exchange Administrator** (and a Global Administrator) may turn unified audit log
  ingestion on or off (Set-AdminAuditLogConfig): both Entra roles are members of Exchange
  Online's Organization Management role group, which holds the Audit Logs role;
* only a **Global Administrator** may change the Skype for Business Online / Teams OAuth
  configuration (Set-CsOAuthConfiguration); Global Readers may read it (the catalogue has
  no Teams or Skype for Business administrator role);
* reading the MFA service settings is open to any admin-role holder;
* everything else is denied.
"""

from __future__ import annotations

from enum import Enum

from .errors import AccessDenied, UserNotFound
from .model import Tenant
from .roles import (
    AUTHENTICATION_ADMINISTRATOR,
    EXCHANGE_ADMINISTRATOR,
    GLOBAL_ADMINISTRATOR,
    GLOBAL_READER,
    PRIVILEGED_ROLE_IDS,
    USER_ADMINISTRATOR,
    Role,
)
from .users import User

__all__ = ["Action", "authorize", "can", "role_names", "is_admin", "is_privileged", "actor_user"]


class Action(Enum):
    """Everything an actor may ask the tenant to do; the value is a readable description."""

    READ_DIRECTORY = "read users, roles, domains and company information"
    CREATE_USER = "create users"
    UPDATE_USER = "update user properties"
    BLOCK_USER = "block or unblock sign-in"
    DELETE_USER = "delete users"
    RESTORE_USER = "restore deleted users"
    RESET_PASSWORD = "reset passwords"
    ASSIGN_LICENSE = "assign licenses"
    SET_MFA_STATE = "change per-user MFA state"
    SET_MFA_METHODS = "change registered strong authentication methods"
    SET_MFA_SERVICE_SETTINGS = "change the MFA service settings"
    READ_MFA_SERVICE_SETTINGS = "read the MFA service settings"
    DELETE_APP_PASSWORDS = "delete app passwords"
    MANAGE_ROLES = "manage role membership"
    REQUIRE_REREGISTRATION = "require users to register MFA methods again"
    RESTORE_REMEMBERED_DEVICES = "restore MFA on remembered devices"
    READ_EXCHANGE_CONFIG = "read the Exchange organization configuration"
    SET_EXCHANGE_CONFIG = "change the Exchange organization configuration"
    SET_CAS_MAILBOX = "change CAS mailbox settings"
    MANAGE_AUTH_POLICY = "manage authentication policies"
    SEARCH_AUDIT_LOG = "search the audit log"
    SET_AUDIT_CONFIG = "turn unified audit log ingestion on or off"
    READ_TEAMS_CONFIG = "read the Skype for Business Online OAuth configuration"
    SET_TEAMS_CONFIG = "change the Skype for Business Online OAuth configuration"


_USER_ADMIN_ACTIONS = frozenset(
    {
        Action.CREATE_USER,
        Action.UPDATE_USER,
        Action.BLOCK_USER,
        Action.DELETE_USER,
        Action.RESTORE_USER,
        Action.RESET_PASSWORD,
        Action.ASSIGN_LICENSE,
    }
)
_AUTH_ADMIN_ACTIONS = frozenset({Action.REQUIRE_REREGISTRATION, Action.RESTORE_REMEMBERED_DEVICES})
_EXCHANGE_ACTIONS = frozenset(
    {Action.READ_EXCHANGE_CONFIG, Action.SET_EXCHANGE_CONFIG, Action.SET_CAS_MAILBOX,
     Action.MANAGE_AUTH_POLICY, Action.SEARCH_AUDIT_LOG, Action.SET_AUDIT_CONFIG}
)


def role_names(tenant: Tenant, user: User, display: bool = True) -> list[str]:
    """Names of the roles a user holds (Entra display names, or MSOnline names with ``display=False``)."""
    return [r.display_name if display else r.name for r in tenant.user_roles(user)]


def is_admin(tenant: Tenant, user: User) -> bool:
    """True when the user holds any admin role (Directory Readers does not count)."""
    return tenant.is_admin(user)


def is_privileged(tenant: Tenant, user: User) -> bool:
    """True when the user holds a role a User Administrator may not manage."""
    return any(rid in PRIVILEGED_ROLE_IDS for rid in tenant.user_role_ids(user))


def actor_user(tenant: Tenant, actor_upn: str) -> User:
    """The signed-in account acting; AccessDenied when it does not exist or is blocked."""
    user = tenant.find_user(actor_upn)
    if user is None:
        raise AccessDenied(actor_upn, "sign in", None, f"'{actor_upn}' is not an account of this tenant.")
    if user.block_credential:
        raise AccessDenied(actor_upn, "sign in", None, f"'{actor_upn}' is blocked from signing in.")
    return user


def _holds(tenant: Tenant, user: User, role: Role) -> bool:
    return tenant.holds_role(user, role)


def _decide(tenant: Tenant, actor: User, action: Action, target: User | None) -> str | None:
    """None when allowed, else the reason it is denied."""
    if action is Action.READ_DIRECTORY:
        return None
    if _holds(tenant, actor, GLOBAL_ADMINISTRATOR):
        return None
    held = role_names(tenant, actor) or ["no admin role"]
    who = f"{actor.user_principal_name} ({', '.join(held)})"
    if action in _USER_ADMIN_ACTIONS and _holds(tenant, actor, USER_ADMINISTRATOR):
        if target is not None and is_privileged(tenant, target):
            return (
                f"{who} cannot {action.value} for {target.user_principal_name}, who holds a privileged admin role "
                f"({', '.join(role_names(tenant, target))}); only a Global Administrator can."
            )
        return None
    if action in _AUTH_ADMIN_ACTIONS and _holds(tenant, actor, AUTHENTICATION_ADMINISTRATOR):
        if target is not None and tenant.is_admin(target):
            return (
                f"{who} can {action.value} for non-admin users only; {target.user_principal_name} holds "
                f"{', '.join(role_names(tenant, target))}."
            )
        return None
    if action in _EXCHANGE_ACTIONS and _holds(tenant, actor, EXCHANGE_ADMINISTRATOR):
        return None
    if action in (Action.READ_EXCHANGE_CONFIG, Action.READ_TEAMS_CONFIG) and _holds(tenant, actor, GLOBAL_READER):
        return None
    if action is Action.READ_MFA_SERVICE_SETTINGS and tenant.is_admin(actor):
        return None
    return f"{who} is not allowed to {action.value}."


def can(tenant: Tenant, actor_upn: str, action: Action, target_upn: str | None = None) -> bool:
    """True when :func:`authorize` would allow the call (never raises for a missing target)."""
    try:
        authorize(tenant, actor_upn, action, target_upn)
    except (AccessDenied, UserNotFound):
        return False
    return True


def authorize(
    tenant: Tenant, actor_upn: str, action: Action, target_upn: str | User | None = None
) -> User:
    """Check that ``actor_upn`` may perform ``action`` (on ``target_upn``); returns the actor's User.

    Raises :class:`AccessDenied` (with the rule in ``reason``), or :class:`UserNotFound`
    when a target UPN is given but does not exist.
    """
    actor = actor_user(tenant, actor_upn)
    target: User | None
    if target_upn is None or isinstance(target_upn, User):
        target = target_upn
    else:
        target = tenant.find_user(target_upn)
        if target is None:
            target = _deleted_or_none(tenant, target_upn)
            if target is None:
                raise UserNotFound(target_upn)
    reason = _decide(tenant, actor, action, target)
    if reason is not None:
        raise AccessDenied(
            actor.user_principal_name,
            action.name,
            target.user_principal_name if target is not None else None,
            reason,
        )
    return actor


def _deleted_or_none(tenant: Tenant, identity: str) -> User | None:
    try:
        return tenant.find_deleted_user(identity)
    except UserNotFound:
        return None
