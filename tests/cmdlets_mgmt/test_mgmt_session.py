"""Get-Command, Get-Help, modules, history, transcripts, Clear-Host, execution policy, strict mode,
Get-PSCallStack."""
from __future__ import annotations

import os
import re

import pytest
from mgmt_support import lines, ps, sh  # noqa: F401  (fixtures)

MY_MODULES = ("management", "content", "paths", "items", "items_move", "location", "session_cmdlets", "modules",
              "powershellget", "helpsystem", "history")


def my_cmdlets() -> list[type]:
    import importlib

    from o365shell.engine.cmdlet import REGISTRY
    for m in MY_MODULES:
        importlib.import_module(f"o365shell.cmdlets.{m}")
    return sorted((c for c in REGISTRY.values() if c.__module__.rsplit(".", 1)[-1] in MY_MODULES),
                  key=lambda c: c.name)


# ----------------------------------------------------------------------------- Get-Command

def test_get_command_exact_names(ps):
    r = ps("Get-Command Get-Content, gci, mkdir | ForEach-Object { \"$($_.CommandType) $($_.Name)\" }")
    assert r.stdout.split("\n")[:3] == ["Cmdlet Get-Content", "Alias gci", "Function mkdir"]


def test_get_command_table(ps):
    out = lines(ps("Get-Command Get-Content").stdout)
    assert out[0] == "CommandType     Name                                               Version    Source"
    assert re.match(r"^Cmdlet\s{10}Get-Content\s+7\.0\.0\.0\s+Microsoft\.PowerShell\.Management$", out[2])


def test_get_command_wildcard_sorted_by_type_then_name(ps):
    r = ps("function Get-ZLocal { }; function Get-ALocal { }; "
           "Get-Command *Local*, *-Location, p?d | ForEach-Object { \"$($_.CommandType):$($_.Name)\" }")
    assert r.stdout.split() == ["Alias:pwd", "Function:Get-ALocal", "Function:Get-ZLocal", "Cmdlet:Get-Location",
                                "Cmdlet:Pop-Location", "Cmdlet:Push-Location", "Cmdlet:Set-Location"]


def test_get_command_unknown_name(ps):
    r = ps("Get-Command Get-NoSuchThing; 'after'")
    assert r.stdout == "after\n"
    assert r.stderr.startswith("Get-Command: The term 'Get-NoSuchThing' is not recognized as a name of a cmdlet, "
                               "function, script file, or executable program.")
    r = ps("Get-Command nope -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId; "
           "$Error[0].Exception.GetType().Name")
    assert r.stdout.split() == ["CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand",
                                "CommandNotFoundException"]


def test_get_command_wildcard_without_match_is_silent(ps):
    r = ps("Get-Command *NoSuchThingAtAll*; 'ok'")
    assert r.stdout == "ok\n" and r.stderr == ""


def test_get_command_verb_noun_module(ps):
    assert ps("(Get-Command -Noun Content).Name").stdout.split() == ["Add-Content", "Clear-Content", "Get-Content",
                                                                      "Set-Content"]
    r = ps("(Get-Command -Verb Push, Pop).Name")
    assert r.stdout.split() == ["Pop-Location", "Push-Location"]
    r = ps("Get-Command -Module Microsoft.PowerShell.Management -Verb Get | ForEach-Object Source | "
           "Select-Object -Unique")
    assert r.stdout == "Microsoft.PowerShell.Management\n"


def test_get_command_command_type(ps):
    r = ps("function gcx { }; (Get-Command gc* -CommandType Function, Alias).Name")
    assert r.stdout.split() == ["gc", "gci", "gcm", "gcx"]
    r = ps("Get-Command -CommandType Foo")
    assert "Cannot bind parameter 'CommandType'. Cannot convert value \"Foo\" to type " \
           "\"System.Management.Automation.CommandTypes\"." in r.stderr


def test_get_command_total_count_and_parameter_name(ps):
    assert ps("(Get-Command -TotalCount 3).Count").stdout == "3\n"
    names = ps("(Get-Command -ParameterName LiteralPath -Module Microsoft.PowerShell.Management).Name").stdout
    assert "Get-Content" in names.split() and "Join-Path" not in names.split()


def test_get_command_syntax(ps):
    r = ps("Get-Command Get-Content -Syntax")
    text = r.stdout
    assert "Get-Content [-Path] <string[]> [-ReadCount <long>] [-TotalCount <long>] [-Tail <int>]" in text
    assert "Get-Content -LiteralPath <string[]>" in text
    assert "[-Encoding <Encoding>]" in text and text.count("[<CommonParameters>]") == 2
    r = ps("Get-Command ls -Syntax")
    assert r.stdout.startswith("ls (alias) -> Get-ChildItem\n")


def test_get_command_lists_functions_from_scopes(ps):
    r = ps("function Outer { function Inner { }; (Get-Command Inner).CommandType }; Outer; "
           "(Get-Command Inner -ErrorAction SilentlyContinue) -eq $null")
    assert r.stdout.split() == ["Function", "True"]


def test_get_command_info_members(ps):
    r = ps("$c = Get-Command Get-ChildItem; $c.Verb; $c.Noun; $c.ModuleName; $c.Parameters.ContainsKey('Recurse')")
    assert r.stdout.split() == ["Get", "ChildItem", "Microsoft.PowerShell.Management", "True"]


# ----------------------------------------------------------------------------- Get-Help

def test_help_for_every_cmdlet_is_complete(ps):
    """Every cmdlet of these modules has a synopsis, a description, parameter help and examples."""
    for cls in my_cmdlets():
        doc = (cls.__doc__ or "").strip().split("\n")
        assert doc[0].strip().endswith("."), cls.name
        assert cls.examples, cls.name
        for p in cls.metadata.own:
            assert p.help, f"{cls.name} -{p.name}"
        r = ps(f"Get-Help {cls.name} -Full")
        assert r.stderr == "", (cls.name, r.stderr)
        assert f"NAME\n    {cls.name}\n" in r.stdout and "SYNTAX" in r.stdout and "EXAMPLE 1" in r.stdout


def test_help_default_view(ps):
    out = ps("Get-Help Get-Content").stdout
    assert out.startswith("\nNAME\n    Get-Content\n\nSYNOPSIS\n    Gets the content of the item at the specified "
                          "location.\n")
    assert "    Get-Content [-Path] <String[]> [-ReadCount <Int64>]" in out
    assert "DESCRIPTION" in out and "PARAMETERS" not in out
    assert 'To see the examples, type: "get-help Get-Content -examples".' in out


def test_help_through_alias_and_help_man(ps):
    a = ps("Get-Help gc").stdout
    assert "NAME\n    Get-Content" in a
    assert ps("help Get-Content").stdout == a == ps("man Get-Content").stdout


def test_help_full_parameter_blocks(ps):
    out = ps("Get-Help Test-Path -Full").stdout
    block = out[out.index("    -PathType <TestPathType>"):]
    assert "        Required?                    false\n" in block
    assert "        Aliases                      Type\n" in block
    out = ps("Get-Help Get-Content -Full").stdout
    block = out[out.index("    -Path <String[]>"):]
    assert "        Required?                    true\n        Position?                    0\n" in block
    assert "        Accept pipeline input?       True (ByPropertyName)\n" in block
    assert "        Accept wildcard characters?  true\n" in block
    block = out[out.index("    -LiteralPath <String[]>"):]
    assert "        Aliases                      PSPath, LP\n" in block


def test_help_detailed_and_examples(ps):
    out = ps("Get-Help Split-Path -Detailed").stdout
    assert "PARAMETERS" in out and "EXAMPLE 1" in out and "Required?" not in out
    out = ps("Get-Help Split-Path -Examples").stdout
    assert "SYNTAX" not in out and "PS > Split-Path -Path /home/admin/report.csv -Leaf" in out


def test_help_parameter(ps):
    out = ps("Get-Help Get-ChildItem -Parameter Recurse").stdout
    assert out.startswith("\n    -Recurse\n")
    r = ps("Get-Help Get-Content -Parameter Nope")
    assert "Get-Help: No parameter matches criteria Nope." in r.stderr


def test_help_object_properties(ps):
    r = ps("$h = Get-Help Get-Item; $h.Name; $h.Category; $h.ModuleName; $h.Synopsis")
    assert r.stdout.split("\n")[:4] == ["Get-Item", "Cmdlet", "Microsoft.PowerShell.Management",
                                        "Gets the item at the specified location."]


def test_help_for_function_with_comment_before(ps):
    script = '''
<#
.SYNOPSIS
    Enables MFA for a user.
.DESCRIPTION
    Sets the per-user MFA state to Enabled.
.PARAMETER UserPrincipalName
    The user's UPN.
.EXAMPLE
    Enable-Thing -UserPrincipalName a@contoso.com
    Enables MFA for a.
.NOTES
    Lab helper.
.LINK
    about_Per_User_MFA
#>
function Enable-Thing {
    [CmdletBinding()]
    param([Parameter(Mandatory)][string]$UserPrincipalName, [switch]$Force, [int]$Days = 30)
}
'''
    out = ps(script + "Get-Help Enable-Thing -Full").stdout
    assert "SYNOPSIS\n    Enables MFA for a user.\n" in out
    assert "DESCRIPTION\n    Sets the per-user MFA state to Enabled.\n" in out
    assert "    Enable-Thing [-UserPrincipalName] <String> [[-Days] <Int32>] [-Force] [<CommonParameters>]" in out
    assert "    -UserPrincipalName <String>\n        The user's UPN.\n" in out
    assert "        Default value                30\n" in out
    assert "PS > Enable-Thing -UserPrincipalName a@contoso.com" in out and "Enables MFA for a." in out
    assert "NOTES\n    Lab helper." in out and "RELATED LINKS\n    about_Per_User_MFA" in out
    block = out[out.index("    -Force"):]
    assert "        Position?                    Named\n" in block


def test_help_for_function_with_comment_inside_and_at_end(ps):
    r = ps("function Get-Inner {\n  <#\n  .SYNOPSIS\n  Inner help.\n  #>\n  param($A)\n}\n"
           "function Get-End {\n  param($B)\n  1\n  # .SYNOPSIS\n  # End help.\n}\n"
           "(Get-Help Get-Inner).Synopsis; (Get-Help Get-End).Synopsis")
    assert r.stdout == "Inner help.\nEnd help.\n"


def test_help_comment_too_far_from_function_is_ignored(ps):
    r = ps("<#\n.SYNOPSIS\nFar away.\n#>\n\n\n\nfunction Get-Far { }\n(Get-Help Get-Far).Synopsis")
    assert r.stdout.strip() == ""


def test_help_for_function_without_help(ps):
    out = ps("function NoHelp { param($C) }; Get-Help NoHelp").stdout
    assert "NAME\n    NoHelp" in out and "NoHelp [[-C] <Object>]" in out


def test_help_for_script_file(ps, tmp_path):
    (tmp_path / "report.ps1").write_text("#Requires -Version 5.1\n<#\n.SYNOPSIS\nReports MFA states.\n"
                                         ".PARAMETER Path\nWhere to write.\n#>\nparam([string]$Path = 'out.csv')\n")
    out = ps("Get-Help ./report.ps1 -Full").stdout
    assert "SYNOPSIS\n    Reports MFA states." in out
    assert "    -Path <String>\n        Where to write." in out
    assert "        Default value                out.csv\n" in out


def test_help_about_topics(ps):
    for topic in ("about_o365shell", "about_MFA_Lab", "about_Per_User_MFA"):
        out = ps(f"Get-Help {topic}").stdout
        assert f"TOPIC\n    {topic}\n" in out and "SHORT DESCRIPTION" in out
    assert "TOPIC\n    about_Per_User_MFA" in ps("Get-Help about_per_user_mfa").stdout


def test_help_topic_list_for_wildcards(ps):
    out = lines(ps("Get-Help *-Location").stdout)
    assert out[0].split() == ["Name", "Category", "Module", "Synopsis"]
    assert [ln.split()[0] for ln in out[2:]] == ["Get-Location", "Pop-Location", "Push-Location", "Set-Location"]
    assert [ln.split()[0] for ln in lines(ps("Get-Help about_*").stdout)[2:]] == \
        ["about_MFA_Lab", "about_o365shell", "about_Per_User_MFA"]


def test_help_partial_name_with_one_match_shows_the_topic(ps):
    out = ps("Get-Help Get-PSCallSt").stdout
    assert "NAME\n    Get-PSCallStack" in out


def test_help_not_found(ps):
    r = ps("Get-Help NoSuchTopicAnywhere; 'after'")
    assert r.stdout == "after\n"
    assert "Get-Help: Get-Help could not find NoSuchTopicAnywhere in a help file in this session. To download " \
           "updated help topics type: \"Update-Help\"." in r.stderr
    r = ps("Get-Help nope -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId")
    assert r.stdout == "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand\n"


def test_help_online_has_no_browser(ps):
    r = ps("Get-Help Test-Path -Online")
    assert "no web browser" in r.stderr
    assert "https://learn.microsoft.com/powershell/module/microsoft.powershell.management/test-path" in r.stderr


def test_help_without_name(ps):
    assert "Get-Help <cmdlet-name>" in ps("Get-Help").stdout


def test_help_category_filter(ps):
    out = ps("Get-Help *-Content -Category Cmdlet").stdout
    assert "Get-Content" in out
    out = ps("Get-Help *mfa* -Category HelpFile").stdout
    assert "about_MFA_Lab" in out and "Cmdlet" not in out


# ----------------------------------------------------------------------------- modules

def test_get_module_after_import(ps):
    r = ps("Import-Module MSOnline; Get-Module MSOnline | ForEach-Object { \"$($_.Name) $($_.Version) "
           "$($_.ModuleType)\" }")
    assert r.stdout == "MSOnline 1.1.183.81 Manifest\n"


def test_get_module_table(ps):
    out = lines(ps("Import-Module ExchangeOnlineManagement; Get-Module ExchangeOnlineManagement").stdout)
    assert out[0] == "ModuleType Version    PreRelease Name                                ExportedCommands"
    assert re.match(r"^Script\s+3\.4\.0\s+ExchangeOnlineManagement\s+\{", out[2])


def test_module_imported_by_first_use(ps):
    r = ps("(Get-Module Microsoft.PowerShell.Management) -eq $null; $null = Test-Path x; "
           "(Get-Module Microsoft.PowerShell.Management).Name")
    assert r.stdout.split() == ["True", "Microsoft.PowerShell.Management"]


def test_get_module_list_available(ps):
    r = ps("(Get-Module -ListAvailable).Name")
    names = r.stdout.split()
    for n in ("MSOnline", "ExchangeOnlineManagement", "Microsoft.Graph.Authentication", "Microsoft.Graph.Users",
              "Microsoft.Graph.Identity.SignIns", "Microsoft.Graph.Beta.Identity.SignIns",
              "Microsoft.PowerShell.Management", "Microsoft.PowerShell.Utility"):
        assert n in names
    out = ps("Get-Module -ListAvailable MSOnline").stdout
    assert "    Directory: " in out and "PSEdition" in out


def test_import_module_pass_thru_force_and_ipmo(ps):
    r = ps("(Import-Module MSOnline -PassThru -Force).Name; (ipmo Microsoft.Graph.Users -PassThru).Version.ToString()")
    assert r.stdout.split()[0] == "MSOnline" and r.stdout.split()[1].startswith("2.")


def test_import_module_unknown(ps):
    r = ps("Import-Module AzureAD; 'after'")
    assert r.stdout == "after\n"
    assert "Import-Module: The specified module 'AzureAD' was not loaded because no valid module file was found in " \
           "any module directory." in r.stderr
    r = ps("Import-Module AzureAD -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId; "
           "$Error[0].Exception.GetType().FullName")
    assert r.stdout.split() == ["Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand",
                                "System.IO.FileNotFoundException"]


def test_import_module_use_windows_powershell_warns(ps):
    r = ps("Import-Module MSOnline -UseWindowsPowerShell")
    assert "WARNING: Module MSOnline is loaded in Windows PowerShell using WinPSCompatSession remoting session" \
        in r.stderr


def test_import_script_module(ps, tmp_path):
    (tmp_path / "MyTools.psm1").write_text("function Get-Tool { 'tool!' }\n")
    r = ps("Import-Module ./MyTools.psm1; Get-Tool; (Get-Module MyTools).ModuleType; "
           "(Get-Command Get-Tool).CommandType")
    assert r.stdout.split() == ["tool!", "Script", "Function"]


def test_remove_module(ps):
    r = ps("Import-Module MSOnline; Remove-Module MSOnline; (Get-Module MSOnline) -eq $null; Remove-Module Nope")
    assert r.stdout == "True\n"
    assert "No modules were removed. Verify that the specification of modules to remove is correct and those " \
           "modules exist in the runspace." in r.stderr


def test_install_module_known_and_unknown(ps):
    r = ps("Install-Module MSOnline")
    assert r.stdout == ""
    assert "WARNING: Version '1.1.183.81' of module 'MSOnline' is already installed at" in r.stderr
    assert ps("Install-Module MSOnline -Force -Scope CurrentUser").stderr == ""
    r = ps("Install-Module AzureAD")
    assert "No match was found for the specified search criteria and module name 'AzureAD'. Try Get-PSRepository " \
           "to see all available registered module repositories." in r.stderr


def test_installed_find_update_uninstall(ps):
    assert "MSOnline" in ps("(Get-InstalledModule).Name").stdout.split()
    assert ps("(Get-InstalledModule ExchangeOnlineManagement).Version.ToString()").stdout == "3.4.0\n"
    r = ps("Get-InstalledModule AzureAD")
    assert "No match was found for the specified search criteria and module names 'AzureAD'." in r.stderr
    assert ps("(Find-Module Microsoft.Graph.*).Count -ge 4").stdout == "True\n"
    assert "No match was found" in ps("Find-Module Nope").stderr
    r = ps("Update-Module MSOnline; Update-Module Nope")
    assert "Module 'Nope' was not installed by using Install-Module, so it cannot be updated." in r.stderr
    assert "cannot be uninstalled" in ps("Uninstall-Module MSOnline").stderr
    assert ps("(Get-PSRepository).Name").stdout == "PSGallery\n"


# ----------------------------------------------------------------------------- history

def _add(sh, *lines_):
    from o365shell.cmdlets.history import add_history
    for ln in lines_:
        add_history(sh.session, ln)


def test_get_history(ps, sh):
    _add(sh, "Get-Date", "'hello'")
    sh.session.history.append("1 + 1")   # a plain string from a host is numbered too
    out = lines(ps("Get-History").stdout)
    assert out[0] == "  Id     Duration CommandLine"
    assert [ln.split()[0] for ln in out[2:]] == ["1", "2", "3"]
    assert out[4].endswith("1 + 1")
    r = ps("(Get-History -Count 1).CommandLine; (Get-History 2).CommandLine; (h).Count")
    assert r.stdout.split("\n")[:3] == ["1 + 1", "'hello'", "3"]
    assert "Cannot locate history for Id 42." in ps("Get-History 42").stderr


def test_invoke_history(ps, sh):
    _add(sh, "'first'", "1 + 1")
    assert ps("Invoke-History").stdout == "1 + 1\n2\n"
    assert ps("r 1").stdout == "'first'\nfirst\n"
    assert ps("ihy \"'fi\"").stdout == "'first'\nfirst\n"
    r = ps("r 99")
    assert "Cannot locate history for Id 99." in r.stderr


def test_invoke_history_empty(ps):
    assert "Cannot locate most recent history." in ps("Invoke-History").stderr


def test_invoke_history_runs_in_the_current_scope(ps, sh):
    _add(sh, "$fromHistory = 5")
    assert ps("r; $fromHistory").stdout == "$fromHistory = 5\n5\n"


def test_clear_history(ps, sh):
    _add(sh, "a", "b", "Set-Secret -Password x", "c")
    assert ps("Clear-History -CommandLine *Password*; (Get-History).CommandLine").stdout.split() == ["a", "b", "c"]
    assert ps("Clear-History -Id 1; (Get-History).Id").stdout.split() == ["2", "4"]
    assert ps("Clear-History; (Get-History).Count").stdout == "0\n"


# ----------------------------------------------------------------------------- transcripts

def test_transcript_records_host_output(sh, tmp_path):
    r = sh.run("Start-Transcript -Path tr.txt")
    assert r.stdout == f"Transcript started, output file is {tmp_path / 'tr.txt'}\n"
    sh.run("'line one'; Write-Host 'host text'; Write-Warning 'careful'; Get-Content nope.txt")
    r = sh.run("Stop-Transcript")
    assert r.stdout == f"Transcript stopped, output file is {tmp_path / 'tr.txt'}\n"
    sh.run("'after the transcript'")
    text = (tmp_path / "tr.txt").read_text()
    assert text.startswith("**********************\nPowerShell transcript start\nStart time: ")
    assert "\nPSVersion: 7.4.6\n" in text
    for expected in ("line one\n", "host text\n", "WARNING: careful\n", "Cannot find path '",
                     "**********************\nPowerShell transcript end\nEnd time: "):
        assert expected in text
    assert "after the transcript" not in text


def test_transcript_append_minimal_header_and_output_directory(sh, tmp_path):
    sh.run("Start-Transcript tr.txt -UseMinimalHeader; Stop-Transcript")
    sh.run("Start-Transcript tr.txt -Append; 'second'; Stop-Transcript")
    text = (tmp_path / "tr.txt").read_text()
    assert text.count("PowerShell transcript start") == 2 and "Username:" in text
    assert text.split("PowerShell transcript start")[1].split("**********************")[0].count("\n") == 2
    r = sh.run("Start-Transcript -OutputDirectory logs; Stop-Transcript")
    assert re.search(r"PowerShell_transcript\.[^.]+\.[0-9a-f]{8}\.\d{14}\.txt", r.stdout)
    assert len(os.listdir(tmp_path / "logs")) == 1


def test_stop_transcript_without_start(ps):
    r = ps("Stop-Transcript")
    assert "Stop-Transcript: An error occurred stopping transcription: The host is not currently transcribing." \
        in r.stderr


def test_transcript_restores_the_host(sh):
    host = sh.session.host
    before = {n: host.__dict__.get(n) for n in ("write_line", "write_host", "write_error")}
    sh.run("Start-Transcript t.txt; Stop-Transcript")
    assert {n: host.__dict__.get(n) for n in before} == before


# ----------------------------------------------------------------------------- misc

def test_clear_host_calls_the_host(sh):
    calls = []
    sh.session.host.clear = lambda: calls.append(1)
    sh.run("Clear-Host; cls; clear")
    assert calls == [1, 1, 1]


def test_execution_policy(ps):
    assert ps("Get-ExecutionPolicy").stdout == "Unrestricted\n"
    out = lines(ps("Get-ExecutionPolicy -List").stdout)
    assert out[0].split() == ["Scope", "ExecutionPolicy"]
    assert out[-1].split() == ["LocalMachine", "Unrestricted"] and out[2].split() == ["MachinePolicy", "Undefined"]
    r = ps("Set-ExecutionPolicy RemoteSigned -Scope CurrentUser; 'continues'")
    assert r.stdout == "continues\n"
    assert "Set-ExecutionPolicy: Operation is not supported on this platform." in r.stderr
    assert "Cannot convert value" in ps("Set-ExecutionPolicy Whatever").stderr


def test_set_strict_mode_versions_and_off(ps):
    undefined = "The variable '$nope' cannot be retrieved because it has not been set."
    missing = "The property 'b' cannot be found on this object. Verify that the property exists."
    r = ps("$o = [pscustomobject]@{ a = 1 }; $o.b; \"[$nope]\"; $nope; 'loose'")
    assert (r.stdout, r.stderr) == ("[]\nloose\n", "")
    r = ps("Set-StrictMode -Version 1.0; \"[$nope]\"; $o.b; $nope")
    assert r.stdout == "[]\n" and r.stderr == f"InvalidOperation: {undefined}\n"
    r = ps("Set-StrictMode -Version 2.0; $o.b")
    assert r.stderr == f"PropertyNotFoundException: {missing}\n"
    r = ps("Set-StrictMode -Version Latest; try { \"x $nope\" } catch { $_.FullyQualifiedErrorId }; "
           "try { $o.b } catch { $_.FullyQualifiedErrorId }; $h = @{}; $null -eq $h.missing; $env:O365SHELL_NOT_SET")
    assert (r.stdout, r.stderr) == ("VariableIsUndefined\nPropertyNotFoundStrict\nTrue\n", "")
    r = ps("Set-StrictMode -Off; $nope; $o.b; 'off'")
    assert (r.stdout, r.stderr) == ("off\n", "")
    assert "The 5.0 version is not valid" in ps("Set-StrictMode -Version 5.0").stderr


def test_strict_mode_3_forbids_reading_past_the_end_of_an_array(ps):
    r = ps("$a = 1, 2; Set-StrictMode -Version 2.0; $null -eq $a[5]; Set-StrictMode -Version Latest; $a[-1]; $a[5]")
    assert r.stdout == "True\n2\n"
    assert r.stderr == "OperationStopped: Index was outside the bounds of the array.\n"


def test_strict_mode_applies_to_the_scope_and_its_children(ps):
    r = ps("function inner { $x }; function outer { Set-StrictMode -Version Latest; inner }\n"
           "try { outer } catch { 'child: ' + $_.FullyQualifiedErrorId }; $x; 'caller unaffected'")
    assert (r.stdout, r.stderr) == ("child: VariableIsUndefined\ncaller unaffected\n", "")


def test_host_and_profile_variables_exist(ps):
    r = ps("$Host.Name; $Host.Version.Major; $PROFILE.EndsWith('Microsoft.PowerShell_profile.ps1')")
    assert r.stdout == "ConsoleHost\n7\nTrue\n"


def test_get_pscallstack(ps):
    r = ps("function Show-Stack { (Get-PSCallStack).Command }; Show-Stack")
    assert r.stdout.split() == ["Show-Stack", "<ScriptBlock>"]


@pytest.mark.parametrize("alias,target", [
    ("gcm", "Get-Command"), ("ipmo", "Import-Module"), ("gmo", "Get-Module"), ("h", "Get-History"),
    ("r", "Invoke-History"), ("cls", "Clear-Host"), ("gl", "Get-Location"), ("sl", "Set-Location"),
    ("gdr", "Get-PSDrive"), ("ii", "Invoke-Item"), ("rvpa", "Resolve-Path"), ("clc", "Clear-Content"),
])
def test_aliases(ps, alias, target):
    assert ps(f"(Get-Alias {alias}).Definition").stdout == f"{target}\n"
