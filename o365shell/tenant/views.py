"""PowerShell-facing shapes: the real property names and order of MSOnline objects.

The cmdlet layer turns these dicts / dataclasses into PSObjects.  Nested types are
dataclasses named like their .NET types with PascalCase fields in display order
(``ExtensionData`` first, as in real Format-List output).  Nothing here exposes a secret.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from .constants import APP_METHODS, MfaState
from .model import Tenant
from .org import AccountSku, CompanyInformation, Domain
from .roles import Role
from .users import User

__all__ = [
    "MSOL_USER_PROPERTIES",
    "StrongAuthenticationRequirement",
    "StrongAuthenticationMethod",
    "StrongAuthenticationUserDetails",
    "StrongAuthenticationPhoneAppDetail",
    "UserLicense",
    "msol_user_view",
    "role_view",
    "role_member_view",
    "domain_view",
    "account_sku_view",
    "company_view",
]

#: Get-MsolUser | Format-List * property order (reference §1.2).
MSOL_USER_PROPERTIES: tuple[str, ...] = (
    "ExtensionData", "AlternateEmailAddresses", "AlternateMobilePhones", "AlternativeSecurityIds", "BlockCredential",
    "City", "CloudExchangeRecipientDisplayType", "Country", "Department", "DirSyncProvisioningErrors", "DisplayName",
    "Errors", "Fax", "FirstName", "ImmutableId", "IndirectLicenseErrors", "IsBlackberryUser", "IsLicensed",
    "LastDirSyncTime", "LastName", "LastPasswordChangeTimestamp", "LicenseAssignmentDetails",
    "LicenseReconciliationNeeded", "Licenses", "LiveId", "MSExchRecipientTypeDetails", "MSRtcSipDeploymentLocator",
    "MSRtcSipPrimaryUserAddress", "MobilePhone", "ObjectId", "Office", "OverallProvisioningStatus",
    "PasswordNeverExpires", "PasswordResetNotRequiredDuringActivate", "PhoneNumber", "PortalSettings", "PostalCode",
    "PreferredDataLocation", "PreferredLanguage", "ProxyAddresses", "ReleaseTrack", "ServiceInformation",
    "SignInName", "SoftDeletionTimestamp", "State", "StreetAddress", "StrongAuthenticationMethods",
    "StrongAuthenticationPhoneAppDetails", "StrongAuthenticationProofupTime", "StrongAuthenticationRequirements",
    "StrongAuthenticationUserDetails", "StrongPasswordRequired", "StsRefreshTokensValidFrom", "Title",
    "UsageLocation", "UserLandingPageIdentifierForO365Shell", "UserPrincipalName", "UserThemeIdentifierForO365Shell",
    "UserType", "ValidationStatus", "WhenCreated",
)


@dataclass(slots=True)
class StrongAuthenticationRequirement:
    """Microsoft.Online.Administration.StrongAuthenticationRequirement."""

    ExtensionData: Any = None
    RelyingParty: str = "*"
    RememberDevicesNotIssuedBefore: datetime | None = None
    State: str = "Enabled"


@dataclass(slots=True)
class StrongAuthenticationMethod:
    """Microsoft.Online.Administration.StrongAuthenticationMethod."""

    ExtensionData: Any = None
    IsDefault: bool = False
    MethodType: str = ""


@dataclass(slots=True)
class StrongAuthenticationUserDetails:
    """Microsoft.Online.Administration.StrongAuthenticationUserDetails."""

    ExtensionData: Any = None
    AlternativePhoneNumber: str | None = None
    Email: str | None = None
    OldPin: str | None = None
    PhoneNumber: str | None = None
    Pin: str | None = None


@dataclass(slots=True)
class StrongAuthenticationPhoneAppDetail:
    """Microsoft.Online.Administration.StrongAuthenticationPhoneAppDetail (OathSecretKey always null)."""

    ExtensionData: Any = None
    AuthenticationType: str = "OTP"
    DeviceName: str = ""
    DeviceTag: str = "SoftwareTokenActivated"
    DeviceToken: str | None = None
    Id: str = ""
    NotificationType: str = "Invalid"
    OathSecretKey: str | None = None
    OathTokenTimeDrift: int = 0
    PhoneAppVersion: str = ""


@dataclass(slots=True)
class UserLicense:
    """Microsoft.Online.Administration.UserLicense; prints as its AccountSkuId."""

    AccountSkuId: str
    ExtensionData: Any = None
    GroupsAssigningLicense: list[str] = field(default_factory=list)
    ServiceStatus: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return self.AccountSkuId


def _plans(tenant: Tenant, account_sku_id: str) -> tuple[str, ...]:
    sku = tenant.sku(account_sku_id)
    return sku.service_plans if sku is not None else ()


def _requirements(user: User) -> list[StrongAuthenticationRequirement]:
    if user.mfa_state == MfaState.DISABLED:
        return []
    return [StrongAuthenticationRequirement(
        RememberDevicesNotIssuedBefore=user.remember_devices_not_issued_before, State=str(user.mfa_state))]


def msol_user_view(tenant: Tenant, user: User) -> dict[str, Any]:
    """Every Get-MsolUser property of ``user``, in the real order, with computed defaults."""
    licensed = user.is_licensed
    mailbox = tenant.has_mailbox(user)
    details = user.user_details
    sku_plans = {sid: _plans(tenant, sid) for sid in user.licenses}
    view: dict[str, Any] = {
        "ExtensionData": None,
        "AlternateEmailAddresses": list(user.alternate_email_addresses),
        "AlternateMobilePhones": list(user.alternate_mobile_phones),
        "AlternativeSecurityIds": [],
        "BlockCredential": user.block_credential,
        "City": user.city,
        "CloudExchangeRecipientDisplayType": 1073741824 if mailbox else None,
        "Country": user.country,
        "Department": user.department,
        "DirSyncProvisioningErrors": [],
        "DisplayName": user.display_name,
        "Errors": [],
        "Fax": user.fax,
        "FirstName": user.first_name,
        "ImmutableId": user.immutable_id,
        "IndirectLicenseErrors": [],
        "IsBlackberryUser": False,
        "IsLicensed": licensed,
        "LastDirSyncTime": None,
        "LastName": user.last_name,
        "LastPasswordChangeTimestamp": user.last_password_change,
        "LicenseAssignmentDetails": [UserLicense(s) for s in user.licenses],
        "LicenseReconciliationNeeded": False,
        "Licenses": [UserLicense(s, ServiceStatus=[f"{p} Success" for p in sku_plans[s]]) for s in user.licenses],
        "LiveId": "1003" + user.object_id.replace("-", "")[:12].upper(),
        "MSExchRecipientTypeDetails": 1 if mailbox else None,
        "MSRtcSipDeploymentLocator": "sipfed.online.lync.com" if licensed else None,
        "MSRtcSipPrimaryUserAddress": f"sip:{user.user_principal_name.lower()}" if licensed else None,
        "MobilePhone": user.mobile_phone,
        "ObjectId": user.object_id,
        "Office": user.office,
        "OverallProvisioningStatus": "Success" if licensed else "None",
        "PasswordNeverExpires": user.password_never_expires,
        "PasswordResetNotRequiredDuringActivate": None,
        "PhoneNumber": user.phone_number,
        "PortalSettings": None,
        "PostalCode": user.postal_code,
        "PreferredDataLocation": user.preferred_data_location,
        "PreferredLanguage": user.preferred_language,
        "ProxyAddresses": [f"SMTP:{user.user_principal_name}"] if mailbox else [],
        "ReleaseTrack": None,
        "ServiceInformation": [],
        "SignInName": user.user_principal_name,
        "SoftDeletionTimestamp": user.soft_deletion_timestamp,
        "State": user.state,
        "StreetAddress": user.street_address,
        "StrongAuthenticationMethods": [
            StrongAuthenticationMethod(IsDefault=m.is_default, MethodType=str(m.method_type)) for m in user.methods
        ],
        "StrongAuthenticationPhoneAppDetails": [
            StrongAuthenticationPhoneAppDetail(
                AuthenticationType="Notification, OTP" if any(m.method_type == "PhoneAppNotification" for m in user.methods)
                else p.authentication_type,
                DeviceName=p.device_name, DeviceTag=p.device_tag, Id=p.id, NotificationType=p.notification_type,
                OathTokenTimeDrift=p.oath_token_time_drift, PhoneAppVersion=p.phone_app_version,
            )
            for p in user.phone_app_details
            if any(m.method_type in APP_METHODS for m in user.methods)
        ],
        "StrongAuthenticationProofupTime": user.proofup_time,
        "StrongAuthenticationRequirements": _requirements(user),
        "StrongAuthenticationUserDetails": StrongAuthenticationUserDetails(
            AlternativePhoneNumber=details.alternative_phone_number, Email=details.email, PhoneNumber=details.phone_number
        ) if details is not None else None,
        "StrongPasswordRequired": user.strong_password_required,
        "StsRefreshTokensValidFrom": user.sts_refresh_tokens_valid_from or user.when_created,
        "Title": user.title,
        "UsageLocation": user.usage_location,
        "UserLandingPageIdentifierForO365Shell": None,
        "UserPrincipalName": user.user_principal_name,
        "UserThemeIdentifierForO365Shell": None,
        "UserType": user.user_type,
        "ValidationStatus": "Healthy",
        "WhenCreated": user.when_created,
    }
    return view


def role_view(role: Role) -> dict[str, Any]:
    """Get-MsolRole properties (doc order)."""
    return {"ExtensionData": None, "Description": role.description, "IsEnabled": role.is_enabled,
            "IsSystem": role.is_system, "Name": role.name, "ObjectId": role.object_id}


def role_member_view(user: User) -> dict[str, Any]:
    """Get-MsolRoleMember properties."""
    return {"ExtensionData": None, "DisplayName": user.display_name, "EmailAddress": user.user_principal_name,
            "IsLicensed": user.is_licensed, "LastDirSyncTime": None, "ObjectId": user.object_id,
            "OverallProvisioningStatus": "Success" if user.is_licensed else "None", "RoleMemberType": "User",
            "ValidationStatus": "Healthy"}


def domain_view(domain: Domain) -> dict[str, Any]:
    """Get-MsolDomain properties."""
    return {"ExtensionData": None, "Authentication": domain.authentication, "Capabilities": domain.capabilities,
            "IsDefault": domain.is_default, "IsInitial": domain.is_initial, "Name": domain.name,
            "RootDomain": domain.root_domain, "Status": domain.status}


def account_sku_view(tenant: Tenant, sku: AccountSku) -> dict[str, Any]:
    """Get-MsolAccountSku properties (ConsumedUnits computed from assignments)."""
    return {"ExtensionData": None, "AccountName": sku.account_sku_id.partition(":")[0],
            "AccountObjectId": None, "AccountSkuId": sku.account_sku_id, "ActiveUnits": sku.active_units,
            "ConsumedUnits": tenant.consumed_units(sku.account_sku_id),
            "ServiceStatus": [f"{p} Success" for p in sku.service_plans], "SkuId": sku.sku_id,
            "SkuPartNumber": sku.sku_part_number, "SubscriptionIds": [tenant.tenant_id],
            "SuspendedUnits": sku.suspended_units, "TargetClass": sku.target_class, "WarningUnits": sku.warning_units}


def company_view(company: CompanyInformation) -> dict[str, Any]:
    """Get-MsolCompanyInformation properties (reference §1.9 names, alphabetical as documented)."""
    c = company
    return {
        "ExtensionData": None,
        "AuthorizedServiceInstances": list(c.authorized_service_instances),
        "City": c.city,
        "CompanyType": c.company_type,
        "Country": c.country,
        "CountryLetterCode": c.country_letter_code,
        "DapEnabled": c.dap_enabled,
        "DirectorySynchronizationEnabled": c.directory_synchronization_enabled,
        "DirSyncServiceAccount": c.dir_sync_service_account,
        "DisplayName": c.display_name,
        "InitialDomain": c.initial_domain,
        "LastDirSyncTime": c.last_dir_sync_time,
        "LastPasswordSyncTime": c.last_password_sync_time,
        "MarketingNotificationEmails": list(c.marketing_notification_emails),
        "ObjectId": c.object_id,
        "PasswordSynchronizationEnabled": c.password_synchronization_enabled,
        "PostalCode": c.postal_code,
        "PreferredLanguage": c.preferred_language,
        "State": c.state,
        "Street": c.street,
        "TechnicalNotificationEmails": list(c.technical_notification_emails),
        "TelephoneNumber": c.telephone_number,
        "UsersPermissionToCreateGroupsEnabled": c.users_permission_to_create_groups_enabled,
        "UsersPermissionToCreateLOBAppsEnabled": c.users_permission_to_create_lob_apps_enabled,
        "UsersPermissionToReadOtherUsersEnabled": c.users_permission_to_read_other_users_enabled,
        "UsersPermissionToUserConsentToAppEnabled": c.users_permission_to_user_consent_to_app_enabled,
    }
