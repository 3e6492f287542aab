"""The legacy per-user MFA page of the Microsoft 365 admin center, as cmdlets (noun ``Mfa``).

In reality these actions exist only in the portal: Microsoft 365 admin center > Users >
Active users > Multi-factor authentication, which opens the legacy page
https://account.activedirectory.windowsazure.com/usermanagement/multifactorverification.aspx
with its two tabs, "users" and "service settings". Each cmdlet's help names the step it
stands for. They act as the account signed in with Connect-MsolService (the portal's
signed-in admin) and use the tenant model, which authorizes, validates and audits.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory, ItemNotFoundException

from .tenantsvc import TenantCmdlet, as_list

MODULE = "O365Shell.AdminCenter"
VERSION = "1.0.0"
PAGE = ("Microsoft 365 admin center > Users > Active users > Multi-factor authentication (legacy per-user MFA page "
        "multifactorverification.aspx)")
NS = "O365Shell.AdminCenter."


@dataclass(slots=True)
class MfaUser:
    """A row of the MFA page's users list."""

    __ps_typename__ = NS + "MfaUser"
    __ps_properties__ = ("DisplayName", "UserPrincipalName", "MultiFactorAuthStatus")
    DisplayName: str
    UserPrincipalName: str
    MultiFactorAuthStatus: str


@dataclass(slots=True)
class MfaServiceSettings:
    """The 'service settings' tab of the MFA page."""

    __ps_typename__ = NS + "MfaServiceSettings"
    __ps_properties__ = ("AllowAppPasswords", "TrustedIPs", "SkipMfaForFederatedUsers", "VerificationOptions",
                         "RememberMfaOnTrustedDevices", "RememberMfaDays")
    AllowAppPasswords: bool
    TrustedIPs: list
    SkipMfaForFederatedUsers: bool
    VerificationOptions: list
    RememberMfaOnTrustedDevices: bool
    RememberMfaDays: int


@dataclass(slots=True)
class MfaUserSettingsResult:
    """What 'Manage user settings' did for one user."""

    __ps_typename__ = NS + "MfaUserSettingsResult"
    __ps_properties__ = ("UserPrincipalName", "MethodsCleared", "AppPasswordsDeleted", "RememberedDevicesRestored")
    UserPrincipalName: str
    MethodsCleared: bool
    AppPasswordsDeleted: int
    RememberedDevicesRestored: bool


@dataclass(slots=True)
class MfaBulkUpdateRow:
    """One line of a bulk update file and what happened to it."""

    __ps_typename__ = NS + "MfaBulkUpdateRow"
    __ps_properties__ = ("Line", "Username", "State", "PreviousState", "Status", "Message")
    Line: int
    Username: str
    State: str
    PreviousState: str | None
    Status: str
    Message: str


def _register() -> None:
    from o365shell.engine.types import register_class
    from o365shell.format.views import register_table_view
    for cls in (MfaUser, MfaServiceSettings, MfaUserSettingsResult, MfaBulkUpdateRow):
        register_class(cls, ctor=None)
    register_table_view(NS + "MfaBulkUpdateRow", [("Line", "Line", None, "right"), ("Username", "Username"),
                                                  ("State", "State"), ("Status", "Status"), ("Message", "Message")])


_register()


class AdminCenterCmdlet(TenantCmdlet):
    """Base of the Mfa* cmdlets: the portal session is the Connect-MsolService connection."""

    connection = "msonline"
    module = MODULE
    version = VERSION

    def begin(self) -> None:
        _ = self.actor


def _row(u: Any) -> MfaUser:
    return MfaUser(u.display_name, u.user_principal_name, str(u.mfa_state))


@cmdlet("Get-MfaUser", module=MODULE, version=VERSION)
class GetMfaUser(AdminCenterCmdlet):
    """Lists users and their per-user MFA status, as the legacy MFA page does.

    Portal: the MFA page's 'users' tab, its list (DISPLAY NAME, USER NAME, MULTI-FACTOR
    AUTH STATUS) and the 'Multi-factor auth status' view drop-down (Any, Enabled,
    Enforced, Disabled); -UserPrincipalName is the page's search box."""

    State = Parameter(str, position=0, validate_set=("Any", "Enabled", "Enforced", "Disabled"),
                      help="Which users to list: Any (default), Enabled, Enforced or Disabled.")
    UserPrincipalName = Parameter(list[str], by_property_name=True,
                                  help="Only these users (the page's search box).")
    notes = PAGE + "; step: the users tab, View: Multi-factor auth status."
    outputs = NS + "MfaUser"
    examples = [("Get-MfaUser", "Every user with their MFA status."),
                ("Get-MfaUser -State Enabled", "Users who are enabled but not yet enforced."),
                ("Get-MfaUser | Where-Object MultiFactorAuthStatus -eq 'Enforced'", "The enforced users.")]

    def process(self) -> None:
        from o365shell.tenant import mfa
        t = self.tenant
        if self.UserPrincipalName:
            state = (self.State or "Any").lower()
            for upn in self.UserPrincipalName:
                u = t.find_user(upn)
                if u is None:
                    self.write_error(f"User Not Found.  User: {upn}.", "UserNotFound", ErrorCategory.ObjectNotFound, upn)
                elif state == "any" or str(u.mfa_state).lower() == state:
                    self.write(_row(u))
            return
        for r in self.call(mfa.get_mfa_users, t, self.actor, self.State or "Any"):
            self.write(MfaUser(r.DisplayName, r.UserPrincipalName, r.MultiFactorAuthStatus))


class _StateChange(AdminCenterCmdlet):
    UserPrincipalName = Parameter(list[str], mandatory=True, position=0, by_property_name=True,
                                  help="The users to change (UPNs; accepts Get-MfaUser / Get-MsolUser output).")
    PassThru = Parameter(Switch, help="Return the users' new status.")
    target_state = ""

    def begin(self) -> None:
        super().begin()
        self._upns: list[str] = []

    def process(self) -> None:
        self._upns += [str(u) for u in as_list(self.UserPrincipalName)]

    def end(self) -> None:
        from o365shell.tenant import mfa
        t, actor = self.tenant, self.actor
        users = []
        for upn in self._upns:
            u = t.find_user(upn)
            if u is None:
                self.write_error(f"User Not Found.  User: {upn}.", "UserNotFound", ErrorCategory.ObjectNotFound, upn)
                continue
            self.call(mfa.set_mfa_state, t, actor, u.object_id, self.target_state, dry_run=True, target=upn)
            users.append(u)
        if self.target_state == "Enabled":  # the portal's Enable step leaves enforced users enforced
            kept = [u for u in users if str(u.mfa_state) == "Enforced"]
            users = [u for u in users if str(u.mfa_state) != "Enforced"]
            if self.PassThru:
                self.write_all(_row(u) for u in kept)
        for u in users:
            if self.should_process(u.user_principal_name, f"{self.name} ({self.target_state})"):
                self.call(mfa.set_mfa_state, t, actor, u.object_id, self.target_state, target=u.user_principal_name)
                if self.PassThru:
                    self.write(_row(u))


@cmdlet("Enable-MfaUser", module=MODULE, version=VERSION, should_process=True)
class EnableMfaUser(_StateChange):
    """Enables per-user MFA for users (they register at their next sign-in).

    Portal: on the MFA page's users tab, select the users, then quick steps > Enable >
    'enable multi-factor auth'. Their status becomes Enabled, and Enforced once they
    complete registration (an already Enforced user stays Enforced). Only a Global
    Administrator can change per-user MFA; every user is checked before any is changed."""

    target_state = "Enabled"
    notes = PAGE + "; step: users tab > select users > quick steps: Enable."
    examples = [("Enable-MfaUser -UserPrincipalName MeganB@contoso.com", "Enables MFA for Megan."),
                ("Get-MsolUser -Department Marketing | Enable-MfaUser", "Enables MFA for a department.")]


@cmdlet("Disable-MfaUser", module=MODULE, version=VERSION, should_process=True)
class DisableMfaUser(_StateChange):
    """Disables per-user MFA for users (registered methods are kept).

    Portal: on the MFA page's users tab, select the users, then quick steps > Disable >
    'disable multi-factor auth'."""

    target_state = "Disabled"
    notes = PAGE + "; step: users tab > select users > quick steps: Disable."
    examples = [("Disable-MfaUser -UserPrincipalName AdeleV@contoso.com", "Turns MFA off for Adele.")]


@cmdlet("Set-MfaUserSettings", module=MODULE, version=VERSION, should_process=True)
class SetMfaUserSettings(AdminCenterCmdlet):
    """Manage user settings: re-registration, app passwords, remembered devices.

    Portal: on the MFA page's users tab, select the users, then quick steps > 'Manage user
    settings', with its three check boxes: 'Require selected users to provide contact
    methods again' (-RequireContactMethodsAgain), 'Delete all existing app passwords
    generated by the selected users' (-DeleteAppPasswords) and 'Restore multi-factor
    authentication on all remembered devices' (-RestoreRememberedDevices)."""

    UserPrincipalName = Parameter(list[str], mandatory=True, position=0, by_property_name=True,
                                  help="The users (UPNs).")
    RequireContactMethodsAgain = Parameter(Switch, help="Clear the registered methods: the users register again.")
    DeleteAppPasswords = Parameter(Switch, help="Delete every app password of the users.")
    RestoreRememberedDevices = Parameter(Switch, help="Ask for MFA again on every remembered device.")
    notes = PAGE + "; step: users tab > select users > quick steps: Manage user settings."
    outputs = NS + "MfaUserSettingsResult"
    examples = [("Set-MfaUserSettings -UserPrincipalName AlexW@contoso.com -RequireContactMethodsAgain",
                 "Alex must register a verification method again."),
                ("Set-MfaUserSettings -UserPrincipalName AlexW@contoso.com -DeleteAppPasswords "
                 "-RestoreRememberedDevices", "Deletes Alex's app passwords and forgets his remembered devices.")]

    def begin(self) -> None:
        super().begin()
        self._upns: list[str] = []

    def process(self) -> None:
        self._upns += [str(u) for u in as_list(self.UserPrincipalName)]

    def end(self) -> None:
        from o365shell.tenant import mfa
        if not (self.RequireContactMethodsAgain or self.DeleteAppPasswords or self.RestoreRememberedDevices):
            raise self.error("Select at least one setting: -RequireContactMethodsAgain, -DeleteAppPasswords or "
                             "-RestoreRememberedDevices.", "NoSettingSelected", ErrorCategory.InvalidArgument)
        t, actor = self.tenant, self.actor
        upns = []
        for upn in self._upns:
            if t.find_user(upn) is None:
                self.write_error(f"User Not Found.  User: {upn}.", "UserNotFound", ErrorCategory.ObjectNotFound, upn)
            else:
                upns.append(upn)
        if not upns:
            return
        opts = dict(require_contact_methods_again=bool(self.RequireContactMethodsAgain),
                    delete_app_passwords=bool(self.DeleteAppPasswords),
                    restore_remembered_devices=bool(self.RestoreRememberedDevices))
        self.call(mfa.manage_user_settings, t, actor, upns, dry_run=True, **opts)
        if self.should_process(", ".join(upns)):
            for r in self.call(mfa.manage_user_settings, t, actor, upns, **opts):
                self.write(MfaUserSettingsResult(r.UserPrincipalName, r.MethodsCleared, r.AppPasswordsDeleted,
                                                 r.RememberedDevicesRestored))


def _settings_object(s: Any) -> MfaServiceSettings:
    from o365shell.tenant.mfa import mfa_service_settings_view
    v = mfa_service_settings_view(s)
    return MfaServiceSettings(v["AllowAppPasswords"], v["TrustedIPs"], v["SkipMfaForFederatedUsers"],
                              v["VerificationOptions"], v["RememberMfaOnTrustedDevices"], v["RememberMfaDays"])


@cmdlet("Get-MfaServiceSettings", module=MODULE, version=VERSION)
class GetMfaServiceSettings(AdminCenterCmdlet):
    """Shows the MFA service settings.

    Portal: the MFA page's 'service settings' tab: app passwords, trusted IPs, verification
    options, and remember multi-factor authentication on trusted devices."""

    notes = PAGE + "; step: the service settings tab."
    outputs = NS + "MfaServiceSettings"
    examples = [("Get-MfaServiceSettings", "The current settings.")]

    def end(self) -> None:
        from o365shell.tenant import mfa
        self.write(_settings_object(self.call(mfa.get_mfa_service_settings, self.tenant, self.actor)))


@cmdlet("Set-MfaServiceSettings", module=MODULE, version=VERSION, should_process=True)
class SetMfaServiceSettings(AdminCenterCmdlet):
    """Changes the MFA service settings (Global Administrator only).

    Portal: the MFA page's 'service settings' tab, then Save: 'Allow users to create app
    passwords to sign in to non-browser apps' (-AllowAppPasswords), trusted IPs (up to 50
    IPv4 ranges in CIDR notation; -SkipMfaForFederatedUsers is 'Skip multi-factor
    authentication for requests from federated users on my intranet'), verification
    options ('Call to phone', 'Text message to phone', 'Notification through mobile app',
    'Verification code from mobile app or hardware token'), and remember multi-factor
    authentication on trusted devices for 1 to 365 days."""

    AllowAppPasswords = Parameter(bool, help="Allow users to create app passwords (default $false).")
    TrustedIPs = Parameter(list[str], allow_empty=True, help="Trusted IPv4 ranges in CIDR notation (at most 50).")
    SkipMfaForFederatedUsers = Parameter(bool, help="Skip MFA for federated users on the intranet.")
    VerificationOptions = Parameter(list[str], help="The allowed verification options (portal labels or names).")
    RememberMfaOnTrustedDevices = Parameter(bool, help="Let users remember MFA on trusted devices.")
    RememberMfaDays = Parameter(int, help="How many days a device is remembered (1-365).")
    notes = PAGE + "; step: service settings tab > Save."
    examples = [("Set-MfaServiceSettings -AllowAppPasswords $true", "Lets users create app passwords."),
                ("Set-MfaServiceSettings -TrustedIPs '203.0.113.0/24' -RememberMfaOnTrustedDevices $true "
                 "-RememberMfaDays 30", "Trusts an office range and remembers devices for 30 days.")]

    def end(self) -> None:
        from o365shell.tenant import mfa
        t, actor = self.tenant, self.actor
        b = self.bound
        kwargs = dict(allow_app_passwords=b.get("AllowAppPasswords"),
                      trusted_ips=as_list(b["TrustedIPs"]) if "TrustedIPs" in b else None,
                      verification_options=as_list(b["VerificationOptions"]) if "VerificationOptions" in b else None,
                      remember_mfa_on_trusted_devices=b.get("RememberMfaOnTrustedDevices"),
                      remember_mfa_days=b.get("RememberMfaDays"),
                      skip_for_federated_users=b.get("SkipMfaForFederatedUsers"))
        self.call(mfa.set_mfa_service_settings, t, actor, dry_run=True, **kwargs)
        if self.should_process("MFA service settings"):
            self.call(mfa.set_mfa_service_settings, t, actor, **kwargs)


def _resolve_path(cmd: Any, path: str) -> str:
    """A -Path as the FileSystem provider resolves it (current location, ~, '\\', the C: / D: drives)."""
    from .utility_common import resolve_path
    return resolve_path(cmd, str(path))


@cmdlet("Invoke-MfaBulkUpdate", module=MODULE, version=VERSION, should_process=True)
class InvokeMfaBulkUpdate(AdminCenterCmdlet):
    """Bulk-updates per-user MFA from the MFA page's CSV file.

    Portal: on the MFA page's users tab, 'bulk update' > upload the CSV file (header
    'Username,MFA Status'; one user per line with Enabled, Enforced or Disabled) > the
    page verifies the file > 'update'. The whole file is verified first: unknown users,
    bad states, bad headers and duplicate users are each reported with their line number
    (the header is line 1), and nothing changes unless every line verifies. One row is
    returned per line; -WhatIf verifies only."""

    Path = Parameter(str, mandatory=True, position=0, help="The CSV file (see Get-MfaBulkUpdateTemplate).")
    notes = PAGE + "; step: users tab > bulk update > upload the file > update."
    outputs = NS + "MfaBulkUpdateRow"
    examples = [("Invoke-MfaBulkUpdate -Path ./users.csv -WhatIf", "Verifies the file without changing anyone."),
                ("Invoke-MfaBulkUpdate -Path ./users.csv", "Verifies the file, then applies it.")]

    def end(self) -> None:
        from o365shell.tenant import bulk
        t, actor = self.tenant, self.actor
        path = _resolve_path(self, self.Path)
        if not os.path.isfile(path):
            raise self.error(f"Cannot find path '{path}' because it does not exist.", "PathNotFound",
                             ErrorCategory.ObjectNotFound, self.Path, ItemNotFoundException)
        with open(path, encoding="utf-8-sig", errors="replace") as f:
            text = f.read()
        rows = self.call(bulk.parse_bulk_csv, text, target=self.Path)
        report = self.call(bulk.bulk_update_mfa, t, actor, rows, dry_run=True, target=self.Path)
        if report.ok and self.should_process(f"{len(report.rows)} users in {self.Path}", "Invoke-MfaBulkUpdate"):
            report = self.call(bulk.bulk_update_mfa, t, actor, rows, target=self.Path)
        for r in report.rows:
            self.write(MfaBulkUpdateRow(r.Line, r.Username, r.State, r.PreviousState, r.Status, r.Message))
        if not report.ok:
            n = len(report.errors)
            self.write_error(f"The file has {n} line{'s' if n != 1 else ''} that could not be verified; no user was "
                             "updated. Correct the file and upload it again.", "BulkUpdateVerificationFailed",
                             ErrorCategory.InvalidData, self.Path)


@cmdlet("Get-MfaBulkUpdateTemplate", module=MODULE, version=VERSION)
class GetMfaBulkUpdateTemplate(AdminCenterCmdlet):
    """Gets the sample CSV file of the MFA page's bulk update.

    Portal: on the MFA page's users tab, 'bulk update' > 'download a sample file'. Writes
    the file to -Path, or returns its lines."""

    Path = Parameter(str, position=0, help="Where to save the sample file.")
    notes = PAGE + "; step: users tab > bulk update > download a sample file."
    examples = [("Get-MfaBulkUpdateTemplate -Path ./users.csv", "Saves the sample file."),
                ("Get-MfaBulkUpdateTemplate", "Shows it.")]

    def end(self) -> None:
        from o365shell.tenant.bulk import bulk_template
        text = bulk_template()
        if self.Path:
            from .utility_common import file_io_error
            full = _resolve_path(self, self.Path)
            try:
                with open(full, "w", encoding="utf-8", newline="") as f:
                    f.write(text)
            except OSError as e:
                raise file_io_error(self, e, full) from None
            return
        self.write_all(text.splitlines())
