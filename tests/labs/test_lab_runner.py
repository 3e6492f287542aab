"""``o365shell -Lab FILE -NonInteractive``: each step's documented commands run, its check decides,
the table shows PASS/FAIL with the reason, and the exit code is 1 when any step failed."""
from __future__ import annotations

from labfw_support import o365, write_lab

CONNECT = "Connect-MsolService -Credential (Get-LabCredential -UserPrincipalName admin@contoso.onmicrosoft.com)"


def run_lab(tmp_path, text: str, *extra: str):
    return o365("-Lab", write_lab(tmp_path, text), "-NonInteractive", *extra)


def test_passing_lab_prints_the_table_and_exits_0(tmp_path) -> None:
    p = run_lab(tmp_path, f"""
        lab: Two steps
        setup: {CONNECT}
        steps:
          - title: Enable Megan
            do: Enable MFA for Megan.
            commands: Enable-MfaUser -UserPrincipalName MeganB@contoso.com
            check: (Get-MfaUser -UserPrincipalName MeganB@contoso.com).MultiFactorAuthStatus -eq 'Enabled'
          - title: The Enabled view
            do: Show the Enabled view.
            commands: Get-MfaUser -State Enabled
            expect_output: Megan Bowen MeganB@contoso.com Enabled
        """)
    assert p.returncode == 0, p.stdout + p.stderr
    lines = p.stdout.splitlines()
    assert lines[0].startswith("Lab: Two steps (")
    assert lines[2].split() == ["#", "Step", "Result", "Detail"]
    assert lines[4].split() == ["1", "Enable", "Megan", "PASS"]
    assert lines[5].split() == ["2", "The", "Enabled", "view", "PASS"]
    assert "2 of 2 steps passed." in p.stdout


def test_failing_check_fails_the_lab_with_the_reason_and_the_output(tmp_path) -> None:
    p = run_lab(tmp_path, f"""
        lab: Wrong check
        setup: {CONNECT}
        steps:
          - title: Enable Megan
            do: Enable MFA for Megan.
            commands: Enable-MfaUser -UserPrincipalName MeganB@contoso.com -PassThru
            check: (Get-MfaUser -UserPrincipalName MeganB@contoso.com).MultiFactorAuthStatus -eq 'Enforced'
          - title: Still runs
            do: Next step.
            commands: Get-MfaUser -State Enforced
            expect_output: AlexW@contoso.com
        """)
    assert p.returncode == 1
    assert "FAIL   the check returned $false" in p.stdout
    assert "1 of 2 steps passed." in p.stdout
    assert "Step 1 (" in p.stdout and ":4) 'Enable Megan' failed: the check returned $false" in p.stdout
    assert "  output of the documented commands:" in p.stdout and "MeganB@contoso.com" in p.stdout


def test_a_check_that_passes_before_the_step_is_reported(tmp_path) -> None:
    p = run_lab(tmp_path, """
        lab: Vacuous
        steps:
          - title: Always true
            do: Anything.
            commands: Get-Date
            check: 1 -eq 1
        """)
    assert p.returncode == 1
    assert "the check already passes before the step's commands run" in p.stdout


def test_errors_in_documented_commands_fail_unless_allowed(tmp_path) -> None:
    lab = """
        lab: Errors
        steps:
          - title: Not connected
            do: Try without connecting.
            commands: Get-MsolUser -UserPrincipalName MeganB@contoso.com
            {allow}
            expect_output: You must call the Connect-MsolService cmdlet
        """
    p = run_lab(tmp_path, lab.format(allow=""))
    assert p.returncode == 1
    assert ("the documented commands wrote an error: Get-MsolUser: You must call the Connect-MsolService cmdlet "
            "before calling any other cmdlets.") in p.stdout
    p = run_lab(tmp_path, lab.format(allow="allow_errors: true"))
    assert p.returncode == 0, p.stdout


def test_expect_output_names_what_is_missing(tmp_path) -> None:
    p = run_lab(tmp_path, """
        lab: Output
        steps:
          - title: Say hello
            do: Print hello.
            commands: "'hello   world'"
            expect_output: [hello world, goodbye]
        """)
    assert p.returncode == 1
    assert "the output did not show: goodbye" in p.stdout


def test_check_errors_are_reported(tmp_path) -> None:
    p = run_lab(tmp_path, """
        lab: Broken check
        steps:
          - title: Check throws
            do: x
            commands: Get-Date
            check: Get-MsolUser -UserPrincipalName nobody@contoso.com
        """)
    assert p.returncode == 1
    assert "the check failed with an error: Get-MsolUser: User Not Found.  User: nobody@contoso.com." in p.stdout


def test_admin_checks_see_the_tenant_whatever_the_learner_did(tmp_path) -> None:
    """The learner never connects: the admin check still reads the tenant; a learner check cannot."""
    p = run_lab(tmp_path, """
        lab: Views
        steps:
          - title: Alex signs in
            do: Sign in as Alex.
            commands: Invoke-LabSignIn -UserPrincipalName AlexW@contoso.com -Password Pass@word1 -Client Imap
            check: |
              (Get-LabSignInLog -UserPrincipalName AlexW@contoso.com -Last 1).Result -eq 'AppPasswordRequired' -and
                (Get-MsolUser -UserPrincipalName AlexW@contoso.com).StrongAuthenticationRequirements.State -eq 'Enforced' -and
                (Get-OrganizationConfig).OAuth2ClientProfileEnabled -and
                (Get-MgBetaUserAuthenticationRequirement -UserId AlexW@contoso.com).PerUserMfaState -eq 'enforced'
          - title: Learner variables
            do: Keep the date in $when.
            commands: $when = Get-Date
            check_as: learner
            check: $when -is [datetime] -and $null -eq $LabLearnerOnly
        """)
    assert p.returncode == 0, p.stdout


def test_lab_output_and_command_variables(tmp_path) -> None:
    p = run_lab(tmp_path, f"""
        lab: Variables
        setup: {CONNECT}
        steps:
          - title: Enforced view
            do: Show the Enforced view.
            commands: Get-MfaUser -State Enforced
            check: $LabOutput -match 'AlexW' -and $LabOutput -notmatch 'Disabled' -and $LabCommand -like '*-State Enforced*'
        """)
    assert p.returncode == 0, p.stdout


def test_clock_tenant_size_and_step_setup(tmp_path) -> None:
    p = run_lab(tmp_path, f"""
        lab: World
        clock: 2024-12-31T23:59:00Z
        tenant:
          size: 5
        setup: {CONNECT}
        steps:
          - title: Count users
            do: Count the users.
            commands: (Get-MsolUser -All).Count
            expect_output: "14"
          - title: A minute later
            do: Show the year.
            setup: $null = Add-LabClockTime -Minutes 1
            commands: (Get-Date).ToUniversalTime().Year
            expect_output: "2025"
        """)
    assert p.returncode == 0, p.stdout + p.stderr


def test_cli_tenant_size_overrides_the_lab(tmp_path) -> None:
    p = run_lab(tmp_path, f"""
        lab: Size
        setup: {CONNECT}
        steps:
          - title: Count users
            do: Count the users.
            commands: (Get-MsolUser -All).Count
            expect_output: "11"
        """, "-TenantSize", "2")
    assert p.returncode == 0, p.stdout + p.stderr


def test_lab_from_a_snapshot(tmp_path) -> None:
    snap = tmp_path / "old-tenant.json"
    r = o365("-c", f"{CONNECT}; Connect-ExchangeOnline -Credential (Get-LabCredential admin@contoso.onmicrosoft.com) "
                   f"-ShowBanner:$false; Set-OrganizationConfig -OAuth2ClientProfileEnabled $false; "
                   f"Enable-MfaUser -UserPrincipalName JoniS@contoso.com; Save-LabTenant -Path '{snap}'")
    assert r.returncode == 0, r.stderr
    p = run_lab(tmp_path, """
        lab: From a snapshot
        tenant:
          snapshot: old-tenant.json
        steps:
          - title: Turn modern authentication on
            do: Enable it.
            commands: |
              Connect-ExchangeOnline -Credential (Get-LabCredential admin@contoso.onmicrosoft.com) -ShowBanner:$false
              Set-OrganizationConfig -OAuth2ClientProfileEnabled $true
            check: (Get-OrganizationConfig).OAuth2ClientProfileEnabled -and (Get-MfaUser -UserPrincipalName JoniS@contoso.com).MultiFactorAuthStatus -eq 'Enabled'
        """)
    assert p.returncode == 0, p.stdout + p.stderr


def test_a_21vianet_tenant(tmp_path) -> None:
    p = run_lab(tmp_path, """
        lab: China
        tenant:
          cloud: AzureChinaCloud
        steps:
          - title: Connect
            do: Connect to AzureChinaCloud.
            commands: Connect-MsolService -Credential (Get-LabCredential admin@contoso.partner.onmschina.cn) -AzureEnvironment AzureChinaCloud
            check_as: learner
            check: (Get-MsolCompanyInformation).InitialDomain -eq 'contoso.partner.onmschina.cn'
        """)
    assert p.returncode == 0, p.stdout + p.stderr


def test_failing_lab_setup(tmp_path) -> None:
    p = run_lab(tmp_path, """
        lab: Bad setup
        setup: Get-MsolUser -All
        steps:
          - title: x
            do: x
            commands: Get-Date
            expect_output: x
        """)
    assert p.returncode == 1
    assert ":2: the lab's setup failed: Get-MsolUser: You must call the Connect-MsolService cmdlet" in p.stderr


def test_bad_snapshot_is_reported_cleanly(tmp_path) -> None:
    (tmp_path / "junk.json").write_text("{not json")
    p = run_lab(tmp_path, """
        lab: Junk snapshot
        tenant:
          snapshot: junk.json
        steps:
          - title: x
            do: x
            commands: Get-Date
            expect_output: x
        """)
    assert p.returncode == 1
    assert "cannot start the lab's tenant" in p.stderr
    assert "Traceback" not in p.stderr
