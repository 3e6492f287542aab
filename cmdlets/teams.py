"""MicrosoftTeams over the simulated tenant: Connect-MicrosoftTeams / Disconnect-MicrosoftTeams and
the Skype for Business Online OAuth cmdlets Get-CsOAuthConfiguration / Set-CsOAuthConfiguration.

Scripts that turn on modern authentication do it for Exchange Online
(Set-OrganizationConfig -OAuth2ClientProfileEnabled) and for Skype for Business Online
(Set-CsOAuthConfiguration -ClientAdalAuthOverride Allowed). The module is simulated at
version 3.1.0, the generation whose Cs cmdlets still include the OAuth configuration pair
(4.3.0 answers "This cmdlet is no longer supported" to them). The Cs cmdlets exist as soon
as the module is installed (pwsh auto-loads it) and fail with the module's "You must call the
Connect-MicrosoftTeams cmdlet" error until Connect-MicrosoftTeams signs in; unlike Exchange
Online, connecting needs no admin role -- the service refuses the change instead.

Connect-MicrosoftTeams signs in like Connect-ExchangeOnline: -Credential with a credential
object, otherwise a prompt for the account (where the real module opens a browser), then the
verification code when the account needs MFA. It returns the PSAzureContext (Account,
Environment, Tenant, TenantId). The settings live on the tenant model
(``o365shell.tenant.skype``), are audited and saved in snapshots.
"""
from __future__ import annotations

import uuid
from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory
from o365shell.engine.netlib.exceptions import UnauthorizedAccessException

from .tenantsvc import (
    NOT_CONNECTED,
    AuthenticationException,
    Connection,
    TenantCmdlet,
    connection,
    connections,
)

MODULE = "MicrosoftTeams"
VERSION = "3.1.0"
_NOTES = ("Simulates the MicrosoftTeams module (3.1.0: Connect-MicrosoftTeams and the Skype for Business Online "
          "OAuth cmdlets) against the o365shell tenant. The Cs cmdlets need Connect-MicrosoftTeams first.")
_SETTINGS_TYPE = "Microsoft.Rtc.Management.WritableConfig.Settings.SSAuth.OAuthSettings"
#: Environments of -TeamsEnvironmentName and the tenant cloud each one reaches.
_ENVIRONMENTS = {"TeamsGCCH": "USGovernment", "TeamsDOD": "USGovernment", "TeamsChina": "AzureChinaCloud"}
#: The Skype for Business Online application (the OAuth ServiceName of every online tenant).
_SKYPE_SERVICE_NAME = "00000004-0000-0ff1-ce00-000000000000"


class TeamsContext:
    """Connect-MicrosoftTeams output: the signed-in context (Microsoft.Open.Teams.CommonLibrary.PSAzureContext)."""

    __ps_typename__ = "Microsoft.Open.Teams.CommonLibrary.PSAzureContext"
    __ps_properties__ = ("Account", "Environment", "Tenant", "TenantId")
    __ps_default_display__ = __ps_properties__
    __slots__ = __ps_properties__

    def __init__(self, account: str, environment: str, tenant_id: str) -> None:
        self.Account = account
        self.Environment = environment
        self.Tenant = tenant_id
        self.TenantId = tenant_id

    def ToString(self) -> str:
        return self.__ps_typename__


class OAuthSettings:
    """Get-CsOAuthConfiguration output: the tenant's Global collection of OAuth settings.

    The properties are the ones Set-CsOAuthConfiguration takes; only ClientAdalAuthOverride
    has any meaning online. The object can be changed and handed back with -Instance."""

    __ps_typename__ = _SETTINGS_TYPE
    __ps_properties__ = ("Identity", "Realm", "ServiceName", "ClientAuthorizationOAuthServerIdentity",
                         "ExchangeAutodiscoverAllowedDomains", "ExchangeAutodiscoverUrl", "ClientAdalAuthOverride",
                         "AlternateAudienceUrl", "AdditionalAudienceUrls")
    __slots__ = __ps_properties__

    def __init__(self, identity: str, client_adal_auth_override: str) -> None:
        self.Identity = identity
        self.Realm = None
        self.ServiceName = _SKYPE_SERVICE_NAME
        self.ClientAuthorizationOAuthServerIdentity = None
        self.ExchangeAutodiscoverAllowedDomains = None
        self.ExchangeAutodiscoverUrl = None
        self.ClientAdalAuthOverride = client_adal_auth_override
        self.AlternateAudienceUrl = None
        self.AdditionalAudienceUrls: list[str] = []

    def ToString(self) -> str:
        return str(self.Identity)


class TeamsCmdlet(TenantCmdlet):
    """Base of the MicrosoftTeams Cs cmdlets: need Connect-MicrosoftTeams; tenant refusals as the module's errors."""

    connection = "teams"
    module = MODULE
    version = VERSION
    notes = _NOTES

    def not_connected(self) -> Exception:
        return self.unauthorized(NOT_CONNECTED["teams"], "System.UnauthorizedAccessException",
                                 ErrorCategory.NotSpecified, None)

    def unauthorized(self, message: str, error_id: str, category: ErrorCategory, target: Any) -> Exception:
        """A terminating System.UnauthorizedAccessException whose record shows ``category`` and ``target``."""
        e = self.error(message, error_id, category, target, UnauthorizedAccessException)
        e.category = category  # type: ignore[attr-defined]  # a .NET exception type: the record reads these
        e.target = target  # type: ignore[attr-defined]
        return e

    def tcall(self, fn: Any, *args: Any, target: Any = None, **kwargs: Any) -> Any:
        """Run a tenant operation; a refusal becomes a terminating error naming the rule."""
        from o365shell.tenant import errors as E
        try:
            return fn(*args, **kwargs)
        except E.AccessDenied as e:
            raise self.unauthorized(f"Access Denied. {e.reason}", "AccessDenied", ErrorCategory.PermissionDenied,
                                    target) from None
        except E.TenantError as e:
            raise self.tenant_error(e, target) from None

    def check_tenant(self, value: Any) -> bool:
        """-Tenant must be the signed-in tenant's id (a non-terminating error otherwise)."""
        if value is None or str(value).lower() == self.tenant.tenant_id.lower():
            return True
        self.write_error(f"The tenant '{value}' is not the tenant signed in with Connect-MicrosoftTeams "
                         f"({self.tenant.tenant_id}).", "TenantMismatch", ErrorCategory.PermissionDenied, str(value))
        return False

    def is_global(self, identity: Any) -> bool:
        """True for the only OAuth settings collection (``Global``); a non-terminating error otherwise."""
        if identity is None or str(identity).strip().lower() == "global":
            return True
        self.write_error(f"Cannot find OAuth configuration settings with the Identity \"{identity}\". A tenant has "
                         "only the Global settings.", "ObjectNotFound", ErrorCategory.ObjectNotFound, str(identity))
        return False


# ----------------------------------------------------------------------------- connection

@cmdlet("Connect-MicrosoftTeams", module=MODULE, version=VERSION, default_set="UserCredential", should_process=True)
class ConnectMicrosoftTeams(TenantCmdlet):
    """Connects an authenticated account for use with cmdlets from the MicrosoftTeams module.

    Signs in to the simulated tenant: -Credential signs in with a credential object; otherwise
    the account is prompted for (-AccountId fills it in) where the real module opens a browser,
    then the verification code when the account needs MFA. -UseDeviceAuthentication shows a
    device code first. Returns the context (Account, Environment, Tenant, TenantId).
    Application sign-in (-ApplicationId with a certificate), -AccessTokens and managed
    identities fail as they do for an application the tenant does not have."""

    TenantId = Parameter(str, aliases=("Domain", "TenantDomain"),
                         sets={"UserCredential": {}, "ServicePrincipalCertificate": {"mandatory": True},
                               "ServicePrincipalCertificateThumbprint": {"mandatory": True}, "AccessTokens": {}},
                         help="The tenant (ID or domain); the default is the account's home tenant.")
    Credential = Parameter("System.Management.Automation.PSCredential", set="UserCredential",
                           help="The credential to sign in with (Get-Credential, Get-LabCredential).")
    AccountId = Parameter(str, set="UserCredential", help="The account to sign in with (its password is prompted "
                                                          "for).")
    TeamsEnvironmentName = Parameter(str, set="UserCredential", validate_set=tuple(_ENVIRONMENTS),
                                     help="TeamsGCCH, TeamsDOD or TeamsChina (21Vianet); omit it for commercial and "
                                          "GCC tenants.")
    UseDeviceAuthentication = Parameter(Switch, set="UserCredential",
                                        help="Sign in with a device code (prompted here).")
    ApplicationId = Parameter(str, sets={"ServicePrincipalCertificate": {"mandatory": True},
                                         "ServicePrincipalCertificateThumbprint": {"mandatory": True}},
                              help="The application for application-based authentication.")
    Certificate = Parameter(object, mandatory=True, set="ServicePrincipalCertificate",
                            help="The certificate (X509Certificate2) for application-based authentication.")
    CertificateThumbprint = Parameter(str, mandatory=True, set="ServicePrincipalCertificateThumbprint",
                                      help="A certificate thumbprint for application-based authentication.")
    AccessTokens = Parameter(list[str], mandatory=True, set="AccessTokens",
                             help="Access tokens for Microsoft Graph and the Skype and Teams Tenant Admin API.")
    Identity = Parameter(Switch, mandatory=True, set="ManagedServiceLogin", aliases=("MSI", "ManagedService"),
                         help="Sign in with a managed identity.")
    LogLevel = Parameter(str, validate_set=("Info", "Error", "Warning", "None"), help="Info (default), Error, "
                                                                                      "Warning or None.")
    LogFilePath = Parameter(str, help="Where the session's log file is written.")
    module = MODULE
    notes = _NOTES
    outputs = "Microsoft.Open.Teams.CommonLibrary.PSAzureContext"
    examples = [("Connect-MicrosoftTeams", "Prompts for the account, the password and (when needed) the MFA code."),
                ("Connect-MicrosoftTeams -Credential (Get-LabCredential admin@contoso.onmicrosoft.com)",
                 "Connects with a credential object.")]

    def end(self) -> None:
        tenant = self.tenant
        if self.parameter_set_name.startswith("ServicePrincipal"):
            app = self.ApplicationId or "(no ApplicationId)"
            raise self.error(f"AADSTS700016: Application with identifier '{app}' was not found in the directory "
                             f"'{self.TenantId or tenant.initial_domain}'. This can happen if the application has "
                             "not been installed by the administrator of the tenant or consented to by any user in "
                             "the tenant. You may have sent your authentication request to the wrong tenant.",
                             "AADSTS700016", ErrorCategory.AuthenticationError, app, AuthenticationException)
        if self.parameter_set_name == "AccessTokens":
            raise self.error("AADSTS50000: The access tokens could not be validated (o365shell issues no tokens; "
                             "use -Credential or the sign-in prompt).", "InvalidToken",
                             ErrorCategory.AuthenticationError, None, AuthenticationException)
        if self.parameter_set_name == "ManagedServiceLogin":
            raise self.error("ManagedIdentityCredential authentication unavailable. No managed identity endpoint "
                             "found.", "ManagedIdentityUnavailable", ErrorCategory.AuthenticationError, None,
                             AuthenticationException)
        self._check_tenant_id()
        env = self.TeamsEnvironmentName
        cloud_ok = _ENVIRONMENTS.get(env or "", "AzureCloud").lower() == str(tenant.cloud).lower()
        if env is None and str(tenant.cloud) == "AzureChinaCloud":
            cloud_ok = False
        if not self.should_process(self.AccountId or tenant.initial_domain):
            return
        if self.UseDeviceAuthentication:
            code = uuid.uuid4().hex[:9].upper()
            self.ctx.host.write_line("To sign in, use a web browser to open the page https://microsoft.com/devicelogin "
                                     f"and enter the code {code} to authenticate.")
        upn = self.sign_in("teams", self.Credential, self.AccountId, "Sign in to your account",
                           "Enter the password of your Microsoft 365 work or school account.", cloud_ok)
        environment = env or "AzureCloud"
        connections(self.ctx)["teams"] = Connection(upn, environment)
        self.write(TeamsContext(upn, environment, tenant.tenant_id))

    def _check_tenant_id(self) -> None:
        wanted = self.TenantId
        if wanted is None:
            return
        t = self.tenant
        if wanted.strip().lower() == t.tenant_id.lower() or wanted.strip().lower() in t.domains:
            return
        raise self.error(f"AADSTS90002: Tenant '{wanted}' not found. Check to make sure you have the correct tenant "
                         "ID and are signing into the correct cloud.", "AADSTS90002",
                         ErrorCategory.AuthenticationError, wanted, AuthenticationException)


@cmdlet("Disconnect-MicrosoftTeams", module=MODULE, version=VERSION, should_process=True)
class DisconnectMicrosoftTeams(TenantCmdlet):
    """Disconnects from the Microsoft Teams environment.

    Afterwards the Cs cmdlets fail with the module's "not connected" error again."""

    module = MODULE
    notes = _NOTES
    examples = [("Disconnect-MicrosoftTeams", "Disconnects from the Microsoft Teams environment.")]

    def end(self) -> None:
        conn = connection(self.ctx, "teams")
        if conn is not None and self.should_process(conn.account):
            connections(self.ctx).pop("teams", None)


# ----------------------------------------------------------------------------- OAuth configuration

@cmdlet("Get-CsOAuthConfiguration", module=MODULE, version=VERSION, default_set="Identity")
class GetCsOAuthConfiguration(TeamsCmdlet):
    """Returns information about the OAuth configuration settings currently in use in the organization.

    A Skype for Business Online tenant has a single collection of OAuth settings, Identity
    Global. Its ClientAdalAuthOverride tells whether the Skype for Business clients use
    modern authentication: Allowed (on), Disallowed (off) or NoOverride (the service-wide
    setting, on for tenants created since August 2017). Global Administrators and Global
    Readers can read it."""

    Identity = Parameter(str, position=0, set="Identity",
                         help="The settings to get; the only collection is Global (the default).")
    Filter = Parameter(str, set="Filter", help="A wildcard on the Identity (\"g*\" matches Global).")
    LocalStore = Parameter(Switch, help="Read the local replica of the Central Management store (on-premises "
                                        "servers; no effect online).")
    Tenant = Parameter("System.Guid", help="The tenant's ID; the default is the signed-in tenant.")
    outputs = _SETTINGS_TYPE
    examples = [("Get-CsOAuthConfiguration", "Shows the OAuth settings in use in the organization."),
                ("(Get-CsOAuthConfiguration).ClientAdalAuthOverride",
                 "Allowed when modern authentication is turned on for Skype for Business Online.")]

    def end(self) -> None:
        from o365shell.engine.netlib import wildcard as W
        from o365shell.tenant import skype
        actor = self.actor
        if not self.check_tenant(self.Tenant) or not self.is_global(self.Identity):
            return
        config = self.tcall(skype.get_cs_oauth_configuration, self.tenant, actor)
        if self.Filter is not None and not W.is_match("Global", self.Filter):
            return
        self.write(OAuthSettings("Global", config.client_adal_auth_override))


@cmdlet("Set-CsOAuthConfiguration", module=MODULE, version=VERSION, default_set="Identity", should_process=True)
class SetCsOAuthConfiguration(TeamsCmdlet):
    """Modifies the OAuth configuration settings currently in use in the organization.

    Online, the setting that applies is -ClientAdalAuthOverride: Allowed turns on modern
    authentication (ADAL) for Skype for Business Online, Disallowed turns it off, NoOverride
    follows the service-wide setting. Keep it in step with Exchange Online's
    Set-OrganizationConfig -OAuth2ClientProfileEnabled. Only a Global Administrator can
    change it; the change is audited. No output."""

    Identity = Parameter(str, position=0, set="Identity", help="The settings to change: Global (the default).")
    ClientAdalAuthOverride = Parameter(str, set="Identity", validate_set=("NoOverride", "Allowed", "Disallowed"),
                                       type_label="ClientAdalAuthOverride",
                                       help="Modern authentication for Skype for Business Online: NoOverride (use "
                                            "the global OAuth configuration), Allowed (on) or Disallowed (off).")
    Instance = Parameter(object, from_pipeline=True, set="Instance",
                         help="Settings from Get-CsOAuthConfiguration (changed) to write back.")
    Tenant = Parameter("System.Guid", help="The tenant's ID; the default is the signed-in tenant.")
    Force = Parameter(Switch, help="Suppress non-fatal messages.")
    examples = [("Set-CsOAuthConfiguration -ClientAdalAuthOverride Allowed",
                 "Turns on modern authentication for Skype for Business Online."),
                ("Set-CsOAuthConfiguration -ClientAdalAuthOverride Disallowed",
                 "Turns it off (the clients use legacy authentication).")]

    def process(self) -> None:
        from o365shell.engine.objects import MISSING, get_member
        from o365shell.tenant import skype
        actor = self.actor
        if not self.check_tenant(self.Tenant):
            return
        value: Any = self.ClientAdalAuthOverride
        identity: Any = self.Identity
        if self.Instance is not None:
            identity = get_member(self.Instance, "Identity")
            value = get_member(self.Instance, "ClientAdalAuthOverride")
            identity = None if identity is MISSING else identity
            value = None if value is MISSING else value
        if not self.is_global(identity):
            return
        t = self.tenant
        if value is None:
            self.tcall(skype.get_cs_oauth_configuration, t, actor)
            return
        self.tcall(skype.set_cs_oauth_configuration, t, actor, value, dry_run=True, target="Global")
        if self.should_process("Global"):
            self.tcall(skype.set_cs_oauth_configuration, t, actor, value, target="Global")
