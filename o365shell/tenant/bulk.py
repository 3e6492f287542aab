"""The MFA page's bulk update (Invoke-MfaBulkUpdate, Get-MfaBulkUpdateTemplate).

The CSV has the header ``Username,MFA Status`` and one row per user with Enabled,
Enforced or Disabled.  The whole file is verified first (unknown user, bad state,
duplicate user, missing value: each reported with its line number, the header being
line 1); only when every row verifies are the changes applied.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .constants import MfaState
from .errors import AccessDenied, UserNotFound, ValidationError
from .mfa import set_mfa_state
from .model import Tenant, upn_key
from .rbac import Action, authorize
from .users import User

__all__ = [
    "BULK_HEADER",
    "BulkRow",
    "BulkReport",
    "bulk_template",
    "parse_bulk_csv",
    "bulk_update_mfa",
]

BULK_HEADER = ("Username", "MFA Status")


@dataclass(slots=True)
class BulkRow:
    """One verified (or refused) row: Line, Username, requested State, previous state, Status, Message.

    Status is ``Verified`` (dry run / before applying), ``Updated``, ``Unchanged`` or ``Error``.
    """

    Line: int
    Username: str
    State: str
    PreviousState: str | None
    Status: str
    Message: str


@dataclass(slots=True)
class BulkReport:
    """The per-row report; ``applied`` is True only when every row verified and changes were made."""

    rows: list[BulkRow] = field(default_factory=list)
    applied: bool = False

    @property
    def ok(self) -> bool:
        """True when no row has an error."""
        return all(r.Status != "Error" for r in self.rows)

    @property
    def errors(self) -> list[BulkRow]:
        """The rows that failed verification."""
        return [r for r in self.rows if r.Status == "Error"]


def bulk_template() -> str:
    """The CSV template the portal offers for download."""
    return "Username,MFA Status\nuser1@contoso.com,Enabled\nuser2@contoso.com,Enforced\nuser3@contoso.com,Disabled\n"


def parse_bulk_csv(text: str) -> list[dict[str, str]]:
    """Parse the CSV text into rows {"Username", "MFA Status", "_line"}; header checked case-insensitively.

    Raises ValidationError (line 1) when a header column is missing.
    """
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise ValidationError("Line 1: the file is empty; the header must be 'Username,MFA Status'.", "Path") from None
    lowered = [h.lower() for h in header]
    missing = [name for name in BULK_HEADER if name.lower() not in lowered]
    if missing:
        raise ValidationError(
            f"Line 1: the header must be 'Username,MFA Status' (missing {', '.join(missing)}).", "Path", header
        )
    u_index, s_index = lowered.index("username"), lowered.index("mfa status")
    rows: list[dict[str, str]] = []
    for values in reader:
        line = reader.line_num
        if not any(v.strip() for v in values):
            continue
        rows.append({"Username": _cell(values, u_index), "MFA Status": _cell(values, s_index), "_line": str(line)})
    return rows


def _cell(values: list[str], index: int) -> str:
    return values[index].strip() if index < len(values) else ""


def _field(row: Mapping[str, object], name: str) -> str:
    for key, value in row.items():
        if str(key).strip().lower() == name.lower():
            return "" if value is None else str(value).strip()
    return ""


def bulk_update_mfa(
    tenant: Tenant, actor: str, rows: Iterable[Mapping[str, object]], dry_run: bool = False
) -> BulkReport:
    """Verify every row, then (unless ``dry_run`` or any row failed) set each user's MFA state.

    ``rows`` are mappings with ``Username`` and ``MFA Status`` (e.g. from :func:`parse_bulk_csv`
    or Import-Csv); an optional ``_line`` gives the file line, else rows count from line 2.
    Only a Global Administrator may run it (AccessDenied up front).
    """
    authorize(tenant, actor, Action.SET_MFA_STATE)
    report = BulkReport()
    seen: dict[str, int] = {}
    plan: list[tuple[BulkRow, User, MfaState]] = []
    for index, row in enumerate(rows):
        line = int(_field(row, "_line") or index + 2)
        username, raw_state = _field(row, "Username"), _field(row, "MFA Status")
        problem = None
        state: MfaState | None = None
        user = tenant.find_user(username) if username else None
        if not username:
            problem = "the Username is empty"
        elif user is None:
            problem = f"the user '{username}' was not found"
        if problem is None:
            if not raw_state:
                problem = "the MFA Status is empty; use Enabled, Enforced or Disabled"
            else:
                try:
                    state = MfaState.parse(raw_state)
                except ValidationError:
                    problem = f"'{raw_state}' is not a valid MFA Status; use Enabled, Enforced or Disabled"
        key = upn_key(username)
        if problem is None and key in seen:
            problem = f"the user '{username}' already appears on line {seen[key]}"
        if username and key not in seen:
            seen[key] = line
        if problem is None and user is not None:
            try:
                authorize(tenant, actor, Action.SET_MFA_STATE, user)
            except (AccessDenied, UserNotFound) as exc:
                problem = getattr(exc, "reason", str(exc))
        if problem is not None:
            previous = str(user.mfa_state) if user is not None else None
            report.rows.append(BulkRow(line, username, raw_state, previous, "Error", f"Line {line}: {problem}."))
            continue
        assert user is not None and state is not None
        report.rows.append(
            BulkRow(line, user.user_principal_name, str(state), str(user.mfa_state), "Verified", f"Line {line}: verified.")
        )
        plan.append((report.rows[-1], user, state))
    if dry_run or not report.ok:
        return report
    for entry, target, wanted in plan:
        if target.mfa_state == wanted:
            entry.Status, entry.Message = "Unchanged", f"Line {entry.Line}: already {wanted}."
            continue
        set_mfa_state(tenant, actor, target.user_principal_name, str(wanted))
        entry.Status, entry.Message = "Updated", f"Line {entry.Line}: {entry.PreviousState} -> {wanted}."
    report.applied = True
    return report
