"""The banner and the prompt.

The prompt is pwsh's default, ``PS <location>> ``, or the text of a user-defined
``prompt`` function. The connected services are shown before it, dimmed, like a Python
virtual environment's name: ``[admin@contoso.onmicrosoft.com: MSOnline, Graph] PS /home/admin> ``.
As PSReadLine does, the part of the prompt from its last non-blank character on is drawn in
red while the input has a parse error.
"""
from __future__ import annotations

import os
from typing import Any, Callable

from prompt_toolkit.formatted_text import StyleAndTextTuples

__all__ = ["banner", "prompt_text", "connections_label", "render_prompt", "FAMILY_NAMES"]

FAMILY_NAMES = {"msonline": "MSOnline", "exchange": "ExchangeOnline", "graph": "Graph"}


def banner() -> str:
    """The start-up banner (``-NoLogo`` skips it)."""
    from o365shell import __version__
    return (f"o365shell {__version__} \u2014 PowerShell 7.4 language, simulated Microsoft 365 tenant\n"
            "Tab completes, F1 shows help for the command at the cursor, Ctrl+R searches history,\n"
            "Get-Help <command> explains a command; exit or Ctrl+D leaves.\n")


def connections_label(session: Any) -> str:
    """``[account: Service, ...] `` for the signed-in service families ('' when none)."""
    if session is None:
        return ""
    conns = session.services.get("connections") or {}
    if not conns:
        return ""
    by_account: dict[str, list[str]] = {}
    for family in ("msonline", "exchange", "graph"):
        c = conns.get(family)
        if c is not None:
            by_account.setdefault(str(getattr(c, "account", "") or "?"), []).append(FAMILY_NAMES[family])
    for family, c in conns.items():
        if family not in FAMILY_NAMES and c is not None:
            by_account.setdefault(str(getattr(c, "account", "") or "?"), []).append(family)
    parts = [f"{acct}: {', '.join(fams)}" for acct, fams in by_account.items()]
    return "[" + "; ".join(parts) + "] "


def _user_prompt(session: Any) -> str | None:
    """The text of a user-defined ``prompt`` function (None when there is none)."""
    if session.find_function("prompt") is None:
        return None
    from o365shell.engine.conversion import to_string
    from o365shell.engine.runtime import run_text
    items: list = []
    host = session.host
    had = "write_error" in vars(host)
    saved = vars(host).get("write_error")
    host.write_error = lambda record: None  # type: ignore[method-assign]
    try:
        res = run_text(session, "prompt", items.append)
    except Exception:
        return "PS>"
    finally:
        if had:
            host.write_error = saved  # type: ignore[method-assign]
        else:
            del host.write_error
    if res.failed or not items:
        return "PS>"
    return "".join(to_string(x) for x in items)


def prompt_text(session: Any) -> str:
    """The prompt string: the user's ``prompt`` function, else ``PS <location>> ``."""
    if session is not None:
        try:
            text = _user_prompt(session)
        except Exception:
            text = "PS>"
        if text is not None:
            return text
        location = session.location
    else:
        location = os.getcwd()
    return f"PS {location}> "


def render_prompt(text: str, label: str, has_error: Callable[[], bool]) -> StyleAndTextTuples:
    """The prompt as formatted text, the tail turning red while ``has_error()``."""
    out: StyleAndTextTuples = []
    if label:
        out.append(("class:prompt.connections", label))
    stripped = text.rstrip()
    if not stripped:
        out.append(("class:prompt", text))
        return out
    cut = len(stripped) - 1
    out.append(("class:prompt", text[:cut]))
    out.append(("class:prompt.error" if has_error() else "class:prompt", text[cut:]))
    return out
