"""Microsoft.Graph.Authentication sign-in cmdlets: Connect-MgGraph, Get-MgContext, Disconnect-MgGraph,
Get-MgEnvironment (Invoke-MgGraphRequest, of the same module, is in ``graph_request``)."""
from __future__ import annotations

import uuid
from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory

from .graph import _DEFAULT_SCOPES, _NOTES, AUTH, CLI_APP_ID, ENVIRONMENTS, VERSION, WELCOME, AuthContext, MgEnvironment
from .tenantsvc import (AuthenticationException, Connection, TenantCmdlet, as_list, connection, connections,
                        credential_parts)


# ----------------------------------------------------------------------------- authentication

@cmdlet("Connect-MgGraph", module=AUTH, version=VERSION, default_set="UserParameterSet", aliases=("Connect-Graph",))
class ConnectMgGraph(TenantCmdlet):
    """Microsoft Graph PowerShell supports two types of authentication: delegated and app-only access.

    Delegated sign-in: -Scopes lists the permissions to consent to (each cmdlet needs one of
    its documented permissions). Consent is kept in the tenant per account and application
    and is cumulative: the session gets every scope the account consented to before as well. The account and password are prompted for where the real
    module opens a browser (and the MFA code when needed); -Credential signs in with a
    credential object instead (a simulation-only addition for scripts and labs; the real
    SDK's -Credential is an alias of -ClientSecretCredential). App-only sign-in
    (-ClientId with a certificate or -ClientSecretCredential), managed identities and
    access tokens fail as they do for an application the tenant does not have."""

    Scopes = Parameter(list[str], position=0, help="The delegated permissions to consent to, e.g. User.Read.All.")
    TenantId = Parameter(str, position=1, help="The tenant: its ID or a domain name.")
    ClientId = Parameter(str, aliases=("AppId", "ApplicationId"), help="The client (application) ID.")
    Credential = Parameter("System.Management.Automation.PSCredential",
                           help="Sign in as this account (simulation-only: replaces the browser sign-in).")
    ContextScope = Parameter(str, validate_set=("Process", "CurrentUser"), help="Process or CurrentUser.")
    Environment = Parameter(str, aliases=("EnvironmentName", "NationalCloud"),
                            help="The national cloud: Global (default), China, USGov, USGovDoD.")
    UseDeviceCode = Parameter(Switch, aliases=("UseDeviceAuthentication", "DeviceCode", "DeviceAuth", "Device"),
                              help="Sign in with a device code (prompted here).")
    ClientTimeout = Parameter(float, help="The HTTP client timeout in seconds.")
    NoWelcome = Parameter(Switch, help="Hide the welcome message.")
    Break = Parameter(Switch, help="Wait for a .NET debugger to attach.")
    CertificateSubjectName = Parameter(str, aliases=("CertificateSubject", "CertificateName"),
                                       help="The subject of a certificate for app-only sign-in.")
    CertificateThumbprint = Parameter(str, help="A certificate thumbprint for app-only sign-in.")
    SendCertificateChain = Parameter(bool, help="Send the x5c header.")
    Certificate = Parameter(object, help="An X.509 certificate for app-only sign-in.")
    Identity = Parameter(Switch, aliases=("ManagedIdentity", "ManagedServiceIdentity", "MSI"),
                         help="Sign in with a managed identity.")
    ClientSecretCredential = Parameter("System.Management.Automation.PSCredential", aliases=("SecretCredential",),
                                       help="An application ID and client secret.")
    AccessToken = Parameter(object, help="A bearer token (SecureString).")
    EnvironmentVariable = Parameter(Switch, help="Sign in with environment variables.")
    module = AUTH
    notes = _NOTES
    examples = [("Connect-MgGraph -Scopes 'User.Read.All','UserAuthenticationMethod.Read.All'",
                 "Signs in (prompted) and consents to two permissions."),
                ("Connect-MgGraph -Scopes 'Policy.ReadWrite.AuthenticationMethod' -Credential "
                 "(Get-LabCredential admin@contoso.onmicrosoft.com) -NoWelcome",
                 "Signs in with a credential object, without the welcome text.")]

    def end(self) -> None:
        if self.is_bound("AccessToken") and self.AccessToken is None:
            # -AccessToken is mandatory in its parameter set: an unset variable fails binding, as in pwsh
            from o365shell.engine.parameters import binding_error
            raise binding_error("Cannot bind argument to parameter 'AccessToken' because it is null.",
                                "ParameterArgumentValidationErrorNullNotAllowed", "Connect-MgGraph",
                                ErrorCategory.InvalidData)
        t = self.tenant
        env_key = (self.Environment or "Global").strip().lower()
        if env_key not in ENVIRONMENTS:
            raise self.error(f"The environment '{self.Environment}' does not exist; use Get-MgEnvironment to list them.",
                             "InvalidEnvironment", ErrorCategory.InvalidArgument, self.Environment)
        env = ENVIRONMENTS[env_key]
        app = self.ClientId or CLI_APP_ID
        self._refuse_app_only(t, app)
        if self.TenantId and not self._tenant_matches(t, self.TenantId):
            raise self._auth_error(f"AADSTS90002: Tenant '{self.TenantId}' not found. Check to make sure you have the "
                                   "correct tenant ID and are signing into the correct cloud.")
        if self.UseDeviceCode:
            code = uuid.uuid4().hex[:9].upper()
            self.ctx.host.write_line(f"To sign in, use a web browser to open the page https://microsoft.com/devicelogin "
                                     f"and enter the code {code} to authenticate.")
        upn = self.sign_in("graph", self.Credential, None, "Sign in to your account",
                           "Pick an account: enter the work or school account that Microsoft Graph signs in as.",
                           env[3] == str(t.cloud))
        # consent is cumulative per (account, app): the token carries everything granted before too
        from o365shell.tenant import consent
        requested = [part.strip() for s in as_list(self.Scopes) for part in str(s).split(",") if part.strip()]
        granted = consent.grant(t, app, t.get_user(upn).object_id, requested)
        scopes = list(_DEFAULT_SCOPES)
        scopes += [s for s in granted if s.lower() not in {x.lower() for x in scopes}]
        connections(self.ctx)["graph"] = Connection(upn, env[0], scopes, {
            "ClientId": app, "ContextScope": self.ContextScope or "CurrentUser",
            "TokenCredentialType": "UsernamePassword" if self.Credential is not None else (
                "DeviceCode" if self.UseDeviceCode else "InteractiveBrowser")})
        if not self.NoWelcome:
            self.ctx.host.write_line(WELCOME.format(kind="delegated", app=app))

    def _auth_error(self, message: str) -> Any:
        return self.error(message, "AuthenticationFailed", ErrorCategory.AuthenticationError, None,
                          AuthenticationException)

    @staticmethod
    def _tenant_matches(t: Any, tenant_id: str) -> bool:
        key = tenant_id.strip().lower()
        return key in {t.tenant_id.lower(), t.initial_domain.lower(), t.default_domain.lower()} or key in t.domains

    def _refuse_app_only(self, t: Any, app: str) -> None:
        if self.Identity:
            raise self._auth_error("ManagedIdentityCredential authentication unavailable. No Managed Identity endpoint "
                                   "found.")
        if self.EnvironmentVariable:
            raise self._auth_error("EnvironmentCredential authentication unavailable. Environment variables are not "
                                   "fully configured.")
        if self.AccessToken is not None:
            raise self._auth_error("The access token is not valid for this tenant (o365shell issues no tokens; use "
                                   "-Scopes with the sign-in prompt or -Credential).")
        secret = self.ClientSecretCredential
        if secret is not None:
            app = credential_parts(secret)[0]
        app_only = secret is not None or self.CertificateThumbprint or self.CertificateSubjectName or \
            self.Certificate is not None
        if (app_only or app.lower() != CLI_APP_ID) and self.Credential is None:
            raise self._auth_error(f"AADSTS700016: Application with identifier '{app}' was not found in the directory "
                                   f"'{t.initial_domain}'. This can happen if the application has not been installed by "
                                   "the administrator of the tenant or consented to by any user in the tenant. You may "
                                   "have sent your authentication request to the wrong tenant.")


def _context(ctx: Any) -> Any:
    conn = connection(ctx, "graph")
    if conn is None:
        return None
    from .tenantsvc import get_tenant
    t = get_tenant(ctx)
    return AuthContext({
        "ClientId": conn.extra.get("ClientId", CLI_APP_ID), "TenantId": t.tenant_id, "Scopes": list(conn.scopes),
        "AuthType": "Delegated", "TokenCredentialType": conn.extra.get("TokenCredentialType", "InteractiveBrowser"),
        "CertificateThumbprint": None, "CertificateSubjectName": None, "SendCertificateChain": False,
        "Account": conn.account, "AppName": "Microsoft Graph Command Line Tools",
        "ContextScope": conn.extra.get("ContextScope", "CurrentUser"), "Certificate": None, "PSHostVersion": "7.4.6",
        "ManagedIdentityId": None, "ClientSecret": None, "Environment": conn.environment})


@cmdlet("Get-MgContext", module=AUTH, version=VERSION)
class GetMgContext(TenantCmdlet):
    """Gets details about the current Microsoft Graph session.

    ClientId, TenantId, the consented Scopes, AuthType, the signed-in Account... Nothing
    when not connected."""

    module = AUTH
    notes = _NOTES
    outputs = "Microsoft.Graph.PowerShell.Authentication.AuthContext"
    examples = [("Get-MgContext", "Shows the session."),
                ("Get-MgContext | Select -ExpandProperty Scopes", "The consented permissions.")]

    def end(self) -> None:
        c = _context(self.ctx)
        if c is not None:
            self.write(c)


@cmdlet("Disconnect-MgGraph", module=AUTH, version=VERSION, aliases=("Disconnect-Graph",))
class DisconnectMgGraph(TenantCmdlet):
    """Signs out of Microsoft Graph (returns the context that was signed out)."""

    module = AUTH
    notes = _NOTES
    examples = [("Disconnect-MgGraph", "Signs out.")]

    def end(self) -> None:
        c = _context(self.ctx)
        if c is None:
            raise self.error("No application to sign out from.", "NoApplication", ErrorCategory.InvalidOperation)
        connections(self.ctx).pop("graph", None)
        self.write(c)


@cmdlet("Get-MgEnvironment", module=AUTH, version=VERSION)
class GetMgEnvironment(TenantCmdlet):
    """Gets the national clouds Connect-MgGraph can sign in to."""

    Name = Parameter(str, position=0, help="An environment name.")
    module = AUTH
    notes = _NOTES

    def end(self) -> None:
        for key, (name, login, graph, _cloud) in ENVIRONMENTS.items():
            if self.Name and key != self.Name.lower():
                continue
            self.write(MgEnvironment({"Name": name, "AzureADEndpoint": login, "GraphEndpoint": graph,
                                      "Type": "Built-in"}))
