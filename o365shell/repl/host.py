"""The terminal host: what the engine writes and asks for while the REPL runs a command.

Output lines go straight to the terminal (no prompt is on screen while a command runs),
buffered and flushed at least every 50 ms so long outputs stream without a system call per
line; errors, warnings, verbose and debug text are coloured as pwsh's $PSStyle does (unless
``NO_COLOR`` is set); Write-Progress draws pwsh's one-line "Minimal" progress bar under
the output; Read-Host, Get-Credential and -Confirm prompt through prompt_toolkit (masked
with ``is_password``); Out-GridView opens the full-screen grid (:mod:`.gridview`).
"""
from __future__ import annotations

import os
import shutil
import sys
import time
from typing import Any, TextIO

from o365shell.engine.host import Host

__all__ = ["TerminalHost", "ProgressBar", "CONSOLE_COLORS"]

CONSOLE_COLORS = {
    "black": 30, "darkblue": 34, "darkgreen": 32, "darkcyan": 36, "darkred": 31, "darkmagenta": 35,
    "darkyellow": 33, "gray": 37, "darkgray": 90, "blue": 94, "green": 92, "cyan": 96, "red": 91,
    "magenta": 95, "yellow": 93, "white": 97,
}
"""System.ConsoleColor -> ANSI foreground code (background: +10)."""

PROGRESS_STYLE = "\x1b[33;1m"
RESET = "\x1b[0m"
_FLUSH_EVERY = 0.05

def _color_code(value: Any, background: bool) -> str:
    if value is None:
        return ""
    name = getattr(value, "name", None) or str(value)
    code = CONSOLE_COLORS.get(name.strip().lower())
    if code is None:
        return ""
    return f"\x1b[{code + 10 if background else code}m"


class ProgressBar:
    """pwsh's Minimal progress view: ``Activity [status with the done part reversed]`` on one
    line below the output, redrawn in place, removed on -Completed or before other output."""

    def __init__(self, out: TextIO, width: Any, color: bool) -> None:
        self.out = out
        self._width = width
        self.color = color
        self.records: dict[int, Any] = {}
        self.visible = False
        self._last_draw = 0.0

    def update(self, record: Any) -> None:
        rid = int(getattr(record, "ActivityId", 0) or 0)
        completed = str(getattr(record, "RecordType", "")) == "Completed"
        if completed:
            self.records.pop(rid, None)
        else:
            self.records.pop(rid, None)
            self.records[rid] = record
        now = time.monotonic()
        if not completed and self.visible and now - self._last_draw < _FLUSH_EVERY:
            return
        self._last_draw = now
        if self.records:
            self.draw(next(reversed(self.records.values())))
        else:
            self.hide()

    def line(self, record: Any) -> str:
        width = max(20, (self._width() or 80) - 1)
        activity = str(getattr(record, "Activity", "") or "")
        status = str(getattr(record, "StatusDescription", "") or "")
        pct = int(getattr(record, "PercentComplete", -1) if getattr(record, "PercentComplete", -1) is not None
                  else -1)
        secs = int(getattr(record, "SecondsRemaining", -1) or -1)
        tail = ""
        if secs >= 0:
            h, rem = divmod(secs, 3600)
            m, s = divmod(rem, 60)
            tail = f" {h:02d}:{m:02d}:{s:02d}"
        max_activity = max(5, width // 3)
        if len(activity) > max_activity:
            activity = activity[:max_activity - 1] + "\u2026"
        inner = max(10, width - len(activity) - 3 - len(tail))
        text = status if pct < 0 else f"{status} {pct}%" if status else f"{pct}%"
        if len(text) > inner:
            text = text[:inner - 1] + "\u2026"
        text = text.ljust(inner)
        done = 0 if pct < 0 else min(inner, inner * min(pct, 100) // 100)
        if not self.color:
            return f"{activity} [{text}]{tail}"
        return (f"{PROGRESS_STYLE}{activity} [\x1b[7m{text[:done]}\x1b[27m{text[done:]}]{tail}{RESET}")

    def draw(self, record: Any) -> None:
        self.out.write("\r" + self.line(record) + "\x1b[K")
        self.out.flush()
        self.visible = True

    def hide(self) -> None:
        if self.visible:
            self.out.write("\r\x1b[K")
            self.out.flush()
            self.visible = False

    def reset(self) -> None:
        self.hide()
        self.records.clear()


class TerminalHost(Host):
    """The interactive terminal host (colours on, prompts through prompt_toolkit)."""

    name = "ConsoleHost"
    interactive = True

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None, color: bool | None = None) -> None:
        super().__init__()
        self.stdout = out or sys.stdout
        self.stderr = err or sys.stderr
        self.color = (not os.environ.get("NO_COLOR")) if color is None else color
        self.supports_color = self.color
        self.progress = ProgressBar(self.stdout, lambda: self.width, self.color)
        self._last_flush = time.monotonic()

    # ------------------------------------------------------------------ output
    @property
    def width(self) -> int | None:
        try:
            return os.get_terminal_size(self.stdout.fileno()).columns or None
        except (OSError, ValueError, AttributeError):
            return shutil.get_terminal_size((120, 24)).columns

    def flush(self) -> None:
        """Push buffered output to the terminal."""
        try:
            self.stdout.flush()
        except (OSError, ValueError):
            pass
        self._last_flush = time.monotonic()

    def _out(self, text: str) -> None:
        if self.progress.visible:
            self.progress.hide()
        self.stdout.write(text)
        now = time.monotonic()
        if now - self._last_flush >= _FLUSH_EVERY:
            self.flush()

    def _err(self, text: str) -> None:
        if self.progress.visible:
            self.progress.hide()
        self.flush()
        self.stderr.write(text)
        self.stderr.flush()

    def write_line(self, text: str) -> None:
        self._out(text + "\n")

    def write_host(self, text: str, newline: bool = True, fg: Any = None, bg: Any = None) -> None:
        codes = (_color_code(fg, False) + _color_code(bg, True)) if self.color else ""
        body = f"{codes}{text}{RESET}" if codes else text
        self._out(body + ("\n" if newline else ""))

    def write_error(self, record: Any) -> None:
        from o365shell.format.concise import render_error
        try:
            text = render_error(record, color=self.color, width=self.width or 120)
        except Exception:
            text = f"{getattr(record, 'command_name', None) or 'Error'}: {getattr(record, 'message', record)}"
        self._err(text + "\n")

    def write_warning(self, text: str) -> None:
        from o365shell.format.concise import render_warning
        self._err(render_warning(text, self.color) + "\n")

    def write_verbose(self, text: str) -> None:
        from o365shell.format.concise import render_verbose
        self._err(render_verbose(text, self.color) + "\n")

    def write_debug(self, text: str) -> None:
        from o365shell.format.concise import render_debug
        self._err(render_debug(text, self.color) + "\n")

    def write_information(self, obj: Any) -> None:
        from o365shell.engine.conversion import to_string
        self._out(to_string(obj) + "\n")

    def write_progress(self, record: Any) -> None:
        self.flush()
        self.progress.update(record)

    def end_command(self) -> None:
        """After each command: remove a progress bar left behind and flush."""
        self.progress.reset()
        self.flush()

    def clear(self) -> None:
        self.progress.reset()
        self.stdout.write("\x1b[H\x1b[2J\x1b[3J")
        self.flush()

    # ------------------------------------------------------------------ input
    def ask(self, message: str, password: bool = False) -> str:
        """One line through prompt_toolkit (masked with ``*`` for passwords)."""
        from prompt_toolkit import PromptSession
        self.progress.hide()
        self.flush()
        self.stderr.flush()
        session: PromptSession[str] = PromptSession()
        return session.prompt(message, is_password=password)

    def out_grid_view(self, rows: list, title: str, mode: str) -> list:
        """Out-GridView: the full-screen grid; the chosen rows (EOFError without a terminal)."""
        if not (self.stdout.isatty() and sys.stdin.isatty()):
            raise EOFError("no terminal")
        from .gridview import run_grid
        self.progress.hide()
        self.flush()
        return run_grid(rows, title, mode)
