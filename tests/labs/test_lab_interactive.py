"""The learner's side of ``o365shell -Lab FILE``, driven through a pseudo-terminal (pexpect):
a wrong command gets the step's hint, the right one passes the check, the lab ends with a summary."""
from __future__ import annotations

import os
import sys

import pexpect
import pytest

from labfw_support import LABS_DIR, o365, write_lab

LAB2 = os.path.join(LABS_DIR, "02-allow-app-passwords.lab.yml")


def spawn(*args: str) -> pexpect.spawn:
    env = dict(os.environ, TERM="xterm", NO_COLOR="1", PROMPT_TOOLKIT_NO_CPR="1")
    return pexpect.spawn(sys.executable, ["-m", "o365shell", *args], encoding="utf-8", timeout=60,
                         dimensions=(50, 200), env=env)


def prompt(n: int, total: int) -> str:
    return rf"\[{n}/{total}\] PS [^>\r\n]*>"


def test_walk_the_app_passwords_lab() -> None:
    c = spawn("-Lab", LAB2)
    c.expect("Lab: Allow users to create app passwords")
    c.expect("Step 1 of 6: Open the service settings")
    c.expect(prompt(1, 6))
    # a wrong try: a real command, but not the one the step asks for
    c.sendline("Get-MfaUser -State Enforced")
    c.expect("AlexW@contoso.com")
    c.expect("Not done yet.")
    c.expect("Hint: Get-MfaServiceSettings shows the service settings page.")
    c.expect(prompt(1, 6))
    c.sendline("Get-MfaServiceSettings")
    c.expect(r"AllowAppPasswords\s+: False")
    c.expect("Correct: step 1 passed.")
    c.expect("Step 2 of 6: Without the setting, no app password")
    c.expect(prompt(2, 6))
    c.sendline(":solution")
    c.expect("The documented command")
    c.expect(prompt(2, 6))
    c.sendline("New-LabAppPassword -UserPrincipalName AlexW@contoso.com -Password Pass@word1 -Name 'Outlook 2013'")
    c.expect("App passwords are not allowed")
    c.expect("Correct: step 2 passed.")
    c.expect(prompt(3, 6))
    c.sendline("Set-MfaServiceSettings -AllowAppPasswords $true")
    c.expect("Correct: step 3 passed.")
    c.expect(prompt(4, 6))
    c.sendline(":skip")
    c.expect("Step 4 skipped.")
    c.expect(prompt(5, 6))
    c.sendline("$ap = New-LabAppPassword -UserPrincipalName AlexW@contoso.com -Password Pass@word1 -Name 'Outlook 2013'")
    c.expect("Correct: step 5 passed.")
    c.expect(prompt(6, 6))
    c.sendline("Set-MfaServiceSettings -AllowAppPasswords $false")
    c.expect("Not done yet.")
    c.expect("Hint: First Set-MfaServiceSettings")
    c.expect(prompt(6, 6))
    c.sendline("Invoke-LabSignIn -UserPrincipalName AlexW@contoso.com -Password $ap.Password -Client Outlook2013")
    c.expect("Correct: step 6 passed.")
    c.expect("Lab summary: Allow users to create app passwords")
    c.expect(r"1 Open the service settings\s+PASS\s+2\s+1")
    c.expect(r"4 Check the saved setting\s+SKIPPED")
    c.expect("5 of 6 steps passed.")
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 1   # one step skipped


def test_completed_lab_exits_0_and_ctrl_d_leaves_early(tmp_path) -> None:
    path = write_lab(tmp_path, """
        lab: Tiny
        steps:
          - title: Say hello
            do: Print the word hello.
            commands: "'hello'"
            hints: [Type 'hello' with the quotes.]
            expect_output: hello
          - title: Add numbers
            do: Compute 6 * 7.
            commands: 6 * 7
            expect_output: "42"
        """)
    c = spawn("-Lab", path)
    c.expect(prompt(1, 2))
    c.sendline("'hel' +")          # an unfinished line continues on '>>'
    c.expect(">>")
    c.sendline("'lo'")
    c.expect("Correct: step 1 passed.")
    c.expect(prompt(2, 2))
    c.sendline(":hint")
    c.expect("Hint: type :solution to see the documented command.")
    c.sendline("6 * 7")
    c.expect("2 of 2 steps passed.")
    c.expect("Lab complete.")
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 0

    c = spawn("-Lab", path)
    c.expect(prompt(1, 2))
    c.sendeof()
    c.expect("Lab summary: Tiny")
    c.expect("NOT DONE")
    c.expect("0 of 2 steps passed.")
    c.expect(pexpect.EOF)
    c.close()
    assert c.exitstatus == 1


def test_interactive_mode_reads_piped_input(tmp_path) -> None:
    """Without a terminal the lab still runs interactively, reading commands from standard input."""
    path = write_lab(tmp_path, """
        lab: Piped
        steps:
          - title: Enabled view
            do: Show the Enabled view.
            commands: |
              Connect-MsolService -Credential (Get-LabCredential admin@contoso.onmicrosoft.com)
              Get-MfaUser -State Enabled
            hints: Connect first, then Get-MfaUser -State Enabled.
            check: $LabOutput -match 'AdeleV' -and $LabOutput -notmatch 'Disabled'
        """)
    p = o365("-Lab", path, stdin="Get-MfaUser -State Enabled\n"
                                  "Connect-MsolService -Credential (Get-LabCredential admin@contoso.onmicrosoft.com)\n"
                                  "Get-MfaUser\n:hint\nGet-MfaUser -State Enabled\n")
    assert p.returncode == 0, p.stdout + p.stderr
    out = p.stdout
    assert out.count("Hint: Connect first, then Get-MfaUser -State Enabled.") == 4
    assert "You must call the Connect-MsolService cmdlet" in p.stderr
    assert "Correct: step 1 passed." in out
    assert "1 of 1 steps passed." in out


def test_exit_leaves_the_lab(tmp_path) -> None:
    path = write_lab(tmp_path, """
        lab: Leave
        steps:
          - title: Anything
            do: x
            commands: "'x'"
            expect_output: "zzz"
        """)
    p = o365("-Lab", path, stdin="exit\n")
    assert p.returncode == 1
    assert "Lab summary: Leave" in p.stdout


@pytest.mark.parametrize("cmd", [":quit", ":q"])
def test_quit_command(tmp_path, cmd: str) -> None:
    path = write_lab(tmp_path, """
        lab: Quit
        steps:
          - title: Anything
            do: x
            commands: "'x'"
            expect_output: "zzz"
        """)
    p = o365("-Lab", path, stdin=cmd + "\n")
    assert p.returncode == 1
    assert "0 of 1 steps passed." in p.stdout


def test_prompts_work_inside_a_lab() -> None:
    """Connect-MsolService without -Credential and Read-Host prompt at the lab's terminal."""
    c = spawn("-Lab", os.path.join(LABS_DIR, "01-enable-mfa-per-user.lab.yml"))
    c.expect(prompt(1, 10))
    c.sendline("Connect-MsolService")
    c.expect("User: ")
    c.sendline("LeeG@contoso.com")
    c.expect("Password for user LeeG@contoso.com: ")
    c.sendline("Pass@word1")
    c.expect("Correct: step 1 passed.")
    c.expect(prompt(2, 10))
    c.sendline("$who = Read-Host 'Your name'; \"hello $who\"")
    c.expect("Your name: ")
    c.sendline("Ann")
    c.expect("hello Ann")
    c.expect(prompt(2, 10))
    c.sendline(":quit")
    c.expect("1 of 10 steps passed.")
    c.expect(pexpect.EOF)
