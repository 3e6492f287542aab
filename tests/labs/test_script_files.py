"""Script files through the real command line (SPEC §1): param() binding (named, positional,
switches, validation, mandatory parameters under -NonInteractive), dot-sourcing and $PSScriptRoot,
comment-based help, #Requires, exit codes - with the lab-*.ps1 example scripts and small scripts."""
from __future__ import annotations

import os
import sys

import pexpect
import pytest

from labfw_support import EXAMPLES_DIR, o365

EX = EXAMPLES_DIR


def ex(name: str) -> str:
    return os.path.join(EX, name)


def test_named_positional_and_switch_binding(tmp_path) -> None:
    s = tmp_path / "bind.ps1"
    s.write_text("param([Parameter(Position=0)][string]$Upn, [int]$Times = 1, [switch]$Loud,\n"
                 "      [ValidateSet('Enabled','Enforced')][string]$State = 'Enabled', [string[]]$Tags)\n"
                 "\"$Upn|$Times|$Loud|$State|$($Tags -join '+')|$($PSBoundParameters.Count)\"\n")
    assert o365(str(s), "MeganB@contoso.com").stdout == "MeganB@contoso.com|1|False|Enabled||1\n"
    assert o365("-File", str(s), "-Upn", "a@b.c", "-Times", "3", "-Loud", "-State", "enforced").stdout == \
        "a@b.c|3|True|enforced||4\n"
    assert o365(str(s), "-Tim", "2", "x@y.z").stdout == "x@y.z|2|False|Enabled||2\n"      # prefix, any order
    assert o365(str(s), "-Loud:$false", "-Upn:u@v.w").stdout == "u@v.w|1|False|Enabled||2\n"
    p = o365(str(s), "-State", "Maybe")
    assert p.returncode == 1
    assert "Cannot validate argument on parameter 'State'" in p.stderr
    p = o365(str(s), "-Times", "many")
    assert p.returncode == 1
    assert "Cannot process argument transformation on parameter 'Times'" in p.stderr


def test_missing_mandatory_parameter_under_noninteractive() -> None:
    p = o365("-NonInteractive", ex("lab-bulk-set-mfa.ps1"))
    assert p.returncode == 1
    assert p.stdout == ""
    assert "Cannot process command because of one or more missing mandatory parameters: CsvPath." in p.stderr
    assert "Traceback" not in p.stderr


def test_missing_mandatory_parameter_under_noninteractive_small(tmp_path) -> None:
    s = tmp_path / "need.ps1"
    s.write_text("param([Parameter(Mandatory)][string]$Name, [Parameter(Mandatory)][int]$Age)\n'ran'\n")
    p = o365("-NonInteractive", "-File", str(s), "-Name", "Ann")
    assert (p.returncode, p.stdout) == (1, "")
    assert "missing mandatory parameters: Age." in p.stderr


def test_missing_mandatory_parameter_is_prompted_for_on_a_terminal(tmp_path) -> None:
    s = tmp_path / "need.ps1"
    s.write_text("param([Parameter(Mandatory)][string]$Name)\n\"hello $Name\"\n")
    c = pexpect.spawn(sys.executable, ["-m", "o365shell", str(s)], encoding="utf-8", timeout=30,
                      env=dict(os.environ, TERM="xterm"))
    c.expect("Name: ")
    c.sendline("Ann")
    c.expect("hello Ann")
    c.expect(pexpect.EOF)


def test_example_report_dot_sources_its_helper_from_another_folder(tmp_path) -> None:
    p = o365(ex("lab-mfa-status-report.ps1"), "-AdminsOnly", "-Path", "admins.csv", cwd=str(tmp_path))
    assert p.returncode == 0, p.stderr
    assert "Report of 4 users written to admins.csv" in p.stdout
    assert "Company Administrator" in p.stdout
    assert (tmp_path / "admins.csv").read_text().splitlines()[0].startswith('"UserPrincipalName","DisplayName"')


def test_psscriptroot_and_dot_sourcing_keep_functions(tmp_path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "helpers.ps1").write_text("function Get-Greeting { \"hi from $(Split-Path $PSScriptRoot -Leaf)\" }\n")
    (tmp_path / "main.ps1").write_text(". \"$PSScriptRoot/lib/helpers.ps1\"\nGet-Greeting\n"
                                       "& { . $PSScriptRoot\\lib\\helpers.ps1; Get-Greeting }\n")
    p = o365(str(tmp_path / "main.ps1"), cwd="/")
    assert p.stdout == "hi from lib\nhi from lib\n", p.stderr


def test_comment_based_help_of_a_script() -> None:
    p = o365("-c", f"Get-Help '{ex('lab-bulk-set-mfa.ps1')}'")
    assert p.returncode == 0, p.stderr
    assert "Sets the per-user MFA state of the users listed in a CSV file (MSOnline)." in p.stdout
    assert "[-CsvPath] <String>" in p.stdout
    p = o365("-c", f"Get-Help '{ex('lab-bulk-set-mfa.ps1')}' -Full")
    assert "The state for rows without a State column" in p.stdout
    assert "./lab-bulk-set-mfa.ps1 -CsvPath ./users.csv -State Enabled" in p.stdout
    p = o365("-c", f"(Get-Help '{ex('lab-modern-auth-check.ps1')}').Synopsis")
    assert p.stdout.strip() == "Checks that modern authentication (OAuth2ClientProfileEnabled) is on for Exchange Online."


def test_exit_codes(tmp_path) -> None:
    p = o365(ex("lab-modern-auth-check.ps1"))
    assert p.returncode == 0
    assert "modern authentication is enabled" in p.stdout
    csv = tmp_path / "users.csv"
    csv.write_text("UserPrincipalName,State\nMeganB@contoso.com,\nnobody@contoso.com,Enforced\n")
    p = o365(ex("lab-bulk-set-mfa.ps1"), str(csv))
    assert p.returncode == 2
    assert "WARNING: 1 row(s) could not be applied." in p.stderr
    p = o365(ex("lab-bulk-set-mfa.ps1"), str(tmp_path / "none.csv"))
    assert p.returncode == 1
    p = o365("-c", f"& '{ex('lab-graph-per-user-mfa.ps1')}' -State enabled")
    assert p.returncode == 1                       # an uncaught throw
    assert "Give -UserId with -State" in p.stderr


def test_modern_auth_check_fails_then_fixes_a_pre_2017_tenant(tmp_path) -> None:
    snap = tmp_path / "old.json"
    r = o365("-c", "Connect-ExchangeOnline -Credential (Get-LabCredential admin@contoso.onmicrosoft.com) "
                   f"-ShowBanner:$false; Set-OrganizationConfig -OAuth2ClientProfileEnabled $false; "
                   f"Save-LabTenant -Path '{snap}'")
    assert r.returncode == 0, r.stderr
    script = ex("lab-modern-auth-check.ps1")
    p = o365("-c", f"Restore-LabTenant -Path '{snap}' -Confirm:$false; & '{script}'; exit $LASTEXITCODE")
    assert p.returncode == 3, p.stdout + p.stderr
    assert "modern authentication is disabled" in p.stdout
    p = o365("-c", f"Restore-LabTenant -Path '{snap}' -Confirm:$false; & '{script}' -Enable; exit $LASTEXITCODE")
    assert p.returncode == 0, p.stdout + p.stderr
    assert "OAuth2ClientProfileEnabled is now True" in p.stdout


def test_graph_examples() -> None:
    p = o365("-c", f"& '{ex('lab-graph-per-user-mfa.ps1')}' -UserId MeganB@contoso.com, AlexW@contoso.com -State enabled")
    assert p.returncode == 0, p.stderr
    assert [ln.split() for ln in p.stdout.strip().splitlines()[2:]] == [["MeganB@contoso.com", "enabled"],
                                                                         ["AlexW@contoso.com", "enforced"]]
    p = o365(ex("lab-auth-methods-audit.ps1"), "-OnlyWithoutMfa")
    assert p.returncode == 0, p.stderr
    assert "MeganB@contoso.com" in p.stdout and "AlexW@contoso.com" not in p.stdout


def test_whatif_through_a_script(tmp_path) -> None:
    csv = tmp_path / "users.csv"
    csv.write_text("UserPrincipalName\nMeganB@contoso.com\n")
    p = o365("-c", f"& '{ex('lab-bulk-set-mfa.ps1')}' '{csv}' -WhatIf; "
                   "Connect-MsolService -Credential (Get-LabCredential admin@contoso.onmicrosoft.com); "
                   "(Get-MsolUser -UserPrincipalName MeganB@contoso.com).StrongAuthenticationRequirements.Count")
    assert 'What if: Performing the operation "Set per-user MFA to Enabled" on target "MeganB@contoso.com".' in p.stdout
    assert p.stdout.rstrip().endswith("0")


def test_requires_accepts_the_simulated_modules() -> None:
    """Every lab-*.ps1 example declares #Requires -Modules for simulated modules, and runs."""
    from o365shell.engine.requires import check_file
    for name in sorted(os.listdir(EX)):
        if name.startswith("lab-") and name.endswith(".ps1"):
            assert check_file(ex(name)) is None, name


def test_requires_an_unknown_module_stops_the_script(tmp_path) -> None:
    s = tmp_path / "x.ps1"
    s.write_text("#Requires -Modules ActiveDirectory\n'ran'\n")
    p = o365(str(s))
    assert p.returncode == 1
    assert p.stdout == ""
    assert ("The script 'x.ps1' cannot be run because the following modules that are specified by the "
            "\"#requires\" statements of the script are missing: ActiveDirectory.") in p.stderr


def test_requires_is_checked_when_a_script_calls_another(tmp_path) -> None:
    (tmp_path / "inner.ps1").write_text("#Requires -Modules AzureAD\n'inner ran'\n")
    (tmp_path / "outer.ps1").write_text("& $PSScriptRoot/inner.ps1\n'outer goes on'\n")
    p = o365(str(tmp_path / "outer.ps1"))
    assert p.stdout == "outer goes on\n"
    assert p.stderr.startswith("inner.ps1: ")
    flat = " ".join(line.split("|", 1)[-1].strip() for line in p.stderr.splitlines())
    assert "are missing: AzureAD." in flat
