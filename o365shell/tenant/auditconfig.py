"""The Exchange Online admin audit log configuration (the data behind Get-/Set-AdminAuditLogConfig).

One object per tenant, named ``Admin Audit Log Settings``.  The setting that matters online
is ``UnifiedAuditLogIngestionEnabled``: whether user and admin activities are recorded in
the unified audit log (and whether it can be searched).  Auditing is on by default for
Microsoft 365 organizations (Purview, "Turn auditing on or off"), so a new tenant starts
with it on.  The rest of the object shows Exchange Online's fixed values: the older admin
audit logging is always on there and covers every cmdlet and parameter.

Kept apart from the operations (``exchange``) and from the log itself (``audit``): the
:class:`~o365shell.tenant.audit.AuditLog` holds a reference to this object and consults it
before recording or searching.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .users import EPOCH

__all__ = ["ADMIN_AUDIT_LOG_SETTINGS", "AdminAuditLogConfig"]

#: Name (and Identity) of the tenant's single admin audit log configuration object.
ADMIN_AUDIT_LOG_SETTINGS = "Admin Audit Log Settings"
#: How long Exchange's admin audit log keeps entries (EnhancedTimeSpan text; not settable online).
ADMIN_AUDIT_LOG_AGE_LIMIT = "90.00:00:00"


class AdminAuditLogConfig:
    """The tenant's audit configuration: unified audit log ingestion on or off, and since when."""

    __slots__ = ("first_opt_in_date", "unified_audit_log_ingestion_enabled", "when_changed", "when_created")

    def __init__(self, unified_audit_log_ingestion_enabled: bool = True, first_opt_in_date: datetime | None = EPOCH,
                 when_created: datetime = EPOCH, when_changed: datetime = EPOCH) -> None:
        self.unified_audit_log_ingestion_enabled = bool(unified_audit_log_ingestion_enabled)
        #: When ingestion was first turned on (None: never); it does not move when turned on again.
        self.first_opt_in_date = first_opt_in_date
        self.when_created = when_created
        self.when_changed = when_changed

    def switch(self, enabled: bool, when: datetime) -> None:
        """Turn ingestion on or off at ``when`` (the first time on sets the first opt-in date)."""
        self.unified_audit_log_ingestion_enabled = bool(enabled)
        if enabled and self.first_opt_in_date is None:
            self.first_opt_in_date = when
        self.when_changed = when

    def as_dict(self) -> dict[str, Any]:
        """Get-AdminAuditLogConfig's properties in Exchange Online's order (lists as Python lists)."""
        return {
            "AdminAuditLogEnabled": True,
            "LogLevel": "None",
            "TestCmdletLoggingEnabled": False,
            "AdminAuditLogCmdlets": ["*"],
            "AdminAuditLogParameters": ["*"],
            "AdminAuditLogExcludedCmdlets": [],
            "AdminAuditLogAgeLimit": ADMIN_AUDIT_LOG_AGE_LIMIT,
            "UnifiedAuditLogIngestionEnabled": self.unified_audit_log_ingestion_enabled,
            "UnifiedAuditLogFirstOptInDate": self.first_opt_in_date,
            "AdminDisplayName": "",
            "Name": ADMIN_AUDIT_LOG_SETTINGS,
            "Identity": ADMIN_AUDIT_LOG_SETTINGS,
            "Id": ADMIN_AUDIT_LOG_SETTINGS,
            "WhenChanged": self.when_changed,
            "WhenCreated": self.when_created,
            "IsValid": True,
            "ObjectState": "Unchanged",
        }

    def to_state(self) -> dict[str, Any]:
        """Snapshot form."""
        first = self.first_opt_in_date
        return {"unified_audit_log_ingestion_enabled": self.unified_audit_log_ingestion_enabled,
                "first_opt_in_date": first.isoformat() if first is not None else None,
                "when_created": self.when_created.isoformat(), "when_changed": self.when_changed.isoformat()}

    def __repr__(self) -> str:
        return f"<AdminAuditLogConfig UnifiedAuditLogIngestionEnabled={self.unified_audit_log_ingestion_enabled}>"
