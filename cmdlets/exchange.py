"""Exchange Online (ExchangeOnlineManagement v3) over the simulated tenant.

Connect-ExchangeOnline signs in (credential, or a prompt where the real module opens a
browser) and prints the v3 banner; until then the Exchange cmdlets do not exist, and
afterwards only those the account's management roles allow are loaded (as Exchange
Online's RBAC does: a plain user sees no Set-OrganizationConfig). Organization config,
CAS mailboxes and authentication policies are validated as a whole by the tenant model
(o365shell.tenant.exchange / orgconfig) and every change is audited (Search-UnifiedAuditLog).
"""
from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
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


# ----------------------------------------------------------------------------- organization config

@cmdlet("Get-OrganizationConfig", module=MODULE, version=VERSION)
class GetOrganizationConfig(ExoCmdlet):
    """Gets configuration data for an Exchange organization.

    Returns the organization's configuration: its Name is the initial domain
    (contoso.onmicrosoft.com), followed by every Set-OrganizationConfig setting
    (OAuth2ClientProfileEnabled is modern authentication for Outlook 2013 and later)."""

    DomainController = Parameter(str, help="On-premises Exchange only.")
    rbac_action = "READ_EXCHANGE_CONFIG"
    outputs = "Microsoft.Exchange.Data.Directory.SystemConfiguration.OrganizationConfig"
    examples = [("Get-OrganizationConfig | Format-Table Name,*OAuth*",
                 "Shows whether modern authentication (OAuth2ClientProfileEnabled) is on."),
                ("Get-OrganizationConfig | Format-List EwsApplicationAccessPolicy,Ews*List",
                 "Which applications may use EWS and REST.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        self.on_premises_only("DomainController")
        cfg = self.xcall(exchange.get_organization_config, self.tenant, self.actor)
        self.write(OrganizationConfigObject({k: _show(v) for k, v in cfg.as_dict().items()}))


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


_ORG_ONPREM = ("ACLableSyncedObjectEnabled", "AdfsAudienceUris", "AdfsAuthenticationConfiguration",
               "AdfsEncryptCertificateThumbprint", "AdfsIssuer", "AdfsSignCertificateThumbprints",
               "CustomerFeedbackEnabled", "DataClassifications", "DomainController", "EmptyAddressBookForNonExchangeUsers",
               "EnableAuthAdminReadSession", "EnableDownloadDomains", "EnableOrgWidePermissionOnScopedRoles", "Force",
               "Industry", "IsExcludedFromOffboardMigration", "IsExcludedFromOnboardMigration",
               "IsFfoMigrationInProgress", "MailboxDataEncryptionEnabled", "ManagedFolderHomepage", "MapiHttpEnabled",
               "MaxConcurrentMigrations", "MicrosoftExchangeRecipientEmailAddresses",
               "MicrosoftExchangeRecipientEmailAddressPolicyEnabled", "MicrosoftExchangeRecipientPrimarySmtpAddress",
               "MicrosoftExchangeRecipientReplyRecipient", "MitigationsEnabled",
               "OabShadowDistributionOldestFileAgeLimit", "OrganizationSummary", "PermanentlyDeleteDisabled",
               "PublicFolderContentReplicationDisabled", "PublicFolderMailboxesLockedForNewConnections",
               "PublicFolderMailboxesMigrationComplete", "PublicFolderMigrationComplete",
               "PublicFoldersLockedForMigration", "SCLJunkThreshold", "UMAvailableLanguages", "UseIcsSyncStateStreaming",
               "WACDiscoveryEndpoint")


@cmdlet("Set-OrganizationConfig", module=MODULE, version=VERSION, should_process=True)
class SetOrganizationConfig(ExoCmdlet):
    """Configures settings for an Exchange organization.

    Changes organization-wide settings, each typed and validated; the whole command is
    validated before anything changes. -OAuth2ClientProfileEnabled $true turns on modern
    authentication for Outlook 2013 and later (Office 2016 and Outlook 2013 with ADAL then
    prompt for MFA; with $false they fall back to Basic authentication and need app
    passwords once MFA is enforced)."""

    rbac_action = "SET_EXCHANGE_CONFIG"
    examples = [("Set-OrganizationConfig -OAuth2ClientProfileEnabled:$true",
                 "Enables modern authentication for Outlook 2013 and later."),
                ("Set-OrganizationConfig -EwsApplicationAccessPolicy EnforceBlockList -EwsBlockList $null",
                 "Allows every client application to use REST and EWS.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        from o365shell.tenant.orgconfig import ORG_CONFIG_PROPERTIES
        self.on_premises_only(*_ORG_ONPREM)
        changes = _changes(self, ORG_CONFIG_PROPERTIES)
        t = self.tenant
        actor = self.actor
        self.xcall(exchange.set_organization_config, t, actor, changes, dry_run=True)
        if self.should_process(t.org_config.Name):
            diff = self.xcall(exchange.set_organization_config, t, actor, changes)
            if not diff and changes:
                self.warn("The command completed successfully but no settings of "
                          f"'{t.org_config.Name}' have been modified.")


_declare_properties(SetOrganizationConfig, __import__("o365shell.tenant.orgconfig", fromlist=["x"]).ORG_CONFIG_PROPERTIES)
for _n in _ORG_ONPREM:
    _p = Parameter(None, dont_show=True, help="On-premises Exchange only.")
    setattr(SetOrganizationConfig, _n, _p)
    _p.__set_name__(SetOrganizationConfig, _n)


# ----------------------------------------------------------------------------- CAS mailboxes

def _cas_object(cas: Any) -> Any:
    return CASMailboxObject({k: _show(v) for k, v in cas.as_dict().items()})


def _opath(filter_text: str) -> Any:
    """A tiny OPATH evaluator: ``Prop -eq 'v'`` (-eq -ne -like -notlike) joined by -and / -or."""
    import re
    from o365shell.engine.netlib.wildcard import compile_wildcard
    tokens = re.findall(r"\(|\)|-and|-or|-not|-eq|-ne|-like|-notlike|'[^']*'|\"[^\"]*\"|\$\w+|[\w.@*?-]+",
                        filter_text.strip().strip("{}"), re.IGNORECASE)
    pos = 0

    def peek() -> str | None:
        return tokens[pos].lower() if pos < len(tokens) else None

    def take() -> str:
        nonlocal pos
        pos += 1
        return tokens[pos - 1]

    def value(tok: str) -> Any:
        if tok[:1] in "'\"":
            return tok[1:-1]
        low = tok.lower()
        return {"$true": True, "$false": False, "$null": None}.get(low, tok)

    def comparison() -> Any:
        if peek() == "(":
            take()
            f = disjunction()
            take()
            return f
        if peek() == "-not":
            take()
            inner = comparison()
            return lambda o: not inner(o)
        prop = take()
        op = take().lower()
        v = value(take())

        def test(o: Any) -> bool:
            from o365shell.engine.objects import get_value
            cur = get_value(o, prop)
            if op in ("-like", "-notlike"):
                hit = compile_wildcard(str(v))(str(cur or ""))
                return hit if op == "-like" else not hit
            eq = (str(cur).lower() == str(v).lower()) if isinstance(v, str) else cur == v
            return eq if op == "-eq" else not eq
        return test

    def conjunction() -> Any:
        f = comparison()
        while peek() == "-and":
            take()
            g = comparison()
            f = (lambda a, b: lambda o: a(o) and b(o))(f, g)
        return f

    def disjunction() -> Any:
        f = conjunction()
        while peek() == "-or":
            take()
            g = conjunction()
            f = (lambda a, b: lambda o: a(o) or b(o))(f, g)
        return f

    return disjunction()


def _result_size(value: Any, default: int = 1000) -> int | None:
    if value is None:
        return default
    if str(value).strip().lower() == "unlimited":
        return None
    return int(str(value))


@cmdlet("Get-CASMailbox", module=MODULE, version=VERSION, default_set="Identity")
class GetCASMailbox(ExoCmdlet):
    """Gets the Client Access settings of mailboxes.

    Shows whether Exchange ActiveSync, Outlook on the web, POP3, IMAP4 and MAPI are
    enabled for a mailbox (-Identity: name, alias, e-mail address or UPN), or for every
    mailbox (the first 1000 unless -ResultSize)."""

    Identity = Parameter(str, position=0, from_pipeline=True, set="Identity",
                         help="The mailbox: name, alias, e-mail address, UPN or GUID.")
    Anr = Parameter(str, set="AnrSet", help="Ambiguous name resolution: a prefix of a name or alias.")
    Filter = Parameter(str, help="An OPATH filter, e.g. \"PopEnabled -eq $true\".")
    RecipientTypeDetails = Parameter(list[str], help="Recipient types (UserMailbox, SharedMailbox...).")
    ResultSize = Parameter(object, help="The maximum number of results (default 1000; Unlimited for all).")
    SortBy = Parameter(str, help="A property to sort by.")
    OrganizationalUnit = Parameter(str, help="Only objects in this organizational unit.")
    ProtocolSettings = Parameter(Switch, help="Also return protocol server settings.")
    ActiveSyncDebugLogging = Parameter(Switch, help="Show the real ActiveSyncDebugLogging value.")
    ActiveSyncSuppressReadReceipt = Parameter(Switch, help="Reserved.")
    Credential = Parameter("System.Management.Automation.PSCredential", help="Run with other credentials.")
    IgnoreDefaultScope = Parameter(Switch, help="Ignore the default recipient scope.")
    ReadIsOptimizedForAccessibility = Parameter(Switch, help="Read IsOptimizedForAccessibility.")
    RecalculateHasActiveSyncDevicePartnership = Parameter(Switch, help="Recalculate the partnership flag.")
    DomainController = Parameter(str, dont_show=True, help="On-premises Exchange only.")
    rbac_action = "READ_EXCHANGE_CONFIG"
    outputs = "Microsoft.Exchange.Data.Directory.Management.CASMailbox"
    examples = [("Get-CASMailbox AlexW@contoso.com", "Client access settings of one mailbox."),
                ("Get-CASMailbox AlexW@contoso.com | Format-List Imap*", "Its IMAP4 settings.")]

    def process(self) -> None:
        from o365shell.tenant import exchange
        self.on_premises_only("DomainController")
        t = self.tenant
        actor = self.actor
        if self.Identity is not None:
            self.write(_cas_object(self.xcall(exchange.get_cas_mailbox, t, actor, self.Identity,
                                              target=self.Identity)))
            return
        types = {x.lower() for x in (self.RecipientTypeDetails or [])}
        if types and "usermailbox" not in types:
            return
        limit = _result_size(self.ResultSize)
        test = _opath(self.Filter) if self.Filter else None
        anr = (self.Anr or "").lower()
        n = 0
        for cas in self.xcall(exchange.iter_cas_mailboxes, t, actor):
            obj = _cas_object(cas)
            u = cas.user
            if anr and not any((x or "").lower().startswith(anr) for x in
                               (u.alias, u.display_name, u.first_name, u.last_name)):
                continue
            if test is not None and not test(obj):
                continue
            if limit is not None and n >= limit:
                self.warn(RESULT_SIZE_WARNING)
                return
            self.write(obj)
            n += 1


_CAS_ONPREM = ("DisplayName", "DomainController", "ECPEnabled", "EmailAddresses", "HasActiveSyncDevicePartnership",
               "ImapEnableExactRFC822Size", "MAPIBlockOutlookExternalConnectivity", "MAPIBlockOutlookNonCachedMode",
               "MAPIBlockOutlookRpcHttp", "MAPIBlockOutlookVersions", "MapiHttpEnabled", "Name",
               "PopEnableExactRFC822Size", "PrimarySmtpAddress", "PublicFolderClientAccess", "SamAccountName")


@cmdlet("Set-CASMailbox", module=MODULE, version=VERSION, should_process=True)
class SetCASMailbox(ExoCmdlet):
    """Configures client access settings on a mailbox.

    Enables or disables Exchange ActiveSync, Outlook on the web, POP3, IMAP4, MAPI and
    other client settings of one mailbox; the settings are validated before any changes."""

    Identity = Parameter(str, mandatory=True, position=0, from_pipeline=True,
                         help="The mailbox: name, alias, e-mail address, UPN or GUID.")
    IgnoreDefaultScope = Parameter(Switch, help="Ignore the default recipient scope.")
    ResetAutoBlockedDevices = Parameter(Switch, help="Reset devices blocked automatically (no devices are simulated).")
    rbac_action = "SET_CAS_MAILBOX"
    examples = [("Set-CASMailbox AlexW@contoso.com -OWAEnabled $false -PopEnabled $false",
                 "Disables Outlook on the web and POP3 for a mailbox.")]

    def process(self) -> None:
        from o365shell.tenant import exchange
        from o365shell.tenant.org import CAS_MAILBOX_PROPERTIES
        self.on_premises_only(*_CAS_ONPREM)
        changes = _changes(self, CAS_MAILBOX_PROPERTIES)
        t = self.tenant
        actor = self.actor
        ident = self.Identity
        self.xcall(exchange.set_cas_mailbox, t, actor, ident, changes, dry_run=True, target=ident)
        if self.should_process(ident):
            diff = self.xcall(exchange.set_cas_mailbox, t, actor, ident, changes, target=ident)
            if not diff and changes:
                self.warn(f"The command completed successfully but no settings of '{ident}' have been modified.")


_declare_properties(SetCASMailbox, __import__("o365shell.tenant.org", fromlist=["x"]).CAS_MAILBOX_PROPERTIES)
for _n in _CAS_ONPREM:
    _p = Parameter(None, dont_show=True, help="On-premises Exchange only.")
    setattr(SetCASMailbox, _n, _p)
    _p.__set_name__(SetCASMailbox, _n)


# ----------------------------------------------------------------------------- authentication policies

_BLOCK_ONPREM = tuple(f"Block{k}{p}" for k in ("LegacyAuth", "ModernAuth") for p in (
    "ActiveSync", "Autodiscover", "Imap", "Mapi", "OfflineAddressBook", "Pop", "Rpc", "WebServices"))
LEGACY_TOKENS_OFF = "Legacy Exchange Online tokens are disabled"


def _policy_object(p: Any) -> Any:
    return AuthPolicyObject({k: _show(v) for k, v in p.as_dict().items()})


def _add_switches(cls: type, extra: tuple[str, ...] = ()) -> type:
    from o365shell.tenant.org import AUTH_POLICY_SWITCHES
    for n in AUTH_POLICY_SWITCHES:
        proto = n[len("AllowBasicAuth"):]
        p = Parameter(Switch, help=f"Allow Basic authentication with {proto} (blocked unless given; "
                                   f"-{n}:$false blocks it).")
        setattr(cls, n, p)
        p.__set_name__(cls, n)
    for n in _BLOCK_ONPREM + extra:
        p = Parameter(Switch, help="Exchange Server 2019 / SE only.")
        setattr(cls, n, p)
        p.__set_name__(cls, n)
    return cls


@cmdlet("Get-AuthenticationPolicy", module=MODULE, version=VERSION)
class GetAuthenticationPolicy(ExoCmdlet):
    """Views authentication policies in your organization."""

    Identity = Parameter(str, position=0, help="The policy: name or GUID.")
    AllowLegacyExchangeTokens = Parameter(Switch, help="Report whether legacy Exchange tokens are allowed.")
    TenantId = Parameter(str, help="Reserved.")
    rbac_action = "READ_EXCHANGE_CONFIG"
    outputs = "Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthPolicy"
    examples = [("Get-AuthenticationPolicy | Format-Table -Auto Name", "Lists the policies."),
                ("Get-AuthenticationPolicy -Identity 'Engineering Group'", "Shows one policy.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        if self.AllowLegacyExchangeTokens:
            self.warn(LEGACY_TOKENS_OFF)
            return
        for p in self.xcall(exchange.get_authentication_policies, self.tenant, self.actor, self.Identity,
                            target=self.Identity):
            self.write(_policy_object(p))


@cmdlet("New-AuthenticationPolicy", module=MODULE, version=VERSION, should_process=True)
class NewAuthenticationPolicy(ExoCmdlet):
    """Creates authentication policies in your organization.

    A new policy blocks Basic authentication for every protocol except those named with an
    -AllowBasicAuth* switch. Assign it org-wide with Set-OrganizationConfig
    -DefaultAuthenticationPolicy."""

    Name = Parameter(str, mandatory=True, position=0, help="The unique name of the policy (at most 64 characters).")
    rbac_action = "MANAGE_AUTH_POLICY"
    examples = [("New-AuthenticationPolicy -Name 'Engineering Group' -AllowBasicAuthImap",
                 "A policy that allows Basic authentication only for IMAP.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        from o365shell.tenant.org import AUTH_POLICY_SWITCHES
        self.on_premises_only(*_BLOCK_ONPREM)
        switches = {n: bool(self.bound[n]) for n in AUTH_POLICY_SWITCHES if n in self.bound}
        t, actor = self.tenant, self.actor
        self.xcall(exchange.new_authentication_policy, t, actor, self.Name, switches, dry_run=True, target=self.Name)
        if self.should_process(self.Name):
            self.write(_policy_object(self.xcall(exchange.new_authentication_policy, t, actor, self.Name, switches,
                                                 target=self.Name)))


_add_switches(NewAuthenticationPolicy)


@cmdlet("Set-AuthenticationPolicy", module=MODULE, version=VERSION, should_process=True)
class SetAuthenticationPolicy(ExoCmdlet):
    """Modifies authentication policies in your organization.

    -AllowBasicAuth<Protocol> allows Basic authentication for a protocol;
    -AllowBasicAuth<Protocol>:$false blocks it again."""

    Identity = Parameter(str, mandatory=True, position=0, help="The policy: name or GUID.")
    AllowLegacyExchangeTokens = Parameter(Switch, help="Allow legacy Exchange tokens (turned off for everyone).")
    BlockLegacyExchangeTokens = Parameter(Switch, help="Block legacy Exchange tokens.")
    TenantId = Parameter(str, help="Reserved.")
    rbac_action = "MANAGE_AUTH_POLICY"
    examples = [("Set-AuthenticationPolicy -Identity 'Engineering Group' -AllowBasicAuthReportingWebServices",
                 "Allows Basic authentication for Reporting Web Services."),
                ("Set-AuthenticationPolicy -Identity 'Engineering Group' -AllowBasicAuthImap:$false",
                 "Blocks Basic authentication for IMAP again.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        from o365shell.tenant.errors import ValidationError
        from o365shell.tenant.org import AUTH_POLICY_SWITCHES
        self.on_premises_only(*_BLOCK_ONPREM, "BlockLegacyAuthReportingWebServices")
        if self.AllowLegacyExchangeTokens:
            raise self.exo_error(ValidationError("Legacy Exchange Online tokens are turned off for all organizations; "
                                                 "exemptions are no longer allowed.", "AllowLegacyExchangeTokens"))
        switches = {n: bool(self.bound[n]) for n in AUTH_POLICY_SWITCHES if n in self.bound}
        t, actor, ident = self.tenant, self.actor, self.Identity
        if ident.strip().lower() == "legacyexchangetokens" and self.BlockLegacyExchangeTokens:
            return
        self.xcall(exchange.set_authentication_policy, t, actor, ident, switches, dry_run=True, target=ident)
        if self.should_process(ident):
            self.xcall(exchange.set_authentication_policy, t, actor, ident, switches, target=ident)


_add_switches(SetAuthenticationPolicy, ("BlockLegacyAuthReportingWebServices",))


@cmdlet("Remove-AuthenticationPolicy", module=MODULE, version=VERSION, should_process=True)
class RemoveAuthenticationPolicy(ExoCmdlet):
    """Removes authentication policies from your organization.

    Asks for confirmation (use -Confirm:$false to skip); a policy that is the
    organization's DefaultAuthenticationPolicy cannot be removed."""

    Identity = Parameter(str, mandatory=True, position=0, help="The policy: name or GUID.")
    AllowLegacyExchangeTokens = Parameter(Switch, help="Reserved (legacy tokens are turned off).")
    TenantId = Parameter(str, help="Reserved.")
    rbac_action = "MANAGE_AUTH_POLICY"
    examples = [("Remove-AuthenticationPolicy -Identity 'Engineering Group' -Confirm:$false", "Removes a policy.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        t, actor, ident = self.tenant, self.actor, self.Identity
        self.xcall(exchange.remove_authentication_policy, t, actor, ident, dry_run=True, target=ident)
        if self.confirm_high_impact(ident, "Remove-AuthenticationPolicy"):
            self.xcall(exchange.remove_authentication_policy, t, actor, ident, target=ident)


# ----------------------------------------------------------------------------- audit log

def _ex_datetime(value: Any) -> datetime:
    """An ExDateTime argument: a date/time without a zone is UTC (as Search-UnifiedAuditLog reads it)."""
    from o365shell.engine.conversion import to_string
    from o365shell.engine.netlib.datetime import DateTime, DateTimeKind
    from o365shell.engine.types import resolve
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if not isinstance(value, DateTime):
        t = resolve("datetime")
        assert t is not None
        value = t.convert(to_string(value))
    if value.Kind == DateTimeKind.Unspecified:
        return value.to_datetime().replace(tzinfo=timezone.utc)
    return value.to_utc_datetime()


@cmdlet("Search-UnifiedAuditLog", module=MODULE, version=VERSION)
class SearchUnifiedAuditLog(ExoCmdlet):
    """Searches the unified audit log.

    Returns the audit records created between -StartDate and -EndDate (UTC when no zone is
    given), newest first, optionally only those of some -UserIds, -Operations, -ObjectIds or
    -RecordType (AzureActiveDirectory for directory and MFA changes, ExchangeAdmin for
    Exchange cmdlets). At most -ResultSize records (100 by default, 5000 at most);
    -SessionId with -SessionCommand ReturnLargeSet pages through larger results."""

    StartDate = Parameter(object, mandatory=True, help="The start of the date range (UTC without a zone).")
    EndDate = Parameter(object, mandatory=True, help="The end of the date range (UTC without a zone).")
    UserIds = Parameter(list[str], help="Only records of these users (UPNs).")
    Operations = Parameter(list[str], help="Only these operations, e.g. 'Set-OrganizationConfig'.")
    ObjectIds = Parameter(list[str], help="Only records about these objects.")
    RecordType = Parameter(str, help="Only this record type (AzureActiveDirectory, ExchangeAdmin...).")
    ResultSize = Parameter(int, validate_range=(1, 5000), help="The maximum number of records (default 100).")
    SessionId = Parameter(str, help="Pages through results when the same SessionId is used again.")
    SessionCommand = Parameter(str, validate_set=("ReturnLargeSet", "ReturnNextPreviewPage"),
                               help="ReturnLargeSet or ReturnNextPreviewPage.")
    Formatted = Parameter(Switch, help="Return descriptive strings.")
    FreeText = Parameter(str, help="Only records whose AuditData contains this text.")
    HighCompleteness = Parameter(Switch, help="Prefer completeness to speed.")
    IPAddresses = Parameter(list[str], help="Only records from these IP addresses.")
    LegacyFlow = Parameter(Switch, help="Reserved.")
    LongerRetentionEnabled = Parameter(str, help="Reserved.")
    SiteIds = Parameter(list[str], help="Only records of these SharePoint sites.")
    rbac_action = "SEARCH_AUDIT_LOG"
    outputs = "Microsoft.Exchange.Management.SystemConfigurationTasks.UnifiedAuditLogEvent"
    examples = [("Search-UnifiedAuditLog -StartDate (Get-Date).AddDays(-1) -EndDate (Get-Date) "
                 "-UserIds admin@contoso.onmicrosoft.com", "What the admin changed in the last day."),
                ("Search-UnifiedAuditLog -StartDate 1/1/2024 -EndDate 12/31/2030 -Operations Set-OrganizationConfig",
                 "Every Set-OrganizationConfig.")]

    def end(self) -> None:
        t = self.tenant
        _ = self.actor
        start, end = _ex_datetime(self.StartDate), _ex_datetime(self.EndDate)
        size = self.ResultSize or (5000 if self.SessionCommand == "ReturnLargeSet" and self.ResultSize else 100)
        hits = self.xcall(t.audit.search, start, end, user_ids=self.UserIds, operations=self.Operations,
                          object_ids=self.ObjectIds, record_type=self.RecordType)
        if self.FreeText:
            hits = [h for h in hits if self.FreeText.lower() in h.AuditData.lower()]
        if self.IPAddresses or self.SiteIds:
            hits = []
        offset = 0
        if self.SessionId:
            conn = connection(self.ctx, "exchange")
            sessions = conn.extra.setdefault("AuditSessions", {}) if conn is not None else {}
            offset = sessions.get(self.SessionId, 0)
            sessions[self.SessionId] = offset + size
        page = hits[offset:offset + size]
        for i, rec in enumerate(page, start=offset + 1):
            self.write(AuditEventObject({
                "RecordType": rec.RecordType, "CreationDate": to_net_datetime(rec.CreationDate),
                "UserIds": rec.UserIds, "Operations": rec.Operations, "AuditData": rec.AuditData,
                "ResultIndex": i, "ResultCount": len(hits), "Identity": rec.Identity, "IsValid": True,
                "ObjectState": "Unchanged"}))
