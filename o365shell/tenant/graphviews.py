"""Microsoft Graph shapes of tenant records (Get-MgUser, Get-MgUserAuthenticationMethod,
Get-MgBetaUserAuthenticationRequirement), reference §3.

Ids of phone methods are Graph's fixed per-slot ids; the password method has its fixed id;
the authenticator's id is its PhoneAppDetail id.  No secret is ever included.
"""

from __future__ import annotations

from typing import Any

from .constants import APP_METHODS, MethodType, MfaState
from .users import User

__all__ = [
    "PASSWORD_METHOD_ID",
    "PHONE_SLOT_IDS",
    "graph_user_view",
    "graph_authentication_methods",
    "graph_phone_methods",
    "graph_requirement",
]

PASSWORD_METHOD_ID = "28c10230-6103-485e-b985-444c60001490"
#: Graph phoneAuthenticationMethod ids, one per phone slot.
PHONE_SLOT_IDS = {
    "mobile": "3179e48a-750b-4051-897c-87b9720928f7",
    "alternateMobile": "b6332ec1-7057-4abe-9331-3d72feddfe41",
    "office": "e37fc753-ff3b-4958-9484-eaa9425c82bc",
}


def graph_user_view(user: User) -> dict[str, Any]:
    """The properties Get-MgUser returns by default (others are $null unless selected)."""
    return {
        "Id": user.object_id,
        "BusinessPhones": [user.phone_number] if user.phone_number else [],
        "DisplayName": user.display_name,
        "GivenName": user.first_name,
        "JobTitle": user.title,
        "Mail": user.user_principal_name if user.licenses else None,
        "MobilePhone": user.mobile_phone,
        "OfficeLocation": user.office,
        "PreferredLanguage": user.preferred_language,
        "Surname": user.last_name,
        "UserPrincipalName": user.user_principal_name,
        "AccountEnabled": not user.block_credential,
        "Department": user.department,
    }


def graph_phone_methods(user: User) -> list[dict[str, Any]]:
    """phoneAuthenticationMethod objects: Id, PhoneNumber, PhoneType, SmsSignInState."""
    out: list[dict[str, Any]] = []
    types = set(user.method_types())
    details = user.user_details
    if details is not None and details.phone_number and types & {MethodType.ONE_WAY_SMS, MethodType.TWO_WAY_VOICE_MOBILE}:
        out.append({"Id": PHONE_SLOT_IDS["mobile"], "PhoneNumber": details.phone_number, "PhoneType": "mobile",
                    "SmsSignInState": "notEnabled"})
    if details is not None and details.alternative_phone_number and MethodType.TWO_WAY_VOICE_ALTERNATE_MOBILE in types:
        out.append({"Id": PHONE_SLOT_IDS["alternateMobile"], "PhoneNumber": details.alternative_phone_number,
                    "PhoneType": "alternateMobile", "SmsSignInState": "notSupported"})
    if user.phone_number and MethodType.TWO_WAY_VOICE_OFFICE in types:
        out.append({"Id": PHONE_SLOT_IDS["office"], "PhoneNumber": user.phone_number, "PhoneType": "office",
                    "SmsSignInState": "notSupported"})
    return out


def graph_authentication_methods(user: User) -> list[dict[str, Any]]:
    """Get-MgUserAuthenticationMethod: Id plus AdditionalProperties with ``@odata.type``."""
    methods: list[dict[str, Any]] = [
        {"Id": PASSWORD_METHOD_ID, "AdditionalProperties": {"@odata.type": "#microsoft.graph.passwordAuthenticationMethod"}}
    ]
    for phone in graph_phone_methods(user):
        methods.append({"Id": phone["Id"], "AdditionalProperties": {
            "@odata.type": "#microsoft.graph.phoneAuthenticationMethod",
            "phoneNumber": phone["PhoneNumber"], "phoneType": phone["PhoneType"],
            "smsSignInState": phone["SmsSignInState"]}})
    if any(t in APP_METHODS for t in user.method_types()):
        for app in user.phone_app_details:
            methods.append({"Id": app.id, "AdditionalProperties": {
                "@odata.type": "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod",
                "displayName": app.device_name, "deviceTag": app.device_tag, "phoneAppVersion": app.phone_app_version}})
    return methods


def graph_requirement(user: User) -> dict[str, str]:
    """Get-MgBetaUserAuthenticationRequirement: ``PerUserMfaState`` in Graph's lower case."""
    state = user.mfa_state
    return {"PerUserMfaState": "disabled" if state == MfaState.DISABLED else str(state).lower()}
