"""The audit log (Search-UnifiedAuditLog) and the sign-in log (Get-LabSignInLog).

Record types emitted to PowerShell use the real property names (PascalCase).
The log honours the tenant's :class:`~o365shell.tenant.auditconfig.AdminAuditLogConfig`:
while unified audit log ingestion is off, activities are not recorded and searches return
nothing (records kept from before stay, and can be found again once it is back on).
``AuditData`` is a JSON string of details and never contains a secret: callers pass
only property names and non-secret values (a password change is recorded as such,
never with the password).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from .errors import ValidationError

if TYPE_CHECKING:
    from .auditconfig import AdminAuditLogConfig

__all__ = [
    "AuditRecord",
    "AuditLog",
    "SignInResult",
    "SignInLog",
    "RECORD_TYPE_AAD",
    "RECORD_TYPE_EXCHANGE",
    "RECORD_TYPE_SKYPE",
    "Op",
]

#: RecordType of directory (MSOnline / admin center) changes.
RECORD_TYPE_AAD = "AzureActiveDirectory"
#: RecordType of Exchange admin cmdlets.
RECORD_TYPE_EXCHANGE = "ExchangeAdmin"
#: RecordType of Skype for Business Online / Teams admin cmdlets (Set-CsOAuthConfiguration).
RECORD_TYPE_SKYPE = "SkypeForBusinessCmdlets"
_WORKLOADS = {RECORD_TYPE_EXCHANGE: "Exchange", RECORD_TYPE_SKYPE: "SkypeForBusiness"}


class Op:
    """Operation names written to the audit log (close to the real Unified Audit Log ones)."""

    ADD_USER = "Add user."
    UPDATE_USER = "Update user."
    DELETE_USER = "Delete user."
    HARD_DELETE_USER = "Hard Delete user."
    RESTORE_USER = "Restore user."
    RESET_PASSWORD = "Reset user password."
    CHANGE_LICENSE = "Change user license."
    ADD_ROLE_MEMBER = "Add member to role."
    REMOVE_ROLE_MEMBER = "Remove member from role."
    ENABLE_MFA = "Enable Strong Authentication."
    DISABLE_MFA = "Disable Strong Authentication."
    SET_METHODS = "Update user strong authentication methods."
    ADMIN_DELETED_SECURITY_INFO = "Admin deleted security info."
    DELETE_APP_PASSWORDS = "Delete all app passwords."
    RESTORE_REMEMBERED_DEVICES = "Restore multi-factor authentication on remembered devices."
    UPDATE_MFA_SETTINGS = "Update MFA service settings."
    USER_REGISTERED_SECURITY_INFO = "User registered security info."
    USER_CREATED_APP_PASSWORD = "User created app password."
    SET_ORGANIZATION_CONFIG = "Set-OrganizationConfig"
    SET_CAS_MAILBOX = "Set-CASMailbox"
    NEW_AUTH_POLICY = "New-AuthenticationPolicy"
    SET_AUTH_POLICY = "Set-AuthenticationPolicy"
    REMOVE_AUTH_POLICY = "Remove-AuthenticationPolicy"
    SET_CS_OAUTH_CONFIGURATION = "Set-CsOAuthConfiguration"
    SET_ADMIN_AUDIT_LOG_CONFIG = "Set-AdminAuditLogConfig"


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One Unified Audit Log record (Search-UnifiedAuditLog output properties)."""

    Identity: str
    CreationDate: datetime
    UserIds: str
    Operations: str
    RecordType: str
    ObjectId: str | None
    AuditData: str
    ResultStatus: str = "Success"

    def data(self) -> dict[str, Any]:
        """``AuditData`` parsed back into a dict."""
        return json.loads(self.AuditData)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    return str(value)


class AuditLog:
    """Append-only list of :class:`AuditRecord` with :meth:`search`.

    ``config`` (the tenant's AdminAuditLogConfig) switches ingestion: while it is off,
    :meth:`record` keeps nothing and :meth:`search` finds nothing.  Without a config the
    log always records.
    """

    __slots__ = ("_records", "organization_id", "config")

    def __init__(self, organization_id: str = "", config: AdminAuditLogConfig | None = None) -> None:
        self._records: list[AuditRecord] = []
        self.organization_id = organization_id
        self.config = config

    @property
    def ingestion_enabled(self) -> bool:
        """True when activities are recorded and the log can be searched."""
        return self.config is None or self.config.unified_audit_log_ingestion_enabled

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[AuditRecord]:
        return iter(self._records)

    def record(
        self,
        when: datetime,
        actor: str,
        operation: str,
        object_id: str | None = None,
        record_type: str = RECORD_TYPE_AAD,
        modified: dict[str, tuple[Any, Any]] | None = None,
        details: dict[str, Any] | None = None,
    ) -> AuditRecord | None:
        """Append a record; ``modified`` maps property -> (old, new), ``details`` adds fields to AuditData.

        Returns None (nothing is kept) while unified audit log ingestion is off.
        """
        if not self.ingestion_enabled:
            return None
        identity = str(uuid.uuid4())
        data: dict[str, Any] = {
            "CreationTime": when.strftime("%Y-%m-%dT%H:%M:%S"),
            "Id": identity,
            "Operation": operation,
            "OrganizationId": self.organization_id,
            "RecordType": record_type,
            "ResultStatus": "Success",
            "UserKey": actor,
            "UserType": "Admin" if record_type in _WORKLOADS else "Regular",
            "Workload": _WORKLOADS.get(record_type, "AzureActiveDirectory"),
            "ObjectId": object_id,
            "UserId": actor,
        }
        if modified:
            data["ModifiedProperties"] = [
                {"Name": name, "OldValue": old, "NewValue": new} for name, (old, new) in modified.items()
            ]
        if details:
            data.update(details)
        rec = AuditRecord(
            Identity=identity,
            CreationDate=when,
            UserIds=actor,
            Operations=operation,
            RecordType=record_type,
            ObjectId=object_id,
            AuditData=json.dumps(data, default=_json_default, sort_keys=False),
        )
        self._records.append(rec)
        return rec

    def append_record(self, rec: AuditRecord) -> None:
        """Append an existing record (snapshot load)."""
        self._records.append(rec)

    def search(
        self,
        start: datetime,
        end: datetime,
        user_ids: Iterable[str] | None = None,
        operations: Iterable[str] | None = None,
        object_ids: Iterable[str] | None = None,
        record_type: str | None = None,
        result_size: int | None = None,
    ) -> list[AuditRecord]:
        """Records with ``start <= CreationDate <= end``, newest first, filtered case-insensitively.

        ``operations`` match the operation name with or without its trailing period.
        Nothing is found while unified audit log ingestion is off.
        """
        if end < start:
            raise ValidationError("The end date must be later than the start date.", "EndDate", end)
        if not self.ingestion_enabled:
            return []
        users = {u.lower() for u in user_ids} if user_ids else None
        ops = {o.lower().rstrip(".") for o in operations} if operations else None
        objs = {o.lower() for o in object_ids} if object_ids else None
        hits: list[AuditRecord] = []
        for rec in reversed(self._records):
            if not start <= rec.CreationDate <= end:
                continue
            if users is not None and rec.UserIds.lower() not in users:
                continue
            if ops is not None and rec.Operations.lower().rstrip(".") not in ops:
                continue
            if objs is not None and (rec.ObjectId or "").lower() not in objs:
                continue
            if record_type is not None and rec.RecordType.lower() != record_type.lower():
                continue
            hits.append(rec)
            if result_size is not None and len(hits) >= result_size:
                break
        return hits


@dataclass(frozen=True, slots=True)
class SignInResult:
    """The outcome of one simulated sign-in (Invoke-LabSignIn output, Get-LabSignInLog rows).

    ``Result`` is a :class:`~o365shell.tenant.constants.SignInStatus` value,
    ``MfaSatisfiedBy`` a :class:`~o365shell.tenant.constants.MfaSatisfiedBy` value on
    success (None when the sign-in did not succeed), ``Reason`` a sentence naming the
    rule applied.
    """

    UserPrincipalName: str
    Client: str
    Result: str
    Reason: str
    MfaSatisfiedBy: str | None
    DateTime: datetime
    IPAddress: str | None = None
    DeviceId: str | None = None

    @property
    def succeeded(self) -> bool:
        """True when Result is Success."""
        return self.Result == "Success"


class SignInLog:
    """Append-only list of :class:`SignInResult` with :meth:`query`."""

    __slots__ = ("_rows",)

    def __init__(self) -> None:
        self._rows: list[SignInResult] = []

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[SignInResult]:
        return iter(self._rows)

    def append(self, row: SignInResult) -> None:
        """Add a sign-in result."""
        self._rows.append(row)

    def query(self, upn: str | None = None, last: int | None = None) -> Sequence[SignInResult]:
        """Results in time order, optionally for one UPN (any casing) and only the last ``last`` ones."""
        rows: Sequence[SignInResult] = self._rows
        if upn:
            key = upn.lower()
            rows = [r for r in rows if r.UserPrincipalName.lower() == key]
        if last is not None:
            if last < 0:
                raise ValidationError("Last must be zero or more.", "Last", last)
            rows = rows[len(rows) - last:] if last else []
        return list(rows)
