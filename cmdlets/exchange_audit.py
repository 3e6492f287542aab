"""Search-UnifiedAuditLog: the tenant's audit records through Exchange Online.

While unified audit log ingestion is off (Set-AdminAuditLogConfig
-UnifiedAuditLogIngestionEnabled $false) nothing is recorded and a search returns no
records; the cmdlet then warns why (:data:`INGESTION_OFF_WARNING`, our wording: the
documentation only says no results are returned)."""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet

from .exchange import MODULE, VERSION, AuditEventObject, ExoCmdlet
from .tenantsvc import connection, to_net_datetime

#: The warning of a search while ingestion is off.
INGESTION_OFF_WARNING = ("Unified audit log ingestion is turned off for this organization, so no audit records are "
                         "returned. Turn it on with Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true; "
                         "activities are recorded from then on.")


# ----------------------------------------------------------------------------- audit log

def _ex_datetime(value: Any) -> datetime:
    """An ExDateTime argument: a date/time without a zone is UTC (as Search-UnifiedAuditLog reads it)."""
    from o365shell.engine.conversion import to_string
    from o365shell.engine.netlib.datetime import DateTime, DateTimeKind
    from o365shell.engine.types import resolve
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if not isinstance(value, DateTime):
        t = resolve("datetime")
        assert t is not None
        value = t.convert(to_string(value))
    if value.Kind == DateTimeKind.Unspecified:
        return value.to_datetime().replace(tzinfo=timezone.utc)
    return value.to_utc_datetime()


@cmdlet("Search-UnifiedAuditLog", module=MODULE, version=VERSION)
class SearchUnifiedAuditLog(ExoCmdlet):
    """Searches the unified audit log.

    Returns the audit records created between -StartDate and -EndDate (UTC when no zone is
    given), newest first, optionally only those of some -UserIds, -Operations, -ObjectIds or
    -RecordType (AzureActiveDirectory for directory and MFA changes, ExchangeAdmin for
    Exchange cmdlets). At most -ResultSize records (100 by default, 5000 at most);
    -SessionId with -SessionCommand ReturnLargeSet pages through larger results. While
    auditing is turned off (Get-AdminAuditLogConfig shows UnifiedAuditLogIngestionEnabled
    False) nothing is returned, with a warning."""

    StartDate = Parameter(object, mandatory=True, help="The start of the date range (UTC without a zone).")
    EndDate = Parameter(object, mandatory=True, help="The end of the date range (UTC without a zone).")
    UserIds = Parameter(list[str], help="Only records of these users (UPNs).")
    Operations = Parameter(list[str], help="Only these operations, e.g. 'Set-OrganizationConfig'.")
    ObjectIds = Parameter(list[str], help="Only records about these objects.")
    RecordType = Parameter(str, help="Only this record type (AzureActiveDirectory, ExchangeAdmin...).")
    ResultSize = Parameter(int, validate_range=(1, 5000), help="The maximum number of records (default 100).")
    SessionId = Parameter(str, help="Pages through results when the same SessionId is used again.")
    SessionCommand = Parameter(str, validate_set=("ReturnLargeSet", "ReturnNextPreviewPage"),
                               help="ReturnLargeSet or ReturnNextPreviewPage.")
    Formatted = Parameter(Switch, help="Return descriptive strings.")
    FreeText = Parameter(str, help="Only records whose AuditData contains this text.")
    HighCompleteness = Parameter(Switch, help="Prefer completeness to speed.")
    IPAddresses = Parameter(list[str], help="Only records from these IP addresses.")
    LegacyFlow = Parameter(Switch, help="Reserved.")
    LongerRetentionEnabled = Parameter(str, help="Reserved.")
    SiteIds = Parameter(list[str], help="Only records of these SharePoint sites.")
    rbac_action = "SEARCH_AUDIT_LOG"
    outputs = "Microsoft.Exchange.Management.SystemConfigurationTasks.UnifiedAuditLogEvent"
    examples = [("Search-UnifiedAuditLog -StartDate (Get-Date).AddDays(-1) -EndDate (Get-Date) "
                 "-UserIds admin@contoso.onmicrosoft.com", "What the admin changed in the last day."),
                ("Search-UnifiedAuditLog -StartDate 1/1/2024 -EndDate 12/31/2030 -Operations Set-OrganizationConfig",
                 "Every Set-OrganizationConfig.")]

    def end(self) -> None:
        t = self.tenant
        _ = self.actor
        start, end = _ex_datetime(self.StartDate), _ex_datetime(self.EndDate)
        size = self.ResultSize or (5000 if self.SessionCommand == "ReturnLargeSet" and self.ResultSize else 100)
        hits = self.xcall(t.audit.search, start, end, user_ids=self.UserIds, operations=self.Operations,
                          object_ids=self.ObjectIds, record_type=self.RecordType)
        if not t.audit.ingestion_enabled:
            self.warn(INGESTION_OFF_WARNING)
            return
        if self.FreeText:
            hits = [h for h in hits if self.FreeText.lower() in h.AuditData.lower()]
        if self.IPAddresses or self.SiteIds:
            hits = []
        offset = 0
        if self.SessionId:
            conn = connection(self.ctx, "exchange")
            sessions = conn.extra.setdefault("AuditSessions", {}) if conn is not None else {}
            offset = sessions.get(self.SessionId, 0)
            sessions[self.SessionId] = offset + size
        page = hits[offset:offset + size]
        for i, rec in enumerate(page, start=offset + 1):
            self.write(AuditEventObject({
                "RecordType": rec.RecordType, "CreationDate": to_net_datetime(rec.CreationDate),
                "UserIds": rec.UserIds, "Operations": rec.Operations, "AuditData": rec.AuditData,
                "ResultIndex": i, "ResultCount": len(hits), "Identity": rec.Identity, "IsValid": True,
                "ObjectState": "Unchanged"}))
