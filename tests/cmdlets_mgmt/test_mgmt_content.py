"""Get-Content, Set-Content, Add-Content, Clear-Content: what pwsh 7.4 reads and writes."""
from __future__ import annotations

import os
import pathlib

import pytest
from mgmt_support import ps, sh  # noqa: F401  (fixtures)

MISSING_MSG = "Get-Content: Cannot find path '{}' because it does not exist."


# ----------------------------------------------------------------------------- Set-Content / Get-Content

def test_set_content_writes_utf8_lines_with_lf(ps, tmp_path):
    r = ps("Set-Content -Path t.txt -Value 'one', 'tw\u00f6'")
    assert r.stdout == "" and r.stderr == ""
    assert (tmp_path / "t.txt").read_bytes() == "one\ntw\u00f6\n".encode()


def test_get_content_lines_are_strings_without_terminators(ps, tmp_path):
    (tmp_path / "a.txt").write_bytes(b"one\r\ntwo\nthree")
    r = ps("$c = Get-Content a.txt; $c.Count; $c[0].GetType().Name; $c[0].Length; $c -join '|'")
    assert r.stdout.split() == ["3", "String", "3", "one|two|three"]


def test_positional_path_and_alias_gc_cat_type(ps, tmp_path):
    (tmp_path / "a.txt").write_text("x\ny\n")
    r = ps("gc a.txt; cat a.txt; type a.txt")
    assert r.stdout == "x\ny\n" * 3


def test_set_add_get_round_trip_conformance_case(ps):
    r = ps("Set-Content -Path t.txt -Value 'one', 'two'\nAdd-Content -Path t.txt -Value 'three'\n"
           "(Get-Content -Path t.txt).Count\n"
           "Get-Content -Path t.txt -Raw | ForEach-Object { $_.Trim() -replace \"`n\", '|' }")
    assert r.stdout == "3\none|two|three\n"


def test_raw_returns_one_string_with_line_breaks(ps, tmp_path):
    (tmp_path / "a.txt").write_text("a\nb\n")
    r = ps("$r = Get-Content a.txt -Raw; $r.GetType().Name; $r.Length")
    assert r.stdout.split() == ["String", "4"]


def test_empty_file_gives_nothing(ps, tmp_path):
    (tmp_path / "e.txt").write_text("")
    r = ps("$x = Get-Content e.txt; $null -eq $x; $y = Get-Content e.txt -Raw; $null -eq $y")
    assert r.stdout.split() == ["True", "True"]


@pytest.mark.parametrize("param", ["-TotalCount 2", "-Head 2", "-First 2"])
def test_total_count_and_aliases(ps, tmp_path, param):
    (tmp_path / "n.txt").write_text("1\n2\n3\n4\n")
    assert ps(f"Get-Content n.txt {param}").stdout == "1\n2\n"


@pytest.mark.parametrize("param", ["-Tail 2", "-Last 2"])
def test_tail_and_alias(ps, tmp_path, param):
    (tmp_path / "n.txt").write_text("1\n2\n3\n4\n")
    assert ps(f"Get-Content n.txt {param}").stdout == "3\n4\n"


def test_tail_zero_and_total_count_zero(ps, tmp_path):
    (tmp_path / "n.txt").write_text("1\n2\n")
    assert ps("Get-Content n.txt -Tail 0; Get-Content n.txt -TotalCount 0").stdout == ""


def test_total_count_with_tail_is_an_error(ps, tmp_path):
    (tmp_path / "n.txt").write_text("1\n2\n")
    r = ps("Get-Content n.txt -TotalCount 1 -Tail 1")
    assert r.stdout == ""
    assert "The parameters TotalCount and Tail cannot be specified at the same time." in r.stderr


def test_read_count_sends_arrays(ps, tmp_path):
    (tmp_path / "n.txt").write_text("1\n2\n3\n4\n5\n")
    r = ps("$chunks = @(Get-Content n.txt -ReadCount 2); $chunks.Count; $chunks[0] -join ','; $chunks[2] -join ','")
    assert r.stdout.split() == ["3", "1,2", "5"]


def test_read_count_zero_sends_one_array(ps, tmp_path):
    (tmp_path / "n.txt").write_text("1\n2\n3\n")
    r = ps("Get-Content n.txt -ReadCount 0 | ForEach-Object { $_.Count }")
    assert r.stdout == "3\n"


def test_delimiter_keeps_the_delimiter(ps, tmp_path):
    (tmp_path / "d.txt").write_text("a,b,c")
    r = ps("$p = Get-Content d.txt -Delimiter ','; $p.Count; $p -join '|'")
    assert r.stdout.split() == ["3", "a,|b,|c"]


def test_byte_order_mark_decides_the_encoding(ps, tmp_path):
    (tmp_path / "u16.txt").write_bytes("\ufeffh\u00e9llo\r\nw".encode("utf-16-le"))
    (tmp_path / "u8.txt").write_bytes(b"\xef\xbb\xbfbom\n")
    r = ps("Get-Content u16.txt; (Get-Content u8.txt).Length")
    assert r.stdout == "h\u00e9llo\nw\n3\n"


@pytest.mark.parametrize("name,data", [
    ("unicode", b"\xff\xfeh\x00i\x00\n\x00"),
    ("bigendianunicode", b"\xfe\xff\x00h\x00i\x00\n"),
    ("utf8BOM", b"\xef\xbb\xbfhi\n"),
    ("utf8NoBOM", b"hi\n"),
    ("utf8", b"hi\n"),
    ("ascii", b"hi\n"),
    ("utf32", b"\xff\xfe\x00\x00h\x00\x00\x00i\x00\x00\x00\n\x00\x00\x00"),
])
def test_set_content_encodings(ps, tmp_path, name, data):
    r = ps(f"Set-Content -Path e.txt -Value hi -Encoding {name}; Get-Content e.txt -Encoding {name}")
    assert r.stderr == ""
    assert (tmp_path / "e.txt").read_bytes() == data
    assert r.stdout == "hi\n"


def test_encoding_object_and_code_page(ps, tmp_path):
    ps("Set-Content a.txt -Value x -Encoding ([System.Text.Encoding]::Unicode); "
       "Set-Content b.txt -Value x -Encoding 1200")
    assert (tmp_path / "a.txt").read_bytes() == b"\xff\xfex\x00\n\x00"
    assert (tmp_path / "b.txt").read_bytes() == b"\xff\xfex\x00\n\x00"


def test_unknown_encoding_is_a_transformation_error(ps, tmp_path):
    (tmp_path / "a.txt").write_text("x")
    r = ps("Get-Content a.txt -Encoding Byte")
    assert r.stdout == ""
    assert "Cannot process argument transformation on parameter 'Encoding'. 'Byte' is not a supported encoding name." \
        in r.stderr


def test_as_byte_stream(ps, tmp_path):
    (tmp_path / "b.bin").write_bytes(b"\x01\xff")
    r = ps("$b = Get-Content b.bin -AsByteStream; $b.Count; $b[1]; $b[1].GetType().Name; "
           "(Get-Content b.bin -AsByteStream -Raw).Count")
    assert r.stdout.split() == ["2", "255", "Byte", "2"]


def test_set_content_as_byte_stream(ps, tmp_path):
    ps("Set-Content out.bin -Value ([byte[]](65, 0, 66)) -AsByteStream")
    assert (tmp_path / "out.bin").read_bytes() == b"A\x00B"


def test_wildcard_path_reads_every_match_in_name_order(ps, tmp_path):
    (tmp_path / "b.txt").write_text("B\n")
    (tmp_path / "a.txt").write_text("A\n")
    (tmp_path / "c.log").write_text("C\n")
    assert ps("Get-Content *.txt").stdout == "A\nB\n"


def test_wildcard_matching_nothing_is_silent(ps):
    r = ps("Get-Content *.nothing; 'after'")
    assert r.stdout == "after\n" and r.stderr == ""


def test_literal_path_with_brackets(ps, tmp_path):
    (tmp_path / "a[1].txt").write_text("bracket\n")
    r = ps("Get-Content -LiteralPath 'a[1].txt'; Get-Content -LP 'a[1].txt'")
    assert r.stdout == "bracket\nbracket\n"


def test_backslash_and_home_paths(ps, tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.txt").write_text("X\n")
    (pathlib.Path(os.environ["HOME"]) / "h.txt").write_text("H\n")
    assert ps("Get-Content .\\sub\\x.txt; Get-Content ~/h.txt; Get-Content ~\\h.txt").stdout == "X\nH\nH\n"


def test_provider_qualified_path(ps, tmp_path):
    (tmp_path / "a.txt").write_text("q\n")
    r = ps(f"Get-Content 'Microsoft.PowerShell.Core\\FileSystem::{tmp_path}/a.txt'")
    assert r.stdout == "q\n"


def test_pipeline_by_property_name_pspath(ps, tmp_path):
    (tmp_path / "a.txt").write_text("1\n")
    (tmp_path / "b.txt").write_text("2\n")
    assert ps("Get-ChildItem *.txt | Get-Content").stdout == "1\n2\n"
    assert ps("[pscustomobject]@{ Path = 'a.txt' } | Get-Content").stdout == "1\n"


def test_string_from_pipeline_does_not_bind(ps, tmp_path):
    (tmp_path / "a.txt").write_text("1\n")
    r = ps("'a.txt' | Get-Content")
    assert r.stdout == ""
    assert "The input object cannot be bound to any parameters for the command" in r.stderr


def test_env_drive_content(ps, monkeypatch):
    monkeypatch.setenv("O365_TEST_VAR", "hello")
    assert ps("Get-Content Env:O365_TEST_VAR").stdout == "hello\n"


# ----------------------------------------------------------------------------- Get-Content failure modes

def test_missing_file_is_a_non_terminating_error(ps, tmp_path):
    r = ps("Get-Content missing.txt; 'next'")
    assert r.stdout == "next\n"
    assert r.stderr.strip() == MISSING_MSG.format(tmp_path / "missing.txt")


def test_missing_file_error_record(ps, tmp_path):
    r = ps("Get-Content ./missing.txt -ErrorAction SilentlyContinue; $e = $Error[0]; $e.FullyQualifiedErrorId; "
           "\"$($e.CategoryInfo.Category)\"; $e.Exception.GetType().FullName; $e.TargetObject")
    assert r.stdout.split("\n")[:4] == ["PathNotFound,Microsoft.PowerShell.Commands.GetContentCommand",
                                        "ObjectNotFound", "System.Management.Automation.ItemNotFoundException",
                                        str(tmp_path / "missing.txt")]
    assert r.stderr == ""


def test_missing_file_with_error_action_stop_is_catchable(ps):
    r = ps("try { Get-Content nope.txt -ErrorAction Stop; 'no' } catch { 'caught: ' + $_.Exception.Message }")
    assert r.stdout.startswith("caught: Cannot find path '") and r.stdout.rstrip().endswith("because it does not exist.")


def test_missing_and_existing_paths_together(ps, tmp_path):
    (tmp_path / "a.txt").write_text("A\n")
    r = ps("Get-Content nope.txt, a.txt")
    assert r.stdout == "A\n"
    assert "nope.txt' because it does not exist." in r.stderr


def test_directory_is_an_error(ps, tmp_path):
    (tmp_path / "d").mkdir()
    r = ps("Get-Content d")
    assert r.stdout == ""
    assert f"Unable to get content because it is a directory: '{tmp_path / 'd'}'. Please use 'Get-ChildItem' " \
           "instead." in r.stderr


def test_unknown_drive_is_drive_not_found(ps):
    r = ps("Get-Content Q:\\nothing.txt -ErrorAction SilentlyContinue; $Error[0].FullyQualifiedErrorId; "
           "$Error[0].Exception.Message")  # C: and D: exist (sandbox drives, test_mgmt_drives)
    assert r.stdout.split("\n")[:2] == ["DriveNotFound,Microsoft.PowerShell.Commands.GetContentCommand",
                                        "Cannot find drive. A drive with the name 'Q' does not exist."]


def test_no_path_at_all_is_a_missing_mandatory_parameter(ps):
    r = ps("Get-Content")
    assert "Cannot process command because of one or more missing mandatory parameters: Path." in r.stderr


# ----------------------------------------------------------------------------- Set-Content / Add-Content details

def test_set_content_pipeline_writes_the_whole_list(ps, tmp_path):
    r = ps("1..3 | Set-Content n.txt; Get-Content n.txt")
    assert r.stdout == "1\n2\n3\n"
    assert (tmp_path / "n.txt").read_text() == "1\n2\n3\n"


def test_set_content_can_rewrite_the_file_it_reads(ps, tmp_path):
    (tmp_path / "f.txt").write_text("old one\nold two\n")
    r = ps("Get-Content f.txt | ForEach-Object { $_ -replace 'old', 'new' } | Set-Content f.txt; Get-Content f.txt")
    assert r.stdout == "new one\nnew two\n"


def test_set_content_replaces_content(ps, tmp_path):
    (tmp_path / "f.txt").write_text("a\nb\nc\n")
    ps("Set-Content f.txt -Value z")
    assert (tmp_path / "f.txt").read_text() == "z\n"


def test_set_content_no_newline(ps, tmp_path):
    ps("Set-Content f.txt -Value 'a', 'b' -NoNewline")
    assert (tmp_path / "f.txt").read_text() == "ab"


def test_set_content_pass_thru(ps):
    r = ps("Set-Content f.txt -Value 'a', 'b' -PassThru")
    assert r.stdout == "a\nb\n"


def test_set_content_positional_value_and_objects_as_strings(ps, tmp_path):
    ps("Set-Content f.txt 42, $true, 1.5")
    assert (tmp_path / "f.txt").read_text() == "42\nTrue\n1.5\n"


def test_set_content_null_value_makes_an_empty_file(ps, tmp_path):
    ps("Set-Content f.txt -Value $null")
    assert (tmp_path / "f.txt").read_bytes() == b""


def test_set_content_what_if_writes_nothing(ps, tmp_path):
    r = ps("Set-Content f.txt -Value x -WhatIf")
    assert not (tmp_path / "f.txt").exists()
    assert r.stdout.startswith('What if: Performing the operation "Set Content" on target')


def test_set_content_missing_directory(ps, tmp_path):
    r = ps("Set-Content nodir/f.txt -Value x")
    assert f"Could not find a part of the path '{tmp_path / 'nodir' / 'f.txt'}'." in r.stderr
    assert not (tmp_path / "nodir").exists()


def test_set_content_on_a_directory_is_denied(ps, tmp_path):
    (tmp_path / "d").mkdir()
    r = ps("Set-Content d -Value x")
    assert f"Access to the path '{tmp_path / 'd'}' is denied." in r.stderr


def test_add_content_appends_newline_terminated_lines(ps, tmp_path):
    (tmp_path / "log.txt").write_text("first\n")
    ps("Add-Content log.txt -Value 'second'; 'third', 'fourth' | Add-Content log.txt")
    assert (tmp_path / "log.txt").read_text() == "first\nsecond\nthird\nfourth\n"


def test_add_content_creates_the_file(ps, tmp_path):
    ps("Add-Content new.txt -Value x")
    assert (tmp_path / "new.txt").read_text() == "x\n"


def test_add_content_no_newline(ps, tmp_path):
    ps("Add-Content f.txt -Value a -NoNewline; Add-Content f.txt -Value b -NoNewline")
    assert (tmp_path / "f.txt").read_text() == "ab"


def test_add_content_pass_thru(ps):
    assert ps("Add-Content f.txt -Value a, b -PassThru").stdout == "a\nb\n"


def test_add_content_to_wildcard_matches(ps, tmp_path):
    (tmp_path / "a.log").write_text("")
    (tmp_path / "b.log").write_text("")
    ps("Add-Content *.log -Value end")
    assert (tmp_path / "a.log").read_text() == "end\n" == (tmp_path / "b.log").read_text()


def test_clear_content(ps, tmp_path):
    (tmp_path / "f.txt").write_text("abc\n")
    r = ps("Clear-Content f.txt; (Get-Item f.txt).Length; Test-Path f.txt")
    assert r.stdout.split() == ["0", "True"]


def test_clear_content_missing_file(ps, tmp_path):
    r = ps("Clear-Content nope.txt")
    assert f"Clear-Content: Cannot find path '{tmp_path / 'nope.txt'}' because it does not exist." in r.stderr


def test_content_cmdlets_reject_credentials(ps, tmp_path):
    (tmp_path / "a.txt").write_text("x")
    r = ps("$c = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force)); "
           "Get-Content a.txt -Credential $c")
    assert "The FileSystem provider supports credentials only on the New-PSDrive cmdlet." in r.stderr


def test_redirection_and_get_content_conformance_case(ps):
    r = ps("'hello' > out.txt\n'again' >> out.txt\nGet-Content -Path out.txt\nTest-Path -Path out.txt\n"
           "Test-Path -Path nope.txt")
    assert r.stdout == "hello\nagain\nTrue\nFalse\n"
