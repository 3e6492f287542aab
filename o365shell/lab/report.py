"""Plain-text tables for lab results: the -NonInteractive pass/fail table and the learner's
end-of-lab summary. Colour (ANSI) only when asked for, i.e. on a terminal."""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

from .model import Lab, Step

GREEN, RED, YELLOW, CYAN, BOLD, RESET = "\x1b[32m", "\x1b[31m", "\x1b[33m", "\x1b[36m", "\x1b[1m", "\x1b[0m"


def use_color(stream: object = None) -> bool:
    """Colour on a terminal unless NO_COLOR is set."""
    s = stream if stream is not None else sys.stdout
    return bool(getattr(s, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{RESET}" if color else text


@dataclass
class StepOutcome:
    """How one step ended: status is passed, failed, skipped or not done; tries/hints for learners."""

    step: Step
    status: str = "not done"
    reason: str = ""
    output: str = ""
    tries: int = 0
    hints: int = 0
    extra: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.status == "passed"


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 3] + "..."


def table(rows: list[list[str]], headers: list[str], right: set[int] | None = None) -> list[str]:
    """pwsh-like table lines: header, dashes, rows (columns in ``right`` right-aligned)."""
    right = right or set()
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]

    def fmt(cells: list[str]) -> str:
        out = [c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(cells)]
        return " ".join(out).rstrip()
    return [fmt(headers), fmt(["-" * len(h) for h in headers])] + [fmt(r) for r in rows]


STATUS_WORD = {"passed": "PASS", "failed": "FAIL", "skipped": "SKIPPED", "not done": "NOT DONE"}
STATUS_COLOR = {"passed": GREEN, "failed": RED, "skipped": YELLOW, "not done": YELLOW}


def result_table(lab: Lab, outcomes: list[StepOutcome], color: bool = False, learner: bool = False) -> str:
    """The pass/fail table (``learner``: with tries and hints, as the interactive summary)."""
    rows = []
    for o in outcomes:
        word = STATUS_WORD[o.status]
        row = [str(o.step.number), _clip(o.step.title, 58), word]
        if learner:
            row += [str(o.tries), str(o.hints)]
        else:
            row.append(_clip(o.reason, 70) if not o.passed else "")
        rows.append(row)
    headers = ["#", "Step", "Result"] + (["Tries", "Hints"] if learner else ["Detail"])
    lines = table(rows, headers, right={0, 3, 4} if learner else {0})
    if color:
        painted = lines[:2]
        for o, line in zip(outcomes, lines[2:]):
            word = STATUS_WORD[o.status]
            painted.append(line.replace(f" {word}", " " + paint(word, STATUS_COLOR[o.status], True), 1))
        lines = painted
    passed = sum(o.passed for o in outcomes)
    total = len(lab.steps)
    verdict = f"{passed} of {total} steps passed."
    lines += ["", paint(verdict, GREEN if passed == total else RED, color)]
    return "\n".join(lines)


def failure_details(outcomes: list[StepOutcome], path: str, max_lines: int = 20) -> str:
    """For each failed step: where it is in the lab file, why it failed, and the end of its output."""
    parts = []
    for o in outcomes:
        if o.status != "failed":
            continue
        parts.append(f"Step {o.step.number} ({path}:{o.step.line}) '{o.step.title}' failed: {o.reason}")
        out = o.output.strip("\n").splitlines()
        if out:
            if len(out) > max_lines:
                out = ["..."] + out[-max_lines:]
            parts.append("  output of the documented commands:")
            parts.extend("  | " + line for line in out)
        parts.extend("  " + x for x in o.extra)
    return "\n".join(parts)
