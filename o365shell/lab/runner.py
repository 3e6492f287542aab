"""``o365shell -Lab FILE``: load the lab, then walk a learner through it (interactive mode)
or, with ``-NonInteractive``, run every step's documented commands and print a pass/fail
table, so that every lab is also a test.

Exit codes: 0 every step passed; 1 a step failed (or, interactively, was skipped or not
reached); 2 the lab file is malformed (each problem printed as ``file:line: what``) or its
tenant snapshot cannot be loaded.

In -NonInteractive mode each step runs as:

1. the step's ``setup`` (silently);
2. its check *before* the commands: a check that already passes would let a learner pass
   the step with any command, so the step fails as defective;
3. the documented ``commands``; an error fails the step unless ``allow_errors: true``;
4. the check (``check`` and/or ``expect_output`` against what the commands printed).
"""
from __future__ import annotations

import sys
from typing import Any, TextIO

from .labhost import LabHost
from .labsession import LabSession
from .loader import load_lab
from .model import Lab, LabFileError, Step
from .report import StepOutcome, failure_details, result_table, use_color


def run_lab(opts: dict[str, Any]) -> int:
    """The CLI entry point (``opts`` from o365shell.cli: lab, noninteractive, tenant, tenantsize)."""
    path = opts["lab"]
    try:
        lab = load_lab(path)
    except LabFileError as e:
        sys.stderr.write(f"{e}\n")
        return 2
    if opts.get("noninteractive"):
        return run_noninteractive(lab, opts)
    from .interactive import run_interactive
    return run_interactive(lab, opts)


def start_session(lab: Lab, opts: dict[str, Any], host: LabHost, err: TextIO) -> LabSession | None:
    """The lab's session with the lab-level setup done; None (after saying why) when it cannot start."""
    try:
        ls = LabSession(lab, opts, host)
    except Exception as e:  # a snapshot the tenant store refuses, a bad cloud...
        err.write(f"{lab.path}: cannot start the lab's tenant: {e}\n")
        return None
    if lab.setup:
        run = ls.run_silent(lab.setup)
        if run.errors:
            err.write(f"{lab.path}:{lab.setup.line}: the lab's setup failed: {_first_line(run.errors[0])}\n")
            ls.close()
            return None
    return ls


def _first_line(error_text: str) -> str:
    """The message of a rendered error (the last line of a ConciseView block, without the gutter)."""
    lines = [ln for ln in error_text.splitlines() if ln.strip()]
    if not lines:
        return ""
    last = lines[-1].strip()
    return last[1:].strip() if last.startswith("|") else last


def run_step(ls: LabSession, step: Step) -> StepOutcome:
    """Run one step the -NonInteractive way (see the module docstring)."""
    outcome = StepOutcome(step)
    if step.setup:
        run = ls.run_silent(step.setup)
        if run.errors:
            outcome.status, outcome.reason = "failed", f"the step's setup failed: {_first_line(run.errors[0])}"
            return outcome
    if step.check is not None and not step.expect_output:
        pre = ls.run_check(step.check, step.check_as)
        if pre.passed:
            outcome.status = "failed"
            outcome.reason = ("the check already passes before the step's commands run "
                              "(a learner would pass this step with any command)")
            return outcome
    run = ls.run(step.commands.text)
    outcome.output = run.text
    if run.exited:
        outcome.status, outcome.reason = "failed", f"the commands called exit ({run.exit_code})"
        return outcome
    if run.errors and not step.allow_errors:
        outcome.status = "failed"
        outcome.reason = f"the documented commands wrote an error: {_first_line(run.errors[0])}"
        return outcome
    verdict = ls.check(step, run.text, step.commands.text)
    outcome.status = "passed" if verdict.passed else "failed"
    outcome.reason = verdict.reason
    return outcome


def run_noninteractive(lab: Lab, opts: dict[str, Any], out: TextIO | None = None,
                       err: TextIO | None = None) -> int:
    """Run every step's documented commands, print the pass/fail table; 0 when all pass."""
    out = out or sys.stdout
    err = err or sys.stderr
    host = LabHost(terminal=False)
    ls = start_session(lab, opts, host, err)
    if ls is None:
        return 1
    outcomes: list[StepOutcome] = []
    try:
        for step in lab.steps:
            outcomes.append(run_step(ls, step))
    finally:
        ls.close()
    color = use_color(out)
    out.write(f"Lab: {lab.title} ({lab.path})\n\n")
    out.write(result_table(lab, outcomes, color=color) + "\n")
    details = failure_details(outcomes, lab.path)
    if details:
        out.write("\n" + details + "\n")
    out.flush()
    return 0 if all(o.passed for o in outcomes) else 1
