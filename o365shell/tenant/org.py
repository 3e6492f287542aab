"""Organization-level records: domains, SKUs, company information, MFA service settings,
authentication policies and the CAS mailbox property table.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Iterable

from .constants import VerificationOption
from .errors import ValidationError
from .props import PropertySpec, PropertyTable
from .users import EPOCH

__all__ = [
    "Domain",
    "AccountSku",
    "CompanyInformation",
    "MfaServiceSettings",
    "AuthenticationPolicy",
    "AUTH_POLICY_SWITCHES",
    "CAS_MAILBOX_PROPERTIES",
    "MAX_TRUSTED_IPS",
    "normalize_trusted_ips",
    "REMEMBER_DAYS_RANGE",
]


@dataclass(slots=True)
class Domain:
    """A domain of the tenant (Microsoft.Online.Administration.Domain)."""

    name: str
    status: str = "Verified"
    authentication: str = "Managed"
    is_default: bool = False
    is_initial: bool = False
    capabilities: str = "Email, OfficeCommunicationsOnline"
    root_domain: str | None = None


@dataclass(slots=True)
class AccountSku:
    """A subscription SKU (Microsoft.Online.Administration.AccountSKU); ConsumedUnits is computed by the tenant."""

    account_sku_id: str
    sku_id: str
    sku_part_number: str
    active_units: int
    warning_units: int = 0
    suspended_units: int = 0
    includes_exchange: bool = False
    target_class: str = "User"
    service_plans: tuple[str, ...] = ()


@dataclass(slots=True)
class CompanyInformation:
    """Get-MsolCompanyInformation fields (reference §1.9), snake_case."""

    object_id: str
    display_name: str
    initial_domain: str
    street: str | None = None
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None
    country_letter_code: str | None = None
    telephone_number: str | None = None
    preferred_language: str = "en"
    company_type: str = "CompanyTenant"
    dap_enabled: bool | None = None
    directory_synchronization_enabled: bool = False
    dir_sync_service_account: str | None = None
    last_dir_sync_time: datetime | None = None
    last_password_sync_time: datetime | None = None
    password_synchronization_enabled: bool = False
    marketing_notification_emails: tuple[str, ...] = ()
    technical_notification_emails: tuple[str, ...] = ()
    authorized_service_instances: tuple[str, ...] = ()
    users_permission_to_create_groups_enabled: bool = True
    users_permission_to_create_lob_apps_enabled: bool = True
    users_permission_to_read_other_users_enabled: bool = True
    users_permission_to_user_consent_to_app_enabled: bool = True

    def field_names(self) -> list[str]:
        """The snake_case field names in declaration order."""
        return [f.name for f in fields(self)]


#: Trusted IP ranges allowed by the MFA service settings page.
MAX_TRUSTED_IPS = 50
#: Allowed values of RememberMfaDays.
REMEMBER_DAYS_RANGE = (1, 365)


def normalize_trusted_ips(values: Iterable[str]) -> tuple[str, ...]:
    """Validate CIDR ranges (IPv4 only, single IP = /32, at most 50); returns normalized strings.

    Host bits are cleared (``10.0.0.5/24`` -> ``10.0.0.0/24``); duplicates are dropped.
    """
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    for raw in values:
        text = str(raw).strip()
        if not text:
            continue
        try:
            network = ipaddress.ip_network(text, strict=False)
        except ValueError:
            raise ValidationError(
                f"'{raw}' is not a valid IP address range; use CIDR notation such as 192.168.1.0/24.", "TrustedIPs", raw
            ) from None
        if network.version != 4:
            raise ValidationError(
                f"'{raw}' is an IPv6 range; trusted IPs accept IPv4 ranges only (use named locations for IPv6).",
                "TrustedIPs",
                raw,
            )
        normalized = str(network)
        if normalized not in out:
            out.append(normalized)
    if len(out) > MAX_TRUSTED_IPS:
        raise ValidationError(
            f"{len(out)} trusted IP ranges were given; at most {MAX_TRUSTED_IPS} are allowed.", "TrustedIPs", len(out)
        )
    return tuple(out)


@dataclass(slots=True)
class MfaServiceSettings:
    """The MFA service settings page (per-user MFA): defaults as documented in SPEC §6."""

    allow_app_passwords: bool = False
    trusted_ips: tuple[str, ...] = ()
    skip_for_federated_users: bool = False
    verification_options: frozenset[VerificationOption] = field(default_factory=lambda: frozenset(VerificationOption))
    remember_mfa_on_trusted_devices: bool = False
    remember_mfa_days: int = 90

    def ordered_options(self) -> list[VerificationOption]:
        """The enabled verification options in the portal's order."""
        return [o for o in VerificationOption if o in self.verification_options]

    def ip_is_trusted(self, address: str | None) -> bool:
        """True when ``address`` falls in one of the trusted ranges (False for None/invalid/IPv6)."""
        if not address or not self.trusted_ips:
            return False
        try:
            ip = ipaddress.ip_address(str(address).strip())
        except ValueError:
            return False
        if ip.version != 4:
            return False
        return any(ip in ipaddress.ip_network(cidr) for cidr in self.trusted_ips)


#: The AllowBasicAuth* switches of Exchange Online authentication policies (default False).
AUTH_POLICY_SWITCHES: tuple[str, ...] = (
    "AllowBasicAuthActiveSync",
    "AllowBasicAuthAutodiscover",
    "AllowBasicAuthImap",
    "AllowBasicAuthMapi",
    "AllowBasicAuthOfflineAddressBook",
    "AllowBasicAuthOutlookService",
    "AllowBasicAuthPop",
    "AllowBasicAuthPowershell",
    "AllowBasicAuthReportingWebServices",
    "AllowBasicAuthRpc",
    "AllowBasicAuthSmtp",
    "AllowBasicAuthWebServices",
)


@dataclass(slots=True)
class AuthenticationPolicy:
    """An Exchange authentication policy: Name plus the AllowBasicAuth* switches (name -> bool)."""

    name: str
    guid: str
    switches: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(AUTH_POLICY_SWITCHES, False))
    allow_legacy_exchange_tokens: bool = True
    when_created: datetime = EPOCH
    when_changed: datetime = EPOCH

    def as_dict(self) -> dict[str, Any]:
        """Get-AuthenticationPolicy properties."""
        out: dict[str, Any] = {"Name": self.name, "Identity": self.name, "Guid": self.guid}
        out.update(self.switches)
        out["AllowLegacyExchangeTokens"] = self.allow_legacy_exchange_tokens
        out["WhenChanged"] = self.when_changed
        out["WhenCreated"] = self.when_created
        return out


def _cas(name: str, default: Any, kind: str = "bool", nullable: bool = False, documented: bool = True) -> PropertySpec:
    return PropertySpec(name, kind, default, nullable=nullable, documented=documented)


#: Settable CAS mailbox properties (Set-CASMailbox, Exchange Online) with their defaults.
CAS_MAILBOX_PROPERTIES = PropertyTable(
    "CASMailbox",
    [
        _cas("ActiveSyncEnabled", True),
        _cas("ActiveSyncDebugLogging", False),
        _cas("ActiveSyncSuppressReadReceipt", False, documented=False),
        _cas("ActiveSyncMailboxPolicy", "Default", "str", documented=False),
        _cas("ActiveSyncAllowedDeviceIDs", (), "list", documented=False),
        _cas("ActiveSyncBlockedDeviceIDs", (), "list", documented=False),
        _cas("EwsEnabled", True),
        _cas("EwsAllowOutlook", None, nullable=True, documented=False),
        _cas("EwsAllowMacOutlook", True),
        _cas("EwsAllowEntourage", True),
        PropertySpec(
            "EwsApplicationAccessPolicy", "enum", None, nullable=True,
            choices=("EnforceAllowList", "EnforceBlockList"), documented=False,
        ),
        _cas("EwsAllowList", (), "list", documented=False),
        _cas("EwsBlockList", (), "list", documented=False),
        _cas("ImapEnabled", True),
        _cas("ImapUseProtocolDefaults", True),
        PropertySpec(
            "ImapMessagesRetrievalMimeFormat", "enum", "BestBodyFormat",
            choices=("TextOnly", "HtmlOnly", "HtmlAndTextAlternative", "TextEnrichedOnly",
                     "TextEnrichedAndTextAlternative", "BestBodyFormat", "Tnef"),
            int_index=True, documented=False,
        ),
        _cas("ImapSuppressReadReceipt", False, documented=False),
        _cas("ImapForceICalForCalendarRetrievalOption", False, documented=False),
        _cas("MAPIEnabled", True),
        _cas("MacOutlookEnabled", True),
        _cas("OutlookMobileEnabled", True),
        _cas("OneWinNativeOutlookEnabled", True),
        _cas("OWAEnabled", True),
        _cas("OWAforDevicesEnabled", True),
        _cas("OwaMailboxPolicy", "OwaMailboxPolicy-Default", "str", documented=False),
        _cas("PopEnabled", True),
        _cas("PopUseProtocolDefaults", True, documented=False),
        PropertySpec(
            "PopMessagesRetrievalMimeFormat", "enum", "BestBodyFormat",
            choices=("TextOnly", "HtmlOnly", "HtmlAndTextAlternative", "TextEnrichedOnly",
                     "TextEnrichedAndTextAlternative", "BestBodyFormat", "Tnef"),
            int_index=True, documented=False,
        ),
        _cas("PopSuppressReadReceipt", False, documented=False),
        _cas("PopForceICalForCalendarRetrievalOption", False, documented=False),
        _cas("ShowGalAsDefaultView", True),
        _cas("SmtpClientAuthenticationDisabled", None, nullable=True),
        _cas("UniversalOutlookEnabled", True),
        _cas("IsOptimizedForAccessibility", False, documented=False),
    ],
)
