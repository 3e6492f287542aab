"""Microsoft Graph cmdlets through the shell: sign-in and scopes, users, methods, per-user MFA, raw requests."""
from __future__ import annotations

from tc_support import ADMIN, GRAPH_DENIED, PromptHost, T, cred

from o365shell.engine.objects import get_value

WELCOME = ("Welcome to Microsoft Graph!\n\nConnected via delegated access using 14d82eec-204b-4c2f-b7e8-296a70dab67e\n"
           "Readme: https://aka.ms/graph/sdk/powershell\nSDK Docs: https://aka.ms/graph/sdk/powershell/docs\n"
           "API Docs: https://aka.ms/graph/docs\n\nNOTE: You can use the -NoWelcome parameter to suppress this "
           "message.\n")


def test_not_connected():
    # the generated cmdlet variant reports it, as in pwsh 7 (Get-MgUser_List)
    assert T().err("Get-MgUser") == "Get-MgUser_List: Authentication needed. Please call Connect-MgGraph.\n"


def test_welcome_and_context():
    t = T()
    out = t.ok(f"Connect-MgGraph -Scopes User.Read.All -Credential {cred(ADMIN)}")
    assert out.startswith(WELCOME)
    scopes = t.ok("Get-MgContext | Select-Object -ExpandProperty Scopes").split()
    assert "User.Read.All" in scopes and "User.Read" in scopes
    assert t.ok("(Get-MgContext).Account") == f"{ADMIN}\n"
    assert t.ok(f"Connect-MgGraph -Scopes User.Read.All -NoWelcome -Credential {cred(ADMIN)}") == ""
    assert "Account" in t.ok("Disconnect-MgGraph")
    assert t.ok("Get-MgContext") == ""
    assert "No application to sign out from." in t.err("Disconnect-MgGraph")


def test_prompted_sign_in_and_errors():
    host = PromptHost(credentials=[("DiegoS@contoso.com", "Pass@word1")])
    t = T(host=host)
    t.ok("Connect-MgGraph -Scopes 'User.Read.All' -NoWelcome")
    assert t.ok("(Get-MgContext).Account") == "DiegoS@contoso.com\n"
    t = T()
    assert "UsernamePasswordCredential authentication failed: AADSTS50126" in \
        t.err(f"Connect-MgGraph -Credential {cred(ADMIN, 'Bad#pass12')}")
    assert "AADSTS700016" in t.err("Connect-MgGraph -ClientId 11111111-2222-3333-4444-555555555555 "
                                   "-CertificateThumbprint ABC -TenantId contoso.onmicrosoft.com")
    assert "AADSTS90002" in t.err(f"Connect-MgGraph -TenantId fabrikam.com -Credential {cred(ADMIN)}")
    assert "ManagedIdentityCredential" in t.err("Connect-MgGraph -Identity")
    assert "NonInteractive" in t.err("Connect-MgGraph -Scopes User.Read.All")


def test_scopes_are_enforced():
    t = T().mg(scopes="'User.Read.All'")
    assert t.ok("(Get-MgUser -UserId AlexW@contoso.com).DisplayName") == "Alex Wilber\n"
    err = t.err("Get-MgUserAuthenticationMethod -UserId AlexW@contoso.com")
    assert err.startswith(f"Get-MgUserAuthenticationMethod_List: {GRAPH_DENIED}\n\nStatus: 403 (Forbidden)\n"
                          "ErrorCode: Authorization_RequestDenied\nDate: ")
    assert GRAPH_DENIED in t.err("Update-MgBetaUserAuthenticationRequirement -UserId MeganB@contoso.com "
                                 "-PerUserMfaState enabled")
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Disabled"
    t = T().mg(scopes="'UserAuthenticationMethod.Read.All'")
    assert GRAPH_DENIED in t.err("Get-MgUser -UserId AlexW@contoso.com")
    assert t.ok("(Get-MgUser -UserId admin@contoso.onmicrosoft.com).DisplayName") == "MOD Administrator\n"


def test_a_body_that_is_not_a_json_object_is_a_bad_request():
    t = T().mg(scopes="'Policy.ReadWrite.AuthenticationMethod','UserAuthenticationMethod.ReadWrite.All'")
    for body in ("'MeganB@contoso.com'", "'[1]'"):
        err = t.err(f"Update-MgBetaUserAuthenticationRequirement -UserId MeganB@contoso.com -BodyParameter {body}")
        assert err.startswith("Update-MgBetaUserAuthenticationRequirement_Update: Unable to read JSON request "
                              "payload."), err
        assert "Status: 400 (BadRequest)" in err
    err = t.err("New-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com -BodyParameter '{'")
    assert err.startswith("New-MgUserAuthenticationPhoneMethod_Create: Unable to read JSON request payload.")
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Disabled"


def test_get_mguser_list_filter_search_property():
    t = T().mg()
    table = t.ok("Get-MgUser")
    assert table.splitlines()[1].split() == ["DisplayName", "Id", "Mail", "UserPrincipalName"]
    assert t.ok("(Get-MgUser -Filter \"startswith(displayName,'Al')\").UserPrincipalName") == "AlexW@contoso.com\n"
    assert t.ok("(Get-MgUser -Filter \"department eq 'IT' and accountEnabled eq true\" | Measure-Object).Count") == \
        "4\n"
    assert t.ok("Get-MgUser -ConsistencyLevel eventual -CountVariable n -Filter \"startsWith(DisplayName, 'a')\" "
                "-Top 1 | Out-Null; $n") == "2\n"
    assert t.ok("(Get-MgUser -Search '\"displayName:Wil\"' -ConsistencyLevel eventual).DisplayName") == \
        "Alex Wilber\n"
    assert "ConsistencyLevel: eventual" in t.err("Get-MgUser -Search '\"displayName:Wil\"'")
    assert "Invalid filter clause" in t.err("Get-MgUser -Filter 'displayName eq'")
    assert t.ok("(Get-MgUser -UserId AlexW@contoso.com).Department") == ""
    assert t.ok("(Get-MgUser -UserId AlexW@contoso.com -Property Department,AccountEnabled).Department") == \
        "Marketing\n"
    assert t.ok("(Get-MgUser -Sort 'displayName desc' -Top 1).DisplayName") == "Patti Fernandez\n"
    err = t.err("Get-MgUser -UserId nobody@contoso.com")
    assert err.startswith("Get-MgUser_Get: Resource 'nobody@contoso.com' does not exist or one of its queried "
                          "reference-property objects are not present.\n\nStatus: 404 (NotFound)\n"
                          "ErrorCode: Request_ResourceNotFound")


def test_first_page_and_all():
    t = T(size=150).mg()
    assert t.ok("(Get-MgUser | Measure-Object).Count") == "100\n"
    assert t.ok("(Get-MgUser -All | Measure-Object).Count") == "159\n"


def test_authentication_methods_and_odata_type():
    t = T().mg()
    out = t.ok("Get-MgUserAuthenticationMethod -UserId AlexW@contoso.com | ForEach-Object { $m = $_; "
               "switch ($m.AdditionalProperties['@odata.type']) { "
               "'#microsoft.graph.passwordAuthenticationMethod' { 'password' } "
               "'#microsoft.graph.microsoftAuthenticatorAuthenticationMethod' { 'authenticator ' + "
               "$m.AdditionalProperties['displayName'] } "
               "default { 'other' } } }")
    assert out.splitlines()[:2] == ["password", "authenticator Alex's iPhone"]
    assert t.ok("Get-MgUserAuthenticationMethod -UserId AlexW@contoso.com").splitlines()[1] == "Id"
    assert t.ok("(Get-MgUserAuthenticationMethod -UserId MeganB@contoso.com | Measure-Object).Count") == "1\n"
    assert t.ok("(Get-MgUserAuthenticationMicrosoftAuthenticatorMethod -UserId AlexW@contoso.com).DisplayName") == \
        "Alex's iPhone\n"
    assert t.ok("Get-MgUserAuthenticationFido2Method -UserId AlexW@contoso.com") == ""
    assert "does not exist" in t.err("Get-MgUserAuthenticationMethod -UserId AlexW@contoso.com "
                                     "-AuthenticationMethodId 00000000-0000-0000-0000-000000000000")


def test_phone_methods_lifecycle():
    t = T().mg()
    out = t.ok("New-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com -PhoneType mobile "
               "-PhoneNumber '+1 2065555555'")
    assert "3179e48a-750b-4051-897c-87b9720928f7 +1 2065555555 mobile" in out
    u = t.user("MeganB@contoso.com")
    assert u.user_details.phone_number == "+1 2065555555" and u.default_method is not None
    assert "already exists" in t.err("New-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com "
                                     "-BodyParameter @{phoneNumber='+1 2065550000'; phoneType='mobile'}")
    assert "Invalid phone number format" in t.err("New-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com "
                                                  "-PhoneType office -PhoneNumber 12345")
    t.ok("Update-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com -PhoneAuthenticationMethodId "
         "3179e48a-750b-4051-897c-87b9720928f7 -PhoneNumber '+1 2065550199'")
    assert t.ok("(Get-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com).PhoneNumber") == "+1 2065550199\n"
    t.ok("Remove-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com -PhoneAuthenticationMethodId "
         "3179e48a-750b-4051-897c-87b9720928f7")
    assert not t.user("MeganB@contoso.com").methods
    assert t.audit_ops(ADMIN) == ["Admin registered security info.", "Admin updated security info.",
                                  "Admin deleted security info."]


def test_remove_authenticator_requires_reregistration():
    t = T().mg()
    t.ok("Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod -UserId AlexW@contoso.com "
         "-MicrosoftAuthenticatorAuthenticationMethodId 8c2f0a4e-6b1d-4f0b-9a51-0d6c1c2a7e01")
    assert not t.user("AlexW@contoso.com").methods
    assert "does not exist" in t.err("Remove-MgUserAuthenticationFido2Method -UserId AlexW@contoso.com "
                                     "-Fido2AuthenticationMethodId abc")


def test_per_user_mfa_requirement():
    t = T().mg()
    assert t.ok("Get-MgBetaUserAuthenticationRequirement -UserId AlexW@contoso.com") == \
        "\nPerUserMfaState\n---------------\nenforced\n\n"
    t.ok("Update-MgBetaUserAuthenticationRequirement -UserId MeganB@contoso.com -PerUserMfaState enabled")
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Enabled"
    # enabled on a user who already registered a method becomes enforced
    t.ok("Update-MgBetaUserAuthenticationRequirement -UserId PattiF@contoso.com -PerUserMfaState disabled")
    t.ok("Update-MgBetaUserAuthenticationRequirement -UserId PattiF@contoso.com "
         "-BodyParameter @{perUserMfaState = 'enabled'}")
    assert str(t.user("PattiF@contoso.com").mfa_state) == "Enforced"
    assert "Invalid value 'sometimes'" in t.err("Update-MgBetaUserAuthenticationRequirement -UserId MeganB@contoso.com "
                                                "-PerUserMfaState sometimes")


def test_invoke_mggraphrequest():
    t = T().mg()
    me = t.objs("Invoke-MgGraphRequest -Method GET https://graph.microsoft.com/v1.0/me")[0]
    assert me["userPrincipalName"] == ADMIN and me["@odata.context"].endswith("#users/$entity")
    url = "https://graph.microsoft.com/beta/users/AlexW@contoso.com/authentication/requirements"
    assert t.ok(f"(Invoke-MgGraphRequest -Method GET -Uri '{url}').perUserMfaState") == "enforced\n"
    t.ok("Invoke-MgGraphRequest -Method PATCH -Uri 'https://graph.microsoft.com/beta/users/MeganB@contoso.com/"
         "authentication/requirements' -Body @{perUserMfaState='enforced'}")
    assert str(t.user("MeganB@contoso.com").mfa_state) == "Enforced"
    methods = t.objs("(Invoke-MgGraphRequest -Uri 'v1.0/users/PattiF@contoso.com/authentication/methods').value")
    assert [m["@odata.type"] for m in methods][:2] == ["#microsoft.graph.passwordAuthenticationMethod",
                                                       "#microsoft.graph.phoneAuthenticationMethod"]
    err = t.err("Invoke-MgGraphRequest -Uri 'https://graph.microsoft.com/v1.0/users/nobody@contoso.com'")
    assert err.startswith("Invoke-MgGraphRequest: GET https://graph.microsoft.com/v1.0/users/nobody@contoso.com\n"
                          "HTTP/1.1 404 Not Found")
    assert t.ok("Invoke-MgGraphRequest -Uri '/v1.0/users?$filter=department eq ''Legal''' -OutputType Json")\
        .startswith('{"@odata.context"')


def test_graph_role_denials():
    t = T().mg("MeganB@contoso.com")
    assert GRAPH_DENIED in t.err("Get-MgUserAuthenticationMethod -UserId AlexW@contoso.com")
    assert t.ok("(Get-MgUserAuthenticationMethod -UserId MeganB@contoso.com | Measure-Object).Count") == "1\n"
    t = T().mg("DiegoS@contoso.com")
    assert GRAPH_DENIED in t.err("Update-MgBetaUserAuthenticationRequirement -UserId MeganB@contoso.com "
                                 "-PerUserMfaState enabled")
    assert GRAPH_DENIED in t.err("Remove-MgUserAuthenticationPhoneMethod -UserId PattiF@contoso.com "
                                 "-PhoneAuthenticationMethodId 3179e48a-750b-4051-897c-87b9720928f7")
    t.ok("Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod -UserId AlexW@contoso.com "
         "-MicrosoftAuthenticatorAuthenticationMethodId 8c2f0a4e-6b1d-4f0b-9a51-0d6c1c2a7e01")


def test_beta_user_objects():
    t = T().mg()
    objs = t.objs("Get-MgBetaUser -UserId AlexW@contoso.com")
    assert get_value(objs[0], "DisplayName") == "Alex Wilber"
    assert t.ok("(Get-MgBetaUser -UserId AlexW@contoso.com).GetType().FullName") == \
        "Microsoft.Graph.Beta.PowerShell.Models.MicrosoftGraphUser\n"
