"""Get-MgDirectoryRole / Get-MgDirectoryRoleMember: the activated roles and their members, as MFA reports read them."""
from __future__ import annotations

from tc_support import ADMIN, GRAPH_DENIED, T, cred

GA_TEMPLATE = "62e90394-69f5-4237-9190-012177145e10"


def connected(scopes: str = "Directory.Read.All") -> T:
    t = T()
    t.ok(f"Connect-MgGraph -Scopes {scopes} -NoWelcome -Credential {cred(ADMIN)}")
    return t


def test_activated_roles_listed_with_template_ids():
    t = connected()
    names = t.ok("Get-MgDirectoryRole | Sort-Object DisplayName | ForEach-Object DisplayName").split("\n")
    assert "Global Administrator" in names and "Exchange Administrator" in names
    # a role nobody holds is not activated
    assert "Billing Administrator" not in names
    out = t.ok("$r = Get-MgDirectoryRole -Filter \"displayName eq 'Global Administrator'\"; "
               "$r.RoleTemplateId; $r.Id -ne $r.RoleTemplateId")
    assert out == f"{GA_TEMPLATE}\nTrue\n"


def test_role_addressed_by_object_id_or_template_id():
    t = connected()
    out = t.ok(f"(Get-MgDirectoryRole -DirectoryRoleId {GA_TEMPLATE}).DisplayName; "
               "$id = (Get-MgDirectoryRole -DirectoryRoleId " + GA_TEMPLATE + ").Id; "
               "(Get-MgDirectoryRole -DirectoryRoleId $id).DisplayName")
    assert out == "Global Administrator\nGlobal Administrator\n"
    err = t.err("Get-MgDirectoryRole -DirectoryRoleId 00000000-0000-0000-0000-000000000001")
    assert err.startswith("Get-MgDirectoryRole_Get: Resource '00000000-0000-0000-0000-000000000001' does not exist")
    assert "Status: 404 (NotFound)" in err


def test_members_are_directory_objects_with_user_properties():
    t = connected()
    out = t.ok("Get-MgDirectoryRole | ForEach-Object { $role = $_.DisplayName; "
               "Get-MgDirectoryRoleMember -DirectoryRoleId $_.Id | "
               "Where-Object { $_.AdditionalProperties.'@odata.type' -eq '#microsoft.graph.user' } | "
               "ForEach-Object { \"$role=$($_.AdditionalProperties['userPrincipalName'])\" } } | Sort-Object")
    assert "Global Administrator=admin@contoso.onmicrosoft.com" in out.split("\n")
    assert "Exchange Administrator=PattiF@contoso.com" in out.split("\n")
    member = t.ok(f"Get-MgDirectoryRoleMember -DirectoryRoleId {GA_TEMPLATE} | Format-Table")
    assert member.split("\n")[1].split() == ["Id", "DeletedDateTime"]
    assert t.ok(f"(Get-MgDirectoryRoleMember -DirectoryRoleId {GA_TEMPLATE}).Id -eq "
                f"(Get-MgUser -UserId {ADMIN}).Id") == "True\n"


def test_needs_a_directory_scope():
    t = connected("UserAuthenticationMethod.Read.All")
    assert GRAPH_DENIED in t.err("Get-MgDirectoryRole")
    assert T().err("Get-MgDirectoryRole") == ("Get-MgDirectoryRole_List: Authentication needed. "
                                              "Please call Connect-MgGraph.\n")
