"""Turn a failed parse into the ParserError pwsh would report, and tell the REPL whether
more input could complete the text.

Two passes: a lexical scan (strings, comments, brackets) finds unterminated strings and
unbalanced brackets; otherwise the grammar is re-run with failure tracking on its
terminal tokens to find how far it got, and the text around that point names the error.
"""
from __future__ import annotations

import re
from typing import Any

import pyparsing as pp

from .errors import PSParseError
from .lexical import DQ, SQ, WS, HERE_START, skip_comment, skip_double_quoted, skip_here_string, skip_single_quoted

_CLOSE = {"{": "}", "(": ")", "[": "]", "@(": ")", "$(": ")", "@{": "}"}
_MISSING = {
    "{": ("Missing closing '}' in statement block or type definition.", "MissingEndCurlyBrace"),
    "@{": ("Missing closing '}' in hash literal.", "MissingEndCurlyBrace"),
    "(": ("Missing closing ')' in expression.", "MissingEndParenthesisInExpression"),
    "@(": ("Missing closing ')' in subexpression.", "MissingEndParenthesisInSubexpression"),
    "$(": ("Missing closing ')' in subexpression.", "MissingEndParenthesisInSubexpression"),
    "[": ("Missing ']' at end of attribute or type literal.", "EndSquareBracketExpectedAtEndOfAttribute"),
}


class Scan:
    """What the lexical scan found: open brackets, an unterminated string, a stray closer."""

    __slots__ = ("stack", "unterminated", "stray", "opens_at")

    def __init__(self) -> None:
        self.stack: list[tuple[str, int]] = []
        self.unterminated: tuple[str, int] | None = None
        self.stray: tuple[str, int] | None = None
        self.opens_at: list[tuple[int, int, str]] = []


def scan(text: str) -> Scan:
    """Walk the text once, skipping strings and comments, tracking brackets."""
    sc = Scan()
    stack = sc.stack
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "`":
            i += 2
            continue
        if c in SQ:
            j = skip_single_quoted(text, i)
            if j < 0:
                sc.unterminated = (c, i)
                return sc
            i = j
            continue
        if c in DQ:
            j = skip_double_quoted(text, i)
            if j < 0:
                sc.unterminated = (c, i)
                return sc
            i = j
            continue
        if c == "@" and i + 1 < n and (text[i + 1] in DQ or text[i + 1] in SQ):
            if HERE_START.match(text, i):
                j = skip_here_string(text, i)
                if j < 0:
                    sc.unterminated = (text[i + 1] + "@", i)
                    return sc
                i = j
                continue
        if c == "#" and (i == 0 or text[i - 1] in WS + "\r\n;({}|"):
            i = skip_comment(text, i)
            continue
        if c == "<" and i + 1 < n and text[i + 1] == "#":
            j = skip_comment(text, i)
            if j < 0:
                sc.unterminated = ("#>", i)
                return sc
            i = j
            continue
        if c in "@$" and i + 1 < n and text[i + 1] in "({":
            if c == "$" and text[i + 1] == "{":
                k = text.find("}", i + 2)
                i = n if k < 0 else k + 1
                continue
            stack.append((c + text[i + 1], i))
            i += 2
            continue
        if c in "{([":
            stack.append((c, i))
        elif c in "})]":
            if stack and _CLOSE[stack[-1][0]] == c:
                op, at = stack.pop()
                sc.opens_at.append((at, i, op))
            else:
                if sc.stray is None:
                    sc.stray = (c, i)
        i += 1
    return sc


_BINOPS = re.compile(r"(?:(?<![\w$])(?:[-\u2013](?:[ci]?(?:eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|"
                     r"notcontains|in|notin|replace|split)|is|isnot|as|join|and|or|xor|band|bor|bxor|f|shl|shr))"
                     r"|\+|-|\*|/|%|\.\.)\s*$", re.I)


def _furthest(grammar: Any, text: str) -> int:
    """Re-parse with failure tracking on terminal tokens; the furthest offset any of them reached."""
    best = [0]

    def note(s: str, loc: int, expr: Any, err: Any) -> None:
        if loc > best[0]:
            best[0] = loc

    seen: set[int] = set()
    terms: list[pp.ParserElement] = []

    def walk(e: Any) -> None:
        if id(e) in seen:
            return
        seen.add(id(e))
        if isinstance(e, pp.Token):
            terms.append(e)
            return
        for sub in getattr(e, "exprs", ()) or ():
            walk(sub)
        inner = getattr(e, "expr", None)
        if inner is not None:
            walk(inner)

    walk(grammar.script)
    for t in terms:
        t.set_fail_action(note)
    try:
        pp.ParserElement.reset_cache()
        grammar.script.parse_string(text, parse_all=True)
    except (pp.ParseException, PSParseError):
        pass
    finally:
        for t in terms:
            t.failAction = None
        pp.ParserElement.reset_cache()
    return best[0]


def _token_at(text: str, pos: int) -> str:
    """The token at ``pos`` as pwsh quotes it in 'Unexpected token' messages."""
    rest = text[pos:]
    if not rest:
        return ""
    c = rest[0]
    if c in SQ:
        j = skip_single_quoted(text, pos)
        return text[pos:j] if j > 0 else rest.split("\n")[0]
    if c in DQ:
        j = skip_double_quoted(text, pos)
        return text[pos:j] if j > 0 else rest.split("\n")[0]
    m = re.match(r"[-\u2013]?[\w.$:\\/?*@-]+|\S", rest)
    return m.group(0) if m else c


def _open_at(sc: Scan, pos: int) -> str | None:
    """The innermost bracket open at ``pos`` (from the matched pairs of a balanced text)."""
    best: tuple[int, str] | None = None
    for start, end, op in sc.opens_at:
        if start < pos <= end and (best is None or start > best[0]):
            best = (start, op)
    return best[1] if best else None


def diagnose(grammar: Any, text: str, exc: Any) -> PSParseError:
    """The ParserError for text the grammar rejected."""
    sc = scan(text)
    if sc.unterminated is not None:
        q, at = sc.unterminated
        if q == "#>":
            return PSParseError("Missing the block comment terminator '#>'.", at, "MissingTerminatorMultiLineComment",
                                incomplete=True)
        term = q if len(q) > 1 else ('"' if q in DQ else "'")
        return PSParseError(f"The string is missing the terminator: {term}.", at, "TerminatorExpectedAtEndOfString",
                            incomplete=True, end=len(text))
    if sc.stray is not None:
        c, at = sc.stray
        return PSParseError(f"Unexpected token '{c}' in expression or statement.", at, "UnexpectedToken")
    if sc.stack:
        op, at = sc.stack[-1]
        msg, eid = _MISSING[op]
        return PSParseError(msg, at, eid, incomplete=True, end=at + len(op))
    pos = _furthest(grammar, text)
    before = text[:pos].rstrip(" \t")
    if not text[pos:].strip() or before.endswith(("\n", "\r")):
        before = text[:pos].rstrip()
        pos = len(before)
    after = text[pos:]
    tail = before.split("\n")[-1]
    at_line_end = not after.strip(" \t") or after.lstrip(" \t")[:1] in ("\r", "\n", "")
    m = _BINOPS.search(tail)
    if m and at_line_end:
        op = m.group(0).strip()
        if op.startswith(("-", "\u2013")) and len(op) > 1 and op[1:].isalpha():
            return PSParseError(f"You must provide a value expression following the '{op}' operator.", pos,
                                "ExpectedValueExpression", incomplete=not after.strip())
        return PSParseError(f"You must provide a value expression following the '{op}' operator.", pos,
                            "ExpectedValueExpression", incomplete=not after.strip())
    if tail.endswith(",") and at_line_end:
        return PSParseError("Missing expression after ','.", pos, "MissingExpressionAfterToken",
                            incomplete=not after.strip())
    if tail.endswith("|") and not after.strip():
        return PSParseError("An empty pipe element is not allowed.", pos, "EmptyPipeElement", incomplete=True)
    if re.search(r"(?<![=!<>+\-*/%?])=\s*$", tail) and at_line_end:
        return PSParseError("You must provide a value expression on the right-hand side of the '=' operator.", pos,
                            "ExpectedValueExpression", incomplete=not after.strip())
    opener = _open_at(sc, pos)
    if opener == "@{" and re.match(r"[\w\-]+\s*(?:[^=\s]|$)", after) is None and \
            re.search(r"[\w'\"]\s*$", tail):
        return PSParseError("Missing '=' operator after key in hash literal.", pos, "MissingEqualsInHashLiteral")
    if opener == "@{" and re.match(r"[\w\-]+\s+[^=\s]", after):
        return PSParseError("Missing '=' operator after key in hash literal.", pos, "MissingEqualsInHashLiteral")
    if opener == "@{":
        return PSParseError("Missing '=' operator after key in hash literal.", pos, "MissingEqualsInHashLiteral")
    tok = _token_at(text, pos)
    if not tok:
        return PSParseError("Unexpected end of input.", pos, "UnexpectedEndOfInput", incomplete=True)
    return PSParseError(f"Unexpected token '{tok}' in expression or statement.", pos, "UnexpectedToken",
                        end=pos + len(tok))


def is_incomplete(text: str) -> bool:
    """Would more lines complete this input? (unclosed block/string/paren, trailing pipe or backtick)."""
    stripped = text.rstrip()
    if stripped.endswith("`") or stripped.endswith("|"):
        return True
    sc = scan(text)
    if sc.unterminated is not None:
        return True
    if sc.stray is not None:
        return False
    return bool(sc.stack)
