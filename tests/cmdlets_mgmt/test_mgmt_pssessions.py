"""Get-PSSession / Remove-PSSession: no remote sessions exist (Exchange Online uses the REST module)."""
from __future__ import annotations

from mgmt_support import lines, ps, sh  # noqa: F401  (fixtures)


def test_remote_powershell_era_checks_see_no_session(ps):
    # scripts ask whether a connection is open, then tidy up
    r = ps("$c = Get-PSSession | Where-Object {$_.State -eq 'Opened'} | Measure-Object; $c.Count; "
           "Get-PSSession | Remove-PSSession; 'done'")
    assert (r.stdout, r.stderr) == ("0\ndone\n", "")
    r = ps("Connect-ExchangeOnline -Credential (Get-LabCredential admin@contoso.onmicrosoft.com) -ShowBanner:$false; "
           "@(Get-PSSession).Count")
    assert (r.stdout, r.stderr) == ("0\n", "")


def test_a_named_session_is_not_available(ps):
    r = ps("Get-PSSession -Name ExchangeOnline; Remove-PSSession -Id 3; gsn 2; 'next'")
    assert lines(r.stderr) == ["Get-PSSession: The remote session with the name ExchangeOnline is not available.",
                               "Remove-PSSession: The remote session with the session ID 3 is not available.",
                               "Get-PSSession: The remote session with the session ID 2 is not available."]
    assert r.stdout == "next\n"
