"""MSOnline cmdlets through the shell: connection, users, MFA objects, roles, directory data."""
from __future__ import annotations

import pytest
from tc_support import ACCESS_DENIED, ADMIN, PromptHost, T, cred

NOT_CONNECTED = "You must call the Connect-MsolService cmdlet before calling any other cmdlets."


# ----------------------------------------------------------------------------- connection

def test_msol_cmdlets_need_a_connection():
    t = T()
    assert t.err("Get-MsolUser") == f"Get-MsolUser: {NOT_CONNECTED}\n"
    assert NOT_CONNECTED in t.err("Set-MsolUser -UserPrincipalName MeganB@contoso.com -City X")


def test_connect_with_credential_prints_nothing_and_connects():
    t = T()
    assert t.ok(f"Connect-MsolService -Credential {cred(ADMIN)}") == ""
    assert "Alex Wilber" in t.ok("Get-MsolUser -UserPrincipalName AlexW@contoso.com")


@pytest.mark.parametrize("upn,password,message", [
    (ADMIN, "Wrong@pass1", "Authentication Error: Bad username or password."),
    ("nobody@contoso.com", "Pass@word1", "Authentication Error: Bad username or password."),
    ("IsaiahL@contoso.com", "Pass@word1", "AADSTS50057: The user account is disabled."),
    ("AlexW@contoso.com", "Pass@word1", "AADSTS50076: Due to a configuration change made by your administrator"),
])
def test_connect_refusals(upn, password, message):
    t = T()
    err = t.err(f"Connect-MsolService -Credential {cred(upn, password)}")
    assert err.startswith("Connect-MsolService: ") and message in err
    assert NOT_CONNECTED in t.err("Get-MsolUser")


def test_enabled_accounts_connect_with_a_credential():
    t = T()
    t.ok(f"Connect-MsolService -Credential {cred('PattiF@contoso.com')}")   # Enabled with a phone method
    t.ok(f"Connect-MsolService -Credential {cred('AdeleV@contoso.com')}")   # Enabled without methods
    assert t.ok("(Get-MsolUser -UserPrincipalName AdeleV@contoso.com).DisplayName") == "Adele Vance\n"


def test_connect_prompts_without_a_credential():
    host = PromptHost(credentials=[(ADMIN, "Pass@word1")])
    t = T(host=host)
    t.ok("Connect-MsolService")
    assert host.prompts and host.prompts[0][0] == "Sign in to your account"
    assert "MOD Administrator" in t.ok("Get-MsolUser -UserPrincipalName admin@contoso.onmicrosoft.com")


def test_connect_prompt_in_noninteractive_host_fails_like_pwsh():
    t = T()
    assert t.err("Connect-MsolService") == ("Connect-MsolService: PowerShell is in NonInteractive mode. Read and "
                                             "Prompt functionality is not available.\n")


def test_interactive_sign_in_of_enforced_user_asks_for_the_code():
    from o365shell.tenant.seed import ALEX_TOTP_SECRET
    t = T()
    code = t.ok(f"Get-LabTotpCode -Secret {ALEX_TOTP_SECRET}").strip()
    host = PromptHost(credentials=[("AlexW@contoso.com", "Pass@word1")], lines=[code])
    t.sh.host = t.sh.session.host = host
    t.ok("Connect-MsolService")
    assert "authenticator" in host.stdout.getvalue()


def test_interactive_sign_in_with_a_wrong_code_is_refused():
    t = T()
    host = PromptHost(credentials=[("AlexW@contoso.com", "Pass@word1")], lines=["000000"])
    t.sh.host = t.sh.session.host = host
    assert "AADSTS50074" in t.err("Connect-MsolService")


def test_china_tenant_needs_the_china_environment():
    t = T()
    t.ok("Reset-LabTenant -Cloud AzureChinaCloud")
    china = "admin@contoso.partner.onmschina.cn"
    assert "Bad username or password" in t.err(f"Connect-MsolService -Credential {cred(china)}")
    t.ok(f"Connect-MsolService -Credential {cred(china)} -AzureEnvironment AzureChinaCloud")
    assert t.ok("(Get-MsolCompanyInformation).InitialDomain") == "contoso.partner.onmschina.cn\n"


# ----------------------------------------------------------------------------- Get-MsolUser

def test_get_msoluser_default_table():
    out = T().msol().ok("Get-MsolUser")
    lines = out.strip("\n").splitlines()
    assert lines[0].split() == ["UserPrincipalName", "DisplayName", "isLicensed"]
    assert lines[2].split() == ["admin@contoso.onmicrosoft.com", "MOD", "Administrator", "True"]
    assert lines[-1].split() == ["JoniS@contoso.com", "Joni", "Sherman", "False"]


def test_format_list_star_shows_the_61_properties_in_order():
    from o365shell.cmdlets.msoltypes import USER_PROPERTIES
    t = T().msol()
    out = t.ok("Get-MsolUser -UserPrincipalName AlexW@contoso.com | Format-List *")
    names = [line.split(":")[0].strip() for line in out.splitlines() if " : " in line or line.endswith(" :")]
    assert names == list(USER_PROPERTIES) and len(names) == 61
    assert "StrongAuthenticationRequirements       : {Microsoft.Online.Administration.StrongAuthenticationRequirement}" \
        in out
    assert "Licenses                               : {contoso:ENTERPRISEPACK}" in out


def test_user_not_found_message_has_two_spaces():
    t = T().msol()
    assert t.err("Get-MsolUser -UserPrincipalName nobody@contoso.com") == \
        "Get-MsolUser: User Not Found.  User: nobody@contoso.com.\n"


def test_filters():
    t = T().msol()
    assert t.ok("(Get-MsolUser -SearchString 'Al').UserPrincipalName") == "AlexW@contoso.com\n"
    assert t.ok("(Get-MsolUser -EnabledFilter DisabledOnly).UserPrincipalName") == "IsaiahL@contoso.com\n"
    assert t.ok("(Get-MsolUser -UnlicensedUsersOnly).UserPrincipalName") == "JoniS@contoso.com\n"
    assert t.ok("(Get-MsolUser -Department IT | Measure-Object).Count") == "4\n"
    assert t.ok("(Get-MsolUser -City Tulsa -Title 'Retail Manager').DisplayName") == "Adele Vance\n"
    assert t.ok("(Get-MsolUser -DomainName contoso.onmicrosoft.com).UserPrincipalName") == \
        "admin@contoso.onmicrosoft.com\n"
    assert t.ok("(Get-MsolUser -Synchronized | Measure-Object).Count") == "0\n"
    oid = t.ok('"$((Get-MsolUser -UserPrincipalName LeeG@contoso.com).ObjectId)"').strip()
    assert t.ok(f"(Get-MsolUser -ObjectId {oid}).DisplayName") == "Lee Gu\n"


def test_max_results_warning_and_all():
    t = T(size=600).msol()
    r = t.run("(Get-MsolUser | Measure-Object).Count")
    assert r.stdout == "500\n"
    assert r.stderr == ("WARNING: More results are available. Please specify one of the All or MaxResults "
                        "parameters.\n")
    r = t.run("(Get-MsolUser -MaxResults 10 | Measure-Object).Count")
    assert r.stdout == "10\n" and "More results are available" in r.stderr
    r = t.run("(Get-MsolUser -All | Measure-Object).Count")
    assert r.stdout == "609\n" and r.stderr == ""


def test_all_and_maxresults_are_exclusive():
    err = T().msol().err("Get-MsolUser -All -MaxResults 3")
    assert err.startswith("Get-MsolUser: Parameter set cannot be resolved using the specified named parameters.")


def test_strong_authentication_properties_read_like_the_real_module():
    t = T().msol()
    assert t.ok("(Get-MsolUser -UserPrincipalName AlexW@contoso.com).StrongAuthenticationRequirements.State") == \
        "Enforced\n"
    assert t.ok("(Get-MsolUser -UserPrincipalName PattiF@contoso.com).StrongAuthenticationMethods | "
                "Where-Object IsDefault -eq $true | ForEach-Object MethodType") == "OneWaySMS\n"
    assert t.ok("(Get-MsolUser -UserPrincipalName PattiF@contoso.com).StrongAuthenticationUserDetails.PhoneNumber") == \
        "+1 4255550101\n"
    assert t.ok("(Get-MsolUser -UserPrincipalName MeganB@contoso.com).StrongAuthenticationRequirements.Count") == "0\n"
    assert t.ok("$u = Get-MsolUser -UserPrincipalName MeganB@contoso.com; "
                "if ($u.StrongAuthenticationMethods -ne $null) { 'has' } else { 'none' }") == "none\n"
    assert t.ok("(Get-MsolUser -UserPrincipalName AlexW@contoso.com).StrongAuthenticationMethods.GetType().Name") \
        .startswith("List")


# ----------------------------------------------------------------------------- Set-MsolUser and MFA

ENABLE = ("$st = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement\n"
          "$st.RelyingParty = '*'\n$st.State = '{state}'\n$sta = @($st)\n"
          "Set-MsolUser -UserPrincipalName {upn} -StrongAuthenticationRequirements $sta")


def test_enable_enforce_disable_per_user_mfa_with_the_object_pattern():
    t = T().msol()
    t.ok(ENABLE.format(state="Enabled", upn="MeganB@contoso.com"))
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Enabled"
    t.ok(ENABLE.format(state="Enforced", upn="MeganB@contoso.com"))
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Enforced"
    t.ok("Set-MsolUser -UserPrincipalName MeganB@contoso.com -StrongAuthenticationRequirements @()")
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Disabled"
    assert t.audit_ops(ADMIN)[-3:] == ["Enable Strong Authentication.", "Enable Strong Authentication.",
                                       "Disable Strong Authentication."]


def test_requirement_type_can_be_created_with_new():
    t = T()
    out = t.ok("$r = [Microsoft.Online.Administration.StrongAuthenticationRequirement]::new(); $r.State = 'Enabled'; "
               "$r | Format-List")
    assert "RelyingParty                   :" in out and "State                          : Enabled" in out
    assert out.strip().splitlines()[0].startswith("ExtensionData")


def test_disabling_keeps_methods_and_empty_methods_clears_them():
    t = T().msol()
    t.ok("Set-MsolUser -UserPrincipalName PattiF@contoso.com -StrongAuthenticationRequirements @()")
    assert t.user("PattiF@contoso.com").methods
    t.ok("Set-MsolUser -UserPrincipalName PattiF@contoso.com -StrongAuthenticationMethods @()")
    assert not t.user("PattiF@contoso.com").methods


def test_remember_devices_not_issued_before_is_stored():
    t = T().msol()
    t.ok("$st = New-Object Microsoft.Online.Administration.StrongAuthenticationRequirement; $st.RelyingParty = '*'; "
         "$st.State = 'Enforced'; $st.RememberDevicesNotIssuedBefore = (Get-Date); "
         "Set-MsolUser -UserPrincipalName AlexW@contoso.com -StrongAuthenticationRequirements @($st)")
    assert t.user("AlexW@contoso.com").remember_devices_not_issued_before is not None


def test_set_msoluser_properties_and_block_credential():
    t = T().msol()
    t.ok("Set-MsolUser -UserPrincipalName MeganB@contoso.com -Department Finance -Title Manager -UsageLocation CA")
    u = t.user("MeganB@contoso.com")
    assert (u.department, u.title, u.usage_location) == ("Finance", "Manager", "CA")
    t.ok("Set-MsolUser -UserPrincipalName MeganB@contoso.com -BlockCredential $true")
    assert t.ok("(Get-MsolUser -UserPrincipalName MeganB@contoso.com).BlockCredential") == "True\n"
    assert "Missing an argument for parameter 'BlockCredential'" in \
        t.err("Set-MsolUser -UserPrincipalName MeganB@contoso.com -BlockCredential")


def test_set_msoluser_validation_errors_change_nothing():
    t = T().msol()
    err = t.err("Set-MsolUser -UserPrincipalName MeganB@contoso.com -Department Sales -UsageLocation USA")
    assert "is not a valid UsageLocation" in err
    assert t.user("MeganB@contoso.com").department == "Marketing"


def test_pipeline_into_set_msoluser_changes_only_what_is_asked():
    t = T().msol(USER_ADMIN := "LeeG@contoso.com")
    t.ok("Get-MsolUser -UserPrincipalName MeganB@contoso.com | Set-MsolUser -City Boston")
    assert t.user("MeganB@contoso.com").city == "Boston"
    assert t.audit_ops(USER_ADMIN) == ["Update user."]


def test_whatif_changes_nothing():
    t = T().msol()
    out = t.ok("Set-MsolUser -UserPrincipalName MeganB@contoso.com -City Paris -WhatIf")
    assert out == 'What if: Performing the operation "Set-MsolUser" on target "MeganB@contoso.com".\n'
    assert t.user("MeganB@contoso.com").city == "Pittsburgh" and t.audit_ops() == []


def test_unknown_user_for_set():
    assert T().msol().err("Set-MsolUser -UserPrincipalName x@contoso.com -City A") == \
        "Set-MsolUser: User Not Found.  User: x@contoso.com.\n"


# ----------------------------------------------------------------------------- lifecycle

def test_new_remove_restore_user():
    t = T().msol()
    out = t.ok("New-MsolUser -UserPrincipalName davidchew@contoso.com -DisplayName 'David Chew' -FirstName David "
               "-LastName Chew -Password 'Secret#2024'")
    assert "davidchew@contoso.com" in out and "David Chew" in out
    assert t.ok("(Get-MsolUser -UserPrincipalName davidchew@contoso.com).FirstName") == "David\n"
    assert "A conflicting object" in t.err("New-MsolUser -UserPrincipalName davidchew@contoso.com -DisplayName D")
    t.ok("Remove-MsolUser -UserPrincipalName davidchew@contoso.com -Force")
    assert "User Not Found" in t.err("Get-MsolUser -UserPrincipalName davidchew@contoso.com")
    assert "davidchew@contoso.com" in t.ok("Get-MsolUser -ReturnDeletedUsers")
    t.ok("Restore-MsolUser -UserPrincipalName davidchew@contoso.com -NewUserPrincipalName davidchew02@contoso.com")
    assert t.ok("(Get-MsolUser -UserPrincipalName davidchew02@contoso.com).DisplayName") == "David Chew\n"
    t.ok("Remove-MsolUser -UserPrincipalName davidchew02@contoso.com -Force")
    t.ok("Remove-MsolUser -UserPrincipalName davidchew02@contoso.com -RemoveFromRecycleBin -Force")
    assert t.ok("(Get-MsolUser -ReturnDeletedUsers | Measure-Object).Count") == "0\n"
    assert t.audit_ops(ADMIN) == ["Add user.", "Delete user.", "Restore user.", "Delete user.", "Hard Delete user."]


def test_new_user_generates_a_password_and_checks_the_domain():
    t = T().msol()
    pw = t.ok("(New-MsolUser -UserPrincipalName new1@contoso.com -DisplayName 'New One').Password").strip()
    assert len(pw) >= 8
    assert "verified domain" in t.err("New-MsolUser -UserPrincipalName x@fabrikam.com -DisplayName X")
    assert "Unable to assign this license because it is invalid" in \
        t.err("New-MsolUser -UserPrincipalName y@contoso.com -DisplayName Y -UsageLocation US "
              "-LicenseAssignment contoso:BPOS_Standard")
    assert t.tenant.find_user("y@contoso.com") is None


def test_remove_msoluser_without_force_asks():
    t = T().msol()
    assert "NonInteractive" in t.err("Remove-MsolUser -UserPrincipalName JoniS@contoso.com")
    host = PromptHost(confirms=["n", "y"])
    t.sh.host = t.sh.session.host = host
    t.ok("Remove-MsolUser -UserPrincipalName JoniS@contoso.com")
    assert t.tenant.find_user("JoniS@contoso.com") is not None
    t.ok("Remove-MsolUser -UserPrincipalName JoniS@contoso.com")
    assert t.tenant.find_user("JoniS@contoso.com") is None
    assert host.prompts[0][1] == "Continue with this operation?"


def test_set_password_and_license():
    t = T().msol()
    pw = t.ok("Set-MsolUserPassword -UserPrincipalName MeganB@contoso.com -ForceChangePassword $true").strip()
    assert t.run(f"Connect-MsolService -Credential {cred('MeganB@contoso.com', pw)}").stderr == ""
    t.msol()
    assert "complexity requirements" in \
        t.err("Set-MsolUserPassword -UserPrincipalName MeganB@contoso.com -NewPassword 'short'")
    assert "UsageLocation is not set" in \
        t.err("Set-MsolUser -UserPrincipalName JoniS@contoso.com -UsageLocation $null; "
              "Set-MsolUserLicense -UserPrincipalName JoniS@contoso.com -AddLicenses contoso:ENTERPRISEPACK")
    t.ok("Set-MsolUser -UserPrincipalName JoniS@contoso.com -UsageLocation US; "
         "Set-MsolUserLicense -UserPrincipalName JoniS@contoso.com -AddLicenses contoso:ENTERPRISEPACK")
    assert t.ok("(Get-MsolUser -UserPrincipalName JoniS@contoso.com).isLicensed") == "True\n"


def test_reset_strong_authentication_method():
    t = T().msol()
    t.ok("Reset-MsolStrongAuthenticationMethodByUpn -UserPrincipalName AlexW@contoso.com")
    u = t.user("AlexW@contoso.com")
    assert not u.methods and str(u.mfa_state) == "Enforced"
    assert t.audit_ops()[-1] == "Admin deleted security info."


# ----------------------------------------------------------------------------- roles and directory

def test_roles():
    t = T().msol()
    out = t.ok("Get-MsolRole -RoleName 'Company Administrator'")
    assert "62e90394-69f5-4237-9190-012177145e10 Company Administrator" in out
    assert "admin@contoso.onmicrosoft.com" in t.ok(
        "Get-MsolRoleMember -RoleObjectId (Get-MsolRole -RoleName 'Company Administrator').ObjectId")
    t.ok("Add-MsolRoleMember -RoleName 'User Account Administrator' -RoleMemberEmailAddress MeganB@contoso.com")
    assert "User Account Administrator" in t.ok("Get-MsolUserRole -UserPrincipalName MeganB@contoso.com")
    assert "already a member" in t.err(
        "Add-MsolRoleMember -RoleName 'User Account Administrator' -RoleMemberEmailAddress MeganB@contoso.com")
    t.ok("Remove-MsolRoleMember -RoleName 'User Account Administrator' -RoleMemberType User "
         "-RoleMemberEmailAddress MeganB@contoso.com")
    assert t.ok("Get-MsolUserRole -UserPrincipalName MeganB@contoso.com") == ""
    assert "last Global Administrator" in t.err(
        "Remove-MsolRoleMember -RoleName 'Company Administrator' -RoleMemberEmailAddress admin@contoso.onmicrosoft.com")
    assert "Role not found" in t.err("Get-MsolRole -RoleName 'No Such Role'")


def test_directory_information():
    t = T().msol()
    assert t.ok("Get-MsolDomain").splitlines()[1].split() == ["Name", "Status", "Authentication"]
    assert t.ok("(Get-MsolDomain -DomainName contoso.com).IsDefault") == "True\n"
    assert t.ok("(Get-MsolDomain -Status Verified | Measure-Object).Count") == "2\n"
    sku = t.ok("Get-MsolAccountSku")
    assert sku.splitlines()[1].split() == ["AccountSkuId", "ActiveUnits", "WarningUnits", "ConsumedUnits"]
    assert "contoso:ENTERPRISEPACK" in sku
    assert "EXCHANGE_S_ENTERPRISE" in t.ok("Get-MsolAccountSku | Select-Object -ExpandProperty ServiceStatus")
    info = t.ok("Get-MsolCompanyInformation")
    assert "InitialDomain" in info and "contoso.onmicrosoft.com" in info


def test_user_by_strong_authentication():
    t = T().msol()
    out = t.ok("$r = New-Object Microsoft.Online.Administration.StrongAuthenticationRequirement; "
               "$r.State = 'Enforced'; (Get-MsolUserByStrongAuthentication -Requirements $r).UserPrincipalName")
    assert out == "AlexW@contoso.com\n"
    assert "MeganB@contoso.com" in t.ok("(Get-MsolUserByStrongAuthentication -RequirementUnsetOnly)."
                                        "UserPrincipalName")


def test_access_denied_is_the_real_text():
    t = T().msol("MeganB@contoso.com")
    assert t.err("Set-MsolUser -UserPrincipalName AdeleV@contoso.com -City X") == f"Set-MsolUser: {ACCESS_DENIED}\n"


def test_foreign_tenant_id_is_refused():
    t = T().msol()
    err = t.err("Get-MsolUser -TenantId 11111111-2222-3333-4444-555555555555")
    assert ACCESS_DENIED in err


def test_a_null_user_name_is_a_binding_error_not_a_lookup():
    t = T().msol(ADMIN)
    assert t.err("Get-MsolUser -UserPrincipalName $null") == \
        "Get-MsolUser: Cannot bind argument to parameter 'UserPrincipalName' because it is null.\n"
    assert t.err("$u = $null; Enable-MfaUser -UserPrincipalName $u.UserPrincipalName") == \
        "Enable-MfaUser: Cannot bind argument to parameter 'UserPrincipalName' because it is null.\n"
