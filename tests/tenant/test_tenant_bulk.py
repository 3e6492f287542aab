"""Bulk update by CSV: verify every row first, report with line numbers, apply only when all verify."""

from __future__ import annotations

import pytest
from tenant_testlib import ADMIN, ALEX, LEE, MEGAN, PATTI

from o365shell.tenant import (
    AccessDenied,
    MfaState,
    Tenant,
    ValidationError,
    bulk_template,
    bulk_update_mfa,
    parse_bulk_csv,
)


def states(tenant: Tenant) -> dict[str, str]:
    return {u.user_principal_name: str(u.mfa_state) for u in tenant.iter_users()}


def test_good_file_applies_and_reports_each_row(tenant: Tenant) -> None:
    rows = parse_bulk_csv("Username,MFA Status\nmeganb@contoso.com,Enforced\nAlexW@contoso.com,disabled\n"
                          "PattiF@contoso.com,Enabled\n")
    report = bulk_update_mfa(tenant, ADMIN, rows)
    assert report.ok and report.applied
    assert [(r.Line, r.Username, r.PreviousState, r.State, r.Status) for r in report.rows] == [
        (2, MEGAN, "Disabled", "Enforced", "Updated"),
        (3, ALEX, "Enforced", "Disabled", "Updated"),
        (4, PATTI, "Enabled", "Enabled", "Unchanged"),
    ]
    assert tenant.get_user(MEGAN).mfa_state == MfaState.ENFORCED
    assert tenant.get_user(ALEX).mfa_state == MfaState.DISABLED


def test_any_bad_row_stops_everything_and_each_is_reported(tenant: Tenant) -> None:
    before = states(tenant)
    text = ("Username,MFA Status\n"
            "MeganB@contoso.com,Enforced\n"
            "ghost@contoso.com,Enabled\n"
            "AlexW@contoso.com,Sometimes\n"
            "\n"
            "meganb@CONTOSO.com,Disabled\n"
            ",Enabled\n"
            "LeeG@contoso.com,\n")
    report = bulk_update_mfa(tenant, ADMIN, parse_bulk_csv(text))
    assert not report.ok and not report.applied
    assert states(tenant) == before
    errors = {r.Line: r.Message for r in report.errors}
    assert sorted(errors) == [3, 4, 6, 7, 8]
    assert "'ghost@contoso.com' was not found" in errors[3]
    assert "'Sometimes' is not a valid MFA Status" in errors[4]
    assert "already appears on line 2" in errors[6]
    assert "Username is empty" in errors[7]
    assert "MFA Status is empty" in errors[8]
    assert all(m.startswith(f"Line {line}:") for line, m in errors.items())
    assert report.rows[0].Status == "Verified"


def test_dry_run_verifies_only(tenant: Tenant) -> None:
    report = bulk_update_mfa(tenant, ADMIN, [{"Username": MEGAN, "MFA Status": "Enabled"}], dry_run=True)
    assert report.ok and not report.applied and report.rows[0].Status == "Verified" and report.rows[0].Line == 2
    assert tenant.get_user(MEGAN).mfa_state == MfaState.DISABLED


def test_import_csv_style_rows_with_odd_header_case(tenant: Tenant) -> None:
    report = bulk_update_mfa(tenant, ADMIN, [{"username": " MeganB@contoso.com ", "mfa status": "ENABLED"}])
    assert report.applied and tenant.get_user(MEGAN).mfa_state == MfaState.ENABLED


def test_only_global_admin_may_bulk_update(tenant: Tenant) -> None:
    with pytest.raises(AccessDenied):
        bulk_update_mfa(tenant, LEE, [{"Username": MEGAN, "MFA Status": "Enabled"}])
    assert tenant.get_user(MEGAN).mfa_state == MfaState.DISABLED


def test_header_is_checked(tenant: Tenant) -> None:
    with pytest.raises(ValidationError, match="Line 1: the header must be 'Username,MFA Status'"):
        parse_bulk_csv("User,State\nMeganB@contoso.com,Enabled\n")
    with pytest.raises(ValidationError, match="empty"):
        parse_bulk_csv("")
    rows = parse_bulk_csv("\ufeffusername , MFA STATUS\nMeganB@contoso.com,Enabled\n")
    assert rows == [{"Username": "MeganB@contoso.com", "MFA Status": "Enabled", "_line": "2"}]


def test_template_is_a_valid_file(tenant: Tenant) -> None:
    rows = parse_bulk_csv(bulk_template())
    assert [r["MFA Status"] for r in rows] == ["Enabled", "Enforced", "Disabled"]
    report = bulk_update_mfa(tenant, ADMIN, rows, dry_run=True)
    assert [r.Line for r in report.errors] == [2, 3, 4]  # the sample users do not exist in Contoso
