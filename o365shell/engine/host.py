"""What the engine needs from whoever runs it (the CLI, the REPL, a test): somewhere to put
text, errors and prompts. The engine never prints; it calls these."""
from __future__ import annotations

import sys
from typing import Any, Callable


#: What ``?`` at a confirmation prompt explains.
CONFIRM_HELP = (
    "Y - Continue with only the next step of the operation.",
    "A - Continue with all the steps of the operation.",
    "N - Skip this operation and proceed with the next operation.",
    "L - Skip this operation and all subsequent operations.",
    "S - Pause the current pipeline and return to the command prompt. Type \"exit\" to resume the pipeline.",
)


class Host:
    """A minimal host: output and errors collected into lists (used by tests and as a base)."""

    name = "o365shell"
    interactive = False
    supports_color = False

    def __init__(self) -> None:
        self.out: list[str] = []
        self.err: list[str] = []

    @property
    def width(self) -> int | None:
        return None

    # output produced by Out-Default (already formatted text, one line per call)
    def write_line(self, text: str) -> None:
        self.out.append(text)

    def write_host(self, text: str, newline: bool = True, fg: Any = None, bg: Any = None) -> None:
        """Write-Host: straight to the console, never captured by the pipeline."""
        self.out.append(text + ("\n" if newline else ""))

    def write_error(self, record: Any) -> None:
        self.err.append(f"{record.command_name or 'Error'}: {record.message}")

    def write_warning(self, text: str) -> None:
        self.err.append("WARNING: " + text)

    def write_verbose(self, text: str) -> None:
        self.err.append("VERBOSE: " + text)

    def write_debug(self, text: str) -> None:
        self.err.append("DEBUG: " + text)

    def write_information(self, obj: Any) -> None:
        from .conversion import to_string
        self.out.append(to_string(obj))

    def write_progress(self, record: Any) -> None:
        """Write-Progress: a bar on a terminal, nothing otherwise."""

    # ------------------------------------------------------------------ input
    # Every prompt is built on ``ask``; a host that cannot read input leaves it raising EOFError,
    # which the callers turn into pwsh's NonInteractive errors (and confirm() into "no").
    def can_prompt(self) -> bool:
        """Whether prompts may be shown now (false: callers fail with pwsh's NonInteractive errors)."""
        return bool(self.interactive)

    def ask(self, message: str, password: bool = False) -> str:
        """Show ``message`` and read one line (masked when ``password``)."""
        raise EOFError("non-interactive")

    def read_line(self, prompt: str | None = None, secure: bool = False) -> Any:
        """Read-Host: one line, a SecureString when ``secure``."""
        if not self.can_prompt():
            raise EOFError("non-interactive")
        text = self.ask(prompt or "", password=secure)
        if secure:
            from .valuetypes import SecureString
            return SecureString(text)
        return text

    def prompt_credential(self, caption: str, message: str, user: str | None) -> Any:
        """Get-Credential as pwsh asks on Linux: caption, message, ``User:``, masked password."""
        from .valuetypes import PSCredential, SecureString
        if not self.can_prompt():
            raise EOFError("non-interactive")
        name = user or ""
        if not name:
            first = True
            while not name:
                if first:
                    self._prompt_heading(caption, message)
                    first = False
                name = self.ask("User: ").strip()
        else:
            self._prompt_heading(caption, message)
        password = self.ask(f"Password for user {name}: ", password=True)
        return PSCredential(name, SecureString(password))

    def _prompt_heading(self, caption: str, message: str) -> None:
        if caption:
            self.write_line(caption)
        if message:
            self.write_line(message)

    def confirm(self, caption: str, message: str) -> bool:
        """ShouldProcess / ShouldContinue: pwsh's ``[Y] Yes  [A] Yes to All ...`` choice prompt.
        A host that cannot prompt answers no."""
        if not self.can_prompt():
            return False
        self.write_line("")
        self._prompt_heading(caption, "")
        if message:
            for line in message.split("\n"):
                self.write_line(line)
        choices = '[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [S] Suspend  [?] Help (default is "Y"): '
        while True:
            try:
                answer = self.ask(choices).strip().lower()
            except EOFError:
                return False
            if answer in ("", "y", "yes", "a"):
                return True
            if answer in ("n", "no", "l", "s"):
                return False
            if answer == "?":
                for line in CONFIRM_HELP:
                    self.write_line(line)

    def clear(self) -> None:
        """Clear-Host."""

    def out_grid_view(self, rows: list, title: str, mode: str) -> list:
        raise EOFError("no terminal")


class StdioHost(Host):
    """A plain console host on stdout/stderr without colours (the -File / -Command host).

    It prompts (Read-Host, mandatory parameters, credentials, -Confirm) on standard input unless
    started with -NonInteractive: masked input via getpass on a terminal, plain lines otherwise."""

    def __init__(self, render_error: Callable[[Any], str] | None = None, can_prompt: bool = False) -> None:
        super().__init__()
        self._render_error = render_error
        self.interactive = can_prompt

    def ask(self, message: str, password: bool = False) -> str:
        if not self.interactive:
            raise EOFError("non-interactive")
        sys.stdout.flush()
        if password and sys.stdin.isatty():
            import getpass
            return getpass.getpass(message)
        sys.stdout.write(message)
        sys.stdout.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError("end of input")
        if not sys.stdin.isatty():
            sys.stdout.write("\n")  # the answer was not echoed by a terminal
        return line.rstrip("\r\n")

    def write_line(self, text: str) -> None:
        sys.stdout.write(text + "\n")

    def write_host(self, text: str, newline: bool = True, fg: Any = None, bg: Any = None) -> None:
        sys.stdout.write(text + ("\n" if newline else ""))

    def write_error(self, record: Any) -> None:
        sys.stdout.flush()
        text = self._render_error(record) if self._render_error else f"{record.command_name}: {record.message}"
        sys.stderr.write(text + "\n")
        sys.stderr.flush()

    def write_warning(self, text: str) -> None:
        sys.stdout.flush()
        sys.stderr.write("WARNING: " + text + "\n")

    def write_verbose(self, text: str) -> None:
        sys.stdout.flush()
        sys.stderr.write("VERBOSE: " + text + "\n")

    def write_debug(self, text: str) -> None:
        sys.stdout.flush()
        sys.stderr.write("DEBUG: " + text + "\n")

    def write_information(self, obj: Any) -> None:
        from .conversion import to_string
        sys.stdout.write(to_string(obj) + "\n")
