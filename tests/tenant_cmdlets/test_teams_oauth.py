"""MicrosoftTeams through the shell: Connect-MicrosoftTeams and the Skype for Business Online OAuth
configuration (Get-/Set-CsOAuthConfiguration -ClientAdalAuthOverride)."""
from __future__ import annotations

import json

from tc_support import ADMIN, EXCHANGE_ADMIN, PLAIN_USER, PromptHost, T, cred

NOT_CONNECTED = "You must call the Connect-MicrosoftTeams cmdlet before calling any other cmdlets."


def teams(t: T, upn: str = ADMIN) -> T:
    t.ok(f"$null = Connect-MicrosoftTeams -Credential {cred(upn)}")
    return t


def test_connect_returns_the_context_table():
    t = T()
    out = t.ok(f"Connect-MicrosoftTeams -Credential {cred(ADMIN)}")
    tid = t.tenant.tenant_id
    assert out.splitlines()[1:4] == [
        "Account                       Environment Tenant                               TenantId",
        "-------                       ----------- ------                               --------",
        f"admin@contoso.onmicrosoft.com AzureCloud  {tid} {tid}",
    ]
    assert t.ok("(Connect-MicrosoftTeams -Credential (Get-LabCredential admin@contoso.onmicrosoft.com))"
                ".GetType().FullName") == "Microsoft.Open.Teams.CommonLibrary.PSAzureContext\n"


def test_connect_without_a_credential_prompts_for_the_account():
    host = PromptHost(credentials=[("", "Pass@word1")])
    t = T(host=host)
    t.ok("$null = Connect-MicrosoftTeams -AccountId admin@contoso.onmicrosoft.com")
    assert host.prompts[0][2] == "admin@contoso.onmicrosoft.com"
    assert t.ok("(Get-CsOAuthConfiguration).Identity") == "Global\n"


def test_connect_refusals():
    t = T()
    assert "AADSTS50126" in t.err(f"Connect-MicrosoftTeams -Credential {cred(ADMIN, 'Nope#1234')}")
    assert "AADSTS90002: Tenant 'fabrikam.com' not found." in t.err(
        f"Connect-MicrosoftTeams -TenantId fabrikam.com -Credential {cred(ADMIN)}")
    assert "AADSTS700016" in t.err("Connect-MicrosoftTeams -CertificateThumbprint 0123 -ApplicationId "
                                   "36ee4c6c-0812-40a2-b820-b22ebd02bce3 -TenantId contoso.onmicrosoft.com")
    assert "NonInteractive" in t.err("Connect-MicrosoftTeams")
    assert t.err("Get-CsOAuthConfiguration") == f"Get-CsOAuthConfiguration: {NOT_CONNECTED}\n"


def test_cs_cmdlets_exist_but_need_connect_microsoftteams():
    t = T()
    assert t.err("Get-CsOAuthConfiguration") == f"Get-CsOAuthConfiguration: {NOT_CONNECTED}\n"
    assert t.err("Set-CsOAuthConfiguration -ClientAdalAuthOverride Allowed") == \
        f"Set-CsOAuthConfiguration: {NOT_CONNECTED}\n"
    assert t.ok("$Error[0].Exception.GetType().FullName") == "System.UnauthorizedAccessException\n"
    t.exo()   # an Exchange Online connection does not count
    assert NOT_CONNECTED in t.err("Get-CsOAuthConfiguration")
    teams(t)
    t.ok("Get-CsOAuthConfiguration")
    t.ok("Disconnect-MicrosoftTeams")
    assert NOT_CONNECTED in t.err("Get-CsOAuthConfiguration")
    assert t.tenant.cs_oauth.client_adal_auth_override == "NoOverride"


def test_default_settings_shown_as_a_list():
    t = teams(T())
    out = t.ok("Get-CsOAuthConfiguration")
    assert "Identity                               : Global\n" in out
    assert "ClientAdalAuthOverride                 : NoOverride\n" in out
    assert t.ok("(Get-CsOAuthConfiguration).GetType().FullName") == \
        "Microsoft.Rtc.Management.WritableConfig.Settings.SSAuth.OAuthSettings\n"
    assert t.ok("Get-CsOAuthConfiguration -Identity global | ForEach-Object Identity") == "Global\n"
    assert t.ok("(Get-CsOAuthConfiguration -Filter g*).Identity") == "Global\n"
    assert t.ok("Get-CsOAuthConfiguration -Filter x*") == ""
    assert "Identity \"site:Redmond\"" in t.err("Get-CsOAuthConfiguration site:Redmond")


def test_set_allowed_is_visible_and_audited():
    t = teams(T())
    assert t.ok("Set-CsOAuthConfiguration -ClientAdalAuthOverride Allowed") == ""
    assert t.ok("(Get-CsOAuthConfiguration).ClientAdalAuthOverride") == "Allowed\n"
    assert t.tenant.cs_oauth.client_adal_auth_override == "Allowed"
    rec = [r for r in t.tenant.audit if r.Operations == "Set-CsOAuthConfiguration"]
    assert len(rec) == 1 and rec[0].RecordType == "SkypeForBusinessCmdlets" and rec[0].UserIds == ADMIN
    assert rec[0].data()["ModifiedProperties"] == [{"Name": "ClientAdalAuthOverride", "OldValue": "NoOverride",
                                                   "NewValue": "Allowed"}]
    t.ok("Set-CsOAuthConfiguration -ClientAdalAuthOverride Allowed")   # unchanged: not audited again
    assert t.audit_ops(ADMIN).count("Set-CsOAuthConfiguration") == 1
    t.ok("Set-CsOAuthConfiguration -ClientAdalAuthOverride disallowed -WhatIf")
    assert t.tenant.cs_oauth.client_adal_auth_override == "Allowed"


def test_instance_round_trip():
    t = teams(T())
    t.ok("$c = Get-CsOAuthConfiguration; $c.ClientAdalAuthOverride = 'Disallowed'; $c | Set-CsOAuthConfiguration")
    assert t.tenant.cs_oauth.client_adal_auth_override == "Disallowed"


def test_bad_value_is_refused_by_the_validate_set():
    t = teams(T())
    assert t.err("Set-CsOAuthConfiguration -ClientAdalAuthOverride Enabled") == (
        "Set-CsOAuthConfiguration: Cannot validate argument on parameter 'ClientAdalAuthOverride'. The argument "
        "\"Enabled\" does not belong to the set \"NoOverride,Allowed,Disallowed\" specified by the ValidateSet "
        "attribute. Supply an argument that is in the set and then try the command again.\n")
    assert t.tenant.cs_oauth.client_adal_auth_override == "NoOverride"


def test_only_a_global_administrator_may_change_it():
    t = teams(T(), EXCHANGE_ADMIN)
    err = t.err("Set-CsOAuthConfiguration -ClientAdalAuthOverride Allowed")
    assert err.startswith("Set-CsOAuthConfiguration: Access Denied. PattiF@contoso.com")
    assert t.ok("$Error[0].CategoryInfo.Category") == "PermissionDenied\n"
    teams(t, PLAIN_USER)
    assert "Access Denied." in t.err("Get-CsOAuthConfiguration")
    assert t.tenant.cs_oauth.client_adal_auth_override == "NoOverride"
    assert "Set-CsOAuthConfiguration" not in t.audit_ops()


def test_snapshot_round_trip_and_older_snapshots(tmp_path):
    t = teams(T())
    t.ok("Set-CsOAuthConfiguration -ClientAdalAuthOverride Allowed")
    snap = tmp_path / "tenant.json"
    t.ok(f"Save-LabTenant -Path '{snap}'")
    t.ok("Set-CsOAuthConfiguration -ClientAdalAuthOverride Disallowed")
    t.ok(f"Restore-LabTenant -Path '{snap}'")
    teams(t)
    assert t.ok("(Get-CsOAuthConfiguration).ClientAdalAuthOverride") == "Allowed\n"
    data = json.loads(snap.read_text())
    del data["tenant"]["cs_oauth"]             # a snapshot written before the setting existed
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data))
    t.ok(f"Restore-LabTenant -Path '{old}'")
    teams(t)
    assert t.ok("(Get-CsOAuthConfiguration).ClientAdalAuthOverride") == "NoOverride\n"


def test_modern_auth_script_for_exchange_and_skype():
    t = T()
    script = (f"Connect-ExchangeOnline -Credential {cred(ADMIN)} -ShowBanner:$false\n"
              f"Connect-MicrosoftTeams -Credential {cred(ADMIN)} | Out-Null\n"
              "$org=get-csoauthconfiguration\n"
              "write-host \"Skype setting is currently\",$org.clientadalauthoverride\n"
              "Set-CsOAuthConfiguration -ClientAdalAuthOverride Allowed\n"
              "(get-csoauthconfiguration).clientadalauthoverride\n")
    assert t.ok(script) == "Skype setting is currently NoOverride\nAllowed\n"


def test_module_is_listed_and_importable():
    t = T()
    assert "MicrosoftTeams" in t.ok("(Get-Module -ListAvailable).Name").split()
    assert t.ok("(Import-Module MicrosoftTeams -PassThru).Version.ToString()") == "3.1.0\n"
    assert t.ok("(Get-Command Set-CsOAuthConfiguration).Source") == "MicrosoftTeams\n"
