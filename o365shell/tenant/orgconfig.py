"""Exchange Online OrganizationConfig: every Set-OrganizationConfig parameter, typed.

:data:`ORG_CONFIG_PROPERTIES` is the single table (name, kind, default, constraints) a
cmdlet uses to validate and convert ``Set-OrganizationConfig`` arguments.  Defaults are
the documented ones (reference §2.5); where the documentation states none, the default
is our plausible choice and the spec says ``documented=False``.  ``-Confirm``/``-WhatIf``
are not properties.  ``Name`` (the initial domain), ``DisplayName``, ``Identity``,
``Guid`` and ``IsDehydrated`` are read-only.

Each property is also a Python attribute: ``config.OAuth2ClientProfileEnabled``.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any, Mapping

from .errors import ValidationError
from .props import PropertySpec, PropertyTable
from .users import EPOCH

__all__ = ["ORG_CONFIG_PROPERTIES", "OrganizationConfig"]

_MEETING_TOKENS = {
    "location",
    "subject",
    "sensitivity",
    "body",
    "onlinemeetinglinks",
    "allowforwarding",
    "requestresponses",
    "responserequested",
}


def _check_visible_meeting_properties(value: str) -> None:
    for token in filter(None, (t.strip() for t in value.split(","))):
        if token.lower() in _MEETING_TOKENS or re.fullmatch(r"(?i)AllProperties(:\d+)?", token):
            continue
        raise ValidationError(
            f"'{token}' is not a valid VisibleMeetingUpdateProperties value; use Location, Subject, Sensitivity, "
            "Body, OnlineMeetingLinks, AllowForwarding, RequestResponses, ResponseRequested or AllProperties:<minutes>.",
            "VisibleMeetingUpdateProperties",
            value,
        )


_INT16_MIN, _INT16_MAX = -32768, 32767
_UINT32_MAX = 4_294_967_295


def _b(name: str, default: bool | None, documented: bool = True) -> PropertySpec:
    return PropertySpec(name, "bool", default, nullable=default is None, documented=documented)


def _u(name: str, default: bool | None) -> PropertySpec:
    """An undocumented-default Boolean."""
    return _b(name, default, documented=False)


_SPECS: list[PropertySpec] = [
    PropertySpec("Name", "str", "", read_only=True),
    PropertySpec("DisplayName", "str", "", read_only=True),
    PropertySpec("Identity", "str", "", read_only=True),
    PropertySpec("Guid", "str", "", read_only=True),
    PropertySpec("IsDehydrated", "bool", False, read_only=True),
    PropertySpec("ShortenEventScopeDefault", "enum", "None", choices=("None", "EndEarly", "StartLate"), int_index=True),
    _u("ActionableMessagesExtenalAccessTokenEnabled", True),
    _b("ActivityBasedAuthenticationTimeoutEnabled", True),
    PropertySpec("ActivityBasedAuthenticationTimeoutInterval", "timespan", "06:00:00", minimum=300, maximum=28_800),
    _b("ActivityBasedAuthenticationTimeoutWithSingleSignOnEnabled", True),
    _b("AppsForOfficeEnabled", True),
    _b("AsyncSendEnabled", True),
    _b("AuditDisabled", False),
    PropertySpec("AutoArchivingThresholdPercentage", "int", None, nullable=True, minimum=80, maximum=100, documented=False),
    _b("AutodiscoverPartialDirSync", False),
    _u("AutoEnableArchiveMailbox", False),
    PropertySpec("AutoExpandingArchive", "switch", False, documented=False),
    _u("AutomaticForcedReadReceiptEnabled", False),
    _b("BlockMoveMessagesForGroupFolders", False),
    _u("BookingsAddressEntryRestricted", False),
    _u("BookingsAuthEnabled", False),
    _u("BookingsBlockedWordsEnabled", False),
    _u("BookingsCreationOfCustomQuestionsRestricted", False),
    _b("BookingsEnabled", False),
    _u("BookingsExposureOfStaffDetailsRestricted", False),
    _u("BookingsMembershipApprovalRequired", False),
    _u("BookingsNamingPolicyEnabled", False),
    PropertySpec("BookingsNamingPolicyPrefix", "str", None, nullable=True, documented=False),
    _u("BookingsNamingPolicyPrefixEnabled", False),
    PropertySpec("BookingsNamingPolicySuffix", "str", None, nullable=True, documented=False),
    _u("BookingsNamingPolicySuffixEnabled", False),
    _u("BookingsNotesEntryRestricted", False),
    _b("BookingsPaymentsEnabled", False),
    _u("BookingsPhoneNumberEntryRestricted", False),
    _u("BookingsSearchEngineIndexDisabled", False),
    _u("BookingsSmsMicrosoftEnabled", True),
    _b("BookingsSocialSharingRestricted", False),
    PropertySpec("ByteEncoderTypeFor7BitCharsets", "int", None, nullable=True, choices=(0, 1, 2, 5, 6, 13), documented=False),
    _u("CalendarVersionStoreEnabled", True),
    _u("ComplianceMLBgdCrawlEnabled", False),
    _b("ConnectorsActionableMessagesEnabled", True),
    _b("ConnectorsEnabled", True),
    _b("ConnectorsEnabledForOutlook", True),
    _b("ConnectorsEnabledForSharepoint", True),
    _b("ConnectorsEnabledForTeams", True),
    _b("ConnectorsEnabledForYammer", True),
    _u("CustomerLockboxEnabled", False),
    PropertySpec("DefaultAuthenticationPolicy", "str", None, nullable=True),
    _u("DefaultFolderPermissionRestricted", False),
    PropertySpec("DefaultGroupAccessType", "enum", "Private", choices=("Private", "Public")),
    PropertySpec("DefaultMinutesToReduceLongEventsBy", "int", 10, minimum=0, maximum=29),
    PropertySpec("DefaultMinutesToReduceShortEventsBy", "int", 5, minimum=0, maximum=29),
    PropertySpec("DefaultPublicFolderAgeLimit", "timespan", None, nullable=True, minimum=0),
    PropertySpec("DefaultPublicFolderDeletedItemRetention", "timespan", "30.00:00:00", minimum=0, documented=False),
    PropertySpec("DefaultPublicFolderIssueWarningQuota", "unlimited", "Unlimited", documented=False),
    PropertySpec("DefaultPublicFolderMaxItemSize", "unlimited", "Unlimited", documented=False),
    PropertySpec("DefaultPublicFolderMovedItemRetention", "timespan", "7.00:00:00", minimum=0, documented=False),
    PropertySpec("DefaultPublicFolderProhibitPostQuota", "unlimited", "Unlimited", documented=False),
    _b("DelayedDelicensingEnabled", False),
    _b("DirectReportsGroupAutoCreationEnabled", False),
    _u("DisablePlusAddressInRecipients", False),
    PropertySpec("DistributionGroupDefaultOU", "str", None, nullable=True, documented=False),
    PropertySpec("DistributionGroupNameBlockedWordsList", "list", (), documented=False),
    PropertySpec("DistributionGroupNamingPolicy", "str", None, nullable=True, documented=False),
    _b("DLPViaDcsEnabled", False),
    _b("DLPWaitOnSendEnabled", False),
    PropertySpec("DLPWaitOnSendTimeout", "int", 9999, minimum=_INT16_MIN, maximum=_INT16_MAX),
    _b("ElcProcessingDisabled", False),
    _u("EnableForwardingAddressSyncForMailboxes", False),
    _b("EnableOutlookEvents", False),
    _b("EndUserDLUpgradeFlowsDisabled", False),
    _b("EndUserMailNotificationForDelayedDelicensingEnabled", False),
    _u("EnforceExoAppRbacPermissions", False),
    PropertySpec("EnforceShortenEventSetting", "switch", False, documented=False),
    _b("EwsAllowEntourage", True),
    PropertySpec("EwsAllowList", "list", (), documented=False),
    _u("EwsAllowMacOutlook", None),
    _u("EwsAllowOutlook", None),
    PropertySpec("EwsAllowedAppIDs", "str", None, nullable=True, documented=False),
    PropertySpec(
        "EwsApplicationAccessPolicy", "enum", None, nullable=True, choices=("EnforceAllowList", "EnforceBlockList"),
        documented=False,
    ),
    PropertySpec("EwsBlockList", "list", (), documented=False),
    _b("EwsEnabled", None),
    PropertySpec("ExchangeAttributesCloudManagedByDefault", "switch", False, documented=False),
    PropertySpec("ExchangeAttributesServerManagedByDefault", "switch", False, documented=False),
    _u("ExchangeNotificationEnabled", True),
    PropertySpec("ExchangeNotificationRecipients", "list", (), documented=False),
    _b("FindTimeAttendeeAuthenticationEnabled", False),
    _b("FindTimeAutoScheduleDisabled", False),
    _b("FindTimeLockPollForAttendeesEnabled", False),
    _u("FindTimeOnlineMeetingOptionDisabled", False),
    _u("FocusedInboxOn", True),
    PropertySpec("HierarchicalAddressBookRoot", "str", None, nullable=True),
    _b("HybridRSVPEnabled", True),
    _u("InRegionRoutingEnabled", False),
    PropertySpec("IPListBlocked", "list", (), documented=False),
    _u("IsAgendaMailEnabled", True),
    _b("IsGroupFoldersAndRulesEnabled", False),
    _b("IsGroupMemberAllowedToEditContent", False),
    _b("LeanPopoutEnabled", False),
    _b("LinkPreviewEnabled", True),
    _b("MailTipsAllTipsEnabled", True),
    _b("MailTipsExternalRecipientsTipsEnabled", False),
    _b("MailTipsGroupMetricsEnabled", True),
    PropertySpec("MailTipsLargeAudienceThreshold", "int", 25, minimum=0, maximum=_UINT32_MAX),
    _u("MailTipsMailboxSourcedTipsEnabled", True),
    _u("MaskClientIpInReceivedHeadersEnabled", False),
    _u("MatchSenderOrganizerProperties", False),
    _u("MessageHighlightsEnabled", True),
    _u("MessageRecallAlertRecipientsEnabled", True),
    _u("MessageRecallAlertRecipientsReadMessagesOnlyEnabled", False),
    _u("MessageRecallEnabled", True),
    PropertySpec("MessageRecallMaxRecallableAge", "timespan", None, nullable=True, minimum=0, documented=False),
    _u("MessageRemindersEnabled", True),
    _b("MobileAppEducationEnabled", True),
    _b("OAuth2ClientProfileEnabled", True),
    _b("OnlineMeetingsByDefaultEnabled", None),
    _b("OutlookGifPickerDisabled", False),
    _b("OutlookMobileGCCRestrictionsEnabled", True),
    _u("OutlookMobileHelpShiftEnabled", False),
    _u("OutlookMobileSingleAccountEnabled", False),
    _u("OutlookPayEnabled", True),
    _u("OutlookTextPredictionDisabled", False),
    _u("PerTenantSwitchToESTSEnabled", False),
    _b("PostponeRoamingSignaturesUntilLater", False),
    PropertySpec("PreferredInternetCodePageForShiftJis", "int", None, nullable=True, documented=False),
    _b("PublicComputersDetectionEnabled", False),
    PropertySpec("PublicFoldersEnabled", "enum", "Local", choices=("Local", "Remote", "None"), documented=False),
    _b("PublicFolderShowClientControl", False),
    _b("ReadTrackingEnabled", False),
    _u("RecallReadMessagesEnabled", True),
    _u("RefreshSessionEnabled", False),
    _u("RejectDirectSend", False),
    _b("RecipientDelimiters", True),
    PropertySpec("RemotePublicFolderMailboxes", "list", (), documented=False),
    PropertySpec("RequiredCharsetCoverage", "int", None, nullable=True, minimum=0, maximum=100, documented=False),
    _b("SendFromAliasEnabled", False),
    _u("SharedDomainEmailAddressFlowEnabled", False),
    PropertySpec("SiteMailboxCreationURL", "str", None, nullable=True, documented=False),
    _b("SmtpActionableMessagesEnabled", True),
    _b("TenantAdminNotificationForDelayedDelicensingEnabled", False),
    _u("TwoClickMailPreviewEnabled", False),
    _u("UnblockUnsafeSenderPromptEnabled", True),
    PropertySpec(
        "VisibleMeetingUpdateProperties", "str", "Location,AllProperties:15", check=_check_visible_meeting_properties
    ),
    _b("WebPushNotificationsDisabled", False),
    _b("WebSuggestedRepliesDisabled", False),
    _u("WorkspaceTenantEnabled", False),
]

#: The typed table of OrganizationConfig properties (read-only identity first, then settable).
ORG_CONFIG_PROPERTIES = PropertyTable("OrganizationConfig", _SPECS)


class OrganizationConfig:
    """The tenant's Exchange organization configuration (Get-/Set-OrganizationConfig).

    Values are stored converted (see :mod:`props`); lists are tuples.  Read with
    :meth:`get` or attribute access, list all with :meth:`as_dict`, change through
    ``exchange.set_organization_config`` (authorized and audited) which calls
    :meth:`apply` after validating with :meth:`validate`.
    """

    __slots__ = ("_values", "when_created", "when_changed")

    def __init__(self, name: str, display_name: str, guid: str, when_created: datetime = EPOCH) -> None:
        values = ORG_CONFIG_PROPERTIES.defaults()
        values.update(Name=name, DisplayName=display_name, Identity=name, Guid=guid)
        self._values: dict[str, Any] = values
        self.when_created = when_created
        self.when_changed = when_created

    @staticmethod
    def validate(changes: Mapping[str, Any]) -> dict[str, Any]:
        """Convert and check a change set (unknown, read-only or invalid -> error); nothing is applied."""
        return ORG_CONFIG_PROPERTIES.convert_changes(changes)

    def get(self, name: str) -> Any:
        """The value of ``name`` (any casing); UnknownProperty if there is no such property."""
        return self._values[ORG_CONFIG_PROPERTIES.spec(name).name]

    def apply(self, converted: Mapping[str, Any], when: datetime) -> dict[str, tuple[Any, Any]]:
        """Store already-converted values; returns {name: (old, new)} for the ones that changed."""
        changed: dict[str, tuple[Any, Any]] = {}
        for name, value in converted.items():
            old = self._values[name]
            if old != value:
                changed[name] = (old, value)
            self._values[name] = value
        self.when_changed = when
        return changed

    def as_dict(self) -> dict[str, Any]:
        """All properties in table order, plus WhenChanged/WhenCreated (lists as Python lists)."""
        out = {k: (list(v) if isinstance(v, tuple) else v) for k, v in self._values.items()}
        out["WhenChanged"] = self.when_changed
        out["WhenCreated"] = self.when_created
        return out

    def stored_values(self) -> dict[str, Any]:
        """The raw stored values (for snapshots)."""
        return dict(self._values)

    def load_values(self, values: Mapping[str, Any]) -> None:
        """Replace values from a snapshot, converting each (read-only ones included)."""
        self._values.update(ORG_CONFIG_PROPERTIES.convert_changes(values, allow_read_only=True))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return self.get(name)
        except Exception:
            raise AttributeError(name) from None

    def __repr__(self) -> str:
        return f"<OrganizationConfig {self._values['Name']}>"
