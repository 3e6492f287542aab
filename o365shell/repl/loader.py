"""Building the session in the background, so the first prompt appears at once.

The prompt is drawn first (prompt_toolkit and pygments are all it needs); the session with
every cmdlet, the parser, the formatter and the tenant (with its UPN index) are then built
on a worker thread while the user types. Running a command, Tab and F1 wait for it.
"""
from __future__ import annotations

import threading
from typing import Any

__all__ = ["SessionLoader"]


class SessionLoader:
    """Builds (once) the session for ``opts`` on a daemon thread."""

    def __init__(self, opts: dict[str, Any], host: Any, completer: Any = None) -> None:
        self.opts = opts
        self.host = host
        self.completer = completer
        self.session: Any = None
        self.error: BaseException | None = None
        self.ready = threading.Event()   # the session exists
        self.done = threading.Event()    # the session, parser, formatter and tenant are warm
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Start building (no-op when already started)."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="o365shell-loader", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        try:
            from o365shell.cli import make_session
            self.session = make_session(self.opts, self.host)
            self.ready.set()
            self._warm(self.session)
        except BaseException as e:  # reported when the session is first needed
            self.error = e
        finally:
            self.ready.set()
            self.done.set()

    def _warm(self, session: Any) -> None:
        from o365shell.language.diagnose import is_incomplete
        from o365shell.language.parser import parse
        parse("Get-Date | Out-Null")
        is_incomplete("{")
        from o365shell.format import concise, outdefault  # noqa: F401
        for cls in session.commands.values():
            try:
                cls.metadata
            except Exception:
                pass
        try:
            from o365shell.cmdlets.tenantsvc import get_tenant
            tenant = get_tenant(session)
            if self.completer is not None:
                self.completer.upns.refresh(tenant)
        except Exception:
            pass

    def get(self, wait: bool = True) -> Any:
        """The session (None if not built yet and ``wait`` is false)."""
        if not self.ready.is_set():
            if not wait:
                return None
            self.start()
            self.ready.wait()
        return self.session

    def wait(self) -> Any:
        """Wait until everything is warm; the session (raises if it could not be built)."""
        self.start()
        self.done.wait()
        if self.session is None:
            raise RuntimeError(f"o365shell could not start its session: {self.error!r}")
        return self.session
