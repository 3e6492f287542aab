"""The command line of SPEC §1, driven as a user would: a real process, its output and exit code."""
from __future__ import annotations

import subprocess
import sys

import pytest


def o365(*args: str, stdin: str | None = None, cwd: str | None = None) -> subprocess.CompletedProcess:
    # stdin is always given (empty by default) so a prompt can never wait on the test runner's terminal
    return subprocess.run([sys.executable, "-m", "o365shell", *args], input=stdin if stdin is not None else "",
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_version() -> None:
    p = o365("--version")
    assert p.returncode == 0
    assert p.stdout.startswith("o365shell ")


def test_help_lists_the_options() -> None:
    p = o365("--help")
    assert p.returncode == 0
    for opt in ("-File", "-Command", "-NonInteractive", "-Tenant", "-Lab"):
        assert opt in p.stdout


def test_command_and_exit_code() -> None:
    p = o365("-NoProfile", "-Command", "'hi'; exit 4")
    assert p.stdout == "hi\n"
    assert p.returncode == 4


def test_command_prefix_abbreviation() -> None:
    p = o365("-nop", "-c", "1 + 1")
    assert p.stdout == "2\n"


def test_command_from_stdin() -> None:
    p = o365("-NoProfile", "-Command", "-", stdin="$x = 20\n$x + 1\n")
    assert p.stdout == "21\n"
    assert p.returncode == 0


def test_last_command_failing_makes_command_exit_1() -> None:
    p = o365("-Command", "Write-Error 'bad'")
    assert p.returncode == 1
    assert "Write-Error: bad" in p.stderr


def test_file_binds_arguments_to_param_block(tmp_path) -> None:
    script = tmp_path / "greet.ps1"
    script.write_text("param([string]$Name = 'World', [int]$Times = 1, [switch]$Shout)\n"
                      "$msg = \"Hello, $Name\"\nif ($Shout) { $msg = $msg.ToUpper() }\n1..$Times | % { $msg }\n")
    p = o365("-File", str(script), "-Name", "Ann", "-Times", "2", "-Shout")
    assert p.stdout == "HELLO, ANN\nHELLO, ANN\n"
    p = o365(str(script), "Bob")
    assert p.stdout == "Hello, Bob\n"


def test_missing_mandatory_parameter_fails_under_noninteractive(tmp_path) -> None:
    script = tmp_path / "need.ps1"
    script.write_text("param([Parameter(Mandatory)][string]$Name)\n\"hi $Name\"\n")
    p = o365("-NonInteractive", "-File", str(script))
    assert p.returncode == 1
    assert "Cannot process command because of one or more missing mandatory parameters: Name." in p.stderr


def test_uncaught_throw_exits_1_and_script_stops(tmp_path) -> None:
    script = tmp_path / "t.ps1"
    script.write_text("'before'\nthrow 'boom'\n'after'\n")
    p = o365("-File", str(script))
    assert p.stdout == "before\n"
    assert "boom" in p.stderr
    assert p.returncode == 1


def test_parse_error_reported_like_pwsh_and_nothing_runs(tmp_path) -> None:
    script = tmp_path / "bad.ps1"
    script.write_text("'first'\n$x = (1 + 2\n")
    p = o365("-File", str(script))
    assert p.stdout == ""
    assert "ParserError" in p.stderr
    assert "Missing closing ')' in expression." in p.stderr
    assert p.returncode == 1


def test_missing_script_file() -> None:
    p = o365("-File", "/nonexistent/nope.ps1")
    assert p.returncode != 0
    assert "nope.ps1" in p.stderr
    assert "Traceback" not in p.stderr


def test_unknown_option() -> None:
    p = o365("-Bogus")
    assert p.returncode != 0
    assert "Traceback" not in p.stderr


@pytest.mark.parametrize("eol", ["\r\n", "\n"])
def test_bom_and_line_endings(tmp_path, eol: str) -> None:
    script = tmp_path / "e.ps1"
    script.write_bytes(b"\xef\xbb\xbf" + eol.join(["$a = @(", "  1", "  2", ")", "$a.Count", ""]).encode())
    p = o365("-File", str(script))
    assert p.stdout == "2\n"


def test_psscriptroot_and_dot_sourcing(tmp_path) -> None:
    (tmp_path / "lib.ps1").write_text("function Get-Lib { 'from lib' }\n$libVar = 42\n")
    (tmp_path / "main.ps1").write_text(". $PSScriptRoot/lib.ps1\nGet-Lib\n$libVar\nSplit-Path $PSScriptRoot -Leaf\n")
    p = o365("-File", str(tmp_path / "main.ps1"))
    assert p.stdout.splitlines()[:2] == ["from lib", "42"]


def test_script_prompts_for_missing_mandatory_parameters_on_standard_input(tmp_path) -> None:
    s = tmp_path / "need.ps1"
    s.write_text('param([Parameter(Mandatory)][string]$Name, [Parameter(Mandatory)][string[]]$Tags)\n'
                 '"hello $Name $($Tags -join \'+\')"\n$age = Read-Host "Age"\n"age $age"\n')
    p = o365(str(s), stdin="Ann\na\nb\n\n41\n")
    assert p.returncode == 0, p.stderr
    assert "Supply values for the following parameters:" in p.stdout
    assert "hello Ann a+b" in p.stdout and "age 41" in p.stdout


def test_noninteractive_refuses_to_prompt(tmp_path) -> None:
    s = tmp_path / "need.ps1"
    s.write_text("param([Parameter(Mandatory)][string]$Name, [Parameter(Mandatory)]$Other)\n'ran'\n")
    p = o365("-NonInteractive", str(s), stdin="Ann\n")
    assert p.returncode == 1 and p.stdout == ""
    assert "missing mandatory parameters: Name Other." in p.stderr


def test_exact_option_name_wins_over_a_longer_one(tmp_path) -> None:
    p = o365("-Tenant", str(tmp_path / "none.json"), "-c", "'ok'")
    assert "ambiguous" not in p.stderr
    assert p.stdout == "ok\n"


def test_a_closed_output_pipe_ends_quietly() -> None:
    p = subprocess.run(f'"{sys.executable}" -m o365shell -c "1..200000" | head -1', shell=True, capture_output=True,
                       text=True, timeout=120)
    assert p.stdout == "1\n"
    assert p.stderr == ""
