"""What a lab file describes, once loaded and validated (see docs/LABS.md, "Writing a lab").

A :class:`Lab` is a titled sequence of :class:`Step` s plus how the world starts (the
built-in tenant or a snapshot, optionally a fixed lab clock) and an optional silent setup
script. Every PowerShell text keeps the line of the lab file it came from, so errors can
point back into the file.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


class LabFileError(Exception):
    """A malformed lab file. ``problems`` lists every ``(line, what is wrong)`` found;
    ``str()`` is one ``file:line: what is wrong`` line per problem."""

    def __init__(self, path: str, problems: list[tuple[int | None, str]]) -> None:
        self.path = path
        self.problems = list(problems)
        super().__init__("\n".join(f"{path}:{line}: {msg}" if line else f"{path}: {msg}"
                                    for line, msg in self.problems))

    @property
    def line(self) -> int | None:
        """The line of the first problem."""
        return self.problems[0][0] if self.problems else None


@dataclass(frozen=True)
class Script:
    """PowerShell text from the lab file and the (1-based) file line of its first line."""

    text: str
    line: int

    def __bool__(self) -> bool:
        return bool(self.text.strip())


@dataclass
class Step:
    """One step: what to do, the documented commands, hints, and how success is checked."""

    number: int
    title: str
    do: str
    commands: Script
    line: int
    hints: list[str] = field(default_factory=list)
    check: Script | None = None
    check_as: str = "admin"              # "admin": a Global Administrator's view; "learner": the learner's session
    expect_output: list[str] = field(default_factory=list)
    allow_errors: bool = False
    setup: Script | None = None
    explain: str = ""
    covers: list[str] = field(default_factory=list)


@dataclass
class TenantStart:
    """The tenant a lab starts from: a snapshot file, or the built-in seed (size, cloud)."""

    snapshot: str | None = None
    size: int = 0
    cloud: str = "AzureCloud"


@dataclass
class Lab:
    """A loaded lab file."""

    path: str
    title: str
    steps: list[Step]
    description: str = ""
    sources: list[str] = field(default_factory=list)
    tenant: TenantStart = field(default_factory=TenantStart)
    clock: datetime | None = None
    setup: Script | None = None
