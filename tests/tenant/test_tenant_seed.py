"""The Contoso seed is exactly the SPEC §4 table, deterministic, and scales with synthetic users."""

from __future__ import annotations

import pytest
from tenant_testlib import ADMIN, ALEX, ALEX_SECRET, PASSWORD, PATTI_PHONE, T0, code_at

from o365shell.tenant import (
    Cloud,
    MfaState,
    Tenant,
    ValidationError,
    admin_upn,
    build_tenant,
    lab_credential,
    role_names,
    sign_in,
)
from o365shell.tenant.crypto import verify_password
from o365shell.tenant.seed import synthetic_upn
from o365shell.tenant.views import account_sku_view, msol_user_view

SPEC_TABLE = [
    # upn, display name, roles, MFA state, method types
    ("admin@contoso.onmicrosoft.com", "MOD Administrator", ["Global Administrator"], "Disabled", []),
    ("AdeleV@contoso.com", "Adele Vance", [], "Enabled", []),
    ("AlexW@contoso.com", "Alex Wilber", [], "Enforced", ["PhoneAppOTP"]),
    ("MeganB@contoso.com", "Megan Bowen", [], "Disabled", []),
    ("LeeG@contoso.com", "Lee Gu", ["User Administrator"], "Disabled", []),
    ("PattiF@contoso.com", "Patti Fernandez", ["Exchange Administrator"], "Enabled", ["OneWaySMS"]),
    ("DiegoS@contoso.com", "Diego Siciliani", ["Authentication Administrator"], "Disabled", []),
    ("IsaiahL@contoso.com", "Isaiah Langer", [], "Disabled", []),
    ("JoniS@contoso.com", "Joni Sherman", [], "Disabled", []),
]


def test_seed_users_match_the_spec_table_in_order(tenant: Tenant) -> None:
    rows = [
        (u.user_principal_name, u.display_name, role_names(tenant, u), str(u.mfa_state), [str(t) for t in u.method_types()])
        for u in tenant.iter_users()
    ]
    assert rows == SPEC_TABLE


def test_msonline_role_names_of_seeded_admins(tenant: Tenant) -> None:
    assert role_names(tenant, tenant.get_user(ADMIN), display=False) == ["Company Administrator"]
    assert role_names(tenant, tenant.get_user("LeeG@contoso.com"), display=False) == ["User Account Administrator"]
    assert role_names(tenant, tenant.get_user("PattiF@contoso.com"), display=False) == ["Exchange Service Administrator"]


def test_every_seeded_password_is_pass_at_word1(tenant: Tenant) -> None:
    for user in tenant.iter_users():
        assert verify_password(PASSWORD, user.password_hash), user.user_principal_name
        assert not verify_password("pass@word1", user.password_hash)
        assert lab_credential(tenant, user.user_principal_name) == (user.user_principal_name, PASSWORD)


def test_alex_has_the_documented_totp_secret_and_is_enforced(tenant: Tenant) -> None:
    alex = tenant.get_user(ALEX)
    assert alex.mfa_state == MfaState.ENFORCED
    assert alex.default_method is not None and alex.default_method.method_type == "PhoneAppOTP"
    result = sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET))
    assert (result.Result, result.MfaSatisfiedBy) == ("Success", "Otp")


def test_patti_has_one_way_sms_on_the_documented_number(tenant: Tenant) -> None:
    patti = tenant.get_user("PattiF@contoso.com")
    assert patti.mfa_state == MfaState.ENABLED
    assert patti.user_details is not None and patti.user_details.phone_number == PATTI_PHONE
    view = msol_user_view(tenant, patti)
    assert [(m.MethodType, m.IsDefault) for m in view["StrongAuthenticationMethods"]] == [("OneWaySMS", True)]
    assert view["StrongAuthenticationUserDetails"].PhoneNumber == "+1 4255550101"


def test_isaiah_blocked_and_joni_unlicensed(tenant: Tenant) -> None:
    assert tenant.get_user("IsaiahL@contoso.com").block_credential is True
    assert [u.user_principal_name for u in tenant.iter_users() if u.block_credential] == ["IsaiahL@contoso.com"]
    assert tenant.get_user("JoniS@contoso.com").licenses == ()
    assert [u.user_principal_name for u in tenant.iter_users() if not u.is_licensed] == ["JoniS@contoso.com"]


def test_every_seeded_user_has_department_title_and_city(tenant: Tenant) -> None:
    for user in tenant.iter_users():
        assert user.department and user.title and user.city and user.usage_location == "US"
        assert user.when_created < T0


def test_domains_skus_company_and_org_name(tenant: Tenant) -> None:
    names = {d.name: d for d in tenant.domains.values()}
    assert names["contoso.onmicrosoft.com"].is_initial and not names["contoso.onmicrosoft.com"].is_default
    assert names["contoso.com"].is_default and not names["contoso.com"].is_initial
    assert tenant.default_domain == "contoso.com"
    assert tenant.initial_domain == "contoso.onmicrosoft.com"
    assert tenant.org_config.Name == "contoso.onmicrosoft.com"
    assert tenant.org_config.get("oauth2clientprofileenabled") is True
    assert tenant.cloud == Cloud.AZURE_CLOUD
    e3 = account_sku_view(tenant, tenant.sku("contoso:ENTERPRISEPACK"))  # type: ignore[arg-type]
    ems = account_sku_view(tenant, tenant.sku("CONTOSO:ems"))  # type: ignore[arg-type]
    assert (e3["SkuPartNumber"], e3["ActiveUnits"], e3["ConsumedUnits"]) == ("ENTERPRISEPACK", 25, 8)
    assert (ems["AccountSkuId"], ems["ConsumedUnits"]) == ("contoso:EMS", 4)
    assert tenant.company.display_name == "Contoso" and tenant.company.country_letter_code == "US"


def test_object_ids_are_deterministic_across_builds() -> None:
    first = [(u.user_principal_name, u.object_id) for u in build_tenant(50).iter_users()]
    second = [(u.user_principal_name, u.object_id) for u in build_tenant(50).iter_users()]
    assert first == second
    assert len({oid for _, oid in first}) == len(first)


def test_synthetic_users_are_deterministic_and_spread() -> None:
    t = build_tenant(200)
    assert len(t) == 209
    synthetic = list(t.iter_users())[9:]
    assert synthetic[0].user_principal_name == "user00001@contoso.com" == synthetic_upn(1)
    assert synthetic[-1].user_principal_name == "user00200@contoso.com"
    states = {s: sum(1 for u in synthetic if u.mfa_state == s) for s in MfaState}
    assert states[MfaState.DISABLED] > states[MfaState.ENABLED] > states[MfaState.ENFORCED] > 0
    assert all(u.methods for u in synthetic if u.mfa_state == MfaState.ENFORCED)
    assert any(u.is_licensed for u in synthetic) and any(not u.is_licensed for u in synthetic)
    assert len({u.department for u in synthetic}) >= 10
    assert t.consumed_units("contoso:ENTERPRISEPACK") == 8 + sum(1 for u in synthetic if u.licenses)
    assert t.sku("contoso:ENTERPRISEPACK").active_units == 225  # type: ignore[union-attr]


def test_synthetic_enforced_user_signs_in_with_a_texted_code() -> None:
    t = build_tenant(40)
    upn = synthetic_upn(20)
    first = sign_in(t, upn, PASSWORD)
    assert first.Result == "MfaRequired"
    message = t.phone_messages(t.get_user(upn).user_details.phone_number)[-1]  # type: ignore[union-attr]
    assert sign_in(t, upn, PASSWORD, otp=message.Code).Result == "Success"


def test_china_variant() -> None:
    t = build_tenant(cloud="AzureChinaCloud")
    assert t.cloud == Cloud.AZURE_CHINA_CLOUD
    assert t.initial_domain == "contoso.partner.onmschina.cn"
    assert admin_upn(t) == "admin@contoso.partner.onmschina.cn"
    assert role_names(t, t.get_user(admin_upn(t))) == ["Global Administrator"]
    assert t.org_config.Name == "contoso.partner.onmschina.cn"
    assert t.get_user(ALEX).usage_location == "CN"
    assert admin_upn(build_tenant()) == ADMIN


@pytest.mark.parametrize("size", [-1, 1.5, True])
def test_bad_sizes_are_refused(size: object) -> None:
    with pytest.raises(ValidationError):
        build_tenant(size)  # type: ignore[arg-type]


def test_unknown_cloud_is_refused() -> None:
    with pytest.raises(ValidationError, match="AzureCloud, AzureChinaCloud"):
        build_tenant(cloud="AzureGermanyCloud")


def test_lab_credential_refuses_after_password_change(tenant: Tenant) -> None:
    from o365shell.tenant.directory import reset_password

    reset_password(tenant, ADMIN, "MeganB@contoso.com", "N3w!Secret9")
    with pytest.raises(ValidationError, match="no longer the seed password"):
        lab_credential(tenant, "MeganB@contoso.com")
