"""The parameter combinations of the EXAMPLES in the real documentation of the SPEC §5 cmdlets
(MSOnline, ExchangeOnlineManagement, Microsoft Graph), written with the Contoso tenant's names.

Each test runs one documented usage and checks that it binds (no parse error, unknown parameter,
unbindable argument or missing command) and that the documented effect holds, or, for names the
tenant lacks, that the real module's error comes back."""
from __future__ import annotations

import os

import pytest
from tc_support import ADMIN, PromptHost, T, cred

INTERFACE_ERRORS = ("ParserError", "A parameter cannot be found", "is not recognized as a name",
                    "positional parameter cannot be found", "Cannot convert", "internal error",
                    "Unable to find type")


def no_interface_error(text: str) -> None:
    for marker in INTERFACE_ERRORS:
        assert marker not in text, text


def msol(upn: str = ADMIN) -> T:
    return T().msol(upn)


# ============================================================================= MSOnline

def test_get_msoluser_lists_every_user_with_the_default_view():
    out = msol().ok("Get-MsolUser")
    assert out.splitlines()[1].split() == ["UserPrincipalName", "DisplayName", "isLicensed"]
    assert "JoniS@contoso.com" in out and "IsaiahL@contoso.com" in out


def test_get_msoluser_enabled_filter_with_max_results():
    t = msol()
    upns = t.objs("Get-MsolUser -EnabledFilter EnabledOnly -MaxResults 2000 | ForEach-Object UserPrincipalName")
    assert "IsaiahL@contoso.com" not in upns and len(upns) == 8


def test_get_msoluser_by_upn_and_by_object_id():
    t = msol()
    assert "Megan Bowen" in t.ok('Get-MsolUser -UserPrincipalName "MeganB@contoso.com"')
    oid = t.ok("(Get-MsolUser -UserPrincipalName MeganB@contoso.com).ObjectId.ToString()").strip()
    assert "Megan Bowen" in t.ok(f"Get-MsolUser -ObjectId {oid}")


@pytest.mark.parametrize("command,name", [
    ('Get-MsolUser -UserPrincipalName "nobody@contoso.com"', "nobody@contoso.com"),
    ("Get-MsolUser -ObjectId 0c4f1e0a-1111-4222-8333-944455556666", "0c4f1e0a-1111-4222-8333-944455556666"),
])
def test_get_msoluser_missing_user_gives_the_module_error(command, name):
    assert msol().err(command) == f"Get-MsolUser: User Not Found.  User: {name}.\n"


def test_get_msoluser_search_string_and_selected_property():
    t = msol()
    assert t.objs('Get-MsolUser -SearchString "Adele" | ForEach-Object DisplayName') == ["Adele Vance"]
    assert t.ok('Get-MsolUser -SearchString "Zed"') == ""
    out = t.ok('Get-MsolUser -UserPrincipalName "AdeleV@contoso.com" | Select PreferredDataLocation')
    assert out.split() == ["PreferredDataLocation", "---------------------"]


def test_set_msoluser_documented_changes():
    t = msol()
    t.ok('Set-MsolUser -UserPrincipalName "MeganB@contoso.com" -BlockCredential $True')
    t.ok('Set-MsolUser -UserPrincipalName "MeganB@contoso.com" -DisplayName "Megan B." -Title "Manager" '
         '-Department "Finance"')
    t.ok('Set-MsolUser -UserPrincipalName "MeganB@contoso.com" -UsageLocation "CA"')
    t.ok('Set-MsolUser -UserPrincipalName "MeganB@contoso.com" -PreferredDataLocation "EUR"')
    out = t.ok("Get-MsolUser -UserPrincipalName MeganB@contoso.com | Format-List BlockCredential,DisplayName,Title,"
               "Department,UsageLocation,PreferredDataLocation")
    for line in ("BlockCredential       : True", "DisplayName           : Megan B.", "Title                 : Manager",
                 "Department            : Finance", "UsageLocation         : CA", "PreferredDataLocation : EUR"):
        assert line in out


def test_set_msoluser_missing_user():
    assert msol().err('Set-MsolUser -UserPrincipalName "nobody@contoso.com" -UsageLocation "CA"') == \
        "Set-MsolUser: User Not Found.  User: nobody@contoso.com.\n"


def test_new_msoluser_with_names_gets_a_random_password():
    t = msol()
    t.ok('$n = New-MsolUser -UserPrincipalName "RaulR@contoso.com" -DisplayName "Raul Razo" -FirstName "Raul" '
         '-LastName "Razo"')
    assert t.ok("$n.Password.Length -ge 8; $n.isLicensed") == "True\nFalse\n"
    assert t.ok("(Get-MsolUser -UserPrincipalName RaulR@contoso.com).FirstName") == "Raul\n"


def test_new_msoluser_with_usage_location_and_license():
    t = msol()
    t.ok('New-MsolUser -UserPrincipalName "RaulR@contoso.com" -DisplayName "Raul Razo" -FirstName "Raul" '
         '-LastName "Razo" -UsageLocation "US" -LicenseAssignment "contoso:ENTERPRISEPACK" | Out-Null')
    assert t.ok("(Get-MsolUser -UserPrincipalName RaulR@contoso.com).Licenses.AccountSkuId") == \
        "contoso:ENTERPRISEPACK\n"
    err = t.err('New-MsolUser -UserPrincipalName "EvaE@contoso.com" -DisplayName "Eva" -UsageLocation "US" '
                '-LicenseAssignment "Contoso:BPOS_Standard"')
    assert "Unable to assign this license because it is invalid." in err


def test_new_msoluser_with_preferred_data_location():
    t = msol()
    t.ok('New-MsolUser -UserPrincipalName "RaulR@contoso.onmicrosoft.com" -DisplayName "Raul" '
         '-PreferredDataLocation "EUR" | Out-Null')
    assert t.ok("(Get-MsolUser -UserPrincipalName RaulR@contoso.onmicrosoft.com).PreferredDataLocation") == "EUR\n"


def test_connect_msolservice_prompts_without_parameters():
    host = PromptHost(credentials=[(ADMIN, "Pass@word1")])
    t = T(host=host)
    t.ok("Connect-MsolService")
    assert host.prompts and "Contoso" in t.ok("(Get-MsolCompanyInformation).DisplayName")


def test_connect_msolservice_with_credential_and_china_cloud():
    t = T()
    assert "Bad username or password" in t.err(
        f"Connect-MsolService -Credential {cred(ADMIN)} -AzureEnvironment AzureChinaCloud")
    t.ok("Reset-LabTenant -Cloud AzureChinaCloud -Confirm:$false")
    t.ok("$Credential = Get-LabCredential admin@contoso.partner.onmschina.cn")
    t.ok("Connect-MsolService -Credential $Credential -AzureEnvironment AzureChinaCloud")
    assert t.ok("(Get-MsolCompanyInformation).InitialDomain") == "contoso.partner.onmschina.cn\n"


def test_remove_msoluser_confirm_force_and_recycle_bin():
    host = PromptHost(confirms=["y", "y"])
    t = T(host=host).msol()
    t.ok('Remove-MsolUser -UserPrincipalName "JoniS@contoso.com"')
    assert host.prompts and t.ok("Get-MsolUser -ReturnDeletedUsers | ForEach-Object UserPrincipalName") == \
        "JoniS@contoso.com\n"
    t.ok('Remove-MsolUser -UserPrincipalName "JoniS@contoso.com" -RemoveFromRecycleBin')
    assert t.ok("Get-MsolUser -ReturnDeletedUsers") == ""
    t.ok('Remove-MsolUser -UserPrincipalName "MeganB@contoso.com" -Force')
    assert "MeganB@contoso.com" in t.ok("Get-MsolUser -ReturnDeletedUsers")
    assert "User Not Found" in t.err('Remove-MsolUser -UserPrincipalName "nobody@contoso.com" -Force')


def test_set_msoluserpassword_random_and_given_password():
    t = msol()
    assert len(t.ok('Set-MsolUserPassword -UserPrincipalName "MeganB@contoso.com" -ForceChangePassword $true')
               .strip()) >= 8
    # the page's first example omits the Boolean's value; the real module then fails binding (a doc error)
    assert "Missing an argument for parameter 'ForceChangePassword'" in t.err(
        'Set-MsolUserPassword -UserPrincipalName "MeganB@contoso.com" -ForceChangePassword')
    assert "does not comply with password complexity" in t.err(
        'Set-MsolUserPassword -UserPrincipalName "MeganB@contoso.com" -NewPassword "pa$$word"')
    assert t.ok("Set-MsolUserPassword -UserPrincipalName MeganB@contoso.com -NewPassword 'Str0ng#Pwd9'") == \
        "Str0ng#Pwd9\n"
    assert "User Not Found.  User: davidc@consoso.com." in t.err(
        'Set-MsolUserPassword -UserPrincipalName "davidc@consoso.com" -NewPassword "Str0ng#Pwd9"')


def test_reset_msolstrongauthenticationmethodbyupn_clears_methods():
    t = msol()
    assert t.ok("(Get-MsolUser -UserPrincipalName PattiF@contoso.com).StrongAuthenticationMethods.Count") != "0\n"
    t.ok("Reset-MsolStrongAuthenticationMethodByUpn -UserPrincipalName PattiF@contoso.com")
    assert t.ok("(Get-MsolUser -UserPrincipalName PattiF@contoso.com).StrongAuthenticationMethods.Count") == "0\n"


def test_get_msolrole_and_role_members_by_object_id():
    t = msol()
    assert "Company Administrator" in t.ok("Get-MsolRole")
    t.ok('$Role = Get-MsolRole -RoleName "User Administrator"')
    t.ok("$RoleMembers = Get-MsolRoleMember -RoleObjectId $Role.ObjectId")
    assert t.ok("$RoleMembers.EmailAddress") == "LeeG@contoso.com\n"
    assert t.err('Get-MsolRole -RoleName "No Such Role"') == "Get-MsolRole: Role not found.  Role: No Such Role.\n"


def test_add_and_remove_msolrolemember_by_role_name():
    t = msol()
    t.ok('Add-MsolRoleMember -RoleName "Company Administrator" -RoleMemberEmailAddress "AdeleV@contoso.com"')
    members = "Get-MsolRoleMember -RoleObjectId (Get-MsolRole -RoleName 'Company Administrator').ObjectId"
    assert "AdeleV@contoso.com" in t.ok(members)
    t.ok('Remove-MsolRoleMember -RoleName "Company Administrator" -RoleMemberType User '
         '-RoleMemberEmailAddress "AdeleV@contoso.com"')
    assert "AdeleV@contoso.com" not in t.ok(members)
    assert "User Not Found" in t.err('Add-MsolRoleMember -RoleName "Company Administrator" '
                                     '-RoleMemberEmailAddress "nobody@contoso.com"')


def test_company_information_domains_and_skus():
    t = msol()
    assert "InitialDomain" in t.ok("Get-MsolCompanyInformation")
    assert len(t.objs("Get-MsolDomain")) == 2
    assert t.objs('Get-MsolDomain -DomainName "contoso.com" | ForEach-Object Name') == ["contoso.com"]
    assert all(str(s) == "Verified" for s in t.objs("Get-MsolDomain -Status Verified | ForEach-Object Status"))
    assert "contoso:ENTERPRISEPACK" in t.ok("Get-MsolAccountSku")
    assert "ProvisioningStatus" in t.ok("Get-MsolAccountSku | select -ExpandProperty ServiceStatus")


# ============================================================================= Exchange Online

def exo() -> T:
    return T().exo()


def test_connect_exchangeonline_user_principal_name_prompts():
    host = PromptHost(credentials=[(ADMIN, "Pass@word1")])
    t = T(host=host)
    t.ok(f"Connect-ExchangeOnline -UserPrincipalName {ADMIN} -ShowProgress $true -ShowBanner:$false")
    assert host.prompts[0][2] == ADMIN
    assert t.ok("(Get-OrganizationConfig).Name") == "contoso.onmicrosoft.com\n"


@pytest.mark.parametrize("switch", ["-Device", "-InlineCredential"])
def test_connect_exchangeonline_device_and_inline_credential(switch):
    host = PromptHost(credentials=[(ADMIN, "Pass@word1")])
    t = T(host=host)
    out = t.ok(f"Connect-ExchangeOnline {switch} -ShowBanner:$false")
    assert ("microsoft.com/devicelogin" in out) == (switch == "-Device")
    assert t.ok("(Get-OrganizationConfig).Name") == "contoso.onmicrosoft.com\n"


def test_connect_exchangeonline_with_a_credential_object():
    t = T()
    t.ok(f"$UserCredential = {cred(ADMIN)}")
    assert "This V3 EXO PowerShell module" in t.ok("Connect-ExchangeOnline -Credential $UserCredential")


@pytest.mark.parametrize("auth", ["-CertificateThumbprint 83213AEAC56D61C97AEE5C1528F4AC5EBA7321C1",
                                  "-CertificateFilePath ./TestCert.pfx", "-Certificate $null"])
def test_connect_exchangeonline_app_only_for_an_unknown_app(auth):
    err = T().err(f'Connect-ExchangeOnline -AppId 36ee4c6c-0812-40a2-b820-b22ebd02bce3 {auth} '
                  '-Organization "contoso.onmicrosoft.com"')
    no_interface_error(err)
    assert "AADSTS700016: Application with identifier '36ee4c6c-0812-40a2-b820-b22ebd02bce3'" in err


def test_disconnect_exchangeonline_confirms_unless_told_not_to():
    host = PromptHost(confirms=["y"])
    t = T(host=host).exo()
    t.ok("Disconnect-ExchangeOnline")
    assert host.prompts and "is not recognized" in t.err("Get-OrganizationConfig")
    t.exo()
    t.ok("Disconnect-ExchangeOnline -Confirm:$false")
    assert "is not recognized" in t.err("Get-OrganizationConfig")
    t.exo()
    assert t.ok("Disconnect-ExchangeOnline -Confirm:$false -InformationAction Ignore -ErrorAction SilentlyContinue") \
        == ""



@pytest.mark.parametrize("selector", ["-ConnectionId 1a9e45e8-e7ec-498f-9ac3-0504e987fa85",
                                      "-ModulePrefix Contoso,Fabrikam"])
def test_disconnect_exchangeonline_by_connection_id_and_prefix(selector):
    t = exo()
    # neither names this session's connection, so it stays connected
    assert t.ok(f"Disconnect-ExchangeOnline {selector} -Confirm:$false") == ""
    assert t.ok("(Get-OrganizationConfig).Name") == "contoso.onmicrosoft.com\n"

def test_get_organizationconfig_documented_uses(tmp_path):
    t = exo()
    assert "available only in on-premises Exchange" in t.err("Get-OrganizationConfig -DomainController ContosoDC")
    path = tmp_path / "OrgConfig.xml"
    t.ok(f"Get-OrganizationConfig | Export-CliXML '{path}'")
    text = path.read_text(encoding="utf-8")
    assert text.startswith('<Objs Version="1.1.0.1" xmlns="http://schemas.microsoft.com/powershell/2004/04">')
    assert '<B N="OAuth2ClientProfileEnabled">true</B>' in text
    assert t.ok(f"$c = Import-Clixml '{path}'; $c.Name; $c.pstypenames[0]") == (
        "contoso.onmicrosoft.com\nDeserialized.Microsoft.Exchange.Data.Directory.SystemConfiguration."
        "OrganizationConfig\n")
    out = t.ok("Get-OrganizationConfig | Format-List EwsApplicationAccessPolicy,Ews*List")
    assert [line.split(":")[0].strip() for line in out.strip().splitlines()] == \
        ["EwsApplicationAccessPolicy", "EwsAllowList", "EwsBlockList"]


def test_set_organizationconfig_examples():
    t = exo()
    t.ok('Set-OrganizationConfig -DistributionGroupDefaultOU Users\\Groups -DistributionGroupNameBlockedWordsList '
         'curse,bad,offensive -DistributionGroupNamingPolicy "DL_<GroupName>_<Department><CountryCode>"')
    assert t.objs("(Get-OrganizationConfig).DistributionGroupNameBlockedWordsList") == ["curse", "bad", "offensive"]
    for policy, listname, value in (("EnforceBlockList", "EwsBlockList", "$null"),
                                    ("EnforceBlockList", "EwsBlockList", '"OtherApps*"'),
                                    ("EnforceAllowList", "EwsAllowList", "$null"),
                                    ("EnforceAllowList", "EwsAllowList", '"CorpApp*"')):
        t.run(f"Set-OrganizationConfig -EwsApplicationAccessPolicy {policy} -{listname} {value}")
        cfg = t.objs("Get-OrganizationConfig")[0]
        assert str(cfg.ps_get_member("ewsapplicationaccesspolicy")) == policy
        assert list(cfg.ps_get_member(listname.lower()) or []) == ([] if value == "$null" else [value.strip('"')])
    t.ok('Set-OrganizationConfig -VisibleMeetingUpdateProperties "Location,Subject,Body,AllProperties:15"')
    assert t.ok("(Get-OrganizationConfig).VisibleMeetingUpdateProperties") == "Location,Subject,Body,AllProperties:15\n"
    t.ok('Set-OrganizationConfig -EwsEnabled $true -EwsAllowedAppIDs "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee,'
         '11111111-2222-3333-4444-555555555555"')
    assert "11111111-2222-3333-4444-555555555555" in t.ok("(Get-OrganizationConfig).EwsAllowedAppIDs")


def test_get_casmailbox_examples():
    t = exo()
    out = t.ok('Get-CASMailbox "Megan Bowen"')
    assert out.splitlines()[1].split() == ["Name", "ActiveSyncEnabled", "OWAEnabled", "PopEnabled", "ImapEnabled",
                                           "MapiEnabled"]
    assert "couldn't be found" in t.err('Get-CASMailbox "Jeff Hay"')
    assert all(line.startswith("Imap") for line in t.ok("Get-CASMailbox MeganB@contoso.com | Format-List Imap*")
               .split("\n") if line.strip())
    assert "EwsEnabled" in t.ok("Get-CASMailbox MeganB@contoso.com | Format-List Ews*")
    assert t.ok("Get-CASMailbox -RecipientTypeDetails SharedMailbox | Select *") == ""


def test_set_casmailbox_examples():
    t = exo()
    t.ok("Set-CASMailbox MeganB@contoso.com -OWAEnabled $false -PopEnabled $false")
    assert t.ok("$m = Get-CASMailbox MeganB@contoso.com; $m.OWAEnabled; $m.PopEnabled") == "False\nFalse\n"
    t.ok("Set-CASMailbox MeganB@contoso.com -ActiveSyncDebugLogging $true -ActiveSyncMailboxPolicy Management")
    assert t.ok("(Get-CASMailbox MeganB@contoso.com).ActiveSyncMailboxPolicy") == "Management\n"
    err = t.err('Set-CASMailbox MeganB@contoso.com -DisplayName "Megan B" -MAPIBlockOutlookRpcHttp $true')
    no_interface_error(err)
    assert "available only in on-premises Exchange" in err
    assert "couldn't be found" in t.err("Set-CASMailbox nobody@contoso.com -OWAEnabled $false -PopEnabled $false")


def test_authentication_policy_examples():
    t = exo()
    assert t.ok("Get-AuthenticationPolicy | Format-Table -Auto Name") == ""
    assert "couldn't be found" in t.err('Get-AuthenticationPolicy -Identity "Engineering Group"')
    t.ok('New-AuthenticationPolicy -Name "Engineering Group" -AllowBasicAuthImap | Out-Null')
    assert t.ok('(Get-AuthenticationPolicy -Identity "Engineering Group").AllowBasicAuthImap') == "True\n"
    assert "Engineering Group" in t.ok("Get-AuthenticationPolicy | Format-Table -Auto Name")
    t.ok('Set-AuthenticationPolicy -Identity "Engineering Group" -AllowBasicAuthReportingWebServices')
    assert t.ok('(Get-AuthenticationPolicy "Engineering Group").AllowBasicAuthReportingWebServices') == "True\n"
    for command in (('New-AuthenticationPolicy -Name "R and D" -BlockLegacyAuthActiveSync -BlockLegacyAuthAutodiscover '
                    '-BlockLegacyAuthImap -BlockLegacyAuthMapi -BlockLegacyAuthOfflineAddressBook -BlockLegacyAuthPop '
                    '-BlockLegacyAuthRpc -BlockLegacyAuthWebServices'),
                    ('Set-AuthenticationPolicy -Identity "Engineering Group" '
                    '-BlockLegacyAuthReportingWebServices:$false')):
        err = t.err(command)
        no_interface_error(err)
        assert "available only in on-premises Exchange" in err
    t.ok('Set-AuthenticationPolicy -Identity "LegacyExchangeTokens" -BlockLegacyExchangeTokens')
    r = t.run("Get-AuthenticationPolicy -AllowLegacyExchangeTokens")
    assert "Legacy Exchange Online tokens are disabled" in r.stderr


def test_search_unifiedauditlog_examples():
    t = exo()
    t.ok("Set-CASMailbox MeganB@contoso.com -PopEnabled $false")
    for command in ("Search-UnifiedAuditLog -StartDate 2/29/2024 -EndDate 3/2/2024 -SessionCommand ReturnLargeSet",
                    ('Search-UnifiedAuditLog -StartDate "3/1/2024 8:00 AM" -EndDate "3/1/2024 6:00 PM" '
                    "-RecordType ExchangeAdmin -SessionCommand ReturnLargeSet"),
                    ('Search-UnifiedAuditLog -StartDate 2/29/2024 -EndDate 3/2/2024 -SessionId "Audit 03/01" '
                    "-SessionCommand ReturnLargeSet"),
                    ('Search-UnifiedAuditLog -StartDate 2/29/2024 -EndDate 3/2/2024 -ObjectIDs "MeganB@contoso.com" '
                    "-SessionCommand ReturnLargeSet")):
        ops = t.objs(command + " | ForEach-Object Operations")
        assert "Set-CASMailbox" in ops, command
    assert t.ok("Search-UnifiedAuditLog -StartDate 2/29/2024 -EndDate 3/2/2024 -RecordType SharePointFileOperation "
                '-Operations FileAccessed -SessionId "Docs" -SessionCommand ReturnLargeSet') == ""
    assert t.ok("Search-UnifiedAuditLog -StartDate 5/1/2023 -EndDate 5/2/2023 -SessionCommand ReturnLargeSet") == ""


def test_search_unifiedauditlog_examples_of_the_earlier_page():
    t = exo()
    t.ok("Set-CASMailbox MeganB@contoso.com -PopEnabled $false")
    for command in ("Search-UnifiedAuditLog -StartDate 2/29/2024 -EndDate 3/2/2024",
                    'Search-UnifiedAuditLog -StartDate "3/1/2024 8:00 AM" -EndDate "3/1/2024 6:00 PM" '
                    "-RecordType ExchangeAdmin",
                    ('Search-UnifiedAuditLog -StartDate 2/29/2024 -EndDate 3/2/2024 -SessionId "Audit 03/01" '
                     "-SessionCommand ReturnNextPreviewPage")):
        assert "Set-CASMailbox" in t.objs(command + " | ForEach-Object Operations"), command
    # that page's SharePoint example has no space between the quoted SessionId and -SessionCommand:
    # an argument that starts with a quoted string ends at its closing quote, so it still binds
    assert t.ok("Search-UnifiedAuditLog -StartDate 2/29/2024 -EndDate 3/2/2024 -RecordType SharePointFileOperation "
                '-Operations FileAccessed -SessionId "Docs"-SessionCommand ReturnNextPreviewPage') == ""
    assert t.ok("Search-UnifiedAuditLog -StartDate 2/29/2024 -EndDate 3/2/2024 -ObjectIDs "
                '"https://contoso.sharepoint.com/sites/Sales/Shared Documents/Q1 Forecast.docx"') == ""


# ============================================================================= Microsoft Graph

def test_connect_mggraph_delegated_scopes_and_device_code():
    host = PromptHost(credentials=[(ADMIN, "Pass@word1"), (ADMIN, "Pass@word1")])
    t = T(host=host)
    t.ok('Connect-MgGraph -Scopes "User.Read.All", "Group.ReadWrite.All" -NoWelcome')
    assert "Group.ReadWrite.All" in t.objs("(Get-MgContext).Scopes")
    out = t.ok('Connect-MgGraph -Scopes "User.Read.All", "Group.ReadWrite.All" -UseDeviceAuthentication -NoWelcome')
    assert "microsoft.com/devicelogin" in out and len(host.prompts) == 2


@pytest.mark.parametrize("command,message", [
    ("Connect-MgGraph -AccessToken $AccessToken", "Cannot bind argument to parameter 'AccessToken' because it is null."),
    ("Connect-MgGraph -AccessToken (ConvertTo-SecureString 'eyJ0.e30.sig' -AsPlainText -Force)",
     "access token is not valid"),
    ("Connect-MgGraph -ClientId 11111111-2222-3333-4444-555555555555 -TenantId contoso.onmicrosoft.com",
     "AADSTS700016"),
    (('Connect-MgGraph -ClientId "11111111-2222-3333-4444-555555555555" -TenantId "contoso.onmicrosoft.com" '
     '-CertificateThumbprint "83213AEAC56D61C97AEE5C1528F4AC5EBA7321C1"'), "AADSTS700016"),
    (('Connect-MgGraph -ClientId "11111111-2222-3333-4444-555555555555" -TenantId "contoso.onmicrosoft.com" '
     '-CertificateName "CN=ContosoApp"'), "AADSTS700016"),
    (('Connect-MgGraph -ClientId "11111111-2222-3333-4444-555555555555" -TenantId "contoso.onmicrosoft.com" '
     "-Certificate $Cert"), "AADSTS700016"),
    (("Connect-MgGraph -TenantId contoso.onmicrosoft.com -ClientSecretCredential (New-Object "
     "System.Management.Automation.PSCredential('11111111-2222-3333-4444-555555555555', (ConvertTo-SecureString "
     "'s3cret' -AsPlainText -Force)))"), "AADSTS700016"),
    ("Connect-MgGraph -Identity", "ManagedIdentityCredential authentication unavailable"),
    ('Connect-MgGraph -Identity -ClientId "11111111-2222-3333-4444-555555555555"',
     "ManagedIdentityCredential authentication unavailable"),
])
def test_connect_mggraph_app_only_token_and_managed_identity_fail_as_for_an_unknown_app(command, message):
    err = T().err(command)
    no_interface_error(err)
    assert message in err


def test_connect_mggraph_certificate_from_the_cert_drive_and_client_secret_prompt():
    t = T()
    assert "A drive with the name 'Cert' does not exist." in t.err(
        "$Cert = Get-ChildItem Cert:\\LocalMachine\\My\\83213AEAC56D61C97AEE5C1528F4AC5EBA7321C1")
    err = t.err('$ClientSecretCredential = Get-Credential -Credential "11111111-2222-3333-4444-555555555555"')
    assert err.startswith("Get-Credential: Cannot process argument transformation on parameter 'Credential'.")
    host = PromptHost(credentials=[("", "s3cret")])
    t = T(host=host)
    t.ok('$ClientSecretCredential = Get-Credential -Credential "11111111-2222-3333-4444-555555555555"')
    assert host.prompts[0][2] == "11111111-2222-3333-4444-555555555555"
    assert "AADSTS700016" in t.err('Connect-MgGraph -TenantId "contoso.onmicrosoft.com" '
                                   "-ClientSecretCredential $ClientSecretCredential")


def test_connect_mggraph_environments_and_context_scope():
    host = PromptHost(credentials=[(ADMIN, "Pass@word1"), (ADMIN, "Pass@word1")])
    t = T(host=host)
    assert t.objs("Get-MgEnvironment | ForEach-Object Name") == ["Global", "China", "USGov", "USGovDoD"]
    err = t.err("Connect-MgGraph -Environment USGov")
    no_interface_error(err)
    assert "AADSTS50034" in err      # the Contoso accounts live in the global cloud
    t.ok("Connect-MgGraph -ContextScope Process -NoWelcome")
    assert t.ok("(Get-MgContext).ContextScope") == "Process\n"


def test_get_mguser_examples():
    t = T().mg()
    out = t.ok("Get-MgUser -All | Format-List  ID, DisplayName, Mail, UserPrincipalName")
    assert out.count("UserPrincipalName :") == 9
    uid = t.ok("(Get-MgUser -UserId AdeleV@contoso.com).Id").strip()
    out = t.ok(f"Get-MgUser -UserId '{uid}' | Format-List  ID, DisplayName, Mail, UserPrincipalName")
    assert f"Id                : {uid}" in out and "Adele Vance" in out
    assert "Request_ResourceNotFound" in t.err("Get-MgUser -UserId 'e4e2b110-8d4f-434f-a990-7cd63e23aed6'")
    assert len(t.objs("Get-MgUser -Count userCount -ConsistencyLevel eventual")) == 9
    assert t.ok("$userCount") == "9\n"
    assert t.objs("Get-MgUser -ConsistencyLevel eventual -Count userCount -Filter \"startsWith(DisplayName, 'a')\" "
                  "-Top 1 | ForEach-Object DisplayName") == ["Adele Vance"]
    assert t.objs("Get-MgUser -ConsistencyLevel eventual -Count userCount -Search '\"DisplayName:Megan\"' "
                  "| ForEach-Object DisplayName") == ["Megan Bowen"]
    assert t.objs("Get-MgUser -ConsistencyLevel eventual -Count userCount -Filter \"startsWith(DisplayName, 'A')\" "
                  "-OrderBy UserPrincipalName | ForEach-Object UserPrincipalName") == \
        ["AdeleV@contoso.com", "AlexW@contoso.com"]


def test_get_mguserauthenticationmethod_by_id():
    t = T().mg()
    t.ok("Import-Module Microsoft.Graph.Identity.SignIns")
    t.ok("$userId = 'PattiF@contoso.com'; $authenticationMethodId = (Get-MgUserAuthenticationMethod -UserId $userId "
         "| Select-Object -First 1).Id")
    assert t.ok("Get-MgUserAuthenticationMethod -UserId $userId -AuthenticationMethodId $authenticationMethodId "
                "| ForEach-Object Id") == t.ok("$authenticationMethodId")
    assert "Request_ResourceNotFound" in t.err(
        "Get-MgUserAuthenticationMethod -UserId nobody@contoso.com -AuthenticationMethodId $authenticationMethodId")


def test_phone_method_get_new_and_update():
    t = T().mg()
    t.ok("$userId = 'PattiF@contoso.com'")
    t.ok("$phoneAuthenticationMethodId = (Get-MgUserAuthenticationPhoneMethod -UserId $userId).Id")
    assert "+1 4255550101" in t.ok("Get-MgUserAuthenticationPhoneMethod -UserId $userId "
                                   "-PhoneAuthenticationMethodId $phoneAuthenticationMethodId")
    t.ok('$params = @{ phoneNumber = "+1 2065555554"; phoneType = "mobile" }')
    t.ok("Update-MgUserAuthenticationPhoneMethod -UserId $userId -PhoneAuthenticationMethodId "
         "$phoneAuthenticationMethodId -BodyParameter $params")
    assert t.ok("(Get-MgUserAuthenticationPhoneMethod -UserId $userId).PhoneNumber") == "+1 2065555554\n"
    t.ok('$params = @{ phoneNumber = "+1 2065555555"; phoneType = "mobile" }')
    t.ok("New-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com -BodyParameter $params | Out-Null")
    assert t.ok("(Get-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com).PhoneNumber") == "+1 2065555555\n"
    assert "already exists" in t.err("New-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com "
                                     "-BodyParameter $params")


@pytest.mark.parametrize("noun,idparam", [
    ("Fido2", "Fido2AuthenticationMethodId"),
    ("MicrosoftAuthenticator", "MicrosoftAuthenticatorAuthenticationMethodId"),
    ("SoftwareOath", "SoftwareOathAuthenticationMethodId"),
    ("Email", "EmailAuthenticationMethodId"),
    ("TemporaryAccessPass", "TemporaryAccessPassAuthenticationMethodId"),
    ("WindowsHelloForBusiness", "WindowsHelloForBusinessAuthenticationMethodId"),
])
def test_per_method_get_by_id(noun, idparam):
    t = T().mg()
    err = t.err(f"Get-MgUserAuthentication{noun}Method -UserId AlexW@contoso.com -{idparam} "
                "00000000-0000-0000-0000-000000000001")
    no_interface_error(err)
    assert "Request_ResourceNotFound" in err



@pytest.mark.parametrize("command,user,expected", [
    ("Get-MgUserAuthenticationMicrosoftAuthenticatorMethod", "AlexW@contoso.com", 1),
    ("Get-MgUserAuthenticationTemporaryAccessPassMethod", "AlexW@contoso.com", 0),
    ("Get-MgUserAuthenticationWindowsHelloForBusinessMethod", "AlexW@contoso.com", 0),
    ("Get-MgUserAuthenticationSoftwareOathMethod", "AlexW@contoso.com", 0),
    ("Get-MgUserAuthenticationFido2Method", "AlexW@contoso.com", 0),
    ("Get-MgUserAuthenticationEmailMethod", "PattiF@contoso.com", 1),
])
def test_per_method_list_for_a_user(command, user, expected):
    t = T().mg()
    t.ok("Import-Module Microsoft.Graph.Identity.SignIns")
    t.ok(f"$userId = '{user}'")
    assert t.ok(f"@({command} -UserId $userId).Count") == f"{expected}\n"


def test_beta_authentication_method_list():
    t = T().mg()
    t.ok("Import-Module Microsoft.Graph.Beta.Identity.SignIns")
    t.ok("$userId = 'PattiF@contoso.com'")
    assert t.ok("(Get-MgBetaUserAuthenticationMethod -UserId $userId).Id") == \
        t.ok("(Get-MgUserAuthenticationMethod -UserId $userId).Id")
    assert "Request_ResourceNotFound" in t.err("Get-MgBetaUserAuthenticationMethod -UserId nobody@contoso.com")


@pytest.mark.parametrize("noun,user", [("Phone", "PattiF@contoso.com"), ("Email", "PattiF@contoso.com"),
                                       ("MicrosoftAuthenticator", "AlexW@contoso.com")])
def test_remove_method_by_id_deletes_it(noun, user):
    t = T().mg()
    t.ok(f"$userId = '{user}'; $methodId = (Get-MgUserAuthentication{noun}Method -UserId $userId)[0].Id")
    idparam = f"{noun}AuthenticationMethodId"
    t.ok(f"Remove-MgUserAuthentication{noun}Method -UserId $userId -{idparam} $methodId")
    assert t.ok(f"@(Get-MgUserAuthentication{noun}Method -UserId $userId).Count") == "0\n"
    assert "Request_ResourceNotFound" in t.err(f"Remove-MgUserAuthentication{noun}Method -UserId $userId "
                                               f"-{idparam} $methodId")


@pytest.mark.parametrize("noun", ["SoftwareOath", "Fido2", "TemporaryAccessPass", "WindowsHelloForBusiness"])
def test_remove_method_the_user_lacks_is_not_found(noun):
    t = T().mg()
    err = t.err(f"Remove-MgUserAuthentication{noun}Method -UserId AlexW@contoso.com "
                f"-{noun}AuthenticationMethodId 00000000-0000-0000-0000-000000000001")
    no_interface_error(err)
    assert "Request_ResourceNotFound" in err


def test_method_id_from_an_unset_variable_fails_binding():
    t = T().mg()
    err = t.err("Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod -UserId PattiF@contoso.com "
                "-MicrosoftAuthenticatorAuthenticationMethodId $notSet")
    assert err == ("Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod: Cannot bind argument to parameter "
                   "'MicrosoftAuthenticatorAuthenticationMethodId' because it is null.\n")
    assert "because it is an empty string" in t.err("Get-MgUserAuthenticationPhoneMethod -UserId ''")
    assert t.ok("@(Get-MgUserAuthenticationPhoneMethod -UserId PattiF@contoso.com).Count") == "1\n"

def test_beta_authentication_requirement_get_and_update():
    t = T().mg()
    t.ok("Import-Module Microsoft.Graph.Beta.Identity.SignIns")
    t.ok("$userId = 'AdeleV@contoso.com'")
    assert t.ok("(Get-MgBetaUserAuthenticationRequirement -UserId $userId).PerUserMfaState") == "enabled\n"
    t.ok('$params = @{ perUserMfaState = "disabled" }')
    t.ok("Update-MgBetaUserAuthenticationRequirement -UserId $userId -BodyParameter $params")
    assert t.ok("(Get-MgBetaUserAuthenticationRequirement -UserId $userId).PerUserMfaState") == "disabled\n"
    assert "Request_ResourceNotFound" in t.err(
        "Update-MgBetaUserAuthenticationRequirement -UserId nobody@contoso.com -BodyParameter $params")


# ============================================================================= CLIXML round trip

def test_export_import_clixml_round_trip_keeps_values_and_never_writes_secrets(tmp_path):
    t = T()
    path = tmp_path / "objects.xml"
    t.ok("[pscustomobject]@{ Name = 'x<y'; Count = 3; When = (Get-Date -Date 2024-03-01T09:00:00); "
         f"Tags = @('a','b'); Map = @{{ k = 'v' }}; Nothing = $null }} | Export-Clixml '{path}'")
    assert t.ok(f"$o = Import-Clixml '{path}'; $o.Name; $o.Count; $o.When.Month; $o.Tags -join '+'; $o.Map.k; "
                "$null -eq $o.Nothing") == "x<y\n3\n3\na+b\nv\nTrue\n"
    credpath = tmp_path / "cred.xml"
    t.ok(f"{cred('AdeleV@contoso.com')} | Export-Clixml '{credpath}'")
    assert "Pass@word1" not in credpath.read_text(encoding="utf-8")
    assert t.ok(f"$c = Import-Clixml '{credpath}'; $c.UserName; $c.GetNetworkCredential().Password.Length") == \
        "AdeleV@contoso.com\n10\n"
    assert "already exists" in t.err(f"1 | Export-Clixml '{path}' -NoClobber")
    assert os.path.getsize(path) > 0
    assert "Could not find file" in t.err(f"Import-Clixml '{tmp_path / 'missing.xml'}'")
