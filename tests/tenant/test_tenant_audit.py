"""Audit records for every change, searchable, with no secret in AuditData."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from tenant_testlib import (
    ADELE,
    ADMIN,
    ALEX,
    DIEGO,
    LEE,
    MEGAN,
    PASSWORD,
    PATTI,
    code_at,
)

from o365shell.tenant import (
    AccessDenied,
    Tenant,
    ValidationError,
    directory,
    exchange,
    mfa,
    provisioning,
)
from o365shell.tenant.audit import Op


def _window(tenant: Tenant) -> tuple:
    return tenant.now() - timedelta(days=1), tenant.now() + timedelta(days=1)


def test_each_change_writes_one_record_with_actor_and_target(tenant: Tenant) -> None:
    start = len(tenant.audit)
    mfa.set_mfa_state(tenant, ADMIN, MEGAN, "Enabled")
    mfa.set_mfa_state(tenant, ADMIN, MEGAN, "Disabled")
    directory.update_user(tenant, LEE, MEGAN, {"Department": "Finance"})
    mfa.require_reregistration(tenant, DIEGO, ALEX)
    exchange.set_organization_config(tenant, PATTI, {"OAuth2ClientProfileEnabled": False})
    mfa.set_mfa_service_settings(tenant, ADMIN, remember_mfa_days=30)
    records = list(tenant.audit)[start:]
    assert [(r.UserIds, r.Operations, r.ObjectId) for r in records] == [
        (ADMIN, Op.ENABLE_MFA, MEGAN),
        (ADMIN, Op.DISABLE_MFA, MEGAN),
        (LEE, Op.UPDATE_USER, MEGAN),
        (DIEGO, Op.ADMIN_DELETED_SECURITY_INFO, ALEX),
        (PATTI, "Set-OrganizationConfig", "contoso.onmicrosoft.com"),
        (ADMIN, Op.UPDATE_MFA_SETTINGS, "MfaServiceSettings"),
    ]
    assert all(r.CreationDate == tenant.now() for r in records)
    assert records[4].RecordType == "ExchangeAdmin" and records[0].RecordType == "AzureActiveDirectory"
    update = records[2].data()
    assert update["ModifiedProperties"] == [{"Name": "Department", "OldValue": "Marketing", "NewValue": "Finance"}]
    assert update["UserId"] == LEE and update["Operation"] == "Update user."
    assert records[4].data()["Parameters"] == [{"Name": "OAuth2ClientProfileEnabled", "Value": False}]
    assert records[5].data()["ModifiedProperties"][0] == {"Name": "remember_mfa_days", "OldValue": 90, "NewValue": 30}


def test_failed_denied_or_dry_run_calls_write_nothing(tenant: Tenant) -> None:
    start = len(tenant.audit)
    with pytest.raises(AccessDenied):
        mfa.set_mfa_state(tenant, LEE, MEGAN, "Enabled")
    with pytest.raises(ValidationError):
        mfa.set_mfa_state(tenant, ADMIN, MEGAN, "Sometimes")
    mfa.set_mfa_state(tenant, ADMIN, MEGAN, "Enforced", dry_run=True)
    exchange.set_organization_config(tenant, ADMIN, {"BookingsEnabled": True}, dry_run=True)
    directory.update_user(tenant, ADMIN, MEGAN, {"City": "Pittsburgh"})  # no actual change
    assert len(tenant.audit) == start


def test_user_side_changes_are_audited_with_the_user_as_actor(tenant: Tenant) -> None:
    mfa.set_mfa_service_settings(tenant, ADMIN, allow_app_passwords=True)
    reg = provisioning.register_authenticator_app(tenant, ADELE, PASSWORD)
    provisioning.confirm_authenticator_app(tenant, ADELE, code_at(tenant, reg.Secret))
    app = provisioning.create_app_password(tenant, ADELE, PASSWORD, "Mail")
    start, end = (tenant.now() - timedelta(minutes=1), tenant.now())
    mine = tenant.audit.search(start, end, user_ids=[ADELE.lower()])
    assert [r.Operations for r in mine] == [Op.USER_CREATED_APP_PASSWORD, Op.USER_REGISTERED_SECURITY_INFO]
    registered = mine[1].data()
    assert registered["MethodType"] == "PhoneAppOTP"
    assert registered["ModifiedProperties"][0]["NewValue"] == "Enforced"
    everything = "".join(r.AuditData for r in tenant.audit)
    assert reg.Secret not in everything and app.Password not in everything


def test_passwords_never_appear_in_audit_data(tenant: Tenant) -> None:
    created = directory.create_user(tenant, ADMIN, "Temp@contoso.com", "Temp", password="Secret!Pass12")
    new = directory.reset_password(tenant, ADMIN, "Temp@contoso.com")
    everything = "".join(r.AuditData for r in tenant.audit)
    assert created.password not in everything and new not in everything and PASSWORD not in everything
    ops = [r.Operations for r in tenant.audit]
    assert ops[-2:] == [Op.ADD_USER, Op.RESET_PASSWORD]


def test_search_filters_and_order(tenant: Tenant) -> None:
    mfa.set_mfa_state(tenant, ADMIN, MEGAN, "Enabled")
    tenant.clock.advance(timedelta(hours=2))
    directory.update_user(tenant, LEE, MEGAN, {"Title": "Lead"})
    tenant.clock.advance(timedelta(hours=2))
    exchange.set_cas_mailbox(tenant, PATTI, MEGAN, {"OWAEnabled": False})
    start, end = _window(tenant)
    everything = tenant.audit.search(start, end)
    assert [r.UserIds for r in everything] == [PATTI, LEE, ADMIN]  # newest first
    assert [r.UserIds for r in tenant.audit.search(start, end, operations=["update user"])] == [LEE]
    assert [r.Operations for r in tenant.audit.search(start, end, operations=["Set-CASMailbox"])] == ["Set-CASMailbox"]
    assert len(tenant.audit.search(start, end, user_ids=["adminX@contoso.com"])) == 0
    recent = tenant.audit.search(tenant.now() - timedelta(hours=3), tenant.now())
    assert [r.UserIds for r in recent] == [PATTI, LEE]
    assert len(tenant.audit.search(start, end, result_size=1)) == 1
    assert len(tenant.audit.search(start, end, object_ids=[MEGAN.upper()])) == 3
    with pytest.raises(ValidationError):
        tenant.audit.search(end, start)


def test_audit_data_is_json_with_the_usual_fields(tenant: Tenant) -> None:
    mfa.set_mfa_state(tenant, ADMIN, MEGAN, "Enabled")
    data = json.loads(list(tenant.audit)[-1].AuditData)
    for key in ("CreationTime", "Id", "Operation", "OrganizationId", "RecordType", "UserId", "Workload", "ObjectId"):
        assert key in data
    assert data["OrganizationId"] == tenant.tenant_id
