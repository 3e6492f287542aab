"""The history file: PSReadLine's format and its rule for lines that look like secrets."""
from __future__ import annotations

import pytest

from o365shell.repl.history import PSReadLineHistory, history_path, is_sensitive


@pytest.mark.parametrize("line", [
    "ConvertTo-SecureString 'Pass@word1' -AsPlainText -Force",
    "$password = 'Pass@word1'",
    "$token, $url = 'abc', 'https://x'",
    "Invoke-LabSignIn -UserPrincipalName AlexW@contoso.com -Password 'Pass@word1'",
    "Connect-Thing -AccessToken eyJ0eXAi",
    "Connect-Thing -ApiKey:'k-123'",
    "Set-MsolUserPassword -UserPrincipalName MeganB@contoso.com -NewPassword 'P@ss1'",
    "$cred.GetNetworkCredential().Password",
    "New-LabAppPassword -UserPrincipalName AlexW@contoso.com -Password $pw",   # the command name itself matches
    "Get-X -Password (",                                                       # parse error
])
def test_sensitive_lines(line):
    assert is_sensitive(line)


@pytest.mark.parametrize("line", [
    "Get-MsolUser -All",
    "Connect-MsolService -Credential $cred",
    "$password = Read-Host -AsSecureString",          # a command on the right-hand side
    "$token = Get-Secret -Name graph",
    "Invoke-LabSignIn -UserPrincipalName AlexW@contoso.com -Password $pw",
    "Invoke-LabSignIn -UserPrincipalName AlexW@contoso.com -Password (Read-Host)",
    "Connect-Thing -SaveToken",
    "$x = $token",
    "Get-Secret -Name graph",
])
def test_lines_saved_to_the_file(line):
    assert not is_sensitive(line)


def test_path_override(monkeypatch, tmp_path):
    monkeypatch.setenv("O365SHELL_HISTORY", str(tmp_path / "h.txt"))
    assert history_path() == str(tmp_path / "h.txt")
    monkeypatch.delenv("O365SHELL_HISTORY")
    assert history_path().endswith("history.txt") and "o365shell" in history_path()


def test_file_format_and_reload(tmp_path):
    path = tmp_path / "sub" / "history.txt"
    h = PSReadLineHistory(str(path))
    h.append_string("Get-MsolUser -All")
    h.append_string("foreach ($u in $users) {\n    $u.DisplayName\n}")
    h.append_string("ConvertTo-SecureString 'x' -AsPlainText -Force")
    h.append_string("   ")
    text = path.read_text()
    assert text == "Get-MsolUser -All\nforeach ($u in $users) {`\n    $u.DisplayName`\n}\n"
    assert h.get_strings()[-1] == "ConvertTo-SecureString 'x' -AsPlainText -Force"   # kept in memory
    again = PSReadLineHistory(str(path))
    assert list(again.load_history_strings()) == ["foreach ($u in $users) {\n    $u.DisplayName\n}",
                                                  "Get-MsolUser -All"]


def test_duplicates_recalled_once_and_count_limited(tmp_path):
    path = tmp_path / "history.txt"
    path.write_text("a\nb\na\nc\nc\n")
    h = PSReadLineHistory(str(path), maximum=2)
    assert list(h.load_history_strings()) == ["c", "a"]
    h = PSReadLineHistory(str(path))
    h.load_history_strings()
    h._loaded_strings = list(h.load_history_strings())
    h._loaded = True
    h.append_string("b")
    assert h.get_strings() == ["a", "c", "b"]


def test_unwritable_file_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    h = PSReadLineHistory(str(blocker / "history.txt"))
    h.append_string("Get-Date")
    assert h.write_error and "history" in h.write_error
    assert h.get_strings() == ["Get-Date"]
