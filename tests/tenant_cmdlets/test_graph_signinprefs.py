"""Get-/Update-MgBetaUserAuthenticationSignInPreference through the shell.

The cmdlets read and PATCH the same signInPreferences resource as Invoke-MgGraphRequest on
/beta/users/{id}/authentication/signInPreferences, so a change made one way shows the other way.
"""
from __future__ import annotations

from tc_support import ADMIN, AUTH_ADMIN, GRAPH_DENIED, PLAIN_USER, T, cred

GET = "Get-MgBetaUserAuthenticationSignInPreference"
UPDATE = "Update-MgBetaUserAuthenticationSignInPreference"
PREFS = "'https://graph.microsoft.com/beta/users/{}/authentication/signInPreferences'"


def preferred(t: T, upn: str) -> str:
    return t.ok(f"({GET} -UserId {upn}).UserPreferredMethodForSecondaryAuthentication").strip()


def test_get_shows_the_default_method_as_the_sdk_formats_it():
    t = T().mg(scopes="'UserAuthenticationMethod.Read.All'")
    out = t.ok(f"{GET} -UserId PattiF@contoso.com")
    assert out.split() == ["IsSystemPreferredAuthenticationMethodEnabled",
                           "UserPreferredMethodForSecondaryAuthentication", "-" * 44, "-" * 45, "False", "sms"]
    [obj] = t.objs(f"{GET} -UserId AlexW@contoso.com")
    assert obj.ToString() == "Microsoft.Graph.Beta.PowerShell.Models.MicrosoftGraphSignInPreferences"
    assert t.ok(f"{GET} -UserId AlexW@contoso.com | ForEach-Object {{ $_.PSObject.TypeNames[1] }}") == \
        "Microsoft.Graph.Beta.PowerShell.Models.IMicrosoftGraphSignInPreferences\n"
    # system-preferred MFA off: the service's read-only systemPreferredAuthenticationMethod is not there
    assert t.ok(f"({GET} -UserId AlexW@contoso.com).AdditionalProperties.Count") == "0\n"
    # a user with no method has no preferred one; the identity forms work too
    assert t.ok(f"$null -eq ({GET} -UserId {ADMIN}).UserPreferredMethodForSecondaryAuthentication") == "True\n"
    assert t.ok(f"(@{{UserId='AlexW@contoso.com'}} | {GET}).UserPreferredMethodForSecondaryAuthentication") \
        == "oath\n"
    assert t.ok(f"({GET} -InputObject @{{UserId='AlexW@contoso.com'}}).UserPreferredMethodForSecondaryAuthentication") \
        == "oath\n"


def test_update_the_preferred_method_is_seen_by_get_graph_request_and_msonline():
    t = T().mg()
    assert t.ok(f"{UPDATE} -UserId PattiF@contoso.com -UserPreferredMethodForSecondaryAuthentication voiceMobile") == ""
    assert preferred(t, "PattiF@contoso.com") == "voiceMobile"
    assert t.ok(f"(Invoke-MgGraphRequest -Uri {PREFS.format('PattiF@contoso.com')})"
                ".userPreferredMethodForSecondaryAuthentication") == "voiceMobile\n"
    t.msol()
    assert t.ok("(Get-MsolUser -UserPrincipalName PattiF@contoso.com).StrongAuthenticationMethods | "
                "Where-Object IsDefault | ForEach-Object MethodType") == "TwoWayVoiceMobile\n"
    assert "Admin updated security info." in t.audit_ops(ADMIN)
    # the documented example's form (-BodyParameter), and a body piped in with -UserId
    t.ok(f"{UPDATE} -UserId PattiF@contoso.com -BodyParameter @{{userPreferredMethodForSecondaryAuthentication='sms'}}")
    assert preferred(t, "PattiF@contoso.com") == "sms"
    t.ok(f"@{{userPreferredMethodForSecondaryAuthentication='voiceMobile'}} | {UPDATE} -UserId PattiF@contoso.com")
    assert preferred(t, "PattiF@contoso.com") == "voiceMobile"
    t.ok(f"{UPDATE} -InputObject @{{UserId='PattiF@contoso.com'}} -AdditionalProperties "
         "@{userPreferredMethodForSecondaryAuthentication='sms'}")
    assert preferred(t, "PattiF@contoso.com") == "sms"


def test_graph_request_changes_are_seen_by_the_cmdlet():
    t = T().mg()
    t.ok(f"Invoke-MgGraphRequest -Method PATCH -Uri {PREFS.format('PattiF@contoso.com')} "
         "-Body @{userPreferredMethodForSecondaryAuthentication='voiceMobile'; "
         "isSystemPreferredAuthenticationMethodEnabled=$true}")
    out = t.ok(f"{GET} -UserId PattiF@contoso.com | Format-List")
    assert "IsSystemPreferredAuthenticationMethodEnabled  : True" in out
    assert "UserPreferredMethodForSecondaryAuthentication : voiceMobile" in out


def test_update_system_preferred_flag_both_ways():
    t = T().mg()
    t.ok(f"{UPDATE} -UserId AlexW@contoso.com -IsSystemPreferredAuthenticationMethodEnabled")
    assert t.ok(f"({GET} -UserId AlexW@contoso.com).IsSystemPreferredAuthenticationMethodEnabled") == "True\n"
    assert t.user("AlexW@contoso.com").system_preferred_mfa is True
    # while it is on, the service also returns the method it picks (AdditionalProperties in the SDK)
    assert t.ok(f"({GET} -UserId AlexW@contoso.com).AdditionalProperties['systemPreferredAuthenticationMethod']") \
        == "oath\n"
    assert t.ok(f"(Invoke-MgGraphRequest -Uri {PREFS.format('AlexW@contoso.com')})"
                ".isSystemPreferredAuthenticationMethodEnabled") == "True\n"
    t.ok(f"{UPDATE} -UserId AlexW@contoso.com -IsSystemPreferredAuthenticationMethodEnabled:$false")
    assert t.ok(f"({GET} -UserId AlexW@contoso.com).IsSystemPreferredAuthenticationMethodEnabled") == "False\n"
    t.ok(f"{UPDATE} -UserId AlexW@contoso.com -BodyParameter @{{isSystemPreferredAuthenticationMethodEnabled=$true}}")
    assert t.user("AlexW@contoso.com").system_preferred_mfa is True


def test_invalid_and_unregistered_methods_are_graph_400s():
    t = T().mg()
    err = t.err(f"{UPDATE} -UserId PattiF@contoso.com -UserPreferredMethodForSecondaryAuthentication carrierPigeon")
    assert err.startswith(f"{UPDATE}_UpdateExpanded: Requested value 'carrierPigeon' was not found.")
    assert "Status: 400 (BadRequest)" in err and "ErrorCode: BadRequest" in err
    err = t.err(f"{UPDATE} -UserId PattiF@contoso.com -UserPreferredMethodForSecondaryAuthentication push")
    assert "no registered method for 'push'" in err and "Status: 400 (BadRequest)" in err
    err = t.err(f"{UPDATE} -UserId PattiF@contoso.com -BodyParameter @{{color='blue'}}")
    assert f"{UPDATE}_Update: The property 'color' does not exist on type 'microsoft.graph.signInPreferences'." in err
    err = t.err(f"{UPDATE} -UserId PattiF@contoso.com -BodyParameter '{{bad'")
    assert "Status: 400 (BadRequest)" in err and "Traceback" not in err
    assert preferred(t, "PattiF@contoso.com") == "sms"


def test_scopes_are_enforced():
    t = T().mg(scopes="'User.Read.All'")
    err = t.err(f"{GET} -UserId PattiF@contoso.com")
    assert err.startswith(f"{GET}_Get: {GRAPH_DENIED}") and "Status: 403 (Forbidden)" in err
    t = T().mg(scopes="'UserAuthenticationMethod.Read.All'")
    assert preferred(t, "PattiF@contoso.com") == "sms"
    err = t.err(f"{UPDATE} -UserId PattiF@contoso.com -UserPreferredMethodForSecondaryAuthentication voiceMobile")
    assert "Status: 403 (Forbidden)" in err and "ErrorCode: Authorization_RequestDenied" in err
    assert preferred(t, "PattiF@contoso.com") == "sms"


def test_roles_match_the_other_method_writes():
    t = T()
    t.ok(f"Connect-MgGraph -Scopes UserAuthenticationMethod.ReadWrite -NoWelcome -Credential {cred(PLAIN_USER)}")
    assert GRAPH_DENIED in t.err(f"{GET} -UserId AlexW@contoso.com")
    assert GRAPH_DENIED in t.err(f"{UPDATE} -UserId AlexW@contoso.com -IsSystemPreferredAuthenticationMethodEnabled")
    # their own preferences are fine with the self scope
    t.ok(f"{UPDATE} -UserId {PLAIN_USER} -IsSystemPreferredAuthenticationMethodEnabled")
    assert t.ok(f"({GET} -UserId {PLAIN_USER}).IsSystemPreferredAuthenticationMethodEnabled") == "True\n"
    # an Authentication Administrator manages a non-admin user's, not an admin's (Patti is an Exchange admin)
    t = T().mg(AUTH_ADMIN)
    t.ok(f"{UPDATE} -UserId AlexW@contoso.com -IsSystemPreferredAuthenticationMethodEnabled")
    assert t.user("AlexW@contoso.com").system_preferred_mfa is True
    assert GRAPH_DENIED in t.err(f"{UPDATE} -UserId PattiF@contoso.com -IsSystemPreferredAuthenticationMethodEnabled")
    assert GRAPH_DENIED in t.err(f"{UPDATE} -UserId {ADMIN} -IsSystemPreferredAuthenticationMethodEnabled")


def test_not_connected_and_user_not_found():
    t = T()
    assert t.err(f"{GET} -UserId PattiF@contoso.com").startswith(
        f"{GET}_Get: Authentication needed. Please call Connect-MgGraph.")
    assert t.err(f"{UPDATE} -UserId PattiF@contoso.com -IsSystemPreferredAuthenticationMethodEnabled").startswith(
        f"{UPDATE}_UpdateExpanded: Authentication needed. Please call Connect-MgGraph.")
    t.mg()
    err = t.err(f"{GET} -UserId nobody@contoso.com")
    assert "Resource 'nobody@contoso.com' does not exist" in err and "Status: 404 (NotFound)" in err
    err = t.err(f"{UPDATE} -UserId nobody@contoso.com -UserPreferredMethodForSecondaryAuthentication sms")
    assert "Status: 404 (NotFound)" in err and "ErrorCode: Request_ResourceNotFound" in err


def test_whatif_changes_nothing():
    t = T().mg()
    before = len(t.tenant.audit)
    out = t.ok(f"{UPDATE} -UserId PattiF@contoso.com -UserPreferredMethodForSecondaryAuthentication voiceMobile "
               "-IsSystemPreferredAuthenticationMethodEnabled -WhatIf")
    assert out.startswith(f'What if: Performing the operation "{UPDATE}" on target "PattiF@contoso.com".')
    assert preferred(t, "PattiF@contoso.com") == "sms"
    assert t.user("PattiF@contoso.com").system_preferred_mfa is False
    assert len(t.tenant.audit) == before
    # -WhatIf still reports a request the service would refuse
    assert "Requested value 'x' was not found." in t.err(
        f"{UPDATE} -UserId PattiF@contoso.com -UserPreferredMethodForSecondaryAuthentication x -WhatIf")


def test_cmdlets_belong_to_the_beta_signins_module():
    t = T()
    out = t.ok("Get-Command -Module Microsoft.Graph.Beta.Identity.SignIns -Noun *SignInPreference | "
               "ForEach-Object Name")
    assert out.split() == [GET, UPDATE]
