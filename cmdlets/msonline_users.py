"""MSOnline user cmdlets: Get-MsolUser, Set-MsolUser, New-MsolUser, Remove-MsolUser,
Restore-MsolUser, Set-MsolUserPassword and Set-MsolUserLicense."""
from __future__ import annotations

from typing import Any, Iterator

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory

from .msoltypes import MsolUser, NewMsolUser, StrongAuthenticationRequirement
from .msonline import MODULE, MORE_RESULTS, VERSION, MsolCmdlet
from .tenantsvc import MicrosoftOnlineException, as_list, to_py_datetime


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
