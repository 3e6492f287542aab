"""Exchange Online (ExchangeOnlineManagement v3) over the simulated tenant: the ``ExoCmdlet`` base
class, Connect-ExchangeOnline / Disconnect-ExchangeOnline, the Exchange object types, and the
helpers that turn a tenant property table into cmdlet parameters.

Connect-ExchangeOnline signs in (credential, or a prompt where the real module opens a
browser) and prints the v3 banner; until then the Exchange cmdlets do not exist, and
afterwards only those the account's management roles allow are loaded (as Exchange
Online's RBAC does: a plain user sees no Set-OrganizationConfig). Organization config,
CAS mailboxes and authentication policies are validated as a whole by the tenant model
(o365shell.tenant.exchange / orgconfig) and every change is audited (Search-UnifiedAuditLog).
The cmdlets are in ``exchange_settings`` (organization config, CAS mailboxes),
``exchange_authpolicy`` (authentication policies), ``exchange_audit`` (Search-UnifiedAuditLog) and
``exchange_auditconfig`` (Get-/Set-AdminAuditLogConfig: unified audit log ingestion on or off).
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory

from .tenantsvc import (AuthenticationException, Connection, ExchangeException, TenantCmdlet, as_list, connection,
                        connections, set_anchor, to_net_datetime)

MODULE = "ExchangeOnlineManagement"
VERSION = "3.7.2"
_NOTES = ("Simulates the Exchange Online PowerShell V3 module (ExchangeOnlineManagement) against the o365shell "
          "tenant. Available after Connect-ExchangeOnline, subject to the account's Exchange roles.")

BANNER = """----------------------------------------------------------------------------------------
This V3 EXO PowerShell module contains new REST API backed Exchange Online cmdlets which doesn't require WinRM for Client-Server communication. You can now run these cmdlets after turning off WinRM Basic Auth in your client machine thus making it more secure.

Unlike the EXO* prefixed cmdlets, the cmdlets in this module support full functional parity with the RPS (V1) cmdlets.

V3 cmdlets in the downloaded module are resilient to transient failures, handling retries and throttling errors inherently.

REST backed EOP and SCC cmdlets are also available in the V3 module. Similar to EXO, the cmdlets can be run without WinRM basic auth enabled.

For more information check https://aka.ms/exov3-module

Starting with EXO V3.7, use the LoadCmdletHelp parameter alongside Connect-ExchangeOnline to access the Get-Help cmdlet, as it will not be loaded by default
----------------------------------------------------------------------------------------
"""

RESULT_SIZE_WARNING = ("By default, only the first 1000 items are returned. Use the ResultSize parameter to specify "
                       "the number of items returned. To return all items, specify \"-ResultSize Unlimited\". Be "
                       "aware that, depending on the actual number of items, returning all items can take a long "
                       "time and consume a large amount of memory. Also, we don't recommend storing the results in "
                       "a variable. Instead, pipe the results to another task or script to perform batch changes.")

_NOT_FOUND_ID = "Ex6F9304|Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException"
_INVALID_ID = "ExB10A0F|Microsoft.Exchange.Management.Tasks.ArgumentException"


class ExoCmdlet(TenantCmdlet):
    """Base of the Exchange Online cmdlets (REST-backed: errors come back through Write-ErrorMessage)."""

    connection = "exchange"
    module = MODULE
    version = VERSION
    notes = _NOTES

    def exo_error(self, e: Exception, target: Any = None) -> Any:
        """A tenant error as EXO v3 shows it: ``Write-ErrorMessage: ExXXXX|Type|message``."""
        from o365shell.tenant import errors as E
        if isinstance(e, (E.MailboxNotFound, E.PolicyNotFound)):
            err = self.error(f"{_NOT_FOUND_ID}|{e}", "Microsoft.Exchange.Configuration.Tasks."
                             "ManagementObjectNotFoundException", ErrorCategory.ObjectNotFound, target, ExchangeException)
        elif isinstance(e, E.AccessDenied):
            err = self.error(f"ExC2B6D0|Microsoft.Exchange.Configuration.Tasks.AccessDeniedException|The user "
                             f"\"{e.actor}\" isn't assigned to any management roles that allow this action.",
                             "AccessDenied", ErrorCategory.PermissionDenied, target, ExchangeException)
        else:
            err = self.error(f"{_INVALID_ID}|{e}", "InvalidArgument", ErrorCategory.InvalidArgument, target,
                             ExchangeException)
        err.command_name = "Write-ErrorMessage"
        return err

    def xcall(self, fn: Any, *args: Any, target: Any = None, **kwargs: Any) -> Any:
        from o365shell.tenant.errors import TenantError
        try:
            return fn(*args, **kwargs)
        except TenantError as e:
            raise self.exo_error(e, target) from None

    def on_premises_only(self, *names: str) -> None:
        """Refuse parameters that exist only in on-premises Exchange."""
        used = [n for n in names if n in self.bound]
        if used:
            from o365shell.tenant.errors import ValidationError
            raise self.exo_error(ValidationError(
                f"The {used[0]} parameter is available only in on-premises Exchange; it can't be used in Exchange "
                "Online.", used[0]), used[0])


# ----------------------------------------------------------------------------- connection

@cmdlet("Connect-ExchangeOnline", module=MODULE, version=VERSION)
class ConnectExchangeOnline(TenantCmdlet):
    """Connects to Exchange Online PowerShell with modern authentication.

    Signs in to the simulated tenant's Exchange Online: -Credential signs in with a
    credential object; -UserPrincipalName (or no parameter, -InlineCredential, -Device)
    prompts for the password where the real module opens a browser, then for the
    verification code when the account needs MFA. Prints the V3 banner unless
    -ShowBanner:$false. App-only (-AppId with a certificate), -AccessToken and managed
    identities fail as they do for an application the tenant does not have."""

    ConnectionUri = Parameter(str, position=0, help="The connection endpoint (default for Microsoft 365).")
    AzureADAuthorizationEndpointUri = Parameter(str, position=1, help="The Microsoft Entra authorization endpoint.")
    ExchangeEnvironmentName = Parameter(str, position=2,
                                        validate_set=("O365Default", "O365GermanyCloud", "O365China",
                                                      "O365USGovGCCHigh", "O365USGovDoD"),
                                        help="The environment: O365Default, or O365China for 21Vianet.")
    PSSessionOption = Parameter(object, position=3, help="Session options (RPS sessions only).")
    DelegatedOrganization = Parameter(str, position=4, help="A customer organization (CSP partners).")
    Prefix = Parameter(str, position=5, help="A prefix for the imported cmdlet names (not simulated).")
    CommandName = Parameter(list[str], position=6, help="The cmdlets to import.")
    FormatTypeName = Parameter(list[str], position=7, help="Output format types.")
    AccessToken = Parameter(str, help="An OAuth access token.")
    AppId = Parameter(str, help="The application ID for app-only (certificate) authentication.")
    BypassMailboxAnchoring = Parameter(Switch, help="Bypass the mailbox anchoring hint.")
    Certificate = Parameter(object, help="The certificate for app-only authentication.")
    CertificateFilePath = Parameter(str, help="A certificate file for app-only authentication.")
    CertificatePassword = Parameter("System.Security.SecureString", help="The certificate file's password.")
    CertificateThumbprint = Parameter(str, help="A certificate thumbprint for app-only authentication.")
    Credential = Parameter("System.Management.Automation.PSCredential", help="The credential to sign in with.")
    Device = Parameter(Switch, help="Sign in with a device code (prompted here).")
    DisableWAM = Parameter(Switch, help="Do not use the Web Account Manager.")
    EnableErrorReporting = Parameter(Switch, help="Log errors.")
    EXOModuleBasePath = Parameter(str, help="Where the module's cmdlets are cached.")
    InlineCredential = Parameter(Switch, help="Prompt for the credential in the console.")
    LoadCmdletHelp = Parameter(Switch, help="Load Get-Help for the Exchange cmdlets.")
    LogDirectoryPath = Parameter(str, help="Where logs are written.")
    LogLevel = Parameter(str, validate_set=("Default", "All"), help="Default or All.")
    ManagedIdentity = Parameter(Switch, help="Sign in with a managed identity.")
    ManagedIdentityAccountId = Parameter(str, help="A user-assigned managed identity.")
    Organization = Parameter(str, help="The organization for app-only authentication.")
    PageSize = Parameter(int, help="Entries per page (default 1000).")
    ShowBanner = Parameter(Switch, default=True, help="Show the banner (default); -ShowBanner:$false hides it.")
    ShowProgress = Parameter(bool, help="Show a progress bar for large results.")
    SigningCertificate = Parameter(object, help="Sign the temporary module with this certificate.")
    SkipLoadingCmdletHelp = Parameter(Switch, help="Do not load cmdlet help.")
    SkipLoadingFormatData = Parameter(Switch, help="Do not load format data.")
    TrackPerformance = Parameter(bool, help="Log performance data.")
    UseMultithreading = Parameter(bool, help="Use multithreading (default $true).")
    UserPrincipalName = Parameter(str, help="The account to sign in with (its password is prompted for).")
    UseRPSSession = Parameter(Switch, help="Use a remote PowerShell session (retired).")
    module = MODULE
    notes = _NOTES
    examples = [("Connect-ExchangeOnline -UserPrincipalName admin@contoso.onmicrosoft.com",
                 "Prompts for the password (and the MFA code when needed) and connects."),
                ("Connect-ExchangeOnline -Credential (Get-LabCredential PattiF@contoso.com) -ShowBanner:$false",
                 "Connects with a credential object, without the banner.")]

    def end(self) -> None:
        tenant = self.tenant
        if self.AppId or self.CertificateThumbprint or self.Certificate is not None or self.CertificateFilePath:
            app = self.AppId or "(no AppId)"
            org = self.Organization or tenant.initial_domain
            raise self.error(f"AADSTS700016: Application with identifier '{app}' was not found in the directory "
                             f"'{org}'. This can happen if the application has not been installed by the administrator "
                             "of the tenant or consented to by any user in the tenant. You may have sent your "
                             "authentication request to the wrong tenant.", "AADSTS700016",
                             ErrorCategory.AuthenticationError, app, AuthenticationException)
        if self.AccessToken:
            raise self.error("AADSTS50000: The access token could not be validated (o365shell issues no tokens; use "
                             "-Credential or the sign-in prompt).", "InvalidToken", ErrorCategory.AuthenticationError,
                             None, AuthenticationException)
        if self.ManagedIdentity:
            raise self.error("ManagedIdentityCredential authentication unavailable. No managed identity endpoint "
                             "found.", "ManagedIdentityUnavailable", ErrorCategory.AuthenticationError, None,
                             AuthenticationException)
        env = self.ExchangeEnvironmentName or "O365Default"
        china = str(tenant.cloud) == "AzureChinaCloud"
        if self.Device:
            code = uuid.uuid4().hex[:9].upper()
            self.ctx.host.write_line(f"To sign in, use a web browser to open the page https://microsoft.com/devicelogin "
                                     f"and enter the code {code} to authenticate.")
        upn = self.sign_in("exchange", self.Credential, self.UserPrincipalName, "Sign in to your account",
                           "Enter the password of your Microsoft 365 work or school account.",
                           (env == "O365China") == china)
        if self.UserPrincipalName and self.Credential is None and upn.lower() != self.UserPrincipalName.lower():
            self.verbose(f"Signed in as {upn} (the prompt was for {self.UserPrincipalName}).")
        if self.Prefix:
            self.warn("The Prefix parameter is not simulated: the Exchange cmdlets keep their names.")
        conns = connections(self.ctx)
        conns["exchange"] = Connection(upn, env, extra={"ConnectionId": str(uuid.uuid4()),
                                                        "Prefix": self.Prefix or "", "AuditSessions": {}})
        if self.bound.get("ShowBanner", True) is not False:
            self.ctx.host.write_line(BANNER)


@cmdlet("Disconnect-ExchangeOnline", module=MODULE, version=VERSION, default_set="DefaultParameterSet",
        should_process=True)
class DisconnectExchangeOnline(TenantCmdlet):
    """Disconnects the connections created with Connect-ExchangeOnline.

    Asks for confirmation (ConfirmImpact High) unless -Confirm:$false; a host that cannot
    prompt (-NonInteractive) fails as pwsh does. Afterwards the Exchange cmdlets are gone."""

    ConnectionId = Parameter(list[str], mandatory=True, set="ConnectionId",
                             help="Disconnect only the connection with this ConnectionId.")
    ModulePrefix = Parameter(list[str], mandatory=True, set="ModulePrefix",
                             help="Disconnect only the connections using this prefix.")
    _Default = set_anchor("DefaultParameterSet")
    module = MODULE
    notes = _NOTES
    examples = [("Disconnect-ExchangeOnline", "Asks for confirmation, then disconnects."),
                ("Disconnect-ExchangeOnline -Confirm:$false", "Disconnects without a prompt.")]

    def end(self) -> None:
        conn = connection(self.ctx, "exchange")
        if conn is None:
            return
        if self.ConnectionId is not None and conn.extra.get("ConnectionId") not in self.ConnectionId:
            return
        if self.ModulePrefix is not None and (conn.extra.get("Prefix") or "").lower() not in \
                {p.lower() for p in self.ModulePrefix}:
            return
        if self.confirm_high_impact("All Exchange Online connections", "Disconnect-ExchangeOnline"):
            connections(self.ctx).pop("exchange", None)


# ----------------------------------------------------------------------------- objects

class ExoObject:
    """A snapshot of an Exchange object: properties in a fixed order, looked up case-insensitively."""

    __slots__ = ("_v", "_low")
    __ps_typename__ = "Microsoft.Exchange.Data.Directory.ADObject"
    __ps_properties__: tuple[str, ...] = ()

    def __init__(self, values: dict[str, Any]) -> None:
        self._v = values
        self._low = {k.lower(): k for k in values}

    def ps_get_member(self, low: str) -> Any:
        from o365shell.engine.objects import MISSING
        k = self._low.get(low)
        return self._v[k] if k is not None else MISSING

    def ToString(self) -> str:
        return str(self._v.get("Identity") or self._v.get("Name") or self.__ps_typename__)


def _exo_type(name: str, typename: str, props: tuple[str, ...]) -> type:
    from o365shell.engine.types import register_class
    cls = type(name, (ExoObject,), {"__slots__": (), "__ps_typename__": typename, "__ps_properties__": props,
                                    "__doc__": typename + " (a snapshot)."})
    register_class(cls, ctor=None)
    return cls


def _show(value: Any) -> Any:
    if isinstance(value, tuple):
        return list(value)
    if isinstance(value, datetime):
        return to_net_datetime(value)
    return value


def _org_type() -> type:
    from o365shell.tenant.orgconfig import ORG_CONFIG_PROPERTIES
    props = tuple(ORG_CONFIG_PROPERTIES.names()) + ("WhenChanged", "WhenCreated")
    return _exo_type("OrganizationConfig", "Microsoft.Exchange.Data.Directory.SystemConfiguration.OrganizationConfig",
                     props)


OrganizationConfigObject = _org_type()


def _cas_type() -> type:
    from o365shell.tenant.org import CAS_MAILBOX_PROPERTIES
    props = ("Name", "Identity", "DisplayName", "PrimarySmtpAddress", "ExternalDirectoryObjectId") + tuple(
        CAS_MAILBOX_PROPERTIES.names())
    return _exo_type("CASMailbox", "Microsoft.Exchange.Data.Directory.Management.CASMailbox", props)


CASMailboxObject = _cas_type()


def _policy_type() -> type:
    from o365shell.tenant.org import AUTH_POLICY_SWITCHES
    props = ("Name", "Identity", "Guid") + AUTH_POLICY_SWITCHES + ("AllowLegacyExchangeTokens", "WhenChanged",
                                                                   "WhenCreated")
    return _exo_type("AuthPolicy", "Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthPolicy", props)


AuthPolicyObject = _policy_type()
AuditEventObject = _exo_type("UnifiedAuditLogEvent",
                             "Microsoft.Exchange.Management.SystemConfigurationTasks.UnifiedAuditLogEvent",
                             ("RecordType", "CreationDate", "UserIds", "Operations", "AuditData", "ResultIndex",
                              "ResultCount", "Identity", "IsValid", "ObjectState"))


def _register_views() -> None:
    from o365shell.format.views import register_table_view
    register_table_view("Microsoft.Exchange.Data.Directory.Management.CASMailbox",
                        [("Name", "Name"), ("ActiveSyncEnabled", "ActiveSyncEnabled"), ("OWAEnabled", "OWAEnabled"),
                         ("PopEnabled", "PopEnabled"), ("ImapEnabled", "ImapEnabled"), ("MapiEnabled", "MAPIEnabled")])


_register_views()


# ----------------------------------------------------------------------------- property tables as parameters

class _Bool(Parameter):
    """A nullable Boolean parameter (EXO's $true / $false / $null settings): typed object, shown as Boolean."""

    def spec(self) -> Any:
        s = super().spec()
        s.type_label = "System.Boolean"
        return s


def _declare_properties(cls: type, table: Any, skip: tuple[str, ...] = ()) -> type:
    """Add one typed parameter per settable property of a PropertyTable to a cmdlet class."""
    for spec in table:
        if spec.read_only or spec.name in skip:
            continue
        help_text = f"{spec.kind} setting of {table.object_type}" + (
            f" (default {spec.default})" if spec.default not in (None, (), "") else "")
        if spec.kind == "switch":
            p = Parameter(Switch, help=help_text)
        elif spec.kind == "bool":
            p = _Bool(None, help=help_text) if spec.nullable else Parameter(bool, help=help_text)
        elif spec.kind == "int":
            p = Parameter(None, help=help_text)
        elif spec.kind == "list":
            p = Parameter(None, allow_null=True, help=help_text + "; $null clears it")
        elif spec.kind == "enum":
            p = Parameter(None, help=help_text + ": " + ", ".join(str(c) for c in spec.choices))
        else:
            p = Parameter(None, help=help_text)
        setattr(cls, spec.name, p)
        p.__set_name__(cls, spec.name)
    return cls


def _changes(cmd: Any, table: Any) -> dict[str, Any]:
    from o365shell.engine.conversion import to_string
    from o365shell.engine.netlib.timespan import TimeSpan
    out: dict[str, Any] = {}
    for name, value in cmd.bound.items():
        if name not in table:
            continue
        spec = table.spec(name)
        if spec.read_only:
            continue
        if isinstance(value, TimeSpan):
            value = timedelta(microseconds=value.Ticks // 10)
        elif spec.kind == "list" and value is not None:
            value = [to_string(x) for x in as_list(value)]
        elif spec.kind == "switch":
            value = bool(value)
        out[name] = value
    return out
