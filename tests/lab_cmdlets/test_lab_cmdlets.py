"""Each Lab cmdlet on its own: parameters, output objects, default display, errors, help."""
from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from lab_testlib import LabShell

from o365shell.engine.cmdlet import REGISTRY
from o365shell.engine.netlib.datetime import DateTime
from o365shell.engine.valuetypes import PSCredential, SecureString
from o365shell.tenant import mfa
from o365shell.tenant.otp import totp_code

ADELE = "AdeleV@contoso.com"
ALEX = "AlexW@contoso.com"
ALEX_SECRET = "JBSWY3DPEHPK3PXP"
MEGAN = "MeganB@contoso.com"
PATTI = "PattiF@contoso.com"
PATTI_PHONE = "+1 4255550101"

LAB_CMDLETS = ("Get-LabClock", "Set-LabClock", "Add-LabClockTime", "Get-LabTotpCode", "Get-LabCredential",
               "Register-LabAuthenticatorApp", "Confirm-LabAuthenticatorApp", "Register-LabPhoneMethod",
               "Confirm-LabPhoneMethod", "Get-LabPhoneMessage", "New-LabAppPassword", "Get-LabAppPassword",
               "Invoke-LabSignIn", "Get-LabSignInLog")


# --------------------------------------------------------------------------- the clock
def test_set_get_and_add_lab_clock():
    lab = LabShell(clock=None)
    t = lab.one("Set-LabClock -DateTime '2024-03-01 09:00:00'")
    assert isinstance(t, DateTime) and (t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second) == (2024, 3, 1, 9, 0, 0)
    assert lab.one("Get-LabClock") == t
    assert lab.ok("Get-LabClock") == "\nFriday, March 1, 2024 9:00:00 AM\n\n"  # framed, like Get-Date
    t2 = lab.one("Add-LabClockTime -Days 1 -Hours 2 -Minutes 3 -Seconds 4")
    assert (t2.Day, t2.Hour, t2.Minute, t2.Second) == (2, 11, 3, 4)
    assert lab.one("Get-LabClock") == t2          # frozen: time stands still until moved
    t3 = lab.one("Add-LabClockTime -Minutes -3.5")
    assert (t3.Hour, t3.Minute, t3.Second) == (10, 59, 34)
    assert lab.one("(Get-LabClock).AddSeconds(26).Minute") == 0
    assert lab.tenant.clock.is_frozen


def test_add_lab_clock_time_needs_an_amount():
    lab = LabShell()
    assert "Specify the time to add with -Days, -Hours, -Minutes or -Seconds." in lab.fails("Add-LabClockTime")


def test_set_lab_clock_real_time_unfreezes():
    lab = LabShell()
    assert lab.tenant.clock.is_frozen
    lab.ok("$null = Set-LabClock -RealTime")
    assert not lab.tenant.clock.is_frozen


def test_lab_clock_utc_and_zone_suffix():
    lab = LabShell(clock=None)
    lab.ok("$null = Set-LabClock -DateTime '2024-06-30T23:59:30Z'")
    assert lab.tenant.clock.now() == datetime(2024, 6, 30, 23, 59, 30, tzinfo=UTC)
    utc = lab.one("Get-LabClock -AsUTC")
    assert (utc.Hour, utc.Minute, utc.Second, utc.Kind.name) == (23, 59, 30, "Utc")


def test_get_date_follows_the_lab_clock():
    lab = LabShell(clock=None)
    lab.ok("$null = Set-LabClock -DateTime '2030-05-17 08:15:00'")
    if lab.has("Get-Date"):
        assert lab.one("(Get-Date).Year") == 2030
        assert lab.one("(Get-Date).Minute") == 15
    # the static members read the same clock
    from o365shell.engine.netlib.datetime import DateTime as D
    assert (D.UtcNow.Year, D.UtcNow.Month, D.UtcNow.Day) == (2030, 5, 17)


# --------------------------------------------------------------------------- TOTP
def test_get_lab_totp_code_at_the_lab_clock_and_at_a_given_time():
    lab = LabShell(clock=None)
    lab.ok("$null = Set-LabClock -DateTime '2024-03-01T09:00:10Z'")
    at = datetime(2024, 3, 1, 9, 0, 10, tzinfo=UTC)
    code = lab.one(f"Get-LabTotpCode -Secret {ALEX_SECRET}")
    assert isinstance(code, str) and code == totp_code(ALEX_SECRET, at)
    assert lab.one(f"Get-LabTotpCode {ALEX_SECRET}") == code                 # positional
    later = lab.one(f"Get-LabTotpCode -DateTime '2024-03-01T09:00:40Z' -Secret {ALEX_SECRET}")
    assert later == totp_code(ALEX_SECRET, at + timedelta(seconds=30)) and later != code
    lab.ok("$null = Add-LabClockTime -Seconds 30")
    assert lab.one(f"Get-LabTotpCode -Secret {ALEX_SECRET}") == later


def test_get_lab_totp_code_refuses_a_bad_secret_without_echoing_it():
    lab = LabShell()
    err = lab.fails("Get-LabTotpCode -Secret 'NOT*BASE32!'")
    assert "not a valid base32 TOTP secret" in err and "NOT*BASE32!" not in err


def test_an_unquoted_code_with_a_leading_zero_still_works():
    lab = LabShell(clock=None)
    t = datetime(2024, 3, 1, 9, 0, 0, tzinfo=UTC)
    while not totp_code(ALEX_SECRET, t).startswith("0"):
        t += timedelta(seconds=30)
    lab.ok(f"$null = Set-LabClock -DateTime '{t:%Y-%m-%dT%H:%M:%SZ}'")
    code = lab.totp(f"'{ALEX_SECRET}'")
    assert code.startswith("0")
    r = lab.signin(ALEX, otp=code)                  # -Otp 0nnnnn, as typed
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "Otp")


# --------------------------------------------------------------------------- credentials and passwords
def test_get_lab_credential_returns_a_pscredential_that_hides_the_password():
    lab = LabShell()
    cred = lab.one(f"Get-LabCredential {ADELE}")
    assert isinstance(cred, PSCredential) and cred.UserName == ADELE
    assert isinstance(cred.Password, SecureString)
    out = lab.ok(f"Get-LabCredential -UserPrincipalName {ADELE.lower()}")
    assert "AdeleV@contoso.com" in out and "System.Security.SecureString" in out and "Pass@word1" not in out
    assert "User Not Found.  User: nobody@contoso.com." in lab.fails("Get-LabCredential nobody@contoso.com")


@pytest.mark.parametrize("password", ["'Pass@word1'", '"Pass@word1"', "$cred.Password",
                                      "$cred.GetNetworkCredential().Password"])
def test_password_accepts_a_string_or_a_securestring(password):
    lab = LabShell()
    r = lab.signin(MEGAN, password=password)
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "NotRequired")


def test_password_from_convertto_securestring():
    lab = LabShell()
    if not lab.has("ConvertTo-SecureString"):
        pytest.skip("ConvertTo-SecureString is not in the session yet")
    lab.ok("$pw = ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force")
    assert lab.signin(MEGAN, password="$pw").Result == "Success"


def test_sign_in_with_a_credential():
    lab = LabShell()
    r = lab.one(f"Invoke-LabSignIn -Client Imap -Credential (Get-LabCredential {MEGAN})")
    assert (r.UserPrincipalName, r.Client, r.Result) == (MEGAN, "Imap", "Success")


def test_wrong_password_and_unknown_account():
    lab = LabShell()
    r = lab.signin(ALEX, password="'nope'")
    assert (r.Result, r.MfaSatisfiedBy) == ("InvalidCredentials", None)
    r = lab.signin(ALEX, password="'nope'", client="Smtp")
    assert r.Result == "InvalidCredentials"
    r = lab.one("Invoke-LabSignIn -UserPrincipalName ghost@contoso.com -Password 'x'")
    assert r.Result == "InvalidCredentials" and "no account" in r.Reason
    err = lab.fails(f"$cred = Get-LabCredential {ADELE}; Register-LabAuthenticatorApp {ADELE} -Password 'nope'")
    assert "Register-LabAuthenticatorApp: Your account or password is incorrect." in err


def test_client_is_validated_and_case_insensitive():
    lab = LabShell()
    err = lab.fails(f"Invoke-LabSignIn -UserPrincipalName {MEGAN} -Client Thunderbird -Password 'Pass@word1'")
    assert "Cannot validate argument on parameter 'Client'" in err and "Thunderbird" in err
    r = lab.signin(MEGAN, client="outlook2013")
    assert r.Client == "Outlook2013" and r.Result == "Success"


# --------------------------------------------------------------------------- authenticator app
def test_register_shows_a_qr_code_only_on_a_terminal():
    lab = LabShell()
    out = lab.ok(f"$cred = Get-LabCredential {ADELE}; Register-LabAuthenticatorApp {ADELE} -Password $cred.Password")
    assert "█" not in out and "otpauth://totp/Microsoft:AdeleV%40contoso.com?secret=" in out
    assert re.search(r"Secret\s+: [A-Z2-7]{32}\n", out)
    lab.sh.host.is_terminal = True
    out = lab.ok(f"$cred = Get-LabCredential {ADELE}; $reg = Register-LabAuthenticatorApp {ADELE} "
                 "-Password $cred.Password")
    assert "Scan this QR code" in out and "█" in out and "Confirm-LabAuthenticatorApp" in out
    assert out.count("\n") > 15


def test_confirm_authenticator_app_errors():
    lab = LabShell()
    err = lab.fails(f"Confirm-LabAuthenticatorApp -UserPrincipalName {ADELE} -Otp 123456")
    assert "No authenticator app registration is in progress for AdeleV@contoso.com" in err
    lab.ok(f"$cred = Get-LabCredential {ADELE}; $reg = Register-LabAuthenticatorApp {ADELE} -Password $cred.Password")
    now = lab.totp("$reg.Secret")
    bad = "000000" if now != "000000" else "111111"
    err = lab.fails(f"Confirm-LabAuthenticatorApp -UserPrincipalName {ADELE} -Otp {bad}")
    assert "The verification code is not valid for AdeleV@contoso.com" in err
    # a later, right code still completes it
    done = lab.one(f"Confirm-LabAuthenticatorApp -UserPrincipalName {ADELE} -Otp {now}")
    assert done.MfaState == "Enforced"
    # nothing pending any more
    assert "No authenticator app registration is in progress" in lab.fails(
        f"Confirm-LabAuthenticatorApp {ADELE} -Otp {now}")


def test_confirm_output_is_a_table():
    lab = LabShell()
    lab.ok(f"$cred = Get-LabCredential {ADELE}; $reg = Register-LabAuthenticatorApp {ADELE} -Password $cred.Password")
    out = lab.ok(f"$code = Get-LabTotpCode $reg.Secret; Confirm-LabAuthenticatorApp {ADELE} -Otp $code")
    lines = out.strip("\n").split("\n")
    assert lines[0].split() == ["UserPrincipalName", "MethodType", "IsDefault", "PreviousMfaState", "MfaState"]
    assert lines[2].split() == [ADELE, "PhoneAppOTP", "True", "Enabled", "Enforced"]


# --------------------------------------------------------------------------- phone methods
def test_register_and_confirm_a_text_message_method_then_sign_in_with_a_texted_code():
    lab = LabShell()
    phone = "+1 9185550199"
    v = lab.one(f"Register-LabPhoneMethod -UserPrincipalName {ADELE} -PhoneNumber '{phone}' -MethodType OneWaySMS")
    assert (v.PhoneNumber, v.MethodType, v.Kind) == (phone, "OneWaySMS", "Text")
    msgs = lab.objs(f"Get-LabPhoneMessage -PhoneNumber '{phone}'")
    assert len(msgs) == 1 and msgs[0].Kind == "Text" and re.fullmatch(r"\d{6}", msgs[0].Code)
    assert msgs[0].Code in msgs[0].Body
    out = lab.ok(f"Get-LabPhoneMessage '{phone}'")
    assert out.split("\n")[1].split() == ["DateTime", "Kind", "Code", "Body"]
    done = lab.one(f"$c = (Get-LabPhoneMessage '{phone}' -Last 1).Code; Confirm-LabPhoneMethod {ADELE} -Otp $c")
    assert (done.MethodType, done.PreviousMfaState, done.MfaState) == ("OneWaySMS", "Enabled", "Enforced")

    r = lab.signin(ADELE)
    assert r.Result == "MfaRequired" and "texted" in r.Reason and phone in r.Reason
    msgs = lab.objs(f"Get-LabPhoneMessage '{phone}'")
    assert len(msgs) == 2 and "sign-in" not in msgs[0].Body.lower()
    code = lab.one(f"(Get-LabPhoneMessage '{phone}' -Last 1).Code")
    r = lab.signin(ADELE, otp=f"'{code}'")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "Otp")
    assert lab.signin(ADELE, otp=f"'{code}'").Result == "InvalidOtp"       # used once


def test_voice_call_method_and_expired_code():
    lab = LabShell()
    phone = "+1 9185550198"
    v = lab.one(f"Register-LabPhoneMethod {ADELE} '{phone}' -MethodType TwoWayVoiceMobile")
    assert v.Kind == "Call"
    lab.ok("$null = Add-LabClockTime -Minutes 11")
    err = lab.fails(f"$c = (Get-LabPhoneMessage '{phone}' -Last 1).Code; Confirm-LabPhoneMethod {ADELE} -Otp $c")
    assert "expired" in err
    err = lab.fails(f"Register-LabPhoneMethod {ADELE} -PhoneNumber 'call me' -MethodType OneWaySMS")
    assert "is not a valid phone number" in err


def test_enabled_user_with_a_seeded_text_method_is_enforced_after_the_first_mfa_sign_in():
    lab = LabShell()
    r = lab.signin(PATTI)
    assert r.Result == "MfaRequired"
    code = lab.one(f"(Get-LabPhoneMessage '{PATTI_PHONE}' -Last 1).Code")
    r = lab.signin(PATTI, otp=f"'{code}'")
    assert r.Result == "Success" and "moved from Enabled to Enforced" in r.Reason
    assert lab.signin(PATTI, client="Imap").Result == "AppPasswordRequired"


# --------------------------------------------------------------------------- app passwords
def test_app_password_display_and_metadata_only_listing():
    lab = LabShell()
    lab.admin("Set-MfaServiceSettings -AllowAppPasswords $true",
              lambda t, a: mfa.set_mfa_service_settings(t, a, allow_app_passwords=True))
    out = lab.ok(f"$cred = Get-LabCredential {ALEX}; New-LabAppPassword {ALEX} -Name Laptop -Password $cred.Password")
    lines = out.strip("\n").split("\n")
    assert lines[0].split() == ["UserPrincipalName", "Name", "Password", "CreatedDateTime"]
    password = lines[2].split()[2]
    assert re.fullmatch(r"[a-z]{16}", password)
    lab.ok(f"$cred = Get-LabCredential {ALEX}; $null = New-LabAppPassword {ALEX} -Password $cred.Password")
    items = lab.objs(f"Get-LabAppPassword -UserPrincipalName {ALEX}")
    assert [i.Name for i in items] == ["Laptop", "App password 2"]
    assert all(not hasattr(i, "Password") for i in items)
    listing = lab.ok(f"Get-LabAppPassword {ALEX} | Format-List *")
    assert password not in listing and "Laptop" in listing and "Password" not in listing.replace("AppPassword", "")
    assert "User Not Found" in lab.fails("Get-LabAppPassword nobody@contoso.com")


def test_app_passwords_need_per_user_mfa():
    lab = LabShell()
    lab.admin("Set-MfaServiceSettings -AllowAppPasswords $true",
              lambda t, a: mfa.set_mfa_service_settings(t, a, allow_app_passwords=True))
    err = lab.fails(f"$cred = Get-LabCredential {MEGAN}; New-LabAppPassword {MEGAN} -Password $cred.Password")
    assert "only available to users whose per-user multi-factor authentication is Enabled or Enforced" in err


# --------------------------------------------------------------------------- sign-in display and log
def test_sign_in_result_default_display_is_a_list_with_the_reason():
    lab = LabShell()
    out = lab.ok(f"$cred = Get-LabCredential {ADELE}; Invoke-LabSignIn {ADELE} -Password $cred.Password")
    assert re.search(r"^Result\s+: MfaRegistrationRequired$", out, re.MULTILINE)
    assert re.search(r"^Reason\s+: Per-user MFA is Enabled", out, re.MULTILINE)
    assert re.search(r"^UserPrincipalName : AdeleV@contoso.com$", out, re.MULTILINE)
    assert re.search(r"^MfaSatisfiedBy\s+:\s*$", out, re.MULTILINE)
    assert re.search(r"^DateTime\s+: 3/1/2024 9:00:00 AM$", out, re.MULTILINE)


def test_remember_device_without_an_id_generates_one():
    lab = LabShell()
    lab.admin("Set-MfaServiceSettings -RememberMfaOnTrustedDevices $true",
              lambda t, a: mfa.set_mfa_service_settings(t, a, remember_mfa_on_trusted_devices=True))
    r = lab.signin(ALEX, otp="'" + lab.totp(f"'{ALEX_SECRET}'") + "'", remember=True)
    assert r.Result == "Success" and re.fullmatch(r"[0-9a-f-]{36}", r.DeviceId)
    assert "remembered on this device for 90 days" in r.Reason


def test_sign_in_log_filters_and_table():
    lab = LabShell()
    lab.signin(MEGAN)
    lab.signin(ALEX, client="Imap")
    lab.signin(ALEX)
    log = lab.objs("Get-LabSignInLog")
    assert [(e.UserPrincipalName, e.Client, e.Result) for e in log] == [
        (MEGAN, "Browser", "Success"), (ALEX, "Imap", "AppPasswordRequired"), (ALEX, "Browser", "MfaRequired")]
    assert [e.Result for e in lab.objs("Get-LabSignInLog -UserPrincipalName alexw@contoso.com")] == [
        "AppPasswordRequired", "MfaRequired"]
    assert [e.Result for e in lab.objs("Get-LabSignInLog -Last 1")] == ["MfaRequired"]
    assert lab.objs(f"Get-LabSignInLog {ADELE}") == []
    out = lab.ok("Get-LabSignInLog")
    lines = out.strip("\n").split("\n")
    assert lines[0].split() == ["DateTime", "UserPrincipalName", "Client", "Result", "MfaSatisfiedBy"]
    assert lines[2].split() == ["3/1/2024", "9:00:00", "AM", MEGAN, "Browser", "Success", "NotRequired"]
    reasons = lab.objs("Get-LabSignInLog | ForEach-Object Reason")
    assert len(reasons) == 3 and all(isinstance(x, str) and x for x in reasons)
    full = lab.ok("Get-LabSignInLog -Last 1 | Format-List")
    assert re.search(r"^Reason\s+: Per-user MFA is Enforced", full, re.MULTILINE)


# --------------------------------------------------------------------------- declarations and help
@pytest.mark.parametrize("name", LAB_CMDLETS)
def test_every_lab_cmdlet_is_documented(name):
    import o365shell.cmdlets.lab
    import o365shell.cmdlets.lab_methods  # noqa: F401
    cls = REGISTRY[name.lower()]
    doc = (cls.__doc__ or "").strip()
    synopsis, _, description = doc.partition("\n")
    assert synopsis.endswith(".") and len(description.strip()) > 80
    assert cls.examples and all(code.strip() and remark.strip() for code, remark in cls.examples)
    for p in cls.metadata.own:
        assert p.help, f"{name} -{p.name} has no help"


def test_sign_in_help_explains_the_rules():
    lab = LabShell()
    doc = REGISTRY["invoke-labsignin"].__doc__
    for phrase in ("OAuth2ClientProfileEnabled", "trusted IP", "RememberMfaDays", "app password", "15 minutes",
                   "Enabled user to Enforced", "BlockCredential"):
        assert phrase.lower() in doc.lower(), phrase
    if lab.has("Get-Help"):
        out = lab.ok("Get-Help Invoke-LabSignIn -Full")
        assert "OAuth2ClientProfileEnabled" in out and "-RememberDevice" in out


# --------------------------------------------------------------------------- out-of-range times
def test_moving_the_clock_out_of_range_is_refused_and_leaves_it_unchanged():
    lab = LabShell()
    err = lab.fails("Add-LabClockTime -Days 1e10")
    assert "The lab clock cannot be moved that far" in err and "Traceback" not in err
    lab.ok("$null = Set-LabClock -DateTime '9999-12-30'")
    assert "cannot be moved that far" in lab.fails("Add-LabClockTime -Days 2")
    assert lab.one("(Get-LabClock).Year") == 9999
    lab.ok("$null = Set-LabClock -RealTime")
    assert "cannot be moved that far" in lab.fails("Add-LabClockTime -Days 3000000")
    assert lab.one("(Get-LabClock).Year") < 9999


def test_totp_code_before_1970_is_refused():
    lab = LabShell()
    err = lab.fails(f"Get-LabTotpCode -Secret {ALEX_SECRET} -DateTime '1960-01-01'")
    assert "30-second steps from 1 January 1970" in err and ALEX_SECRET not in err


def test_arguments_in_any_order():
    """Variables, member accesses and parenthesized arguments anywhere on the command line."""
    lab = LabShell()
    lab.ok(f"$cred = Get-LabCredential {ADELE}; $reg = Register-LabAuthenticatorApp {ADELE} $cred.Password")
    earlier = lab.one("Get-LabTotpCode -Secret $reg.Secret -DateTime (Get-LabClock).AddSeconds(-30)")
    assert earlier == lab.totp("$reg.Secret", "(Get-LabClock).AddSeconds(-30)")
    done = lab.one(f"Confirm-LabAuthenticatorApp -Otp (Get-LabTotpCode $reg.Secret) -UserPrincipalName {ADELE}")
    assert done.MfaState == "Enforced"
    lab.ok("$null = Add-LabClockTime -Seconds 30; $code = Get-LabTotpCode $reg.Secret")
    r = lab.one("Invoke-LabSignIn -Credential $cred -Otp $code -Client Browser")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "Otp")
    r = lab.one(f"Invoke-LabSignIn {ADELE} $cred.Password -Client Imap")
    assert r.Result == "AppPasswordRequired"
