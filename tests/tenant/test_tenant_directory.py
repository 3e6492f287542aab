"""User and role administration: validation first, atomic changes, dry runs, lookups and iteration."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

import pytest
from tenant_testlib import ADMIN, ALEX, JONI, LEE, MEGAN, PASSWORD, PATTI, T0

from o365shell.tenant import (
    LicenseError,
    MfaState,
    PasswordPolicyError,
    RoleMembershipError,
    RoleNotFound,
    Tenant,
    UserAlreadyExists,
    UserNotFound,
    ValidationError,
    directory,
    mfa,
    sign_in,
)
from o365shell.tenant.views import (
    MSOL_USER_PROPERTIES,
    msol_user_view,
    role_member_view,
)


# ------------------------------------------------------------------ lookups
def test_lookups_by_upn_any_case_and_object_id(tenant: Tenant) -> None:
    alex = tenant.get_user("alexw@CONTOSO.COM")
    assert alex.user_principal_name == ALEX
    assert tenant.user_by_object_id(alex.object_id) is alex
    assert tenant.user_by_object_id(uuid.UUID(alex.object_id)) is alex
    assert tenant.resolve_user(alex.object_id.upper()) is alex and tenant.resolve_user(ALEX) is alex
    assert tenant.find_user("nobody@contoso.com") is None
    with pytest.raises(UserNotFound) as err:
        tenant.get_user("nobody@contoso.com")
    assert str(err.value) == "User Not Found.  User: nobody@contoso.com."
    with pytest.raises(UserNotFound):
        tenant.user_by_object_id(str(uuid.uuid4()))


def test_roles_by_either_name_or_id(tenant: Tenant) -> None:
    ga = tenant.role("Company Administrator")
    assert tenant.role("global administrator") is ga and tenant.role("62e90394-69f5-4237-9190-012177145e10") is ga
    assert (ga.display_name, ga.is_enabled, ga.is_system) == ("Global Administrator", True, True)
    assert [u.user_principal_name for u in tenant.role_members("Exchange Service Administrator")] == [PATTI]
    assert role_member_view(tenant.get_user(PATTI))["RoleMemberType"] == "User"
    ids = {r.display_name: r.object_id for r in tenant.roles}
    assert ids["Authentication Policy Administrator"] == "0526716b-113d-4c15-b2c8-68e3c22b9f80"
    assert ids["Privileged Authentication Administrator"] == "7be44c8a-adaf-4e2a-84d6-ab2649e08a13"
    assert ids["User Administrator"] == "fe930be7-5e62-47db-91af-98c3a49a38b1"
    with pytest.raises(RoleNotFound):
        tenant.role("Chief Everything Officer")


def test_iteration_is_insertion_ordered_and_survives_deletes(tenant: Tenant) -> None:
    seen = []
    for user in tenant.iter_users():
        seen.append(user.user_principal_name)
        if user.user_principal_name == ALEX:
            directory.delete_user(tenant, ADMIN, MEGAN)
            directory.create_user(tenant, ADMIN, "Late@contoso.com", "Late", password="Arrival!Pw12")
    assert MEGAN not in seen and "Late@contoso.com" not in seen and len(seen) == 8
    assert [u.user_principal_name for u in tenant.iter_users(deleted=True)] == [MEGAN]
    assert list(tenant.iter_users())[-1].user_principal_name == "Late@contoso.com"


def test_purging_many_users_while_iterating(tenant: Tenant) -> None:
    for i in range(100):
        directory.create_user(tenant, ADMIN, f"tmp{i}@contoso.com", f"Tmp {i}", password="Tmp!Pass1234")
    for user in tenant.iter_users():
        if user.user_principal_name.startswith("tmp"):
            directory.delete_user(tenant, ADMIN, user.user_principal_name)
            directory.delete_user(tenant, ADMIN, user.object_id, from_recycle_bin=True)
    assert len(tenant) == 9 and tenant.deleted_count == 0
    assert len(tenant._order) == 9  # compacted once no iteration was running  # noqa: SLF001


# ------------------------------------------------------------------ create / update
def test_create_user_with_license_and_properties(tenant: Tenant) -> None:
    created = directory.create_user(tenant, ADMIN, "NewHire@contoso.com", "New Hire",
                                    licenses=["CONTOSO:enterprisepack"],
                                    properties={"UsageLocation": "us", "Department": "Sales", "FirstName": "New"})
    user = created.user
    assert tenant.get_user("newhire@contoso.com") is user
    assert user.licenses == ("contoso:ENTERPRISEPACK",) and user.usage_location == "US"
    assert user.when_created == T0 and user.force_change_password is True
    assert sign_in(tenant, "NewHire@contoso.com", created.password).Result == "Success"
    assert tenant.consumed_units("contoso:ENTERPRISEPACK") == 9
    assert user.object_id == directory.object_id_for(Tenant(), "newhire@contoso.com")


@pytest.mark.parametrize(("upn", "kwargs", "error", "phrase"), [
    ("bad-upn", {}, ValidationError, "not a valid UserPrincipalName"),
    ("x@fabrikam.com", {}, ValidationError, "verified domain"),
    ("AlexW@contoso.com", {}, UserAlreadyExists, "conflicting object"),
    ("x@contoso.com", {"password": "short"}, PasswordPolicyError, "complexity"),
    ("x@contoso.com", {"password": "NoSymbols123"}, PasswordPolicyError, "complexity"),
    ("x@contoso.com", {"licenses": ["contoso:NOPE"], "properties": {"UsageLocation": "US"}}, LicenseError, "invalid"),
    ("x@contoso.com", {"licenses": ["contoso:EMS"]}, LicenseError, "UsageLocation"),
    ("x@contoso.com", {"properties": {"Shoe": "42"}}, ValidationError, "not a settable property"),
    ("x@contoso.com", {"properties": {"UsageLocation": "USA"}}, ValidationError, "two-letter"),
])
def test_create_user_refusals_change_nothing(tenant: Tenant, upn: str, kwargs: dict, error: type, phrase: str) -> None:
    before, audit = len(tenant), len(tenant.audit)
    with pytest.raises(error, match=phrase):
        directory.create_user(tenant, ADMIN, upn, "X", **kwargs)
    assert len(tenant) == before and len(tenant.audit) == audit


def test_dry_run_create_adds_nothing(tenant: Tenant) -> None:
    preview = directory.create_user(tenant, ADMIN, "Maybe@contoso.com", "Maybe", password="Perhaps!Pw1", dry_run=True)
    assert preview.user.user_principal_name == "Maybe@contoso.com"
    assert tenant.find_user("Maybe@contoso.com") is None


def test_update_is_all_or_nothing(tenant: Tenant) -> None:
    with pytest.raises(ValidationError):
        directory.update_user(tenant, ADMIN, MEGAN, {"Department": "Sales", "BlockCredential": "yes"})
    assert tenant.get_user(MEGAN).department == "Marketing"
    with pytest.raises(ValidationError, match="set_mfa_state"):
        directory.update_user(tenant, ADMIN, MEGAN, {"StrongAuthenticationRequirements": []})
    diff = directory.update_user(tenant, ADMIN, MEGAN, {"department": "Sales", "Title": None,
                                                       "AlternateEmailAddresses": "megan@example.com"})
    assert diff == {"Department": ("Marketing", "Sales"), "Title": ("Marketing Manager", None),
                    "AlternateEmailAddresses": ((), ("megan@example.com",))}
    megan = tenant.get_user(MEGAN)
    assert megan.title is None and megan.alternate_email_addresses == ("megan@example.com",)
    assert directory.update_user(tenant, ADMIN, MEGAN, {"City": "Oslo"}, dry_run=True) == {"City": ("Pittsburgh", "Oslo")}
    assert megan.city == "Pittsburgh"
    with pytest.raises(ValidationError, match="cannot be empty"):
        directory.update_user(tenant, ADMIN, MEGAN, {"DisplayName": " "})


def test_delete_restore_and_purge(tenant: Tenant) -> None:
    megan = directory.delete_user(tenant, ADMIN, MEGAN)
    assert megan.is_deleted and tenant.find_user(MEGAN) is None and megan.soft_deletion_timestamp == T0
    assert sign_in(tenant, MEGAN, PASSWORD).Result == "InvalidCredentials"
    assert tenant.consumed_units("contoso:ENTERPRISEPACK") == 7
    directory.restore_user(tenant, ADMIN, MEGAN)
    assert tenant.get_user(MEGAN) is megan and not megan.is_deleted
    assert tenant.consumed_units("contoso:ENTERPRISEPACK") == 8
    with pytest.raises(UserNotFound):
        directory.delete_user(tenant, ADMIN, MEGAN, from_recycle_bin=True)
    directory.delete_user(tenant, ADMIN, MEGAN)
    directory.delete_user(tenant, ADMIN, MEGAN, from_recycle_bin=True)
    with pytest.raises(UserNotFound):
        tenant.find_deleted_user(MEGAN)
    with pytest.raises(ValidationError, match="signed in with"):
        directory.delete_user(tenant, ADMIN, ADMIN)


def test_restore_under_a_new_upn_when_the_old_one_is_taken(tenant: Tenant) -> None:
    directory.delete_user(tenant, ADMIN, MEGAN)
    directory.create_user(tenant, ADMIN, MEGAN, "Megan Two", password="Second!Megan1")
    with pytest.raises(UserAlreadyExists):
        directory.restore_user(tenant, ADMIN, MEGAN)
    restored = directory.restore_user(tenant, ADMIN, MEGAN, new_user_principal_name="MeganB2@contoso.com")
    assert restored.display_name == "Megan Bowen" and tenant.get_user("meganb2@contoso.com") is restored


def test_licenses_are_counted_and_limited(tenant: Tenant) -> None:
    directory.set_user_licenses(tenant, ADMIN, JONI, add=["contoso:EMS"])
    assert tenant.get_user(JONI).licenses == ("contoso:EMS",) and tenant.consumed_units("contoso:EMS") == 5
    directory.set_user_licenses(tenant, ADMIN, JONI, add=["contoso:ENTERPRISEPACK"], remove=["contoso:EMS"])
    assert tenant.get_user(JONI).licenses == ("contoso:ENTERPRISEPACK",)
    assert tenant.consumed_units("contoso:EMS") == 4 and tenant.consumed_units("contoso:ENTERPRISEPACK") == 9
    with pytest.raises(LicenseError, match="not assigned"):
        directory.set_user_licenses(tenant, ADMIN, JONI, remove=["contoso:EMS"])
    tenant.sku("contoso:EMS").active_units = 4  # type: ignore[union-attr]
    with pytest.raises(LicenseError, match="exceeded"):
        directory.set_user_licenses(tenant, ADMIN, MEGAN, add=["contoso:EMS"])
    assert tenant.get_user(MEGAN).licenses == ("contoso:ENTERPRISEPACK",)


def test_role_membership(tenant: Tenant) -> None:
    directory.add_role_member(tenant, ADMIN, "Helpdesk Administrator", MEGAN)
    assert [r.display_name for r in tenant.user_roles(tenant.get_user(MEGAN))] == ["Helpdesk Administrator"]
    with pytest.raises(RoleMembershipError, match="already a member"):
        directory.add_role_member(tenant, ADMIN, "Helpdesk Administrator", MEGAN)
    directory.remove_role_member(tenant, ADMIN, "Helpdesk Administrator", tenant.get_user(MEGAN).object_id)
    with pytest.raises(RoleMembershipError, match="not a member"):
        directory.remove_role_member(tenant, ADMIN, "Helpdesk Administrator", MEGAN)
    with pytest.raises(ValidationError, match="last Global Administrator"):
        directory.remove_role_member(tenant, ADMIN, "Company Administrator", ADMIN)
    assert LEE in [u.user_principal_name for u in tenant.role_members("User Administrator")]


def test_reset_password_generates_a_strong_one(tenant: Tenant) -> None:
    new = directory.reset_password(tenant, ADMIN, MEGAN)
    directory.validate_password(new, MEGAN)
    user = tenant.get_user(MEGAN)
    assert user.force_change_password and user.last_password_change == T0
    assert sign_in(tenant, MEGAN, new).Result == "Success" and sign_in(tenant, MEGAN, PASSWORD).Result == "InvalidCredentials"


# ------------------------------------------------------------------ MFA admin operations
def test_set_mfa_state_with_graph_semantics_and_requirement_date(tenant: Tenant) -> None:
    when = datetime(2025, 1, 1, tzinfo=timezone.utc)
    change = mfa.set_mfa_state(tenant, ADMIN, PATTI, "Enabled", graph=True, remember_devices_not_issued_before=when)
    assert (change.PreviousState, change.State) == ("Enabled", "Enforced")
    view = msol_user_view(tenant, tenant.get_user(PATTI))
    [requirement] = view["StrongAuthenticationRequirements"]
    assert (requirement.RelyingParty, requirement.State, requirement.RememberDevicesNotIssuedBefore) == ("*", "Enforced", when)
    mfa.set_mfa_state(tenant, ADMIN, PATTI, "Disabled")
    assert msol_user_view(tenant, tenant.get_user(PATTI))["StrongAuthenticationRequirements"] == []
    assert mfa.set_mfa_state(tenant, ADMIN, MEGAN, "Enabled", graph=True).State == "Enabled"


def test_set_strong_authentication_methods(tenant: Tenant) -> None:
    from o365shell.tenant import provisioning

    provisioning.register_phone_method(tenant, ALEX, "+1 4255550199", "OneWaySMS")
    provisioning.confirm_phone_method(tenant, ALEX, tenant.phone_messages("+14255550199")[-1].Code)
    assert [(str(m.method_type), m.is_default) for m in tenant.get_user(ALEX).methods] == [
        ("PhoneAppOTP", True), ("OneWaySMS", False)]
    mfa.set_strong_authentication_methods(tenant, ADMIN, ALEX, [("PhoneAppOTP", False), {"MethodType": "OneWaySMS",
                                                                                        "IsDefault": True}])
    assert tenant.get_user(ALEX).default_method.method_type == "OneWaySMS"  # type: ignore[union-attr]
    assert sign_in(tenant, ALEX, PASSWORD).Reason.startswith("Per-user MFA is Enforced: a verification code was texted")
    with pytest.raises(ValidationError, match="Exactly one"):
        mfa.set_strong_authentication_methods(tenant, ADMIN, ALEX, [("PhoneAppOTP", True), ("OneWaySMS", True)])
    with pytest.raises(ValidationError, match="not registered"):
        mfa.set_strong_authentication_methods(tenant, ADMIN, ALEX, [("TwoWayVoiceOffice", True)])
    mfa.set_strong_authentication_methods(tenant, ADMIN, ALEX, [])
    assert tenant.get_user(ALEX).methods == () and tenant.get_user(ALEX).mfa_state == MfaState.ENFORCED


def test_mfa_service_settings_validation(tenant: Tenant) -> None:
    diff = mfa.set_mfa_service_settings(tenant, ADMIN, trusted_ips=["10.0.0.5/24", "192.0.2.1", "10.0.0.0/24"])
    assert tenant.mfa_settings.trusted_ips == ("10.0.0.0/24", "192.0.2.1/32") and "trusted_ips" in diff
    before = (tenant.mfa_settings.trusted_ips, tenant.mfa_settings.remember_mfa_days)
    bad_calls = [
        {"trusted_ips": ["2001:db8::/32"]},
        {"trusted_ips": ["not-an-ip"]},
        {"trusted_ips": [f"10.{i}.0.0/16" for i in range(51)]},
        {"remember_mfa_days": 0},
        {"remember_mfa_days": 366},
        {"remember_mfa_days": True},
        {"verification_options": []},
        {"verification_options": ["Carrier pigeon"]},
        {"allow_app_passwords": "yes", "remember_mfa_days": 30},
    ]
    for kwargs in bad_calls:
        with pytest.raises(ValidationError):
            mfa.set_mfa_service_settings(tenant, ADMIN, **kwargs)
    assert (tenant.mfa_settings.trusted_ips, tenant.mfa_settings.remember_mfa_days) == before
    mfa.set_mfa_service_settings(tenant, ADMIN, trusted_ips=[f"10.{i}.0.0/16" for i in range(50)], remember_mfa_days=365)
    assert len(tenant.mfa_settings.trusted_ips) == 50
    view = mfa.mfa_service_settings_view(mfa.get_mfa_service_settings(tenant, ADMIN))
    assert view["VerificationOptions"] == ["Call to phone", "Text message to phone", "Notification through mobile app",
                                           "Verification code from mobile app or hardware token"]
    assert (view["AllowAppPasswords"], view["RememberMfaOnTrustedDevices"], view["RememberMfaDays"]) == (False, False, 365)


def test_get_mfa_users_filters_by_state(tenant: Tenant) -> None:
    rows = list(mfa.get_mfa_users(tenant, MEGAN))
    assert len(rows) == 9 and rows[0].DisplayName == "MOD Administrator"
    assert [r.UserPrincipalName for r in mfa.get_mfa_users(tenant, MEGAN, "enabled")] == ["AdeleV@contoso.com", PATTI]
    with pytest.raises(ValidationError):
        list(mfa.get_mfa_users(tenant, MEGAN, "Sometimes"))


# ------------------------------------------------------------------ the Get-MsolUser view
def test_msol_view_has_every_property_in_the_real_order(tenant: Tenant) -> None:
    view = msol_user_view(tenant, tenant.get_user(ALEX))
    assert tuple(view) == MSOL_USER_PROPERTIES and len(view) == 61
    assert view["IsLicensed"] is True and [str(x) for x in view["Licenses"]] == ["contoso:ENTERPRISEPACK"]
    assert view["StrongAuthenticationPhoneAppDetails"][0].OathSecretKey is None
    assert "JBSWY3DPEHPK3PXP" not in repr(view)
    joni = msol_user_view(tenant, tenant.get_user(JONI))
    assert joni["IsLicensed"] is False and joni["ProxyAddresses"] == [] and joni["StrongAuthenticationUserDetails"] is None


def test_query_users_applies_get_msoluser_filters(tenant: Tenant) -> None:
    def upns(**kwargs: object) -> list[str]:
        return [u.user_principal_name for u in directory.query_users(tenant, **kwargs)]  # type: ignore[arg-type]

    assert upns(search_string="alex") == [ALEX]
    assert upns(search_string="Megan B") == [MEGAN]
    assert upns(department="it") == [ADMIN, LEE, PATTI, "DiegoS@contoso.com"]
    assert upns(enabled_filter="DisabledOnly") == ["IsaiahL@contoso.com"]
    assert len(upns(enabled_filter="EnabledOnly")) == 8
    assert upns(unlicensed_users_only=True) == [JONI]
    assert upns(domain_name="contoso.onmicrosoft.com") == [ADMIN]
    assert upns(city="Tulsa", title="Retail Manager") == ["AdeleV@contoso.com"]
    directory.delete_user(tenant, ADMIN, JONI)
    assert upns(return_deleted_users=True) == [JONI]
    with pytest.raises(ValidationError):
        upns(enabled_filter="Sometimes")
