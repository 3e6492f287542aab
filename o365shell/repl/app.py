"""The interactive shell (SPEC §8): read a command with prompt_toolkit, run it as one pipeline,
print its output at the terminal width, and again, until ``exit`` or Ctrl+D.

``run_repl(opts)`` is what ``o365shell`` without -File/-Command calls on a terminal.
"""
from __future__ import annotations

import asyncio
import datetime as _dt
import sys
import time
from typing import Any

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggestFromHistory, ConditionalAutoSuggest
from prompt_toolkit.filters import Condition, to_filter
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.layout.controls import SearchBufferControl
from prompt_toolkit.layout.processors import BeforeInput, HighlightMatchingBracketProcessor
from prompt_toolkit.search import SearchDirection
from prompt_toolkit.shortcuts import CompleteStyle

from .completer import ShellCompleter
from .history import PSReadLineHistory, record
from .host import TerminalHost
from .keys import EditorState, make_bindings
from .lexer import make_lexer, make_style
from .loader import SessionLoader
from .prompt import banner, connections_label, prompt_text, render_prompt

__all__ = ["Repl", "run_repl"]

_MAX_CHECKED = 400
"""Longer input is not re-parsed on every key for the red prompt (the parser costs ~35 us a character)."""
_SEPARATORS = " \t\r\n|;(){},="


class Repl:
    """One interactive session: the editor, the engine session and the loop between them."""

    def __init__(self, opts: dict[str, Any], host: TerminalHost | None = None) -> None:
        self.opts = opts
        self.host = host or TerminalHost()
        self.state = EditorState()
        self.completer = ShellCompleter(lambda: self.loader.get(wait=True))
        self.loader = SessionLoader(opts, self.host, self.completer)
        self.completer.tenant_ready = self.loader.done.wait
        self.history = PSReadLineHistory()
        self.prompt_str = ""
        self.label = ""
        self._error_cache: tuple[str, bool] = ("", False)
        self._history_error_shown = False
        self.ps: PromptSession[str] = PromptSession(
            message=self._message,
            multiline=True,
            prompt_continuation=self._continuation,
            lexer=make_lexer(),
            style=make_style(),
            include_default_pygments_style=False,
            completer=self.completer,
            complete_while_typing=False,
            complete_style=CompleteStyle.MULTI_COLUMN,
            auto_suggest=ConditionalAutoSuggest(AutoSuggestFromHistory(), Condition(lambda: self.state.suggestions)),
            history=self.history,
            enable_history_search=False,
            search_ignore_case=True,
            key_bindings=make_bindings(self.state, self.completer, lambda: self.loader.get(wait=True),
                                       self._needs_more, self._set_toolbar),
            input_processors=[HighlightMatchingBracketProcessor()],
            bottom_toolbar=None,
            enable_open_in_editor=True,
            reserve_space_for_menu=6,
        )
        buf = self.ps.default_buffer
        buf.enable_history_search = to_filter(True)        # Up/Down: prefix search (see keys.py)
        buf.complete_while_typing = Condition(lambda: self.state.menu_active)   # typing filters an open menu
        buf.on_text_changed += self._text_changed
        self._patch_search_prompt()

    # ------------------------------------------------------------------ prompt pieces
    def _message(self) -> StyleAndTextTuples:
        return render_prompt(self.prompt_str, self.label, self._has_parse_error)

    @staticmethod
    def _continuation(width: int, line_number: int, wrap_count: int) -> StyleAndTextTuples:
        return [("class:continuation", ">> " if wrap_count == 0 else "")]

    def _has_parse_error(self) -> bool:
        return self.input_has_error(self.ps.default_buffer.text)

    def input_has_error(self, text: str) -> bool:
        """Does the input fail to parse (PSReadLine then draws the prompt's ``>`` in red)?"""
        if not text.strip() or len(text) > _MAX_CHECKED or not self.loader.done.is_set():
            return False
        if self._error_cache[0] == text:
            return self._error_cache[1]
        from o365shell.language.errors import PSParseError
        from o365shell.language.parser import parse
        try:
            parse(text)
            bad = False
        except PSParseError:
            bad = True
        except Exception:
            bad = False
        self._error_cache = (text, bad)
        return bad

    def _needs_more(self, text: str) -> bool:
        """Enter adds a line instead of running while the parser says more input could complete it."""
        if not text.strip():
            return False
        from o365shell.language.diagnose import is_incomplete
        if is_incomplete(text):
            return True
        from o365shell.language.errors import PSParseError
        from o365shell.language.parser import parse
        try:
            parse(text)
        except PSParseError as e:
            return bool(getattr(e, "incomplete", False))
        except Exception:
            return False
        return False

    def _set_toolbar(self, text: str | None) -> None:
        self.ps.bottom_toolbar = (lambda: [("class:parameter-help", text)]) if text else None
        try:
            self.ps.app.invalidate()
        except Exception:
            pass

    def _text_changed(self, buf: Any) -> None:
        if self.ps.bottom_toolbar is not None:
            self.ps.bottom_toolbar = None
        before = buf.document.text_before_cursor
        if self.state.menu_active and (not before or before[-1] in _SEPARATORS):
            self.state.menu_active = False

    def _patch_search_prompt(self) -> None:
        """PSReadLine's ``bck-i-search: `` / ``fwd-i-search: `` labels (``failed-`` when nothing matches)."""
        for control in self.ps.app.layout.find_all_controls():
            if isinstance(control, SearchBufferControl):
                control.input_processors = [BeforeInput(self._label_for(control),
                                                        style="class:search-toolbar.prompt")]

    def _label_for(self, control: SearchBufferControl) -> Any:
        return lambda: self._search_label(control)

    def _search_label(self, control: SearchBufferControl) -> str:
        st = control.searcher_search_state
        back = st.direction == SearchDirection.BACKWARD
        label = "bck-i-search: " if back else "fwd-i-search: "
        needle = control.buffer.text.lower()
        if needle:
            haystack = self.history.get_strings() + [self.ps.default_buffer.text]
            if not any(needle in h.lower() for h in haystack):
                label = "failed-" + label
        return label

    # ------------------------------------------------------------------ the loop
    def _pre_run(self) -> None:
        self.state.menu_active = False
        if not self.loader.ready.is_set():
            asyncio.get_event_loop().call_soon(self.loader.start)

    def read(self) -> str:
        """One input (raises KeyboardInterrupt on Ctrl+C, EOFError on Ctrl+D)."""
        session = self.loader.get(wait=False)
        self.prompt_str = prompt_text(session)
        self.label = connections_label(session)
        self.host.flush()
        return self.ps.prompt(pre_run=self._pre_run)

    def run(self) -> int:
        """Read and run commands until ``exit`` (its code) or Ctrl+D (0)."""
        if not self.opts.get("nologo"):
            self.host.stdout.write(banner() + "\n")
            self.host.flush()
        while True:
            try:
                text = self.read()
            except KeyboardInterrupt:
                continue
            except EOFError:
                return 0
            if self.history.write_error and not self._history_error_shown:
                self._history_error_shown = True
                self.host.write_warning(self.history.write_error)
            if not text.strip():
                continue
            self.completer.note_line(text)
            code = self.execute(text)
            if code is not None:
                return code

    def execute(self, text: str) -> int | None:
        """Run one input as a pipeline; the exit code when it was ``exit``."""
        from o365shell.engine.runtime import run_text
        from o365shell.format.outdefault import OutDefault
        try:
            session = self.loader.wait()
        except KeyboardInterrupt:
            self.host.stdout.write("\n")
            return None
        except RuntimeError as e:
            self.host.stderr.write(f"{e}\n")
            return 1
        host = self.host
        saved = (session.scope, session.streams, session.call_depth, session.try_depth, session.current_command,
                 session.current_function, list(session.catch_stack))
        start = _dt.datetime.now()
        status = "Completed"
        out = OutDefault(lambda line: host.write_line(line), width=host.width, color=host.color)
        result = None
        stream = TableWindow(out)
        try:
            result = run_text(session, text, stream.write)
            out.close()
            if result.failed:
                status = "Failed"
        except KeyboardInterrupt:
            status = "Stopped"
            self._restore(session, saved)
            host.progress.reset()
            host.stdout.write("\n")
        except Exception as e:  # a bug outside the engine's own reporting (e.g. formatting): keep the shell
            status = "Failed"
            self._restore(session, saved)
            host.write_error(_internal_error(e))
        finally:
            host.end_command()
            record(session, text, status, start, _dt.datetime.now())
        if result is not None and result.exited:
            return int(result.exit_code)
        return None

    @staticmethod
    def _restore(session: Any, saved: tuple) -> None:
        """After Ctrl+C: put the session back in the global scope with the host's streams."""
        (session.scope, session.streams, session.call_depth, session.try_depth, session.current_command,
         session.current_function, catch) = saved
        session.catch_stack[:] = catch
        session.last_status = False


def _internal_error(e: BaseException) -> Any:
    from o365shell.engine.errors import ErrorCategory, record_of, runtime_error
    exc = runtime_error(f"o365shell internal error ({type(e).__name__}: {e}). The command did not complete; please "
                        "report this with the command that caused it.", "InternalError", ErrorCategory.NotSpecified)
    return record_of(exc)


class TableWindow:
    """pwsh's 300 ms table window: rows are held so their column widths can be measured, and
    after 300 ms the layout is fixed and rows stream (so long outputs start appearing)."""

    WINDOW = 0.3

    def __init__(self, out: Any) -> None:
        self.out = out
        self.first: float | None = None
        self.last = 0.0

    def write(self, obj: Any) -> None:
        self.out.write(obj)
        now = time.monotonic()
        if self.first is None:
            self.first = now
        elif now - self.first >= self.WINDOW and now - self.last >= 0.05:
            self.last = now
            self.out.flush()


def run_repl(opts: dict[str, Any]) -> int:
    """Start the interactive shell; returns the process exit code."""
    repl = Repl(opts)
    try:
        return repl.run()
    finally:
        try:
            sys.stdout.flush()
        except Exception:
            pass
