"""Syntax colouring: pygments' PowerShellLexer through prompt_toolkit's PygmentsLexer, with
PSReadLine's default colours (and a light-background variant, ``$O365SHELL_THEME=light``).

pygments tags parameters, members, bare words and numbers all as ``Name``; one small override
re-tags ``-Name`` words as parameters and digit runs as numbers so that they get
PSReadLine's Parameter and Number colours. Everything else is pygments' own lexing.
"""
from __future__ import annotations

import os
import re
from typing import Any, Iterator

from prompt_toolkit.lexers import PygmentsLexer
from prompt_toolkit.styles import Style, merge_styles, style_from_pygments_dict
from pygments.lexers.shell import PowerShellLexer
from pygments.token import Comment, Keyword, Name, Number, Operator, String, Token

__all__ = ["make_lexer", "make_style", "PARAMETER"]

PARAMETER = Name.Attribute
_NUMBER = re.compile(r"^\d[\d_]*(\.\d+)?([eE][+-]?\d+)?([lLdD]|[kKmMgGtTpP][bB])?$|^0x[0-9a-fA-F]+$")


def _retag(ttype: Any, value: str) -> Any:
    if ttype is Name:
        if len(value) > 1 and value[0] in "-\u2013" and (value[1].isalpha() or value[1] == "_"):
            return PARAMETER
        if _NUMBER.match(value):
            return Number
    return ttype


class PowerShellTokens(PowerShellLexer):
    """pygments' PowerShellLexer, with generic ``Name`` tokens re-tagged: ``-Param`` as a
    parameter and ``42`` as a number (pygments lexes both as plain names)."""

    def get_tokens_unprocessed(self, text: str, stack: Any = ("root",)) -> Iterator[tuple[int, Any, str]]:
        for index, ttype, value in super().get_tokens_unprocessed(text, stack):
            yield index, _retag(ttype, value), value


def make_lexer() -> PygmentsLexer:
    """The input line's lexer: pygments' PowerShellLexer through prompt_toolkit."""
    return PygmentsLexer(PowerShellTokens, sync_from_start=True)


# PSReadLine's default token colours (Cmdlets.cs ResetColors), as the ANSI colours pwsh uses.
_DARK = {
    Name.Builtin: "ansibrightyellow",        # Command: Yellow (\e[93m)
    Name.Function: "ansibrightyellow",
    PARAMETER: "ansibrightblack",           # Parameter: DarkGray
    Operator: "ansibrightblack",            # Operator: DarkGray
    Name.Variable: "ansibrightgreen",       # Variable: Green
    Keyword: "ansibrightgreen",             # Keyword: Green
    String: "ansicyan",                     # String: DarkCyan
    Number: "ansiwhite",                     # Number: White
    Name.Constant: "ansigray",              # Type: Gray
    Comment: "ansigreen",                   # Comment: DarkGreen
}
_LIGHT = {
    Name.Builtin: "ansiblue bold",
    Name.Function: "ansiblue bold",
    PARAMETER: "ansimagenta",
    Operator: "ansimagenta",
    Name.Variable: "ansigreen",
    Keyword: "ansigreen bold",
    String: "ansired",
    Number: "ansiblack bold",
    Name.Constant: "ansiblue",
    Comment: "ansigreen",
}

_UI = {
    "prompt": "",
    "prompt.error": "ansired bold",
    "prompt.connections": "ansibrightblack",
    "continuation": "",
    "auto-suggestion": "ansibrightblack italic",
    "matching-bracket.cursor": "reverse",
    "matching-bracket.other": "reverse",
    "search-toolbar.prompt": "",
    "search-toolbar.text": "ansicyan",
    "search": "ansicyan reverse",
    "search.current": "ansicyan reverse",
    "bottom-toolbar": "noreverse",
    "bottom-toolbar.text": "noreverse",
    "completion-menu": "bg:default noreverse",
    "completion-menu.completion": "bg:default fg:default",
    "completion-menu.completion.current": "reverse",
    "completion-menu.meta.completion": "bg:default fg:ansibrightblack",
    "completion-menu.meta.completion.current": "reverse",
    "completion-menu.multi-column-meta": "bg:default fg:ansibrightblack",
    "scrollbar.background": "bg:default",
    "scrollbar.button": "bg:ansibrightblack",
    "parameter-help": "ansibrightblack",
}


def theme() -> str:
    """``dark`` (PSReadLine's defaults) or ``light`` (``$O365SHELL_THEME=light``)."""
    return "light" if os.environ.get("O365SHELL_THEME", "").lower() == "light" else "dark"


def make_style() -> Style:
    """Token colours plus the prompt, menu, suggestion and search styles."""
    tokens = _LIGHT if theme() == "light" else _DARK
    return merge_styles([style_from_pygments_dict(tokens), Style.from_dict(_UI)])


_ = Token
