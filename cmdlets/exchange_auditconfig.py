"""Exchange Online's admin audit log configuration: Get-AdminAuditLogConfig and
Set-AdminAuditLogConfig, with only the parameters Exchange Online has.

Online, the setting that counts is UnifiedAuditLogIngestionEnabled: whether user and admin
activities go into the unified audit log (Search-UnifiedAuditLog). The on-premises
parameters (-AdminAuditLogEnabled, -AdminAuditLogCmdlets, -DomainController...) do not
exist here, so a script using them gets pwsh's "parameter cannot be found" error, as it
does against the real service. The setting lives on the tenant (o365shell.tenant.auditconfig);
changing it is authorized and audited by o365shell.tenant.exchange.
"""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet

from .exchange import MODULE, VERSION, ExoCmdlet, _exo_type, _show

_TYPE = "Microsoft.Exchange.Data.Directory.SystemConfiguration.AdminAuditLogConfig"
_PROPERTIES = ("AdminAuditLogEnabled", "LogLevel", "TestCmdletLoggingEnabled", "AdminAuditLogCmdlets",
               "AdminAuditLogParameters", "AdminAuditLogExcludedCmdlets", "AdminAuditLogAgeLimit",
               "UnifiedAuditLogIngestionEnabled", "UnifiedAuditLogFirstOptInDate", "AdminDisplayName", "Name",
               "Identity", "Id", "WhenChanged", "WhenCreated", "IsValid", "ObjectState")

#: Get-AdminAuditLogConfig output (a snapshot; shown as a list, like other Exchange objects).
AdminAuditLogConfigObject = _exo_type("AdminAuditLogConfig", _TYPE, _PROPERTIES)

#: Written when ingestion is turned on (the documentation says a message tells you the change
#: can take up to an hour); -Force suppresses it. The wording is ours.
DELAY_WARNING = ("Unified audit log ingestion has been turned on. In Exchange Online the change can take up to 60 "
                 "minutes to take effect; in this simulation activities are recorded from now on.")


def _config_object(config: Any) -> Any:
    return AdminAuditLogConfigObject({k: _show(v) for k, v in config.as_dict().items()})


@cmdlet("Get-AdminAuditLogConfig", module=MODULE, version=VERSION)
class GetAdminAuditLogConfig(ExoCmdlet):
    """Gets the organization's audit logging configuration.

    Returns the single Admin Audit Log Settings object. In Exchange Online, read
    UnifiedAuditLogIngestionEnabled: True means user and admin activities are recorded in
    the unified audit log and Search-UnifiedAuditLog can find them; False means nothing is
    recorded or returned. UnifiedAuditLogFirstOptInDate is when auditing was first turned
    on. Exchange's own admin audit logging is always on online (AdminAuditLogEnabled True,
    every cmdlet and parameter). Exchange Administrators, Global Administrators and Global
    Readers can read it."""

    rbac_action = "READ_EXCHANGE_CONFIG"
    outputs = _TYPE
    examples = [("Get-AdminAuditLogConfig | Format-List UnifiedAuditLogIngestionEnabled",
                 "True when auditing is turned on for the organization."),
                ("if (-not (Get-AdminAuditLogConfig).UnifiedAuditLogIngestionEnabled) { 'Auditing is off' }",
                 "Checks the setting before a script relies on Search-UnifiedAuditLog.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        config = self.xcall(exchange.get_admin_audit_log_config, self.tenant, self.actor)
        self.write(_config_object(config))


@cmdlet("Set-AdminAuditLogConfig", module=MODULE, version=VERSION, should_process=True)
class SetAdminAuditLogConfig(ExoCmdlet):
    """Turns the unified audit log on or off for the organization.

    -UnifiedAuditLogIngestionEnabled $false stops recording user and admin activities in
    the unified audit log, and Search-UnifiedAuditLog then returns nothing; $true records
    them again from that moment on (nothing is recorded for the time it was off). The
    change of status is itself audited. In Exchange Online a change can take up to an hour
    to apply; here it applies at once. Exchange Administrators and Global Administrators
    (Organization Management) can run it. No output."""

    Identity = Parameter(str, position=0, from_pipeline=True, type_label="OrganizationIdParameter",
                         help="Reserved for internal Microsoft use (the organization's settings are the only ones).")
    UnifiedAuditLogIngestionEnabled = Parameter(bool, help="$true records user and admin activities in the unified "
                                                           "audit log and lets you search it; $false stops both.")
    Force = Parameter(Switch, help="Suppress the warning that the change can take a while to apply.")
    LoadBalancerCount = Parameter(int, help="Reserved for internal Microsoft use (no effect).")
    RefreshInterval = Parameter(int, help="Reserved for internal Microsoft use (no effect).")
    rbac_action = "SET_AUDIT_CONFIG"
    examples = [("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true",
                 "Turns auditing on: activities are recorded in the unified audit log from now on."),
                ("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false -WhatIf",
                 "Shows what turning auditing off would do, without changing anything.")]

    def process(self) -> None:
        from o365shell.tenant import exchange
        from o365shell.tenant.auditconfig import ADMIN_AUDIT_LOG_SETTINGS
        t = self.tenant
        actor = self.actor
        value = self.bound.get("UnifiedAuditLogIngestionEnabled")
        if value is None:
            self.xcall(exchange.get_admin_audit_log_config, t, actor)
            self.warn(f"The command completed successfully but no settings of '{ADMIN_AUDIT_LOG_SETTINGS}' have "
                      "been modified.")
            return
        change = self.xcall(exchange.set_admin_audit_log_config, t, actor, value, dry_run=True,
                            target=ADMIN_AUDIT_LOG_SETTINGS)
        if not self.should_process(ADMIN_AUDIT_LOG_SETTINGS):
            return
        if change is None:
            self.warn(f"The command completed successfully but no settings of '{ADMIN_AUDIT_LOG_SETTINGS}' have "
                      "been modified.")
            return
        self.xcall(exchange.set_admin_audit_log_config, t, actor, value, target=ADMIN_AUDIT_LOG_SETTINGS)
        if value and not self.Force:
            self.warn(DELAY_WARNING)
