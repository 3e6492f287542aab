"""Read-Host, Write-Progress, Get-Host, Get-Culture/Get-UICulture, Get-Verb, Join-String, Select-String."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)


def _answering(*answers):
    from o365shell.embed import Shell
    return Shell(answers=list(answers))


# ----------------------------------------------------------------------------- Read-Host

def test_read_host_returns_the_typed_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sh = _answering("Ann")
    r = sh.run("$n = Read-Host -Prompt 'Name'\n\"hello $n\"")
    assert r.stdout == "Name: \nhello Ann\n"


def test_read_host_as_secure_string(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sh = _answering("s3cret")
    r = sh.run("$p = Read-Host 'Password' -AsSecureString\n$p.GetType().Name\n$p.Length\n"
               "ConvertFrom-SecureString $p -AsPlainText")
    assert lines(r.stdout)[1:] == ["SecureString", "6", "s3cret"]


def test_read_host_mask_input_returns_a_string(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    sh = _answering("abc")
    r = sh.run("(Read-Host 'Code' -MaskInput).GetType().Name")
    assert lines(r.stdout)[-1] == "String"


def test_read_host_non_interactive_fails(ps):
    r = ps("$x = Read-Host 'Name'\n'after'")
    assert lines(r.stdout) == ["after"]
    assert "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available." in err(r)


# ----------------------------------------------------------------------------- Write-Progress

def test_write_progress_hands_records_to_the_host(sh):
    records = []
    sh.host.write_progress = records.append
    r = sh.run("Write-Progress -Activity 'Updating users' -Status 'Half' -PercentComplete 50 -CurrentOperation 'ann'\n"
               "Write-Progress -Activity 'Updating users' -Id 2 -ParentId 1 -SecondsRemaining 5\n"
               "Write-Progress -Activity 'Updating users' -Completed")
    assert r.stdout == "" and r.stderr == ""
    assert [(x.Activity, x.StatusDescription, x.PercentComplete, x.RecordType) for x in records] == [
        ("Updating users", "Half", 50, "Processing"), ("Updating users", "Processing", -1, "Processing"),
        ("Updating users", "Processing", -1, "Completed")]
    assert records[0].CurrentOperation == "ann"
    assert (records[1].ActivityId, records[1].ParentActivityId, records[1].SecondsRemaining) == (2, 1, 5)


def test_write_progress_silenced_by_preference(sh):
    records = []
    sh.host.write_progress = records.append
    sh.run("$ProgressPreference = 'SilentlyContinue'\nWrite-Progress -Activity x")
    assert records == []


def test_write_progress_percent_is_validated(ps):
    assert "Cannot validate argument on parameter 'PercentComplete'" in err(ps("Write-Progress -Activity x -PercentComplete 101"))


# ----------------------------------------------------------------------------- host and culture

def test_get_host(ps):
    r = ps("$h = Get-Host\n$h.Name\n$h.Version.Major\n$h.UI.RawUI.WindowTitle = 'Lab'\n(Get-Host).UI.RawUI.WindowTitle\n"
           "$h.CurrentCulture.Name")
    assert out(r) == ["ConsoleHost", "7", "Lab", "en-US"]


def test_get_culture(ps):
    r = ps("(Get-Culture).Name\n(Get-Culture).DisplayName\n(Get-UICulture).Name\n(Get-Culture -Name en-US).LCID\n"
           "(Get-Culture -ListAvailable).Count -ge 1")
    assert out(r) == ["en-US", "English (United States)", "en-US", "1033", "True"]


def test_get_culture_unknown_name(ps):
    assert "is an invalid culture identifier" in err(ps("Get-Culture -Name xx-YY"))


# ----------------------------------------------------------------------------- Get-Verb

def test_get_verb(ps):
    r = ps("$v = Get-Verb Get\n$v.Verb; $v.AliasPrefix; $v.Group\n(Get-Verb -Group Security).Verb -join ','\n"
           "(Get-Verb Con*).Verb -join ','\n(Get-Verb).Count -gt 90")
    assert out(r) == ["Get", "g", "Common", "Block,Grant,Protect,Revoke,Unblock,Unprotect",
                      "Confirm,Connect,Convert,ConvertFrom,ConvertTo", "True"]


def test_get_verb_bad_group(ps):
    assert "does not belong to the set" in err(ps("Get-Verb -Group Nope"))


# ----------------------------------------------------------------------------- Join-String

def test_join_string(ps):
    r = ps("1..3 | Join-String\n1..3 | Join-String -Separator ', ' -OutputPrefix '[' -OutputSuffix ']'\n"
           "'a', 'b' | Join-String -SingleQuote -Separator ','\n'a', 'b' | Join-String -DoubleQuote -Separator ','\n"
           "[pscustomobject]@{N='x'}, [pscustomobject]@{N='y'} | Join-String -Property N -Separator '/'\n"
           "1, 2 | Join-String -FormatString '<{0:N1}>'\n1..3 | Join-String { $_ * 2 } -Separator '+'\n"
           "'a', 'b' | Join-String -UseCulture")
    assert out(r) == ["123", "[1, 2, 3]", "'a','b'", '"a","b"', "x/y", "<1.0><2.0>", "2+4+6", "a,b"]


# ----------------------------------------------------------------------------- Select-String

def test_select_string_on_input_objects(ps):
    r = ps("'alpha', 'beta', 'Alphabet' | Select-String alp\n'alpha', 'Alphabet' | Select-String alp -CaseSensitive\n"
           "('a1b2' | Select-String '\\d' -AllMatches).Matches.Value -join ','\n'alpha', 'beta' | Select-String alp -NotMatch\n"
           "'alpha', 'beta' | Select-String zzz -Quiet\n'alpha' | Select-String -Pattern 'l.h' -Quiet\n"
           "'a.b', 'axb' | Select-String -Pattern '.' -SimpleMatch\n('x' | Select-String x).GetType().Name")
    assert out(r) == ["alpha", "Alphabet", "alpha", "1,2", "beta", "False", "True", "a.b", "MatchInfo"]


def test_select_string_matchinfo_properties(ps):
    r = ps("$m = 'hello world' | Select-String 'wor'\n$m.LineNumber; $m.Line; $m.Path; $m.Pattern; $m.IgnoreCase\n"
           "$m.Matches[0].Index")
    assert out(r) == ["1", "hello world", "InputStream", "wor", "True", "6"]


def test_select_string_in_files(ps, tmp_path):
    (tmp_path / "a.log").write_text("line one\nerror two\nline three\nerror four\n")
    (tmp_path / "b.log").write_text("nothing\n")
    r = ps("Select-String -Path a.log -Pattern error\n(Select-String -Path *.log -Pattern line -List).Count\n"
           "(Select-String -Path a.log -Pattern four).LineNumber\n(Select-String error a.log).Filename | Select-Object -First 1\n"
           "Select-String -Path a.log -Pattern error -Raw")
    assert out(r) == ["a.log:2:error two", "a.log:4:error four", "1", "4", "a.log", "error two", "error four"]


def test_select_string_missing_file_and_bad_regex(ps):
    r = ps("Select-String -Path nope.txt -Pattern x\n'a' | Select-String -Pattern '('\n'after'")
    assert lines(r.stdout) == ["after"]
    e = err(r)
    assert "nope.txt" in e and "does not exist" in e
    assert "is not a valid regular expression" in e


# ----------------------------------------------------------------------------- Out-GridView

def test_out_gridview_without_a_terminal_shows_the_rows_and_goes_on(ps):
    r = ps("[pscustomobject]@{ User = 'AdeleV'; State = 'Enabled' }, [pscustomobject]@{ User = 'AlexW'; "
           "State = 'Disabled' } | Out-GridView -Title 'MFA report'; 'after'")
    assert r.stderr == ""
    out = lines(r.stdout)
    assert out[0] == "MFA report (2 rows)"
    assert out[1].split() == ["User", "State"] and out[3].split() == ["AdeleV", "Enabled"]
    assert out[-1] == "after"


def test_out_gridview_passthru_without_a_terminal_is_an_error(ps):
    r = ps("1, 2 | Out-GridView -PassThru; 'after'")
    assert r.stdout == "after\n"
    assert r.stderr.startswith("Out-GridView: Out-GridView needs an interactive terminal to pick rows")


# ----------------------------------------------------------------------------- Select-String -Context

def test_select_string_context_on_piped_lines(ps):
    r = ps("'a', 'b', 'c', 'd', 'e' | Select-String c -Context 1")
    assert r.stdout == "  b\n> c\n  d\n"
    r = ps("$m = 'a', 'b', 'c', 'd', 'e' | Select-String c -Context 2, 1; $m.LineNumber; $m.Context.PreContext -join ',';"
           " $m.Context.PostContext -join ','; $m.Context.GetType().Name")
    assert lines(r.stdout) == ["3", "a,b", "d", "MatchInfoContext"]


def test_select_string_context_in_a_file_does_not_repeat_shared_lines(ps, tmp_path):
    f = tmp_path / "log.txt"
    f.write_text("one\ntwo\nthree\nfour\nfive\nsix\n")
    r = ps(f"Select-String -Path '{f}' -Pattern 'three|four' -Context 1 | ForEach-Object {{ $_.ToString() }}")
    assert lines(r.stdout) == ["  log.txt:2:two", "> log.txt:3:three", "> log.txt:4:four", "  log.txt:5:five"]
    r = ps(f"$m = Select-String -Path '{f}' -Pattern six -Context 2; $m.Context.PreContext -join ','; "
           "$m.Context.PostContext.Count")
    assert lines(r.stdout) == ["four,five", "0"]


def test_select_string_context_takes_one_or_two_counts(ps):
    r = ps("'x' | Select-String x -Context 1, 2, 3")
    assert "The number of provided arguments, (3), exceeds the maximum number of allowed arguments (2)." in r.stderr
    assert "less than the minimum allowed range of 0" in ps("'x' | Select-String x -Context -1").stderr
