"""Get-/Set-AdminAuditLogConfig through the shell: Exchange Online's parameters only, unified audit
log ingestion on by default, and what turning it off does to recording and Search-UnifiedAuditLog."""
from __future__ import annotations

import json

from tc_support import ADMIN, EXCHANGE_ADMIN, PLAIN_USER, T, cred

SEARCH = "Search-UnifiedAuditLog -StartDate 2024-01-01 -EndDate 2025-01-01"
OFF_WARNING = ("WARNING: Unified audit log ingestion is turned off for this organization, so no audit records are "
               "returned. Turn it on with Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true; "
               "activities are recorded from then on.\n")
ON_WARNING = ("WARNING: Unified audit log ingestion has been turned on. In Exchange Online the change can take up "
              "to 60 minutes to take effect; in this simulation activities are recorded from now on.\n")
UNCHANGED = ("WARNING: The command completed successfully but no settings of 'Admin Audit Log Settings' have been "
             "modified.\n")


def not_recognized(name: str) -> str:
    return (f"{name}: The term '{name}' is not recognized as a name of a cmdlet, function, script file, or "
            "executable program.\nCheck the spelling of the name, or if a path was included, verify that the path "
            "is correct and try again.\n")


def ingestion(t: T) -> bool:
    return t.tenant.audit_config.unified_audit_log_ingestion_enabled


def test_cmdlets_exist_only_after_connect_exchangeonline():
    t = T()
    assert t.err("Get-AdminAuditLogConfig") == not_recognized("Get-AdminAuditLogConfig")
    assert t.err("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false") == \
        not_recognized("Set-AdminAuditLogConfig")
    assert ingestion(t)
    t.exo()
    assert t.ok("(Get-AdminAuditLogConfig).Name") == "Admin Audit Log Settings\n"
    assert t.ok("(Get-Command Set-AdminAuditLogConfig).Source") == "ExchangeOnlineManagement\n"


def test_defaults_of_the_contoso_tenant():
    t = T().exo()
    out = t.ok("Get-AdminAuditLogConfig")
    lines = [ln for ln in out.splitlines() if ln.strip()]
    assert lines[0] == "AdminAuditLogEnabled            : True"
    for expected in ("AdminAuditLogCmdlets            : {*}", "AdminAuditLogParameters         : {*}",
                     "AdminAuditLogExcludedCmdlets    : {}", "AdminAuditLogAgeLimit           : 90.00:00:00",
                     "LogLevel                        : None", "TestCmdletLoggingEnabled        : False",
                     "UnifiedAuditLogIngestionEnabled : True", "Identity                        : Admin Audit Log Settings",
                     "UnifiedAuditLogFirstOptInDate   : 9/1/2023 8:00:00 AM"):
        assert expected in lines, expected
    assert t.ok("Get-AdminAuditLogConfig | Format-List UnifiedAuditLogIngestionEnabled") == \
        "\nUnifiedAuditLogIngestionEnabled : True\n\n"
    assert t.ok("Get-AdminAuditLogConfig | FL UnifiedAuditLogIngestionEnabled") == \
        "\nUnifiedAuditLogIngestionEnabled : True\n\n"
    assert t.ok("(Get-AdminAuditLogConfig).GetType().FullName") == \
        "Microsoft.Exchange.Data.Directory.SystemConfiguration.AdminAuditLogConfig\n"
    assert t.ok("(Get-AdminAuditLogConfig).UnifiedAuditLogIngestionEnabled -is [bool]") == "True\n"


def test_on_premises_parameters_do_not_exist():
    t = T().exo()
    before = len(t.tenant.audit)
    assert t.err("Set-AdminAuditLogConfig -AdminAuditLogEnabled $true") == (
        "Set-AdminAuditLogConfig: A parameter cannot be found that matches parameter name 'AdminAuditLogEnabled'.\n")
    assert "matches parameter name 'AdminAuditLogCmdlets'" in \
        t.err("Set-AdminAuditLogConfig -AdminAuditLogCmdlets * -AdminAuditLogParameters *")
    assert "matches parameter name 'DomainController'" in t.err("Get-AdminAuditLogConfig -DomainController DC1")
    assert ingestion(t) and len(t.tenant.audit) == before


def test_turning_ingestion_off_stops_recording_and_searching():
    t = T().msol().exo()
    t.ok("Set-OrganizationConfig -OAuth2ClientProfileEnabled $false")
    assert t.ok("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false") == ""
    assert t.ok("(Get-AdminAuditLogConfig).UnifiedAuditLogIngestionEnabled") == "False\n"
    # the change of status is itself audited (just before recording stops)
    last = list(t.tenant.audit)[-1]
    assert last.Operations == "Set-AdminAuditLogConfig" and last.RecordType == "ExchangeAdmin"
    assert last.ObjectId == "Admin Audit Log Settings"
    assert last.data()["Parameters"] == [{"Name": "UnifiedAuditLogIngestionEnabled", "Value": "False"}]
    count = len(t.tenant.audit)
    t.ok("Set-OrganizationConfig -OAuth2ClientProfileEnabled $true; "
         "Set-MsolUser -UserPrincipalName MeganB@contoso.com -City Boston")
    assert len(t.tenant.audit) == count, "activities were recorded while ingestion was off"
    r = t.run(SEARCH)
    assert r.stdout == "" and r.stderr == OFF_WARNING
    assert t.run(f"@({SEARCH} -WarningAction SilentlyContinue).Count").stdout == "0\n"
    assert "end date must be later" in t.err("Search-UnifiedAuditLog -StartDate 2024-03-02 -EndDate 2024-03-01")


def test_turning_ingestion_on_again_records_from_then_on():
    t = T().exo()
    t.ok("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false")
    t.ok("Set-CASMailbox AlexW@contoso.com -PopEnabled $false")          # not recorded: ingestion is off
    r = t.run("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true")
    assert r.stdout == "" and r.stderr == ON_WARNING
    assert t.ok("(Get-AdminAuditLogConfig).UnifiedAuditLogIngestionEnabled") == "True\n"
    assert t.ok("(Get-AdminAuditLogConfig).UnifiedAuditLogFirstOptInDate.Year") == "2023\n"  # the first time
    t.ok("Set-OrganizationConfig -OAuth2ClientProfileEnabled $false")
    ops = t.objs(f"{SEARCH} | ForEach-Object Operations")
    assert ops == ["Set-OrganizationConfig", "Set-AdminAuditLogConfig", "Set-AdminAuditLogConfig"]
    values = t.objs(f"{SEARCH} -Operations Set-AdminAuditLogConfig | "
                    "ForEach-Object { ($_.AuditData | ConvertFrom-Json).Parameters[0].Value }")
    assert values == ["True", "False"]
    assert "Set-CASMailbox" not in t.audit_ops()
    # -Force suppresses the warning
    t.ok("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false")
    assert t.run("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true -Force").stderr == ""


def test_whatif_and_unchanged_values_change_nothing():
    t = T().exo()
    before = len(t.tenant.audit)
    out = t.ok("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false -WhatIf")
    assert out == 'What if: Performing the operation "Set-AdminAuditLogConfig" on target "Admin Audit Log Settings".\n'
    assert ingestion(t) and len(t.tenant.audit) == before
    assert t.run("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true").stderr == UNCHANGED
    assert t.run("Set-AdminAuditLogConfig").stderr == UNCHANGED
    assert len(t.tenant.audit) == before
    # the object from Get-AdminAuditLogConfig may be piped in (Identity is reserved)
    t.ok("Get-AdminAuditLogConfig | Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false")
    assert not ingestion(t)


def test_roles():
    t = T().exo(EXCHANGE_ADMIN)
    t.ok("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false")
    assert not ingestion(t)
    assert t.audit_ops(EXCHANGE_ADMIN) == ["Set-AdminAuditLogConfig"]

    t = T().exo(PLAIN_USER)
    assert t.err("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false") == \
        not_recognized("Set-AdminAuditLogConfig")
    assert t.err("Get-AdminAuditLogConfig") == not_recognized("Get-AdminAuditLogConfig")
    assert ingestion(t) and "Set-AdminAuditLogConfig" not in t.audit_ops()

    t = T().msol()
    t.ok("Add-MsolRoleMember -RoleName 'Global Reader' -RoleMemberEmailAddress JoniS@contoso.com")
    t.ok(f"Connect-ExchangeOnline -Credential {cred('JoniS@contoso.com')} -ShowBanner:$false")
    assert t.ok("(Get-AdminAuditLogConfig).UnifiedAuditLogIngestionEnabled") == "True\n"
    assert t.err("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false") == \
        not_recognized("Set-AdminAuditLogConfig")
    assert ingestion(t)


def test_snapshot_round_trip_and_older_snapshots(tmp_path):
    t = T().exo()
    t.ok("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $false")
    snap = tmp_path / "tenant.json"
    t.ok(f"Save-LabTenant -Path '{snap}'")
    t.ok("Set-AdminAuditLogConfig -UnifiedAuditLogIngestionEnabled $true -Force")
    t.ok(f"Restore-LabTenant -Path '{snap}'")
    t.exo()
    assert t.ok("(Get-AdminAuditLogConfig).UnifiedAuditLogIngestionEnabled") == "False\n"
    count = len(t.tenant.audit)
    t.ok("Set-OrganizationConfig -OAuth2ClientProfileEnabled $false")
    assert len(t.tenant.audit) == count, "a restored tenant with auditing off recorded an activity"
    assert t.run(SEARCH).stderr == OFF_WARNING

    data = json.loads(snap.read_text())
    del data["tenant"]["audit_config"]               # a snapshot written before the setting existed
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data))
    t.ok(f"Restore-LabTenant -Path '{old}'")
    t.exo(ADMIN)
    assert t.ok("Get-AdminAuditLogConfig | Format-List UnifiedAuditLogIngestionEnabled") == \
        "\nUnifiedAuditLogIngestionEnabled : True\n\n"
    assert t.ok("(Get-AdminAuditLogConfig).UnifiedAuditLogFirstOptInDate.Year") == "2023\n"
    assert t.objs(f"{SEARCH} -Operations Set-AdminAuditLogConfig | ForEach-Object Operations") == \
        ["Set-AdminAuditLogConfig"]
