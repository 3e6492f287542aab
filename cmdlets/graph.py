"""Microsoft Graph PowerShell SDK (v2) over the simulated tenant: what the Graph cmdlets share.

Connect-MgGraph -Scopes signs in (a prompt where the real SDK opens a browser, or
-Credential, a simulation-only addition) and records the consented delegated scopes.
Every cmdlet then needs one of its documented permissions - and the signed-in account's
directory role for acting on other users - or fails as Graph does (403 "Insufficient
privileges to complete the operation."). Users and authentication methods are read from
the tenant (``tenant.graphviews``); method changes go through ``graphmethods``; per-user
MFA (beta authentication/requirements) through ``tenant.mfa`` with Graph semantics
(enabled on a registered user becomes enforced).

This module holds the SDK's module names and permission scopes, the model types with their
views, and the ``GraphCmdlet`` base class. The cmdlets are in ``graph_auth`` (sign-in and
context), ``graph_users`` (Get-MgUser), ``graph_authmethods`` (authentication methods),
``graph_requirements`` (per-user MFA, beta), ``graph_signinprefs`` (sign-in preferences, beta)
and ``graph_request`` (Invoke-MgGraphRequest);
OData $filter / $search and paging are in ``graph_odata``.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterable, Iterator

from o365shell.engine.cmdlet import Parameter, Switch
from o365shell.engine.errors import ErrorCategory
from o365shell.engine.pscollections import CaseSensitiveDictionary

from . import graphmethods as GM
from .tenantsvc import GraphException, TenantCmdlet, connection, net_guid, set_anchor, to_net_datetime

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

    def merged_body(self, body_variant: str) -> dict[str, Any]:
        """-BodyParameter (which selects the ``body_variant`` parameter set) with -AdditionalProperties over it."""
        given = getattr(self, "BodyParameter", None)
        if given is not None:
            self.verb_variant = body_variant
        body = self.body_of(given)
        body.update(self.body_of(getattr(self, "AdditionalProperties", None)))
        return body

    def body_of(self, value: Any) -> dict[str, Any]:
        """-BodyParameter / -AdditionalProperties as a dict; text that is not a JSON object is Graph's 400."""
        try:
            return _body(value)
        except (ValueError, AttributeError):
            raise self.graph_error(GM.GraphError(400, "BadRequest", "Unable to read JSON request payload. Please "
                                                 "ensure Content-Type header is set and payload is of valid JSON "
                                                 "format.")) from None

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


_ = (Iterator, datetime, timezone, net_guid, set_anchor)
