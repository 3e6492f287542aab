"""Microsoft Graph authentication-method operations over the tenant model.

The tenant model keeps MSOnline's view of registration (StrongAuthenticationMethods plus
StrongAuthenticationUserDetails / PhoneAppDetails); Graph shows the same data as
phone / Microsoft Authenticator / email ... methods. The model has read views for Graph
(``tenant.graphviews``) but no Graph write operations, so they live here: each one
authorizes the actor, validates the whole request, then changes the user and writes an
audit record ("Admin registered / updated / deleted security info.").

Who may manage another user's methods: a Global Administrator, or an Authentication
Administrator for non-admin users (``rbac.Action.REQUIRE_REREGISTRATION``, SPEC §5);
anyone may manage their own.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Any

from o365shell.tenant.graphviews import PASSWORD_METHOD_ID, PHONE_SLOT_IDS, graph_phone_methods

EMAIL_METHOD_ID = "3ddfcfc8-9383-446f-83cc-3ab9be4be18f"
PHONE_TYPES = {"mobile": "mobile", "alternatemobile": "alternateMobile", "office": "office"}
_PHONE_RE = re.compile(r"^\+\d{1,3} \d{5,15}(x\d{1,8})?$")
_SLOT_METHODS = {
    "mobile": ("OneWaySMS", "TwoWayVoiceMobile"),
    "alternateMobile": ("TwoWayVoiceAlternateMobile",),
    "office": ("TwoWayVoiceOffice",),
}
_APP_METHODS = ("PhoneAppOTP", "PhoneAppNotification")


class GraphError(Exception):
    """A Graph service error: HTTP status, error code and message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def not_found(identity: str) -> GraphError:
    return GraphError(404, "Request_ResourceNotFound", f"Resource '{identity}' does not exist or one of its queried "
                                                       "reference-property objects are not present.")


def forbidden() -> GraphError:
    return GraphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.")


def authorize_methods(t: Any, actor: str, user: Any, write: bool) -> None:
    """Reading or changing ``user``'s methods: self, or the roles of the module docstring."""
    from o365shell.tenant import rbac
    from o365shell.tenant.errors import AccessDenied
    if user.user_principal_name.lower() == actor.lower():
        return
    try:
        rbac.authorize(t, actor, rbac.Action.REQUIRE_REREGISTRATION, user)
    except AccessDenied:
        if not write:
            me = t.find_user(actor)
            if me is not None and any(r.display_name in ("Global Reader", "Security Administrator",
                                                           "Privileged Authentication Administrator")
                                      for r in t.user_roles(me)):
                return
        raise forbidden() from None


def _audit(t: Any, actor: str, op: str, user: Any, what: str, old: Any, new: Any) -> None:
    t.audit.record(t.now(), actor, op, user.user_principal_name, modified={what: (old, new)},
                   details={"TargetObjectId": user.object_id})


def _with_default(methods: list[tuple[str, bool]], preferred: str | None = None) -> tuple:
    """Methods (type, default) with exactly one default (keep the current one, else the first)."""
    from o365shell.tenant.constants import MethodType
    from o365shell.tenant.users import StrongAuthMethod
    if methods and not any(d for _t, d in methods):
        first = preferred if preferred in [m for m, _d in methods] else methods[0][0]
        methods = [(m, m == first) for m, _d in methods]
    return tuple(StrongAuthMethod(MethodType.parse(m), d) for m, d in methods)


def phone_slot(method_id: str) -> str | None:
    for slot, mid in PHONE_SLOT_IDS.items():
        if mid == str(method_id).lower():
            return slot
    return None


def add_phone(t: Any, actor: str, user: Any, number: str, phone_type: str, dry_run: bool = False) -> dict:
    """New-MgUserAuthenticationPhoneMethod."""
    from o365shell.tenant.users import StrongAuthUserDetails
    authorize_methods(t, actor, user, True)
    slot = PHONE_TYPES.get(str(phone_type or "").strip().lower())
    if slot is None:
        raise GraphError(400, "badRequest", f"Invalid value for phoneType: '{phone_type}'. Valid values are mobile, "
                                            "alternateMobile and office.")
    number = str(number or "").strip()
    if not _PHONE_RE.match(number):
        raise GraphError(400, "badRequest", "Invalid phone number format. Use +{country code} {number}x{extension}, "
                                            "for example +1 5555551234.")
    existing = {p["PhoneType"] for p in graph_phone_methods(user)}
    if slot in existing:
        raise GraphError(400, "badRequest", f"A phone method of type {slot} already exists for this user.")
    if slot == "alternateMobile" and "mobile" not in existing:
        raise GraphError(400, "badRequest", "A user must have a mobile phone before an alternateMobile phone can be "
                                            "added.")
    if dry_run:
        return {}
    details = user.user_details or StrongAuthUserDetails()
    if slot == "mobile":
        details = dataclasses.replace(details, phone_number=number)
    elif slot == "alternateMobile":
        details = dataclasses.replace(details, alternative_phone_number=number)
    else:
        user.phone_number = number
    user.user_details = details
    types = [(str(m.method_type), m.is_default) for m in user.methods]
    for m in _SLOT_METHODS[slot]:
        if m not in [x for x, _d in types]:
            types.append((m, False))
    user.methods = _with_default(types)
    if user.proofup_time is None:
        user.proofup_time = int(t.now().timestamp())
    _audit(t, actor, "Admin registered security info.", user, "StrongAuthenticationUserDetails", None,
           f"{slot} {number}")
    return {"Id": PHONE_SLOT_IDS[slot], "PhoneNumber": number, "PhoneType": slot, "SmsSignInState": "notEnabled"}


def update_phone(t: Any, actor: str, user: Any, method_id: str, number: str | None, phone_type: str | None,
                 dry_run: bool = False) -> None:
    """Update-MgUserAuthenticationPhoneMethod: a new number (the type can't change)."""
    authorize_methods(t, actor, user, True)
    slot = phone_slot(method_id)
    current = {p["PhoneType"]: p for p in graph_phone_methods(user)}
    if slot is None or slot not in current:
        raise not_found(str(method_id))
    if phone_type and PHONE_TYPES.get(str(phone_type).strip().lower()) != slot:
        raise GraphError(400, "badRequest", "The phone type of a phone method can't be changed; add a phone of the new "
                                            "type and delete this one.")
    if number is None:
        return
    number = str(number).strip()
    if not _PHONE_RE.match(number):
        raise GraphError(400, "badRequest", "Invalid phone number format. Use +{country code} {number}x{extension}, "
                                            "for example +1 5555551234.")
    if dry_run:
        return
    old = current[slot]["PhoneNumber"]
    if slot == "mobile":
        user.user_details = dataclasses.replace(user.user_details, phone_number=number)
    elif slot == "alternateMobile":
        user.user_details = dataclasses.replace(user.user_details, alternative_phone_number=number)
    else:
        user.phone_number = number
    _audit(t, actor, "Admin updated security info.", user, "StrongAuthenticationUserDetails", old, number)


def remove_phone(t: Any, actor: str, user: Any, method_id: str, dry_run: bool = False) -> None:
    """Remove-MgUserAuthenticationPhoneMethod."""
    authorize_methods(t, actor, user, True)
    slot = phone_slot(method_id)
    current = {p["PhoneType"]: p for p in graph_phone_methods(user)}
    if slot is None or slot not in current:
        raise not_found(str(method_id))
    if dry_run:
        return
    drop = set(_SLOT_METHODS[slot])
    default = next((str(m.method_type) for m in user.methods if m.is_default), None)
    remaining = [(str(m.method_type), m.is_default) for m in user.methods if str(m.method_type) not in drop]
    user.methods = _with_default(remaining, None if default in drop else default)
    if slot == "mobile":
        user.user_details = dataclasses.replace(user.user_details, phone_number=None)
    elif slot == "alternateMobile":
        user.user_details = dataclasses.replace(user.user_details, alternative_phone_number=None)
    _audit(t, actor, "Admin deleted security info.", user, "StrongAuthenticationUserDetails",
           f"{slot} {current[slot]['PhoneNumber']}", None)


def authenticator_methods(user: Any) -> list[dict]:
    if not any(str(m.method_type) in _APP_METHODS for m in user.methods):
        return []
    return [{"Id": p.id, "DisplayName": p.device_name, "DeviceTag": p.device_tag, "PhoneAppVersion": p.phone_app_version}
            for p in user.phone_app_details]


def remove_authenticator(t: Any, actor: str, user: Any, method_id: str, dry_run: bool = False) -> None:
    """Remove-MgUserAuthenticationMicrosoftAuthenticatorMethod."""
    authorize_methods(t, actor, user, True)
    if not any(m["Id"] == str(method_id).lower() for m in authenticator_methods(user)):
        raise not_found(str(method_id))
    if dry_run:
        return
    default = next((str(m.method_type) for m in user.methods if m.is_default), None)
    remaining = [(str(m.method_type), m.is_default) for m in user.methods if str(m.method_type) not in _APP_METHODS]
    user.methods = _with_default(remaining, None if default in _APP_METHODS else default)
    user.phone_app_details = tuple(p for p in user.phone_app_details if p.id != str(method_id).lower())
    rt = user.mfa_runtime
    if rt is not None:
        rt.totp_secret = None
        rt.last_totp_step = None
    _audit(t, actor, "Admin deleted security info.", user, "StrongAuthenticationPhoneAppDetail", str(method_id), None)


def email_methods(user: Any) -> list[dict]:
    d = user.user_details
    return [{"Id": EMAIL_METHOD_ID, "EmailAddress": d.email}] if d is not None and d.email else []


def remove_email(t: Any, actor: str, user: Any, method_id: str, dry_run: bool = False) -> None:
    """Remove-MgUserAuthenticationEmailMethod."""
    authorize_methods(t, actor, user, True)
    current = email_methods(user)
    if not current or str(method_id).lower() != EMAIL_METHOD_ID:
        raise not_found(str(method_id))
    if dry_run:
        return
    user.user_details = dataclasses.replace(user.user_details, email=None)
    _audit(t, actor, "Admin deleted security info.", user, "StrongAuthenticationUserDetails",
           current[0]["EmailAddress"], None)


def all_methods(user: Any) -> list[tuple[str, dict]]:
    """Every Graph authentication method of a user as (odata type, properties)."""
    out: list[tuple[str, dict]] = [("#microsoft.graph.passwordAuthenticationMethod", {"Id": PASSWORD_METHOD_ID})]
    for p in graph_phone_methods(user):
        out.append(("#microsoft.graph.phoneAuthenticationMethod", p))
    for a in authenticator_methods(user):
        out.append(("#microsoft.graph.microsoftAuthenticatorAuthenticationMethod", a))
    for e in email_methods(user):
        out.append(("#microsoft.graph.emailAuthenticationMethod", e))
    return out


# ----------------------------------------------------------------------------- sign-in preferences (beta)

#: userDefaultAuthenticationMethodType (Graph) <-> StrongAuthenticationMethod type (the tenant's default method)
PREFERRED_METHODS = {"push": "PhoneAppNotification", "oath": "PhoneAppOTP", "sms": "OneWaySMS",
                     "voiceMobile": "TwoWayVoiceMobile", "voiceAlternateMobile": "TwoWayVoiceAlternateMobile",
                     "voiceOffice": "TwoWayVoiceOffice"}
_SIGNIN_PREF_PROPS = {"issystempreferredauthenticationmethodenabled": "isSystemPreferredAuthenticationMethodEnabled",
                      "userpreferredmethodforsecondaryauthentication": "userPreferredMethodForSecondaryAuthentication"}
#: System-preferred MFA picks the most secure registered method: Authenticator notifications, then one-time
#: codes, then telephony (the order of the system-preferred MFA documentation, for the methods simulated here).
_SYSTEM_PREFERENCE_ORDER = ("push", "oath", "sms", "voiceMobile", "voiceAlternateMobile", "voiceOffice")


def system_preferred_method(user: Any) -> str | None:
    """The method system-preferred MFA would ask for (userDefaultAuthenticationMethodType names), or None
    while the user is not enabled for it or has no registered method."""
    if not user.system_preferred_mfa:
        return None
    registered = {str(m.method_type) for m in user.methods}
    return next((k for k in _SYSTEM_PREFERENCE_ORDER if PREFERRED_METHODS[k] in registered), None)


def sign_in_preferences(user: Any) -> dict[str, Any]:
    """GET /beta/users/{id}/authentication/signInPreferences: the user's default MFA method as Graph names it,
    the system-preferred MFA flag and (read-only, not in the documented schema but returned by the service)
    the method system-preferred MFA picks."""
    default = user.default_method
    preferred = None
    if default is not None:
        preferred = next((k for k, v in PREFERRED_METHODS.items() if v == str(default.method_type)), None)
    return {"isSystemPreferredAuthenticationMethodEnabled": bool(user.system_preferred_mfa),
            "userPreferredMethodForSecondaryAuthentication": preferred,
            "systemPreferredAuthenticationMethod": system_preferred_method(user)}


def set_sign_in_preferences(t: Any, actor: str, user: Any, body: dict[str, Any], dry_run: bool = False) -> None:
    """PATCH signInPreferences (``body`` with lower-cased keys): the default method must be a registered one."""
    authorize_methods(t, actor, user, True)
    for key in body:
        if key not in _SIGNIN_PREF_PROPS:
            raise GraphError(400, "BadRequest", f"The property '{key}' does not exist on type "
                                                "'microsoft.graph.signInPreferences'. Make sure to only use property "
                                                "names that are defined by the type.")
    enabled = body.get("issystempreferredauthenticationmethodenabled")
    if enabled is not None and not isinstance(enabled, bool):
        raise GraphError(400, "BadRequest", f"Cannot convert the literal '{enabled}' to the expected type "
                                            "'Edm.Boolean'.")
    method = None
    if "userpreferredmethodforsecondaryauthentication" in body:
        raw = str(body["userpreferredmethodforsecondaryauthentication"] or "")
        name = next((k for k in PREFERRED_METHODS if k.lower() == raw.strip().lower()), None)
        if name is None:
            raise GraphError(400, "BadRequest", f"Requested value '{raw}' was not found. Possible values are push, "
                                                "oath, voiceMobile, voiceAlternateMobile, voiceOffice, sms.")
        method = PREFERRED_METHODS[name]
        if method not in [str(m.method_type) for m in user.methods] and not _registered_data_for(user, method):
            raise GraphError(400, "BadRequest", f"The user has no registered method for '{name}': register it "
                                                "before making it the preferred method.")
    if dry_run:
        return
    if enabled is not None and enabled != user.system_preferred_mfa:
        _audit(t, actor, "Admin updated security info.", user, "IsSystemPreferredAuthenticationMethodEnabled",
               user.system_preferred_mfa, enabled)
        user.system_preferred_mfa = enabled
    old = user.default_method
    if method is not None and (old is None or str(old.method_type) != method):
        types = [str(m.method_type) for m in user.methods]
        types += [method] if method not in types else []
        user.methods = _with_default([(m, m == method) for m in types])
        _audit(t, actor, "Admin updated security info.", user, "StrongAuthenticationMethod",
               str(old.method_type) if old is not None else None, method)


def _registered_data_for(user: Any, method: str) -> bool:
    """True when the user's security info can serve ``method`` although it is not listed yet (a registered mobile
    phone can also be called; a registered Microsoft Authenticator can also get notifications)."""
    from o365shell.tenant.constants import MethodType
    mtype = MethodType.parse(method)
    if str(mtype) == "PhoneAppNotification":
        return any(str(m.method_type) in _APP_METHODS for m in user.methods) and user.method_is_usable(mtype)
    return user.method_is_usable(mtype)
