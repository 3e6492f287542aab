"""OrganizationConfig property table, CAS mailboxes and authentication policies."""

from __future__ import annotations

from datetime import timedelta

import pytest
from tenant_testlib import ADMIN, ALEX, JONI, MEGAN, PATTI

from o365shell.tenant import (
    MailboxNotFound,
    PolicyAlreadyExists,
    PolicyNotFound,
    Tenant,
    UnknownProperty,
    ValidationError,
    exchange,
)
from o365shell.tenant.org import AUTH_POLICY_SWITCHES, CAS_MAILBOX_PROPERTIES
from o365shell.tenant.orgconfig import ORG_CONFIG_PROPERTIES


def test_table_has_every_documented_parameter_with_its_default(tenant: Tenant) -> None:
    names = set(ORG_CONFIG_PROPERTIES.names())
    assert len(names) >= 140 and "Confirm" not in names and "WhatIf" not in names
    config = tenant.org_config
    expected = {
        "OAuth2ClientProfileEnabled": True,
        "ActivityBasedAuthenticationTimeoutInterval": "06:00:00",
        "DefaultMinutesToReduceLongEventsBy": 10,
        "DefaultMinutesToReduceShortEventsBy": 5,
        "DLPWaitOnSendTimeout": 9999,
        "MailTipsLargeAudienceThreshold": 25,
        "EwsEnabled": None,
        "OnlineMeetingsByDefaultEnabled": None,
        "DefaultGroupAccessType": "Private",
        "ShortenEventScopeDefault": "None",
        "VisibleMeetingUpdateProperties": "Location,AllProperties:15",
        "BookingsEnabled": False,
        "AuditDisabled": False,
        "EwsBlockList": [],
    }
    shown = config.as_dict()
    for name, value in expected.items():
        assert shown[name] == value, name
    assert shown["Name"] == "contoso.onmicrosoft.com" and "WhenChanged" in shown
    assert config.OAuth2ClientProfileEnabled is True and config.get("oauth2CLIENTprofileenabled") is True
    kinds = {s.name: s.kind for s in ORG_CONFIG_PROPERTIES}
    assert kinds["OAuth2ClientProfileEnabled"] == "bool" and kinds["DLPWaitOnSendTimeout"] == "int"
    assert kinds["EwsAllowList"] == "list" and kinds["ActivityBasedAuthenticationTimeoutInterval"] == "timespan"
    assert [n for n in names if "oauth" in n.lower()] == ["OAuth2ClientProfileEnabled"]


def test_values_are_converted_and_validated(tenant: Tenant) -> None:
    diff = exchange.set_organization_config(tenant, PATTI, {
        "oauth2clientprofileenabled": "$false",
        "ShortenEventScopeDefault": 1,
        "DefaultGroupAccessType": "public",
        "EwsAllowList": "Outlook/*",
        "ActivityBasedAuthenticationTimeoutInterval": timedelta(hours=1),
        "MailTipsLargeAudienceThreshold": "40",
    })
    c = tenant.org_config
    assert c.OAuth2ClientProfileEnabled is False and diff["OAuth2ClientProfileEnabled"] == (True, False)
    assert (c.ShortenEventScopeDefault, c.DefaultGroupAccessType) == ("EndEarly", "Public")
    assert c.EwsAllowList == ("Outlook/*",) and c.as_dict()["EwsAllowList"] == ["Outlook/*"]
    assert c.ActivityBasedAuthenticationTimeoutInterval == "01:00:00" and c.MailTipsLargeAudienceThreshold == 40


@pytest.mark.parametrize(("changes", "error", "phrase"), [
    ({"NoSuchSetting": True}, UnknownProperty, "'NoSuchSetting' is not a property of OrganizationConfig"),
    ({"Name": "fabrikam"}, ValidationError, "read-only"),
    ({"OAuth2ClientProfileEnabled": "perhaps"}, ValidationError, "Boolean"),
    ({"OAuth2ClientProfileEnabled": None}, ValidationError, "null"),
    ({"DefaultMinutesToReduceLongEventsBy": 30}, ValidationError, "between 0 and 29"),
    ({"ActivityBasedAuthenticationTimeoutInterval": "00:01:00"}, ValidationError, "between 00:05:00 and 08:00:00"),
    ({"ActivityBasedAuthenticationTimeoutInterval": "six hours"}, ValidationError, "time span"),
    ({"ByteEncoderTypeFor7BitCharsets": 3}, ValidationError, "0, 1, 2, 5, 6, 13"),
    ({"DefaultGroupAccessType": "Secret"}, ValidationError, "Private, Public"),
    ({"VisibleMeetingUpdateProperties": "Location,Colour"}, ValidationError, "Colour"),
    ({"DLPWaitOnSendTimeout": True}, ValidationError, "integer"),
    ({"DefaultAuthenticationPolicy": "Missing"}, PolicyNotFound, "Missing"),
])
def test_invalid_changes_are_refused_and_nothing_changes(tenant: Tenant, changes: dict, error: type,
                                                         phrase: str) -> None:
    before = tenant.org_config.as_dict()
    with pytest.raises(error, match=phrase.replace("(", r"\(").replace(")", r"\)")):
        exchange.set_organization_config(tenant, PATTI, {"BookingsEnabled": True, **changes})
    assert tenant.org_config.as_dict() == before


def test_nullable_values_and_default_policy(tenant: Tenant) -> None:
    exchange.new_authentication_policy(tenant, PATTI, "Block Basic Auth")
    exchange.set_organization_config(tenant, PATTI, {"EwsEnabled": True, "DefaultAuthenticationPolicy": "block basic auth"})
    assert tenant.org_config.DefaultAuthenticationPolicy == "Block Basic Auth"
    with pytest.raises(ValidationError, match="DefaultAuthenticationPolicy"):
        exchange.remove_authentication_policy(tenant, PATTI, "Block Basic Auth")
    exchange.set_organization_config(tenant, PATTI, {"EwsEnabled": None, "DefaultAuthenticationPolicy": None})
    assert tenant.org_config.EwsEnabled is None
    exchange.remove_authentication_policy(tenant, PATTI, "Block Basic Auth")
    assert tenant.auth_policies == {}


def test_cas_mailbox_defaults_and_changes(tenant: Tenant) -> None:
    box = exchange.get_cas_mailbox(tenant, ADMIN, "alexw")
    shown = box.as_dict()
    assert (shown["Name"], shown["PrimarySmtpAddress"]) == ("AlexW", ALEX)
    for name in ("ActiveSyncEnabled", "OWAEnabled", "PopEnabled", "ImapEnabled", "MAPIEnabled", "EwsEnabled"):
        assert shown[name] is True, name
    assert shown["SmtpClientAuthenticationDisabled"] is None
    exchange.set_cas_mailbox(tenant, PATTI, "Alex Wilber", {"popenabled": False, "ImapEnabled": False,
                                                            "SmtpClientAuthenticationDisabled": True})
    after = exchange.get_cas_mailbox(tenant, ADMIN, ALEX).as_dict()
    assert (after["PopEnabled"], after["ImapEnabled"], after["SmtpClientAuthenticationDisabled"]) == (False, False, True)
    assert exchange.get_cas_mailbox(tenant, ADMIN, MEGAN).settings["PopEnabled"] is True
    exchange.set_cas_mailbox(tenant, PATTI, ALEX, {"PopEnabled": True, "ImapEnabled": True,
                                                   "SmtpClientAuthenticationDisabled": None})
    assert tenant.cas_overrides == {}  # back to defaults: nothing stored per user
    with pytest.raises(UnknownProperty):
        exchange.set_cas_mailbox(tenant, PATTI, ALEX, {"TelnetEnabled": True})
    assert "ActiveSyncEnabled" in CAS_MAILBOX_PROPERTIES


def test_unlicensed_user_has_no_mailbox(tenant: Tenant) -> None:
    with pytest.raises(MailboxNotFound, match="JoniS@contoso.com"):
        exchange.get_cas_mailbox(tenant, ADMIN, JONI)
    listed = [b.user.user_principal_name for b in exchange.iter_cas_mailboxes(tenant, ADMIN)]
    assert JONI not in listed and ALEX in listed and len(listed) == 8


def test_authentication_policies(tenant: Tenant) -> None:
    policy = exchange.new_authentication_policy(tenant, PATTI, "Engineering Group", {"AllowBasicAuthImap": True})
    assert policy.switches["AllowBasicAuthImap"] is True
    assert all(v is False for k, v in policy.switches.items() if k != "AllowBasicAuthImap")
    assert set(policy.as_dict()) >= set(AUTH_POLICY_SWITCHES) | {"Name"}
    with pytest.raises(PolicyAlreadyExists):
        exchange.new_authentication_policy(tenant, PATTI, "engineering group")
    diff = exchange.set_authentication_policy(tenant, PATTI, "Engineering Group",
                                              {"AllowBasicAuthImap": False, "AllowBasicAuthSmtp": True})
    assert diff == {"AllowBasicAuthImap": (True, False), "AllowBasicAuthSmtp": (False, True)}
    with pytest.raises(UnknownProperty):
        exchange.set_authentication_policy(tenant, PATTI, "Engineering Group", {"AllowBasicAuthTelnet": True})
    with pytest.raises(ValidationError):
        exchange.set_authentication_policy(tenant, PATTI, "Engineering Group", {"AllowBasicAuthPop": "yes"})
    with pytest.raises(PolicyNotFound):
        exchange.get_authentication_policies(tenant, ADMIN, "Sales")
    assert [p.name for p in exchange.get_authentication_policies(tenant, ADMIN)] == ["Engineering Group"]
    exchange.new_authentication_policy(tenant, PATTI, "Preview", dry_run=True)
    assert len(tenant.auth_policies) == 1
