"""The host a lab session runs on: the terminal (interactive mode) or nothing (-NonInteractive),
always recording what the current command printed so a step can check its output.

``capture()`` starts a recording of output, Write-Host text, errors and warnings (rendered
as the shell prints them); ``muted()`` silences everything (setup scripts and checks).
In interactive mode Read-Host, Get-Credential and -Confirm prompts read the terminal.
"""
from __future__ import annotations

import contextlib
import getpass
import shutil
import sys
from typing import Any, Iterator

from ..engine.host import Host


class Recording:
    """What one command printed: every line (output and errors, in order) and the error texts."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.errors: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)


class LabHost(Host):
    """A host writing to the terminal (``terminal=True``) or nowhere, recording while asked to."""

    name = "o365shell lab"

    def __init__(self, terminal: bool, color: bool = False, interactive: bool = False) -> None:
        super().__init__()
        self.terminal = terminal
        self.color = color
        self.interactive = interactive
        self.supports_color = color
        self._recordings: list[Recording] = []
        self._muted = 0

    # ------------------------------------------------------------------ recording
    @contextlib.contextmanager
    def capture(self) -> Iterator[Recording]:
        """Record everything written until the block ends (nested captures all record)."""
        rec = Recording()
        self._recordings.append(rec)
        try:
            yield rec
        finally:
            self._recordings.remove(rec)

    @contextlib.contextmanager
    def muted(self) -> Iterator[Recording]:
        """Write nothing to the terminal (still recorded, so failures can be explained)."""
        self._muted += 1
        try:
            with self.capture() as rec:
                yield rec
        finally:
            self._muted -= 1

    def _emit(self, text: str, err: bool = False) -> None:
        for rec in self._recordings:
            rec.parts.append(text)
        if self.terminal and not self._muted:
            stream = sys.stderr if err else sys.stdout
            if err:
                sys.stdout.flush()
            stream.write(text)
            stream.flush()

    @property
    def width(self) -> int | None:
        if self.terminal and sys.stdout.isatty():
            return shutil.get_terminal_size((120, 30)).columns
        return None

    # ------------------------------------------------------------------ streams
    def write_line(self, text: str) -> None:
        self._emit(text + "\n")

    def write_host(self, text: str, newline: bool = True, fg: Any = None, bg: Any = None) -> None:
        self._emit(text + ("\n" if newline else ""))

    def write_error(self, record: Any) -> None:
        from ..format.concise import render_error
        text = render_error(record, color=False, width=self.width or 120)
        for rec in self._recordings:
            rec.errors.append(text)
        if self.terminal and not self._muted and self.color:
            for rec in self._recordings:
                rec.parts.append(text + "\n")
            sys.stdout.flush()
            sys.stderr.write(render_error(record, color=True, width=self.width or 120) + "\n")
            sys.stderr.flush()
            return
        self._emit(text + "\n", err=True)

    def write_warning(self, text: str) -> None:
        self._emit("WARNING: " + text + "\n", err=True)

    def write_verbose(self, text: str) -> None:
        self._emit("VERBOSE: " + text + "\n", err=True)

    def write_debug(self, text: str) -> None:
        self._emit("DEBUG: " + text + "\n", err=True)

    def write_information(self, obj: Any) -> None:
        from ..engine.conversion import to_string
        self._emit(to_string(obj) + "\n")

    def clear(self) -> None:
        if self.terminal and not self._muted and sys.stdout.isatty():
            sys.stdout.write("\x1b[2J\x1b[H")
            sys.stdout.flush()

    # ------------------------------------------------------------------ prompts (interactive mode only)
    def can_prompt(self) -> bool:
        return self.interactive and not self._muted

    def ask(self, message: str, password: bool = False) -> str:
        """The engine's prompts (Read-Host, Get-Credential, -Confirm) read the terminal in interactive mode."""
        if not self.can_prompt():
            raise EOFError("non-interactive")
        sys.stdout.flush()
        return getpass.getpass(message) if password else input(message)
