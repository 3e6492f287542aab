"""Invoke-WebRequest / Invoke-RestMethod: they bind as in pwsh and fail as an unreachable host does."""
from __future__ import annotations

from util_support import lines, ps, sh  # noqa: F401  (fixtures)


def test_a_request_cannot_be_sent_and_points_to_the_graph_cmdlet(ps):
    r = ps("Invoke-RestMethod https://graph.microsoft.com/v1.0/me -Headers @{ Authorization = 'Bearer x' }; 'after'")
    assert r.stdout == "after\n"
    assert r.stderr == ("Invoke-RestMethod: o365shell has no network: the request to 'https://graph.microsoft.com/v1.0/me' "
                        "cannot be sent. Microsoft Graph requests run against the simulated tenant with "
                        "Invoke-MgGraphRequest after Connect-MgGraph.\n")


def test_the_error_is_terminating_and_typed_like_pwsh(ps):
    r = ps("try { iwr -Uri https://contoso.com -UseBasicParsing; 'not here' } catch { $_.FullyQualifiedErrorId; "
           "$_.Exception.GetType().FullName }")
    assert lines(r.stdout) == ["System.Net.Http.HttpRequestException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand",
                               "System.Net.Http.HttpRequestException"]


def test_parameters_bind_as_in_pwsh(ps):
    assert "does not belong to the set" in ps("Invoke-RestMethod -Uri https://x -Method Fetch").stderr
    assert "Invoke-RestMethod [-Uri] <Uri> [-Method <WebRequestMethod>]" in ps("Get-Command Invoke-RestMethod -Syntax").stdout
