"""Run o365shell in-process: what tests, labs and other hosts use instead of a subprocess.

    sh = Shell()
    r = sh.run("Get-MsolUser -All | Measure-Object")
    r.stdout, r.stderr, r.exit_code      # text exactly as the CLI would print it
    sh.invoke("1..3")                    # the raw output objects instead of text
"""
from __future__ import annotations

import io
from typing import Any

from .engine.host import Host


class CaptureHost(Host):
    """A host writing to in-memory buffers, rendering errors in ConciseView like the CLI."""

    def __init__(self, width: int | None = None, answers: list[str] | None = None) -> None:
        super().__init__()
        self.stdout = io.StringIO()
        self.stderr = io.StringIO()
        self._width = width
        self.answers = list(answers or [])
        self.interactive = answers is not None

    @property
    def width(self) -> int | None:
        return self._width

    def write_line(self, text: str) -> None:
        self.stdout.write(text + "\n")

    def write_host(self, text: str, newline: bool = True, fg: Any = None, bg: Any = None) -> None:
        self.stdout.write(text + ("\n" if newline else ""))

    def write_error(self, record: Any) -> None:
        from .cli import _render_error
        self.stderr.write(_render_error(record) + "\n")

    def write_warning(self, text: str) -> None:
        self.stderr.write("WARNING: " + text + "\n")

    def write_verbose(self, text: str) -> None:
        self.stderr.write("VERBOSE: " + text + "\n")

    def write_debug(self, text: str) -> None:
        self.stderr.write("DEBUG: " + text + "\n")

    def write_information(self, obj: Any) -> None:
        from .engine.conversion import to_string
        self.stdout.write(to_string(obj) + "\n")

    def read_line(self, prompt: str | None = None, secure: bool = False) -> Any:
        if not self.answers:
            raise EOFError("no more answers")
        if prompt:
            self.stdout.write(prompt)
        ans = self.answers.pop(0)
        self.stdout.write("\n")
        if secure:
            from .engine.valuetypes import SecureString
            return SecureString(ans)
        return ans

    def confirm(self, caption: str, message: str) -> bool:
        if not self.answers:
            return False
        return self.answers.pop(0).strip().lower() in ("y", "yes", "a")


class Result:
    """What one run printed and how it ended."""

    __slots__ = ("stdout", "stderr", "exit_code")

    def __init__(self, stdout: str, stderr: str, exit_code: int) -> None:
        self.stdout = stdout
        self.stderr = stderr
        self.exit_code = exit_code

    def __repr__(self) -> str:
        return f"Result(exit={self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


class Shell:
    """An o365shell session in this process (state persists between ``run`` calls, like a REPL)."""

    def __init__(self, *, tenant_size: int = 0, tenant_path: str | None = None, width: int | None = None,
                 answers: list[str] | None = None, noninteractive: bool = True) -> None:
        from .cli import make_session
        self.host = CaptureHost(width, answers)
        opts = {"tenantsize": tenant_size, "tenant": tenant_path, "noninteractive": noninteractive}
        self.session = make_session(opts, self.host)

    def run(self, text: str, path: str | None = None) -> Result:
        """Run script text; returns what it printed (output formatted as pwsh would) and the exit code."""
        from .cli import _out_default
        from .engine.runtime import run_text
        h = self.host
        h.stdout.seek(0)
        h.stdout.truncate()
        h.stderr.seek(0)
        h.stderr.truncate()
        out = _out_default(h)
        try:
            res = run_text(self.session, text, out.write, path)
        finally:
            out.close()
        code = res.exit_code
        if not res.exited and not res.failed and not self.session.last_status:
            code = 1
        return Result(h.stdout.getvalue(), h.stderr.getvalue(), code)

    def run_file(self, path: str, args: list | None = None) -> Result:
        from .cli import _out_default, _script_args
        from .engine.runtime import run_file
        h = self.host
        h.stdout.seek(0)
        h.stdout.truncate()
        h.stderr.seek(0)
        h.stderr.truncate()
        out = _out_default(h)
        try:
            res = run_file(self.session, path, out.write, _script_args(list(args or [])))
        finally:
            out.close()
        return Result(h.stdout.getvalue(), h.stderr.getvalue(), res.exit_code)

    def invoke(self, text: str) -> list:
        """Run script text and return its output objects (errors still go to ``host.stderr``)."""
        from .engine.runtime import run_text
        items: list = []
        run_text(self.session, text, items.append)
        return items
