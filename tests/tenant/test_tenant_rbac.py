"""Every authorization rule of SPEC §5, allowed and denied, per role."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tenant_testlib import ADMIN, ALEX, DIEGO, ISAIAH, LEE, MEGAN, PATTI

from o365shell.tenant import (
    AccessDenied,
    Action,
    MfaState,
    Tenant,
    UserNotFound,
    authorize,
    can,
    directory,
    exchange,
    is_admin,
    mfa,
    role_names,
)
from o365shell.tenant.rbac import is_privileged

GA, UA, AA, EA, PLAIN = ADMIN, LEE, DIEGO, PATTI, MEGAN


def exchange_records(tenant: Tenant, actor: str) -> list:
    """Audit records of Exchange cmdlets run by ``actor`` in the last hour, newest first."""
    return tenant.audit.search(tenant.now() - timedelta(hours=1), tenant.now(), user_ids=[actor],
                               record_type="ExchangeAdmin")

# (action, target, actors allowed); every other actor of ALL_ACTORS is denied.
ALL_ACTORS = (GA, UA, AA, EA, PLAIN)
MATRIX = [
    (Action.READ_DIRECTORY, None, {GA, UA, AA, EA, PLAIN}),
    (Action.READ_DIRECTORY, PATTI, {GA, UA, AA, EA, PLAIN}),
    (Action.SET_MFA_STATE, MEGAN, {GA}),
    (Action.SET_MFA_STATE, ADMIN, {GA}),
    (Action.SET_MFA_METHODS, ALEX, {GA}),
    (Action.SET_MFA_SERVICE_SETTINGS, None, {GA}),
    (Action.DELETE_APP_PASSWORDS, ALEX, {GA}),
    (Action.MANAGE_ROLES, MEGAN, {GA}),
    (Action.CREATE_USER, None, {GA, UA}),
    (Action.UPDATE_USER, MEGAN, {GA, UA}),
    (Action.UPDATE_USER, LEE, {GA, UA}),  # User Administrator is not a privileged role
    (Action.UPDATE_USER, PATTI, {GA}),  # Exchange Administrator is privileged
    (Action.UPDATE_USER, DIEGO, {GA}),
    (Action.UPDATE_USER, ADMIN, {GA}),
    (Action.BLOCK_USER, MEGAN, {GA, UA}),
    (Action.BLOCK_USER, ADMIN, {GA}),
    (Action.DELETE_USER, MEGAN, {GA, UA}),
    (Action.DELETE_USER, PATTI, {GA}),
    (Action.RESET_PASSWORD, MEGAN, {GA, UA}),
    (Action.RESET_PASSWORD, DIEGO, {GA}),
    (Action.ASSIGN_LICENSE, MEGAN, {GA, UA}),
    (Action.REQUIRE_REREGISTRATION, MEGAN, {GA, AA}),
    (Action.REQUIRE_REREGISTRATION, ALEX, {GA, AA}),
    (Action.REQUIRE_REREGISTRATION, PATTI, {GA}),  # admin target
    (Action.REQUIRE_REREGISTRATION, LEE, {GA}),
    (Action.RESTORE_REMEMBERED_DEVICES, ALEX, {GA, AA}),
    (Action.RESTORE_REMEMBERED_DEVICES, ADMIN, {GA}),
    (Action.SET_EXCHANGE_CONFIG, None, {GA, EA}),
    (Action.SET_CAS_MAILBOX, None, {GA, EA}),
    (Action.MANAGE_AUTH_POLICY, None, {GA, EA}),
    (Action.SEARCH_AUDIT_LOG, None, {GA, EA}),
    (Action.READ_EXCHANGE_CONFIG, None, {GA, EA}),
    (Action.READ_MFA_SERVICE_SETTINGS, None, {GA, UA, AA, EA}),
]


@pytest.mark.parametrize(("action", "target", "allowed"), MATRIX,
                         ids=[f"{a.name}-{t or 'tenant'}" for a, t, _ in MATRIX])
def test_matrix(tenant: Tenant, action: Action, target: str | None, allowed: set[str]) -> None:
    for actor in ALL_ACTORS:
        assert can(tenant, actor, action, target) == (actor in allowed), f"{actor} {action.name} {target}"


def test_blocked_or_unknown_actor_is_denied_everything(tenant: Tenant) -> None:
    for action in Action:
        assert not can(tenant, ISAIAH, action)
        assert not can(tenant, "ghost@contoso.com", action)
    with pytest.raises(AccessDenied) as err:
        authorize(tenant, ISAIAH, Action.READ_DIRECTORY)
    assert "blocked" in err.value.reason


def test_global_reader_reads_exchange_config_but_changes_nothing(tenant: Tenant) -> None:
    directory.add_role_member(tenant, ADMIN, "Global Reader", MEGAN)
    assert can(tenant, MEGAN, Action.READ_EXCHANGE_CONFIG)
    assert not can(tenant, MEGAN, Action.SET_EXCHANGE_CONFIG)
    assert not can(tenant, MEGAN, Action.UPDATE_USER, ALEX)
    assert not can(tenant, MEGAN, Action.SET_MFA_STATE, ALEX)


def test_access_denied_carries_the_real_message_and_the_rule(tenant: Tenant) -> None:
    with pytest.raises(AccessDenied) as err:
        mfa.set_mfa_state(tenant, LEE, MEGAN, "Enabled")
    assert str(err.value) == "Access Denied. You do not have permissions to call this cmdlet."
    assert err.value.actor == LEE and err.value.target == MEGAN and err.value.action == "SET_MFA_STATE"
    assert "User Administrator" in err.value.reason and "per-user MFA" in err.value.reason
    with pytest.raises(AccessDenied) as priv:
        directory.update_user(tenant, LEE, PATTI, {"Department": "Sales"})
    assert "privileged admin role" in priv.value.reason
    with pytest.raises(AccessDenied) as non_admin:
        mfa.require_reregistration(tenant, DIEGO, PATTI)
    assert "non-admin users only" in non_admin.value.reason


def test_unknown_target_is_user_not_found(tenant: Tenant) -> None:
    with pytest.raises(UserNotFound) as err:
        authorize(tenant, ADMIN, Action.UPDATE_USER, "ghost@contoso.com")
    assert str(err.value) == "User Not Found.  User: ghost@contoso.com."


# --- denied calls change nothing, allowed ones do (through the real operations) ---------------
def test_only_global_admin_changes_mfa_state(tenant: Tenant) -> None:
    for actor in (LEE, DIEGO, PATTI, MEGAN):
        with pytest.raises(AccessDenied):
            mfa.set_mfa_state(tenant, actor, MEGAN, "Enforced")
        with pytest.raises(AccessDenied):
            mfa.set_mfa_service_settings(tenant, actor, allow_app_passwords=True)
    assert tenant.get_user(MEGAN).mfa_state == MfaState.DISABLED
    assert tenant.mfa_settings.allow_app_passwords is False
    mfa.set_mfa_state(tenant, ADMIN, MEGAN, "Enforced")
    assert tenant.get_user(MEGAN).mfa_state == MfaState.ENFORCED


def test_user_admin_manages_users_but_not_mfa_or_privileged_users(tenant: Tenant) -> None:
    new = directory.create_user(tenant, LEE, "NewHire@contoso.com", "New Hire", password="Welcome!2025")
    assert new.user.display_name == "New Hire"
    directory.update_user(tenant, LEE, MEGAN, {"Department": "Finance", "Title": "Analyst"})
    directory.set_block_credential(tenant, LEE, MEGAN, True)
    directory.reset_password(tenant, LEE, "NewHire@contoso.com", "Another!2025")
    directory.delete_user(tenant, LEE, "NewHire@contoso.com")
    assert tenant.get_user(MEGAN).department == "Finance" and tenant.get_user(MEGAN).block_credential
    with pytest.raises(AccessDenied):
        directory.set_block_credential(tenant, LEE, ADMIN, True)
    with pytest.raises(AccessDenied):
        directory.reset_password(tenant, LEE, PATTI, "Hijack!2025x")
    with pytest.raises(AccessDenied):
        mfa.require_reregistration(tenant, LEE, ALEX)
    with pytest.raises(AccessDenied):
        directory.add_role_member(tenant, LEE, "Company Administrator", LEE)
    assert not tenant.get_user(ADMIN).block_credential and tenant.get_user(ALEX).methods
    assert role_names(tenant, tenant.get_user(LEE)) == ["User Administrator"]


def test_authentication_admin_reregisters_and_restores_devices_for_non_admins_only(tenant: Tenant) -> None:
    mfa.require_reregistration(tenant, DIEGO, ALEX)
    assert tenant.get_user(ALEX).methods == ()
    when = mfa.restore_remembered_devices(tenant, DIEGO, MEGAN)
    assert tenant.get_user(MEGAN).remember_devices_not_issued_before == when
    with pytest.raises(AccessDenied):
        mfa.require_reregistration(tenant, DIEGO, PATTI)
    with pytest.raises(AccessDenied):
        mfa.restore_remembered_devices(tenant, DIEGO, ADMIN)
    with pytest.raises(AccessDenied):
        mfa.set_mfa_state(tenant, DIEGO, ALEX, "Disabled")
    with pytest.raises(AccessDenied):
        directory.update_user(tenant, DIEGO, MEGAN, {"City": "Paris"})
    assert tenant.get_user(PATTI).methods and tenant.get_user(MEGAN).city == "Pittsburgh"


def test_manage_user_settings_authorizes_every_user_before_changing_any(tenant: Tenant) -> None:
    with pytest.raises(AccessDenied):
        mfa.manage_user_settings(tenant, DIEGO, [ALEX, PATTI], require_contact_methods_again=True)
    assert tenant.get_user(ALEX).methods and tenant.get_user(PATTI).methods
    with pytest.raises(AccessDenied):  # delete app passwords needs a Global Administrator
        mfa.manage_user_settings(tenant, DIEGO, [ALEX], require_contact_methods_again=True, delete_app_passwords=True)
    assert tenant.get_user(ALEX).methods


def test_exchange_admin_changes_exchange_settings_only(tenant: Tenant) -> None:
    exchange.set_organization_config(tenant, PATTI, {"OAuth2ClientProfileEnabled": False})
    exchange.set_cas_mailbox(tenant, PATTI, MEGAN, {"ImapEnabled": False})
    exchange.new_authentication_policy(tenant, PATTI, "Block Basic")
    ops = [r.Operations for r in exchange_records(tenant, PATTI)]
    assert ops == ["New-AuthenticationPolicy", "Set-CASMailbox", "Set-OrganizationConfig"]
    for actor in (LEE, DIEGO, MEGAN):
        with pytest.raises(AccessDenied):
            exchange.set_organization_config(tenant, actor, {"OAuth2ClientProfileEnabled": True})
        with pytest.raises(AccessDenied):
            exchange.get_organization_config(tenant, actor)
    with pytest.raises(AccessDenied):
        mfa.set_mfa_state(tenant, PATTI, MEGAN, "Enabled")
    with pytest.raises(AccessDenied):
        directory.update_user(tenant, PATTI, MEGAN, {"City": "Oslo"})
    assert tenant.org_config.OAuth2ClientProfileEnabled is False


def test_plain_user_reads_the_directory_and_nothing_else(tenant: Tenant) -> None:
    authorize(tenant, MEGAN, Action.READ_DIRECTORY)
    assert [r.MultiFactorAuthStatus for r in mfa.get_mfa_users(tenant, MEGAN, "Enforced")] == ["Enforced"]
    with pytest.raises(AccessDenied):
        directory.create_user(tenant, MEGAN, "x@contoso.com", "X", password="Aa!aaaaa1")
    with pytest.raises(AccessDenied):
        mfa.get_mfa_service_settings(tenant, MEGAN)
    with pytest.raises(AccessDenied):
        exchange.set_cas_mailbox(tenant, MEGAN, MEGAN, {"PopEnabled": False})


def test_role_names_is_admin_and_privileged(tenant: Tenant) -> None:
    assert role_names(tenant, tenant.get_user(ADMIN)) == ["Global Administrator"]
    assert role_names(tenant, tenant.get_user(MEGAN)) == []
    assert is_admin(tenant, tenant.get_user(DIEGO)) and not is_admin(tenant, tenant.get_user(ALEX))
    assert is_privileged(tenant, tenant.get_user(PATTI)) and not is_privileged(tenant, tenant.get_user(LEE))
    directory.add_role_member(tenant, ADMIN, "Directory Readers", ALEX)
    assert not is_admin(tenant, tenant.get_user(ALEX))
    assert can(tenant, DIEGO, Action.REQUIRE_REREGISTRATION, ALEX)


def test_granting_a_role_changes_the_rights(tenant: Tenant) -> None:
    assert not can(tenant, MEGAN, Action.SET_MFA_STATE, ALEX)
    directory.add_role_member(tenant, ADMIN, "62e90394-69f5-4237-9190-012177145e10", MEGAN)
    mfa.set_mfa_state(tenant, MEGAN, ALEX, "Disabled")
    directory.remove_role_member(tenant, ADMIN, "Company Administrator", MEGAN)
    assert not can(tenant, MEGAN, Action.SET_MFA_STATE, ALEX)
    assert tenant.get_user(ALEX).mfa_state == MfaState.DISABLED
