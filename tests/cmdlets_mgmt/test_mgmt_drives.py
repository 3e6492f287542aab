"""The C: and D: drives Windows admin scripts write to: FileSystem drives rooted at a sandbox folder
per drive ($O365SHELL_DRIVES/C, by default under the user's data directory), created on first use,
with '\\' as a separator."""
from __future__ import annotations

import os

import pytest
from mgmt_support import lines, ps, sh  # noqa: F401  (fixtures)


@pytest.fixture
def drives(tmp_path_factory, monkeypatch):
    base = tmp_path_factory.mktemp("drives")
    monkeypatch.setenv("O365SHELL_DRIVES", str(base))
    return base


def test_the_admin_script_idiom_works(ps, drives, tmp_path):
    r = ps("New-Item -ItemType Directory C:\\temp -Force | Out-Null; Get-Process | Out-Null; "
           "'x' | Out-File C:\\temp\\x.txt; Get-Content C:\\temp\\x.txt; Test-Path C:\\temp\\x.txt")
    assert (r.stdout, r.stderr) == ("x\nTrue\n", "")
    assert (drives / "C" / "temp" / "x.txt").read_text() == "x\n"
    # nothing named 'C:\temp\x.txt' appears in the current directory
    assert os.listdir(tmp_path) == []


def test_export_and_import_csv_on_the_drives(ps, drives):
    r = ps("[pscustomobject]@{ User = 'AlexW@contoso.com'; State = 'Enforced' } | "
           "Export-Csv -Path c:\\x.csv -NoTypeInformation; (Import-Csv C:/x.csv).State; "
           "Get-ChildItem C:\\ | ForEach-Object Name")
    assert (r.stdout, r.stderr) == ("Enforced\nx.csv\n", "")
    assert (drives / "C" / "x.csv").exists()
    r = ps("Set-Content -Path D:\\report.txt -Value 'done'; Get-Content D:\\report.txt; Test-Path D:\\")
    assert (r.stdout, r.stderr) == ("done\nTrue\n", "")
    assert (drives / "D" / "report.txt").read_text() == "done\n"


def test_drive_folders_are_created_on_demand(ps, drives):
    assert not (drives / "C").exists()
    assert ps("Test-Path C:\\").stdout == "True\n"
    assert (drives / "C").is_dir()
    r = ps("Set-Content C:\\missing\\x.txt 'y'")
    assert r.stderr.startswith("Set-Content: Could not find a part of the path")


def test_other_drive_letters_do_not_exist(ps, drives):
    assert ps("Test-Path E:\\x.txt").stdout == "False\n"
    r = ps("'x' | Out-File E:\\x.txt")
    assert r.stderr == "Out-File: Cannot find drive. A drive with the name 'E' does not exist.\n"
    assert ps("Get-PSDrive E").stderr == "Get-PSDrive: Cannot find drive. A drive with the name 'E' does not exist.\n"


def test_get_psdrive_lists_c_and_d(ps, drives):
    r = ps("Get-PSDrive | ForEach-Object Name")
    assert lines(r.stdout) == ["/", "Alias", "C", "D", "Env", "Function", "Temp", "Variable"]
    r = ps("$d = Get-PSDrive C; $d.Root; $d.Provider; $d.Description; $d.Free -gt 0")
    assert lines(r.stdout) == ["C:\\", "Microsoft.PowerShell.Core\\FileSystem",
                               f"o365shell sandbox folder {drives}/C", "True"]
    assert lines(ps("Get-PSDrive -PSProvider FileSystem | ForEach-Object Name").stdout) == ["/", "C", "D", "Temp"]


def test_paths_with_backslashes_and_dotdot_stay_on_the_drive(ps, drives):
    r = ps("Join-Path C:\\temp report.csv; Join-Path C: temp; Split-Path C:\\temp\\x.txt -Parent; "
           "Split-Path C:\\temp\\x.txt -Qualifier")
    assert lines(r.stdout) == ["C:\\temp\\report.csv", "C:\\temp", "C:\\temp", "C:"]
    r = ps("New-Item -ItemType File C:\\..\\..\\escape.txt | Out-Null; Test-Path C:\\escape.txt")
    assert (r.stdout, r.stderr) == ("True\n", "")
    assert (drives / "C" / "escape.txt").exists() and not (drives / "escape.txt").exists()
    r = ps("New-Item -ItemType Directory sub -Force | Out-Null; 'z' | Out-File sub\\y.txt; Get-Content sub/y.txt")
    assert (r.stdout, r.stderr) == ("z\n", "")


def test_set_location_to_a_drive(ps, drives):
    r = ps("New-Item -ItemType Directory C:\\reports -Force | Out-Null; Set-Location C:\\reports; "
           "(Get-Location).Path; (Get-PSDrive C).CurrentLocation; 'r' | Out-File here.txt; "
           "Test-Path C:\\reports\\here.txt")
    assert lines(r.stdout) == [f"{drives}/C/reports", "reports", "True"]


def test_lab_and_admin_center_paths_use_the_drives(ps, drives):
    r = ps("Save-LabTenant -Path C:\\backup\\tenant.json -ErrorAction SilentlyContinue; $?; "
           "New-Item -ItemType Directory C:\\backup | Out-Null; Save-LabTenant -Path C:\\backup\\tenant.json; "
           "Test-Path C:\\backup\\tenant.json")
    assert lines(r.stdout)[-1] == "True"
    assert (drives / "C" / "backup" / "tenant.json").exists()


def test_default_base_is_the_user_data_dir(ps, monkeypatch, tmp_path_factory):
    home = tmp_path_factory.mktemp("datahome")
    monkeypatch.delenv("O365SHELL_DRIVES", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    import platformdirs
    expected = os.path.join(platformdirs.user_data_dir("o365shell", appauthor=False), "drives", "C")
    assert expected.startswith(str(home))
    assert ps("'x' | Out-File C:\\d.txt; Test-Path C:\\d.txt").stdout == "True\n"
    assert os.path.isfile(os.path.join(expected, "d.txt"))


def test_redirection_scripts_switch_and_dotnet_files_use_the_drives(ps, drives, tmp_path):
    r = ps("New-Item -ItemType Directory C:\\temp -Force | Out-Null\n"
           "'z' > C:\\temp\\r.txt; 'y' >> C:\\temp\\r.txt; (Get-Content C:\\temp\\r.txt) -join ','\n"
           "'Write-Output from-script' | Out-File C:\\temp\\s.ps1; & C:\\temp\\s.ps1\n"
           "switch -File C:\\temp\\r.txt { 'y' { 'found y' } }\n"
           "[IO.File]::WriteAllText('C:\\temp\\w.txt', 'w'); [IO.File]::ReadAllText('C:\\temp\\w.txt')")
    assert (r.stdout, r.stderr) == ("z,y\nfrom-script\nfound y\nw\n", "")
    assert (drives / "C" / "temp" / "w.txt").read_text() == "w"
    assert os.listdir(tmp_path) == []


def test_redirection_to_an_unknown_drive_is_an_error(ps, drives):
    r = ps("'q' > Q:\\x.txt; 'after'")
    assert r.stdout == "after\n"
    assert r.stderr.startswith("Out-File: Cannot find drive. A drive with the name 'Q' does not exist.")
