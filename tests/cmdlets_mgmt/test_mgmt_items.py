"""Get-Item, Get-ChildItem, New-Item, mkdir, Remove-Item, Copy-Item, Move-Item, Rename-Item, Invoke-Item
and the FileInfo / DirectoryInfo objects."""
from __future__ import annotations

import os
import re

import pytest
from mgmt_support import lines, ps, sh  # noqa: F401  (fixtures)


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "b.txt").write_text("bb")
    (tmp_path / "a.csv").write_text("aaaa")
    (tmp_path / ".hidden").write_text("h")
    (tmp_path / "zdir").mkdir()
    (tmp_path / "adir").mkdir()
    (tmp_path / "adir" / "inner.txt").write_text("i")
    (tmp_path / "adir" / "deep").mkdir()
    (tmp_path / "adir" / "deep" / "d.log").write_text("d")
    return tmp_path


# ----------------------------------------------------------------------------- Get-ChildItem

ROW = re.compile(r"^(?P<mode>[-dlarhs]{5})\s+(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+(?P<time>\d{1,2}:\d{2} [AP]M)"
                 r"\s+(?P<len>\d*)\s*(?P<name>\S.*)$")


def test_listing_layout(ps, tree):
    out = ps("Get-ChildItem").stdout
    text = out.split("\n")
    assert text[0] == ""
    assert text[1] == f"    Directory: {tree}"
    assert text[2] == ""
    assert text[3] == "Mode                 LastWriteTime         Length Name"
    assert text[4] == "----                 -------------         ------ ----"
    rows = [ROW.match(t) for t in text[5:9]]
    assert all(rows), text
    assert [(m["mode"], m["len"], m["name"]) for m in rows] == [
        ("d----", "", "adir"), ("d----", "", "zdir"), ("-----", "4", "a.csv"), ("-----", "2", "b.txt")]
    # the Length column is right-aligned and ends at column 49 (pwsh's 7/26/14 widths)
    assert text[7].index("4 a.csv") == 48


def test_aliases_ls_dir_gci(ps, tree):
    base = ps("Get-ChildItem -Name").stdout
    assert base == "adir\nzdir\na.csv\nb.txt\n"
    assert ps("ls -Name").stdout == ps("dir -Name").stdout == ps("gci -Name").stdout == base


def test_hidden_items_need_force(ps, tree):
    assert ".hidden" not in ps("Get-ChildItem -Name").stdout
    assert ps("Get-ChildItem -Name -Force").stdout.split("\n")[2] == ".hidden"
    assert ps("(Get-Item .hidden -Force).Mode").stdout == "---h-\n"


def test_recurse_order_and_names(ps, tree):
    r = ps("Get-ChildItem -Recurse -Name")
    assert r.stdout.split() == ["adir", "zdir", "a.csv", "b.txt", "adir/deep", "adir/inner.txt",
                                "adir/deep/d.log"]


def test_recurse_groups_by_directory(ps, tree):
    out = ps("Get-ChildItem adir -Recurse").stdout
    headers = [ln for ln in out.split("\n") if "Directory:" in ln]
    assert headers == [f"    Directory: {tree / 'adir'}", f"    Directory: {tree / 'adir' / 'deep'}"]


def test_depth_limits_recursion(ps, tree):
    assert ps("Get-ChildItem adir -Depth 0 -Name").stdout.split() == ["deep", "inner.txt"]


def test_file_and_directory_switches(ps, tree):
    assert ps("Get-ChildItem -File -Name").stdout.split() == ["a.csv", "b.txt"]
    assert ps("Get-ChildItem -Directory -Name").stdout.split() == ["adir", "zdir"]
    assert ps("Get-ChildItem -ad -Name").stdout.split() == ["adir", "zdir"]


def test_filter_include_exclude(ps, tree):
    assert ps("Get-ChildItem -Filter *.txt -Name").stdout.split() == ["b.txt"]
    assert ps("Get-ChildItem . *.csv -Name").stdout.split() == ["a.csv"]
    assert ps("Get-ChildItem -Recurse -Include *.txt, *.log -Name").stdout.split() == \
        ["b.txt", "adir/inner.txt", "adir/deep/d.log"]
    assert ps("Get-ChildItem -Exclude *.txt -Name -File").stdout.split() == ["a.csv"]


def test_wildcard_path_lists_the_matches_themselves(ps, tree):
    assert ps("Get-ChildItem *.txt -Name").stdout.split() == ["b.txt"]
    assert ps("(Get-ChildItem a*).Name").stdout.split() == ["a.csv", "adir"]
    assert ps("(Get-ChildItem ./adir/*).Name").stdout.split() == ["deep", "inner.txt"]


def test_wildcard_path_with_recurse_filters_every_level(ps, tree):
    assert ps("Get-ChildItem *.txt -Recurse -Name").stdout.split() == ["b.txt", "adir/inner.txt"]
    assert ps("(Get-ChildItem ./adir/*.log -Recurse).Name").stdout.split() == ["d.log"]


def test_file_path_lists_the_file(ps, tree):
    assert ps("(Get-ChildItem b.txt).Name").stdout == "b.txt\n"


def test_missing_path_error(ps, tree):
    r = ps("Get-ChildItem nope; 'after'")
    assert r.stdout == "after\n"
    assert r.stderr.strip() == f"Get-ChildItem: Cannot find path '{tree / 'nope'}' because it does not exist."
    r = ps("Get-ChildItem nope -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId")
    assert r.stdout == "PathNotFound,Microsoft.PowerShell.Commands.GetChildItemCommand\n"


def test_env_drive_listing(ps, monkeypatch):
    monkeypatch.setenv("O365_GCI", "v1")
    r = ps("Get-ChildItem Env:O365_GCI")
    assert lines(r.stdout) == ["Name                           Value", "----                           -----",
                               "O365_GCI                       v1"]
    assert ps("(Get-ChildItem Env:).Count -gt 3").stdout == "True\n"


def test_function_and_alias_drives(ps):
    r = ps("function Get-Foo { 1 }; (Get-ChildItem Function:Get-Foo).Name; (Get-Item Alias:gci).Definition")
    assert r.stdout.split() == ["Get-Foo", "Get-ChildItem"]


# ----------------------------------------------------------------------------- FileInfo / DirectoryInfo

def test_file_info_properties(ps, tree):
    r = ps("$f = Get-Item b.txt; $f.GetType().FullName; $f.Name; $f.FullName; $f.Length; $f.Extension; "
           "$f.BaseName; $f.DirectoryName; $f.Directory.Name; $f.Exists; $f.Mode; $f.PSIsContainer; "
           "$f.LastWriteTime.GetType().Name; $f.PSPath; \"$f\"")
    assert r.stdout.split("\n")[:14] == [
        "System.IO.FileInfo", "b.txt", str(tree / "b.txt"), "2", ".txt", "b", str(tree), tree.name, "True",
        "-----", "False", "DateTime", f"Microsoft.PowerShell.Core\\FileSystem::{tree / 'b.txt'}", str(tree / "b.txt")]


def test_directory_info_properties(ps, tree):
    r = ps("$d = Get-Item adir; $d.GetType().FullName; $d.Name; $d.Mode; $d.PSIsContainer; $d.Parent.FullName; "
           "($d.GetFiles()).Name; ($d.GetDirectories()).Name")
    assert r.stdout.split() == ["System.IO.DirectoryInfo", "adir", "d----", "True", str(tree), "inner.txt", "deep"]


def test_file_info_is_a_file_system_info(ps, tree):
    r = ps("(Get-Item b.txt) -is [System.IO.FileInfo]; (Get-Item b.txt).PSObject.TypeNames -contains "
           "'System.IO.FileSystemInfo'")
    assert r.stdout.split()[0] == "True"


def test_sort_and_measure_file_lengths(ps, tree):
    r = ps("Get-ChildItem -File | Sort-Object Length -Descending | Select-Object -First 1 -ExpandProperty Name; "
           "(Get-ChildItem -File | Measure-Object Length -Sum).Sum")
    assert r.stdout.split() == ["a.csv", "6"]


def test_symbolic_link_listing(ps, tree):
    os.symlink("b.txt", tree / "link.txt")
    r = ps("$l = Get-Item link.txt; $l.LinkType; $l.Target; $l.Mode")
    assert r.stdout.split() == ["SymbolicLink", "b.txt", "l----"]
    assert "link.txt -> b.txt" in ps("Get-ChildItem link.txt").stdout


# ----------------------------------------------------------------------------- Get-Item

def test_get_item_directory_itself(ps, tree):
    out = ps("Get-Item adir").stdout
    assert f"    Directory: {tree}" in out and out.rstrip().endswith("adir")


def test_get_item_wildcards_and_missing(ps, tree):
    assert ps("(Get-Item *.txt, *.csv).Name").stdout.split() == ["b.txt", "a.csv"]
    r = ps("Get-Item ./missing.txt -ErrorAction SilentlyContinue -ErrorVariable ev; $ev.Count; "
           "$ev[0].FullyQualifiedErrorId; \"$($ev[0].CategoryInfo.Category)\"")
    assert r.stdout.split() == ["1", "PathNotFound,Microsoft.PowerShell.Commands.GetItemCommand", "ObjectNotFound"]


def test_get_item_error_action_stop(ps):
    r = ps("try { Get-Item -Path ./missing.txt -ErrorAction Stop; 'not reached' } catch { 'caught missing file' }")
    assert r.stdout == "caught missing file\n"


def test_get_item_from_pipeline(ps, tree):
    assert ps("'b.txt', 'a.csv' | Get-Item | ForEach-Object Length").stdout.split() == ["2", "4"]


def test_get_item_list_view(ps, tree):
    out = ps("Get-Item b.txt | Format-List").stdout
    assert f"    Directory: {tree}" in out
    assert re.search(r"^Name\s+: b\.txt$", out, re.MULTILINE) and re.search(r"^Length\s+: 2$", out, re.MULTILINE)


# ----------------------------------------------------------------------------- New-Item / mkdir

def test_new_item_file_with_value_no_newline(ps, tmp_path):
    r = ps("New-Item notes.txt -Value 'first line' | Select-Object -ExpandProperty Name")
    assert r.stdout == "notes.txt\n"
    assert (tmp_path / "notes.txt").read_text() == "first line"


def test_new_item_default_is_an_empty_file(ps, tmp_path):
    ps("New-Item empty.txt")
    assert (tmp_path / "empty.txt").read_bytes() == b""


def test_new_item_shows_the_listing(ps, tmp_path):
    out = ps("New-Item -Path f.txt -ItemType File -Value abc").stdout
    assert f"    Directory: {tmp_path}" in out
    assert re.search(r"^-----\s+\S+\s+\S+ [AP]M\s+3 f\.txt$", out, re.MULTILINE)


def test_new_item_existing_file(ps, tmp_path):
    (tmp_path / "f.txt").write_text("keep")
    r = ps("New-Item f.txt -Value x")
    assert r.stdout == ""
    assert f"New-Item: The file '{tmp_path / 'f.txt'}' already exists." in r.stderr
    assert (tmp_path / "f.txt").read_text() == "keep"
    ps("New-Item f.txt -Value new -Force")
    assert (tmp_path / "f.txt").read_text() == "new"


def test_new_item_directory(ps, tmp_path):
    r = ps("New-Item -ItemType Directory -Path reports | ForEach-Object { $_.GetType().Name }")
    assert r.stdout == "DirectoryInfo\n" and (tmp_path / "reports").is_dir()
    r = ps("New-Item -ItemType Directory -Path reports")
    assert f"An item with the specified name {tmp_path / 'reports'} already exists." in r.stderr
    r = ps("New-Item -ItemType Directory -Path reports -Force | % Name")
    assert r.stdout == "reports\n" and r.stderr == ""


def test_new_item_directory_creates_parents(ps, tmp_path):
    ps("New-Item -Type Directory a/b/c")
    assert (tmp_path / "a" / "b" / "c").is_dir()


def test_new_item_file_in_missing_directory(ps, tmp_path):
    r = ps("New-Item x/y/z.txt")
    assert f"Could not find a part of the path '{tmp_path / 'x' / 'y' / 'z.txt'}'." in r.stderr
    ps("New-Item x/y/z.txt -Force")
    assert (tmp_path / "x" / "y" / "z.txt").is_file()


def test_new_item_name_parameter(ps, tmp_path):
    (tmp_path / "d").mkdir()
    ps("New-Item -Path d -Name n.txt -Value q; New-Item -Name top.txt")
    assert (tmp_path / "d" / "n.txt").read_text() == "q"
    assert (tmp_path / "top.txt").exists()


def test_new_item_bad_type(ps):
    r = ps("New-Item w -ItemType Folder")
    assert 'The type is not a known type for the file system. Only "file","directory","symboliclink","junction",' \
           '"hardlink" can be specified.' in r.stderr


def test_new_item_symbolic_link(ps, tmp_path):
    (tmp_path / "target.txt").write_text("t")
    ps("New-Item -ItemType SymbolicLink -Path ln.txt -Target target.txt")
    assert os.readlink(tmp_path / "ln.txt") == "target.txt"


def test_new_item_what_if(ps, tmp_path):
    r = ps("New-Item f.txt -WhatIf")
    assert r.stdout == f'What if: Performing the operation "Create File" on target "Destination: {tmp_path / "f.txt"}".\n'
    assert not (tmp_path / "f.txt").exists()


def test_mkdir_function_and_md_alias(ps, tmp_path):
    r = ps("mkdir m1, m2 | ForEach-Object Name; md m3 | ForEach-Object Name; (Get-Command mkdir).CommandType")
    assert r.stdout.split() == ["m1", "m2", "m3", "Function"]
    assert all((tmp_path / n).is_dir() for n in ("m1", "m2", "m3"))


# ----------------------------------------------------------------------------- Remove-Item

def test_remove_file(ps, tree):
    r = ps("Remove-Item b.txt; Test-Path b.txt")
    assert r.stdout == "False\n" and r.stderr == ""


def test_remove_aliases(ps, tree):
    ps("rm b.txt; del a.csv; rmdir zdir")
    assert not (tree / "b.txt").exists() and not (tree / "a.csv").exists() and not (tree / "zdir").exists()


def test_remove_non_empty_directory_needs_recurse(ps, tree):
    r = ps("Remove-Item adir; Test-Path adir")
    assert r.stdout == "True\n"
    assert "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available." in r.stderr
    assert f"The item at {tree / 'adir'} has children and the Recurse parameter was not specified." in r.stderr
    r = ps("Remove-Item adir -Recurse; Test-Path adir")
    assert r.stdout == "False\n" and r.stderr == ""


def test_remove_empty_directory(ps, tree):
    assert ps("Remove-Item zdir; Test-Path zdir").stdout == "False\n"


def test_remove_wildcards_and_pipeline(ps, tree):
    ps("Remove-Item *.txt")
    assert not (tree / "b.txt").exists() and (tree / "a.csv").exists()
    ps("Get-ChildItem *.csv | Remove-Item")
    assert not (tree / "a.csv").exists()


def test_remove_missing(ps, tree):
    r = ps("Remove-Item nope.txt")
    assert f"Remove-Item: Cannot find path '{tree / 'nope.txt'}' because it does not exist." in r.stderr


def test_remove_what_if(ps, tree):
    r = ps("Remove-Item b.txt -WhatIf")
    assert r.stdout == f'What if: Performing the operation "Remove File" on target "{tree / "b.txt"}".\n'
    assert (tree / "b.txt").exists()


def test_remove_env_variable(ps, monkeypatch):
    monkeypatch.setenv("O365_RM", "x")
    r = ps("Remove-Item Env:O365_RM; Test-Path Env:O365_RM")
    assert r.stdout == "False\n"
    assert "O365_RM" not in os.environ


def test_remove_interactive_confirmation(tmp_path, monkeypatch):
    from o365shell.embed import Shell
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "f").write_text("x")
    sh = Shell(answers=["n", "y"], noninteractive=False)
    sh.session.interactive = True
    sh.run("Remove-Item d")
    assert (tmp_path / "d").exists()
    sh.run("Remove-Item d")
    assert not (tmp_path / "d").exists()


# ----------------------------------------------------------------------------- Copy / Move / Rename

def test_copy_file(ps, tree):
    ps("Copy-Item b.txt c.txt; Copy-Item a.csv zdir")
    assert (tree / "c.txt").read_text() == "bb" and (tree / "zdir" / "a.csv").read_text() == "aaaa"


def test_copy_overwrites(ps, tree):
    ps("Copy-Item a.csv b.txt")
    assert (tree / "b.txt").read_text() == "aaaa"


def test_copy_directory_needs_recurse_for_contents(ps, tree):
    ps("Copy-Item adir empty")
    assert (tree / "empty").is_dir() and not list((tree / "empty").iterdir())
    ps("Copy-Item adir full -Recurse")
    assert (tree / "full" / "deep" / "d.log").read_text() == "d"


def test_copy_pass_thru_and_missing(ps, tree):
    assert ps("Copy-Item b.txt c.txt -PassThru | % Name").stdout == "c.txt\n"
    r = ps("Copy-Item nope.txt x.txt")
    assert f"Copy-Item: Cannot find path '{tree / 'nope.txt'}' because it does not exist." in r.stderr


def test_move_and_rename(ps, tree):
    ps("Move-Item b.txt zdir; Move-Item a.csv renamed.csv")
    assert (tree / "zdir" / "b.txt").exists() and (tree / "renamed.csv").exists()
    r = ps("Rename-Item renamed.csv -NewName final.csv -PassThru | % Name")
    assert r.stdout == "final.csv\n"


def test_move_onto_existing_file_needs_force(ps, tree):
    (tree / "c.txt").write_text("c")
    r = ps("Move-Item b.txt c.txt")
    assert "Cannot create a file when that file already exists." in r.stderr
    ps("Move-Item b.txt c.txt -Force")
    assert (tree / "c.txt").read_text() == "bb" and not (tree / "b.txt").exists()


def test_rename_errors(ps, tree):
    r = ps("Rename-Item b.txt a.csv")
    assert "Cannot create a file when that file already exists." in r.stderr
    r = ps("Rename-Item b.txt zdir/x.txt")
    assert "Cannot rename the specified target, because it represents a path or device name." in r.stderr


def test_rename_from_pipeline_with_script_block(ps, tree):
    ps("Get-ChildItem *.txt | Rename-Item -NewName { $_.Name -replace '\\.txt$', '.log' }")
    assert (tree / "b.log").exists()


# ----------------------------------------------------------------------------- Invoke-Item

def test_invoke_item_warns_that_there_is_no_desktop_and_goes_on(ps, tree):
    r = ps("Invoke-Item b.txt; $?; 'after'")
    assert r.stdout == "True\nafter\n"
    assert r.stderr == f"WARNING: '{tree / 'b.txt'}' would open in its default application; o365shell has no " \
                       "desktop (Get-Content reads a text file).\n"


def test_invoke_item_missing(ps, tree):
    r = ps("ii nope.txt")
    assert f"Cannot find path '{tree / 'nope.txt'}' because it does not exist." in r.stderr


def test_writing_to_a_folder_or_a_missing_folder_is_a_file_error(ps, tree):
    r = ps("1 | Out-File zdir; 'x'")
    assert r.stdout == "x\n" and "Out-File: Access to the path" in r.stderr and "is denied." in r.stderr
