"""Comment-based help: finding the help comment of a script function (before ``function``, at the
start or at the end of its body) or of a script file, and parsing its .SYNOPSIS / .DESCRIPTION /
.PARAMETER / .EXAMPLE ... sections."""
from __future__ import annotations

import re
from typing import Any

from o365shell.engine.commandinfo import FunctionInfo

_KEYWORDS = ("SYNOPSIS", "DESCRIPTION", "PARAMETER", "EXAMPLE", "INPUTS", "OUTPUTS", "NOTES", "LINK", "COMPONENT",
             "ROLE", "FUNCTIONALITY", "FORWARDHELPTARGETNAME", "FORWARDHELPCATEGORY", "REMOTEHELPRUNSPACE",
             "EXTERNALHELP")
_KW_RX = re.compile(r"^\s*\.([A-Za-z]+)(?:[ \t]+(.*?))?\s*$")


# ----------------------------------------------------------------------------- comment-based help

def _line_comment_block(lines: list[str]) -> str:
    return "\n".join(re.sub(r"^\s*#", "", ln) for ln in lines)


def comment_before(text: str, pos: int) -> str | None:
    """The comment block that ends right before ``pos`` (at most one blank line between)."""
    i = pos
    # back over the indentation of the keyword's line
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    blank = 0
    j = i
    while j > 0:
        k = text.rfind("\n", 0, j - 1) if text[j - 1] == "\n" else text.rfind("\n", 0, j)
        line = text[k + 1:j].strip() if j else ""
        if text[j - 1:j] == "\n":
            prev_start = text.rfind("\n", 0, j - 1) + 1
            line = text[prev_start:j - 1].strip()
            if line == "":
                blank += 1
                if blank > 1:
                    return None
                j = prev_start
                continue
            break
        break
    end = j - 1 if j > 0 and text[j - 1] == "\n" else j
    before = text[:end].rstrip()
    if before.endswith("#>"):
        start = before.rfind("<#")
        if start < 0:
            return None
        return before[start + 2:-2]
    # consecutive # lines
    lines = before.split("\n")
    block: list[str] = []
    while lines and lines[-1].strip().startswith("#") and not lines[-1].strip().startswith("#>"):
        block.insert(0, lines.pop())
    return _line_comment_block(block) if block else None


def comment_after(text: str, pos: int) -> str | None:
    """The comment block that starts right after ``pos`` (only white space before it)."""
    rest = text[pos:]
    stripped = rest.lstrip()
    if stripped.startswith("<#"):
        end = stripped.find("#>")
        return stripped[2:end] if end >= 0 else None
    lines = stripped.split("\n")
    block = []
    for ln in lines:
        if ln.strip().startswith("#") and not ln.strip().startswith("#requires"):
            block.append(ln)
        else:
            break
    return _line_comment_block(block) if block else None


def comment_at_end(text: str, end: int) -> str | None:
    """The comment block that ends right before ``end`` (the closing brace of a body)."""
    before = text[:end].rstrip()
    if before.endswith("#>"):
        start = before.rfind("<#")
        return before[start + 2:-2] if start >= 0 else None
    lines = before.split("\n")
    block: list[str] = []
    while lines and lines[-1].strip().startswith("#"):
        block.insert(0, lines.pop())
    return _line_comment_block(block) if block else None


def parse_help_comment(block: str | None) -> dict[str, Any] | None:
    """The sections of a comment-based help block (None when it has no help keyword)."""
    if not block:
        return None
    sections: list[tuple[str, str | None, list[str]]] = []
    cur: tuple[str, str | None, list[str]] | None = None
    for line in block.replace("\r\n", "\n").split("\n"):
        m = _KW_RX.match(line)
        if m and m.group(1).upper() in _KEYWORDS:
            cur = (m.group(1).upper(), m.group(2), [])
            sections.append(cur)
            continue
        if cur is not None:
            cur[2].append(line)
    if not sections:
        return None
    out: dict[str, Any] = {"parameters": {}, "examples": [], "links": [], "inputs": [], "outputs": []}
    for kw, arg, body in sections:
        text = _dedent(body)
        if kw == "PARAMETER" and arg:
            out["parameters"][arg.lower()] = text
        elif kw == "EXAMPLE":
            out["examples"].append(text)
        elif kw == "LINK":
            out["links"].extend([arg] if arg else [x.strip() for x in text.split("\n") if x.strip()])
        elif kw in ("INPUTS", "OUTPUTS"):
            out[kw.lower()].append(text)
        else:
            out[kw.lower()] = text
    return out


def _dedent(lines: list[str]) -> str:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    indents = [len(ln) - len(ln.lstrip()) for ln in lines if ln.strip()]
    cut = min(indents) if indents else 0
    return "\n".join(ln[cut:].rstrip() for ln in lines)


def function_help_comment(info: FunctionInfo) -> dict[str, Any] | None:
    """A function's comment-based help: before ``function``, at the start or at the end of the body."""
    hc = getattr(info, "help_comment", None)
    if not isinstance(hc, tuple) or len(hc) != 2:
        return parse_help_comment(hc) if isinstance(hc, str) else None
    source, node = hc
    text = getattr(source, "text", "") or ""
    body = getattr(node, "body", None)
    candidates = [comment_before(text, node.start)]
    if body is not None:
        open_brace = text.find("{", body.start)
        if open_brace >= 0:
            candidates.append(comment_after(text, open_brace + 1))
        close = text.rfind("}", body.start, body.end)
        if close >= 0:
            candidates.append(comment_at_end(text, close))
    for c in candidates:
        parsed = parse_help_comment(c)
        if parsed is not None:
            return parsed
    return None


def script_help_comment(path: str) -> dict[str, Any] | None:
    """The comment-based help at the top of a script file."""
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except OSError:
        return None
    rest = text.lstrip()
    while rest.lower().startswith("#requires"):
        nl = rest.find("\n")
        rest = rest[nl + 1:].lstrip() if nl >= 0 else ""
    return parse_help_comment(comment_after(rest, 0))
