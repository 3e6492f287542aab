"""MSOnline strong authentication (per-user MFA) cmdlets: Reset-MsolStrongAuthenticationMethodByUpn and
Get-MsolUserByStrongAuthentication (Set-MsolUser -StrongAuthenticationRequirements is in ``msonline_users``)."""
from __future__ import annotations

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet

from .msoltypes import MsolUser
from .msonline import MODULE, MORE_RESULTS, VERSION, MsolCmdlet
from .tenantsvc import as_list


@cmdlet("Reset-MsolStrongAuthenticationMethodByUpn", module=MODULE, version=VERSION, should_process=True)
class ResetMsolStrongAuthenticationMethodByUpn(MsolCmdlet):
    """Resets the strong authentication method by using a user principal name.

    Clears the user's registered verification methods (as the portal's 'Require selected
    users to provide contact methods again'): the user registers again at the next
    sign-in; the per-user MFA state is not changed."""

    UserPrincipalName = Parameter(str, mandatory=True, by_property_name=True,
                                  help="The UPN of the user whose methods are reset.")
    examples = [("Reset-MsolStrongAuthenticationMethodByUpn -UserPrincipalName AlexW@contoso.com",
                 "AlexW must register a verification method again.")]

    def process(self) -> None:
        from o365shell.tenant import mfa
        t = self.tenant
        actor = self.actor
        user = self.resolve(self.UserPrincipalName)
        if user is None:
            return
        self.call(mfa.require_reregistration, t, actor, user.object_id, dry_run=True)
        if self.should_process(user.user_principal_name):
            self.call(mfa.require_reregistration, t, actor, user.object_id)


@cmdlet("Get-MsolUserByStrongAuthentication", module=MODULE, version=VERSION,
        default_set="ListUsersByStrongAuthentication__0")
class GetMsolUserByStrongAuthentication(MsolCmdlet):
    """Gets users based on strong authentication type.

    Users whose per-user MFA requirement matches -Requirements (their State), or with no
    requirement (-RequirementUnsetOnly), optionally members of a role."""

    RoleObjectId = Parameter("System.Guid", help="Only members of this role.")
    Requirements = Parameter("Microsoft.Online.Administration.StrongAuthenticationRequirement[]",
                             help="Requirements to match (by State).")
    RequirementUnsetOnly = Parameter(Switch, help="Only users with no requirement (per-user MFA Disabled).")
    SearchString = Parameter(str, help="Users whose display name or address starts with this string.")
    MaxResults = Parameter(int, set="ListUsersByStrongAuthentication__0", help="The maximum number of results.")
    All = Parameter(Switch, mandatory=True, set="All__0", help="Return every matching user.")

    def process(self) -> None:
        t = self.tenant
        self.exclusive("All", "MaxResults")
        states = {str(r.State).lower() for r in as_list(self.Requirements) if r is not None and r.State}
        role_members = None
        if self.RoleObjectId is not None:
            role = self.call(t.role, str(self.RoleObjectId))
            role_members = {u.object_id for u in t.role_members(role)}
        from o365shell.tenant.directory import query_users
        limit = None if self.All else self.MaxResults
        n = 0
        for u in query_users(t, search_string=self.SearchString):
            state = str(u.mfa_state)
            if self.RequirementUnsetOnly and state != "Disabled":
                continue
            if states and state.lower() not in states:
                continue
            if not states and not self.RequirementUnsetOnly and state == "Disabled":
                continue
            if role_members is not None and u.object_id not in role_members:
                continue
            if limit is not None and n >= limit:
                self.warn(MORE_RESULTS)
                return
            self.write(MsolUser(t, u))
            n += 1
