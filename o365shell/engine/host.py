"""What the engine needs from whoever runs it (the CLI, the REPL, a test): somewhere to put
text, errors and prompts. The engine never prints; it calls these."""
from __future__ import annotations

import sys
from typing import Any, Callable


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

    def read_line(self, prompt: str | None = None, secure: bool = False) -> Any:
        """Read-Host. A non-interactive host refuses (the caller turns that into pwsh's error)."""
        raise EOFError("non-interactive")

    def prompt_credential(self, caption: str, message: str, user: str | None) -> Any:
        raise EOFError("non-interactive")

    def confirm(self, caption: str, message: str) -> bool:
        """-Confirm / ShouldContinue: yes/no. Non-interactive hosts answer no."""
        return False

    def clear(self) -> None:
        """Clear-Host."""

    def out_grid_view(self, rows: list, title: str, mode: str) -> list:
        raise EOFError("no terminal")


class StdioHost(Host):
    """A plain console host on stdout/stderr without colours (the -File / -Command host)."""

    def __init__(self, render_error: Callable[[Any], str] | None = None) -> None:
        super().__init__()
        self._render_error = render_error

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
