"""MSOnline administrator role cmdlets: Get-MsolRole, Get-MsolRoleMember, Add-MsolRoleMember,
Remove-MsolRoleMember and Get-MsolUserRole."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory

from .msoltypes import Role, RoleMember
from .msonline import MODULE, MORE_RESULTS, VERSION, MsolCmdlet
from .tenantsvc import MicrosoftOnlineException, set_anchor


# ----------------------------------------------------------------------------- roles

@cmdlet("Get-MsolRole", module=MODULE, version=VERSION, default_set="ListRoles__0")
class GetMsolRole(MsolCmdlet):
    """Gets administrator roles.

    Lists the directory's administrator roles (MSOnline names: Company Administrator is the
    Global Administrator), or one role by -ObjectId or -RoleName."""

    ObjectId = Parameter("System.Guid", mandatory=True, by_property_name=True, set="GetRole__0",
                         help="The unique object ID of the role.")
    RoleName = Parameter(str, mandatory=True, by_property_name=True, set="GetRoleByName__0",
                         help="The name of the role (e.g. 'Company Administrator').")
    _List = set_anchor("ListRoles__0")
    outputs = "Microsoft.Online.Administration.Role"
    examples = [("Get-MsolRole", "Lists the administrator roles."),
                ("Get-MsolRole -RoleName 'Company Administrator'", "Gets the Global Administrator role.")]

    def process(self) -> None:
        t = self.tenant
        if self.parameter_set_name == "ListRoles__0":
            self.write_all(Role.of(r) for r in t.roles)
            return
        key = str(self.ObjectId) if self.ObjectId is not None else self.RoleName
        self.write(Role.of(self.call(t.role, key, target=key)))


def _role_arg(cmd: Any) -> Any:
    t = cmd.tenant
    key = str(cmd.RoleObjectId) if cmd.RoleObjectId is not None else cmd.RoleName
    if key is None:
        raise cmd.error("Invalid value for parameter. Parameter Name: roleObjectId.", "InvalidParameter",
                        ErrorCategory.InvalidArgument, None, MicrosoftOnlineException)
    return cmd.call(t.role, key, target=key)


@cmdlet("Get-MsolRoleMember", module=MODULE, version=VERSION, default_set="ListRoleMembers__0")
class GetMsolRoleMember(MsolCmdlet):
    """Gets members of a role.

    Lists the members of an administrator role (at most -MaxResults, 250 by default, with
    a warning when more exist; -All for every member)."""

    RoleObjectId = Parameter("System.Guid", help="The unique ID of the role.")
    MemberObjectTypes = Parameter(list[str], help="Member object types to return (User).")
    SearchString = Parameter(str, help="Members whose display name or e-mail address starts with this string.")
    MaxResults = Parameter(int, set="ListRoleMembers__0", help="The maximum number of results (default 250).")
    All = Parameter(Switch, mandatory=True, set="All__0", help="Return every member.")
    outputs = "Microsoft.Online.Administration.RoleMember"
    examples = [("$Role = Get-MsolRole -RoleName 'Company Administrator'\n"
                 "Get-MsolRoleMember -RoleObjectId $Role.ObjectId", "Lists the Global Administrators.")]

    def process(self) -> None:
        t = self.tenant
        self.exclusive("All", "MaxResults")
        if self.RoleObjectId is None:
            raise self.error("Invalid value for parameter. Parameter Name: roleObjectId.", "InvalidParameter",
                             ErrorCategory.InvalidArgument, None, MicrosoftOnlineException)
        role = self.call(t.role, str(self.RoleObjectId), target=str(self.RoleObjectId))
        types = {x.lower() for x in (self.MemberObjectTypes or [])}
        if types and "user" not in types:
            return
        prefix = (self.SearchString or "").lower()
        limit = None if self.All else (self.MaxResults if self.MaxResults is not None else 250)
        n = 0
        for u in t.role_members(role):
            if prefix and not (u.display_name.lower().startswith(prefix)
                               or u.user_principal_name.lower().startswith(prefix)):
                continue
            if limit is not None and n >= limit:
                self.warn(MORE_RESULTS)
                return
            self.write(RoleMember.of(u))
            n += 1


class _RoleMembership(MsolCmdlet):
    RoleObjectId = Parameter("System.Guid", mandatory=True, sets={"__ById": {"mandatory": True}},
                             help="The unique ID of the role.")
    RoleName = Parameter(str, mandatory=True, sets={"__ByName": {"mandatory": True}},
                         help="The name of the role, e.g. 'Company Administrator'.")
    RoleMemberType = Parameter(str, by_property_name=True, validate_set=("User", "Group", "ServicePrincipal"),
                               help="User or ServicePrincipal (Group is not supported).")
    RoleMemberObjectId = Parameter("System.Guid", by_property_name=True, help="The object ID of the member.")
    RoleMemberEmailAddress = Parameter(str, by_property_name=True, help="The UPN / e-mail address of the member.")
    operation: Any = None

    def process(self) -> None:
        t = self.tenant
        actor = self.actor
        role = _role_arg(self)
        if (self.RoleMemberType or "User").lower() != "user":
            raise self.error(f"Adding or removing a {self.RoleMemberType} as a role member is not supported here: "
                             "only users can be role members.", "InvalidParameter", ErrorCategory.InvalidArgument,
                             self.RoleMemberType, MicrosoftOnlineException)
        if self.RoleMemberObjectId is not None:
            member = self.resolve(object_id=self.RoleMemberObjectId)
        elif self.RoleMemberEmailAddress:
            member = self.resolve(self.RoleMemberEmailAddress)
        else:
            raise self.error("Invalid value for parameter. Parameter Name: roleMemberObjectId.", "InvalidParameter",
                             ErrorCategory.InvalidArgument, None, MicrosoftOnlineException)
        if member is None:
            return
        op = type(self).operation
        self.call(op, t, actor, role, member, dry_run=True, target=member.user_principal_name)
        if self.should_process(member.user_principal_name, f"{self.name} ({role.name})"):
            self.call(op, t, actor, role, member, target=member.user_principal_name)


def _op(name: str) -> Any:
    def run(*a: Any, **k: Any) -> Any:
        from o365shell.tenant import directory
        return getattr(directory, name)(*a, **k)
    return staticmethod(run)


@cmdlet("Add-MsolRoleMember", module=MODULE, version=VERSION, default_set="AddRoleMembers__0", should_process=True)
class AddMsolRoleMember(_RoleMembership):
    """Adds a member to an administrator role.

    Adds a user to a role, by -RoleName or -RoleObjectId (only a Global Administrator can
    manage role membership)."""

    RoleObjectId = Parameter("System.Guid", mandatory=True, set="AddRoleMembers__0", help="The unique ID of the role.")
    RoleName = Parameter(str, mandatory=True, set="AddRoleMembersByRoleName__0",
                         help="The name of the role, e.g. 'Company Administrator'.")
    operation = _op("add_role_member")
    examples = [("Add-MsolRoleMember -RoleName 'User Account Administrator' -RoleMemberEmailAddress MeganB@contoso.com",
                 "Makes MeganB a User Administrator.")]


@cmdlet("Remove-MsolRoleMember", module=MODULE, version=VERSION, default_set="RemoveRoleMembers__0",
        should_process=True)
class RemoveMsolRoleMember(_RoleMembership):
    """Removes a member from an administrator role.

    Removes a user from a role, by -RoleName or -RoleObjectId (the last Global
    Administrator cannot be removed)."""

    RoleObjectId = Parameter("System.Guid", mandatory=True, set="RemoveRoleMembers__0",
                             help="The unique ID of the role.")
    RoleName = Parameter(str, mandatory=True, set="RemoveRoleMembersByRoleName__0",
                         help="The name of the role, e.g. 'Company Administrator'.")
    operation = _op("remove_role_member")
    examples = [("Remove-MsolRoleMember -RoleName 'User Account Administrator' -RoleMemberType User "
                 "-RoleMemberEmailAddress MeganB@contoso.com", "Removes MeganB from the role.")]


@cmdlet("Get-MsolUserRole", module=MODULE, version=VERSION, default_set="ListRolesForUser__0")
class GetMsolUserRole(MsolCmdlet):
    """Gets administrator roles to which a user belongs."""

    ObjectId = Parameter("System.Guid", mandatory=True, by_property_name=True, set="ListRolesForUser__0",
                         help="The unique ID of the user.")
    UserPrincipalName = Parameter(str, mandatory=True, by_property_name=True, set="ListRolesForUserByUpn__0",
                                  help="The UPN of the user.")
    outputs = "Microsoft.Online.Administration.Role"
    examples = [("Get-MsolUserRole -UserPrincipalName LeeG@contoso.com", "The roles Lee Gu holds.")]

    def process(self) -> None:
        t = self.tenant
        user = self.resolve(self.UserPrincipalName, self.ObjectId)
        if user is not None:
            self.write_all(Role.of(r) for r in t.user_roles(user))
