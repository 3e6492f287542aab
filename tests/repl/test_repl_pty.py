"""The real REPL on a pseudo-terminal (pexpect, 24x100): what an admin types and sees."""
from __future__ import annotations

import os

CONNECT = "Connect-MsolService -Credential (Get-LabCredential -UserPrincipalName admin@contoso.onmicrosoft.com)"


def test_starts_with_banner_and_prompt(term):
    t = term()
    t.wait_prompt()
    assert "o365shell" in t.screen.text() and "PowerShell 7.4" in t.screen.text()
    assert t.screen.cursor_line().startswith(f"PS {t.cwd}> ")


def test_nologo_skips_the_banner(term):
    t = term("-NoLogo")
    t.wait_prompt()
    assert t.screen.display()[0] == f"PS {t.cwd}>"


def test_one_liner_and_its_output(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.run("1..3 | ForEach-Object { [pscustomobject]@{ N = $_; Square = $_ * $_ } }")
    lines = t.screen.display()
    at = lines.index("N Square")
    assert lines[at:at + 5] == ["N Square", "- ------", "1      1", "2      4", "3      9"]


def test_two_line_foreach_with_continuation_prompt(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("foreach ($i in 1..3) {\r")
    t.expect(">>")
    t.send("    'line ' + $i * 10\r")
    t.expect(">>     'line ' + $i * 10")
    t.send("}\r")
    t.wait_prompt()
    lines = t.screen.display()
    assert lines[1:4] == [">>     'line ' + $i * 10", ">> }", "line 10"]
    assert "line 30" in lines


def test_tab_lists_the_msol_cmdlets(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("Get-Msol\t")
    t.expect("Get-MsolUserByStrongAuthentication")
    screen = t.screen.text()
    for name in ("Get-MsolAccountSku", "Get-MsolCompanyInformation", "Get-MsolDomain", "Get-MsolRole",
                 "Get-MsolRoleMember", "Get-MsolUser", "Get-MsolUserRole"):
        assert name in screen
    t.send("\t\r")          # Tab again takes the first item; Enter closes the menu
    t.expect(f"PS {t.cwd}> Get-MsolAccountSku")


def test_tab_completes_a_parameter(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("Set-MsolUser -Str\t")
    t.expect("-StrongAuthenticationRequirements")
    assert "-StrongAuthenticationMethods" in t.screen.text()
    t.send("\x03")
    t.wait_prompt()
    t.send("Set-MsolUser -StrongAuthenticationR\t")
    t.wait(lambda x: x.screen.cursor_line().rstrip().endswith("Set-MsolUser -StrongAuthenticationRequirements"),
           "the completed parameter")


def test_tab_completes_a_upn_from_the_tenant(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("Get-MsolUser -UserPrincipalName Meg\t")
    t.wait(lambda x: x.screen.cursor_line().rstrip().endswith("-UserPrincipalName MeganB@contoso.com"),
           "the completed UPN")


def test_ctrl_c_stops_a_long_pipeline_and_the_shell_stays(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("1..1000000 | ForEach-Object { \"n$_\" } | ForEach-Object { $_ }\r")
    t.wait(lambda x: "n2000\r\n" in x.raw, "output of the pipeline")
    t.send("\x03")
    t.wait_prompt()
    t.run("'still ' + 'alive'")
    assert "still alive" in t.screen.text()
    t.run("(Get-History)[0].ExecutionStatus")
    assert t.screen.display()[t.screen.y - 1] == "Stopped"


def test_ctrl_c_abandons_a_typed_line(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("'never run'")
    t.expect("'never run'")
    t.send("\x03")
    t.wait_prompt()
    assert f"PS {t.cwd}> 'never run'^C" in t.screen.text()
    assert "never run\n" not in t.screen.text() + "\n"


def test_history_is_kept_across_runs_without_secrets(term, history_file):
    t = term("-NoLogo")
    t.wait_prompt()
    t.run("'first run marker'")
    t.run("$pw = ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force")
    t.send("exit\r")
    assert t.exit_code() == 0
    with open(history_file, encoding="utf-8") as f:
        saved = f.read()
    assert "'first run marker'" in saved and "exit" in saved and "Pass@word1" not in saved
    t2 = term("-NoLogo")
    t2.wait_prompt()
    t2.send("'first\x1b[A")   # Up: the last entry starting with what is typed
    t2.wait(lambda x: x.screen.cursor_line().rstrip().endswith("'first run marker'"), "the recalled line")
    t2.send("\r")
    t2.expect("first run marker\n")


def test_read_host_masks_secure_input(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("$s = Read-Host -Prompt 'Password' -AsSecureString; $s.Length\r")
    t.expect("Password:")
    t.send("hunter2\r")
    t.wait_prompt()
    screen = t.screen.text()
    assert "Password: *******" in screen and "hunter2" not in screen
    assert "\n7\n" in screen
    t.send("$name = Read-Host 'Your name'; \"Hello $name\"\r")
    t.expect("Your name:")
    t.send("Adele\r")
    t.expect("Hello Adele")


def test_exit_with_a_code(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("exit 5\r")
    assert t.exit_code() == 5


def test_ctrl_d_leaves(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("\x04")
    assert t.exit_code() == 0


def test_out_gridview_passthru_returns_the_chosen_row(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("1..5 | ForEach-Object { [pscustomobject]@{ Id = $_; Name = \"item$_\" } } | "
           "Out-GridView -PassThru -Title 'Pick one' | ForEach-Object { 'picked ' + $_.Name }\r")
    t.expect("Pick one")
    t.expect("0 marked")
    t.send("\x1b[B\x1b[B")     # Down, Down: the third row
    t.send(" ")                # Space marks it
    t.expect("1 marked")
    t.send("\r")               # Enter: OK
    t.wait_prompt()
    assert "picked item3" in t.screen.text()


def test_out_gridview_filters_tenant_users(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.run(CONNECT)
    t.send("Get-MsolUser | Out-GridView -OutputMode Single | Select-Object -ExpandProperty UserPrincipalName\r")
    t.expect("isLicensed")
    t.send("patti")            # typing goes to the filter box
    t.expect("1 of 9 items")
    t.send("\r\r")             # Enter leaves the filter, Enter again is OK
    t.wait_prompt()
    assert "PattiF@contoso.com" in t.screen.display()


def test_errors_are_concise_and_red(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.run("Get-Foo")
    assert "Get-Foo: The term 'Get-Foo' is not recognized" in t.screen.text()
    assert "\x1b[31;1mGet-Foo: The term" in t.raw


def test_write_progress_draws_a_bar(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.run("Write-Progress -Activity 'Updating users' -Status 'User 1' -PercentComplete 50; Start-Sleep -Milliseconds "
          "50; 'done'")
    assert "Updating users [\x1b[7mUser 1 50%" in t.raw
    assert "Updating users" not in t.screen.text().replace("Write-Progress -Activity 'Updating users'", "")


def test_prompt_shows_the_connection(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.run(CONNECT)
    assert t.screen.cursor_line().startswith(f"[admin@contoso.onmicrosoft.com: MSOnline] PS {t.cwd}> ")


def test_ctrl_r_searches_history(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.run("'alpha one'")
    t.run("'beta two'")
    t.send("\x12alp")
    t.expect("bck-i-search: alp")
    t.send("\r")
    t.expect("alpha one\n")


def test_f1_shows_help_and_returns_to_the_line(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.send("Get-MfaUser")
    t.expect("Get-MfaUser")
    t.send("\x1bOP")
    t.expect("SYNOPSIS")
    t.expect("PARAMETERS")
    t.send("q")
    t.wait(lambda x: x.screen.cursor_line().rstrip().endswith("> Get-MfaUser"), "the line back")


def test_get_help_and_get_command_at_the_prompt(term):
    t = term("-NoLogo")
    t.wait_prompt()
    t.run("Get-Command -Noun MfaUser | Select-Object -ExpandProperty Name")
    assert {"Disable-MfaUser", "Enable-MfaUser", "Get-MfaUser"} <= set(t.screen.display())


def test_working_directory_in_the_prompt(term, tmp_path):
    t = term("-NoLogo", cwd=str(tmp_path))
    t.wait_prompt()
    assert t.screen.cursor_line().startswith(f"PS {os.path.realpath(tmp_path)}> ") or \
        t.screen.cursor_line().startswith(f"PS {tmp_path}> ")
