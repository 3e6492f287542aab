"""Graph beta /users/{id}/authentication/signInPreferences through Invoke-MgGraphRequest.

The resource shows the user's default MFA method (userPreferredMethodForSecondaryAuthentication,
the tenant's default StrongAuthenticationMethod in Graph's names) and whether system-preferred
MFA is on; PATCH changes them (204). Reading needs UserAuthenticationMethod.Read(.All) or
ReadWrite(.All), changing needs ReadWrite(.All); another user's needs an admin role.
"""
from __future__ import annotations

from tc_support import ADMIN, PLAIN_USER, T, cred

BETA = "https://graph.microsoft.com/beta/users"


def prefs(upn: str) -> str:
    return f"'{BETA}/{upn}/authentication/signInPreferences'"


def test_get_sign_in_preferences_from_the_tenant_mfa_state():
    t = T().mg(scopes="'UserAuthenticationMethod.Read.All'")
    out = t.ok(f"$p = Invoke-MgGraphRequest -Method GET -Uri {prefs('PattiF@contoso.com')}; "
               "$p.userPreferredMethodForSecondaryAuthentication; $p.isSystemPreferredAuthenticationMethodEnabled; "
               "$p.'@odata.context'")
    patti = t.user("PattiF@contoso.com").object_id
    assert out.splitlines() == ["sms", "False", f"https://graph.microsoft.com/beta/$metadata#users('{patti}')/"
                                                "authentication/signInPreferences"]
    assert t.ok(f"(Invoke-MgGraphRequest -Uri {prefs('AlexW@contoso.com')}).userPreferredMethodForSecondary"
                "Authentication") == "oath\n"
    # no registered method: null; /me works too
    assert t.ok("$null -eq (Invoke-MgGraphRequest -Uri /beta/me/authentication/signInPreferences)."
                "userPreferredMethodForSecondaryAuthentication") == "True\n"
    out = t.ok(f"Invoke-MgGraphRequest -Uri {prefs('AlexW@contoso.com')} -OutputType Json")
    assert '"userPreferredMethodForSecondaryAuthentication": "oath"' in out


def test_patch_changes_the_default_method_and_system_preferred_flag():
    t = T().mg()
    out = t.ok(f"Invoke-MgGraphRequest -Method PATCH -Uri {prefs('PattiF@contoso.com')} "
               "-Body @{userPreferredMethodForSecondaryAuthentication='voiceMobile'} -StatusCodeVariable sc; $sc")
    assert out == "204\n"
    assert t.ok(f"(Invoke-MgGraphRequest -Uri {prefs('PattiF@contoso.com')}).userPreferredMethodForSecondary"
                "Authentication") == "voiceMobile\n"
    # MSOnline sees the same default method
    t.msol()
    assert t.ok("(Get-MsolUser -UserPrincipalName PattiF@contoso.com).StrongAuthenticationMethods | "
                "Where-Object IsDefault | ForEach-Object MethodType") == "TwoWayVoiceMobile\n"
    assert "Admin updated security info." in t.audit_ops(ADMIN)
    t.ok(f"Invoke-MgGraphRequest -Method PATCH -Uri {prefs('PattiF@contoso.com')} "
         "-Body '{\"isSystemPreferredAuthenticationMethodEnabled\": true}'")
    assert t.ok(f"(Invoke-MgGraphRequest -Uri {prefs('PattiF@contoso.com')})."
                "isSystemPreferredAuthenticationMethodEnabled") == "True\n"


def test_patch_refusals():
    t = T().mg()
    err = t.err(f"Invoke-MgGraphRequest -Method PATCH -Uri {prefs('PattiF@contoso.com')} "
                "-Body @{userPreferredMethodForSecondaryAuthentication='push'}")
    assert "HTTP/1.1 400 Bad Request" in err and "no registered method for 'push'" in err
    err = t.err(f"Invoke-MgGraphRequest -Method PATCH -Uri {prefs('PattiF@contoso.com')} "
                "-Body @{userPreferredMethodForSecondaryAuthentication='carrierPigeon'}")
    assert "Requested value 'carrierPigeon' was not found." in err
    err = t.err(f"Invoke-MgGraphRequest -Method PATCH -Uri {prefs('PattiF@contoso.com')} -Body @{{color='blue'}}")
    assert "The property 'color' does not exist on type 'microsoft.graph.signInPreferences'." in err
    err = t.err("Invoke-MgGraphRequest -Uri https://graph.microsoft.com/v1.0/users/PattiF@contoso.com/"
                "authentication/signInPreferences")
    assert "Resource not found for the segment 'signInPreferences'." in err
    assert t.user("PattiF@contoso.com").default_method.method_type == "OneWaySMS"


def test_scopes_and_roles_are_enforced():
    t = T().mg(scopes="'User.Read.All'")
    assert "HTTP/1.1 403 Forbidden" in t.err(f"Invoke-MgGraphRequest -Uri {prefs('PattiF@contoso.com')}")
    t = T().mg(scopes="'UserAuthenticationMethod.Read.All'")
    assert "403 Forbidden" in t.err(f"Invoke-MgGraphRequest -Method PATCH -Uri {prefs('PattiF@contoso.com')} "
                                    "-Body @{userPreferredMethodForSecondaryAuthentication='sms'}")
    # a user without an admin role: only their own preferences
    t = T()
    t.ok(f"Connect-MgGraph -Scopes UserAuthenticationMethod.ReadWrite -NoWelcome -Credential {cred(PLAIN_USER)}")
    assert "403 Forbidden" in t.err(f"Invoke-MgGraphRequest -Uri {prefs('AlexW@contoso.com')}")
    assert t.ok(f"(Invoke-MgGraphRequest -Uri {prefs(PLAIN_USER)}).isSystemPreferredAuthenticationMethodEnabled") \
        == "False\n"


def test_system_preferred_flag_is_kept_in_snapshots(tmp_path):
    t = T().mg()
    t.ok(f"Invoke-MgGraphRequest -Method PATCH -Uri {prefs('AlexW@contoso.com')} "
         "-Body @{isSystemPreferredAuthenticationMethodEnabled=$true}")
    snap = tmp_path / "t.json"
    t.ok(f"Save-LabTenant -Path '{snap}'")
    other = T()
    other.ok(f"Restore-LabTenant -Path '{snap}'")
    assert other.user("AlexW@contoso.com").system_preferred_mfa is True
