"""Cmdlets called before their Connect-* cmdlet: the real modules' errors, as scripts test for them.

MSOnline and the generated Graph cmdlets write a *non-terminating* error (silenced by
-ErrorAction SilentlyContinue, $? False, caught with -ErrorAction Stop); Invoke-MgGraphRequest
refuses in BeginProcessing (terminating); Exchange Online cmdlets do not exist until connected.
"""
from __future__ import annotations

from tc_support import ADMIN, T, cred

MSOL = "You must call the Connect-MsolService cmdlet before calling any other cmdlets."
GRAPH = "Authentication needed. Please call Connect-MgGraph."


def test_msonline_error_is_non_terminating_and_silenceable():
    t = T()
    r = t.run("Get-MsolDomain -ErrorAction SilentlyContinue | Out-Null; $?")
    assert (r.stdout, r.stderr) == ("False\n", "")
    r = t.run("$x = Get-MsolUser -All -ErrorAction SilentlyContinue; 'next'; $x -eq $null")
    assert (r.stdout, r.stderr) == ("next\nTrue\n", "")
    # the pattern admin scripts use to connect only once
    out = t.ok(f"if (-not (Get-MsolCompanyInformation -ErrorAction SilentlyContinue)) {{ Connect-MsolService "
               f"-Credential {cred(ADMIN)}; 'connected' }}; (Get-MsolCompanyInformation).DisplayName")
    assert out == "connected\nContoso\n"


def test_msonline_error_record_shape():
    t = T()
    assert t.err("Get-MsolUser; 'still running'") == f"Get-MsolUser: {MSOL}\n"
    assert t.run("Get-MsolUser 2>$null; 'still running'").stdout == "still running\n"
    out = t.ok("Get-MsolUser -ErrorAction SilentlyContinue -ErrorVariable e; $e[0].FullyQualifiedErrorId; "
               "$e[0].CategoryInfo.ToString(); $e[0].Exception.GetType().FullName")
    assert out.splitlines() == [
        "Microsoft.Online.Administration.Automation.MicrosoftOnlineException,"
        "Microsoft.Online.Administration.Automation.GetUser",
        "OperationStopped: (:) [Get-MsolUser], MicrosoftOnlineException",
        "Microsoft.Online.Administration.Automation.MicrosoftOnlineException"]
    assert t.ok("try { Get-MsolDomain -ErrorAction Stop } catch { \"caught: $($_.Exception.Message)\" }") == \
        f"caught: {MSOL}\n"


def test_msonline_one_error_per_call_even_with_pipeline_input():
    t = T()
    out = t.ok("$Error.Clear(); 'AlexW@contoso.com','MeganB@contoso.com' | "
               "ForEach-Object { [pscustomobject]@{UserPrincipalName = $_} } | "
               "Set-MsolUser -BlockCredential $true -ErrorAction SilentlyContinue; $Error.Count")
    assert out == "1\n"
    assert t.err("Get-MfaUser") == f"Get-MfaUser: {MSOL}\n"


def test_graph_generated_cmdlets_write_a_non_terminating_error():
    t = T()
    r = t.run("$c = Get-MgUser -Top 1 -ErrorAction SilentlyContinue; $?; $c -eq $null")
    assert (r.stdout, r.stderr) == ("False\nTrue\n", "")
    assert t.err("Get-MgUser -UserId AlexW@contoso.com") == f"Get-MgUser_Get: {GRAPH}\n"
    out = t.ok("Get-MgUser -ErrorAction SilentlyContinue -ErrorVariable e; $e[0].CategoryInfo.ToString(); "
               "$e[0].FullyQualifiedErrorId")
    assert out.splitlines() == ["NotSpecified: (:) [Get-MgUser_List], AuthenticationException",
                                ",Microsoft.Graph.PowerShell.Cmdlets.GetMgUser_List"]
    assert t.err("Get-MgUserAuthenticationMethod -UserId AlexW@contoso.com") == \
        f"Get-MgUserAuthenticationMethod_List: {GRAPH}\n"
    # once connected the same line works
    t.mg()
    assert "Alex Wilber" in t.ok("Get-MgUser -UserId AlexW@contoso.com -ErrorAction SilentlyContinue")


def test_invoke_mggraphrequest_refuses_in_begin_processing():
    t = T()
    r = t.run("Invoke-MgGraphRequest -Uri /v1.0/me -ErrorAction SilentlyContinue; 'after'")
    assert r.stdout == "after\n"
    assert r.stderr == f"Invoke-MgGraphRequest: {GRAPH}\n"
    out = t.ok("try { Invoke-MgGraphRequest -Uri /v1.0/me } catch { $_.FullyQualifiedErrorId; "
               "$_.CategoryInfo.Category }")
    assert out.splitlines() == ["InvokeGraphRequestAuthenticationTokenConflictException,"
                                "Microsoft.Graph.PowerShell.Authentication.Cmdlets.InvokeMgGraphRequest",
                                "InvalidArgument"]


def test_exchange_cmdlets_do_not_exist_before_connect_exchangeonline():
    t = T()
    err = t.err("Get-OrganizationConfig")
    assert err.startswith("Get-OrganizationConfig: The term 'Get-OrganizationConfig' is not recognized")
    assert t.ok("[bool](Get-Command Get-CASMailbox -ErrorAction SilentlyContinue)") == "False\n"
    t.exo()
    assert t.ok("(Get-OrganizationConfig).Name") == "contoso.onmicrosoft.com\n"
