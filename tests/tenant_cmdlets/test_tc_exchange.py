"""Exchange Online cmdlets through the shell: connection, organization config, CAS, policies, audit."""
from __future__ import annotations

from tc_support import ADMIN, PromptHost, T, cred

NOT_RECOGNIZED = ("Get-OrganizationConfig: The term 'Get-OrganizationConfig' is not recognized as a name of a "
                  "cmdlet, function, script file, or executable program.\nCheck the spelling of the name, or if a "
                  "path was included, verify that the path is correct and try again.\n")


def test_exchange_cmdlets_do_not_exist_before_connecting():
    t = T()
    assert t.err("Get-OrganizationConfig") == NOT_RECOGNIZED
    t.exo()
    assert "contoso.onmicrosoft.com" in t.ok("Get-OrganizationConfig | Format-Table Name")
    t.ok("Disconnect-ExchangeOnline -Confirm:$false")
    assert t.err("Get-OrganizationConfig") == NOT_RECOGNIZED


def test_connect_prints_the_v3_banner_unless_hidden():
    t = T()
    out = t.ok(f"Connect-ExchangeOnline -Credential {cred(ADMIN)}")
    assert out.startswith("-" * 88 + "\nThis V3 EXO PowerShell module contains new REST API backed Exchange Online "
                          "cmdlets which doesn't require WinRM")
    assert "For more information check https://aka.ms/exov3-module" in out
    assert "Starting with EXO V3.7, use the LoadCmdletHelp parameter" in out
    assert t.ok(f"Connect-ExchangeOnline -Credential {cred(ADMIN)} -ShowBanner:$false") == ""


def test_mfa_documentation_commands_print_what_exchange_prints():
    """Acceptance (a): the two commands of the MFA documentation."""
    t = T().exo()
    assert t.ok("Get-OrganizationConfig | Format-Table name,*OAuth*") == (
        "\nName                    OAuth2ClientProfileEnabled\n"
        "----                    --------------------------\n"
        "contoso.onmicrosoft.com                       True\n\n")
    assert t.ok("Set-OrganizationConfig -OAuth2ClientProfileEnabled:$false") == ""
    assert "contoso.onmicrosoft.com                      False" in t.ok("Get-OrganizationConfig | Format-Table "
                                                                       "name,*OAuth*")
    assert t.ok("Set-OrganizationConfig -OAuth2ClientProfileEnabled:$true") == ""
    assert "contoso.onmicrosoft.com                       True" in t.ok("Get-OrganizationConfig | Format-Table "
                                                                       "name,*OAuth*")
    assert t.audit_ops(ADMIN) == ["Set-OrganizationConfig", "Set-OrganizationConfig"]


def test_connect_with_upn_prompts_for_the_password():
    host = PromptHost(credentials=[("", "Pass@word1")])
    t = T(host=host)
    t.ok("Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com -ShowBanner:$false")
    assert host.prompts[0][2] == "admin@contoso.onmicrosoft.com"
    assert t.ok("(Get-OrganizationConfig).Name") == "contoso.onmicrosoft.com\n"


def test_interactive_sign_in_with_a_texted_code_completes_mfa():
    """PattiF is Enabled with a phone: the prompt asks for the texted code, and completing MFA enforces her."""
    t = T()

    def texted_code() -> str:
        return t.tenant.phone_messages("+1 4255550101")[-1].Code

    host = PromptHost(credentials=[("", "Pass@word1")], lines=[texted_code])
    t.sh.host = t.sh.session.host = host
    t.ok("Connect-ExchangeOnline -UserPrincipalName PattiF@contoso.com -ShowBanner:$false")
    assert "Enter the code we sent to your phone" in host.stdout.getvalue()
    assert str(t.user("PattiF@contoso.com").mfa_state) == "Enforced"
    assert t.ok("(Get-OrganizationConfig).Name") == "contoso.onmicrosoft.com\n"


def test_connect_refusals():
    t = T()
    assert "AADSTS50126: Error validating credentials due to invalid username or password." in \
        t.err(f"Connect-ExchangeOnline -Credential {cred(ADMIN, 'Nope#1234')}")
    assert "AADSTS50057" in t.err(f"Connect-ExchangeOnline -Credential {cred('IsaiahL@contoso.com')}")
    assert "AADSTS50076" in t.err(f"Connect-ExchangeOnline -Credential {cred('AlexW@contoso.com')}")
    assert "AADSTS700016" in t.err("Connect-ExchangeOnline -AppId 36ee4c6c-0812-40a2-b820-b22ebd02bce3 "
                                   "-CertificateThumbprint 0123 -Organization contoso.onmicrosoft.com")
    assert "NonInteractive" in t.err("Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com")


def test_disconnect_asks_for_confirmation():
    t = T().exo()
    assert "NonInteractive" in t.err("Disconnect-ExchangeOnline")
    assert t.ok("(Get-OrganizationConfig).Name")
    host = PromptHost(confirms=["y"])
    t.sh.host = t.sh.session.host = host
    t.ok("Disconnect-ExchangeOnline")
    assert "is not recognized" in t.err("Get-OrganizationConfig")


def test_get_organization_config_default_display_is_a_long_list():
    out = T().exo().ok("Get-OrganizationConfig")
    lines = [ln for ln in out.splitlines() if ln.strip()]
    assert lines[0].startswith("Name ") and lines[0].endswith(": contoso.onmicrosoft.com")
    assert len(lines) > 100
    assert any(ln.startswith("OAuth2ClientProfileEnabled ") for ln in lines)


def test_set_organization_config_is_typed_and_validated():
    t = T().exo()
    t.ok("Set-OrganizationConfig -ActivityBasedAuthenticationTimeoutInterval 02:00:00 -MailTipsLargeAudienceThreshold 50 "
         "-EwsApplicationAccessPolicy EnforceAllowList -EwsAllowList 'CorpApp*','Other*'")
    out = t.ok("Get-OrganizationConfig | Format-List ActivityBased*Interval,MailTipsLargeAudienceThreshold,Ews*List")
    assert "ActivityBasedAuthenticationTimeoutInterval : 02:00:00" in out
    assert "MailTipsLargeAudienceThreshold             : 50" in out
    assert "{CorpApp*, Other*}" in out
    err = t.err("Set-OrganizationConfig -ActivityBasedAuthenticationTimeoutInterval 09:00:00 -AuditDisabled $true")
    assert err.startswith("Write-ErrorMessage: ExB10A0F|") and "out of range" in err
    assert t.ok("(Get-OrganizationConfig).AuditDisabled") == "False\n"
    assert "A parameter cannot be found that matches parameter name 'NoSuchSetting'" in \
        t.err("Set-OrganizationConfig -NoSuchSetting 1")
    assert "valid values are EnforceAllowList, EnforceBlockList" in \
        t.err("Set-OrganizationConfig -EwsApplicationAccessPolicy Sometimes")
    assert "available only in on-premises Exchange" in t.err("Get-OrganizationConfig -DomainController DC1")


def test_set_organization_config_whatif():
    t = T().exo()
    out = t.ok("Set-OrganizationConfig -OAuth2ClientProfileEnabled $false -WhatIf")
    assert out.startswith("What if: ")
    assert t.ok("(Get-OrganizationConfig).OAuth2ClientProfileEnabled") == "True\n"


def test_cas_mailboxes():
    t = T().exo()
    table = t.ok("Get-CASMailbox")
    assert table.splitlines()[1].split() == ["Name", "ActiveSyncEnabled", "OWAEnabled", "PopEnabled", "ImapEnabled",
                                             "MapiEnabled"]
    assert "JoniS" not in table
    t.ok("Set-CASMailbox AlexW@contoso.com -OWAEnabled $false -PopEnabled $false")
    assert t.ok("Get-CASMailbox AlexW | Format-List OWAEnabled,PopEnabled") == \
        "\nOWAEnabled : False\nPopEnabled : False\n\n"
    assert t.ok("(Get-CASMailbox -Filter 'PopEnabled -eq $false').Name") == "AlexW\n"
    err = t.err("Get-CASMailbox 'Jeff Hay'")
    assert err == ("Write-ErrorMessage: Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
                   "|The operation couldn't be performed because object 'Jeff Hay' couldn't be found on "
                   "'CONTOSO01.PROD.OUTLOOK.COM'.\n")
    assert "available only in on-premises" in t.err("Set-CASMailbox AlexW -DisplayName 'Alex W'")


def test_cas_mailbox_filters_combine_and_bad_ones_are_syntax_errors():
    t = T().exo()
    assert t.ok("(Get-CASMailbox -Filter \"PopEnabled -eq $true -and (Name -like 'A*')\").Name") == \
        "admin\nAdeleV\nAlexW\n"
    for text, pos in (("foo", 4), ("Name -eq", 9), ("(Name -eq 'a'", 14), ("-eq 'a'", 1)):
        err = t.err(f"Get-CASMailbox -Filter \"{text}\"")
        assert err.startswith("Get-CASMailbox: Cannot bind parameter 'Filter' to the target. Exception setting "
                              "\"Filter\": \"Invalid filter syntax."), err
        assert f'"{text}" at position {pos}.' in err


def test_result_size_warning():
    t = T(size=1300).exo()   # 1170 licensed synthetic users + 8 seeded mailboxes
    r = t.run("(Get-CASMailbox | Measure-Object).Count")
    assert r.stdout == "1000\n" and r.stderr.startswith("WARNING: By default, only the first 1000 items are returned.")
    assert t.ok("(Get-CASMailbox -ResultSize Unlimited | Measure-Object).Count").strip() != "1000"


def test_authentication_policies():
    t = T().exo()
    out = t.ok("New-AuthenticationPolicy -Name 'Engineering Group' -AllowBasicAuthImap")
    assert "AllowBasicAuthImap                 : True" in out
    t.ok("Set-AuthenticationPolicy -Identity 'Engineering Group' -AllowBasicAuthPop")
    t.ok("Set-AuthenticationPolicy -Identity 'Engineering Group' -AllowBasicAuthImap:$false")
    out = t.ok("Get-AuthenticationPolicy 'Engineering Group' | Format-List AllowBasicAuthImap,AllowBasicAuthPop")
    assert "AllowBasicAuthImap : False" in out and "AllowBasicAuthPop  : True" in out
    assert "already exists" in t.err("New-AuthenticationPolicy -Name 'Engineering Group'")
    t.ok("Set-OrganizationConfig -DefaultAuthenticationPolicy 'Engineering Group'")
    assert "DefaultAuthenticationPolicy" in t.err("Remove-AuthenticationPolicy 'Engineering Group' -Confirm:$false")
    t.ok("Set-OrganizationConfig -DefaultAuthenticationPolicy $null")
    assert "NonInteractive" in t.err("Remove-AuthenticationPolicy 'Engineering Group'")
    t.ok("Remove-AuthenticationPolicy 'Engineering Group' -Confirm:$false")
    assert t.ok("Get-AuthenticationPolicy") == ""
    assert "couldn't be found" in t.err("Get-AuthenticationPolicy -Identity Nope")
    assert t.run("Get-AuthenticationPolicy -AllowLegacyExchangeTokens").stderr == \
        "WARNING: Legacy Exchange Online tokens are disabled\n"


def test_search_unified_audit_log():
    t = T().msol().exo()
    t.ok("Set-MsolUser -UserPrincipalName MeganB@contoso.com -City Boston; "
         "Set-OrganizationConfig -OAuth2ClientProfileEnabled $false")
    objs = t.objs("Search-UnifiedAuditLog -StartDate 2024-03-01 -EndDate 2024-03-02")
    from o365shell.engine.objects import get_value
    assert [get_value(o, "Operations") for o in objs] == ["Set-OrganizationConfig", "Update user."]
    assert get_value(objs[0], "RecordType") == "ExchangeAdmin"
    assert get_value(objs[1], "UserIds") == ADMIN
    assert t.ok("(Search-UnifiedAuditLog -StartDate 3/1/2024 -EndDate 3/2/2024 -Operations 'Update user' "
                "-UserIds admin@contoso.onmicrosoft.com).Operations") == "Update user.\n"
    assert t.ok("Search-UnifiedAuditLog -StartDate 2023-01-01 -EndDate 2023-01-02") == ""
    assert t.ok("(Search-UnifiedAuditLog -StartDate 2024-03-01 -EndDate 2024-03-02 -RecordType ExchangeAdmin)"
                ".Count") == "1\n"
    assert "end date must be later" in t.err("Search-UnifiedAuditLog -StartDate 2024-03-02 -EndDate 2024-03-01")


def test_exchange_rbac_hides_cmdlets():
    t = T().exo("MeganB@contoso.com")
    assert "is not recognized" in t.err("Set-OrganizationConfig -OAuth2ClientProfileEnabled $false")
    assert "is not recognized" in t.err("Get-OrganizationConfig")
    t = T().exo("PattiF@contoso.com")
    t.ok("Set-OrganizationConfig -OAuth2ClientProfileEnabled $false")
    assert t.audit_ops("PattiF@contoso.com") == ["Set-OrganizationConfig"]
