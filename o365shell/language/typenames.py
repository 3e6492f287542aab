"""Type names as PowerShell writes them (``[System.Collections.Generic.List[string]]``,
``int[]``, ``[string[,]]``): the regular expression the grammar matches them with and the
function that turns the text into an ``ast.TypeName`` (also used by ``[type]'name'`` casts).
"""
from __future__ import annotations

from . import ast as A


def parse_type_name(text: str, start: int = 0) -> A.TypeName:
    """``System.Collections.Generic.List[string]`` / ``int[]`` -> TypeName."""
    text = text.strip()
    rank = 0
    while text.endswith("[]"):
        rank += 1
        text = text[:-2].rstrip()
    args: list[A.TypeName] = []
    if text.endswith("]") and "[" in text:
        i = text.index("[")
        inner = text[i + 1:-1]
        text = text[:i]
        depth = 0
        cur = []
        for ch in inner:
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
            if ch == "," and depth == 0:
                args.append(parse_type_name("".join(cur), start))
                cur = []
            else:
                cur.append(ch)
        if cur:
            args.append(parse_type_name("".join(cur), start))
    return A.TypeName(start, start + len(text), text.strip(), args, rank)


_NAME0 = r"[A-Za-z_][\w.`+]*"
_RANK = r"(?:\[\s*(?:,\s*)*\])"
_INNER = (_NAME0 + r"(?:\[\s*" + _NAME0 + _RANK + r"*(?:\s*,\s*" + _NAME0 + _RANK + r"*)*\s*\])?"
          + _RANK + "*")
TYPE_BODY = _NAME0 + r"(?:\[\s*" + _INNER + r"(?:\s*,\s*" + _INNER + r")*\s*\])?" + _RANK + "*"
