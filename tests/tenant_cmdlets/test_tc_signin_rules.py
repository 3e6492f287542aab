"""Sign-in rules as an admin script and a user see them: restoring MFA on remembered devices at the
same lab-clock instant, and what a 21Vianet (AzureChinaCloud) legacy sign-in tells the user."""
from __future__ import annotations

from tc_support import T

ALEX = "AlexW@contoso.com"
SECRET = "JBSWY3DPEHPK3PXP"
CHINA_ADMIN = "admin@contoso.partner.onmschina.cn"


def signin(t: T, extra: str = "", client: str = "Browser") -> object:
    objs = t.objs(f"Invoke-LabSignIn -UserPrincipalName {ALEX} -Password (Get-LabCredential {ALEX}).Password "
                  f"-Client {client} {extra}")
    assert len(objs) == 1
    return objs[0]


def test_restore_remembered_devices_at_the_same_instant_revokes_the_device():
    t = T().msol()
    t.ok("Set-MfaServiceSettings -RememberMfaOnTrustedDevices $true")
    r = signin(t, f"-Otp (Get-LabTotpCode -Secret {SECRET}) -RememberDevice -DeviceId laptop1")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "Otp")
    assert signin(t, "-DeviceId laptop1").MfaSatisfiedBy == "RememberedDevice"
    # the lab clock has not moved: the restore happens at the instant the device was remembered
    assert t.ok("(Get-LabClock) -eq (Get-LabSignInLog -Last 1).DateTime") == "True\n"
    t.ok(f"Set-MfaUserSettings -UserPrincipalName {ALEX} -RestoreRememberedDevices | Out-Null")
    r = signin(t, "-DeviceId laptop1")
    assert (r.Result, r.MfaSatisfiedBy) == ("MfaRequired", None)


def test_a_21vianet_legacy_sign_in_does_not_send_the_user_for_an_app_password():
    t = T()
    t.ok("Reset-LabTenant -Cloud AzureChinaCloud")
    t.ok("$null = Set-LabClock -DateTime '2024-03-01 09:00:00'")
    r = signin(t, client="Outlook2013")
    assert r.Result == "AppPasswordRequired"      # the result name the 21Vianet lab checks
    assert "21Vianet" in r.Reason and "modern authentication" in r.Reason
    assert "needs an app password" not in r.Reason and "use an app password" not in r.Reason
    bad = t.objs(f"Invoke-LabSignIn -UserPrincipalName {ALEX} -Password 'Wrong#pass1' -Client Imap")[0]
    assert (bad.Result, bad.Reason) == ("InvalidCredentials", "The password is incorrect.")
    # inside a trusted range the password works, without talk of app passwords
    t.ok(f"Connect-MsolService -AzureEnvironment AzureChinaCloud -Credential (Get-LabCredential {CHINA_ADMIN})")
    t.ok("Set-MfaServiceSettings -TrustedIPs '203.0.113.0/24'")
    r = signin(t, "-IPAddress 203.0.113.7", client="Imap")
    assert (r.Result, r.MfaSatisfiedBy) == ("Success", "TrustedIP") and "app password" not in r.Reason


def test_the_global_cloud_still_points_to_app_passwords():
    t = T()
    r = signin(t, client="Outlook2013")
    assert r.Result == "AppPasswordRequired" and "needs an app password" in r.Reason
