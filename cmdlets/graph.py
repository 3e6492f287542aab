"""Microsoft Graph PowerShell SDK (v2) over the simulated tenant.

Connect-MgGraph -Scopes signs in (a prompt where the real SDK opens a browser, or
-Credential, a simulation-only addition) and records the consented delegated scopes.
Every cmdlet then needs one of its documented permissions - and the signed-in account's
directory role for acting on other users - or fails as Graph does (403 "Insufficient
privileges to complete the operation."). Users and authentication methods are read from
the tenant (``tenant.graphviews``); method changes go through ``graphmethods``; per-user
MFA (beta authentication/requirements) through ``tenant.mfa`` with Graph semantics
(enabled on a registered user becomes enforced).
"""
from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory
from o365shell.engine.pscollections import CaseSensitiveDictionary, OrderedDictionary

from . import graphmethods as GM
from .tenantsvc import (AuthenticationException, Connection, GraphException, TenantCmdlet, as_list, connection,
                        connections, credential_parts, net_guid, set_anchor, to_net_datetime)

AUTH = "Microsoft.Graph.Authentication"
USERS = "Microsoft.Graph.Users"
SIGNINS = "Microsoft.Graph.Identity.SignIns"
BETA_SIGNINS = "Microsoft.Graph.Beta.Identity.SignIns"
BETA_USERS = "Microsoft.Graph.Beta.Users"
VERSION = "2.25.0"
CLI_APP_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e"
_NOTES = ("Simulates the Microsoft Graph PowerShell SDK v2 against the o365shell tenant. Needs Connect-MgGraph with "
          "one of the cmdlet's permissions (scopes).")

WELCOME = """Welcome to Microsoft Graph!

Connected via {kind} access using {app}
Readme: https://aka.ms/graph/sdk/powershell
SDK Docs: https://aka.ms/graph/sdk/powershell/docs
API Docs: https://aka.ms/graph/docs

NOTE: You can use the -NoWelcome parameter to suppress this message.
"""

USER_READ = ("User.Read.All", "User.ReadWrite.All", "User.ReadBasic.All", "Directory.Read.All",
             "Directory.ReadWrite.All", "Directory.AccessAsUser.All")
METHODS_READ = ("UserAuthenticationMethod.Read.All", "UserAuthenticationMethod.ReadWrite.All")
METHODS_WRITE = ("UserAuthenticationMethod.ReadWrite.All",)
SELF_METHODS_READ = ("UserAuthenticationMethod.Read", "UserAuthenticationMethod.ReadWrite")
SELF_METHODS_WRITE = ("UserAuthenticationMethod.ReadWrite",)
REQ_READ = ("Policy.ReadWrite.AuthenticationMethod", "Policy.Read.All") + METHODS_READ
REQ_WRITE = ("Policy.ReadWrite.AuthenticationMethod",)
_DEFAULT_SCOPES = ("openid", "profile", "offline_access", "User.Read")
_REASONS = {400: "BadRequest", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed", 401: "Unauthorized"}


# ----------------------------------------------------------------------------- objects

class AdditionalProperties(CaseSensitiveDictionary):
    """IDictionary<string, object> of a Graph model: a missing key reads as $null (as PowerShell indexing does)."""

    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        return self._vals.get(key)


def _additional(values: dict[str, Any]) -> AdditionalProperties:
    return AdditionalProperties(values, type_args=("String", "Object"))


class GraphObject:
    """A Graph model object: fixed properties (PascalCase), looked up case-insensitively."""

    __slots__ = ("_v", "_low")
    __ps_typename__ = "Microsoft.Graph.PowerShell.Models.Entity"
    __ps_properties__: tuple[str, ...] = ()

    def __init__(self, values: dict[str, Any]) -> None:
        self._v = values
        self._low = {k.lower(): k for k in values}

    def ps_get_member(self, low: str) -> Any:
        from o365shell.engine.objects import MISSING
        k = self._low.get(low)
        return self._v[k] if k is not None else MISSING

    def ps_set_member(self, low: str, value: Any) -> bool:
        k = self._low.get(low)
        if k is None:
            return False
        self._v[k] = value
        return True

    def ToString(self) -> str:
        return self.__ps_typename__


def _model(name: str, props: tuple[str, ...], ns: str = "Microsoft.Graph.PowerShell.Models.") -> type:
    from o365shell.engine.types import register_class
    cls = type(name, (GraphObject,), {"__slots__": (), "__ps_typename__": ns + name,
                                      "__ps_typenames__": (ns + name, ns + "I" + name, "System.Object"),
                                      "__ps_properties__": props, "__doc__": ns + name + "."})
    register_class(cls, ctor=None)
    return cls


_USER_PROPS = (
    "Id", "AboutMe", "AccountEnabled", "AgeGroup", "AssignedLicenses", "BusinessPhones", "City", "CompanyName",
    "Country", "CreatedDateTime", "Department", "DisplayName", "EmployeeId", "GivenName", "JobTitle", "Mail",
    "MailNickname", "MobilePhone", "OfficeLocation", "OnPremisesImmutableId", "OnPremisesSyncEnabled", "OtherMails",
    "PasswordPolicies", "PostalCode", "PreferredLanguage", "ProxyAddresses", "SignInActivity", "State",
    "StreetAddress", "Surname", "UsageLocation", "UserPrincipalName", "UserType", "AdditionalProperties")
_USER_DEFAULT = frozenset(p.lower() for p in ("Id", "BusinessPhones", "DisplayName", "GivenName", "JobTitle", "Mail",
                                               "MobilePhone", "OfficeLocation", "PreferredLanguage", "Surname",
                                               "UserPrincipalName"))
MgUser = _model("MicrosoftGraphUser", _USER_PROPS)
MgBetaUser = _model("MicrosoftGraphUser", _USER_PROPS, "Microsoft.Graph.Beta.PowerShell.Models.")
AuthMethod = _model("MicrosoftGraphAuthenticationMethod", ("Id", "AdditionalProperties"))
BetaAuthMethod = _model("MicrosoftGraphAuthenticationMethod", ("Id", "AdditionalProperties"),
                        "Microsoft.Graph.Beta.PowerShell.Models.")
PhoneMethod = _model("MicrosoftGraphPhoneAuthenticationMethod",
                     ("Id", "PhoneNumber", "PhoneType", "SmsSignInState", "AdditionalProperties"))
AuthenticatorMethod = _model("MicrosoftGraphMicrosoftAuthenticatorAuthenticationMethod",
                             ("Id", "CreatedDateTime", "Device", "DeviceTag", "DisplayName", "PhoneAppVersion",
                              "AdditionalProperties"))
SoftwareOathMethod = _model("MicrosoftGraphSoftwareOathAuthenticationMethod", ("Id", "SecretKey",
                                                                               "AdditionalProperties"))
EmailMethod = _model("MicrosoftGraphEmailAuthenticationMethod", ("Id", "EmailAddress", "AdditionalProperties"))
Fido2Method = _model("MicrosoftGraphFido2AuthenticationMethod",
                     ("Id", "AaGuid", "AttestationCertificates", "AttestationLevel", "CreatedDateTime", "DisplayName",
                      "Model", "AdditionalProperties"))
TapMethod = _model("MicrosoftGraphTemporaryAccessPassAuthenticationMethod",
                   ("Id", "CreatedDateTime", "IsUsable", "IsUsableOnce", "LifetimeInMinutes", "MethodUsabilityReason",
                    "StartDateTime", "TemporaryAccessPass", "AdditionalProperties"))
WhfbMethod = _model("MicrosoftGraphWindowsHelloForBusinessAuthenticationMethod",
                    ("Id", "CreatedDateTime", "Device", "DisplayName", "KeyStrength", "AdditionalProperties"))
Requirement = _model("MicrosoftGraphStrongAuthenticationRequirements", ("PerUserMfaState", "AdditionalProperties"),
                     "Microsoft.Graph.Beta.PowerShell.Models.")
AuthContext = _model("AuthContext", ("ClientId", "TenantId", "Scopes", "AuthType", "TokenCredentialType",
                                     "CertificateThumbprint", "CertificateSubjectName", "SendCertificateChain",
                                     "Account", "AppName", "ContextScope", "Certificate", "PSHostVersion",
                                     "ManagedIdentityId", "ClientSecret", "Environment"),
                     "Microsoft.Graph.PowerShell.Authentication.")
MgEnvironment = _model("GraphEnvironment", ("Name", "AzureADEndpoint", "GraphEndpoint", "Type"),
                       "Microsoft.Graph.PowerShell.Authentication.Models.")


def _register_views() -> None:
    from o365shell.format.views import register_table_view
    for cls in (MgUser, MgBetaUser):
        register_table_view(cls.__ps_typename__, [("DisplayName", "DisplayName"), ("Id", "Id"), ("Mail", "Mail"),
                                                  ("UserPrincipalName", "UserPrincipalName")])
    for cls in (AuthMethod, BetaAuthMethod):
        register_table_view(cls.__ps_typename__, [("Id", "Id")])
    register_table_view(PhoneMethod.__ps_typename__, [("Id", "Id"), ("PhoneNumber", "PhoneNumber"),
                                                      ("PhoneType", "PhoneType"), ("SmsSignInState", "SmsSignInState")])
    register_table_view(Requirement.__ps_typename__, [("PerUserMfaState", "PerUserMfaState")])
    register_table_view(MgEnvironment.__ps_typename__, [("Name", "Name"), ("AzureADEndpoint", "AzureADEndpoint"),
                                                        ("GraphEndpoint", "GraphEndpoint"), ("Type", "Type")])


_register_views()

ENVIRONMENTS = {
    "global": ("Global", "https://login.microsoftonline.com", "https://graph.microsoft.com", "AzureCloud"),
    "china": ("China", "https://login.chinacloudapi.cn", "https://microsoftgraph.chinacloudapi.cn", "AzureChinaCloud"),
    "usgov": ("USGov", "https://login.microsoftonline.us", "https://graph.microsoft.us", "USGovernment"),
    "usgovdod": ("USGovDoD", "https://login.microsoftonline.us", "https://dod-graph.microsoft.us", "USGovernment"),
}


def user_values(t: Any, u: Any, selected: Iterable[str] | None = None) -> dict[str, Any]:
    """A user's Graph properties (unselected ones $null, as the service returns them)."""
    chosen = _USER_DEFAULT if selected is None else frozenset(s.lower() for s in selected) | {"id"}
    mailbox = t.has_mailbox(u)
    full = {
        "Id": u.object_id, "AboutMe": None, "AccountEnabled": not u.block_credential, "AgeGroup": None,
        "AssignedLicenses": [{"SkuId": t.sku(s).sku_id, "DisabledPlans": []} for s in u.licenses if t.sku(s)],
        "BusinessPhones": [u.phone_number] if u.phone_number else [], "City": u.city, "CompanyName": None,
        "Country": u.country, "CreatedDateTime": to_net_datetime(u.when_created), "Department": u.department,
        "DisplayName": u.display_name, "EmployeeId": None, "GivenName": u.first_name, "JobTitle": u.title,
        "Mail": u.user_principal_name if mailbox else None, "MailNickname": u.alias, "MobilePhone": u.mobile_phone,
        "OfficeLocation": u.office, "OnPremisesImmutableId": u.immutable_id,
        "OnPremisesSyncEnabled": True if u.immutable_id else None, "OtherMails": list(u.alternate_email_addresses),
        "PasswordPolicies": "DisablePasswordExpiration" if u.password_never_expires else None,
        "PostalCode": u.postal_code, "PreferredLanguage": u.preferred_language,
        "ProxyAddresses": [f"SMTP:{u.user_principal_name}"] if mailbox else [], "SignInActivity": None,
        "State": u.state, "StreetAddress": u.street_address, "Surname": u.last_name,
        "UsageLocation": u.usage_location, "UserPrincipalName": u.user_principal_name, "UserType": u.user_type,
    }
    out = {k: (v if k.lower() in chosen else ([] if isinstance(v, list) else None)) for k, v in full.items()}
    out["AdditionalProperties"] = _additional({})
    return out


# ----------------------------------------------------------------------------- base class

class _SdkParams:
    """The HTTP-pipeline parameters every generated Graph cmdlet has."""

    ResponseHeadersVariable = Parameter(str, aliases=("RHV",), help="A variable for the response headers.")
    Break = Parameter(Switch, help="Wait for a .NET debugger to attach.")
    Headers = Parameter(object, help="Extra request headers.")
    HttpPipelineAppend = Parameter(object, help="SendAsync steps appended to the pipeline.")
    HttpPipelinePrepend = Parameter(object, help="SendAsync steps prepended to the pipeline.")
    Proxy = Parameter(object, help="A proxy server URI.")
    ProxyCredential = Parameter("System.Management.Automation.PSCredential", help="Proxy credentials.")
    ProxyUseDefaultCredentials = Parameter(Switch, help="Use the default credentials for the proxy.")


class GraphCmdlet(_SdkParams, TenantCmdlet):
    """Base of the Graph cmdlets: connection, scope checks and Graph-shaped errors."""

    connection = "graph"
    module = SIGNINS
    version = VERSION
    notes = _NOTES
    scopes: tuple[str, ...] = ()
    self_scopes: tuple[str, ...] = ()
    verb_variant = "Get"

    def variant(self) -> str:
        return f"{self.name}_{self.verb_variant}"

    def graph_error(self, e: GM.GraphError, variant: str | None = None) -> Any:
        date = self.tenant.now().strftime("%Y-%m-%dT%H:%M:%S")
        msg = (f"{e.message}\n\nStatus: {e.status} ({_REASONS.get(e.status, 'Error')})\nErrorCode: {e.code}\n"
               f"Date: {date}")
        cat = {403: ErrorCategory.PermissionDenied, 404: ErrorCategory.ObjectNotFound}.get(
            e.status, ErrorCategory.InvalidOperation)
        err = self.error(msg, f"{e.code},Microsoft.Graph.PowerShell.Cmdlets.{self.name.replace('-', '')}_"
                              f"{self.verb_variant}", cat, None, GraphException)
        err.command_name = variant or self.variant()
        return err

    def gcall(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        from o365shell.tenant.errors import AccessDenied, TenantError, UserNotFound, ValidationError
        try:
            return fn(*args, **kwargs)
        except GM.GraphError as e:
            raise self.graph_error(e) from None
        except AccessDenied:
            raise self.graph_error(GM.forbidden()) from None
        except UserNotFound as e:
            raise self.graph_error(GM.not_found(e.upn)) from None
        except ValidationError as e:
            raise self.graph_error(GM.GraphError(400, "badRequest", str(e))) from None
        except TenantError as e:
            raise self.graph_error(GM.GraphError(400, "badRequest", str(e))) from None

    def check_scopes(self, target: Any = None) -> None:
        """403 unless the connection consented one of this cmdlet's scopes (own account: self scopes too)."""
        conn = connection(self.ctx, "graph")
        actor = self.actor
        granted = {s.lower() for s in conn.scopes} if conn is not None else set()
        wanted = list(self.scopes)
        if target is not None and target.user_principal_name.lower() == actor.lower():
            wanted += list(self.self_scopes)
        if wanted and not granted & {w.lower() for w in wanted}:
            raise self.graph_error(GM.forbidden())

    def graph_user(self, user_id: Any) -> Any:
        """The user a -UserId names (UPN or object id); 404 like Graph otherwise."""
        t = self.tenant
        text = str(user_id or "").strip()
        if not text:
            raise self.graph_error(GM.GraphError(400, "badRequest", "Invalid request: the UserId can't be empty."))
        u = t.find_user(text)
        if u is None:
            try:
                u = t.user_by_object_id(text)
            except Exception:
                u = None
        if u is None:
            raise self.graph_error(GM.not_found(text))
        return u


def _input_id(obj: Any, name: str) -> Any:
    from o365shell.engine.objects import get_value
    return get_value(obj, name) if obj is not None else None


# ----------------------------------------------------------------------------- authentication

@cmdlet("Connect-MgGraph", module=AUTH, version=VERSION, default_set="UserParameterSet")
class ConnectMgGraph(TenantCmdlet):
    """Microsoft Graph PowerShell supports two types of authentication: delegated and app-only access.

    Delegated sign-in: -Scopes lists the permissions to consent to (each cmdlet needs one of
    its documented permissions). The account and password are prompted for where the real
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
        old = connection(self.ctx, "graph")
        scopes = list(_DEFAULT_SCOPES)
        if old is not None and old.account.lower() == upn.lower():
            scopes += [s for s in old.scopes if s.lower() not in {x.lower() for x in scopes}]
        for s in as_list(self.Scopes):
            for part in str(s).split(","):
                part = part.strip()
                if part and part.lower() not in {x.lower() for x in scopes}:
                    scopes.append(part)
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


@cmdlet("Disconnect-MgGraph", module=AUTH, version=VERSION)
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


# ----------------------------------------------------------------------------- users

def _literal(tok: str) -> Any:
    if tok.startswith("'"):
        return tok[1:-1].replace("''", "'")
    low = tok.lower()
    if low in ("true", "false"):
        return low == "true"
    if low == "null":
        return None
    try:
        return int(tok)
    except ValueError:
        raise ValueError(tok) from None


def odata_filter(text: str) -> Any:
    """Compile an OData $filter over user properties: eq ne gt ge lt le, startswith, endswith, and/or/not."""
    tokens = re.findall(r"'(?:[^']|'')*'|\(|\)|,|[\w.@/-]+", text)
    pos = 0

    def peek() -> str:
        return tokens[pos].lower() if pos < len(tokens) else ""

    def take() -> str:
        nonlocal pos
        if pos >= len(tokens):
            raise ValueError("end")
        pos += 1
        return tokens[pos - 1]

    def getter(name: str) -> Any:
        low = name.lower()
        return lambda v: next((val for k, val in v.items() if k.lower() == low), None)

    def primary() -> Any:
        if peek() == "(":
            take()
            f = disjunction()
            if take() != ")":
                raise ValueError(")")
            return f
        if peek() == "not":
            take()
            inner = primary()
            return lambda v: not inner(v)
        word = take()
        if word.lower() in ("startswith", "endswith") and peek() == "(":
            take()
            prop = getter(take())
            take()
            lit = _literal(take())
            take()
            fn = str.startswith if word.lower() == "startswith" else str.endswith
            return lambda v: isinstance(prop(v), str) and fn(prop(v).lower(), str(lit).lower())
        prop = getter(word)
        op = take().lower()
        lit = _literal(take())
        ops = {"eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "gt": lambda a, b: a > b,
               "ge": lambda a, b: a >= b, "lt": lambda a, b: a < b, "le": lambda a, b: a <= b}
        if op not in ops:
            raise ValueError(op)
        cmp = ops[op]

        def test(v: dict) -> bool:
            cur = prop(v)
            a, b = (cur.lower(), lit.lower()) if isinstance(cur, str) and isinstance(lit, str) else (cur, lit)
            try:
                return bool(cmp(a, b))
            except TypeError:
                return False
        return test

    def conjunction() -> Any:
        f = primary()
        while peek() == "and":
            take()
            g = primary()
            f = (lambda a, b: lambda v: a(v) and b(v))(f, g)
        return f

    def disjunction() -> Any:
        f = conjunction()
        while peek() == "or":
            take()
            g = conjunction()
            f = (lambda a, b: lambda v: a(v) or b(v))(f, g)
        return f

    f = disjunction()
    if pos != len(tokens):
        raise ValueError("trailing")
    return f


def odata_search(text: str) -> Any:
    """$search ``"property:words"`` clauses (AND / OR): each word must start a word of the property."""
    clauses = re.findall(r'"([^"]+)"|\b(AND|OR)\b', text)
    tests: list[Any] = []
    joins: list[str] = []
    for clause, join in clauses:
        if join:
            joins.append(join)
            continue
        prop, _, words = clause.partition(":")
        if not words:
            raise ValueError(clause)
        low = prop.strip().lower()
        wanted = words.lower().split()

        def test(v: dict, low: str = low, wanted: list = wanted) -> bool:
            cur = next((val for k, val in v.items() if k.lower() == low), None)
            parts = re.split(r"[\s.@_-]+", str(cur or "").lower())
            return all(any(p.startswith(w) for p in parts) for w in wanted)
        tests.append(test)
    if not tests:
        raise ValueError(text)

    def run(v: dict) -> bool:
        result = tests[0](v)
        for join, t in zip(joins, tests[1:]):
            result = (result or t(v)) if join == "OR" else (result and t(v))
        return result
    return run


class _ListParams:
    ExpandProperty = Parameter(list[str], aliases=("Expand",), help="Expand related entities.")
    Property = Parameter(list[str], aliases=("Select",), help="The properties to return.")
    Filter = Parameter(str, set="List", help="An OData filter, e.g. \"startswith(displayName,'A')\".")
    Search = Parameter(str, set="List", help="A search phrase, e.g. '\"displayName:Conf\"' (needs ConsistencyLevel).")
    Skip = Parameter(int, set="List", help="Skip the first n items.")
    Sort = Parameter(list[str], set="List", aliases=("OrderBy",), help="Order by these properties ('prop desc').")
    Top = Parameter(int, set="List", aliases=("Limit",), help="Return at most n items.")
    PageSize = Parameter(int, set="List", help="Items per page.")
    All = Parameter(Switch, set="List", help="Return every page.")
    CountVariable = Parameter(str, set="List", aliases=("CV",), help="A variable that receives the total count.")
    ConsistencyLevel = Parameter(str, set="List", help="The consistency level ('eventual' for advanced queries).")


def _page(cmd: Any, rows: list[Any], key: Any = None) -> list[Any]:
    """Apply -Sort, -Skip, -Top / -All (first page of 100 without -All) and -CountVariable."""
    if cmd.Sort:
        for spec in reversed(as_list(cmd.Sort)):
            prop, _, direction = str(spec).strip().partition(" ")
            rows.sort(key=lambda r: str(key(r, prop) or "").lower(), reverse=direction.strip().lower() == "desc")
    if cmd.CountVariable:
        cmd.ctx.assign(cmd.CountVariable.lstrip("$"), len(rows), "global")
    if cmd.Skip:
        rows = rows[cmd.Skip:]
    if cmd.Top:
        return rows[:cmd.Top]
    if cmd.All:
        return rows
    return rows[:cmd.PageSize or 100]


@cmdlet("Get-MgUser", module=USERS, version=VERSION, default_set="List")
class GetMgUser(_ListParams, GraphCmdlet):
    """Retrieve the properties and relationships of user object.

    Gets one user (-UserId: object ID or UPN) or a list of users (the first 100 unless
    -All or -Top), filtered with -Filter (OData: eq, ne, startswith, endswith, and, or) or
    -Search (with -ConsistencyLevel eventual). Only the default properties are returned
    unless -Property selects others (AccountEnabled, Department, UsageLocation...)."""

    UserId = Parameter(str, mandatory=True, set="Get", help="The object ID or UPN of the user.")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, set="GetViaIdentity",
                            help="An identity object (with UserId).")
    module = USERS
    scopes = USER_READ
    self_scopes = ("User.Read", "User.ReadWrite")
    model = MgUser
    outputs = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphUser"
    examples = [("Get-MgUser -All | Format-List Id, DisplayName, Mail, UserPrincipalName", "Every user."),
                ("Get-MgUser -UserId AlexW@contoso.com", "One user by UPN."),
                ("Get-MgUser -Filter \"startsWith(DisplayName, 'a')\" -ConsistencyLevel eventual -CountVariable n",
                 "Users whose display name starts with A, counted in $n."),
                ("Get-MgUser -All -Property DisplayName,UserPrincipalName,AccountEnabled",
                 "Selects properties that are not returned by default.")]

    def process(self) -> None:
        t = self.tenant
        _ = self.actor
        if self.parameter_set_name in ("Get", "GetViaIdentity"):
            self.verb_variant = "Get"
            uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
            u = self.graph_user(uid)
            self.check_scopes(u)
            self.write(self.model(user_values(t, u, self.Property)))
            return
        self.verb_variant = "List"
        self.check_scopes()
        if self.Search and str(self.ConsistencyLevel or "").lower() != "eventual":
            raise self.graph_error(GM.GraphError(400, "Request_BadRequest", "Request with $search query parameter "
                                                 "only works through MSGraph with a special request header: "
                                                 "'ConsistencyLevel: eventual'"))
        try:
            flt = odata_filter(self.Filter) if self.Filter else None
            srch = odata_search(self.Search) if self.Search else None
        except (ValueError, IndexError):
            raise self.graph_error(GM.GraphError(400, "Request_UnsupportedQuery",
                                                 f"Invalid filter clause: {self.Filter or self.Search}")) from None
        rows = []
        for u in t.iter_users():
            full = user_values(t, u, _USER_PROPS)
            if flt is not None and not flt(full):
                continue
            if srch is not None and not srch(full):
                continue
            rows.append((u, full))
        rows = _page(self, rows, lambda r, p: next((v for k, v in r[1].items() if k.lower() == p.lower()), None))
        model = self.model
        self.write_all(model(user_values(t, u, self.Property)) for u, _full in rows)


@cmdlet("Get-MgBetaUser", module=BETA_USERS, version=VERSION, default_set="List")
class GetMgBetaUser(GetMgUser):
    """Retrieve the properties and relationships of user object (beta endpoint)."""

    module = BETA_USERS
    model = MgBetaUser
    examples = [("Get-MgBetaUser -UserId AlexW@contoso.com", "One user from the beta endpoint.")]


# ----------------------------------------------------------------------------- authentication methods

def _method_object(kind: str, props: dict, beta: bool = False) -> Any:
    extra = {"@odata.type": kind}
    for k, v in props.items():
        if k != "Id":
            extra[k[0].lower() + k[1:]] = v
    cls = BetaAuthMethod if beta else AuthMethod
    return cls({"Id": props["Id"], "AdditionalProperties": _additional(extra)})


class _MethodsBase(GraphCmdlet):
    UserId = Parameter(str, mandatory=True, sets={"List": {"mandatory": True}, "Get": {"mandatory": True}},
                       help="The object ID or UPN of the user.")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, set="GetViaIdentity",
                            help="An identity object (UserId and the method's ID).")
    Filter = Parameter(str, set="List", help="An OData filter.")
    Top = Parameter(int, set="List", aliases=("Limit",), help="Return at most n items.")
    All = Parameter(Switch, set="List", help="Return every page.")
    Property = Parameter(list[str], aliases=("Select",), help="The properties to return.")
    ExpandProperty = Parameter(list[str], aliases=("Expand",), help="Expand related entities.")
    Search = Parameter(str, set="List", help="A search phrase.")
    Skip = Parameter(int, set="List", help="Skip the first n items.")
    Sort = Parameter(list[str], set="List", aliases=("OrderBy",), help="Order by these properties.")
    PageSize = Parameter(int, set="List", help="Items per page.")
    CountVariable = Parameter(str, set="List", aliases=("CV",), help="A variable that receives the total count.")
    scopes = METHODS_READ
    self_scopes = SELF_METHODS_READ
    id_param = "AuthenticationMethodId"
    kind = ""

    def items(self, user: Any) -> list[dict]:
        return []

    def make(self, props: dict) -> Any:
        raise NotImplementedError

    def process(self) -> None:
        t = self.tenant
        actor = self.actor
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        mid = self.bound.get(self.id_param) or _input_id(self.InputObject, self.id_param)
        self.verb_variant = "Get" if mid else "List"
        user = self.graph_user(uid)
        self.check_scopes(user)
        self.gcall(GM.authorize_methods, t, actor, user, False)
        items = self.items(user)
        if mid:
            found = [i for i in items if i["Id"].lower() == str(mid).lower()]
            if not found:
                raise self.graph_error(GM.not_found(str(mid)))
            items = found
        rows = _page(self, list(items), lambda r, p: r.get(p[0].upper() + p[1:]))
        self.write_all(self.make(i) for i in rows)


def _with_id_param(name: str) -> Any:
    return Parameter(str, mandatory=True, set="Get", help=f"The unique identifier of the {name}.")


@cmdlet("Get-MgUserAuthenticationMethod", module=SIGNINS, version=VERSION, default_set="List")
class GetMgUserAuthenticationMethod(_MethodsBase):
    """Represents all authentication methods registered to a user.

    Returns each method's Id and AdditionalProperties, whose '@odata.type' tells the kind
    (#microsoft.graph.passwordAuthenticationMethod, ...phoneAuthenticationMethod,
    ...microsoftAuthenticatorAuthenticationMethod, ...emailAuthenticationMethod)."""

    AuthenticationMethodId = _with_id_param("authenticationMethod")
    beta = False
    outputs = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphAuthenticationMethod"
    examples = [("Get-MgUserAuthenticationMethod -UserId AlexW@contoso.com", "Alex's methods."),
                ("Get-MgUserAuthenticationMethod -UserId AlexW@contoso.com | ForEach-Object { "
                 "$_.AdditionalProperties['@odata.type'] }", "The kind of each method.")]

    def items(self, user: Any) -> list[dict]:
        return [dict(p, _kind=k) for k, p in GM.all_methods(user)]

    def make(self, props: dict) -> Any:
        kind = props.pop("_kind", "")
        return _method_object(kind, props, self.beta)


@cmdlet("Get-MgBetaUserAuthenticationMethod", module=BETA_SIGNINS, version=VERSION, default_set="List")
class GetMgBetaUserAuthenticationMethod(GetMgUserAuthenticationMethod):
    """Represents all authentication methods registered to a user (beta endpoint)."""

    module = BETA_SIGNINS
    beta = True


def _simple(cls_model: type, defaults: dict | None = None) -> Any:
    def make(self: Any, props: dict) -> Any:
        values = {p: None for p in cls_model.__ps_properties__}
        values.update(defaults or {})
        values.update(props)
        values["AdditionalProperties"] = _additional({})
        return cls_model(values)
    return make


@cmdlet("Get-MgUserAuthenticationPhoneMethod", module=SIGNINS, version=VERSION, default_set="List")
class GetMgUserAuthenticationPhoneMethod(_MethodsBase):
    """The phone numbers registered to a user for authentication."""

    PhoneAuthenticationMethodId = _with_id_param("phoneAuthenticationMethod")
    id_param = "PhoneAuthenticationMethodId"
    outputs = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphPhoneAuthenticationMethod"
    examples = [("Get-MgUserAuthenticationPhoneMethod -UserId PattiF@contoso.com", "Patti's phones.")]
    items = staticmethod(lambda user: __import__("o365shell.tenant.graphviews", fromlist=["x"])
                         .graph_phone_methods(user))  # type: ignore[assignment]
    make = _simple(PhoneMethod)


@cmdlet("Get-MgUserAuthenticationMicrosoftAuthenticatorMethod", module=SIGNINS, version=VERSION, default_set="List")
class GetMgUserAuthenticationMicrosoftAuthenticatorMethod(_MethodsBase):
    """The Microsoft Authenticator app registered to a user for authentication."""

    MicrosoftAuthenticatorAuthenticationMethodId = _with_id_param("microsoftAuthenticatorAuthenticationMethod")
    id_param = "MicrosoftAuthenticatorAuthenticationMethodId"
    examples = [("Get-MgUserAuthenticationMicrosoftAuthenticatorMethod -UserId AlexW@contoso.com", "Alex's app.")]
    items = staticmethod(GM.authenticator_methods)  # type: ignore[assignment]
    make = _simple(AuthenticatorMethod)


@cmdlet("Get-MgUserAuthenticationSoftwareOathMethod", module=SIGNINS, version=VERSION, default_set="List")
class GetMgUserAuthenticationSoftwareOathMethod(_MethodsBase):
    """The software OATH token apps registered to a user (third-party authenticator apps; none in the seed)."""

    SoftwareOathAuthenticationMethodId = _with_id_param("softwareOathAuthenticationMethod")
    id_param = "SoftwareOathAuthenticationMethodId"
    make = _simple(SoftwareOathMethod)


@cmdlet("Get-MgUserAuthenticationEmailMethod", module=SIGNINS, version=VERSION, default_set="List")
class GetMgUserAuthenticationEmailMethod(_MethodsBase):
    """The email address registered to a user for authentication (self-service password reset)."""

    EmailAuthenticationMethodId = _with_id_param("emailAuthenticationMethod")
    id_param = "EmailAuthenticationMethodId"
    items = staticmethod(GM.email_methods)  # type: ignore[assignment]
    make = _simple(EmailMethod)


@cmdlet("Get-MgUserAuthenticationFido2Method", module=SIGNINS, version=VERSION, default_set="List")
class GetMgUserAuthenticationFido2Method(_MethodsBase):
    """The FIDO2 security keys registered to a user (none can be registered in the simulation)."""

    Fido2AuthenticationMethodId = _with_id_param("fido2AuthenticationMethod")
    id_param = "Fido2AuthenticationMethodId"
    make = _simple(Fido2Method)


@cmdlet("Get-MgUserAuthenticationTemporaryAccessPassMethod", module=SIGNINS, version=VERSION, default_set="List")
class GetMgUserAuthenticationTemporaryAccessPassMethod(_MethodsBase):
    """Retrieve a user's single temporaryAccessPassAuthenticationMethod object (none are simulated)."""

    TemporaryAccessPassAuthenticationMethodId = _with_id_param("temporaryAccessPassAuthenticationMethod")
    id_param = "TemporaryAccessPassAuthenticationMethodId"
    make = _simple(TapMethod)


@cmdlet("Get-MgUserAuthenticationWindowsHelloForBusinessMethod", module=SIGNINS, version=VERSION, default_set="List")
class GetMgUserAuthenticationWindowsHelloForBusinessMethod(_MethodsBase):
    """The Windows Hello for Business keys of a user (none are simulated)."""

    WindowsHelloForBusinessAuthenticationMethodId = _with_id_param("windowsHelloForBusinessAuthenticationMethod")
    id_param = "WindowsHelloForBusinessAuthenticationMethodId"
    make = _simple(WhfbMethod)


# -- changes

class _MethodChange(GraphCmdlet):
    UserId = Parameter(str, help="The object ID or UPN of the user.")
    InputObject = Parameter(object, from_pipeline=True, help="An identity object (UserId and the method's ID).")
    IfMatch = Parameter(str, help="ETag.")
    PassThru = Parameter(Switch, help="Return $true when the command succeeds.")
    scopes = METHODS_WRITE
    self_scopes = SELF_METHODS_WRITE
    verb_variant = "Delete"
    id_param = ""
    operation: Any = None

    def target_user(self) -> Any:
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        if uid is None:
            raise self.graph_error(GM.GraphError(400, "badRequest", "Invalid request: the UserId can't be empty."))
        user = self.graph_user(uid)
        self.check_scopes(user)
        return user

    def process(self) -> None:
        t, actor = self.tenant, self.actor
        user = self.target_user()
        mid = self.bound.get(self.id_param) or _input_id(self.InputObject, self.id_param)
        op = type(self).operation
        self.gcall(op, t, actor, user, str(mid or ""), dry_run=True)
        if self.should_process(f"{user.user_principal_name} {mid}"):
            self.gcall(op, t, actor, user, str(mid or ""))
            if self.PassThru:
                self.write(True)


def _remover(name: str, id_param: str, operation: Any, doc: str) -> type:
    def not_registered(t: Any, actor: str, user: Any, mid: str, dry_run: bool = False) -> None:
        GM.authorize_methods(t, actor, user, True)
        raise GM.not_found(mid)
    cls = type(name.replace("-", ""), (_MethodChange,), {
        "__doc__": doc, id_param: Parameter(str, help=f"The unique identifier of the method ({id_param})."),
        "id_param": id_param, "operation": staticmethod(operation or not_registered)})
    return cmdlet(name, module=SIGNINS, version=VERSION, should_process=True)(cls)


RemoveMgUserAuthenticationPhoneMethod = _remover(
    "Remove-MgUserAuthenticationPhoneMethod", "PhoneAuthenticationMethodId", GM.remove_phone,
    "Delete navigation property phoneMethods for users (removes a phone number).")
RemoveMgUserAuthenticationMicrosoftAuthenticatorMethod = _remover(
    "Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod", "MicrosoftAuthenticatorAuthenticationMethodId",
    GM.remove_authenticator, "Deletes a user's Microsoft Authenticator registration.")
RemoveMgUserAuthenticationSoftwareOathMethod = _remover(
    "Remove-MgUserAuthenticationSoftwareOathMethod", "SoftwareOathAuthenticationMethodId", None,
    "Deletes a user's software OATH token.")
RemoveMgUserAuthenticationEmailMethod = _remover(
    "Remove-MgUserAuthenticationEmailMethod", "EmailAuthenticationMethodId", GM.remove_email,
    "Deletes a user's email authentication method.")
RemoveMgUserAuthenticationFido2Method = _remover(
    "Remove-MgUserAuthenticationFido2Method", "Fido2AuthenticationMethodId", None,
    "Deletes a user's FIDO2 security key.")
RemoveMgUserAuthenticationTemporaryAccessPassMethod = _remover(
    "Remove-MgUserAuthenticationTemporaryAccessPassMethod", "TemporaryAccessPassAuthenticationMethodId", None,
    "Deletes a user's Temporary Access Pass.")
RemoveMgUserAuthenticationWindowsHelloForBusinessMethod = _remover(
    "Remove-MgUserAuthenticationWindowsHelloForBusinessMethod", "WindowsHelloForBusinessAuthenticationMethodId", None,
    "Deletes a user's Windows Hello for Business key.")


def _body(value: Any) -> dict[str, Any]:
    """-BodyParameter / -AdditionalProperties (hashtable, PSCustomObject or JSON) as a lower-cased dict."""
    from o365shell.engine.objects import properties
    from o365shell.engine.pscollections import Hashtable
    if value is None:
        return {}
    if isinstance(value, str):
        return {str(k).lower(): v for k, v in json.loads(value).items()}
    if isinstance(value, Hashtable):
        return {str(k).lower(): v for k, v in value.items()}
    if isinstance(value, dict):
        return {str(k).lower(): v for k, v in value.items()}
    return {str(k).lower(): v for k, v in properties(value)}


@cmdlet("New-MgUserAuthenticationPhoneMethod", module=SIGNINS, version=VERSION, default_set="CreateExpanded",
        should_process=True)
class NewMgUserAuthenticationPhoneMethod(GraphCmdlet):
    """Add a new phone authentication method for a user.

    A user may have one phone of each type (mobile, alternateMobile, office); a mobile
    phone must exist before an alternateMobile one. Numbers use +{country code} {number}."""

    UserId = Parameter(str, help="The object ID or UPN of the user.")
    InputObject = Parameter(object, from_pipeline=True, set=("CreateViaIdentityExpanded", "CreateViaIdentity"),
                            help="An identity object (UserId).")
    BodyParameter = Parameter(object, mandatory=True, set=("Create", "CreateViaIdentity"),
                              help="A hashtable with phoneNumber and phoneType.")
    AdditionalProperties = Parameter(object, set=("CreateExpanded", "CreateViaIdentityExpanded"),
                                     help="Additional properties.")
    Id = Parameter(str, set=("CreateExpanded", "CreateViaIdentityExpanded"), help="Read-only.")
    PhoneNumber = Parameter(str, set=("CreateExpanded", "CreateViaIdentityExpanded"),
                            help="The number: +{country code} {number}x{extension}.")
    PhoneType = Parameter(str, set=("CreateExpanded", "CreateViaIdentityExpanded"),
                          help="mobile, alternateMobile or office.")
    SmsSignInState = Parameter(str, set=("CreateExpanded", "CreateViaIdentityExpanded"), help="Read-only.")
    scopes = METHODS_WRITE
    self_scopes = SELF_METHODS_WRITE
    verb_variant = "CreateExpanded"
    outputs = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphPhoneAuthenticationMethod"
    examples = [("New-MgUserAuthenticationPhoneMethod -UserId MeganB@contoso.com -PhoneType mobile "
                 "-PhoneNumber '+1 2065555555'", "Adds a mobile phone for MFA and SSPR.")]

    def process(self) -> None:
        t, actor = self.tenant, self.actor
        body = _body(self.BodyParameter)
        body.update(_body(self.AdditionalProperties))
        if self.BodyParameter is not None:
            self.verb_variant = "Create"
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        user = self.graph_user(uid)
        self.check_scopes(user)
        number = self.PhoneNumber if self.PhoneNumber is not None else body.get("phonenumber")
        ptype = self.PhoneType if self.PhoneType is not None else body.get("phonetype")
        self.gcall(GM.add_phone, t, actor, user, number, ptype, dry_run=True)
        if self.should_process(user.user_principal_name):
            made = self.gcall(GM.add_phone, t, actor, user, number, ptype)
            made["AdditionalProperties"] = _additional({})
            self.write(PhoneMethod(made))


@cmdlet("Update-MgUserAuthenticationPhoneMethod", module=SIGNINS, version=VERSION, default_set="UpdateExpanded",
        should_process=True)
class UpdateMgUserAuthenticationPhoneMethod(GraphCmdlet):
    """Update a user's phone number associated with a phone authentication method object.

    The phone's type can't change: add a phone of the new type and delete the old one."""

    UserId = Parameter(str, help="The object ID or UPN of the user.")
    PhoneAuthenticationMethodId = Parameter(str, help="The phone method's ID (one per type).")
    InputObject = Parameter(object, from_pipeline=True, set=("UpdateViaIdentityExpanded", "UpdateViaIdentity"),
                            help="An identity object (UserId and PhoneAuthenticationMethodId).")
    BodyParameter = Parameter(object, mandatory=True, set=("Update", "UpdateViaIdentity"),
                              help="A hashtable with phoneNumber (and phoneType).")
    AdditionalProperties = Parameter(object, set=("UpdateExpanded", "UpdateViaIdentityExpanded"),
                                     help="Additional properties.")
    Id = Parameter(str, set=("UpdateExpanded", "UpdateViaIdentityExpanded"), help="Read-only.")
    PhoneNumber = Parameter(str, set=("UpdateExpanded", "UpdateViaIdentityExpanded"), help="The new number.")
    PhoneType = Parameter(str, set=("UpdateExpanded", "UpdateViaIdentityExpanded"), help="The (unchanged) type.")
    SmsSignInState = Parameter(str, set=("UpdateExpanded", "UpdateViaIdentityExpanded"), help="Read-only.")
    scopes = METHODS_WRITE
    self_scopes = SELF_METHODS_WRITE
    verb_variant = "UpdateExpanded"
    examples = [("Update-MgUserAuthenticationPhoneMethod -UserId PattiF@contoso.com -PhoneAuthenticationMethodId "
                 "3179e48a-750b-4051-897c-87b9720928f7 -PhoneNumber '+1 2065555554'", "Changes Patti's mobile number.")]

    def process(self) -> None:
        t, actor = self.tenant, self.actor
        body = _body(self.BodyParameter)
        body.update(_body(self.AdditionalProperties))
        if self.BodyParameter is not None:
            self.verb_variant = "Update"
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        mid = self.PhoneAuthenticationMethodId or _input_id(self.InputObject, "PhoneAuthenticationMethodId")
        user = self.graph_user(uid)
        self.check_scopes(user)
        number = self.PhoneNumber if self.PhoneNumber is not None else body.get("phonenumber")
        ptype = self.PhoneType if self.PhoneType is not None else body.get("phonetype")
        self.gcall(GM.update_phone, t, actor, user, str(mid or ""), number, ptype, dry_run=True)
        if self.should_process(f"{user.user_principal_name} {mid}"):
            self.gcall(GM.update_phone, t, actor, user, str(mid or ""), number, ptype)


# ----------------------------------------------------------------------------- per-user MFA (beta)

def _requirement_state(user: Any) -> str:
    from o365shell.tenant.graphviews import graph_requirement
    return graph_requirement(user)["PerUserMfaState"]


@cmdlet("Get-MgBetaUserAuthenticationRequirement", module=BETA_SIGNINS, version=VERSION, default_set="Get")
class GetMgBetaUserAuthenticationRequirement(GraphCmdlet):
    """Read the properties of a user's authentication states.

    Returns PerUserMfaState: disabled, enabled or enforced (the legacy per-user MFA)."""

    UserId = Parameter(str, mandatory=True, set="Get", help="The object ID or UPN of the user.")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, set="GetViaIdentity",
                            help="An identity object (UserId).")
    ExpandProperty = Parameter(list[str], aliases=("Expand",), help="Expand related entities.")
    Property = Parameter(list[str], aliases=("Select",), help="The properties to return.")
    module = BETA_SIGNINS
    scopes = REQ_READ
    self_scopes = SELF_METHODS_READ
    examples = [("Get-MgBetaUserAuthenticationRequirement -UserId AlexW@contoso.com", "Alex's per-user MFA state.")]

    def process(self) -> None:
        t, actor = self.tenant, self.actor
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        user = self.graph_user(uid)
        self.check_scopes(user)
        self.gcall(GM.authorize_methods, t, actor, user, False)
        self.write(Requirement({"PerUserMfaState": _requirement_state(user), "AdditionalProperties": _additional({})}))


@cmdlet("Update-MgBetaUserAuthenticationRequirement", module=BETA_SIGNINS, version=VERSION,
        default_set="UpdateExpanded", should_process=True)
class UpdateMgBetaUserAuthenticationRequirement(GraphCmdlet):
    """Update the properties of a user's authentication method states.

    Sets the per-user MFA state: -PerUserMfaState disabled, enabled or enforced (or
    -BodyParameter @{perUserMfaState = 'enabled'}). Asking for enabled on a user who has
    already registered a method gives enforced, as the service does. Only a Global
    Administrator can change per-user MFA."""

    UserId = Parameter(str, help="The object ID or UPN of the user.")
    InputObject = Parameter(object, from_pipeline=True, set=("UpdateViaIdentityExpanded", "UpdateViaIdentity"),
                            help="An identity object (UserId).")
    BodyParameter = Parameter(object, mandatory=True, set=("Update", "UpdateViaIdentity"),
                              help="A hashtable with perUserMfaState.")
    AdditionalProperties = Parameter(object, set=("UpdateExpanded", "UpdateViaIdentityExpanded"),
                                     help="Additional properties (perUserMfaState).")
    PerUserMfaState = Parameter(str, set=("UpdateExpanded", "UpdateViaIdentityExpanded"),
                                help="disabled, enabled or enforced.")
    module = BETA_SIGNINS
    scopes = REQ_WRITE
    verb_variant = "UpdateExpanded"
    examples = [("Update-MgBetaUserAuthenticationRequirement -UserId MeganB@contoso.com -PerUserMfaState enabled",
                 "Enables per-user MFA for Megan."),
                ("Update-MgBetaUserAuthenticationRequirement -UserId MeganB@contoso.com -BodyParameter "
                 "@{perUserMfaState = 'disabled'}", "Disables it.")]

    def process(self) -> None:
        from o365shell.tenant import mfa
        t, actor = self.tenant, self.actor
        body = _body(self.BodyParameter)
        body.update(_body(self.AdditionalProperties))
        if self.BodyParameter is not None:
            self.verb_variant = "Update"
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        user = self.graph_user(uid)
        self.check_scopes(user)
        state = self.PerUserMfaState if self.PerUserMfaState is not None else body.get("perusermfastate")
        if state is None:
            return
        if str(state).strip().lower() not in ("disabled", "enabled", "enforced"):
            raise self.graph_error(GM.GraphError(400, "badRequest", f"Invalid value '{state}' for perUserMfaState; "
                                                 "valid values are disabled, enabled and enforced."))
        self.gcall(mfa.set_mfa_state, t, actor, user.object_id, str(state), graph=True, dry_run=True)
        if self.should_process(user.user_principal_name):
            self.gcall(mfa.set_mfa_state, t, actor, user.object_id, str(state), graph=True)


# ----------------------------------------------------------------------------- Invoke-MgGraphRequest

_ROUTE = re.compile(r"^/?(?P<ver>v1\.0|beta)/(?P<path>[^?]*)(?:\?(?P<query>.*))?$", re.IGNORECASE)


def _to_ps(value: Any) -> Any:
    if isinstance(value, dict):
        h = OrderedDictionary()
        for k, v in value.items():
            h[k] = _to_ps(v)
        return h
    if isinstance(value, list):
        return [_to_ps(v) for v in value]
    return value


def _user_json(t: Any, u: Any, select: list[str] | None, version: str) -> dict:
    vals = user_values(t, u, select)
    out: dict[str, Any] = {"@odata.context": f"https://graph.microsoft.com/{version}/$metadata#users/$entity"}
    for k, v in vals.items():
        if k == "AdditionalProperties":
            continue
        if select is None and k.lower() not in _USER_DEFAULT:
            continue
        if select is not None and k.lower() not in {s.lower() for s in select} | {"id"}:
            continue
        if hasattr(v, "to_utc_datetime"):
            v = v.to_utc_datetime().strftime("%Y-%m-%dT%H:%M:%SZ")
        out[k[0].lower() + k[1:]] = v
    return out


@cmdlet("Invoke-MgGraphRequest", module=AUTH, version=VERSION)
class InvokeMgGraphRequest(GraphCmdlet):
    """Issues REST API requests to the Graph API.

    Simulated endpoints (v1.0 and beta): /me, /users, /users/{id}, /users/{id}/authentication/methods,
    /users/{id}/authentication/phoneMethods[/{id}], and the beta per-user MFA state
    /users/{id}/authentication/requirements (GET; PATCH with {"perUserMfaState": "enabled"}).
    The response is a hashtable unless -OutputType PSObject or Json."""

    Method = Parameter(str, position=0, validate_set=("GET", "POST", "PUT", "PATCH", "DELETE"),
                       help="The HTTP method (GET by default).")
    Uri = Parameter(str, mandatory=True, position=1, help="The URI: /v1.0/me or https://graph.microsoft.com/beta/...")
    Body = Parameter(object, position=2, from_pipeline=True, help="The request body (hashtable or JSON).")
    OutputFilePath = Parameter(str, help="Save the response to this file.")
    InferOutputFileName = Parameter(Switch, help="Infer the output file name.")
    InputFilePath = Parameter(str, help="Send this file as the body.")
    PassThru = Parameter(Switch, help="Return the response as well as saving it.")
    SkipHeaderValidation = Parameter(Switch, help="Add headers without validation.")
    ContentType = Parameter(str, help="The body's content type.")
    SessionVariable = Parameter(str, aliases=("SV",), help="A web request session variable.")
    StatusCodeVariable = Parameter(str, help="A variable that receives the HTTP status code.")
    SkipHttpErrorCheck = Parameter(Switch, help="Do not raise HTTP errors.")
    GraphRequestSession = Parameter(object, help="A custom request session.")
    UserAgent = Parameter(str, help="A custom user agent.")
    OutputType = Parameter(str, validate_set=("HashTable", "PSObject", "HttpResponseMessage", "Json"),
                           help="HashTable (default), PSObject, HttpResponseMessage or Json.")
    module = AUTH
    scopes = ()
    examples = [("Invoke-MgGraphRequest -Method GET https://graph.microsoft.com/v1.0/me", "The signed-in user."),
                ("Invoke-MgGraphRequest -Method GET -Uri "
                 "'https://graph.microsoft.com/beta/users/AlexW@contoso.com/authentication/requirements'",
                 "Alex's per-user MFA state."),
                ("Invoke-MgGraphRequest -Method PATCH -Uri "
                 "'https://graph.microsoft.com/beta/users/MeganB@contoso.com/authentication/requirements' "
                 "-Body @{perUserMfaState='enabled'}", "Enables per-user MFA for Megan.")]

    def process(self) -> None:
        method = (self.Method or "GET").upper()
        uri = str(self.Uri)
        rel = re.sub(r"^https://graph\.microsoft\.com", "", uri, flags=re.IGNORECASE)
        _ = self.actor
        status, result = self._dispatch(method, rel, uri)
        if self.StatusCodeVariable:
            self.ctx.assign(self.StatusCodeVariable.lstrip("$"), status)
        if result is None:
            return
        kind = (self.OutputType or "HashTable").lower()
        if kind == "json":
            self.write(json.dumps(result))
        elif kind == "psobject":
            from o365shell.engine.objects import PSCustomObject
            self.write(PSCustomObject(result))
        else:
            self.write(_to_ps(result))

    def _fail(self, method: str, uri: str, e: GM.GraphError) -> Any:
        reason = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"}.get(e.status,
                                                                                                           "Error")
        body = json.dumps({"error": {"code": e.code, "message": e.message}})
        err = self.error(f"{method} {uri}\nHTTP/1.1 {e.status} {reason}\n\n{body}", e.code,
                         ErrorCategory.InvalidOperation, uri, GraphException)
        return err

    def _dispatch(self, method: str, rel: str, uri: str) -> tuple[int, Any]:
        m = _ROUTE.match(rel.lstrip("/"))
        try:
            if m is None:
                raise GM.GraphError(400, "BadRequest", f"Invalid version: {rel.lstrip('/').split('/')[0]}")
            version, path, query = m["ver"].lower(), m["path"].strip("/"), m["query"] or ""
            return self._route(method, version, path.split("/"), _query(query))
        except GM.GraphError as e:
            if self.SkipHttpErrorCheck:
                return e.status, {"error": {"code": e.code, "message": e.message}}
            raise self._fail(method, uri, e) from None

    def _need(self, scopes: tuple[str, ...], target: Any = None, self_scopes: tuple[str, ...] = ()) -> None:
        conn = connection(self.ctx, "graph")
        granted = {s.lower() for s in conn.scopes} if conn is not None else set()
        wanted = list(scopes) + (list(self_scopes) if target is not None and
                                 target.user_principal_name.lower() == self.actor.lower() else [])
        if not granted & {w.lower() for w in wanted}:
            raise GM.forbidden()

    def _user(self, ident: str) -> Any:
        t = self.tenant
        u = t.find_user(ident)
        if u is None:
            try:
                u = t.user_by_object_id(ident)
            except Exception:
                raise GM.not_found(ident) from None
        return u

    def _route(self, method: str, version: str, parts: list[str], q: dict[str, str]) -> tuple[int, Any]:
        from o365shell.tenant import mfa
        from o365shell.tenant.errors import AccessDenied, TenantError
        t, actor = self.tenant, self.actor
        low = [p.lower() for p in parts]
        select = [s.strip() for s in q["$select"].split(",")] if "$select" in q else None
        if low == ["me"] or low[:1] == ["users"] and len(parts) == 2:
            user = t.get_user(actor) if low == ["me"] else self._user(parts[1])
            self._need(USER_READ, user, ("User.Read",))
            self._only(method, "GET")
            return 200, _user_json(t, user, select, version)
        if low == ["users"]:
            self._need(USER_READ)
            self._only(method, "GET")
            flt = odata_filter(q["$filter"]) if "$filter" in q else None
            rows = []
            for u in t.iter_users():
                if flt is not None and not flt(user_values(t, u, _USER_PROPS)):
                    continue
                rows.append(_user_json(t, u, select, version))
                if len(rows) >= int(q.get("$top", 100)):
                    break
            for r in rows:
                r.pop("@odata.context", None)
            return 200, {"@odata.context": f"https://graph.microsoft.com/{version}/$metadata#users", "value": rows}
        if len(low) >= 4 and low[0] == "users" and low[2] == "authentication":
            user = self._user(parts[1])
            what = low[3]
            try:
                if what == "requirements" and version == "beta":
                    if method == "GET":
                        self._need(REQ_READ, user, SELF_METHODS_READ)
                        GM.authorize_methods(t, actor, user, False)
                        return 200, {"@odata.context": "https://graph.microsoft.com/beta/$metadata#users('"
                                     f"{user.object_id}')/authentication/requirements/$entity",
                                     "perUserMfaState": _requirement_state(user)}
                    self._only(method, "PATCH")
                    self._need(REQ_WRITE)
                    state = _body(self.Body).get("perusermfastate")
                    if str(state or "").lower() not in ("disabled", "enabled", "enforced"):
                        raise GM.GraphError(400, "badRequest", f"Invalid value '{state}' for perUserMfaState.")
                    mfa.set_mfa_state(t, actor, user.object_id, str(state), graph=True)
                    return 204, None
                if what == "methods":
                    self._only(method, "GET")
                    self._need(METHODS_READ, user, SELF_METHODS_READ)
                    GM.authorize_methods(t, actor, user, False)
                    values = [dict({"@odata.type": k}, **{x[0].lower() + x[1:]: v for x, v in p.items()})
                              for k, p in GM.all_methods(user)]
                    return 200, {"@odata.context": f"https://graph.microsoft.com/{version}/$metadata#users('"
                                 f"{user.object_id}')/authentication/methods", "value": values}
                if what == "phonemethods":
                    from o365shell.tenant.graphviews import graph_phone_methods
                    if method == "GET":
                        self._need(METHODS_READ, user, SELF_METHODS_READ)
                        GM.authorize_methods(t, actor, user, False)
                        phones = [{x[0].lower() + x[1:]: v for x, v in p.items()} for p in graph_phone_methods(user)]
                        if len(parts) == 5:
                            hit = [p for p in phones if p["id"] == low[4]]
                            if not hit:
                                raise GM.not_found(parts[4])
                            return 200, hit[0]
                        return 200, {"value": phones}
                    self._need(METHODS_WRITE, user, SELF_METHODS_WRITE)
                    body = _body(self.Body)
                    if method == "POST":
                        made = GM.add_phone(t, actor, user, body.get("phonenumber"), body.get("phonetype"))
                        return 201, {x[0].lower() + x[1:]: v for x, v in made.items()}
                    if method == "DELETE" and len(parts) == 5:
                        GM.remove_phone(t, actor, user, parts[4])
                        return 204, None
                    if method == "PATCH" and len(parts) == 5:
                        GM.update_phone(t, actor, user, parts[4], body.get("phonenumber"), body.get("phonetype"))
                        return 204, None
                    raise GM.GraphError(405, "Request_BadRequest", "The HTTP method is not allowed for this resource.")
            except AccessDenied:
                raise GM.forbidden() from None
            except TenantError as e:
                raise GM.GraphError(400, "badRequest", str(e)) from None
        raise GM.GraphError(400, "BadRequest", f"Resource not found for the segment '{parts[-1] if parts else ''}'.")

    @staticmethod
    def _only(method: str, allowed: str) -> None:
        if method != allowed:
            raise GM.GraphError(405, "Request_BadRequest", "The HTTP method is not allowed for this resource.")


def _query(text: str) -> dict[str, str]:
    from urllib.parse import parse_qsl
    return {k.lower(): v for k, v in parse_qsl(text, keep_blank_values=True)}


_ = (Iterator, datetime, timezone, net_guid, set_anchor)
