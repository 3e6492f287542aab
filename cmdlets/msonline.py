"""MSOnline (Azure AD PowerShell v1) over the simulated tenant: the ``MsolCmdlet`` base class,
Connect-MsolService, and the company information, domain and SKU cmdlets.

The user cmdlets are in ``msonline_users`` (Get-/Set-/New-/Remove-/Restore-MsolUser,
passwords, licenses), the strong authentication ones in ``msonline_mfa``, roles in
``msonline_roles``; the Microsoft.Online.Administration.* .NET types (User with its 61
properties in the real order, StrongAuthenticationRequirement / StrongAuthenticationMethod
and friends) in ``msoltypes``.

Every cmdlet that changes the tenant validates and authorizes the whole request first
(``dry_run``), then applies it, so a refused command changes nothing; the tenant model
writes the audit records. -WhatIf/-Confirm are accepted on every changing cmdlet (a
simulation addition: the real MSOnline cmdlets do not support ShouldProcess).
"""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Parameter, cmdlet
from o365shell.engine.errors import ErrorCategory
from o365shell.engine.pscollections import GenericList

from .msoltypes import EXTENSION_DATA, AccountSKU, CompanyInformation, Domain, StrongAuthenticationMethod
from .tenantsvc import (AccessDeniedException, MicrosoftOnlineException, TenantCmdlet, UserNotFoundException,
                        connections, Connection, set_anchor)

MODULE = "MSOnline"
VERSION = "1.1.183.81"
_NOTES = ("Simulates the MSOnline module (Azure AD PowerShell v1, retired in 2025) against the o365shell "
          "tenant. Needs Connect-MsolService first.")
MORE_RESULTS = "More results are available. Please specify one of the All or MaxResults parameters."


class MsolCmdlet(TenantCmdlet):
    """Base of the MSOnline cmdlets: needs Connect-MsolService; -TenantId is checked."""

    connection = "msonline"
    module = MODULE
    version = VERSION
    notes = _NOTES
    TenantId = Parameter("System.Guid", by_property_name=True,
                         help="The tenant to act on (partners only); the default is the signed-in account's tenant.")

    def begin(self) -> None:
        _ = self.actor
        self.check_tenant_id()

    def fqid_suffix(self) -> str:
        return ",Microsoft.Online.Administration.Automation." + self.name.replace("-Msol", "")

    def exclusive(self, *names: str) -> None:
        """Refuse parameters of two exclusive parameter sets given together (works around the binder)."""
        if all(n in self.bound for n in names):
            from o365shell.engine.errors import ParameterBindingException
            raise self.error("Parameter set cannot be resolved using the specified named parameters. One or more "
                             "parameters issued cannot be used together or an insufficient number of parameters were "
                             "provided.", "AmbiguousParameterSet", ErrorCategory.InvalidArgument, None,
                             ParameterBindingException)

    def check_tenant_id(self) -> None:
        tid = self.TenantId
        if tid is not None and str(tid).lower() != self.tenant.tenant_id.lower():
            raise self.error("Access Denied. You do not have permissions to call this cmdlet.",
                             "Microsoft.Online.Administration.Automation.AccessDeniedException",
                             ErrorCategory.PermissionDenied, str(tid), AccessDeniedException)

    def user_not_found(self, identity: Any) -> None:
        self.write_error(f"User Not Found.  User: {identity}.",
                         "Microsoft.Online.Administration.Automation.UserNotFoundException,"
                         "Microsoft.Online.Administration.Automation." + self.name.replace("-Msol", ""),
                         ErrorCategory.OperationStopped, identity, UserNotFoundException)

    def resolve(self, upn: Any = None, object_id: Any = None, deleted: bool = False) -> Any:
        """The user named by -ObjectId or -UserPrincipalName (None after a 'User Not Found' error)."""
        t = self.tenant
        from o365shell.tenant.errors import UserNotFound
        ident = str(object_id) if object_id is not None else upn
        try:
            if deleted:
                return t.find_deleted_user(ident)
            if object_id is not None:
                return t.user_by_object_id(str(object_id))
            return t.get_user(str(upn))
        except UserNotFound:
            self.user_not_found(ident)
            return None


# ----------------------------------------------------------------------------- connection

@cmdlet("Connect-MsolService", module=MODULE, version=VERSION, default_set="None__0")
class ConnectMsolService(TenantCmdlet):
    """Initiates a connection to Azure Active Directory.

    Signs in to the simulated tenant's directory (the MSOnline module, Azure AD PowerShell v1).
    With -Credential the password is checked against the tenant (a blocked account, a wrong
    password and an MFA-Enforced account are refused as the real module refuses them);
    without it the account and password are prompted for, followed by the verification
    code when the account needs MFA. A tenant operated by 21Vianet needs
    -AzureEnvironment AzureChinaCloud. -AdGraphAccessToken/-MsGraphAccessToken are accepted
    but no token can be validated in the simulation."""

    Credential = Parameter("System.Management.Automation.PSCredential", set="Credential",
                           help="The credential to sign in with (Get-Credential, Get-LabCredential).")
    AdGraphAccessToken = Parameter(str, set="AccessToken", aliases=("AccessToken",),
                                   help="An Azure AD Graph access token.")
    MsGraphAccessToken = Parameter(str, set="AccessToken", help="A Microsoft Graph access token.")
    _None = set_anchor("None__0")
    AzureEnvironment = Parameter(str, validate_set=("AzureCloud", "AzureChinaCloud", "AzureGermanyCloud",
                                                    "USGovernment", "AzureUSGovernment"),
                                 help="The cloud: AzureCloud (default), AzureChinaCloud, AzureGermanyCloud, "
                                      "USGovernment.")
    module = MODULE
    notes = _NOTES
    examples = [("Connect-MsolService", "Prompts for the account and signs in."),
                ("Connect-MsolService -Credential (Get-LabCredential admin@contoso.onmicrosoft.com)",
                 "Signs in with a credential object."),
                ("Connect-MsolService -Credential $Credential -AzureEnvironment AzureChinaCloud",
                 "Signs in to a tenant operated by 21Vianet.")]

    def end(self) -> None:
        tenant = self.tenant
        env = self.AzureEnvironment or "AzureCloud"
        if self.parameter_set_name == "AccessToken" or self.AdGraphAccessToken or self.MsGraphAccessToken:
            raise self.error("Authentication Error: Unexpected authentication failure. The access token could not be "
                             "validated (o365shell issues no tokens; use -Credential or the sign-in prompt).",
                             "0x80048862", ErrorCategory.AuthenticationError, None, MicrosoftOnlineException)
        cloud_ok = env.lower() == str(tenant.cloud).lower()
        if not cloud_ok:
            self.verbose(f"The tenant lives in {tenant.cloud}; this sign-in goes to {env}, where the account does not "
                         "exist.")
        upn = self.sign_in("msonline", self.Credential, None, "Sign in to your account",
                           "Enter your Microsoft 365 (Azure Active Directory) account.", cloud_ok)
        connections(self.ctx)["msonline"] = Connection(upn, env)


# ----------------------------------------------------------------------------- company, domains, SKUs

@cmdlet("Get-MsolCompanyInformation", module=MODULE, version=VERSION)
class GetMsolCompanyInformation(MsolCmdlet):
    """Gets company-level information."""

    outputs = "Microsoft.Online.Administration.CompanyInformation"
    examples = [("Get-MsolCompanyInformation", "Shows the company's information.")]

    def process(self) -> None:
        self.write(CompanyInformation.of(self.tenant.company))


@cmdlet("Get-MsolDomain", module=MODULE, version=VERSION, default_set="ListDomains__0")
class GetMsolDomain(MsolCmdlet):
    """Gets a domain in Azure Active Directory."""

    DomainName = Parameter(str, mandatory=True, by_property_name=True, set="GetDomain__0",
                           help="The fully qualified domain name to get.")
    Status = Parameter(str, set="ListDomains__0", validate_set=("Verified", "Unverified", "PendingDeletion"),
                       help="Only domains with this status.")
    Authentication = Parameter(str, set="ListDomains__0", validate_set=("Managed", "Federated"),
                               help="Only domains with this authentication type.")
    Capability = Parameter(str, set="ListDomains__0",
                           validate_set=("None", "Email", "Sharepoint", "OfficeCommunicationsOnline", "Intune",
                                         "OrgIdAuthentication", "Yammer", "All"),
                           help="Only domains with this capability.")
    outputs = "Microsoft.Online.Administration.Domain"
    examples = [("Get-MsolDomain", "Lists the company's domains."),
                ("Get-MsolDomain -DomainName contoso.com", "Gets one domain.")]

    def process(self) -> None:
        t = self.tenant
        if self.DomainName is not None:
            self.write(Domain.of(self.call(t.domain, self.DomainName, target=self.DomainName)))
            return
        for d in t.domains.values():
            if self.Status and d.status.lower() != self.Status.lower():
                continue
            if self.Authentication and d.authentication.lower() != self.Authentication.lower():
                continue
            if self.Capability and self.Capability.lower() not in ("all",) and \
                    self.Capability.lower() not in d.capabilities.lower():
                continue
            self.write(Domain.of(d))


@cmdlet("Get-MsolAccountSku", module=MODULE, version=VERSION)
class GetMsolAccountSku(MsolCmdlet):
    """Returns all the SKUs for a company."""

    outputs = "Microsoft.Online.Administration.AccountSKU"
    examples = [("Get-MsolAccountSku", "Lists the subscriptions and their license counts."),
                ("Get-MsolAccountSku | Select-Object -ExpandProperty ServiceStatus", "The service plans.")]

    def process(self) -> None:
        t = self.tenant
        self.write_all(AccountSKU.of(t, s) for s in t.skus.values())


_ = (GenericList, EXTENSION_DATA, StrongAuthenticationMethod)
