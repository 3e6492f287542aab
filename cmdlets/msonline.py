"""MSOnline (Azure AD PowerShell v1) over the simulated tenant: Connect-MsolService, the
*-MsolUser cmdlets, roles, domains, SKUs, company information, and the
Microsoft.Online.Administration.* .NET types (User with its 61 properties in the real
order, StrongAuthenticationRequirement / StrongAuthenticationMethod and friends).

Every cmdlet that changes the tenant validates and authorizes the whole request first
(``dry_run``), then applies it, so a refused command changes nothing; the tenant model
writes the audit records. -WhatIf/-Confirm are accepted on every changing cmdlet (a
simulation addition: the real MSOnline cmdlets do not support ShouldProcess).
"""
from __future__ import annotations

from typing import Any, Iterator

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory
from o365shell.engine.pscollections import GenericList

from .msoltypes import (EXTENSION_DATA, AccountSKU, CompanyInformation, Domain, MsolUser, NewMsolUser, Role,
                        RoleMember, StrongAuthenticationMethod, StrongAuthenticationRequirement)
from .tenantsvc import (AccessDeniedException, MicrosoftOnlineException, TenantCmdlet, UserNotFoundException,
                        as_list, connections, Connection, set_anchor, to_py_datetime)

MODULE = "MSOnline"
VERSION = "1.1.183.81"
_NOTES = ("Simulates the MSOnline module (Azure AD PowerShell v1, retired in 2025) against the o365shell "
          "tenant. Needs Connect-MsolService first.")
MORE_RESULTS = "More results are available. Please specify one of the All or MaxResults parameters."


class MsolCmdlet(TenantCmdlet):
    """Base of the MSOnline cmdlets: needs Connect-MsolService; -TenantId is checked."""

    connection = "msonline"
    module = MODULE
    version = VERSION
    notes = _NOTES
    TenantId = Parameter("System.Guid", by_property_name=True,
                         help="The tenant to act on (partners only); the default is the signed-in account's tenant.")

    def begin(self) -> None:
        _ = self.actor
        self.check_tenant_id()

    def exclusive(self, *names: str) -> None:
        """Refuse parameters of two exclusive parameter sets given together (works around the binder)."""
        if all(n in self.bound for n in names):
            from o365shell.engine.errors import ParameterBindingException
            raise self.error("Parameter set cannot be resolved using the specified named parameters. One or more "
                             "parameters issued cannot be used together or an insufficient number of parameters were "
                             "provided.", "AmbiguousParameterSet", ErrorCategory.InvalidArgument, None,
                             ParameterBindingException)

    def check_tenant_id(self) -> None:
        tid = self.TenantId
        if tid is not None and str(tid).lower() != self.tenant.tenant_id.lower():
            raise self.error("Access Denied. You do not have permissions to call this cmdlet.",
                             "Microsoft.Online.Administration.Automation.AccessDeniedException",
                             ErrorCategory.PermissionDenied, str(tid), AccessDeniedException)

    def user_not_found(self, identity: Any) -> None:
        self.write_error(f"User Not Found.  User: {identity}.",
                         "Microsoft.Online.Administration.Automation.UserNotFoundException,"
                         "Microsoft.Online.Administration.Automation." + self.name.replace("-Msol", ""),
                         ErrorCategory.OperationStopped, identity, UserNotFoundException)

    def resolve(self, upn: Any = None, object_id: Any = None, deleted: bool = False) -> Any:
        """The user named by -ObjectId or -UserPrincipalName (None after a 'User Not Found' error)."""
        t = self.tenant
        from o365shell.tenant.errors import UserNotFound
        ident = str(object_id) if object_id is not None else upn
        try:
            if deleted:
                return t.find_deleted_user(ident)
            if object_id is not None:
                return t.user_by_object_id(str(object_id))
            return t.get_user(str(upn))
        except UserNotFound:
            self.user_not_found(ident)
            return None


# ----------------------------------------------------------------------------- connection

@cmdlet("Connect-MsolService", module=MODULE, version=VERSION, default_set="None__0")
class ConnectMsolService(TenantCmdlet):
    """Initiates a connection to Azure Active Directory.

    Signs in to the simulated tenant's directory (the MSOnline module, Azure AD PowerShell v1).
    With -Credential the password is checked against the tenant (a blocked account, a wrong
    password and an MFA-Enforced account are refused as the real module refuses them);
    without it the account and password are prompted for, followed by the verification
    code when the account needs MFA. A tenant operated by 21Vianet needs
    -AzureEnvironment AzureChinaCloud. -AdGraphAccessToken/-MsGraphAccessToken are accepted
    but no token can be validated in the simulation."""

    Credential = Parameter("System.Management.Automation.PSCredential", set="Credential",
                           help="The credential to sign in with (Get-Credential, Get-LabCredential).")
    AdGraphAccessToken = Parameter(str, set="AccessToken", aliases=("AccessToken",),
                                   help="An Azure AD Graph access token.")
    MsGraphAccessToken = Parameter(str, set="AccessToken", help="A Microsoft Graph access token.")
    _None = set_anchor("None__0")
    AzureEnvironment = Parameter(str, validate_set=("AzureCloud", "AzureChinaCloud", "AzureGermanyCloud",
                                                    "USGovernment", "AzureUSGovernment"),
                                 help="The cloud: AzureCloud (default), AzureChinaCloud, AzureGermanyCloud, "
                                      "USGovernment.")
    module = MODULE
    notes = _NOTES
    examples = [("Connect-MsolService", "Prompts for the account and signs in."),
                ("Connect-MsolService -Credential (Get-LabCredential admin@contoso.onmicrosoft.com)",
                 "Signs in with a credential object."),
                ("Connect-MsolService -Credential $Credential -AzureEnvironment AzureChinaCloud",
                 "Signs in to a tenant operated by 21Vianet.")]

    def end(self) -> None:
        tenant = self.tenant
        env = self.AzureEnvironment or "AzureCloud"
        if self.parameter_set_name == "AccessToken" or self.AdGraphAccessToken or self.MsGraphAccessToken:
            raise self.error("Authentication Error: Unexpected authentication failure. The access token could not be "
                             "validated (o365shell issues no tokens; use -Credential or the sign-in prompt).",
                             "0x80048862", ErrorCategory.AuthenticationError, None, MicrosoftOnlineException)
        cloud_ok = env.lower() == str(tenant.cloud).lower()
        if not cloud_ok:
            self.verbose(f"The tenant lives in {tenant.cloud}; this sign-in goes to {env}, where the account does not "
                         "exist.")
        upn = self.sign_in("msonline", self.Credential, None, "Sign in to your account",
                           "Enter your Microsoft 365 (Azure Active Directory) account.", cloud_ok)
        connections(self.ctx)["msonline"] = Connection(upn, env)


# ----------------------------------------------------------------------------- users

_LIST_SETS = ("ListUsers__0", "All__0")


@cmdlet("Get-MsolUser", module=MODULE, version=VERSION, default_set="ListUsers__0")
class GetMsolUser(MsolCmdlet):
    """Gets users from Azure Active Directory.

    Gets one user (-UserPrincipalName or -ObjectId) or a list of users, filtered by the
    other parameters. A list stops at -MaxResults (default 500) with a warning when more
    users exist; -All returns every user (streamed, one by one)."""

    UserPrincipalName = Parameter(str, mandatory=True, by_property_name=True, set="GetUserByUpn__0",
                                  help="The user ID (UPN) of the user to get.")
    ObjectId = Parameter("System.Guid", mandatory=True, by_property_name=True, set="GetUser__0",
                         help="The unique object ID of the user to get.")
    ReturnDeletedUsers = Parameter(Switch, help="Return only users in the recycle bin.")
    City = Parameter(str, set=_LIST_SETS, help="Filter on the city.")
    Country = Parameter(str, set=_LIST_SETS, help="Filter on the country.")
    Department = Parameter(str, set=_LIST_SETS, help="Filter on the department.")
    DomainName = Parameter(str, set=_LIST_SETS, help="Filter on a verified domain of the company.")
    EnabledFilter = Parameter(str, set=_LIST_SETS, validate_set=("All", "EnabledOnly", "DisabledOnly"),
                              help="All, EnabledOnly or DisabledOnly (sign-in blocked or not).")
    State = Parameter(str, set=_LIST_SETS, help="Filter on the state or province.")
    Synchronized = Parameter(Switch, set=_LIST_SETS, help="Only users synchronized from on-premises.")
    Title = Parameter(str, set=_LIST_SETS, help="Filter on the title.")
    HasErrorsOnly = Parameter(Switch, set=_LIST_SETS, help="Only users with validation errors.")
    LicenseReconciliationNeededOnly = Parameter(Switch, set=_LIST_SETS,
                                                help="Only users that need license reconciliation.")
    UnlicensedUsersOnly = Parameter(Switch, set=_LIST_SETS, help="Only users without a license.")
    UsageLocation = Parameter(str, set=_LIST_SETS, help="Filter on the two-letter usage location.")
    SearchString = Parameter(str, set=_LIST_SETS,
                             help="Users whose display name or e-mail address starts with this string.")
    MaxResults = Parameter(int, set="ListUsers__0", help="The maximum number of users returned (default 500).")
    All = Parameter(Switch, mandatory=True, set="All__0", help="Return every user.")
    outputs = "Microsoft.Online.Administration.User"
    examples = [("Get-MsolUser", "Gets up to 500 users."),
                ("Get-MsolUser -EnabledFilter EnabledOnly -MaxResults 2000", "Gets up to 2000 enabled users."),
                ("Get-MsolUser -UserPrincipalName AlexW@contoso.com", "Gets one user by UPN."),
                ("Get-MsolUser -SearchString 'Alex'", "Users whose name or address starts with Alex."),
                ("Get-MsolUser -All | Where-Object { $_.StrongAuthenticationRequirements.State -eq 'Enforced' }",
                 "Users whose per-user MFA is Enforced.")]

    def process(self) -> None:
        t = self.tenant
        self.exclusive("All", "MaxResults")
        if self.parameter_set_name in ("GetUser__0", "GetUserByUpn__0"):
            u = self.resolve(self.UserPrincipalName, self.ObjectId, deleted=bool(self.ReturnDeletedUsers))
            if u is not None:
                self.write(MsolUser(t, u))
            return
        if self.HasErrorsOnly or self.LicenseReconciliationNeededOnly:
            return
        if self.DomainName and t.verified_domain(self.DomainName) is None:
            raise self.error(f"Domain not found.  Domain: {self.DomainName}.", "DomainNotFoundException",
                             ErrorCategory.ObjectNotFound, self.DomainName, MicrosoftOnlineException)
        users = self.call(_query, t, self)
        limit = None if self.All else (self.MaxResults if self.MaxResults is not None else 500)
        self._stream(t, users, limit)

    def _stream(self, t: Any, users: Iterator[Any], limit: int | None) -> None:
        out = self._out
        n = 0
        for u in users:
            if limit is not None and n >= limit:
                self.warn(MORE_RESULTS)
                return
            out(MsolUser(t, u))
            n += 1


def _query(t: Any, c: Any) -> Iterator[Any]:
    from o365shell.tenant.directory import query_users
    users = query_users(t, search_string=c.SearchString, department=c.Department, title=c.Title, city=c.City,
                        state=c.State, country=c.Country, usage_location=c.UsageLocation, domain_name=c.DomainName,
                        enabled_filter=c.EnabledFilter or "All", unlicensed_users_only=bool(c.UnlicensedUsersOnly),
                        return_deleted_users=bool(c.ReturnDeletedUsers))
    if c.Synchronized:
        return (u for u in users if u.immutable_id)
    return users


_USER_FIELDS = ("City", "Country", "Department", "DisplayName", "Fax", "FirstName", "LastName", "MobilePhone",
                "Office", "PhoneNumber", "PostalCode", "PreferredDataLocation", "PreferredLanguage", "State",
                "StreetAddress", "Title", "UsageLocation", "ImmutableId", "UserType", "AlternateEmailAddresses",
                "AlternateMobilePhones", "BlockCredential", "PasswordNeverExpires", "StrongPasswordRequired",
                "LastPasswordChangeTimestamp", "StsRefreshTokensValidFrom")


class _UserProps:
    """The Set-/New-MsolUser property parameters (all by property name, as in the real module)."""

    ImmutableId = Parameter(str, by_property_name=True, help="The immutable ID of a federated user.")
    BlockCredential = Parameter(bool, by_property_name=True, help="$true blocks the user from signing in.")
    City = Parameter(str, by_property_name=True, help="The city.")
    Country = Parameter(str, by_property_name=True, help="The country or region.")
    Department = Parameter(str, by_property_name=True, help="The department.")
    DisplayName = Parameter(str, by_property_name=True, help="The display name.")
    Fax = Parameter(str, by_property_name=True, help="The fax number.")
    FirstName = Parameter(str, by_property_name=True, help="The first name.")
    LastName = Parameter(str, by_property_name=True, help="The last name.")
    LastPasswordChangeTimestamp = Parameter("System.DateTime", by_property_name=True,
                                            help="When the password was last changed.")
    MobilePhone = Parameter(str, by_property_name=True, help="The mobile phone number.")
    Office = Parameter(str, by_property_name=True, help="The office.")
    PasswordNeverExpires = Parameter(bool, by_property_name=True, help="Whether the password never expires.")
    PhoneNumber = Parameter(str, by_property_name=True, help="The phone number.")
    PostalCode = Parameter(str, by_property_name=True, help="The postal code.")
    PreferredDataLocation = Parameter(str, by_property_name=True, help="The preferred data location.")
    PreferredLanguage = Parameter(str, by_property_name=True, help="The preferred language.")
    SoftDeletionTimestamp = Parameter("System.DateTime", by_property_name=True, help="A time for soft deletion.")
    State = Parameter(str, by_property_name=True, help="The state or province.")
    StreetAddress = Parameter(str, by_property_name=True, help="The street address.")
    StrongPasswordRequired = Parameter(bool, by_property_name=True, help="Whether a strong password is required.")
    Title = Parameter(str, by_property_name=True, help="The title.")
    UsageLocation = Parameter(str, by_property_name=True, help="The two-letter country where services are used.")
    AlternateEmailAddresses = Parameter(list[str], by_property_name=True, help="Alternate e-mail addresses.")
    StrongAuthenticationMethods = Parameter("Microsoft.Online.Administration.StrongAuthenticationMethod[]",
                                            by_property_name=True,
                                            help="The registered strong authentication methods (choose the default "
                                                 "or drop methods; @() clears them: the user must register again).")
    AlternateMobilePhones = Parameter(list[str], by_property_name=True, help="Alternate mobile phone numbers.")
    StrongAuthenticationRequirements = Parameter(
        "Microsoft.Online.Administration.StrongAuthenticationRequirement[]", by_property_name=True,
        help="Per-user MFA: one requirement with RelyingParty '*' and State Enabled or Enforced; @() disables.")
    StsRefreshTokensValidFrom = Parameter("System.DateTime", by_property_name=True,
                                          help="Refresh tokens issued before this time are no longer valid.")
    UserType = Parameter(str, by_property_name=True, validate_set=("Member", "Guest", "Other", "Viral"),
                         help="Member or Guest.")


def _norm(v: Any) -> Any:
    """A value in a comparable plain form (DateTime -> datetime, lists -> tuples, '' -> None)."""
    from o365shell.engine.netlib.datetime import DateTime
    if isinstance(v, DateTime):
        return to_py_datetime(v)
    if isinstance(v, (list, tuple)):
        return tuple(str(x) for x in v)
    if v == "":
        return None
    return v


def _requested_state(reqs: list) -> tuple[str, Any]:
    """(state, RememberDevicesNotIssuedBefore) asked for by a requirement array."""
    if not reqs:
        return "Disabled", None
    first = reqs[0]
    state = first.State if isinstance(first, StrongAuthenticationRequirement) else None
    if not state:
        return "", None
    rdnib = first.RememberDevicesNotIssuedBefore if isinstance(first, StrongAuthenticationRequirement) else None
    when = to_py_datetime(rdnib) if rdnib is not None else None
    if when is not None and when.year <= 1:
        when = None
    return str(state), when


class _UserChanges:
    """Plan the changes a Set-MsolUser call makes: only values that differ from the user's."""

    def __init__(self, cmd: Any, user: Any) -> None:
        from o365shell.tenant.errors import ValidationError
        self.props: dict[str, Any] = {}
        self.state: tuple[str, Any] | None = None
        self.methods: list | None = None
        view = MsolUser(cmd.tenant, user)
        bound = cmd.bound
        for name in _USER_FIELDS:
            if name in bound:
                new = bound[name]
                if _norm(new) != _norm(getattr(view, name)):
                    self.props[name] = to_py_datetime(new) if name in (
                        "LastPasswordChangeTimestamp", "StsRefreshTokensValidFrom") else new
        if "SoftDeletionTimestamp" in bound and _norm(bound["SoftDeletionTimestamp"]) != _norm(
                view.SoftDeletionTimestamp):
            raise cmd.tenant_error(ValidationError("SoftDeletionTimestamp is set by Remove-MsolUser; it can't be "
                                                   "changed with Set-MsolUser.", "SoftDeletionTimestamp"))
        if "StrongAuthenticationRequirements" in bound:
            state, when = _requested_state(as_list(bound["StrongAuthenticationRequirements"]))
            if not state:
                raise cmd.tenant_error(ValidationError(
                    "The StrongAuthenticationRequirement has no State; set State to Enabled or Enforced.",
                    "StrongAuthenticationRequirements"))
            current = str(user.mfa_state)
            if state.lower() != current.lower() or (when is not None and when != user.remember_devices_not_issued_before):
                self.state = (state, when)
        if "StrongAuthenticationMethods" in bound:
            wanted = [(str(m.MethodType), bool(m.IsDefault)) for m in as_list(bound["StrongAuthenticationMethods"])
                      if m is not None]
            current_m = [(str(m.method_type), bool(m.is_default)) for m in user.methods]
            if wanted != current_m:
                self.methods = wanted

    def apply(self, t: Any, actor: str, ident: str, dry_run: bool) -> None:
        from o365shell.tenant import directory, mfa
        if self.props:
            directory.update_user(t, actor, ident, self.props, dry_run=dry_run)
        if self.state is not None:
            mfa.set_mfa_state(t, actor, ident, self.state[0], remember_devices_not_issued_before=self.state[1],
                              dry_run=dry_run)
        if self.methods is not None:
            mfa.set_strong_authentication_methods(t, actor, ident, self.methods, dry_run=dry_run)

    @property
    def empty(self) -> bool:
        return not self.props and self.state is None and self.methods is None


@cmdlet("Set-MsolUser", module=MODULE, version=VERSION, should_process=True)
class SetMsolUser(_UserProps, MsolCmdlet):
    """Modifies a user in Azure Active Directory.

    Changes basic properties, sign-in blocking (-BlockCredential $true) and per-user MFA
    (-StrongAuthenticationRequirements, -StrongAuthenticationMethods). Only values that
    differ from the user's are changed, so piping Get-MsolUser into Set-MsolUser changes
    just what the command line asks. The whole request is authorized first: a refused
    part changes nothing."""

    ObjectId = Parameter("System.Guid", by_property_name=True, help="The unique object ID of the user.")
    UserPrincipalName = Parameter(str, by_property_name=True, help="The user ID (UPN) of the user.")
    examples = [
        ("Set-MsolUser -UserPrincipalName MeganB@contoso.com -BlockCredential $true", "Blocks sign-in."),
        ("$st = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement\n"
         "$st.RelyingParty = '*'\n$st.State = 'Enabled'\n"
         "Set-MsolUser -UserPrincipalName MeganB@contoso.com -StrongAuthenticationRequirements @($st)",
         "Enables per-user MFA for a user."),
        ("Set-MsolUser -UserPrincipalName MeganB@contoso.com -StrongAuthenticationRequirements @()",
         "Disables per-user MFA (registered methods are kept).")]

    def process(self) -> None:
        t = self.tenant
        actor = self.actor
        if self.ObjectId is None and not self.UserPrincipalName:
            raise self.error("You must specify either the ObjectId or the UserPrincipalName parameter.",
                             "InvalidArgument", ErrorCategory.InvalidArgument, None, MicrosoftOnlineException)
        user = self.resolve(self.UserPrincipalName, self.ObjectId)
        if user is None:
            return
        plan = _UserChanges(self, user)
        ident = user.object_id
        self.call(plan.apply, t, actor, ident, True, target=user.user_principal_name)
        if plan.empty or not self.should_process(user.user_principal_name):
            return
        self.call(plan.apply, t, actor, ident, False, target=user.user_principal_name)


@cmdlet("New-MsolUser", module=MODULE, version=VERSION, should_process=True)
class NewMsolUser_(_UserProps, MsolCmdlet):
    """Creates a user to Azure Active Directory.

    Creates the user with a random temporary password unless -Password is given (returned
    in the Password property of the output). Licenses (-LicenseAssignment, deprecated)
    need a UsageLocation."""

    UserPrincipalName = Parameter(str, by_property_name=True, help="The user ID (UPN) of the new user (required).")
    Password = Parameter(str, by_property_name=True, help="The password; a random one is generated if omitted.")
    LicenseOptions = Parameter(object, by_property_name=True, help="License options (accepted, not simulated).")
    ForceChangePassword = Parameter(bool, by_property_name=True, default=True,
                                    help="Whether the user must change the password at next sign-in ($true).")
    LicenseAssignment = Parameter(list[str], by_property_name=True, help="AccountSkuIds to assign (deprecated).")
    outputs = "Microsoft.Online.Administration.User"
    examples = [("New-MsolUser -UserPrincipalName davidchew@contoso.com -DisplayName 'David Chew' -FirstName David "
                 "-LastName Chew", "Creates an unlicensed user with a random password."),
                ("New-MsolUser -UserPrincipalName davidchew@contoso.com -DisplayName 'David Chew' -UsageLocation US "
                 "-LicenseAssignment contoso:ENTERPRISEPACK", "Creates a licensed user.")]

    def process(self) -> None:
        from o365shell.tenant import directory, rbac
        t = self.tenant
        actor = self.actor
        props = {n: (to_py_datetime(self.bound[n]) if n in ("LastPasswordChangeTimestamp",
                                                             "StsRefreshTokensValidFrom") else self.bound[n])
                 for n in _USER_FIELDS if n in self.bound and n != "DisplayName"}
        state = None
        if "StrongAuthenticationRequirements" in self.bound:
            state = _requested_state(as_list(self.StrongAuthenticationRequirements))
            self.call(rbac.authorize, t, actor, rbac.Action.SET_MFA_STATE)
        if as_list(self.StrongAuthenticationMethods):
            from o365shell.tenant.errors import ValidationError
            raise self.tenant_error(ValidationError(
                "A new user has no registered methods; the user registers them at the first sign-in.",
                "StrongAuthenticationMethods"))
        upn = self.UserPrincipalName or ""
        kwargs = dict(password=self.Password, force_change_password=self.ForceChangePassword is not False,
                      licenses=list(self.LicenseAssignment or []), properties=props)
        self.call(directory.create_user, t, actor, upn, self.DisplayName, dry_run=True, target=upn, **kwargs)
        if state is not None and state[0] not in ("", "Disabled"):
            from o365shell.tenant.constants import MfaState
            self.call(MfaState.parse, state[0], "State")
        if not self.should_process(upn):
            return
        created = self.call(directory.create_user, t, actor, upn, self.DisplayName, target=upn, **kwargs)
        if state is not None and state[0] not in ("", "Disabled"):
            from o365shell.tenant import mfa
            self.call(mfa.set_mfa_state, t, actor, created.user.object_id, state[0],
                      remember_devices_not_issued_before=state[1])
        self.write(NewMsolUser(t, created.user, created.password))


@cmdlet("Remove-MsolUser", module=MODULE, version=VERSION, default_set="RemoveUser__0", should_process=True)
class RemoveMsolUser(MsolCmdlet):
    """Removes a user from Azure Active Directory.

    Moves the user (and its licenses) to the recycle bin, from where Restore-MsolUser can
    bring it back; -RemoveFromRecycleBin deletes a deleted user for good. Asks for
    confirmation unless -Force is given."""

    ObjectId = Parameter("System.Guid", mandatory=True, by_property_name=True, set="RemoveUser__0",
                         help="The unique object ID of the user to remove.")
    UserPrincipalName = Parameter(str, mandatory=True, by_property_name=True, set="RemoveUserByUpn__0",
                                  help="The UPN of the user to remove.")
    RemoveFromRecycleBin = Parameter(Switch, by_property_name=True, help="Permanently delete a deleted user.")
    Force = Parameter(Switch, help="Do not ask for confirmation.")
    examples = [("Remove-MsolUser -UserPrincipalName davidchew@contoso.com", "Removes a user (asks first)."),
                ("Remove-MsolUser -UserPrincipalName davidchew@contoso.com -Force", "Removes without asking."),
                ("Remove-MsolUser -UserPrincipalName davidchew@contoso.com -RemoveFromRecycleBin",
                 "Deletes a deleted user for good.")]

    def process(self) -> None:
        from o365shell.tenant import directory
        t = self.tenant
        actor = self.actor
        purge = bool(self.RemoveFromRecycleBin)
        user = self.resolve(self.UserPrincipalName, self.ObjectId, deleted=purge)
        if user is None:
            return
        self.call(directory.delete_user, t, actor, user.object_id, purge, dry_run=True, target=user.user_principal_name)
        if self.whatif or self.confirm:
            if not self.should_process(user.user_principal_name):
                return
        elif not self.Force:
            if not self.interactive:
                raise self.noninteractive_error()
            if not self.ctx.host.confirm("Confirm", "Continue with this operation?"):
                return
        self.call(directory.delete_user, t, actor, user.object_id, purge, target=user.user_principal_name)


@cmdlet("Restore-MsolUser", module=MODULE, version=VERSION, default_set="RestoreUser__0", should_process=True)
class RestoreMsolUser(MsolCmdlet):
    """Restores a deleted user.

    Brings a user back from the recycle bin (Deleted users), optionally under a new UPN
    when the old one is taken."""

    ObjectId = Parameter("System.Guid", mandatory=True, by_property_name=True, set="RestoreUser__0",
                         help="The unique object ID of the deleted user.")
    UserPrincipalName = Parameter(str, mandatory=True, by_property_name=True, set="RestoreUserByUpn__0",
                                  help="The UPN of the deleted user.")
    AutoReconcileProxyConflicts = Parameter(Switch, by_property_name=True,
                                            help="Remove conflicting proxy addresses (no conflicts are simulated).")
    NewUserPrincipalName = Parameter(str, by_property_name=True, help="A new UPN for the restored user.")
    examples = [("Restore-MsolUser -UserPrincipalName davidchew@contoso.com", "Restores a deleted user."),
                ("Restore-MsolUser -UserPrincipalName davidchew@contoso.com -NewUserPrincipalName "
                 "davidchew02@contoso.com", "Restores it under another UPN.")]

    def process(self) -> None:
        from o365shell.tenant import directory
        t = self.tenant
        actor = self.actor
        user = self.resolve(self.UserPrincipalName, self.ObjectId, deleted=True)
        if user is None:
            return
        self.call(directory.restore_user, t, actor, user.object_id, self.NewUserPrincipalName, dry_run=True)
        if self.should_process(user.user_principal_name):
            self.call(directory.restore_user, t, actor, user.object_id, self.NewUserPrincipalName)


@cmdlet("Set-MsolUserPassword", module=MODULE, version=VERSION, default_set="ResetUserPassword__0",
        should_process=True)
class SetMsolUserPassword(MsolCmdlet):
    """Resets the password for a user.

    Sets -NewPassword, or a random password that is written to the pipeline. The user
    must change it at the next sign-in unless -ForceChangePassword $false. App passwords
    are not revoked by a password reset."""

    ObjectId = Parameter("System.Guid", mandatory=True, by_property_name=True, set="ResetUserPassword__0",
                         help="The unique object ID of the user.")
    UserPrincipalName = Parameter(str, mandatory=True, by_property_name=True, set="ResetUserPasswordByUpn__0",
                                  help="The UPN of the user.")
    NewPassword = Parameter(str, by_property_name=True, help="The new password (random when omitted).")
    ForceChangePassword = Parameter(bool, by_property_name=True, help="Require a change at the next sign-in.")
    ForceChangePasswordOnly = Parameter(bool, by_property_name=True,
                                        help="Only require a change at the next sign-in; keep the password.")
    outputs = "System.String"
    examples = [("Set-MsolUserPassword -UserPrincipalName MeganB@contoso.com -ForceChangePassword $true",
                 "Resets the password to a random one."),
                ("Set-MsolUserPassword -UserPrincipalName MeganB@contoso.com -NewPassword 'N3w-Passw0rd!'",
                 "Sets a given password.")]

    def process(self) -> None:
        from o365shell.tenant import directory
        t = self.tenant
        actor = self.actor
        user = self.resolve(self.UserPrincipalName, self.ObjectId)
        if user is None:
            return
        force = self.ForceChangePassword is not False
        if self.ForceChangePasswordOnly:
            from o365shell.tenant import rbac
            self.call(rbac.authorize, t, actor, rbac.Action.RESET_PASSWORD, user)
            if self.should_process(user.user_principal_name):
                self.call(directory.update_user, t, actor, user.object_id, {}, target=user.user_principal_name)
                user.force_change_password = True
            return
        self.call(directory.reset_password, t, actor, user.object_id, self.NewPassword, force, dry_run=True)
        if self.should_process(user.user_principal_name):
            self.write(self.call(directory.reset_password, t, actor, user.object_id, self.NewPassword, force))


@cmdlet("Set-MsolUserLicense", module=MODULE, version=VERSION, default_set="SetUserLicenses__0",
        should_process=True)
class SetMsolUserLicense(MsolCmdlet):
    """Updates the license assignment for a user.

    Adds and removes licenses (AccountSkuId values, see Get-MsolAccountSku) in one atomic
    change. Deprecated in the real module; -LicenseOptions is accepted but not simulated."""

    ObjectId = Parameter("System.Guid", mandatory=True, by_property_name=True, set="SetUserLicenses__0",
                         help="The unique object ID of the user.")
    UserPrincipalName = Parameter(str, mandatory=True, by_property_name=True, set="SetUserLicensesByUpn__0",
                                  help="The UPN of the user.")
    AddLicenses = Parameter(list[str], by_property_name=True, help="AccountSkuIds to assign.")
    RemoveLicenses = Parameter(list[str], by_property_name=True, help="AccountSkuIds to remove.")
    LicenseOptions = Parameter(object, by_property_name=True, help="License options (accepted, not simulated).")
    examples = [("Set-MsolUserLicense -UserPrincipalName JoniS@contoso.com -AddLicenses 'contoso:ENTERPRISEPACK'",
                 "Adds a license (the user needs a UsageLocation).")]

    def process(self) -> None:
        from o365shell.tenant import directory
        t = self.tenant
        actor = self.actor
        user = self.resolve(self.UserPrincipalName, self.ObjectId)
        if user is None:
            return
        add, remove = list(self.AddLicenses or []), list(self.RemoveLicenses or [])
        self.call(directory.set_user_licenses, t, actor, user.object_id, add, remove, dry_run=True)
        if self.should_process(user.user_principal_name):
            self.call(directory.set_user_licenses, t, actor, user.object_id, add, remove)


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


# ----------------------------------------------------------------------------- company, domains, SKUs

@cmdlet("Get-MsolCompanyInformation", module=MODULE, version=VERSION)
class GetMsolCompanyInformation(MsolCmdlet):
    """Gets company-level information."""

    outputs = "Microsoft.Online.Administration.CompanyInformation"
    examples = [("Get-MsolCompanyInformation", "Shows the company's information.")]

    def process(self) -> None:
        self.write(CompanyInformation.of(self.tenant.company))


@cmdlet("Get-MsolDomain", module=MODULE, version=VERSION, default_set="ListDomains__0")
class GetMsolDomain(MsolCmdlet):
    """Gets a domain in Azure Active Directory."""

    DomainName = Parameter(str, mandatory=True, by_property_name=True, set="GetDomain__0",
                           help="The fully qualified domain name to get.")
    Status = Parameter(str, set="ListDomains__0", validate_set=("Verified", "Unverified", "PendingDeletion"),
                       help="Only domains with this status.")
    Authentication = Parameter(str, set="ListDomains__0", validate_set=("Managed", "Federated"),
                               help="Only domains with this authentication type.")
    Capability = Parameter(str, set="ListDomains__0",
                           validate_set=("None", "Email", "Sharepoint", "OfficeCommunicationsOnline", "Intune",
                                         "OrgIdAuthentication", "Yammer", "All"),
                           help="Only domains with this capability.")
    outputs = "Microsoft.Online.Administration.Domain"
    examples = [("Get-MsolDomain", "Lists the company's domains."),
                ("Get-MsolDomain -DomainName contoso.com", "Gets one domain.")]

    def process(self) -> None:
        t = self.tenant
        if self.DomainName is not None:
            self.write(Domain.of(self.call(t.domain, self.DomainName, target=self.DomainName)))
            return
        for d in t.domains.values():
            if self.Status and d.status.lower() != self.Status.lower():
                continue
            if self.Authentication and d.authentication.lower() != self.Authentication.lower():
                continue
            if self.Capability and self.Capability.lower() not in ("all",) and \
                    self.Capability.lower() not in d.capabilities.lower():
                continue
            self.write(Domain.of(d))


@cmdlet("Get-MsolAccountSku", module=MODULE, version=VERSION)
class GetMsolAccountSku(MsolCmdlet):
    """Returns all the SKUs for a company."""

    outputs = "Microsoft.Online.Administration.AccountSKU"
    examples = [("Get-MsolAccountSku", "Lists the subscriptions and their license counts."),
                ("Get-MsolAccountSku | Select-Object -ExpandProperty ServiceStatus", "The service plans.")]

    def process(self) -> None:
        t = self.tenant
        self.write_all(AccountSKU.of(t, s) for s in t.skus.values())


_ = (GenericList, EXTENSION_DATA, StrongAuthenticationMethod)
