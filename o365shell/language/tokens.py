"""Custom pyparsing tokens for the parts of PowerShell a regular expression cannot match:
expandable strings (which nest), here-strings, and command-mode bare words.

Each token returns one AST node. Expandable text is split into literal parts and
expressions; the ``$( ... )`` inside is parsed by the grammar's statement list,
which the grammar installs in ``Expander.subparse``.
"""
from __future__ import annotations

from typing import Callable

import pyparsing as pp

from . import ast as A
from .errors import PSParseError
from .lexical import (DASHES, DQ, NAME_CHARS, SQ, WS, bare_number, escape_char, here_string_content,
                      skip_double_quoted, skip_group, skip_here_string, skip_single_quoted,
                      unescape_single)

BAD_COLON = ("Variable reference is not valid. ':' was not followed by a valid variable name "
             "character. Consider using ${} to delimit the name.")


class Expander:
    """Turns the text of an expandable string into literal parts and expressions."""

    #: set by the grammar: parse a statement list at ``loc`` that must end right before ``close``
    subparse: Callable[[str, int, int], A.StatementBlock] | None = None

    @classmethod
    def variable_at(cls, s: str, i: int, end: int) -> tuple[A.Expr | None, int]:
        """``s[i]`` is ``$``: the variable or subexpression it starts (None if it is a plain dollar)."""
        j = i + 1
        if j >= end:
            return None, i + 1
        c = s[j]
        if c == "(":
            close = skip_group(s, j)
            if close < 0 or close > end:
                raise PSParseError("Missing closing ')' in subexpression.", i, "MissingEndParenthesisInSubexpression",
                                   incomplete=True)
            assert cls.subparse is not None
            block = cls.subparse(s, j + 1, close - 1)
            return A.SubExpression(i, close, block), close
        if c == "{":
            k = j + 1
            name = []
            while k < end and s[k] != "}":
                if s[k] == "`" and k + 1 < end:
                    name.append(s[k + 1])
                    k += 2
                    continue
                name.append(s[k])
                k += 1
            if k >= end:
                raise PSParseError("Missing '}' in variable reference.", i, "MissingEndCurlyBrace",
                                   incomplete=True)
            full = "".join(name)
            scope, _, nm = full.rpartition(":") if ":" in full else ("", "", full)
            return A.Variable(i, k + 1, nm, scope or None), k + 1
        if c in "?$^":
            return A.Variable(i, j + 1, c), j + 1
        if c not in NAME_CHARS:
            return None, i + 1
        k = j
        while k < end and s[k] in NAME_CHARS:
            k += 1
        name = s[j:k]
        scope = None
        if k < end and s[k] == ":":
            if k + 1 < end and s[k + 1] == ":":
                pass  # '::' is literal text after the variable
            elif k + 1 < end and s[k + 1] in NAME_CHARS:
                scope = name
                m = k + 1
                while m < end and s[m] in NAME_CHARS:
                    m += 1
                name = s[k + 1:m]
                k = m
            else:
                raise PSParseError(BAD_COLON, i, "InvalidVariableReferenceWithDrive", end=k + 1)
        return A.Variable(i, k, name, scope), k

    @classmethod
    def parts(cls, s: str, start: int, end: int, doubled_quotes: bool) -> list:
        """Literal and expression parts of ``s[start:end]``."""
        parts: list = []
        buf: list[str] = []
        i = start
        while i < end:
            c = s[i]
            if c == "`":
                ch, i = escape_char(s, i, end)
                buf.append(ch)
            elif c == "$":
                node, j = cls.variable_at(s, i, end)
                if node is None:
                    buf.append("$")
                else:
                    if buf:
                        parts.append("".join(buf))
                        buf = []
                    parts.append(node)
                i = j
            elif doubled_quotes and c in DQ and i + 1 < end and s[i + 1] in DQ:
                buf.append(c)
                i += 2
            else:
                buf.append(c)
                i += 1
        if buf:
            parts.append("".join(buf))
        return parts


def make_string(start: int, end: int, parts: list, raw: str, kind: str) -> A.Expr:
    """A StringConstant when nothing expands, else an ExpandableString."""
    if all(isinstance(p, str) for p in parts):
        return A.StringConstant(start, end, "".join(parts), kind)
    return A.ExpandableString(start, end, parts, raw, kind)


class _Token(pp.Token):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.mayIndexError = False
        self.mayReturnEmpty = False
        self.errmsg = "Expected " + name
        self.set_name(name)

    def _fail(self, s: str, loc: int):
        raise pp.ParseException(s, loc, self.errmsg, self)


class DoubleQuotedString(_Token):
    """``"..."`` with backtick escapes, doubled quotes and ``$var`` / ``$()`` expansion."""

    def __init__(self) -> None:
        super().__init__("double-quoted string")

    def parseImpl(self, s, loc, do_actions=True):
        if loc >= len(s) or s[loc] not in DQ:
            self._fail(s, loc)
        end = skip_double_quoted(s, loc)
        if end < 0:
            self._fail(s, loc)
        parts = Expander.parts(s, loc + 1, end - 1, True)
        return end, [make_string(loc, end, parts, s[loc + 1:end - 1], "double")]


class SingleQuotedString(_Token):
    """``'...'`` (doubled quotes are one quote; nothing expands)."""

    def __init__(self) -> None:
        super().__init__("single-quoted string")

    def parseImpl(self, s, loc, do_actions=True):
        if loc >= len(s) or s[loc] not in SQ:
            self._fail(s, loc)
        end = skip_single_quoted(s, loc)
        if end < 0:
            self._fail(s, loc)
        return end, [A.StringConstant(loc, end, unescape_single(s[loc + 1:end - 1]), "single")]


class HereString(_Token):
    """``@" ... "@`` (expandable) and ``@' ... '@`` (literal)."""

    def __init__(self) -> None:
        super().__init__("here-string")

    def parseImpl(self, s, loc, do_actions=True):
        if not s.startswith("@", loc) or loc + 1 >= len(s) or (s[loc + 1] not in DQ and s[loc + 1] not in SQ):
            self._fail(s, loc)
        end = skip_here_string(s, loc)
        if end < 0:
            self._fail(s, loc)
        cs, ce = here_string_content(s, loc, end)
        if s[loc + 1] in SQ:
            return end, [A.StringConstant(loc, end, s[cs:ce].replace("\r\n", "\n"), "here-single")]
        parts = Expander.parts(s, cs, ce, False)
        parts = [p.replace("\r\n", "\n") if isinstance(p, str) else p for p in parts]
        return end, [make_string(loc, end, parts, s[cs:ce], "here-double")]


TERMINATORS = frozenset(WS + "\r\n{}();,|&<>")


class BareWord(_Token):
    """A command-mode argument or command name made of bare text, quoted parts and variables.

    ``42`` and ``-5`` become numbers (arguments only); text with quotes or ``$`` inside
    becomes an expandable string; otherwise a bare StringConstant.
    """

    def __init__(self, command_name: bool = False) -> None:
        super().__init__("command name" if command_name else "argument")
        self.command_name = command_name

    def parseImpl(self, s, loc, do_actions=True):
        n = len(s)
        if loc >= n:
            self._fail(s, loc)
        c0 = s[loc]
        if c0 in TERMINATORS or c0 == "#":
            self._fail(s, loc)
        if c0 in DASHES and loc + 1 < n:
            c1 = s[loc + 1]
            if c1.isalpha() or c1 in "_?":
                self._fail(s, loc)  # a parameter
        if self.command_name and (c0 == "$" or c0 == "@" or c0 in DQ or c0 in SQ or c0 == "["):
            self._fail(s, loc)
        if c0 == "@" and loc + 1 < n and (s[loc + 1] in "({" or s[loc + 1] in NAME_CHARS
                                         or s[loc + 1] in DQ or s[loc + 1] in SQ):
            self._fail(s, loc)
        parts: list = []
        buf: list[str] = []
        quoted = False
        single_kind = None
        i = loc
        while i < n:
            c = s[i]
            if c in TERMINATORS:
                break
            if c == "`":
                if i + 1 >= n or s[i + 1] in "\r\n":
                    break
                ch, i = escape_char(s, i, n)
                buf.append(ch)
                quoted = True
                continue
            if c in SQ:
                j = skip_single_quoted(s, i)
                if j < 0:
                    self._fail(s, i)
                buf.append(unescape_single(s[i + 1:j - 1]))
                single_kind = "single" if i == loc else None
                quoted = True
                i = j
                if single_kind:
                    break  # an argument that starts with a quoted string ends at its closing quote
                continue
            if c in DQ:
                j = skip_double_quoted(s, i)
                if j < 0:
                    self._fail(s, i)
                inner = Expander.parts(s, i + 1, j - 1, True)
                if buf:
                    parts.append("".join(buf))
                    buf = []
                parts.extend(inner)
                single_kind = "double" if i == loc else None
                quoted = True
                i = j
                if single_kind:
                    break  # an argument that starts with a quoted string ends at its closing quote
                continue
            if c == "$":
                node, j = Expander.variable_at(s, i, n)
                if node is None:
                    buf.append("$")
                else:
                    if buf:
                        parts.append("".join(buf))
                        buf = []
                    parts.append(node)
                i = j
                continue
            buf.append(c)
            i += 1
        if i == loc:
            self._fail(s, loc)
        if buf:
            parts.append("".join(buf))
        if not quoted and len(parts) == 1 and isinstance(parts[0], str) and not self.command_name:
            num = bare_number(parts[0])
            if num is not None:
                return i, [A.Constant(loc, i, num[0], parts[0], num[1])]
        kind = single_kind or "bare"
        if not parts:
            return i, [A.StringConstant(loc, i, "", kind)]
        return i, [make_string(loc, i, parts, s[loc:i], kind)]
