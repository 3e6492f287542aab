""".NET composite formatting (``String.Format`` / PowerShell's ``-f`` operator).

Items are ``{index[,alignment][:formatString]}``; ``{{`` and ``}}`` are literal
braces.  How one argument becomes text:

* ``None`` -> "".
* an object with ``__ps_format__(fmt, culture)`` (DateTime, TimeSpan, Guid,
  Version of this package -- and any engine type that wants it) formats itself;
  ``fmt`` is None when the item has no format string.
* an ``enum.Enum`` with a format string: G/F -> name, D -> value, X -> hex.
* numbers: with a format string ``numfmt.format_number``; without one their
  .NET ``ToString()`` (double: shortest round-trip, e.g. 0.30000000000000004).
* ``str`` is returned as is (a format string is ignored, as in .NET).
* everything else (bool, enums without format, collections, PSObjects...) goes
  through the caller's ``to_string`` callback.
"""
from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from .exceptions import FormatException
from .numfmt import format_number, number_to_default_string

BAD_FORMAT = "Input string was not in a correct format."
INDEX_OUT_OF_RANGE = ("Index (zero based) must be greater than or equal to zero and less than "
                      "the size of the argument list.")
_INDEX_LIMIT = 1_000_000
_WIDTH_LIMIT = 1_000_000


def format_enum(value: enum.Enum, fmt: str) -> str:
    """.NET Enum.ToString(format): G/F name(s), D decimal value, X hex (8 digits for Int32)."""
    f = fmt.upper()
    if f in ("G", "F"):
        name = value.name
        if name is None and isinstance(value, enum.Flag):
            parts = [m.name for m in type(value) if m.value and (m.value & value.value) == m.value]
            return ", ".join(p for p in parts if p) or str(value.value)
        return name if name is not None else str(value.value)
    if f == "D":
        return str(int(value.value))
    if f == "X":
        return format(int(value.value) & 0xFFFFFFFF, "08X")
    raise FormatException("Format String can be only 'G', 'g', 'X', 'x', 'F', 'f', 'D' or 'd'.")


def format_argument(arg: Any, item_fmt: str | None, to_string: Callable[[Any], str],
                    culture: Any = "en-US") -> str:
    """Text of one composite-format argument (see module docstring)."""
    if arg is None:
        return ""
    if isinstance(arg, str):
        return arg
    hook = getattr(arg, "__ps_format__", None)
    if hook is not None:
        return hook(item_fmt or None, culture)
    if isinstance(arg, enum.Enum):
        if item_fmt:
            return format_enum(arg, item_fmt)
        return to_string(arg)
    if isinstance(arg, bool):
        return to_string(arg)
    if isinstance(arg, (int, float, Decimal)):
        if item_fmt:
            return format_number(arg, item_fmt, culture)
        return number_to_default_string(arg, culture)
    return to_string(arg)


def format_composite(fmt: str, args: Sequence[Any], to_string: Callable[[Any], str],
                     culture: Any = "en-US") -> str:
    """``String.Format(culture, fmt, args)``.

    Raises FormatException("Input string was not in a correct format.") for a
    malformed format string and FormatException("Index (zero based) must be ...")
    for an index beyond ``args``.
    """
    out: list[str] = []
    n = len(fmt)
    pos = 0
    nargs = len(args)
    while True:
        # copy literal text up to the next brace
        start = pos
        while pos < n:
            ch = fmt[pos]
            if ch == "{" or ch == "}":
                break
            pos += 1
        if pos > start:
            out.append(fmt[start:pos])
        if pos >= n:
            break
        ch = fmt[pos]
        pos += 1
        if ch == "}":
            if pos < n and fmt[pos] == "}":
                out.append("}")
                pos += 1
                continue
            raise FormatException(BAD_FORMAT)
        # ch == '{'
        if pos < n and fmt[pos] == "{":
            out.append("{")
            pos += 1
            continue
        # index
        if pos >= n or not ("0" <= fmt[pos] <= "9"):
            raise FormatException(BAD_FORMAT)
        index = 0
        while pos < n and "0" <= fmt[pos] <= "9":
            index = index * 10 + (ord(fmt[pos]) - 48)
            pos += 1
            if index >= _INDEX_LIMIT:
                raise FormatException(BAD_FORMAT)
        while pos < n and fmt[pos] == " ":
            pos += 1
        width = 0
        left = False
        if pos < n and fmt[pos] == ",":
            pos += 1
            while pos < n and fmt[pos] == " ":
                pos += 1
            if pos < n and fmt[pos] == "-":
                left = True
                pos += 1
            if pos >= n or not ("0" <= fmt[pos] <= "9"):
                raise FormatException(BAD_FORMAT)
            while pos < n and "0" <= fmt[pos] <= "9":
                width = width * 10 + (ord(fmt[pos]) - 48)
                pos += 1
                if width >= _WIDTH_LIMIT:
                    raise FormatException(BAD_FORMAT)
            while pos < n and fmt[pos] == " ":
                pos += 1
        item_fmt: str | None = None
        if pos >= n:
            raise FormatException(BAD_FORMAT)
        if fmt[pos] != "}":
            if fmt[pos] != ":":
                raise FormatException(BAD_FORMAT)
            pos += 1
            fstart = pos
            while True:
                if pos >= n:
                    raise FormatException(BAD_FORMAT)
                c = fmt[pos]
                if c == "}":
                    break
                if c == "{":
                    raise FormatException(BAD_FORMAT)
                pos += 1
            item_fmt = fmt[fstart:pos]
        pos += 1  # the closing brace
        if index >= nargs:
            raise FormatException(INDEX_OUT_OF_RANGE)
        text = format_argument(args[index], item_fmt, to_string, culture)
        pad = width - len(text)
        if pad > 0:
            text = text + " " * pad if left else " " * pad + text
        out.append(text)
    return "".join(out)
