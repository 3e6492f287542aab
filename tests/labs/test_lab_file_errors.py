"""Malformed lab files are refused with file, line and what is wrong (exit code 2), never a traceback."""
from __future__ import annotations

import pytest

from labfw_support import o365, write_lab
from o365shell.lab.loader import load_lab
from o365shell.lab.model import LabFileError

GOOD_STEP = """
  - title: Enable Megan
    do: Enable MFA for Megan.
    commands: Enable-MfaUser -UserPrincipalName MeganB@contoso.com
    check: (Get-MfaUser -UserPrincipalName MeganB@contoso.com).MultiFactorAuthStatus -eq 'Enabled'
"""


def problems(tmp_path, text: str, name: str = "t.lab.yml") -> list[tuple[int | None, str]]:
    path = write_lab(tmp_path, text, name)
    with pytest.raises(LabFileError) as ei:
        load_lab(path)
    assert str(ei.value).startswith(path)
    return ei.value.problems


def test_bad_yaml_through_the_cli(tmp_path) -> None:
    path = write_lab(tmp_path, """
        lab: Broken
        steps:
          - title: one
            do: [unclosed
            commands: x
        """)
    p = o365("-Lab", path, "-NonInteractive")
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.startswith(f"{path}:")
    assert "invalid YAML" in p.stderr
    assert "Traceback" not in p.stderr
    line = int(p.stderr.split(":")[1])
    assert 4 <= line <= 6


def test_bad_yaml_indentation_names_the_line(tmp_path) -> None:
    probs = problems(tmp_path, "lab: x\nsteps:\n  - title: a\n   do: b\n")
    assert probs[0][0] == 4
    assert "invalid YAML" in probs[0][1]


def test_missing_check_through_the_cli(tmp_path) -> None:
    path = write_lab(tmp_path, """
        lab: No check
        steps:
          - title: Enable Megan
            do: Enable MFA for Megan.
            commands: Enable-MfaUser -UserPrincipalName MeganB@contoso.com
        """)
    p = o365("-Lab", path, "-NonInteractive")
    assert p.returncode == 2
    assert f"{path}:3: step 1 ('Enable Megan'): no check" in p.stderr
    assert "expect_output" in p.stderr


def test_unknown_step_field_suggests_the_right_one(tmp_path) -> None:
    probs = problems(tmp_path, """
        lab: Typo
        steps:
          - title: Enable Megan
            do: Enable MFA for Megan.
            commands: Enable-MfaUser -UserPrincipalName MeganB@contoso.com
            chek: $true
            check: $false
        """)
    assert probs == [(6, "step 1 ('Enable Megan'): unknown field 'chek' (did you mean 'check'?); allowed fields: "
                         "title, do, commands, hints, check, check_as, expect_output, allow_errors, setup, explain, "
                         "covers")]


def test_unknown_step_field_through_the_cli(tmp_path) -> None:
    path = write_lab(tmp_path, "lab: x\nsteps:" + GOOD_STEP + "    hint: try harder\n")
    p = o365("-Lab", path)
    assert p.returncode == 2
    assert f"{path}:7: step 1 ('Enable Megan'): unknown field 'hint' (did you mean 'hints'?)" in p.stderr


def test_unknown_lab_field(tmp_path) -> None:
    probs = problems(tmp_path, "lab: x\nclok: 2025-01-01T00:00:00Z\nsteps:" + GOOD_STEP)
    assert probs[0][0] == 2
    assert "unknown field 'clok' (did you mean 'clock'?)" in probs[0][1]


def test_missing_required_fields(tmp_path) -> None:
    probs = problems(tmp_path, """
        description: no title, no steps
        """)
    msgs = [m for _, m in probs]
    assert "lab file: missing required field 'lab'" in msgs
    assert "lab file: missing required field 'steps'" in msgs
    probs = problems(tmp_path, """
        lab: x
        steps:
          - title: only a title
            check: $true
        """)
    assert {m for _, m in probs} == {"step 1 ('only a title'): missing required field 'do'",
                                     "step 1 ('only a title'): missing required field 'commands'"}


def test_wrong_kinds_of_values(tmp_path) -> None:
    probs = problems(tmp_path, """
        lab: x
        steps:
          - title: 42
            do: d
            commands: c
            check: $true
            hints: {a: b}
            allow_errors: maybe
        """)
    msgs = {m for _, m in probs}
    assert "step 1: title must be text (put quotes around it)" in msgs
    assert "step 1: hints must be text or a list of texts" in msgs
    assert "step 1: allow_errors must be true or false" in msgs


def test_steps_must_be_a_non_empty_list(tmp_path) -> None:
    assert "steps must list at least one step" in problems(tmp_path, "lab: x\nsteps: []\n")[0][1]
    assert "steps must be a list of steps" in problems(tmp_path, "lab: x\nsteps: do things\n")[0][1]


def test_duplicate_key(tmp_path) -> None:
    probs = problems(tmp_path, "lab: x\nsteps:" + GOOD_STEP + "    check: $true\n")
    assert (7, "step 1 ('Enable Megan'): field 'check' is given twice") in probs


def test_powershell_syntax_error_in_a_check_names_the_lab_line(tmp_path) -> None:
    probs = problems(tmp_path, """
        lab: x
        steps:
          - title: Bad check
            do: d
            commands: Get-MfaUser
            check: |
              $a = 1
              ($a -eq 1
        """)
    assert probs == [(8, "step 1 ('Bad check'): check: ParserError: Missing closing ')' in expression.")]


def test_powershell_syntax_error_in_commands(tmp_path) -> None:
    probs = problems(tmp_path, """
        lab: x
        steps:
          - title: Bad commands
            do: d
            commands: "Get-MfaUser | "
            check: $true
        """)
    assert probs[0][0] == 5
    assert probs[0][1].startswith("step 1 ('Bad commands'): commands: ParserError:")


def test_all_problems_are_reported_together(tmp_path) -> None:
    probs = problems(tmp_path, """
        lab: x
        steps:
          - title: a
            do: d
            commands: c
          - title: b
            do: d
            commands: c
            check: $true
            colour: red
        """)
    assert [line for line, _ in probs] == [3, 10]


def test_tenant_and_clock_are_validated(tmp_path) -> None:
    probs = problems(tmp_path, "lab: x\nclock: yesterday\ntenant:\n  cloud: Mars\n  snapshot: nope.json\n"
                               "steps:" + GOOD_STEP)
    msgs = {m for _, m in probs}
    assert "clock: 'yesterday' is not an ISO 8601 date and time (e.g. 2025-03-03T09:00:00Z)" in msgs
    assert "tenant.cloud must be one of: AzureCloud, AzureChinaCloud" in msgs
    assert "tenant.snapshot: no such file: nope.json" in msgs


def test_check_as_must_be_admin_or_learner(tmp_path) -> None:
    probs = problems(tmp_path, "lab: x\nsteps:" + GOOD_STEP + "    check_as: root\n")
    assert probs == [(7, "step 1 ('Enable Megan'): check_as must be one of: admin, learner")]


def test_empty_file_and_wrong_name(tmp_path) -> None:
    assert "the file is empty" in problems(tmp_path, "")[0][1]
    assert "ends in .lab.yml" in problems(tmp_path, "lab: x\n", name="lab.md")[0][1]


def test_missing_file_through_the_cli(tmp_path) -> None:
    p = o365("-Lab", str(tmp_path / "none.lab.yml"), "-NonInteractive")
    assert p.returncode == 2
    assert "cannot read the lab file" in p.stderr
    assert "Traceback" not in p.stderr


def test_a_valid_lab_loads(tmp_path) -> None:
    lab = load_lab(write_lab(tmp_path, """
        lab: Fine
        description: |
          A description.
        source: "Some documentation"
        clock: 2025-03-03T09:00:00Z
        tenant:
          size: 3
        steps:
          - title: Enable Megan
            do: Enable MFA for Megan.
            commands: |
              Enable-MfaUser -UserPrincipalName MeganB@contoso.com
            hints: one hint
            check: $true
            expect_output: [a, b]
            covers: statement
        """))
    assert lab.title == "Fine"
    assert lab.sources == ["Some documentation"]
    assert lab.tenant.size == 3
    assert lab.clock.isoformat() == "2025-03-03T09:00:00+00:00"
    step = lab.steps[0]
    assert (step.number, step.line, step.hints, step.expect_output) == (1, 9, ["one hint"], ["a", "b"])
    assert step.commands.line == 12 and step.commands.text.startswith("Enable-MfaUser")
