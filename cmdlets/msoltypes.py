"""The Microsoft.Online.Administration.* .NET types of the MSOnline module, over the tenant.

* the WCF data contracts scripts build and read (StrongAuthenticationRequirement,
  StrongAuthenticationMethod, StrongAuthenticationUserDetails,
  StrongAuthenticationPhoneAppDetail): settable, creatable with New-Object or ``::new()``,
  ``ExtensionData`` first, ToString = the type name (as .NET prints them);
* ``MsolUser`` (Microsoft.Online.Administration.User): a cheap adapter over a tenant User
  (two slots) whose 61 properties are computed on access, in the real Format-List order;
* Role, RoleMember, Domain, AccountSKU, CompanyInformation: small read-only records;
* the default views (Get-MsolUser's UserPrincipalName / DisplayName / isLicensed table...).
"""
from __future__ import annotations

from typing import Any

from o365shell.engine.pscollections import GenericList
from o365shell.engine.types import register_class

from .tenantsvc import net_guid, to_net_datetime

NS = "Microsoft.Online.Administration."


class ExtensionDataObject:
    """System.Runtime.Serialization.ExtensionDataObject (what service objects carry in ExtensionData)."""

    __ps_typename__ = "System.Runtime.Serialization.ExtensionDataObject"
    __slots__ = ()

    def ToString(self) -> str:
        return self.__ps_typename__


EXTENSION_DATA = ExtensionDataObject()


_MIN: list[Any] = []


def _min_datetime() -> Any:
    """DateTime.MinValue (immutable, so one shared instance)."""
    if not _MIN:
        from o365shell.engine.netlib.datetime import DateTime
        _MIN.append(DateTime())
    return _MIN[0]


class _Contract:
    """A settable WCF data contract: ``_kinds`` gives each member's type (str, bool, int, datetime)."""

    __slots__ = ("ExtensionData",)
    __ps_typename__ = NS + "Contract"
    _kinds: dict[str, str] = {}
    _defaults: dict[str, Any] = {}

    def __init__(self, **values: Any) -> None:
        self.ExtensionData = values.pop("ExtensionData", None)
        for name in self._kinds:
            v = values[name] if name in values else self._defaults.get(name)
            setattr(self, name, v() if callable(v) else v)

    def ps_convert_member(self, attr: str, value: Any) -> Any:
        from o365shell.engine import conversion as C
        kind = self._kinds.get(attr)
        if value is None or kind is None:
            return value
        if kind == "str":
            return C.to_string(value)
        if kind == "bool":
            return C.to_bool(value)
        if kind == "int":
            return int(C.to_integer(value)) if hasattr(C, "to_integer") else int(value)
        if kind == "datetime":
            from o365shell.engine.types import resolve
            t = resolve("datetime")
            assert t is not None
            return t.convert(value)
        return value

    def ToString(self) -> str:
        return self.__ps_typename__

    @classmethod
    def _convert(cls, value: Any) -> Any:
        """[T]$value: an instance as is; a hashtable / PSCustomObject sets the named members."""
        if isinstance(value, cls):
            return value
        from o365shell.engine.conversion import cast_error
        from o365shell.engine.objects import properties
        from o365shell.engine.pscollections import Hashtable
        if isinstance(value, Hashtable) or type(value).__name__ == "PSCustomObject":
            obj = cls()
            pairs = value.items() if isinstance(value, Hashtable) else properties(value)
            by_lower = {k.lower(): k for k in cls._kinds}
            for k, v in pairs:
                name = by_lower.get(str(k).lower())
                if name is None:
                    raise cast_error(value, cls.__ps_typename__,
                                     f'The property "{k}" was not found for the {cls.__ps_typename__} object. '
                                     "The available property is: " + ", ".join(f"[{n}]" for n in cls._kinds) + ".")
                setattr(obj, name, obj.ps_convert_member(name, v))
            return obj
        raise cast_error(value, cls.__ps_typename__)


def _contract(name: str, kinds: dict[str, str], defaults: dict[str, Any] | None = None) -> type:
    cls = type(name, (_Contract,), {
        "__slots__": tuple(kinds),
        "__ps_typename__": NS + name,
        "__ps_properties__": ("ExtensionData",) + tuple(kinds),
        "_kinds": kinds,
        "_defaults": defaults or {},
        "__doc__": f"{NS}{name} (a settable data contract; ExtensionData first).",
    })
    register_class(cls, ctor=lambda *a, cls=cls: cls(), converter=cls._convert)
    return cls


StrongAuthenticationRequirement = _contract(
    "StrongAuthenticationRequirement",
    {"RelyingParty": "str", "RememberDevicesNotIssuedBefore": "datetime", "State": "str"},
    {"RememberDevicesNotIssuedBefore": _min_datetime})
StrongAuthenticationMethod = _contract("StrongAuthenticationMethod", {"IsDefault": "bool", "MethodType": "str"},
                                       {"IsDefault": False})
StrongAuthenticationUserDetails = _contract(
    "StrongAuthenticationUserDetails",
    {"AlternativePhoneNumber": "str", "Email": "str", "OldPin": "str", "PhoneNumber": "str", "Pin": "str"})
StrongAuthenticationPhoneAppDetail = _contract(
    "StrongAuthenticationPhoneAppDetail",
    {"AuthenticationType": "str", "DeviceName": "str", "DeviceTag": "str", "DeviceToken": "str", "Id": "str",
     "NotificationType": "str", "OathSecretKey": "str", "OathTokenTimeDrift": "int", "PhoneAppVersion": "str"},
    {"OathTokenTimeDrift": 0})


class UserLicense:
    """Microsoft.Online.Administration.UserLicense: prints as its AccountSkuId."""

    __ps_typename__ = NS + "UserLicense"
    __ps_properties__ = ("ExtensionData", "AccountSkuId", "GroupsAssigningLicense", "ServiceStatus")
    __slots__ = ("AccountSkuId", "ExtensionData", "GroupsAssigningLicense", "ServiceStatus")

    def __init__(self, sku_id: str, plans: tuple = ()) -> None:
        self.ExtensionData = EXTENSION_DATA
        self.AccountSkuId = sku_id
        self.GroupsAssigningLicense = []
        self.ServiceStatus = [f"{p} Success" for p in plans]

    def ToString(self) -> str:
        return self.AccountSkuId


def _glist(type_arg: str, items: list) -> GenericList:
    lst = GenericList.__new__(GenericList)
    list.__init__(lst, items)
    lst.convert = None
    lst.type_arg = type_arg
    return lst


_REQ_T = NS + "StrongAuthenticationRequirement"
_METH_T = NS + "StrongAuthenticationMethod"
_APP_T = NS + "StrongAuthenticationPhoneAppDetail"

USER_PROPERTIES = (
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


class MsolUser:
    """Microsoft.Online.Administration.User: an adapter over a tenant User (values computed on access)."""

    __ps_typename__ = NS + "User"
    __ps_typenames__ = (NS + "User", "System.Object")
    __ps_properties__ = USER_PROPERTIES
    __slots__ = ("_t", "_u")

    def __init__(self, tenant: Any, user: Any) -> None:
        self._t = tenant
        self._u = user

    def ToString(self) -> str:
        return self.__ps_typename__

    def ps_get_member(self, low: str) -> Any:
        """Fast member lookup (the engine asks this before the class adapter)."""
        prop = _USER_GETTERS.get(low)
        if prop is None:
            from o365shell.engine.objects import MISSING
            return MISSING
        return prop(self)

    # -- identity and names
    ExtensionData = property(lambda self: EXTENSION_DATA)
    UserPrincipalName = property(lambda self: self._u.user_principal_name)
    SignInName = property(lambda self: self._u.user_principal_name)
    DisplayName = property(lambda self: self._u.display_name)
    FirstName = property(lambda self: self._u.first_name)
    LastName = property(lambda self: self._u.last_name)
    ObjectId = property(lambda self: net_guid(self._u.object_id))
    ImmutableId = property(lambda self: self._u.immutable_id)
    LiveId = property(lambda self: "1003" + self._u.object_id.replace("-", "")[:12].upper())
    UserType = property(lambda self: self._u.user_type)
    # -- contact and organization
    City = property(lambda self: self._u.city)
    Country = property(lambda self: self._u.country)
    Department = property(lambda self: self._u.department)
    Fax = property(lambda self: self._u.fax)
    MobilePhone = property(lambda self: self._u.mobile_phone)
    Office = property(lambda self: self._u.office)
    PhoneNumber = property(lambda self: self._u.phone_number)
    PostalCode = property(lambda self: self._u.postal_code)
    PreferredDataLocation = property(lambda self: self._u.preferred_data_location)
    PreferredLanguage = property(lambda self: self._u.preferred_language)
    State = property(lambda self: self._u.state)
    StreetAddress = property(lambda self: self._u.street_address)
    Title = property(lambda self: self._u.title)
    UsageLocation = property(lambda self: self._u.usage_location)
    AlternateEmailAddresses = property(lambda self: list(self._u.alternate_email_addresses))
    AlternateMobilePhones = property(lambda self: list(self._u.alternate_mobile_phones))
    AlternativeSecurityIds = property(lambda self: [])
    # -- account state
    BlockCredential = property(lambda self: self._u.block_credential)
    PasswordNeverExpires = property(lambda self: self._u.password_never_expires)
    PasswordResetNotRequiredDuringActivate = property(lambda self: None)
    StrongPasswordRequired = property(lambda self: self._u.strong_password_required)
    LastPasswordChangeTimestamp = property(lambda self: to_net_datetime(self._u.last_password_change))
    StsRefreshTokensValidFrom = property(
        lambda self: to_net_datetime(self._u.sts_refresh_tokens_valid_from or self._u.when_created))
    SoftDeletionTimestamp = property(lambda self: to_net_datetime(self._u.soft_deletion_timestamp))
    WhenCreated = property(lambda self: to_net_datetime(self._u.when_created))
    LastDirSyncTime = property(lambda self: None)
    DirSyncProvisioningErrors = property(lambda self: [])
    Errors = property(lambda self: [])
    IndirectLicenseErrors = property(lambda self: [])
    ValidationStatus = property(lambda self: "Healthy")
    PortalSettings = property(lambda self: None)
    ReleaseTrack = property(lambda self: None)
    ServiceInformation = property(lambda self: [])
    UserLandingPageIdentifierForO365Shell = property(lambda self: None)
    UserThemeIdentifierForO365Shell = property(lambda self: None)
    IsBlackberryUser = property(lambda self: False)
    # -- licenses and services
    IsLicensed = property(lambda self: bool(self._u.licenses))
    LicenseReconciliationNeeded = property(lambda self: False)
    OverallProvisioningStatus = property(lambda self: "Success" if self._u.licenses else "None")

    @property
    def Licenses(self) -> list:
        t = self._t
        out = []
        for s in self._u.licenses:
            sku = t.sku(s)
            out.append(UserLicense(s, sku.service_plans if sku is not None else ()))
        return out

    @property
    def LicenseAssignmentDetails(self) -> list:
        return [UserLicense(s) for s in self._u.licenses]

    @property
    def CloudExchangeRecipientDisplayType(self) -> Any:
        return 1073741824 if self._t.has_mailbox(self._u) else None

    @property
    def MSExchRecipientTypeDetails(self) -> Any:
        return 1 if self._t.has_mailbox(self._u) else None

    @property
    def MSRtcSipDeploymentLocator(self) -> Any:
        return "sipfed.online.lync.com" if self._u.licenses else None

    @property
    def MSRtcSipPrimaryUserAddress(self) -> Any:
        return f"sip:{self._u.user_principal_name.lower()}" if self._u.licenses else None

    @property
    def ProxyAddresses(self) -> list:
        return [f"SMTP:{self._u.user_principal_name}"] if self._t.has_mailbox(self._u) else []

    # -- strong authentication (per-user MFA)
    @property
    def StrongAuthenticationRequirements(self) -> GenericList:
        u = self._u
        state = u.mfa_state
        if state == "Disabled":
            return _glist(_REQ_T, [])
        r = StrongAuthenticationRequirement(ExtensionData=EXTENSION_DATA, RelyingParty="*", State=str(state),
                                            RememberDevicesNotIssuedBefore=(
                                                to_net_datetime(u.remember_devices_not_issued_before)
                                                if u.remember_devices_not_issued_before else _min_datetime()))
        return _glist(_REQ_T, [r])

    @property
    def StrongAuthenticationMethods(self) -> GenericList:
        return _glist(_METH_T, [StrongAuthenticationMethod(ExtensionData=EXTENSION_DATA, IsDefault=m.is_default,
                                                           MethodType=str(m.method_type)) for m in self._u.methods])

    @property
    def StrongAuthenticationPhoneAppDetails(self) -> GenericList:
        u = self._u
        types = {str(m.method_type) for m in u.methods}
        if not types & {"PhoneAppOTP", "PhoneAppNotification"}:
            return _glist(_APP_T, [])
        kind = "Notification, OTP" if "PhoneAppNotification" in types else "OTP"
        return _glist(_APP_T, [StrongAuthenticationPhoneAppDetail(
            ExtensionData=EXTENSION_DATA, AuthenticationType=kind, DeviceName=p.device_name, DeviceTag=p.device_tag,
            Id=p.id, NotificationType=p.notification_type, OathTokenTimeDrift=p.oath_token_time_drift,
            PhoneAppVersion=p.phone_app_version) for p in u.phone_app_details])

    StrongAuthenticationProofupTime = property(lambda self: self._u.proofup_time)

    @property
    def StrongAuthenticationUserDetails(self) -> Any:
        d = self._u.user_details
        if d is None:
            return None
        return StrongAuthenticationUserDetails(ExtensionData=EXTENSION_DATA, AlternativePhoneNumber=d.alternative_phone_number,
                                               Email=d.email, PhoneNumber=d.phone_number)


_USER_GETTERS: dict[str, Any] = {name.lower(): getattr(MsolUser, name).fget for name in USER_PROPERTIES}


class NewMsolUser(MsolUser):
    """New-MsolUser's output: the User plus the temporary ``Password``."""

    __ps_properties__ = ("Password",) + USER_PROPERTIES
    __slots__ = ("Password",)

    def __init__(self, tenant: Any, user: Any, password: str) -> None:
        super().__init__(tenant, user)
        self.Password = password


# ----------------------------------------------------------------------------- small records

class _Record:
    """A read-only record built from a mapping of its properties (ExtensionData first)."""

    __slots__ = ("_v",)
    __ps_typename__ = NS + "Record"
    __ps_properties__: tuple[str, ...] = ()

    def __init__(self, values: dict[str, Any]) -> None:
        self._v = values

    def ps_get_member(self, low: str) -> Any:
        from o365shell.engine.objects import MISSING
        for k, v in self._v.items():
            if k.lower() == low:
                return v
        return MISSING

    def ToString(self) -> str:
        return self.__ps_typename__


def _record_type(name: str, props: tuple[str, ...], typename: str | None = None) -> type:
    ns = {"__slots__": (), "__ps_typename__": typename or NS + name, "__ps_properties__": props,
          "__doc__": f"{typename or NS + name}."}
    for p in props:
        ns[p] = property(lambda self, _p=p: self._v.get(_p))
    return type(name, (_Record,), ns)


Role = _record_type("Role", ("ExtensionData", "Description", "IsEnabled", "IsSystem", "Name", "ObjectId"))
RoleMember = _record_type("RoleMember", ("ExtensionData", "DisplayName", "EmailAddress", "IsLicensed",
                                         "LastDirSyncTime", "ObjectId", "OverallProvisioningStatus",
                                         "RoleMemberType", "ValidationStatus"))
Domain = _record_type("Domain", ("ExtensionData", "Authentication", "Capabilities", "IsDefault", "IsInitial", "Name",
                                 "RootDomain", "Status"))
AccountSKU = _record_type("AccountSKU", ("ExtensionData", "AccountName", "AccountObjectId", "AccountSkuId",
                                         "ActiveUnits", "ConsumedUnits", "ServiceStatus", "SkuId", "SkuPartNumber",
                                         "SubscriptionIds", "SuspendedUnits", "TargetClass", "WarningUnits"))
CompanyInformation = _record_type("CompanyInformation", (
    "ExtensionData", "AllowAdHocSubscriptions", "AllowEmailVerifiedUsers", "AuthorizedServiceInstances",
    "AuthorizedServices", "City", "CompanyDeletionStartTime", "CompanyTags", "CompanyType", "CompassEnabled",
    "Country", "CountryLetterCode", "DapEnabled", "DefaultUsageLocation", "DirectorySynchronizationEnabled",
    "DirectorySynchronizationStatus", "DirSyncApplicationType", "DirSyncClientMachineName", "DirSyncClientVersion",
    "DirSyncServiceAccount", "DisplayName", "InitialDomain", "LastDirSyncTime", "LastPasswordSyncTime",
    "MarketingNotificationEmails", "MultipleDataLocationsForServicesEnabled", "ObjectId",
    "PasswordSynchronizationEnabled", "PortalSettings", "PostalCode", "PreferredLanguage",
    "ReleaseTrack", "ReplicationScope", "RmsViralSignUpEnabled", "SecurityComplianceNotificationEmails",
    "SecurityComplianceNotificationPhones", "SelfServePasswordResetEnabled", "ServiceInformation",
    "ServiceInstanceInformation", "State", "Street", "SubscriptionProvisioningLimited",
    "TechnicalNotificationEmails", "TelephoneNumber", "UIExtensibilityUris", "UsersPermissionToCreateGroupsEnabled",
    "UsersPermissionToCreateLOBAppsEnabled", "UsersPermissionToReadOtherUsersEnabled",
    "UsersPermissionToUserConsentToAppEnabled", "WhenCreated"))


def _role_of(role: Any) -> Any:
    from o365shell.tenant.views import role_view
    v = role_view(role)
    v["ExtensionData"] = EXTENSION_DATA
    v["ObjectId"] = net_guid(v["ObjectId"])
    return Role(v)


def _member_of(user: Any) -> Any:
    from o365shell.tenant.views import role_member_view
    v = role_member_view(user)
    v["ExtensionData"] = EXTENSION_DATA
    v["ObjectId"] = net_guid(v["ObjectId"])
    return RoleMember(v)


def _domain_of(domain: Any) -> Any:
    from o365shell.tenant.views import domain_view
    v = domain_view(domain)
    v["ExtensionData"] = EXTENSION_DATA
    return Domain(v)


def _sku_of(tenant: Any, sku: Any) -> Any:
    from o365shell.tenant.views import account_sku_view
    v = account_sku_view(tenant, sku)
    v["ExtensionData"] = EXTENSION_DATA
    v["AccountObjectId"] = net_guid(tenant.tenant_id)
    v["SkuId"] = net_guid(v["SkuId"])
    v["SubscriptionIds"] = [net_guid(x) for x in v["SubscriptionIds"]]
    v["ServiceStatus"] = [_ServiceStatus(p) for p in sku.service_plans]
    return AccountSKU(v)


class _ServiceStatus:
    """Microsoft.Online.Administration.ServiceStatus: a service plan and its provisioning status."""

    __ps_typename__ = NS + "ServiceStatus"
    __ps_properties__ = ("ExtensionData", "ServicePlan", "ProvisioningStatus")
    __slots__ = ("ExtensionData", "ProvisioningStatus", "ServicePlan")

    def __init__(self, plan: str) -> None:
        self.ExtensionData = EXTENSION_DATA
        self.ServicePlan = _ServicePlan(plan)
        self.ProvisioningStatus = "Success"

    def ToString(self) -> str:
        return self.__ps_typename__


class _ServicePlan:
    """Microsoft.Online.Administration.ServicePlan."""

    __ps_typename__ = NS + "ServicePlan"
    __ps_properties__ = ("ExtensionData", "ServiceName", "ServicePlanId", "ServiceType", "TargetClass")
    __slots__ = ("ExtensionData", "ServiceName", "ServicePlanId", "ServiceType", "TargetClass")

    def __init__(self, name: str) -> None:
        import uuid
        self.ExtensionData = EXTENSION_DATA
        self.ServiceName = name
        self.ServicePlanId = net_guid(str(uuid.uuid5(uuid.NAMESPACE_OID, "plan:" + name)))
        self.ServiceType = name.split("_")[0].title()
        self.TargetClass = "User"

    def ToString(self) -> str:
        return self.ServiceName


def _company_of(company: Any) -> Any:
    from o365shell.tenant.views import company_view
    v = company_view(company)
    v["ExtensionData"] = EXTENSION_DATA
    v["ObjectId"] = net_guid(v["ObjectId"])
    v.update(AllowAdHocSubscriptions=True, AllowEmailVerifiedUsers=True, AuthorizedServices=[], CompanyTags=[],
             CompassEnabled=None, CompanyDeletionStartTime=None, DefaultUsageLocation=None,
             DirectorySynchronizationStatus="Disabled", DirSyncApplicationType=None, DirSyncClientMachineName=None,
             DirSyncClientVersion=None, MultipleDataLocationsForServicesEnabled=None, PortalSettings=None,
             ReleaseTrack="Other", ReplicationScope="NA", RmsViralSignUpEnabled=True,
             SecurityComplianceNotificationEmails=[], SecurityComplianceNotificationPhones=[],
             SelfServePasswordResetEnabled=False, ServiceInformation=[], ServiceInstanceInformation=[],
             SubscriptionProvisioningLimited=False, UIExtensibilityUris=[], WhenCreated=None)
    return CompanyInformation(v)


Role.of = staticmethod(_role_of)  # type: ignore[attr-defined]
RoleMember.of = staticmethod(_member_of)  # type: ignore[attr-defined]
Domain.of = staticmethod(_domain_of)  # type: ignore[attr-defined]
AccountSKU.of = staticmethod(_sku_of)  # type: ignore[attr-defined]
CompanyInformation.of = staticmethod(_company_of)  # type: ignore[attr-defined]


# ----------------------------------------------------------------------------- registration and views

def _register() -> None:
    for cls in (MsolUser, UserLicense, Role, RoleMember, Domain, AccountSKU, CompanyInformation, ExtensionDataObject):
        register_class(cls, ctor=None)
    from o365shell.format.views import register_table_view
    register_table_view(NS + "User", [("UserPrincipalName", "UserPrincipalName"), ("DisplayName", "DisplayName"),
                                      ("isLicensed", "IsLicensed")])
    register_table_view(NS + "Role", [("ObjectId", "ObjectId"), ("Name", "Name"), ("Description", "Description")])
    register_table_view(NS + "RoleMember", [("RoleMemberType", "RoleMemberType"), ("EmailAddress", "EmailAddress"),
                                            ("DisplayName", "DisplayName"), ("isLicensed", "IsLicensed")])
    register_table_view(NS + "Domain", [("Name", "Name"), ("Status", "Status"), ("Authentication", "Authentication")])
    register_table_view(NS + "AccountSKU", [("AccountSkuId", "AccountSkuId"), ("ActiveUnits", "ActiveUnits"),
                                            ("WarningUnits", "WarningUnits"), ("ConsumedUnits", "ConsumedUnits")])
    register_table_view(NS + "ServiceStatus", [("ServicePlan", lambda o: o.ServicePlan.ServiceName),
                                               ("ProvisioningStatus", "ProvisioningStatus")])


_register()
