"""The admin center's MFA page cmdlets (Mfa*) and the lab tenant snapshots, through the shell."""
from __future__ import annotations

import json
import os

import pytest
from tc_support import ACCESS_DENIED, ADMIN, T, cred


def test_mfa_cmdlets_need_connect_msolservice():
    assert T().err("Get-MfaUser") == \
        "Get-MfaUser: You must call the Connect-MsolService cmdlet before calling any other cmdlets.\n"


def test_get_mfauser_list_and_views():
    t = T().msol()
    out = t.ok("Get-MfaUser")
    assert out.splitlines()[1].split() == ["DisplayName", "UserPrincipalName", "MultiFactorAuthStatus"]
    assert "Alex Wilber       AlexW@contoso.com             Enforced" in out
    assert t.ok("(Get-MfaUser -State Enabled).UserPrincipalName") == "AdeleV@contoso.com\nPattiF@contoso.com\n"
    assert t.ok("(Get-MfaUser -State Enforced).UserPrincipalName") == "AlexW@contoso.com\n"
    assert t.ok("(Get-MfaUser Disabled | Measure-Object).Count") == "6\n"
    assert t.ok("(Get-MfaUser -UserPrincipalName AlexW@contoso.com).MultiFactorAuthStatus") == "Enforced\n"
    assert "Cannot validate argument" in t.err("Get-MfaUser -State Sometimes")


def test_enable_and_disable_by_pipeline():
    t = T().msol()
    t.ok("Get-MsolUser -Department Marketing | Enable-MfaUser")
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Enabled"
    assert str(t.user("AlexW@contoso.com").mfa_state) == "Enforced"     # the Enable step keeps enforced users
    t.ok("Get-MfaUser -State Enabled | Disable-MfaUser")
    assert t.ok("(Get-MfaUser -State Enabled | Measure-Object).Count") == "0\n"
    assert "Disable Strong Authentication." in t.audit_ops(ADMIN)


def test_enable_refuses_unknown_users_and_checks_every_user_first():
    t = T().msol()
    err = t.err("Enable-MfaUser -UserPrincipalName MeganB@contoso.com,nobody@contoso.com")
    assert "User Not Found.  User: nobody@contoso.com." in err
    t = T().msol("LeeG@contoso.com")
    assert ACCESS_DENIED in t.err("Enable-MfaUser -UserPrincipalName MeganB@contoso.com,JoniS@contoso.com")
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Disabled"


def test_manage_user_settings():
    t = T().msol()
    t.ok("Set-MfaServiceSettings -AllowAppPasswords $true")
    t.ok(f"$null = New-LabAppPassword -UserPrincipalName AlexW@contoso.com -Password Pass@word1")
    out = t.ok("Set-MfaUserSettings -UserPrincipalName AlexW@contoso.com -RequireContactMethodsAgain "
               "-DeleteAppPasswords -RestoreRememberedDevices")
    assert out.split()[-4:] == ["AlexW@contoso.com", "True", "1", "True"] or "AlexW@contoso.com" in out
    u = t.user("AlexW@contoso.com")
    assert not u.methods and not u.app_passwords and u.remember_devices_not_issued_before is not None
    assert "Select at least one setting" in t.err("Set-MfaUserSettings -UserPrincipalName AlexW@contoso.com")
    t = T().msol("DiegoS@contoso.com")
    t.ok("Set-MfaUserSettings -UserPrincipalName AlexW@contoso.com -RequireContactMethodsAgain")
    assert ACCESS_DENIED in t.err("Set-MfaUserSettings -UserPrincipalName LeeG@contoso.com -RestoreRememberedDevices")
    assert ACCESS_DENIED in t.err("Set-MfaUserSettings -UserPrincipalName MeganB@contoso.com -DeleteAppPasswords")


def test_service_settings():
    t = T().msol()
    out = t.ok("Get-MfaServiceSettings")
    assert "AllowAppPasswords           : False" in out and "RememberMfaDays             : 90" in out
    assert "Call to phone, Text message to phone" in out
    t.ok("Set-MfaServiceSettings -AllowAppPasswords $true -TrustedIPs '203.0.113.7/24' -RememberMfaOnTrustedDevices "
         "$true -RememberMfaDays 30 -VerificationOptions 'Text message to phone','Notification through mobile app'")
    s = t.tenant.mfa_settings
    assert (s.allow_app_passwords, s.trusted_ips, s.remember_mfa_days) == (True, ("203.0.113.0/24",), 30)
    assert "from 1 to 365" in t.err("Set-MfaServiceSettings -RememberMfaDays 0")
    assert "IPv6" in t.err("Set-MfaServiceSettings -TrustedIPs '2001:db8::/32'")
    assert t.tenant.mfa_settings.remember_mfa_days == 30
    t = T().msol("PattiF@contoso.com")
    assert "AllowAppPasswords" in t.ok("Get-MfaServiceSettings")
    assert ACCESS_DENIED in t.err("Set-MfaServiceSettings -AllowAppPasswords $true")


@pytest.fixture
def csvdir(tmp_path):
    (tmp_path / "good.csv").write_text("Username,MFA Status\nAdeleV@contoso.com,Enforced\nMeganB@contoso.com,Enabled\n")
    (tmp_path / "bad.csv").write_text("Username,MFA Status\nAdeleV@contoso.com,Enforced\nnobody@contoso.com,Enabled\n"
                                      "MeganB@contoso.com,Sometimes\nAdeleV@contoso.com,Disabled\n")
    (tmp_path / "header.csv").write_text("User,State\nAdeleV@contoso.com,Enforced\n")
    return tmp_path


def test_bulk_update_verifies_the_whole_file_first(csvdir):
    t = T().msol()
    t.sh.session.location = str(csvdir)
    r = t.run("Invoke-MfaBulkUpdate -Path bad.csv")
    assert "Line 3: the user 'nobody@contoso.com' was not found." in r.stdout
    assert "Line 4: 'Sometimes' is not a valid MFA Status" in r.stdout
    assert "Line 5: the user 'AdeleV@contoso.com' already appears on line 2." in r.stdout
    assert r.stderr.startswith("Invoke-MfaBulkUpdate: The file has 3 lines that could not be verified; no user was "
                               "updated.")
    assert str(t.user("AdeleV@contoso.com").mfa_state) == "Enabled"
    assert "Line 1: the header must be 'Username,MFA Status'" in t.err("Invoke-MfaBulkUpdate -Path header.csv")
    assert "Cannot find path" in t.err("Invoke-MfaBulkUpdate -Path missing.csv")


def test_bulk_update_whatif_then_apply(csvdir):
    t = T().msol()
    t.sh.session.location = str(csvdir)
    out = t.ok("Invoke-MfaBulkUpdate -Path good.csv -WhatIf")
    assert out.startswith("What if: ") and "Verified" in out
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Disabled"
    rows = t.objs("Invoke-MfaBulkUpdate -Path good.csv")
    assert [(r.Line, r.Status, r.Message) for r in rows] == [(2, "Updated", "Line 2: Enabled -> Enforced."),
                                                            (3, "Updated", "Line 3: Disabled -> Enabled.")]
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Enabled"
    t2 = T().msol("LeeG@contoso.com")
    t2.sh.session.location = str(csvdir)
    assert ACCESS_DENIED in t2.err("Invoke-MfaBulkUpdate -Path good.csv")


def test_bulk_update_template(tmp_path):
    t = T().msol()
    assert t.ok("Get-MfaBulkUpdateTemplate").splitlines()[0] == "Username,MFA Status"
    t.ok(f"Get-MfaBulkUpdateTemplate -Path '{tmp_path / 'users.csv'}'")
    assert (tmp_path / "users.csv").read_text().startswith("Username,MFA Status\n")
    missing = tmp_path / "no" / "such" / "users.csv"
    assert t.err(f"Get-MfaBulkUpdateTemplate -Path '{missing}'") == \
        f"Get-MfaBulkUpdateTemplate: Could not find a part of the path '{missing}'.\n"


@pytest.mark.parametrize("name,page_step", [
    ("Get-MfaUser", "users tab"), ("Enable-MfaUser", "quick steps: Enable"), ("Disable-MfaUser", "Disable"),
    ("Set-MfaUserSettings", "Manage user settings"), ("Get-MfaServiceSettings", "service settings"),
    ("Set-MfaServiceSettings", "service settings"), ("Invoke-MfaBulkUpdate", "bulk update"),
    ("Get-MfaBulkUpdateTemplate", "sample file"),
])
def test_help_names_the_portal_page_and_step(name, page_step):
    out = T().ok(f"Get-Help {name} -Full")
    assert "Multi-factor authentication" in out and "multifactorverification.aspx" in out
    assert page_step in out


# ----------------------------------------------------------------------------- lab tenant snapshots

def test_save_restore_reset(tmp_path):
    t = T().msol()
    snap = tmp_path / "snap.json"
    t.ok("Enable-MfaUser -UserPrincipalName MeganB@contoso.com")
    t.ok(f"Save-LabTenant -Path '{snap}'")
    assert json.loads(snap.read_text())["format"] == "o365shell-tenant"
    assert "Pass@word1" not in snap.read_text()
    t.ok("Reset-LabTenant")
    assert "You must call the Connect-MsolService" in t.err("Get-MsolUser")      # connections were dropped
    t.msol()
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Disabled"
    t.ok(f"Restore-LabTenant -Path '{snap}'")
    t.msol()
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Enabled"


@pytest.mark.parametrize("content,problem", [
    ("{not json", "not valid JSON"),
    ('{"format": "something-else", "version": 1}', "o365shell"),
    ('{"format": "o365shell-tenant", "version": 99, "tenant": {}}', "99"),
])
def test_bad_snapshots_are_refused_and_leave_the_tenant(tmp_path, content, problem):
    t = T().msol()
    t.ok("Set-MsolUser -UserPrincipalName MeganB@contoso.com -City Boston")
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    err = t.err(f"Restore-LabTenant -Path '{bad}'")
    assert err.startswith(f"Restore-LabTenant: Cannot use tenant snapshot '{bad}'") and problem in err
    assert t.user("MeganB@contoso.com").city == "Boston"
    assert "Boston" in t.ok("(Get-MsolUser -UserPrincipalName MeganB@contoso.com).City")


def test_reset_size_and_cloud():
    t = T()
    t.ok("Reset-LabTenant -Size 25")
    assert len(t.tenant) == 34
    t.ok("Reset-LabTenant -Cloud AzureChinaCloud")
    assert str(t.tenant.cloud) == "AzureChinaCloud"
    assert "Reset-LabTenant" in t.ok("Reset-LabTenant -WhatIf")


def test_tenant_option_loads_a_snapshot(tmp_path):
    from o365shell.embed import Shell
    t = T().msol()
    t.ok("Set-MsolUser -UserPrincipalName MeganB@contoso.com -City Lisbon")
    snap = tmp_path / "t.json"
    t.ok(f"Save-LabTenant '{snap}'")
    sh = Shell(tenant_path=str(snap))
    r = sh.run(f"Connect-MsolService -Credential {cred(ADMIN)}; (Get-MsolUser -UserPrincipalName MeganB@contoso.com).City")
    assert r.stdout == "Lisbon\n" and r.stderr == ""
    assert os.path.exists(snap)
