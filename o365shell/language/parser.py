"""Entry point of the language layer: text in, ``ast.Script`` out (cached by text)."""
from __future__ import annotations

import sys
from functools import lru_cache

import pyparsing as pp

from . import ast as A
from .errors import PSParseError

_grammar = None

# pyparsing recurses about 30 frames per nesting level of an expression.
if sys.getrecursionlimit() < 8000:
    sys.setrecursionlimit(8000)


def _get_grammar():
    global _grammar
    if _grammar is None:
        from .grammar import Grammar
        _grammar = Grammar()
    return _grammar


def parse(text: str, path: str | None = None) -> A.Script:
    """Parse a whole script. Raises PSParseError (with ``source`` set) on a syntax error."""
    return _parse_cached(text, path)


@lru_cache(maxsize=256)
def _parse_cached(text: str, path: str | None) -> A.Script:
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    source = A.Source(text, path)
    g = _get_grammar()
    from .lexical import blank_comments
    code = blank_comments(text)
    try:
        try:
            result = g.script.parse_string(code, parse_all=True)
        except RecursionError:
            raise PSParseError("The script is nested too deeply to be parsed.", 0, "NestedTooDeeply") from None
        except pp.ParseException as e:
            from .diagnose import diagnose
            raise diagnose(g, code, e) from None
        finally:
            pass
    except PSParseError as err:
        err.source = source
        raise
    block: A.ScriptBlock = result[0]
    block.start, block.end = 0, len(text)
    block.text = text
    return A.Script(0, len(text), block, source)
