"""Delegated permission grants: what each user consented to for each client application.

Microsoft Entra ID records a user's consent as an oauth2PermissionGrant (clientId = the
application, principalId = the user, scope = the permissions). Consent is cumulative: a
later sign-in that asks for more scopes adds them to the grant, and every token the
application then gets for that user carries all of them. So after
``Connect-MgGraph -Scopes User.Read.All`` and, later, ``Connect-MgGraph -Scopes
UserAuthenticationMethod.Read.All``, the second token still has User.Read.All.

Grants live in ``Tenant.consents`` ((client id, user object id) -> scopes in the order they
were granted) and are kept in snapshots. Scope names compare case-insensitively and keep
the casing they were first granted with.
"""

from __future__ import annotations

from typing import Iterable

from .model import Tenant

__all__ = ["grant", "granted_scopes", "revoke"]


def _key(client_id: str, principal_id: str) -> tuple[str, str]:
    return (str(client_id).strip().lower(), str(principal_id).strip().lower())


def granted_scopes(tenant: Tenant, client_id: str, principal_id: str) -> list[str]:
    """The scopes ``principal_id`` (a user's ObjectId) has granted ``client_id`` (empty when none)."""
    return list(tenant.consents.get(_key(client_id, principal_id), ()))


def grant(tenant: Tenant, client_id: str, principal_id: str, scopes: Iterable[str]) -> list[str]:
    """Add ``scopes`` to the user's grant for the application; returns every granted scope.

    Blank names are ignored and a scope already granted (in any casing) is not repeated.
    """
    key = _key(client_id, principal_id)
    current = list(tenant.consents.get(key, ()))
    seen = {s.lower() for s in current}
    for scope in scopes:
        name = str(scope).strip()
        if name and name.lower() not in seen:
            current.append(name)
            seen.add(name.lower())
    if current:
        tenant.consents[key] = current
    return list(current)


def revoke(tenant: Tenant, client_id: str, principal_id: str) -> bool:
    """Delete the user's grant for the application (True when there was one)."""
    return tenant.consents.pop(_key(client_id, principal_id), None) is not None
