"""Microsoft.Graph.Identity.SignIns authentication methods: Get-MgUserAuthentication*Method (all
methods, phone, Microsoft Authenticator, software OATH, email, FIDO2, Temporary Access Pass,
Windows Hello for Business), their Remove-* cmdlets, and New/Update-MgUserAuthenticationPhoneMethod."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet

from . import graphmethods as GM
from .graph import (BETA_SIGNINS, METHODS_READ, METHODS_WRITE, SELF_METHODS_READ, SELF_METHODS_WRITE, SIGNINS, VERSION,
                    AuthenticatorMethod, AuthMethod, BetaAuthMethod, EmailMethod, Fido2Method, GraphCmdlet, PhoneMethod,
                    SoftwareOathMethod, TapMethod, WhfbMethod, _additional, _input_id)
from .graph_odata import _page


# ----------------------------------------------------------------------------- authentication methods

def _method_object(kind: str, props: dict, beta: bool = False) -> Any:
    extra = {"@odata.type": kind}
    for k, v in props.items():
        if k != "Id":
            extra[k[0].lower() + k[1:]] = v
    cls = BetaAuthMethod if beta else AuthMethod
    return cls({"Id": props["Id"], "AdditionalProperties": _additional(extra)})


def _reject_null_arguments(cmd: Any, names: tuple[str, ...]) -> None:
    """Mandatory string parameters bound to $null or '' fail binding, as pwsh's binder does (the doc
    examples pass IDs through variables, so an unset variable must not silently list or delete)."""
    from o365shell.engine.errors import ErrorCategory
    from o365shell.engine.parameters import binding_error
    for name in names:
        if not name or not cmd.is_bound(name):
            continue
        value = cmd.bound.get(name)
        if value is None or value == "":
            what, eid = (("null", "ParameterArgumentValidationErrorNullNotAllowed") if value is None else
                         ("an empty string", "ParameterArgumentValidationErrorEmptyStringNotAllowed"))
            raise binding_error(f"Cannot bind argument to parameter '{name}' because it is {what}.", eid,
                                cmd.name, ErrorCategory.InvalidData)


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
        _reject_null_arguments(self, ("UserId", self.id_param))
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
    UserId = Parameter(str, mandatory=True, set="Delete", help="The object ID or UPN of the user.")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, set="DeleteViaIdentity",
                            help="An identity object (UserId and the method's ID).")
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
        _reject_null_arguments(self, ("UserId", self.id_param))
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
        "__doc__": doc, id_param: Parameter(str, mandatory=True, set="Delete",
                                            help=f"The unique identifier of the method ({id_param})."),
        "id_param": id_param, "operation": staticmethod(operation or not_registered)})
    return cmdlet(name, module=SIGNINS, version=VERSION, should_process=True, default_set="Delete")(cls)


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
        body = self.merged_body("Create")
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
        body = self.merged_body("Update")
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        mid = self.PhoneAuthenticationMethodId or _input_id(self.InputObject, "PhoneAuthenticationMethodId")
        user = self.graph_user(uid)
        self.check_scopes(user)
        number = self.PhoneNumber if self.PhoneNumber is not None else body.get("phonenumber")
        ptype = self.PhoneType if self.PhoneType is not None else body.get("phonetype")
        self.gcall(GM.update_phone, t, actor, user, str(mid or ""), number, ptype, dry_run=True)
        if self.should_process(f"{user.user_principal_name} {mid}"):
            self.gcall(GM.update_phone, t, actor, user, str(mid or ""), number, ptype)
