"""Running whole scripts: parse (once), compile, execute at top level, and turn how a script
ended (normally, ``exit N``, an uncaught error, a parse error) into an exit code.

Hosts (the CLI, the REPL, the lab runner, tests) call ``run_text`` / ``run_file``.
"""
from __future__ import annotations

import os
from typing import Any, Callable

from ..language import ast as A
from ..language.errors import PSParseError
from .binding import Arg
from .errors import (BreakSignal, ContinueSignal, ErrorCategory, ErrorRecord, ExitSignal, ParseException,
                     Position, ReturnSignal, record_of)
from .netlib.exceptions import DotNetException

_current: Any = None

#: Re-raise Python exceptions that escape the engine (bugs) instead of reporting them; tests set it.
STRICT = bool(os.environ.get("O365SHELL_STRICT"))


def current_session() -> Any:
    """The session most recently created or activated (for script blocks made without one)."""
    return _current


def activate(session: Any) -> None:
    global _current
    _current = session


def read_script(path: str) -> str:
    """Script text as PowerShell reads it: BOM removed, CRLF accepted."""
    with open(path, "rb") as f:
        data = f.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text


def parse_error_record(err: PSParseError) -> ErrorRecord:
    """A ParserError as an ErrorRecord (category ParserError, the position of the bad token)."""
    exc = ParseException(err.message)
    exc.error_id = err.error_id
    exc.category = ErrorCategory.ParserError
    src = err.source
    pos = Position(src, err.offset, err.end) if src is not None else None
    exc.position = pos
    rec = record_of(exc)
    rec.position = pos
    return rec


def load_script_file(ctx: Any, path: str) -> Any:
    """Parse a .ps1 file into a ScriptBlock (raises ParseException on a syntax error)."""
    from ..language.parser import parse
    from .scriptblock import ScriptBlock
    from .requires import check_requirements
    text = read_script(path)
    try:
        script = parse(text, path)
    except PSParseError as e:
        rec = parse_error_record(e)
        raise rec.exception from None
    if "#requires" in text.lower():
        check_requirements(text, path)
    return ScriptBlock(script.block, ctx, script.source)


class RunResult:
    """How a top-level run ended."""

    __slots__ = ("exit_code", "exited", "failed")

    def __init__(self, exit_code: int = 0, exited: bool = False, failed: bool = False) -> None:
        self.exit_code = exit_code
        self.exited = exited
        self.failed = failed


def _run_block(ctx: Any, sb: Any, args: list, out: Callable[[Any], None], dot_source: bool,
               script_file: str | None) -> RunResult:
    from .scriptproc import ScriptProcessor
    try:
        proc = ScriptProcessor(ctx, sb, [a if isinstance(a, Arg) else Arg(None, a) for a in args],
                               os.path.basename(script_file) if script_file else "", None,
                               dot_source=dot_source, script_file=script_file)
        proc.downstream = out
        proc.begin()
        proc.process_no_input()
        proc.end()
    except ExitSignal as e:
        ctx.global_scope.vars["lastexitcode"] = e.code
        return RunResult(e.code, exited=True)
    except (BreakSignal, ContinueSignal, ReturnSignal):
        return RunResult(0)
    except DotNetException as e:
        rec = record_of(e)
        ctx.add_error(rec)
        ctx.streams.error(rec)
        ctx.last_status = False
        return RunResult(1, failed=True)
    except RecursionError:
        from .errors import runtime_error
        e2 = runtime_error("The script failed due to call depth overflow.", "CallDepthOverflow",
                           ErrorCategory.InvalidOperation)
        ctx.streams.error(record_of(e2))
        return RunResult(1, failed=True)
    except BrokenPipeError:
        raise  # the reader went away (`| head`): the host ends quietly
    except Exception as e:  # a bug in o365shell: report it as an error, never as a traceback
        if STRICT:
            raise
        from .errors import runtime_error
        e2 = runtime_error(f"o365shell internal error ({type(e).__name__}: {e}). The command did not complete; "
                           "please report this with the script that caused it.", "InternalError",
                           ErrorCategory.NotSpecified)
        ctx.streams.error(record_of(e2))
        ctx.last_status = False
        return RunResult(1, failed=True)
    return RunResult(0)


def run_text(ctx: Any, text: str, out: Callable[[Any], None], path: str | None = None,
             args: list | None = None, dot_source: bool = True) -> RunResult:
    """Parse and run ``text`` (``-Command`` runs it dot-sourced in the global scope)."""
    from ..language.parser import parse
    from .scriptblock import ScriptBlock
    activate(ctx)
    try:
        script = parse(text, path)
    except PSParseError as e:
        rec = parse_error_record(e)
        ctx.add_error(rec)
        ctx.streams.error(rec)
        return RunResult(1, failed=True)
    sb = ScriptBlock(script.block, ctx, script.source)
    return _run_block(ctx, sb, args or [], out, dot_source, path if not dot_source else None)


def run_file(ctx: Any, path: str, out: Callable[[Any], None], args: list | None = None) -> RunResult:
    """Run a script file in its own script scope, binding ``args`` to its param() block."""
    activate(ctx)
    full = os.path.abspath(path)
    try:
        text = read_script(full)
    except OSError:
        from .errors import runtime_error
        e = runtime_error(f"The argument '{path}' is not recognized as the name of a script file. Check the spelling "
                          "of the name, or if a path was included, verify that the path is correct and try again.",
                          "FileNotFound", ErrorCategory.ObjectNotFound, path)
        rec = record_of(e)
        ctx.streams.error(rec)
        return RunResult(64, failed=True)
    from ..language.parser import parse
    from .scriptblock import ScriptBlock
    try:
        script = parse(text, full)
    except PSParseError as e:
        rec = parse_error_record(e)
        ctx.add_error(rec)
        ctx.streams.error(rec)
        return RunResult(1, failed=True)
    if "#requires" in text.lower():
        from .requires import check_requirements
        try:
            check_requirements(text, full)
        except DotNetException as e:
            rec = record_of(e)
            ctx.add_error(rec)
            ctx.streams.error(rec)
            return RunResult(1, failed=True)
    sb = ScriptBlock(script.block, ctx, script.source)
    return _run_block(ctx, sb, args or [], out, False, full)


_ = A
