"""Test-Path, Join-Path, Split-Path, Resolve-Path as pwsh 7.4 behaves on Linux."""
from __future__ import annotations

import os

import pytest
from mgmt_support import ps, sh  # noqa: F401  (fixtures)


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / "b.csv").write_text("b")
    (tmp_path / ".hidden").write_text("h")
    (tmp_path / "dir").mkdir()
    (tmp_path / "dir" / "inner.txt").write_text("i")
    return tmp_path


# ----------------------------------------------------------------------------- Test-Path

def test_test_path_file_dir_missing(ps, tree):
    r = ps("Test-Path a.txt; Test-Path dir; Test-Path nope.txt; Test-Path ./dir/inner.txt; Test-Path dir\\inner.txt")
    assert r.stdout.split() == ["True", "True", "False", "True", "True"]
    assert r.stderr == ""


@pytest.mark.parametrize("path,ptype,expected", [
    ("a.txt", "Leaf", "True"), ("a.txt", "Container", "False"), ("dir", "Container", "True"),
    ("dir", "Leaf", "False"), ("a.txt", "Any", "True"), ("nope", "Leaf", "False"), ("dir", "container", "True"),
])
def test_test_path_path_type(ps, tree, path, ptype, expected):
    assert ps(f"Test-Path -Path {path} -PathType {ptype}").stdout == expected + "\n"


def test_test_path_type_alias(ps, tree):
    assert ps("Test-Path dir -Type Container").stdout == "True\n"


def test_test_path_bad_path_type_value(ps, tree):
    r = ps("Test-Path a.txt -PathType File")
    assert r.stdout == ""
    assert "Cannot bind parameter 'PathType'. Cannot convert value \"File\" to type " \
           "\"Microsoft.PowerShell.Commands.TestPathType\"." in r.stderr
    assert "Any" in r.stderr and "Container" in r.stderr and "Leaf" in r.stderr


def test_test_path_several_paths_give_several_booleans(ps, tree):
    r = ps("$r = Test-Path a.txt, nope, dir; $r.Count; $r[0].GetType().Name; $r -join ','")
    assert r.stdout.split() == ["3", "Boolean", "True,False,True"]


def test_test_path_wildcards(ps, tree):
    r = ps("Test-Path *.txt; Test-Path *.nothing; Test-Path 'dir/*.txt'")
    assert r.stdout.split() == ["True", "False", "True"]


def test_test_path_literal_path(ps, tree):
    (tree / "x[1].txt").write_text("")
    r = ps("Test-Path -LiteralPath 'x[1].txt'; Test-Path -LiteralPath '*.txt'")
    assert r.stdout.split() == ["True", "False"]


def test_test_path_empty_and_whitespace_are_false(ps):
    assert ps("Test-Path ''; Test-Path '   '").stdout.split() == ["False", "False"]


def test_test_path_null_is_a_non_terminating_error(ps):
    r = ps("Test-Path $null; 'after'; $Error[0].FullyQualifiedErrorId")
    assert r.stdout.split() == ["after", "NullPathNotPermitted,Microsoft.PowerShell.Commands.TestPathCommand"]
    assert "Value cannot be null. (Parameter 'The provided Path argument was null or an empty collection.')" \
        in r.stderr


def test_test_path_is_valid(ps):
    assert ps("Test-Path '/no/such/dir/file.txt' -IsValid").stdout == "True\n"


def test_test_path_unknown_drive_is_false(ps):
    r = ps("Test-Path 'Q:\\Windows'; Test-Path 'HKLM:\\Software'")  # C: and D: exist: test_mgmt_drives
    assert r.stdout.split() == ["False", "False"]
    assert r.stderr == ""


def test_test_path_other_drives(ps, monkeypatch):
    monkeypatch.setenv("O365_TP", "1")
    r = ps("Test-Path env:O365_TP; Test-Path Env:\\O365_NOPE; Test-Path variable:PSVersionTable; "
           "Test-Path variable:nope; Test-Path function:mkdir; Test-Path alias:gci; Test-Path alias:nope; "
           "Test-Path Env: -PathType Container")
    assert r.stdout.split() == ["True", "False", "True", "False", "True", "True", "False", "True"]


def test_test_path_pipeline_by_value_and_property(ps, tree):
    r = ps("'a.txt', 'nope' | Test-Path; Get-Item a.txt | Test-Path; [pscustomobject]@{Path='dir'} | Test-Path")
    assert r.stdout.split() == ["True", "False", "True", "True"]


def test_test_path_hidden_file(ps, tree):
    assert ps("Test-Path .hidden").stdout == "True\n"


def test_test_path_older_newer(ps, tree):
    r = ps("Test-Path a.txt -NewerThan (Get-Date).AddDays(-1); Test-Path a.txt -OlderThan (Get-Date).AddDays(-1)")
    assert r.stdout.split() == ["True", "False"]


# ----------------------------------------------------------------------------- Join-Path

@pytest.mark.parametrize("args,expected", [
    ("a b", "a/b"), ("a/ /b", "a/b"), ("a\\b c", "a/b/c"), ("/ etc", "/etc"), ("a b c d.txt", "a/b/c/d.txt"),
    ("-Path a -ChildPath b -AdditionalChildPath c, d", "a/b/c/d"), ("a ''", "a/"), ("'' b", "b"),
    ("~ docs", "~/docs"), ("Env: Path", "Env:/Path"),
])
def test_join_path(ps, args, expected):
    r = ps(f"Join-Path {args}")
    assert r.stdout == expected + "\n" and r.stderr == ""


def test_join_path_several_parents(ps):
    assert ps("Join-Path -Path a, b -ChildPath c").stdout == "a/c\nb/c\n"


def test_join_path_pipeline_by_property_name(ps):
    assert ps("[pscustomobject]@{Path='p'; ChildPath='c'} | Join-Path").stdout == "p/c\n"


def test_join_path_unknown_drive(ps):
    r = ps("Join-Path 'Q:\\Users' 'x'; 'next'")
    assert r.stdout == "next\n"
    assert "Join-Path: Cannot find drive. A drive with the name 'Q' does not exist." in r.stderr


def test_join_path_resolve(ps, tree):
    r = ps("Join-Path . '*.txt' -Resolve; Join-Path . nope -Resolve")
    assert r.stdout == f"{tree / 'a.txt'}\n"
    assert f"Cannot find path '{tree / 'nope'}' because it does not exist." in r.stderr


# ----------------------------------------------------------------------------- Split-Path

@pytest.mark.parametrize("args,expected", [
    ("/home/admin/report.csv", "/home/admin"), ("/home/admin/report.csv -Parent", "/home/admin"),
    ("/home", "/"), ("/", ""), ("report.csv", ""), ("a/b/", "a"), ("'C:\\Users\\x\\f.txt'", "C:\\Users\\x"),
    ("/home/admin/report.csv -Leaf", "report.csv"), ("/home/admin/ -Leaf", "admin"),
    ("./report.final.csv -LeafBase", "report.final"), ("./report.csv -Extension", ".csv"),
    ("./README -Extension", ""), ("Env:HOME -Qualifier", "Env:"), ("Env:HOME -NoQualifier", "HOME"),
    ("/a/b -NoQualifier", "/a/b"), ("/a/b -IsAbsolute", "True"), ("a/b -IsAbsolute", "False"),
    ("Env:X -IsAbsolute", "True"),
])
def test_split_path(ps, args, expected):
    r = ps(f"Split-Path {args}")
    assert r.stdout == expected + "\n" and r.stderr == ""


def test_split_path_qualifier_missing(ps):
    r = ps("Split-Path /a/b -Qualifier")
    assert r.stdout == ""
    assert "Split-Path: Cannot parse path because path '/a/b' does not have a qualifier specified." in r.stderr


def test_split_path_pipeline_by_value(ps):
    assert ps("'a/b/c.txt', 'x/y' | Split-Path -Leaf").stdout == "c.txt\ny\n"


def test_split_path_resolve(ps, tree):
    r = ps("Split-Path 'dir/*.txt' -Leaf -Resolve")
    assert r.stdout == "inner.txt\n"


def test_split_path_switches_are_exclusive(ps):
    r = ps("Split-Path a/b -Leaf -Extension")
    assert r.stdout == ""
    assert "Parameter set cannot be resolved" in r.stderr


# ----------------------------------------------------------------------------- Resolve-Path

def test_resolve_path_returns_path_info(ps, tree):
    r = ps("$p = Resolve-Path a.txt; $p.GetType().FullName; $p.Path; $p.ProviderPath; \"$p\"")
    assert r.stdout.split() == ["System.Management.Automation.PathInfo", str(tree / "a.txt"), str(tree / "a.txt"),
                                str(tree / "a.txt")]


def test_resolve_path_table(ps, tree):
    r = ps("Resolve-Path dir")
    assert r.stdout == f"\nPath\n----\n{tree / 'dir'}\n\n"


def test_resolve_path_wildcards_and_home(ps, tree):
    r = ps("(Resolve-Path *.txt, *.csv).Path; (Resolve-Path ~).Path")
    assert r.stdout.split() == [str(tree / "a.txt"), str(tree / "b.csv"), os.environ["HOME"]]


def test_resolve_path_relative(ps, tree):
    r = ps("Resolve-Path a.txt -Relative; Resolve-Path dir/inner.txt -Relative; Set-Location dir; "
           "Resolve-Path ../a.txt -Relative")
    assert r.stdout.split() == ["./a.txt", "./dir/inner.txt", "../a.txt"]


def test_resolve_path_missing(ps, tree):
    r = ps("Resolve-Path nope; Resolve-Path '*.nothing'")
    assert f"Resolve-Path: Cannot find path '{tree / 'nope'}' because it does not exist." in r.stderr
    assert f"Cannot find path '{tree / '*.nothing'}' because it does not exist." in r.stderr
    r = ps("Resolve-Path nope -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId")
    assert r.stdout == "PathNotFound,Microsoft.PowerShell.Commands.ResolvePathCommand\n"
