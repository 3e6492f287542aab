"""Exchange Online settings cmdlets: Get-/Set-OrganizationConfig and Get-/Set-CASMailbox (client
access: ActiveSync, Outlook on the web, POP3, IMAP4, MAPI), with the on-premises-only
parameters they refuse and the OPATH -Filter of Get-CASMailbox."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory

from .exchange import (MODULE, RESULT_SIZE_WARNING, VERSION, CASMailboxObject, ExoCmdlet, OrganizationConfigObject,
                       _changes, _declare_properties, _show)


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


class FilterSyntaxError(Exception):
    """An OPATH filter that does not parse; ``position`` counts characters from 1."""

    def __init__(self, text: str, position: int) -> None:
        super().__init__(text)
        self.text = text
        self.position = position


_OPS = ("-eq", "-ne", "-like", "-notlike")


def _opath(filter_text: str) -> Any:
    """A tiny OPATH evaluator: ``Prop -eq 'v'`` (-eq -ne -like -notlike) joined by -and / -or.
    Raises FilterSyntaxError for text that is not such a filter."""
    import re
    from o365shell.engine.netlib.wildcard import compile_wildcard
    body = filter_text.strip().strip("{}")
    found = list(re.finditer(r"\(|\)|-and|-or|-not|-eq|-ne|-like|-notlike|'[^']*'|\"[^\"]*\"|\$\w+|[\w.@*?-]+",
                             body, re.IGNORECASE))
    tokens = [m.group(0) for m in found]
    pos = 0

    def fail() -> FilterSyntaxError:
        return FilterSyntaxError(filter_text, found[pos].start() + 1 if pos < len(found) else len(body) + 1)

    def peek() -> str | None:
        return tokens[pos].lower() if pos < len(tokens) else None

    def take() -> str:
        nonlocal pos
        if pos >= len(tokens):
            raise fail()
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
            if peek() != ")":
                raise fail()
            take()
            return f
        if peek() == "-not":
            take()
            inner = comparison()
            return lambda o: not inner(o)
        if peek() in (None, ")", "-and", "-or") or peek() in _OPS:
            raise fail()
        prop = take()
        if peek() not in _OPS:
            raise fail()
        op = take().lower()
        if peek() in (None, "(", ")", "-and", "-or", "-not") or peek() in _OPS:
            raise fail()
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

    result = disjunction()
    if pos < len(tokens):
        raise fail()
    return result


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
        try:
            test = _opath(self.Filter) if self.Filter else None
        except FilterSyntaxError as e:
            raise self.error(f"Cannot bind parameter 'Filter' to the target. Exception setting \"Filter\": \"Invalid "
                             "filter syntax. For a description of the filter parameter syntax see the command help.\n"
                             f"\"{e.text}\" at position {e.position}.\"", "ParameterBindingFailed",
                             ErrorCategory.InvalidArgument, self.Filter) from None
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
