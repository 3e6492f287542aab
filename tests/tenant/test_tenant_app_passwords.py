"""App passwords: format, shown once, hashed, limit of 40, refusals, and the AllowAppPasswords switch."""

from __future__ import annotations

import pytest
from tenant_testlib import ADMIN, ALEX, MEGAN, PASSWORD, PATTI

from o365shell.tenant import (
    AccessDenied,
    AppPasswordLimitReached,
    AppPasswordNotAllowed,
    AuthenticationFailed,
    Tenant,
    build_tenant,
    mfa,
    provisioning,
    sign_in,
)
from o365shell.tenant.provisioning import MAX_APP_PASSWORDS


@pytest.fixture
def allowed(tenant: Tenant) -> Tenant:
    mfa.set_mfa_service_settings(tenant, ADMIN, allow_app_passwords=True)
    return tenant


def test_app_password_is_16_lowercase_letters_and_shown_once(allowed: Tenant) -> None:
    created = provisioning.create_app_password(allowed, ALEX, PASSWORD, "Outlook on laptop")
    assert len(created.Password) == 16 and created.Password.isalpha() and created.Password.islower()
    assert created.Name == "Outlook on laptop" and created.CreatedDateTime == allowed.now()
    listed = provisioning.list_app_passwords(allowed, ALEX)
    assert [(p.Name, p.CreatedDateTime) for p in listed] == [("Outlook on laptop", allowed.now())]
    assert not hasattr(listed[0], "Password")
    stored = allowed.get_user(ALEX).app_passwords[0]
    assert created.Password not in stored.password_hash and stored.password_hash.startswith("pbkdf2_sha256$")
    assert created.Password not in repr(allowed.get_user(ALEX))


def test_each_app_password_is_different_and_default_names_count_up(allowed: Tenant) -> None:
    first = provisioning.create_app_password(allowed, ALEX, PASSWORD)
    second = provisioning.create_app_password(allowed, ALEX, PASSWORD)
    assert first.Password != second.Password
    assert (first.Name, second.Name) == ("App password 1", "App password 2")
    assert sign_in(allowed, ALEX, first.Password, client="Smtp").Result == "Success"
    assert sign_in(allowed, ALEX, second.Password, client="Smtp").Result == "Success"


def test_at_most_forty_per_user(allowed: Tenant) -> None:
    assert MAX_APP_PASSWORDS == 40
    for _ in range(40):
        provisioning.create_app_password(allowed, ALEX, PASSWORD)
    with pytest.raises(AppPasswordLimitReached) as err:
        provisioning.create_app_password(allowed, ALEX, PASSWORD)
    assert err.value.limit == 40 and len(allowed.get_user(ALEX).app_passwords) == 40
    mfa.delete_app_passwords(allowed, ADMIN, ALEX)
    provisioning.create_app_password(allowed, ALEX, PASSWORD)
    assert len(allowed.get_user(ALEX).app_passwords) == 1


def test_refused_while_the_service_setting_is_off(tenant: Tenant) -> None:
    assert tenant.mfa_settings.allow_app_passwords is False
    with pytest.raises(AppPasswordNotAllowed) as err:
        provisioning.create_app_password(tenant, ALEX, PASSWORD)
    assert err.value.reason == "ServiceSettingOff" and "AllowAppPasswords" in str(err.value)
    assert tenant.get_user(ALEX).app_passwords == ()


def test_refused_in_a_21vianet_tenant_even_when_allowed() -> None:
    china = build_tenant(cloud="AzureChinaCloud")
    mfa.set_mfa_service_settings(china, "admin@contoso.partner.onmschina.cn", allow_app_passwords=True)
    with pytest.raises(AppPasswordNotAllowed) as err:
        provisioning.create_app_password(china, ALEX, PASSWORD)
    assert err.value.reason == "AzureChinaCloud" and "21Vianet" in str(err.value)


def test_refused_for_a_user_without_per_user_mfa(allowed: Tenant) -> None:
    with pytest.raises(AppPasswordNotAllowed) as err:
        provisioning.create_app_password(allowed, MEGAN, PASSWORD)
    assert err.value.reason == "MfaNotEnabled"


def test_wrong_account_password_is_refused(allowed: Tenant) -> None:
    with pytest.raises(AuthenticationFailed):
        provisioning.create_app_password(allowed, ALEX, "wrong")


def test_turning_the_setting_off_leaves_existing_app_passwords_working(allowed: Tenant) -> None:
    created = provisioning.create_app_password(allowed, ALEX, PASSWORD)
    mfa.set_mfa_service_settings(allowed, ADMIN, allow_app_passwords=False)
    assert sign_in(allowed, ALEX, created.Password, client="ActiveSync").MfaSatisfiedBy == "AppPassword"
    with pytest.raises(AppPasswordNotAllowed):
        provisioning.create_app_password(allowed, ALEX, PASSWORD)


def test_password_reset_does_not_revoke_app_passwords(allowed: Tenant) -> None:
    from o365shell.tenant.directory import reset_password

    created = provisioning.create_app_password(allowed, ALEX, PASSWORD)
    reset_password(allowed, ADMIN, ALEX, "Fresh!Pass42")
    assert sign_in(allowed, ALEX, created.Password, client="Pop").Result == "Success"
    assert sign_in(allowed, ALEX, PASSWORD, client="Pop").Result == "InvalidCredentials"


def test_only_a_global_admin_deletes_app_passwords(allowed: Tenant) -> None:
    provisioning.create_app_password(allowed, ALEX, PASSWORD)
    for actor in ("LeeG@contoso.com", "DiegoS@contoso.com", PATTI, MEGAN):
        with pytest.raises(AccessDenied):
            mfa.delete_app_passwords(allowed, actor, ALEX)
    assert len(allowed.get_user(ALEX).app_passwords) == 1
    assert mfa.delete_app_passwords(allowed, ADMIN, ALEX, dry_run=True) == 1
    assert len(allowed.get_user(ALEX).app_passwords) == 1
    assert mfa.delete_app_passwords(allowed, ADMIN, ALEX) == 1
    assert allowed.get_user(ALEX).app_passwords == ()
