"""TOTP tolerance, replay protection and the MFA lockout, driven by the lab clock."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tenant_testlib import (
    ADELE,
    ALEX,
    ALEX_SECRET,
    PASSWORD,
    PATTI,
    PATTI_PHONE,
    code_at,
    step,
)

from o365shell.tenant import (
    InvalidVerificationCode,
    MfaState,
    NoPendingRegistration,
    Tenant,
    ValidationError,
    provisioning,
    sign_in,
)
from o365shell.tenant.otp import LOCKOUT_DURATION, match_totp, time_step, totp_code


def test_totp_code_matches_the_rfc_reference_implementation(tenant: Tenant) -> None:
    import pyotp

    secret = pyotp.random_base32()
    assert totp_code(secret, tenant.now()) == pyotp.TOTP(secret).at(tenant.now())
    assert len(totp_code(secret, tenant.now())) == 6


def test_previous_and_next_step_codes_are_accepted(tenant: Tenant) -> None:
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET, -1)).Result == "Success"
    step(tenant, 90)
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET, +1)).Result == "Success"


def test_codes_two_steps_away_are_refused(tenant: Tenant) -> None:
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET, -2)).Result == "InvalidOtp"
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET, +2)).Result == "InvalidOtp"
    assert match_totp(ALEX_SECRET, code_at(tenant, ALEX_SECRET, -2), tenant.now()) is None
    assert match_totp(ALEX_SECRET, code_at(tenant, ALEX_SECRET, -1), tenant.now()) == time_step(tenant.now()) - 1


def test_a_used_step_and_older_steps_are_refused(tenant: Tenant) -> None:
    current = code_at(tenant, ALEX_SECRET)
    previous = code_at(tenant, ALEX_SECRET, -1)
    assert sign_in(tenant, ALEX, PASSWORD, otp=current).Result == "Success"
    replay = sign_in(tenant, ALEX, PASSWORD, otp=current)
    assert replay.Result == "InvalidOtp" and "already used" in replay.Reason
    assert sign_in(tenant, ALEX, PASSWORD, otp=previous).Result == "InvalidOtp"  # older than the accepted step
    step(tenant)
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "Success"


def test_replay_still_refused_ten_seconds_later_within_tolerance(tenant: Tenant) -> None:
    code = code_at(tenant, ALEX_SECRET)
    assert sign_in(tenant, ALEX, PASSWORD, otp=code).Result == "Success"
    step(tenant, 10)
    assert sign_in(tenant, ALEX, PASSWORD, otp=code).Result == "InvalidOtp"


def test_five_wrong_codes_lock_for_fifteen_minutes_of_lab_time(tenant: Tenant) -> None:
    for attempt in range(4):
        result = sign_in(tenant, ALEX, PASSWORD, otp="123456" if code_at(tenant, ALEX_SECRET) != "123456" else "654321")
        assert result.Result == "InvalidOtp" and "locked" not in result.Reason, attempt
    fifth = sign_in(tenant, ALEX, PASSWORD, otp="000001" if code_at(tenant, ALEX_SECRET) != "000001" else "000002")
    assert fifth.Result == "InvalidOtp" and "fifth wrong code" in fifth.Reason
    assert LOCKOUT_DURATION == timedelta(minutes=15)
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "LockedOut"
    assert sign_in(tenant, ALEX, PASSWORD).Result == "LockedOut"
    assert sign_in(tenant, ALEX, "bad password").Result == "InvalidCredentials"  # password is checked first
    tenant.clock.advance(timedelta(minutes=14, seconds=59))
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "LockedOut"
    tenant.clock.advance(timedelta(seconds=1))
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "Success"


def test_lockout_does_not_stop_the_password_only_path(tenant: Tenant) -> None:
    for _ in range(5):
        sign_in(tenant, ALEX, PASSWORD, otp="999999" if code_at(tenant, ALEX_SECRET) != "999999" else "999998")
    assert sign_in(tenant, ALEX, PASSWORD).Result == "LockedOut"
    assert sign_in(tenant, ALEX, PASSWORD, client="Imap").Result == "AppPasswordRequired"  # legacy: no MFA step


def test_a_right_code_resets_the_wrong_code_counter(tenant: Tenant) -> None:
    wrong = "111111" if code_at(tenant, ALEX_SECRET) != "111111" else "222222"
    for _ in range(4):
        assert sign_in(tenant, ALEX, PASSWORD, otp=wrong).Result == "InvalidOtp"
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "Success"
    step(tenant)
    wrong = "111111" if code_at(tenant, ALEX_SECRET) != "111111" else "222222"
    for _ in range(4):
        assert sign_in(tenant, ALEX, PASSWORD, otp=wrong).Result == "InvalidOtp"
    assert sign_in(tenant, ALEX, PASSWORD, otp=code_at(tenant, ALEX_SECRET)).Result == "Success"


def test_wrong_phone_codes_count_towards_the_lockout(tenant: Tenant) -> None:
    sign_in(tenant, PATTI, PASSWORD)
    good = tenant.phone_messages(PATTI_PHONE)[-1].Code
    bad = "000000" if good != "000000" else "000001"
    for _ in range(5):
        assert sign_in(tenant, PATTI, PASSWORD, otp=bad).Result == "InvalidOtp"
    assert sign_in(tenant, PATTI, PASSWORD, otp=good).Result == "LockedOut"


def test_non_numeric_or_short_codes_are_just_wrong(tenant: Tenant) -> None:
    assert sign_in(tenant, ALEX, PASSWORD, otp="abc").Result == "InvalidOtp"
    assert sign_in(tenant, ALEX, PASSWORD, otp="12345").Result == "InvalidOtp"


def test_registration_secret_is_random_base32_and_confirm_checks_the_code(tenant: Tenant) -> None:
    first = provisioning.register_authenticator_app(tenant, ADELE, PASSWORD)
    second = provisioning.register_authenticator_app(tenant, ADELE, PASSWORD)
    assert first.Secret != second.Secret and len(second.Secret) == 32
    assert set(second.Secret) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
    assert "issuer=Microsoft" in second.ProvisioningUri
    wrong = "000000" if code_at(tenant, second.Secret) != "000000" else "000001"
    with pytest.raises(InvalidVerificationCode):
        provisioning.confirm_authenticator_app(tenant, ADELE, wrong)
    assert tenant.get_user(ADELE).methods == () and tenant.get_user(ADELE).mfa_state == MfaState.ENABLED
    with pytest.raises(InvalidVerificationCode):  # the superseded secret no longer confirms
        provisioning.confirm_authenticator_app(tenant, ADELE, code_at(tenant, first.Secret))
    provisioning.confirm_authenticator_app(tenant, ADELE, code_at(tenant, second.Secret))
    # the confirmation code's step is used: it cannot be replayed at sign-in
    assert sign_in(tenant, ADELE, PASSWORD, otp=code_at(tenant, second.Secret)).Result == "InvalidOtp"


def test_confirm_without_registration_and_wrong_password(tenant: Tenant) -> None:
    from o365shell.tenant import AuthenticationFailed

    with pytest.raises(NoPendingRegistration):
        provisioning.confirm_authenticator_app(tenant, ADELE, "123456")
    with pytest.raises(AuthenticationFailed):
        provisioning.register_authenticator_app(tenant, ADELE, "wrong")
    with pytest.raises(NoPendingRegistration):
        provisioning.confirm_phone_method(tenant, ADELE, "123456")


def test_get_lab_totp_code_uses_the_lab_clock(tenant: Tenant) -> None:
    assert provisioning.lab_totp_code(tenant, ALEX_SECRET) == totp_code(ALEX_SECRET, tenant.now())
    later = tenant.now() + timedelta(minutes=5)
    assert provisioning.lab_totp_code(tenant, ALEX_SECRET, later) == totp_code(ALEX_SECRET, later)
    with pytest.raises(ValidationError):
        provisioning.lab_totp_code(tenant, "not base32!")


def test_phone_registration_flow_and_validation(tenant: Tenant) -> None:
    with pytest.raises(ValidationError):
        provisioning.register_phone_method(tenant, ADELE, "4255550100", "OneWaySMS")
    with pytest.raises(ValidationError):
        provisioning.register_phone_method(tenant, ADELE, "+1 4255550100", "PhoneAppOTP")
    sent = provisioning.register_phone_method(tenant, ADELE, "+1 4255550177", "OneWaySMS", password=PASSWORD)
    assert (sent.Kind, sent.MethodType) == ("Text", "OneWaySMS")
    inbox = provisioning.phone_messages(tenant, "+1 425-555-0177")
    assert len(inbox) == 1 and inbox[0].Kind == "Text"
    with pytest.raises(InvalidVerificationCode):
        provisioning.confirm_phone_method(tenant, ADELE, "000000" if inbox[0].Code != "000000" else "000001")
    result = provisioning.confirm_phone_method(tenant, ADELE, inbox[0].Code)
    assert (result.MfaState, result.IsDefault) == ("Enforced", True)
    adele = tenant.get_user(ADELE)
    assert adele.user_details is not None and adele.user_details.phone_number == "+1 4255550177"
    assert adele.proofup_time == int(tenant.now().timestamp())
