"""The admin scripts of scripts/examples run unmodified and print what an admin expects."""
from __future__ import annotations

import csv
import os

import pytest

from tc_support import T

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "scripts", "examples")


def run_script(t: T, name: str, *args: str, cwd: str | None = None):
    if cwd:
        t.sh.session.location = cwd
    return t.sh.run_file(os.path.join(EXAMPLES, name), list(args))


def test_there_are_at_least_eight_examples():
    assert len([f for f in os.listdir(EXAMPLES) if f.endswith(".ps1")]) >= 8


def test_mfa_status_report_to_csv(tmp_path):
    t = T()
    r = run_script(t, "Get-MfaStatusReport.ps1", "-Path", str(tmp_path / "report.csv"))
    assert r.exit_code == 0 and r.stderr == ""
    assert f"MFA status of 9 users written to {tmp_path / 'report.csv'}" in r.stdout
    assert [ln.split() for ln in r.stdout.splitlines()[-5:-1]] == [["Disabled", "6"], ["Enabled", "2"],
                                                                   ["Enforced", "1"]][:4] or "Enforced" in r.stdout
    with open(tmp_path / "report.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    by_upn = {row["UserPrincipalName"]: row for row in rows}
    assert by_upn["AlexW@contoso.com"]["MFA Status"] == "Enforced"
    assert by_upn["AlexW@contoso.com"]["Default Method"] == "PhoneAppOTP"
    assert by_upn["PattiF@contoso.com"]["MFA Phone"] == "+1 4255550101"
    assert by_upn["MeganB@contoso.com"]["MFA Status"] == "Disabled"
    assert list(rows[0]) == ["DisplayName", "UserPrincipalName", "MFA Status", "MFA Methods", "Default Method",
                             "MFA Phone", "Licensed", "SignInBlocked"]


def test_enable_mfa_for_a_department():
    t = T()
    r = run_script(t, "Enable-MfaForDepartment.ps1", "-Department", "Marketing")
    assert r.stderr == ""
    assert r.stdout.splitlines() == ["AlexW@contoso.com: already Enforced", "MeganB@contoso.com: Enabled",
                                     "1 of 2 users in Marketing set to Enabled"]
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Enabled"
    r = run_script(t, "Enable-MfaForDepartment.ps1", "-Department", "Marketing", "-Enforce")
    assert "2 of 2 users in Marketing set to Enforced" in r.stdout or "1 of 2" in r.stdout
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Enforced"


def test_update_mfa_from_csv(tmp_path):
    good = tmp_path / "changes.csv"
    good.write_text("UserPrincipalName,State\nMeganB@contoso.com,Enabled\nJoniS@contoso.com,Enforced\n"
                    "AdeleV@contoso.com,Disabled\n")
    t = T()
    r = run_script(t, "Update-MfaFromCsv.ps1", "-Path", str(good))
    assert r.exit_code == 0 and r.stderr == ""
    assert "MeganB@contoso.com Enabled   Enabled" in r.stdout
    assert "AdeleV@contoso.com Disabled  Disabled" in r.stdout
    assert str(t.user("JoniS@contoso.com").mfa_state) == "Enforced"
    bad = tmp_path / "bad.csv"
    bad.write_text("UserPrincipalName,State\nMeganB@contoso.com,Sometimes\nghost@contoso.com,Enabled\n")
    t = T()
    r = run_script(t, "Update-MfaFromCsv.ps1", "-Path", str(bad))
    assert r.exit_code == 2
    assert "WARNING: MeganB@contoso.com: unknown state 'Sometimes'" in r.stderr
    assert "WARNING: ghost@contoso.com: user not found" in r.stderr
    assert "Nothing was changed" in r.stdout
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Disabled"


def test_users_without_methods():
    t = T()
    r = run_script(t, "Find-UsersWithoutMfaMethods.ps1")
    assert r.stderr == ""
    assert "Users required to register for MFA at their next sign-in: 1" in r.stdout
    assert "Adele Vance AdeleV@contoso.com Enabled" in " ".join(r.stdout.split())
    assert "MeganB" not in r.stdout


def test_per_user_mfa_with_graph():
    t = T()
    r = run_script(t, "Set-PerUserMfaWithGraph.ps1", "-UserPrincipalName", "PattiF@contoso.com", "-State", "disabled")
    assert r.stderr == ""
    assert "PattiF@contoso.com enabled disabled Password, Phone (+1 4255550101), Email" in " ".join(r.stdout.split())
    assert str(t.user("PattiF@contoso.com").mfa_state) == "Disabled"


def test_modern_authentication_check_and_fix():
    t = T()
    t.ok("Connect-ExchangeOnline -Credential (Get-LabCredential admin@contoso.onmicrosoft.com) -ShowBanner:$false; "
         "Set-OrganizationConfig -OAuth2ClientProfileEnabled $false; Disconnect-ExchangeOnline -Confirm:$false")
    r = run_script(t, "Test-ModernAuthentication.ps1")
    assert "Modern authentication is DISABLED for contoso.onmicrosoft.com." in r.stdout
    assert "Run again with -Fix to enable it." in r.stdout
    r = run_script(t, "Test-ModernAuthentication.ps1", "-Fix")
    assert "Modern authentication has been enabled." in r.stdout
    assert "contoso.onmicrosoft.com                       True" in r.stdout
    assert t.tenant.org_config.get("OAuth2ClientProfileEnabled") is True


def test_modern_authentication_check_includes_skype_on_request():
    t = T()
    r = run_script(t, "Test-ModernAuthentication.ps1", "-IncludeSkype")
    assert r.stderr == ""
    assert "Skype for Business Online modern authentication is NoOverride; run again with -Fix to allow it." in r.stdout
    r = run_script(t, "Test-ModernAuthentication.ps1", "-IncludeSkype", "-Fix")
    assert "changed from NoOverride to Allowed." in r.stdout
    r = run_script(t, "Test-ModernAuthentication.ps1", "-IncludeSkype")
    assert "Skype for Business Online allows modern authentication." in r.stdout


def test_admin_role_report(tmp_path):
    t = T()
    r = run_script(t, "Get-AdminRoleReport.ps1", "-Path", str(tmp_path / "roles.csv"))
    lines = [" ".join(ln.split()) for ln in r.stdout.splitlines()]
    assert "Company Administrator admin@contoso.onmicrosoft.com Disabled NO MFA" in lines
    assert "Exchange Service Administrator PattiF@contoso.com Enabled OneWaySMS" in lines
    assert r.stderr == "WARNING: 3 administrator role assignments have no per-user MFA.\n"
    assert (tmp_path / "roles.csv").read_text().startswith('"Role","Member"')


def test_unlicensed_users():
    t = T()
    r = run_script(t, "Get-UnlicensedUsers.ps1")
    assert r.stderr == ""
    assert "contoso:ENTERPRISEPACK 25 8 17" in " ".join(r.stdout.split())
    assert "Unlicensed users: 1" in r.stdout and "Joni Sherman" in r.stdout


def test_recent_mfa_changes_from_the_audit_log():
    t = T()
    if "convertfrom-json" not in t.sh.session.commands:
        pytest.skip("ConvertFrom-Json (Microsoft.PowerShell.Utility) is not in this build yet")
    run_script(t, "Enable-MfaForDepartment.ps1", "-Department", "Marketing")
    r = run_script(t, "Get-RecentMfaChanges.ps1")
    assert r.stderr == ""
    flat = " ".join(r.stdout.split())
    assert "admin@contoso.onmicrosoft.com Enable Strong Authentication. MeganB@contoso.com" in flat
