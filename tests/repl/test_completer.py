"""Tab completion, computed from the session's declarations (no terminal)."""
from __future__ import annotations

import os

import pytest

from o365shell.embed import Shell
from o365shell.repl.completer import MAX_CANDIDATES, ShellCompleter, member_names
from o365shell.repl.context import analyze


@pytest.fixture(scope="module")
def shell():
    sh = Shell(noninteractive=False)
    sh.run("Connect-MsolService -Credential (Get-LabCredential -UserPrincipalName admin@contoso.onmicrosoft.com)")
    sh.run("$u = Get-MsolUser -UserPrincipalName AlexW@contoso.com; $Users = Get-MsolUser; $Greeting = 'hi'")
    sh.run("function Get-LabReport { param([ValidateSet('Short','Long')][string]$Kind, [string]$Owner) $Kind }")
    sh.run("function Test-Upn { param([string]$UserId) $UserId }")
    return sh


@pytest.fixture(scope="module")
def comp(shell):
    c = ShellCompleter(lambda: shell.session)
    c.note_line("$u = 1; $Users = 2; $Greeting = 3")
    return c


def texts(comp, line):
    return [c.text for c in comp.complete_text(line).candidates]


def test_cmdlet_names_by_prefix(comp):
    got = texts(comp, "Get-Msol")
    assert "Get-MsolUser" in got and "Get-MsolRole" in got and "Get-MsolDomain" in got
    assert all(t.lower().startswith("get-msol") for t in got)
    assert got == sorted(got, key=str.lower)


def test_cmdlet_names_case_insensitive_and_wildcards(comp):
    assert "Set-MsolUser" in texts(comp, "set-msolu")
    got = texts(comp, "*-MsolRole*")
    assert {"Get-MsolRole", "Get-MsolRoleMember", "Add-MsolRoleMember", "Remove-MsolRoleMember"} <= set(got)


def test_function_and_alias_names(comp):
    assert "Get-LabReport" in texts(comp, "Get-LabRep")
    assert "gcm" in texts(comp, "gc")


def test_exchange_cmdlets_hidden_until_connected(comp):
    assert "Get-OrganizationConfig" not in texts(comp, "Get-Organization")


def test_parameter_names(comp):
    got = texts(comp, "Set-MsolUser -Str")
    assert "-StrongAuthenticationRequirements" in got and "-StrongAuthenticationMethods" in got
    assert texts(comp, "Set-MsolUser -StrongAuthenticationR") == ["-StrongAuthenticationRequirements"]


def test_parameter_types_shown(comp):
    res = comp.complete_text("Set-MsolUser -BlockC")
    assert [(c.text, c.meta) for c in res.candidates] == [("-BlockCredential", "[Boolean]")]


def test_parameters_already_given_are_not_offered(comp):
    got = texts(comp, "Get-MsolUser -MaxResults 5 -M")
    assert "-MaxResults" not in got


def test_parameter_sets_narrow_the_choice(comp):
    # -UserPrincipalName is in its own parameter set: -SearchString (list set) is no longer possible
    got = texts(comp, "Get-MsolUser -UserPrincipalName x -S")
    assert "-SearchString" not in got
    assert "-SearchString" in texts(comp, "Get-MsolUser -S")


def test_function_parameters_and_validate_set(comp):
    assert texts(comp, "Get-LabReport -K") == ["-Kind"]
    assert texts(comp, "Get-LabReport -Kind ") == ["Short", "Long"]


def test_validate_set_and_enum_values(comp):
    assert texts(comp, "Get-MfaUser -State En") == ["Enabled", "Enforced"]
    assert texts(comp, "Get-MsolUser -EnabledFilter ") == ["All", "EnabledOnly", "DisabledOnly"]
    assert "Date" in texts(comp, "Get-Date -DisplayHint ")
    assert texts(comp, "Get-MsolUser -ErrorAction Si") == ["SilentlyContinue"]
    assert texts(comp, "Set-MsolUser -BlockCredential ") == ["$true", "$false"]


def test_positional_value(comp):
    assert texts(comp, "Get-MfaUser Enf") == ["Enforced"]


def test_upns_from_the_tenant(comp):
    assert texts(comp, "Get-MsolUser -UserPrincipalName Meg") == ["MeganB@contoso.com"]
    assert texts(comp, "Set-MsolUser -UserPrincipalName a") == ["AdeleV@contoso.com", "admin@contoso.onmicrosoft.com",
                                                                "AlexW@contoso.com"]
    assert texts(comp, "Test-Upn -UserId pat") == ["PattiF@contoso.com"]
    assert texts(comp, "Get-MsolUser -UserPrincipalName:Meg") == ["MeganB@contoso.com"]


def test_upn_quoted_when_the_word_is_a_string(comp):
    assert texts(comp, "Get-MsolUser -UserPrincipalName 'zz") == []
    assert texts(comp, "Get-MsolUser -UserPrincipalName 'jo") == ["'JoniS@contoso.com'"]


def test_upn_after_a_comma(comp):
    assert texts(comp, "Enable-MfaUser -UserPrincipalName AdeleV@contoso.com, Meg") == ["MeganB@contoso.com"]


def test_upn_index_follows_tenant_changes(shell, comp):
    assert texts(comp, "Get-MsolUser -UserPrincipalName newbie") == []
    shell.run("New-MsolUser -UserPrincipalName newbie@contoso.com -DisplayName Newbie | Out-Null")
    assert texts(comp, "Get-MsolUser -UserPrincipalName newbie") == ["newbie@contoso.com"]


def test_help_and_get_command_complete_command_names(comp):
    assert "Get-MsolUser" in texts(comp, "Get-Help Get-MsolU")
    assert "Get-MsolUser" in texts(comp, "Get-Command -Name Get-MsolU")


def test_variables(comp):
    assert "$Greeting" in texts(comp, "$Gr")
    assert "$PSVersionTable" in texts(comp, "$PSVer")
    assert "$env:PATH" in texts(comp, "$env:PAT")


def test_members_of_a_variable(comp):
    got = texts(comp, "$u.StrongAuth")
    assert "$u.StrongAuthenticationRequirements" in got and "$u.StrongAuthenticationMethods" in got
    assert "$u.DisplayName" in texts(comp, "$u.Disp")
    assert "$Greeting.ToUpper(" in texts(comp, "$Greeting.ToU")
    assert "$Greeting.Length" in texts(comp, "$Greeting.Len")


def test_members_through_a_chain_and_an_index(comp):
    assert "$Users[0].UserPrincipalName" in texts(comp, "$Users[0].UserP")
    assert "$Users.UserPrincipalName" in texts(comp, "$Users.UserP")      # member enumeration
    got = texts(comp, "$u.StrongAuthenticationRequirements.")
    assert "$u.StrongAuthenticationRequirements.Count" in got


def test_members_in_a_script_block(comp):
    assert "$u.DisplayName" in texts(comp, "Get-MsolUser | Where-Object { $u.Disp")


def test_member_names_of_a_custom_object(shell):
    obj = shell.invoke("[pscustomobject]@{ Name = 'a'; Count = 2 } | Add-Member -MemberType ScriptMethod -Name Go "
                       "-Value { 1 } -PassThru")[0]
    names = dict(member_names(obj))
    assert names["Name"] is False and names["Count"] is False and names["Go"] is True


def test_paths(comp, tmp_path, shell):
    (tmp_path / "users.csv").write_text("x")
    (tmp_path / "My Reports").mkdir()
    shell.session.location = str(tmp_path)
    try:
        assert texts(comp, "Import-Csv -Path us") == ["./users.csv"]
        assert texts(comp, "Get-ChildItem My") == ["'./My Reports/'"]
        assert texts(comp, f"Get-Content {tmp_path}/us") == [f"{tmp_path}/users.csv"]
        assert texts(comp, "./us") == ["./users.csv"]
    finally:
        shell.session.location = os.getcwd()


def test_nothing_in_a_comment(comp):
    assert texts(comp, "# Get-Msol") == []


def test_many_matches_are_capped(shell):
    big = Shell(tenant_size=MAX_CANDIDATES + 50)
    c = ShellCompleter(lambda: big.session)
    res = c.complete_text("Get-MsolUser -UserPrincipalName user")
    assert len(res.candidates) == MAX_CANDIDATES and res.total == MAX_CANDIDATES + 50


def test_context_analysis():
    ctx = analyze("Get-MsolUser | Where-Object { $_.IsLicensed } | Set-MsolUser -Block")
    assert ctx.command == "Set-MsolUser" and ctx.word == "-Block"
    ctx = analyze("foreach ($u in $users) { Set-MsolUser -UserPrincipalName $u.UserPrincipalName -Str")
    assert ctx.command == "Set-MsolUser" and ctx.elements == ["-UserPrincipalName", "$u.UserPrincipalName"]
    ctx = analyze("$x = Get-Ms")
    assert ctx.command_position and ctx.word == "Get-Ms"
    ctx = analyze("Get-Content 'My Fi")
    assert ctx.quote == "'" and ctx.text == "My Fi"
