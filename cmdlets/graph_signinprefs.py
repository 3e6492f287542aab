"""A user's sign-in preferences through the Graph beta cmdlets: Get-MgBetaUserAuthenticationSignInPreference
and Update-MgBetaUserAuthenticationSignInPreference (Microsoft.Graph.Beta.Identity.SignIns).

They read and PATCH the same resource as Invoke-MgGraphRequest on
/beta/users/{id}/authentication/signInPreferences: the tenant operations live in ``graphmethods``
(``sign_in_preferences`` / ``set_sign_in_preferences``), so both paths agree on values, validation,
roles and audit records. The SDK model has two typed properties; anything else the service returns
(systemPreferredAuthenticationMethod) lands in AdditionalProperties, as the SDK does it.
"""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet

from . import graphmethods as GM
from .graph import (BETA_SIGNINS, METHODS_READ, METHODS_WRITE, SELF_METHODS_READ, SELF_METHODS_WRITE, VERSION,
                    GraphCmdlet, _additional, _input_id, _model)

_NS = "Microsoft.Graph.Beta.PowerShell.Models."
_TYPED = ("IsSystemPreferredAuthenticationMethodEnabled", "UserPreferredMethodForSecondaryAuthentication")
SignInPreferences = _model("MicrosoftGraphSignInPreferences", _TYPED + ("AdditionalProperties",), _NS)


def _register_view() -> None:
    from o365shell.format.views import register_table_view
    register_table_view(SignInPreferences.__ps_typename__, [(p, p) for p in _TYPED])


_register_view()


def preferences_object(values: dict[str, Any], selected: list[str] | None = None) -> Any:
    """The SDK object for a signInPreferences resource (camelCase service keys); with -Property, what was not
    selected stays $null as the service leaves it out."""
    wanted = None if not selected else {s.lower() for s in selected}
    typed: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in values.items():
        pascal = key[0].upper() + key[1:]
        if wanted is not None and key.lower() not in wanted:
            value = None
        if pascal in _TYPED:
            typed[pascal] = value
        elif value is not None:
            extra[key] = value
    typed["AdditionalProperties"] = _additional(extra)
    return SignInPreferences(typed)


@cmdlet("Get-MgBetaUserAuthenticationSignInPreference", module=BETA_SIGNINS, version=VERSION, default_set="Get")
class GetMgBetaUserAuthenticationSignInPreference(GraphCmdlet):
    """Read the properties of a user's authentication states.

    Returns the user's sign-in preferences: IsSystemPreferredAuthenticationMethodEnabled,
    UserPreferredMethodForSecondaryAuthentication (the default MFA method: push, oath, sms,
    voiceMobile, voiceAlternateMobile or voiceOffice) and, in AdditionalProperties, the
    systemPreferredAuthenticationMethod the service picks while system-preferred MFA is on.
    Needs UserAuthenticationMethod.Read.All (UserAuthenticationMethod.Read for your own)."""

    UserId = Parameter(str, mandatory=True, set="Get", help="The unique identifier (object ID or UPN) of user.")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, set="GetViaIdentity",
                            help="Identity Parameter (an object or hashtable with UserId).")
    ExpandProperty = Parameter(list[str], aliases=("Expand",), help="Expand related entities.")
    Property = Parameter(list[str], aliases=("Select",), help="Select properties to be returned.")
    scopes = METHODS_READ
    self_scopes = SELF_METHODS_READ
    outputs = _NS + "IMicrosoftGraphSignInPreferences"
    examples = [("Get-MgBetaUserAuthenticationSignInPreference -UserId PattiF@contoso.com",
                 "Patti's default MFA method and whether system-preferred MFA is on.")]

    def process(self) -> None:
        if self.InputObject is not None:
            self.verb_variant = "GetViaIdentity"
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        user = self.graph_user(uid)
        self.check_scopes(user)
        self.gcall(GM.authorize_methods, self.tenant, self.actor, user, False)
        self.write(preferences_object(GM.sign_in_preferences(user), self.Property))


_EXPANDED = ("UpdateExpanded", "UpdateViaIdentityExpanded")


@cmdlet("Update-MgBetaUserAuthenticationSignInPreference", module=BETA_SIGNINS, version=VERSION,
        default_set="UpdateExpanded", should_process=True)
class UpdateMgBetaUserAuthenticationSignInPreference(GraphCmdlet):
    """Update the properties of a user's authentication method states.

    Sets the user's default MFA method (-UserPreferredMethodForSecondaryAuthentication push, oath,
    sms, voiceMobile, voiceAlternateMobile or voiceOffice - a method the user has registered) and
    system-preferred MFA (-IsSystemPreferredAuthenticationMethodEnabled, or :$false to turn it off),
    or both through -BodyParameter. The service answers 204 No Content, so nothing is returned.
    Needs UserAuthenticationMethod.ReadWrite.All (UserAuthenticationMethod.ReadWrite for your own);
    another user's preferences need a Global or Authentication Administrator (non-admin users)."""

    UserId = Parameter(str, sets={"UpdateExpanded": {"mandatory": True}, "Update": {"mandatory": True}},
                       help="The unique identifier (object ID or UPN) of user.")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True,
                            set=("UpdateViaIdentityExpanded", "UpdateViaIdentity"),
                            help="Identity Parameter (an object or hashtable with UserId).")
    BodyParameter = Parameter(object, mandatory=True, from_pipeline=True, set=("Update", "UpdateViaIdentity"),
                              help="signInPreferences: a hashtable with isSystemPreferredAuthenticationMethodEnabled "
                                   "and/or userPreferredMethodForSecondaryAuthentication.")
    AdditionalProperties = Parameter(object, set=_EXPANDED, help="Additional Parameters.")
    IsSystemPreferredAuthenticationMethodEnabled = Parameter(
        Switch, set=_EXPANDED, help="Indicates whether the credential preferences of the system are enabled.")
    UserPreferredMethodForSecondaryAuthentication = Parameter(
        str, set=_EXPANDED, help="userDefaultAuthenticationMethodType: push, oath, voiceMobile, voiceAlternateMobile, "
                                 "voiceOffice or sms.")
    scopes = METHODS_WRITE
    self_scopes = SELF_METHODS_WRITE
    verb_variant = "UpdateExpanded"
    outputs = _NS + "IMicrosoftGraphSignInPreferences"
    examples = [("Update-MgBetaUserAuthenticationSignInPreference -UserId PattiF@contoso.com "
                 "-UserPreferredMethodForSecondaryAuthentication voiceMobile", "Makes a call Patti's default method."),
                ("Update-MgBetaUserAuthenticationSignInPreference -UserId AlexW@contoso.com -BodyParameter "
                 "@{userPreferredMethodForSecondaryAuthentication = 'oath'}", "The documented example's form."),
                ("Update-MgBetaUserAuthenticationSignInPreference -UserId AlexW@contoso.com "
                 "-IsSystemPreferredAuthenticationMethodEnabled", "Turns on system-preferred MFA for Alex.")]

    def request_body(self) -> dict[str, Any]:
        """The PATCH body (lower-cased keys): -BodyParameter, or -AdditionalProperties and the typed parameters."""
        if self.BodyParameter is not None:
            return self.body_of(self.BodyParameter)
        body = self.body_of(self.AdditionalProperties)
        if self.is_bound("IsSystemPreferredAuthenticationMethodEnabled"):
            enabled = bool(self.IsSystemPreferredAuthenticationMethodEnabled)
            body["issystempreferredauthenticationmethodenabled"] = enabled
        if self.is_bound("UserPreferredMethodForSecondaryAuthentication"):
            body["userpreferredmethodforsecondaryauthentication"] = self.UserPreferredMethodForSecondaryAuthentication
        return body

    def process(self) -> None:
        t, actor = self.tenant, self.actor
        via_identity = self.InputObject is not None
        self.verb_variant = ("UpdateViaIdentity" if via_identity else "Update") if self.BodyParameter is not None \
            else ("UpdateViaIdentityExpanded" if via_identity else "UpdateExpanded")
        body = self.request_body()
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        user = self.graph_user(uid)
        self.check_scopes(user)
        self.gcall(GM.set_sign_in_preferences, t, actor, user, body, dry_run=True)
        if self.should_process(user.user_principal_name):
            self.gcall(GM.set_sign_in_preferences, t, actor, user, body)
