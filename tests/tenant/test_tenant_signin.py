"""The sign-in rules of SPEC §6, scenario by scenario."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tenant_testlib import (
    ADELE,
    ADMIN,
    ALEX,
    ALEX_SECRET,
    ISAIAH,
    MEGAN,
    PASSWORD,
    PATTI,
    PATTI_PHONE,
    code_at,
    step,
)

from o365shell.tenant import (
    MfaState,
    Tenant,
    ValidationError,
    mfa,
    provisioning,
    sign_in,
)
from o365shell.tenant.exchange import set_organization_config

ALL_CLIENTS = ["Browser", "Outlook2013", "Outlook2013Adal", "Office2016", "ActiveSync", "Imap", "Pop", "Smtp"]
LEGACY = ["Outlook2013", "ActiveSync", "Imap", "Pop", "Smtp"]
MODERN = ["Browser", "Office2016", "Outlook2013Adal"]


def _allow_app_passwords(tenant: Tenant) -> None:
    mfa.set_mfa_service_settings(tenant, ADMIN, allow_app_passwords=True)


# -------------------------------------------------------------------- scenario 1
def test_scenario1_enabled_user_registers_then_is_enforced(tenant: Tenant) -> None:
    first = sign_in(tenant, ADELE, PASSWORD)
    assert first.Result == "MfaRegistrationRequired"
    assert first.MfaSatisfiedBy is None
    assert "register" in first.Reason

    reg = provisioning.register_authenticator_app(tenant, ADELE, PASSWORD)
    assert reg.ProvisioningUri.startswith("otpauth://totp/")
    assert "AdeleV%40contoso.com" in reg.ProvisioningUri and f"secret={reg.Secret}" in reg.ProvisioningUri
    confirmed = provisioning.confirm_authenticator_app(tenant, ADELE, code_at(tenant, reg.Secret))
    assert (confirmed.PreviousMfaState, confirmed.MfaState, confirmed.MethodType) == ("Enabled", "Enforced", "PhoneAppOTP")
    assert tenant.get_user(ADELE).mfa_state == MfaState.ENFORCED

    step(tenant)
    assert sign_in(tenant, ADELE, PASSWORD).Result == "MfaRequired"
    code = code_at(tenant, reg.Secret)
    ok = sign_in(tenant, ADELE, PASSWORD, otp=code)
    assert (ok.Result, ok.MfaSatisfiedBy) == ("Success", "Otp")
    replay = sign_in(tenant, ADELE, PASSWORD, otp=code)
    assert replay.Result == "InvalidOtp" and "already used" in replay.Reason

    step(tenant, 60)
    assert sign_in(tenant, ADELE, PASSWORD, otp=code_at(tenant, reg.Secret, -2)).Result == "InvalidOtp"
    for _ in range(3):  # with the failed replay and two-steps-ago code: five wrong in a row
        assert sign_in(tenant, ADELE, PASSWORD, otp="000000").Result == "InvalidOtp"
    locked = sign_in(tenant, ADELE, PASSWORD, otp=code_at(tenant, reg.Secret))
    assert locked.Result == "LockedOut"
    step(tenant, 14 * 60)
    assert sign_in(tenant, ADELE, PASSWORD, otp=code_at(tenant, reg.Secret)).Result == "LockedOut"
    step(tenant, 61)
    assert sign_in(tenant, ADELE, PASSWORD, otp=code_at(tenant, reg.Secret)).Result == "Success"


def test_enabled_user_with_methods_completes_mfa_and_becomes_enforced(tenant: Tenant) -> None:
    first = sign_in(tenant, PATTI, PASSWORD)
    assert first.Result == "MfaRequired"
    text = tenant.phone_messages(PATTI_PHONE)[-1]
    assert text.Kind == "Text" and text.Code in text.Body and len(text.Code) == 6
    assert tenant.get_user(PATTI).mfa_state == MfaState.ENABLED
    done = sign_in(tenant, PATTI, PASSWORD, otp=text.Code)
    assert (done.Result, done.MfaSatisfiedBy) == ("Success", "Otp")
    assert tenant.get_user(PATTI).mfa_state == MfaState.ENFORCED
    assert sign_in(tenant, PATTI, PASSWORD, otp=text.Code).Result == "InvalidOtp"  # phone codes are single-use


def test_enabled_user_without_methods_keeps_legacy_clients(tenant: Tenant) -> None:
    for client in LEGACY:
        result = sign_in(tenant, ADELE, PASSWORD, client=client)
        assert (result.Result, result.MfaSatisfiedBy) == ("Success", "NotRequired"), client
    for client in MODERN:
        assert sign_in(tenant, ADELE, PASSWORD, client=client).Result == "MfaRegistrationRequired", client


# -------------------------------------------------------------------- scenario 2
def test_scenario2_enforced_user_legacy_client_needs_app_password(tenant: Tenant) -> None:
    refused = sign_in(tenant, ALEX, PASSWORD, client="Outlook2013")
    assert refused.Result == "AppPasswordRequired" and "app password" in refused.Reason
    _allow_app_passwords(tenant)
    created = provisioning.create_app_password(tenant, ALEX, PASSWORD, "Laptop")
    ok = sign_in(tenant, ALEX, created.Password, client="Outlook2013")
    assert (ok.Result, ok.MfaSatisfiedBy) == ("Success", "AppPassword")
    for client in LEGACY:
        assert sign_in(tenant, ALEX, created.Password, client=client).Result == "Success"
    assert sign_in(tenant, ALEX, created.Password, client="Browser").Result == "InvalidCredentials"
    assert mfa.delete_app_passwords(tenant, ADMIN, ALEX) == 1
    assert sign_in(tenant, ALEX, created.Password, client="Outlook2013").Result == "InvalidCredentials"
    assert sign_in(tenant, ALEX, PASSWORD, client="Outlook2013").Result == "AppPasswordRequired"


# -------------------------------------------------------------------- scenario 3
@pytest.mark.parametrize("client", ["Office2016", "Outlook2013Adal"])
def test_scenario3_oauth2_client_profile_switches_modern_and_legacy(tenant: Tenant, client: str) -> None:
    modern = sign_in(tenant, ALEX, PASSWORD, client=client)
    assert modern.Result == "MfaRequired"
    assert sign_in(tenant, ALEX, PASSWORD, client=client, otp=code_at(tenant, ALEX_SECRET)).Result == "Success"

    set_organization_config(tenant, PATTI, {"OAuth2ClientProfileEnabled": False})
    legacy = sign_in(tenant, ALEX, PASSWORD, client=client)
    assert legacy.Result == "AppPasswordRequired"
    assert "OAuth2ClientProfileEnabled is False" in legacy.Reason
    _allow_app_passwords(tenant)
    app = provisioning.create_app_password(tenant, ALEX, PASSWORD)
    assert sign_in(tenant, ALEX, app.Password, client=client).MfaSatisfiedBy == "AppPassword"
    assert sign_in(tenant, ALEX, PASSWORD, client="Browser").Result == "MfaRequired"  # browser stays modern


# -------------------------------------------------------------------- scenario 4 (see test_tenant_app_passwords too)
def test_scenario4_app_passwords_refused_when_off_or_in_china(tenant: Tenant) -> None:
    from o365shell.tenant import AppPasswordNotAllowed, build_tenant

    with pytest.raises(AppPasswordNotAllowed) as off:
        provisioning.create_app_password(tenant, ALEX, PASSWORD)
    assert off.value.reason == "ServiceSettingOff"
    china = build_tenant(cloud="AzureChinaCloud")
    mfa.set_mfa_service_settings(china, "admin@contoso.partner.onmschina.cn", allow_app_passwords=True)
    with pytest.raises(AppPasswordNotAllowed) as cn:
        provisioning.create_app_password(china, ALEX, PASSWORD)
    assert cn.value.reason == "AzureChinaCloud"
    assert str(off.value) != str(cn.value)


# -------------------------------------------------------------------- scenario 5
def test_scenario5_remembered_device_until_days_pass(tenant: Tenant) -> None:
    mfa.set_mfa_service_settings(tenant, ADMIN, remember_mfa_on_trusted_devices=True, remember_mfa_days=14)
    first = sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET), remember_device=True, device_id="laptop-1")
    assert first.Result == "Success" and first.DeviceId == "laptop-1"
    skipped = sign_in(tenant, ALEX, PASSWORD, device_id="laptop-1")
    assert (skipped.Result, skipped.MfaSatisfiedBy) == ("Success", "RememberedDevice")
    assert sign_in(tenant, ALEX, PASSWORD, device_id="phone-2").Result == "MfaRequired"
    assert sign_in(tenant, ALEX, PASSWORD).Result == "MfaRequired"
    tenant.clock.advance(timedelta(days=13, hours=23))
    assert sign_in(tenant, ALEX, PASSWORD, device_id="laptop-1").MfaSatisfiedBy == "RememberedDevice"
    tenant.clock.advance(timedelta(hours=1))
    assert sign_in(tenant, ALEX, PASSWORD, device_id="laptop-1").Result == "MfaRequired"


def test_scenario5_restore_mfa_on_remembered_devices(tenant: Tenant) -> None:
    mfa.set_mfa_service_settings(tenant, ADMIN, remember_mfa_on_trusted_devices=True)
    sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET), remember_device=True, device_id="d1")
    step(tenant)
    assert sign_in(tenant, ALEX, PASSWORD, device_id="d1").MfaSatisfiedBy == "RememberedDevice"
    mfa.restore_remembered_devices(tenant, "DiegoS@contoso.com", ALEX)
    assert sign_in(tenant, ALEX, PASSWORD, device_id="d1").Result == "MfaRequired"
    step(tenant)
    again = sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET), remember_device=True, device_id="d1")
    assert again.Result == "Success"
    step(tenant)
    assert sign_in(tenant, ALEX, PASSWORD, device_id="d1").MfaSatisfiedBy == "RememberedDevice"


def test_remember_device_needs_the_service_setting(tenant: Tenant) -> None:
    result = sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET), remember_device=True, device_id="d1")
    assert result.Result == "Success" and "not remembered" in result.Reason
    assert sign_in(tenant, ALEX, PASSWORD, device_id="d1").Result == "MfaRequired"


def test_remember_device_generates_an_id_when_none_given(tenant: Tenant) -> None:
    mfa.set_mfa_service_settings(tenant, ADMIN, remember_mfa_on_trusted_devices=True)
    result = sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET), remember_device=True)
    assert result.DeviceId
    assert sign_in(tenant, ALEX, PASSWORD, device_id=result.DeviceId).MfaSatisfiedBy == "RememberedDevice"


def test_turning_remember_off_stops_honouring_devices(tenant: Tenant) -> None:
    mfa.set_mfa_service_settings(tenant, ADMIN, remember_mfa_on_trusted_devices=True)
    sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET), remember_device=True, device_id="d1")
    mfa.set_mfa_service_settings(tenant, ADMIN, remember_mfa_on_trusted_devices=False)
    assert sign_in(tenant, ALEX, PASSWORD, device_id="d1").Result == "MfaRequired"


# -------------------------------------------------------------------- scenario 6
def test_scenario6_trusted_ip_range_skips_mfa(tenant: Tenant) -> None:
    mfa.set_mfa_service_settings(tenant, ADMIN, trusted_ips=["203.0.113.0/24", "198.51.100.7"])
    inside = sign_in(tenant, ALEX, PASSWORD, ip="203.0.113.45")
    assert (inside.Result, inside.MfaSatisfiedBy, inside.IPAddress) == ("Success", "TrustedIP", "203.0.113.45")
    assert sign_in(tenant, ALEX, PASSWORD, ip="198.51.100.7").MfaSatisfiedBy == "TrustedIP"
    assert sign_in(tenant, ALEX, PASSWORD, ip="203.0.114.1").Result == "MfaRequired"
    assert sign_in(tenant, ALEX, PASSWORD, ip="198.51.100.8").Result == "MfaRequired"
    assert sign_in(tenant, ALEX, PASSWORD).Result == "MfaRequired"
    assert sign_in(tenant, ALEX, "wrong", ip="203.0.113.45").Result == "InvalidCredentials"


def test_trusted_ip_legacy_enforced_user_without_app_passwords(tenant: Tenant) -> None:
    mfa.set_mfa_service_settings(tenant, ADMIN, trusted_ips=["203.0.113.0/24"], allow_app_passwords=True)
    inside = sign_in(tenant, ALEX, PASSWORD, client="Imap", ip="203.0.113.9")
    assert (inside.Result, inside.MfaSatisfiedBy) == ("Success", "TrustedIP")
    assert sign_in(tenant, ALEX, PASSWORD, client="Imap", ip="192.0.2.1").Result == "AppPasswordRequired"
    provisioning.create_app_password(tenant, ALEX, PASSWORD)
    # reference §4.3: no app password needed inside corpnet "unless the user already created one"
    assert sign_in(tenant, ALEX, PASSWORD, client="Imap", ip="203.0.113.9").Result == "AppPasswordRequired"


# -------------------------------------------------------------------- scenario 7
def test_scenario7_require_contact_methods_again(tenant: Tenant) -> None:
    assert sign_in(tenant, ALEX, PASSWORD).Result == "MfaRequired"
    results = mfa.manage_user_settings(tenant, ADMIN, [ALEX], require_contact_methods_again=True)
    assert results[0].MethodsCleared is True
    alex = tenant.get_user(ALEX)
    assert alex.methods == () and not alex.has_authenticator_secret and alex.mfa_state == MfaState.ENFORCED
    again = sign_in(tenant, ALEX, PASSWORD)
    assert again.Result == "MfaRegistrationRequired"
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "MfaRegistrationRequired"


def test_reset_strong_authentication_method_by_upn_also_asks_to_register(tenant: Tenant) -> None:
    mfa.reset_strong_authentication_methods(tenant, ADMIN, PATTI)
    patti = tenant.get_user(PATTI)
    assert patti.methods == () and patti.mfa_state == MfaState.ENABLED
    assert patti.user_details is not None and patti.user_details.phone_number is None
    assert sign_in(tenant, PATTI, PASSWORD).Result == "MfaRegistrationRequired"


def test_reregistration_with_a_phone_method(tenant: Tenant) -> None:
    mfa.require_reregistration(tenant, ADMIN, ALEX)
    sent = provisioning.register_phone_method(tenant, ALEX, "+1 2065550123", "TwoWayVoiceMobile")
    assert sent.Kind == "Call"
    call = tenant.phone_messages("+12065550123")[-1]
    assert call.Kind == "Call" and " ".join(call.Code) in call.Body
    provisioning.confirm_phone_method(tenant, ALEX, call.Code)
    assert sign_in(tenant, ALEX, PASSWORD).Result == "MfaRequired"
    code = tenant.phone_messages("+1 2065550123")[-1].Code
    assert sign_in(tenant, ALEX, PASSWORD, otp=code).Result == "Success"


# -------------------------------------------------------------------- scenario 8
@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_scenario8_disabled_user_password_works_everywhere(tenant: Tenant, client: str) -> None:
    result = sign_in(tenant, MEGAN, PASSWORD, client=client)
    assert (result.Result, result.MfaSatisfiedBy) == ("Success", "NotRequired")
    assert sign_in(tenant, MEGAN, "nope", client=client).Result == "InvalidCredentials"


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_scenario8_blocked_user_always_fails(tenant: Tenant, client: str) -> None:
    assert sign_in(tenant, ISAIAH, PASSWORD, client=client).Result == "Blocked"
    assert sign_in(tenant, ISAIAH, "wrong", client=client, ip="10.0.0.1").Result == "Blocked"


def test_blocking_an_enforced_user_wins_over_everything(tenant: Tenant) -> None:
    from o365shell.tenant.directory import set_block_credential

    set_block_credential(tenant, ADMIN, ALEX, True)
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "Blocked"


# -------------------------------------------------------------------- other rules
def test_unknown_user_and_wrong_password(tenant: Tenant) -> None:
    nobody = sign_in(tenant, "nobody@contoso.com", PASSWORD)
    assert nobody.Result == "InvalidCredentials" and "nobody@contoso.com" in nobody.Reason
    assert sign_in(tenant, ALEX, "Pass@word2").Result == "InvalidCredentials"


def test_client_names_are_validated_case_insensitively(tenant: Tenant) -> None:
    assert sign_in(tenant, MEGAN, PASSWORD, client="activesync").Client == "ActiveSync"
    with pytest.raises(ValidationError, match="Browser, Outlook2013"):
        sign_in(tenant, MEGAN, PASSWORD, client="Telnet")


def test_every_sign_in_is_logged(tenant: Tenant) -> None:
    sign_in(tenant, MEGAN, PASSWORD)
    sign_in(tenant, ALEX, PASSWORD, client="Imap", ip="192.0.2.4")
    sign_in(tenant, "ghost@contoso.com", "x")
    assert [r.Result for r in tenant.signins] == ["Success", "AppPasswordRequired", "InvalidCredentials"]
    assert [r.Client for r in tenant.signins.query(upn="alexw@CONTOSO.com")] == ["Imap"]
    assert len(tenant.signins.query(last=2)) == 2
    assert tenant.signins.query(last=1)[0].UserPrincipalName == "ghost@contoso.com"
    assert all(r.DateTime == tenant.now() for r in tenant.signins)


def test_admin_enforcing_a_user_without_methods_asks_registration(tenant: Tenant) -> None:
    mfa.set_mfa_state(tenant, ADMIN, MEGAN, "Enforced")
    assert sign_in(tenant, MEGAN, PASSWORD).Result == "MfaRegistrationRequired"
    assert sign_in(tenant, MEGAN, PASSWORD, client="Pop").Result == "AppPasswordRequired"


def test_disabling_keeps_methods_and_reenabling_requires_mfa_again(tenant: Tenant) -> None:
    mfa.set_mfa_state(tenant, ADMIN, ALEX, "Disabled")
    assert sign_in(tenant, ALEX, PASSWORD).MfaSatisfiedBy == "NotRequired"
    assert tenant.get_user(ALEX).method_types() == ("PhoneAppOTP",)
    mfa.set_mfa_state(tenant, ADMIN, ALEX, "Enabled")
    assert sign_in(tenant, ALEX, PASSWORD).Result == "MfaRequired"
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "Success"
    assert tenant.get_user(ALEX).mfa_state == MfaState.ENFORCED


def test_verification_options_limit_usable_methods(tenant: Tenant) -> None:
    mfa.set_mfa_service_settings(tenant, ADMIN, verification_options=["Call to phone", "MobileAppCode"])
    blocked_sms = sign_in(tenant, PATTI, PASSWORD)
    assert blocked_sms.Result == "MfaRegistrationRequired" and "verification options" in blocked_sms.Reason
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "Success"


def test_expired_phone_code_is_refused(tenant: Tenant) -> None:
    sign_in(tenant, PATTI, PASSWORD)
    code = tenant.phone_messages(PATTI_PHONE)[-1].Code
    tenant.clock.advance(timedelta(minutes=11))
    late = sign_in(tenant, PATTI, PASSWORD, otp=code)
    assert late.Result == "InvalidOtp" and "expired" in late.Reason
