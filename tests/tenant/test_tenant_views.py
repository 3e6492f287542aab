"""PowerShell-facing views: MSOnline objects and Graph shapes, without secrets."""

from __future__ import annotations

from tenant_testlib import ALEX, ALEX_SECRET, JONI, MEGAN, PATTI, code_at, step

from o365shell.tenant import Tenant
from o365shell.tenant.graphviews import (
    PASSWORD_METHOD_ID,
    PHONE_SLOT_IDS,
    graph_authentication_methods,
    graph_requirement,
    graph_user_view,
)
from o365shell.tenant.otp import verify_totp
from o365shell.tenant.views import account_sku_view, company_view, domain_view, role_view

COMPANY_FIELDS = {
    "AuthorizedServiceInstances", "City", "CompanyType", "Country", "CountryLetterCode", "DapEnabled",
    "DirectorySynchronizationEnabled", "DirSyncServiceAccount", "DisplayName", "InitialDomain", "LastDirSyncTime",
    "LastPasswordSyncTime", "PasswordSynchronizationEnabled", "MarketingNotificationEmails", "ObjectId", "PostalCode",
    "PreferredLanguage", "State", "Street", "TechnicalNotificationEmails", "TelephoneNumber",
    "UsersPermissionToCreateGroupsEnabled", "UsersPermissionToCreateLOBAppsEnabled",
    "UsersPermissionToReadOtherUsersEnabled", "UsersPermissionToUserConsentToAppEnabled",
}


def test_company_domain_sku_and_role_views(tenant: Tenant) -> None:
    company = company_view(tenant.company)
    assert set(company) - {"ExtensionData"} == COMPANY_FIELDS
    assert company["InitialDomain"] == "contoso.onmicrosoft.com" and company["DirectorySynchronizationEnabled"] is False
    domain = domain_view(tenant.domain("CONTOSO.COM"))
    assert {k: domain[k] for k in ("Name", "Status", "Authentication", "IsDefault", "IsInitial")} == {
        "Name": "contoso.com", "Status": "Verified", "Authentication": "Managed", "IsDefault": True, "IsInitial": False}
    sku = account_sku_view(tenant, tenant.sku("contoso:EMS"))  # type: ignore[arg-type]
    assert (sku["AccountName"], sku["WarningUnits"], sku["SkuId"]) == ("contoso", 0, "efccb6f7-5641-4e0e-bd10-b4976e1bf68e")
    ga = role_view(tenant.role("Global Administrator"))
    assert (ga["Name"], ga["ObjectId"], ga["IsSystem"]) == ("Company Administrator",
                                                           "62e90394-69f5-4237-9190-012177145e10", True)


def test_graph_methods_and_requirement(tenant: Tenant) -> None:
    alex = graph_authentication_methods(tenant.get_user(ALEX))
    assert [m["AdditionalProperties"]["@odata.type"] for m in alex] == [
        "#microsoft.graph.passwordAuthenticationMethod", "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod"]
    assert alex[0]["Id"] == PASSWORD_METHOD_ID and ALEX_SECRET not in repr(alex)
    patti = graph_authentication_methods(tenant.get_user(PATTI))
    assert patti[1]["Id"] == PHONE_SLOT_IDS["mobile"]
    assert patti[1]["AdditionalProperties"]["phoneNumber"] == "+1 4255550101"
    assert [m["Id"] for m in graph_authentication_methods(tenant.get_user(MEGAN))] == [PASSWORD_METHOD_ID]
    assert graph_requirement(tenant.get_user(ALEX)) == {"PerUserMfaState": "enforced"}
    assert graph_requirement(tenant.get_user(MEGAN)) == {"PerUserMfaState": "disabled"}
    user = graph_user_view(tenant.get_user(JONI))
    assert (user["DisplayName"], user["Mail"], user["JobTitle"]) == ("Joni Sherman", None, "Paralegal")


def test_verify_totp_is_the_only_use_of_the_secret(tenant: Tenant) -> None:
    alex = tenant.get_user(ALEX)
    assert ALEX_SECRET not in repr(alex)
    code = code_at(tenant, ALEX_SECRET)
    assert verify_totp(alex, code, tenant.now()) is True
    assert verify_totp(alex, code, tenant.now()) is False  # consumed
    step(tenant)
    assert verify_totp(alex, code_at(tenant, ALEX_SECRET), tenant.now()) is True
    assert verify_totp(tenant.get_user(MEGAN), "123456", tenant.now()) is False
