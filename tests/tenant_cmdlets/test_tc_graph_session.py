"""Microsoft.Graph.Authentication as scripts use it: the module's aliases and cumulative consent."""
from __future__ import annotations

from tc_support import ADMIN, T, cred


def test_authentication_module_aliases():
    t = T()
    out = t.ok("Get-Alias Connect-Graph, Disconnect-Graph, Invoke-GraphRequest, Invoke-MgRestMethod | "
               "ForEach-Object { $_.Definition }")
    assert out.splitlines() == ["Connect-MgGraph", "Disconnect-MgGraph", "Invoke-MgGraphRequest",
                                "Invoke-MgGraphRequest"]
    assert t.ok("(Get-Command Connect-Graph).ResolvedCommandName") == "Connect-MgGraph\n"
    t.ok(f"Connect-Graph -Scopes User.Read.All -NoWelcome -Credential {cred(ADMIN)}")
    assert t.ok("(Get-MgContext).Account") == f"{ADMIN}\n"
    assert t.ok("(Invoke-GraphRequest -Uri /v1.0/me).userPrincipalName") == f"{ADMIN}\n"
    assert t.ok("(Invoke-MgRestMethod -Method GET -Uri /v1.0/me).displayName") == "MOD Administrator\n"
    assert "Account" in t.ok("Disconnect-Graph")
    assert t.ok("Get-MgContext") == ""


def test_consent_is_cumulative_per_account_and_app():
    t = T()
    t.ok(f"Connect-MgGraph -Scopes User.Read.All -NoWelcome -Credential {cred(ADMIN)}")
    t.ok("Disconnect-MgGraph | Out-Null")
    t.ok(f"Connect-MgGraph -Scopes UserAuthenticationMethod.Read.All -NoWelcome -Credential {cred(ADMIN)}")
    scopes = t.ok("(Get-MgContext).Scopes").split()
    assert "User.Read.All" in scopes and "UserAuthenticationMethod.Read.All" in scopes
    # the earlier consent still lets Get-MgUser read other users
    assert t.ok("(Get-MgUser -UserId AlexW@contoso.com).DisplayName") == "Alex Wilber\n"
    assert t.ok("(Get-MgUserAuthenticationMethod -UserId AlexW@contoso.com).Count -gt 0") == "True\n"
    # another account has its own consent: nothing beyond the defaults
    t.ok("Connect-MgGraph -NoWelcome -Credential (Get-LabCredential DiegoS@contoso.com)")
    assert "User.Read.All" not in t.ok("(Get-MgContext).Scopes").split()
    assert "Insufficient privileges" in t.err("Get-MgUser -UserId AlexW@contoso.com")


def test_consent_is_tenant_state_kept_in_snapshots(tmp_path):
    t = T()
    t.ok(f"Connect-MgGraph -Scopes User.Read.All -NoWelcome -Credential {cred(ADMIN)}")
    snap = tmp_path / "t.json"
    t.ok(f"Save-LabTenant -Path '{snap}'")
    other = T()
    other.ok(f"Restore-LabTenant -Path '{snap}'")
    other.ok(f"Connect-MgGraph -NoWelcome -Credential {cred(ADMIN)}")
    assert "User.Read.All" in other.ok("(Get-MgContext).Scopes").split()
    other.ok("Reset-LabTenant")
    other.ok(f"Connect-MgGraph -NoWelcome -Credential {cred(ADMIN)}")
    assert "User.Read.All" not in other.ok("(Get-MgContext).Scopes").split()
