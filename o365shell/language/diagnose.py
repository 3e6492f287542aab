"""Turn a failed parse into the ParserError pwsh would report (placeholder; refined below)."""
from __future__ import annotations

import pyparsing as pp

from .errors import PSParseError


def diagnose(grammar, text: str, exc: pp.ParseException) -> PSParseError:
    tok = text[exc.loc:exc.loc + 10].split()[0] if text[exc.loc:].strip() else ""
    return PSParseError(f"Unexpected token '{tok}' in expression or statement.", exc.loc)
