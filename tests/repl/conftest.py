"""Driving the real REPL through a pseudo-terminal.

``Term`` spawns ``python -m o365shell`` with pexpect on a 24x100 terminal and feeds what it
prints into a small VT100 screen model, so tests assert on what the user sees (prompt_toolkit
moves the cursor instead of printing spaces, so the raw byte stream is not readable text).
Waiting is always for something to appear on the screen, never a fixed sleep.
"""
from __future__ import annotations

import os
import re
import sys
import time
from typing import Callable

import pytest

pexpect = pytest.importorskip("pexpect")

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ROWS, COLS = 24, 100
TIMEOUT = float(os.environ.get("O365SHELL_PTY_TIMEOUT", "30"))
_CSI = re.compile(r"\x1b\[([?>=]?)([0-9;]*)([ -/]*)([@-~])")
_OSC = re.compile(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")


class Screen:
    """Just enough of a VT100 to follow prompt_toolkit: cursor moves, erases, scrolling,
    autowrap on/off, the alternate screen, saved cursors and cursor position reports
    (answered by :class:`Term`). Colours are ignored."""

    def __init__(self, rows: int = ROWS, cols: int = COLS) -> None:
        self.rows, self.cols = rows, cols
        self.lines = [[" "] * cols for _ in range(rows)]
        self.scrollback: list[str] = []
        self.x = self.y = 0
        self.autowrap = True
        self.pending_wrap = False
        self.saved = (0, 0)
        self.alt: tuple | None = None
        self._tail = ""
        self.replies: list[str] = []

    # ------------------------------------------------------------------ output
    def _linefeed(self) -> None:
        if self.y == self.rows - 1:
            self.scrollback.append("".join(self.lines.pop(0)).rstrip())
            self.lines.append([" "] * self.cols)
        else:
            self.y += 1

    def _put(self, ch: str) -> None:
        if self.pending_wrap:
            self.pending_wrap = False
            self.x = 0
            self._linefeed()
        self.lines[self.y][self.x] = ch
        if self.x == self.cols - 1:
            if self.autowrap:
                self.pending_wrap = True
        else:
            self.x += 1

    def _csi(self, private: str, params: str, final: str) -> None:
        nums = [int(p) if p else 0 for p in params.split(";")] if params else []
        n = nums[0] if nums and nums[0] else 1
        self.pending_wrap = False if final not in "m" else self.pending_wrap
        if private == "?":
            on = final == "h"
            for p in nums:
                if p == 7:
                    self.autowrap = on
                elif p in (47, 1047, 1049):
                    if on and self.alt is None:
                        self.alt = ([row[:] for row in self.lines], self.x, self.y)
                        self.lines = [[" "] * self.cols for _ in range(self.rows)]
                    elif not on and self.alt is not None:
                        self.lines, self.x, self.y = self.alt
                        self.alt = None
            return
        if final == "A":
            self.y = max(0, self.y - n)
        elif final == "B":
            self.y = min(self.rows - 1, self.y + n)
        elif final == "C":
            self.x = min(self.cols - 1, self.x + n)
        elif final == "D":
            self.x = max(0, self.x - n)
        elif final == "G":
            self.x = min(self.cols - 1, n - 1)
        elif final in "Hf":
            r = nums[0] if nums and nums[0] else 1
            c = nums[1] if len(nums) > 1 and nums[1] else 1
            self.y, self.x = min(self.rows, r) - 1, min(self.cols, c) - 1
        elif final == "J":
            mode = nums[0] if nums else 0
            if mode == 0:
                self.lines[self.y][self.x:] = [" "] * (self.cols - self.x)
                for r in range(self.y + 1, self.rows):
                    self.lines[r] = [" "] * self.cols
            elif mode == 1:
                for r in range(self.y):
                    self.lines[r] = [" "] * self.cols
                self.lines[self.y][:self.x + 1] = [" "] * (self.x + 1)
            else:
                self.lines = [[" "] * self.cols for _ in range(self.rows)]
                if mode == 3:
                    self.scrollback.clear()
        elif final == "K":
            mode = nums[0] if nums else 0
            if mode == 0:
                self.lines[self.y][self.x:] = [" "] * (self.cols - self.x)
            elif mode == 1:
                self.lines[self.y][:self.x + 1] = [" "] * (self.x + 1)
            else:
                self.lines[self.y] = [" "] * self.cols
        elif final == "n" and nums == [6]:
            self.replies.append(f"\x1b[{self.y + 1};{self.x + 1}R")   # cursor position report
        elif final == "s":
            self.saved = (self.x, self.y)
        elif final == "u":
            self.x, self.y = self.saved

    def feed(self, data: str) -> None:
        data = self._tail + data
        self._tail = ""
        i, n = 0, len(data)
        while i < n:
            ch = data[i]
            if ch == "\x1b":
                m = _CSI.match(data, i)
                if m:
                    self._csi(m.group(1), m.group(2), m.group(4))
                    i = m.end()
                    continue
                m = _OSC.match(data, i)
                if m:
                    i = m.end()
                    continue
                if i + 1 >= n or (data[i + 1] in "[]" and not _CSI.match(data, i) and n - i < 64):
                    self._tail = data[i:]
                    return
                nxt = data[i + 1]
                if nxt == "7":
                    self.saved = (self.x, self.y)
                elif nxt == "8":
                    self.x, self.y = self.saved
                i += 2 if nxt not in "()" else 3
                continue
            if ch == "\r":
                self.x = 0
                self.pending_wrap = False
            elif ch == "\n":
                self.pending_wrap = False
                self._linefeed()
            elif ch == "\b":
                self.x = max(0, self.x - 1)
            elif ch == "\t":
                self.x = min(self.cols - 1, (self.x // 8 + 1) * 8)
            elif ch in "\x07\x00\x0e\x0f":
                pass
            else:
                self._put(ch)
            i += 1

    # ------------------------------------------------------------------ reading
    def display(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.lines]

    def text(self) -> str:
        return "\n".join(self.display())

    def cursor_line(self) -> str:
        return "".join(self.lines[self.y])


class Term:
    """The REPL on a pseudo-terminal, its screen, and waiting helpers."""

    def __init__(self, args: list[str] | None = None, history: str | None = None, env: dict | None = None,
                 cwd: str | None = None) -> None:
        e = dict(os.environ)
        e.pop("PROMPT_TOOLKIT_NO_CPR", None)
        e.update({"TERM": "xterm", "COLUMNS": str(COLS), "LINES": str(ROWS),
                  "PYTHONPATH": ROOT + os.pathsep + e.get("PYTHONPATH", "")})
        e.pop("NO_COLOR", None)
        if history:
            e["O365SHELL_HISTORY"] = history
        e.update(env or {})
        self.cwd = cwd or ROOT
        self.child = pexpect.spawn(sys.executable, ["-m", "o365shell"] + list(args or []), env=e, cwd=self.cwd,
                                   dimensions=(ROWS, COLS), encoding="utf-8", codec_errors="replace")
        self.screen = Screen()
        self.raw = ""

    # ------------------------------------------------------------------ plumbing
    def _pump(self, timeout: float) -> bool:
        try:
            data = self.child.read_nonblocking(65536, timeout=timeout)
        except pexpect.TIMEOUT:
            return False
        except pexpect.EOF:
            raise
        self.raw += data
        self.screen.feed(data)
        while self.screen.replies:
            self.child.send(self.screen.replies.pop(0))
        return True

    def wait(self, predicate: Callable[["Term"], bool], what: str, timeout: float = TIMEOUT) -> None:
        """Read output until ``predicate(self)`` holds (AssertionError with the screen otherwise)."""
        deadline = time.monotonic() + timeout
        while not predicate(self):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"timed out waiting for {what}; screen:\n{self.screen.text()}")
            try:
                self._pump(min(left, 0.5))
            except pexpect.EOF:
                if predicate(self):
                    return
                raise AssertionError(f"the shell ended while waiting for {what}; screen:\n{self.screen.text()}")

    def expect(self, text: str, timeout: float = TIMEOUT) -> None:
        """Wait until ``text`` is on the screen."""
        self.wait(lambda t: text in t.screen.text(), repr(text), timeout)

    def expect_re(self, pattern: str, timeout: float = TIMEOUT) -> re.Match:
        rx = re.compile(pattern, re.M)
        self.wait(lambda t: rx.search(t.screen.text()) is not None, pattern, timeout)
        m = rx.search(self.screen.text())
        assert m is not None
        return m

    def at_prompt(self) -> bool:
        line = self.screen.cursor_line()
        head = line[:self.screen.x]
        return bool(re.match(r"^(\[[^\]]*\] )?PS [^\n]*> $", head)) and not line[self.screen.x:].strip()

    def wait_prompt(self, timeout: float = TIMEOUT) -> None:
        """Wait until an empty prompt line has the cursor."""
        self.wait(lambda t: t.at_prompt(), "the prompt", timeout)

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def row(self) -> int:
        """The cursor's row counted from the top of the scrollback."""
        return len(self.screen.scrollback) + self.screen.y

    def echoed(self, text: str) -> int:
        """Wait until ``text`` (its first line) was echoed; the row it is on."""
        head = text.split("\n")[0][:40]
        found: list[int] = []

        def seen(t: "Term") -> bool:
            lines = t.screen.display()
            for i in range(len(lines) - 1, -1, -1):
                if head in lines[i]:
                    found.append(len(t.screen.scrollback) + i)
                    return True
            return False
        self.wait(seen, f"the echo of {head!r}")
        return found[-1]

    def run(self, line: str) -> None:
        """Type a command, press Enter and wait for the next prompt below it."""
        self.send(line)
        start = self.echoed(line)
        self.send("\r")
        self.wait(lambda t: t.at_prompt() and t.row() > start, f"the prompt after {line!r}")

    def exit_code(self, timeout: float = TIMEOUT) -> int | None:
        self.child.expect(pexpect.EOF, timeout=timeout)
        self.child.close()
        return self.child.exitstatus

    def close(self) -> None:
        if self.child.isalive():
            self.child.terminate(force=True)


@pytest.fixture
def history_file(tmp_path):
    return str(tmp_path / "history.txt")


@pytest.fixture
def term(history_file):
    terms: list[Term] = []

    def start(*args: str, env: dict | None = None, history: str | None = None, cwd: str | None = None) -> Term:
        t = Term(list(args), history or history_file, env, cwd)
        terms.append(t)
        return t
    yield start
    for t in terms:
        t.close()
