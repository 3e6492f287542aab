"""Role x cmdlet matrix: every cmdlet that changes the tenant, run by each seeded role (SPEC §5).

Global Administrator (admin@contoso.onmicrosoft.com), User Administrator (LeeG), Authentication
Administrator (DiegoS), Exchange Administrator (PattiF, Enabled for MFA: connects with a
credential), plain user (MeganB). A denied command shows the module's real access-denied
error (Exchange Online does not even load cmdlets the account's roles don't allow) and
changes nothing: no audit record is written for the attempt.
"""
from __future__ import annotations

import pytest
from tc_support import ACCESS_DENIED, ADMIN, GRAPH_DENIED, ROLES, T

GA, UA, AA, XA, U = "GlobalAdmin", "UserAdmin", "AuthAdmin", "ExchangeAdmin", "User"
NOT_LOADED = "is not recognized as a name of a cmdlet"
MOBILE = "3179e48a-750b-4051-897c-87b9720928f7"
ALEX_APP = "8c2f0a4e-6b1d-4f0b-9a51-0d6c1c2a7e01"
EMAIL = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f"
STATE = ("$st = New-Object Microsoft.Online.Administration.StrongAuthenticationRequirement; $st.RelyingParty = '*'; "
         "$st.State = 'Enabled'; ")

# (case id, family, setup run as the Global Administrator, command, roles allowed)
CASES = [
    ("Set-MsolUser property", "msol", "", "Set-MsolUser -UserPrincipalName MeganB@contoso.com -City Boston",
     {GA, UA}),
    ("Set-MsolUser -BlockCredential", "msol", "", "Set-MsolUser -UserPrincipalName JoniS@contoso.com "
     "-BlockCredential $true", {GA, UA}),
    ("Set-MsolUser -StrongAuthenticationRequirements", "msol", "", STATE + "Set-MsolUser -UserPrincipalName "
     "JoniS@contoso.com -StrongAuthenticationRequirements @($st)", {GA}),
    ("Set-MsolUser -StrongAuthenticationRequirements @()", "msol", "", "Set-MsolUser -UserPrincipalName "
     "AdeleV@contoso.com -StrongAuthenticationRequirements @()", {GA}),
    ("Set-MsolUser -StrongAuthenticationMethods @()", "msol", "", "Set-MsolUser -UserPrincipalName AlexW@contoso.com "
     "-StrongAuthenticationMethods @()", {GA, AA}),
    ("New-MsolUser", "msol", "", "New-MsolUser -UserPrincipalName new@contoso.com -DisplayName New | Out-Null",
     {GA, UA}),
    ("Remove-MsolUser", "msol", "", "Remove-MsolUser -UserPrincipalName JoniS@contoso.com -Force", {GA, UA}),
    ("Restore-MsolUser", "msol", "Remove-MsolUser -UserPrincipalName JoniS@contoso.com -Force",
     "Restore-MsolUser -UserPrincipalName JoniS@contoso.com", {GA, UA}),
    ("Set-MsolUserPassword", "msol", "", "Set-MsolUserPassword -UserPrincipalName JoniS@contoso.com "
     "-NewPassword 'Fresh#Pass42' | Out-Null", {GA, UA}),
    ("Set-MsolUserLicense", "msol", "", "Set-MsolUserLicense -UserPrincipalName MeganB@contoso.com "
     "-AddLicenses contoso:EMS", {GA, UA}),
    ("Reset-MsolStrongAuthenticationMethodByUpn", "msol", "", "Reset-MsolStrongAuthenticationMethodByUpn "
     "-UserPrincipalName AlexW@contoso.com", {GA, AA}),
    ("Add-MsolRoleMember", "msol", "", "Add-MsolRoleMember -RoleName 'Helpdesk Administrator' "
     "-RoleMemberEmailAddress JoniS@contoso.com", {GA}),
    ("Remove-MsolRoleMember", "msol", "Add-MsolRoleMember -RoleName 'Helpdesk Administrator' "
     "-RoleMemberEmailAddress JoniS@contoso.com", "Remove-MsolRoleMember -RoleName 'Helpdesk Administrator' "
     "-RoleMemberEmailAddress JoniS@contoso.com", {GA}),
    ("Enable-MfaUser", "msol", "", "Enable-MfaUser -UserPrincipalName JoniS@contoso.com", {GA}),
    ("Disable-MfaUser", "msol", "", "Disable-MfaUser -UserPrincipalName AdeleV@contoso.com", {GA}),
    ("Set-MfaUserSettings -RequireContactMethodsAgain", "msol", "", "Set-MfaUserSettings -UserPrincipalName "
     "AlexW@contoso.com -RequireContactMethodsAgain | Out-Null", {GA, AA}),
    ("Set-MfaUserSettings -RestoreRememberedDevices", "msol", "", "Set-MfaUserSettings -UserPrincipalName "
     "AlexW@contoso.com -RestoreRememberedDevices | Out-Null", {GA, AA}),
    ("Set-MfaUserSettings -DeleteAppPasswords", "msol", "", "Set-MfaUserSettings -UserPrincipalName "
     "AlexW@contoso.com -DeleteAppPasswords | Out-Null", {GA}),
    ("Set-MfaServiceSettings", "msol", "", "Set-MfaServiceSettings -AllowAppPasswords $true", {GA}),
    ("Invoke-MfaBulkUpdate", "msol", "", "Invoke-MfaBulkUpdate -Path '{csv}' | Out-Null", {GA}),
    ("Set-OrganizationConfig", "exo", "", "Set-OrganizationConfig -OAuth2ClientProfileEnabled $false", {GA, XA}),
    ("Set-CASMailbox", "exo", "", "Set-CASMailbox AlexW@contoso.com -PopEnabled $false", {GA, XA}),
    ("Set-AdminAuditLogConfig", "exo", "", "Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false",
     {GA, XA}),
    ("New-AuthenticationPolicy", "exo", "", "New-AuthenticationPolicy -Name P1 | Out-Null", {GA, XA}),
    ("Set-AuthenticationPolicy", "exo", "New-AuthenticationPolicy -Name P1 | Out-Null",
     "Set-AuthenticationPolicy -Identity P1 -AllowBasicAuthPop", {GA, XA}),
    ("Remove-AuthenticationPolicy", "exo", "New-AuthenticationPolicy -Name P1 | Out-Null",
     "Remove-AuthenticationPolicy -Identity P1 -Confirm:$false", {GA, XA}),
    ("Update-MgBetaUserAuthenticationRequirement", "mg", "", "Update-MgBetaUserAuthenticationRequirement "
     "-UserId JoniS@contoso.com -PerUserMfaState enabled", {GA}),
    ("New-MgUserAuthenticationPhoneMethod", "mg", "", "New-MgUserAuthenticationPhoneMethod -UserId JoniS@contoso.com "
     "-PhoneType mobile -PhoneNumber '+1 2065550123' | Out-Null", {GA, AA}),
    ("Update-MgUserAuthenticationPhoneMethod", "mg", "New-MgUserAuthenticationPhoneMethod -UserId JoniS@contoso.com "
     "-PhoneType mobile -PhoneNumber '+1 2065550123' | Out-Null", "Update-MgUserAuthenticationPhoneMethod "
     f"-UserId JoniS@contoso.com -PhoneAuthenticationMethodId {MOBILE} -PhoneNumber '+1 2065550124'", {GA, AA}),
    ("Remove-MgUserAuthenticationPhoneMethod", "mg", "New-MgUserAuthenticationPhoneMethod -UserId JoniS@contoso.com "
     "-PhoneType mobile -PhoneNumber '+1 2065550123' | Out-Null", "Remove-MgUserAuthenticationPhoneMethod "
     f"-UserId JoniS@contoso.com -PhoneAuthenticationMethodId {MOBILE}", {GA, AA}),
    ("Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod", "mg", "",
     "Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod -UserId AlexW@contoso.com "
     f"-MicrosoftAuthenticatorAuthenticationMethodId {ALEX_APP}", {GA, AA}),
    ("Remove-MgUserAuthenticationEmailMethod", "mg", "", "Remove-MgUserAuthenticationEmailMethod "
     f"-UserId AlexW@contoso.com -EmailAuthenticationMethodId {EMAIL}", {GA, AA}),
]

DENIED_TEXT = {"msol": ACCESS_DENIED, "exo": NOT_LOADED, "mg": GRAPH_DENIED}


def _connect(t: T, family: str, upn: str) -> None:
    if family == "msol":
        t.msol(upn)
    elif family == "exo":
        t.exo(upn)
    else:
        t.mg(upn)


@pytest.mark.parametrize("role", [GA, UA, AA, XA, U])
@pytest.mark.parametrize("case,family,setup,command,allowed", CASES, ids=[c[0] for c in CASES])
def test_role_matrix(tmp_path, role, case, family, setup, command, allowed):
    csv = tmp_path / "bulk.csv"
    csv.write_text("Username,MFA Status\nJoniS@contoso.com,Enabled\n")
    command = command.replace("{csv}", str(csv))
    t = T()
    if setup:
        _connect(t, family, ADMIN)
        t.ok(setup)
    actor = ROLES[role]
    _connect(t, family, actor)
    before = len(t.tenant.audit)
    r = t.run(command)
    if role in allowed:
        assert r.stderr == "", f"{role} should be allowed to run {case}:\n{r.stderr}"
        assert len(t.tenant.audit) > before, f"{case} by {role} wrote no audit record"
        assert t.audit_ops(actor), "the change is audited as the signed-in account"
    else:
        assert DENIED_TEXT[family] in r.stderr, f"{role} should be denied {case}; got:\n{r.stderr or r.stdout}"
        assert len(t.tenant.audit) == before, f"a denied {case} changed the tenant"
