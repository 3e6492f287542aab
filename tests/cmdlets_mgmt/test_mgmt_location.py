"""Get-Location, Set-Location, Push-Location, Pop-Location, Get-PSDrive, Get-Process."""
from __future__ import annotations

import os

import pytest
from mgmt_support import lines, ps, sh  # noqa: F401  (fixtures)


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "sub" / "deep").mkdir(parents=True)
    (tmp_path / "sub" / "f.txt").write_text("in sub\n")
    (tmp_path / "file.txt").write_text("x")
    return tmp_path


def test_get_location_returns_path_info(ps, tree):
    r = ps("$l = Get-Location; $l.GetType().FullName; $l.Path; $l.Provider; \"$l\"")
    assert r.stdout.split("\n")[:4] == ["System.Management.Automation.PathInfo", str(tree),
                                        "Microsoft.PowerShell.Core\\FileSystem", str(tree)]


def test_get_location_display_and_aliases(ps, tree):
    assert ps("Get-Location").stdout == f"\nPath\n----\n{tree}\n\n"
    assert ps("pwd").stdout == ps("gl").stdout == ps("$PWD").stdout


def test_set_location_relative_parent_and_aliases(ps, tree):
    r = ps("Set-Location sub; $PWD.Path; cd deep; (pwd).Path; cd ..; (Get-Location).Path; sl ..; $PWD.Path")
    assert r.stdout.split() == [str(tree / "sub"), str(tree / "sub" / "deep"), str(tree / "sub"), str(tree)]


def test_set_location_keeps_the_process_directory_in_sync(ps, tree, sh):
    r = ps("cd sub; [System.IO.File]::ReadAllText('f.txt'); [Environment]::CurrentDirectory")
    assert r.stdout.split("\n")[0] == "in sub"
    assert os.getcwd() == str(tree / "sub") == sh.session.location


def test_relative_paths_follow_the_location(ps, tree):
    assert ps("cd sub; Get-Content f.txt; Test-Path ../file.txt").stdout == "in sub\nTrue\n"


def test_set_location_home_and_tilde(ps, tree):
    home = os.environ["HOME"]
    assert ps("cd ~; $PWD.Path; cd /; cd; $PWD.Path").stdout.split() == [home, home]


def test_set_location_back_and_forward(ps, tree):
    r = ps("cd sub; cd deep; cd -; $PWD.Path; cd -; $PWD.Path; cd +; $PWD.Path")
    assert r.stdout.split() == [str(tree / "sub"), str(tree), str(tree / "sub")]


def test_set_location_backslashes_and_wildcards(ps, tree):
    assert ps("cd .\\sub\\deep; $PWD.Path").stdout == f"{tree / 'sub' / 'deep'}\n"
    assert ps(f"cd '{tree}'; cd s*; $PWD.Path").stdout == f"{tree / 'sub'}\n"


def test_set_location_pass_thru(ps, tree):
    assert ps("(Set-Location sub -PassThru).Path").stdout == f"{tree / 'sub'}\n"


def test_set_location_missing(ps, tree):
    r = ps("Set-Location nope; $PWD.Path")
    assert r.stdout == f"{tree}\n"
    assert r.stderr.strip() == f"Set-Location: Cannot find path '{tree / 'nope'}' because it does not exist."
    r = ps("Set-Location nope -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId")
    assert r.stdout == "PathNotFound,Microsoft.PowerShell.Commands.SetLocationCommand\n"


def test_set_location_to_a_file(ps, tree):
    r = ps("Set-Location file.txt; $PWD.Path")
    assert r.stdout == f"{tree}\n"
    assert "because it does not exist." in r.stderr


def test_set_location_other_drives(ps, tree):
    r = ps("Set-Location Env:; Set-Location Q:\\x")
    assert "Cannot change location to the Env drive" in r.stderr
    assert "Cannot find drive. A drive with the name 'Q' does not exist." in r.stderr


def test_push_and_pop_location(ps, tree):
    r = ps("Push-Location sub; $PWD.Path; Push-Location deep; (Get-Location -Stack).Path; Pop-Location; "
           "$PWD.Path; Pop-Location; $PWD.Path; Pop-Location; $PWD.Path")
    assert r.stdout.split() == [str(tree / "sub"), str(tree / "sub"), str(tree), str(tree / "sub"), str(tree),
                                str(tree)]
    assert r.stderr == ""


def test_push_location_without_path_and_pass_thru(ps, tree):
    r = ps("Push-Location; cd sub; (Pop-Location -PassThru).Path; pushd sub; popd; $PWD.Path")
    assert r.stdout.split() == [str(tree), str(tree)]


def test_named_location_stacks(ps, tree):
    r = ps("Push-Location sub -StackName work; cd /; Pop-Location -StackName work; $PWD.Path; "
           "Pop-Location -StackName nope")
    assert r.stdout == f"{tree}\n"
    assert "Cannot find location stack 'nope'." in r.stderr


def test_get_psdrive(ps, tree):
    out = lines(ps("Get-PSDrive").stdout)
    assert out[0].split() == ["Name", "Used", "(GB)", "Free", "(GB)", "Provider", "Root", "CurrentLocation"]
    names = [ln.split()[0] for ln in out[2:]]
    assert names == ["/", "Alias", "C", "D", "Env", "Function", "Temp", "Variable"]
    root = out[2]
    assert root.endswith(tree.name) and "FileSystem" in root  # long locations keep their tail (…)


def test_get_psdrive_filters(ps):
    assert ps("(Get-PSDrive -PSProvider FileSystem).Name").stdout.split() == ["/", "C", "D", "Temp"]
    assert ps("(Get-PSDrive E*).Name").stdout.split() == ["Env"]
    r = ps("Get-PSDrive Q")
    assert "Get-PSDrive: Cannot find drive. A drive with the name 'Q' does not exist." in r.stderr


def test_get_process_current_only(ps):
    r = ps("$p = Get-Process; $p.Id -eq $PID; $p.ProcessName; (Get-Process -Id $PID).Id -eq $PID")
    assert r.stdout.split() == ["True", "o365shell", "True"]
    out = lines(ps("Get-Process").stdout)
    assert out[0] == " NPM(K)    PM(M)      WS(M)     CPU(s)      Id  SI ProcessName"


def test_get_process_errors(ps):
    r = ps("Get-Process -Id 999999; Get-Process -Name notepad")
    assert "Cannot find a process with the process identifier 999999." in r.stderr
    assert 'Cannot find a process with the name "notepad". Verify the process name and call the cmdlet again.' \
        in r.stderr
