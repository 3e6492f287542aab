"""The SPEC §6 rules as scenarios: each one through the shell, with the lab clock.

An admin step uses the admin cmdlet when the session has it, else the tenant model (see
lab_testlib.LabShell.admin); every user-visible step is PowerShell.
"""
from __future__ import annotations

import re

import pytest
from lab_testlib import ADMIN, LabShell, wrong_code

from o365shell.tenant import directory, exchange, mfa

ADELE = "AdeleV@contoso.com"
ALEX = "AlexW@contoso.com"
ALEX_SECRET = "JBSWY3DPEHPK3PXP"          # the seed's documented authenticator secret (SPEC §4)
MEGAN = "MeganB@contoso.com"
ISAIAH = "IsaiahL@contoso.com"
ALL_CLIENTS = ("Browser", "Outlook2013", "Outlook2013Adal", "Office2016", "ActiveSync", "Imap", "Pop", "Smtp")
LEGACY = ("Outlook2013", "ActiveSync", "Imap", "Pop", "Smtp")


def allow_app_passwords(lab: LabShell, allow: bool = True) -> None:
    flag = "$true" if allow else "$false"
    lab.admin(f"Set-MfaServiceSettings -AllowAppPasswords {flag}",
              lambda t, a: mfa.set_mfa_service_settings(t, a, allow_app_passwords=allow))


def set_oauth2(lab: LabShell, enabled: bool) -> None:
    flag = "$true" if enabled else "$false"
    lab.admin(f"Set-OrganizationConfig -OAuth2ClientProfileEnabled {flag}",
              lambda t, a: exchange.set_organization_config(t, a, {"OAuth2ClientProfileEnabled": enabled}))


def user_settings(lab: LabShell, upn: str, switch: str) -> None:
    key = {"-RequireContactMethodsAgain": "require_contact_methods_again", "-DeleteAppPasswords": "delete_app_passwords",
           "-RestoreRememberedDevices": "restore_remembered_devices"}[switch]
    lab.admin(f"Set-MfaUserSettings -UserPrincipalName {upn} {switch}",
              lambda t, a: mfa.manage_user_settings(t, a, [upn], **{key: True}))


def mfa_state(lab: LabShell, upn: str) -> str:
    """The user's per-user MFA state as an admin sees it (Get-MfaUser, else Get-MsolUser, when they exist)."""
    connect = f"Connect-MsolService -Credential (Get-LabCredential {ADMIN})\n"
    if lab.has("Get-MfaUser", "Connect-MsolService"):
        out = lab.objs(connect + f"Get-MfaUser | Where-Object UserPrincipalName -eq '{upn}' | "
                                 "ForEach-Object MultiFactorAuthStatus")
        assert len(out) == 1
        return str(out[0])
    if lab.has("Get-MsolUser", "Connect-MsolService"):
        out = lab.objs(connect + f"(Get-MsolUser -UserPrincipalName {upn}).StrongAuthenticationRequirements | "
                                 "ForEach-Object State")
        return str(out[0]) if out else "Disabled"
    return str(lab.tenant.get_user(upn).mfa_state)


# --------------------------------------------------------------------------- rule 1
def test_enabled_user_registers_the_app_then_needs_codes_with_replay_window_and_lockout():
    lab = LabShell()
    # Enabled, no methods: the browser asks for registration, a legacy client still takes the password.
    r = lab.signin(ADELE)
    assert (r.Result, r.MfaSatisfiedBy) == ("MfaRegistrationRequired", None)
    assert "register" in r.Reason
    r = lab.signin(ADELE, client="Imap")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "NotRequired")

    # Register the authenticator app and confirm a code: Enabled -> Enforced.
    lab.ok(f"$cred = Get-LabCredential {ADELE}; "
           f"$reg = Register-LabAuthenticatorApp -UserPrincipalName {ADELE} -Password $cred.Password")
    reg = lab.one("$reg")
    assert reg.ProvisioningUri.startswith("otpauth://totp/") and f"secret={reg.Secret}" in reg.ProvisioningUri
    code = lab.totp("$reg.Secret")
    done = lab.one(f"Confirm-LabAuthenticatorApp -UserPrincipalName {ADELE} -Otp '{code}'")
    assert (done.MethodType, done.PreviousMfaState, done.MfaState) == ("PhoneAppOTP", "Enabled", "Enforced")
    assert mfa_state(lab, ADELE) == "Enforced"

    # Now a browser sign-in needs a code.
    r = lab.signin(ADELE)
    assert (r.Result, r.MfaSatisfiedBy) == ("MfaRequired", None)
    # The confirmation code was used: it cannot be replayed.
    assert lab.signin(ADELE, otp=f"'{code}'").Result == "InvalidOtp"

    lab.ok("$null = Add-LabClockTime -Seconds 30")
    code = lab.totp("$reg.Secret")
    r = lab.signin(ADELE, otp=f"'{code}'")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "Otp")
    r = lab.signin(ADELE, otp=f"'{code}'")                 # the same code again: replay
    assert (r.Result, r.MfaSatisfiedBy) == ("InvalidOtp", None)
    assert "already used" in r.Reason

    # +-1 step of tolerance: two steps ago fails, one step ago succeeds.
    lab.ok("$null = Add-LabClockTime -Seconds 90")
    two_ago = lab.totp("$reg.Secret", "(Get-LabClock).AddSeconds(-60)")
    one_ago = lab.totp("$reg.Secret", "(Get-LabClock).AddSeconds(-30)")
    now, ahead = lab.totp("$reg.Secret"), lab.totp("$reg.Secret", "(Get-LabClock).AddSeconds(30)")
    assert two_ago not in (one_ago, now, ahead)
    assert lab.signin(ADELE, otp=f"'{two_ago}'").Result == "InvalidOtp"
    r = lab.signin(ADELE, otp=f"'{one_ago}'")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "Otp")

    # Five wrong codes in a row lock MFA for 15 minutes of lab time.
    bad = wrong_code(one_ago, now, ahead)
    for attempt in range(1, 5):
        r = lab.signin(ADELE, otp=f"'{bad}'")
        assert r.Result == "InvalidOtp" and "locked" not in r.Reason, attempt
    r = lab.signin(ADELE, otp=f"'{bad}'")
    assert r.Result == "InvalidOtp" and "locked for 15 minutes" in r.Reason
    assert lab.signin(ADELE, otp=f"'{now}'").Result == "LockedOut"       # even the right code
    lab.ok("$null = Add-LabClockTime -Minutes 14")
    assert lab.signin(ADELE, otp="'" + lab.totp("$reg.Secret") + "'").Result == "LockedOut"
    lab.ok("$null = Add-LabClockTime -Minutes 1")
    r = lab.signin(ADELE, otp="'" + lab.totp("$reg.Secret") + "'")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "Otp")

    results = [e.Result for e in lab.objs(f"Get-LabSignInLog -UserPrincipalName {ADELE}")]
    assert results[:3] == ["MfaRegistrationRequired", "Success", "MfaRequired"]
    assert results.count("LockedOut") == 2 and results[-1] == "Success"


# --------------------------------------------------------------------------- rule 2
def test_enforced_user_legacy_client_needs_an_app_password_until_they_are_deleted():
    lab = LabShell()
    r = lab.signin(ALEX, client="Outlook2013")
    assert (r.Result, r.MfaSatisfiedBy) == ("AppPasswordRequired", None)
    assert "app password" in r.Reason

    allow_app_passwords(lab)
    lab.ok(f"$cred = Get-LabCredential {ALEX}; "
           f"$ap = New-LabAppPassword -UserPrincipalName {ALEX} -Name 'Outlook 2013' -Password $cred.Password")
    ap = lab.one("$ap")
    assert re.fullmatch(r"[a-z]{16}", ap.Password) and ap.Name == "Outlook 2013"

    r = lab.signin(ALEX, client="Outlook2013", password="$ap.Password")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "AppPassword")
    # an app password is no good in the browser
    assert lab.signin(ALEX, password="$ap.Password").Result == "InvalidCredentials"
    assert [p.Name for p in lab.objs(f"Get-LabAppPassword {ALEX}")] == ["Outlook 2013"]

    user_settings(lab, ALEX, "-DeleteAppPasswords")
    assert lab.objs(f"Get-LabAppPassword {ALEX}") == []
    r = lab.signin(ALEX, client="Outlook2013", password="$ap.Password")
    assert (r.Result, r.MfaSatisfiedBy) == ("InvalidCredentials", None)
    assert lab.signin(ALEX, client="Outlook2013").Result == "AppPasswordRequired"


# --------------------------------------------------------------------------- rule 3
@pytest.mark.parametrize("client", ["Office2016", "Outlook2013Adal"])
def test_modern_capable_clients_follow_oauth2_client_profile_enabled(client):
    lab = LabShell()
    lab.ok(f"$alex = '{ALEX_SECRET}'")
    set_oauth2(lab, True)
    r = lab.signin(ALEX, client=client)
    assert r.Result == "MfaRequired"
    r = lab.signin(ALEX, client=client, otp="'" + lab.totp("$alex") + "'")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "Otp")
    assert lab.signin(ADELE, client=client).Result == "MfaRegistrationRequired"

    set_oauth2(lab, False)
    r = lab.signin(ALEX, client=client)
    assert r.Result == "AppPasswordRequired" and "OAuth2ClientProfileEnabled is False" in r.Reason
    allow_app_passwords(lab)
    lab.ok(f"$cred = Get-LabCredential {ALEX}; $ap = New-LabAppPassword -UserPrincipalName {ALEX} -Password $cred.Password")
    r = lab.signin(ALEX, client=client, password="$ap.Password")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "AppPassword")
    # an Enabled user is not asked to register by a legacy-mode client
    r = lab.signin(ADELE, client=client)
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "NotRequired")


# --------------------------------------------------------------------------- rule 4
def test_app_passwords_refused_while_not_allowed():
    lab = LabShell()
    err = lab.fails(f"$cred = Get-LabCredential {ALEX}; New-LabAppPassword -UserPrincipalName {ALEX} "
                    "-Password $cred.Password")
    assert "New-LabAppPassword:" in err and "App passwords are not allowed" in err
    assert lab.objs(f"Get-LabAppPassword {ALEX}") == []
    allow_app_passwords(lab)
    lab.ok(f"$cred = Get-LabCredential {ALEX}; $null = New-LabAppPassword {ALEX} -Password $cred.Password")
    # turning the setting off keeps existing app passwords working but refuses new ones
    allow_app_passwords(lab, False)
    assert len(lab.objs(f"Get-LabAppPassword {ALEX}")) == 1
    assert "not allowed" in lab.fails(f"$cred = Get-LabCredential {ALEX}; New-LabAppPassword {ALEX} "
                                      "-Password $cred.Password")


def test_app_passwords_refused_in_a_21vianet_tenant():
    lab = LabShell()
    if lab.has("Reset-LabTenant"):
        lab.ok("Reset-LabTenant -Cloud AzureChinaCloud")
    else:
        from o365shell.cmdlets.tenantsvc import set_tenant

        from o365shell.tenant.seed import build_tenant
        set_tenant(lab.session, build_tenant(cloud="AzureChinaCloud"))
    lab._connected.clear()
    lab.ok("$null = Set-LabClock -DateTime '2024-03-01 09:00'")
    # even with the service setting on (a 21Vianet admin connects with -AzureEnvironment AzureChinaCloud)
    china_admin = "admin@contoso.partner.onmschina.cn"
    lab.admin("Set-MfaServiceSettings -AllowAppPasswords $true",
              lambda t, a: mfa.set_mfa_service_settings(t, a, allow_app_passwords=True),
              connect=f"Connect-MsolService -AzureEnvironment AzureChinaCloud -Credential (Get-LabCredential {china_admin})")
    assert lab.tenant.mfa_settings.allow_app_passwords
    err = lab.fails(f"$cred = Get-LabCredential {ALEX}; New-LabAppPassword -UserPrincipalName {ALEX} "
                    "-Password $cred.Password")
    assert "21Vianet" in err
    assert lab.signin(ALEX, client="Outlook2013").Result == "AppPasswordRequired"


# --------------------------------------------------------------------------- rule 5
def test_remembered_device_skips_mfa_for_remember_mfa_days_until_restored():
    lab = LabShell()
    lab.ok(f"$alex = '{ALEX_SECRET}'")
    # off by default: the tick box does nothing
    r = lab.signin(ALEX, otp="'" + lab.totp("$alex") + "'", device="laptop1", remember=True)
    assert r.Result == "Success" and "not remembered" in r.Reason
    assert lab.signin(ALEX, device="laptop1").Result == "MfaRequired"

    lab.admin("Set-MfaServiceSettings -RememberMfaOnTrustedDevices $true -RememberMfaDays 14",
              lambda t, a: mfa.set_mfa_service_settings(t, a, remember_mfa_on_trusted_devices=True,
                                                        remember_mfa_days=14))
    lab.ok("$null = Add-LabClockTime -Seconds 30")
    r = lab.signin(ALEX, otp="'" + lab.totp("$alex") + "'", device="laptop1", remember=True)
    assert (r.Result, r.MfaSatisfiedBy, r.DeviceId) == ("Success", "Otp", "laptop1")
    r = lab.signin(ALEX, device="laptop1")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "RememberedDevice")
    assert lab.signin(ALEX, device="tablet2").Result == "MfaRequired"
    assert lab.signin(ALEX).Result == "MfaRequired"

    lab.ok("$null = Add-LabClockTime -Days 13 -Hours 23")
    assert lab.signin(ALEX, device="laptop1").MfaSatisfiedBy == "RememberedDevice"
    lab.ok("$null = Add-LabClockTime -Hours 1")                  # 14 days have passed
    assert lab.signin(ALEX, device="laptop1").Result == "MfaRequired"

    # remembered again (a generated device id), then the admin restores MFA on remembered devices
    r = lab.signin(ALEX, otp="'" + lab.totp("$alex") + "'", remember=True)
    assert r.Result == "Success" and r.DeviceId
    device = r.DeviceId
    assert lab.signin(ALEX, device=device).MfaSatisfiedBy == "RememberedDevice"
    lab.ok("$null = Add-LabClockTime -Hours 1")
    user_settings(lab, ALEX, "-RestoreRememberedDevices")
    r = lab.signin(ALEX, device=device)
    assert (r.Result, r.MfaSatisfiedBy) == ("MfaRequired", None)


# --------------------------------------------------------------------------- rule 6
def test_trusted_ip_range_skips_mfa_and_other_addresses_do_not():
    lab = LabShell()
    lab.admin("Set-MfaServiceSettings -TrustedIPs '203.0.113.0/24'",
              lambda t, a: mfa.set_mfa_service_settings(t, a, trusted_ips=["203.0.113.0/24"]))
    r = lab.signin(ALEX, ip="203.0.113.25")
    assert (r.Result, r.MfaSatisfiedBy, r.IPAddress) == ("Success", "TrustedIP", "203.0.113.25")
    assert lab.signin(ALEX, ip="198.51.100.25").Result == "MfaRequired"
    assert lab.signin(ALEX).Result == "MfaRequired"
    # inside the range a legacy client may use the password while the user has no app password
    r = lab.signin(ALEX, client="Imap", ip="203.0.113.25")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "TrustedIP")
    assert lab.signin(ALEX, client="Imap", ip="198.51.100.25").Result == "AppPasswordRequired"
    err = lab.fails(f"$cred = Get-LabCredential {ALEX}; Invoke-LabSignIn -UserPrincipalName {ALEX} "
                    "-IPAddress 'not-an-ip' -Password $cred.Password")
    assert "not a valid IP address" in err


# --------------------------------------------------------------------------- rule 7
@pytest.mark.parametrize("how", ["RequireContactMethodsAgain", "Reset-MsolStrongAuthenticationMethodByUpn"])
def test_require_contact_methods_again_means_registering_again(how):
    lab = LabShell()
    assert lab.signin(ALEX).Result == "MfaRequired"
    if how == "RequireContactMethodsAgain":
        user_settings(lab, ALEX, "-RequireContactMethodsAgain")
    else:
        lab.admin(f"Reset-MsolStrongAuthenticationMethodByUpn -UserPrincipalName {ALEX}",
                  lambda t, a: mfa.reset_strong_authentication_methods(t, a, ALEX))
    r = lab.signin(ALEX, otp="'" + lab.totp(f"'{ALEX_SECRET}'") + "'")
    assert (r.Result, r.MfaSatisfiedBy) == ("MfaRegistrationRequired", None)
    assert mfa_state(lab, ALEX) == "Enforced"          # the state is untouched, only the methods are gone

    lab.ok(f"$cred = Get-LabCredential {ALEX}; $reg = Register-LabAuthenticatorApp {ALEX} -Password $cred.Password")
    lab.ok(f"$code = Get-LabTotpCode -Secret $reg.Secret; $null = Confirm-LabAuthenticatorApp {ALEX} -Otp $code")
    lab.ok("$null = Add-LabClockTime -Seconds 30")
    assert lab.signin(ALEX, otp="'" + lab.totp("$reg.Secret") + "'").Result == "Success"


# --------------------------------------------------------------------------- rule 8
@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_disabled_user_signs_in_with_the_password_everywhere(client):
    lab = LabShell()
    r = lab.signin(MEGAN, client=client)
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "NotRequired")
    assert lab.signin(MEGAN, client=client, password="'wrong password'").Result == "InvalidCredentials"


@pytest.mark.parametrize("client", ALL_CLIENTS)
def test_blocked_user_always_fails(client):
    lab = LabShell()
    r = lab.signin(ISAIAH, client=client)
    assert (r.Result, r.MfaSatisfiedBy) == ("Blocked", None)
    assert "blocked" in r.Reason.lower()


def test_blocking_an_enforced_user_beats_every_second_factor():
    lab = LabShell()
    lab.admin(f"Set-MsolUser -UserPrincipalName {ALEX} -BlockCredential $true",
              lambda t, a: directory.set_block_credential(t, a, ALEX, True))
    lab.admin("Set-MfaServiceSettings -TrustedIPs '203.0.113.0/24'",
              lambda t, a: mfa.set_mfa_service_settings(t, a, trusted_ips=["203.0.113.0/24"]))
    assert lab.signin(ALEX, otp="'" + lab.totp(f"'{ALEX_SECRET}'") + "'").Result == "Blocked"
    assert lab.signin(ALEX, ip="203.0.113.9").Result == "Blocked"
    assert lab.signin(ALEX, client="Imap").Result == "Blocked"


@pytest.mark.parametrize("client", LEGACY)
def test_enabled_user_keeps_legacy_clients_with_the_password(client):
    lab = LabShell()
    r = lab.signin(ADELE, client=client)
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "NotRequired")
    assert "Enabled but not yet Enforced" in r.Reason


def test_admin_enabling_a_user_makes_the_next_browser_sign_in_ask_for_registration():
    lab = LabShell()
    assert lab.signin(MEGAN).Result == "Success"
    how = lab.admin(f"Enable-MfaUser -UserPrincipalName {MEGAN}",
                    lambda t, a: mfa.set_mfa_state(t, a, MEGAN, "Enabled"))
    assert how in ("cmdlet", "model")
    assert lab.signin(MEGAN).Result == "MfaRegistrationRequired"
    assert lab.signin(MEGAN, client="Pop").Result == "Success"
