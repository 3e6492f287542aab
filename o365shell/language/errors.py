"""Syntax errors, as the language layer reports them (the engine wraps them in ErrorRecords)."""
from __future__ import annotations


class PSParseError(Exception):
    """A PowerShell ParserError: message, where it happened, and whether more input could fix it."""

    def __init__(self, message: str, offset: int, error_id: str = "UnexpectedToken",
                 incomplete: bool = False, end: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.end = offset + 1 if end is None else end
        self.error_id = error_id
        self.incomplete = incomplete
        self.source = None  # set by the parser: the ast.Source of the text

    def __str__(self) -> str:
        return self.message
