"""Dynamic help in the editor (PSReadLine's F1 ShowCommandHelp and Alt+H ShowParameterHelp),
from the same help data Get-Help renders: a cmdlet's declaration and docstring, a function's
comment-based help.
"""
from __future__ import annotations

import re
from typing import Any

from .context import analyze

__all__ = ["command_at", "parameter_at", "help_info", "command_help_text", "parameter_help_text"]


def _word_bounds(text: str, cursor: int) -> tuple[int, int]:
    stop = " \t\r\n|;(){}"
    s = cursor
    while s > 0 and text[s - 1] not in stop:
        s -= 1
    e = cursor
    while e < len(text) and text[e] not in stop:
        e += 1
    return s, e


def command_at(text: str, cursor: int) -> str | None:
    """The command whose name or argument is under the cursor."""
    s, e = _word_bounds(text, cursor)
    ctx = analyze(text[:e])
    if ctx.command_position:
        word = text[s:e].strip()
        return word or None
    return ctx.command


def parameter_at(text: str, cursor: int) -> tuple[str, str] | None:
    """(command, parameter) for the ``-Parameter`` at the cursor or the one whose value it is on."""
    s, e = _word_bounds(text, cursor)
    word = text[s:e]
    ctx = analyze(text[:e])
    if ctx.command is None:
        return None
    if word.startswith("-") and len(word) > 1:
        return ctx.command, word[1:].split(":", 1)[0]
    prev = ctx.elements[-1] if ctx.elements else ""
    ctx2 = analyze(text[:s])
    if ctx2.elements:
        prev = ctx2.elements[-1]
    if prev.startswith("-") and len(prev) > 1:
        return ctx.command, prev[1:].split(":", 1)[0]
    return None


def help_info(session: Any, name: str) -> Any:
    """The HelpInfo of the command ``name`` means (alias, function, cmdlet), or None."""
    from o365shell.cmdlets import helpsystem as H
    lname = name.lower()
    for _ in range(8):
        target = session.find_alias(lname)
        if target is None or target.lower() == lname:
            break
        lname = target.lower()
        name = target
    f = session.find_function(lname)
    if f is not None:
        try:
            meta = f.metadata()
        except Exception:
            meta = None
        return H.script_help(f.name, meta, H.function_help_comment(f))
    cls = session.commands.get(lname)
    if cls is None:
        return None
    return H.cmdlet_help(cls)


def command_help_text(session: Any, name: str) -> str:
    """Full help for F1 (Get-Help -Full), or a short 'not found' note."""
    from o365shell.format.helpview import render_help
    try:
        info = help_info(session, name)
    except Exception as e:
        return f"\nHelp for '{name}' could not be shown: {e}\n"
    if info is None:
        return (f"\nGet-Help could not find {name} in a help file in this session.\n"
                "Type a command name (or put the cursor on one) and press F1.\n")
    return render_help(info, "full")


def parameter_help_text(session: Any, command: str, parameter: str) -> str | None:
    """Alt+H: the parameter's name, type and description (the Get-Help -Parameter block's head)."""
    try:
        info = help_info(session, command)
    except Exception:
        return None
    if info is None:
        return None
    low = parameter.lower()
    params = list(info.parameters)
    exact = [p for p in params if p.name.lower() == low or low in [a.lower() for a in (p.aliases or [])]]
    found = exact or [p for p in params if p.name.lower().startswith(low)]
    if len(found) != 1:
        return None
    p = found[0]
    type_name = getattr(p, "type", "") or ""
    head = f"-{p.name} <{type_name}>" if type_name and not p.is_switch else f"-{p.name}"
    if getattr(p, "required", False):
        head += "    (required)"
    desc = re.sub(r"\s+", " ", (getattr(p, "description", "") or "").strip())
    return f"{head}\n    {desc}" if desc else head
