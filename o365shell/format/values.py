"""How one value appears as text in a table cell, a list value or a line of its own.

pwsh's rules (``PSObjectHelper.SmartToString`` / ``FormatField``):

* ``$null`` shows as nothing, booleans as ``True``/``False``;
* numbers use their string conversion, except that Double/Single/Decimal in a
  property-based *table* cell use ``ToString("F")`` (two decimals, pwsh 7.3+);
* a collection shows as ``{a, b, c, d…}``: at most ``$FormatEnumerationLimit`` (4)
  items, a null item as ``$null``, a dictionary as its keys;
* a nested PSCustomObject shows as ``@{A=1}``; dates use ``DateTime.ToString()``
  (en-US ``1/15/2024 2:30:00 PM``); other objects their ``ToString()``.

At top level (a value on a line of its own) a DateTime shows in its long form
(``Monday, January 15, 2024 2:30:00 PM``) and everything else through ``to_string``.
"""
from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from ..engine.conversion import enum_to_string, to_string
from ..engine.objects import PSCustomObject, enumerate_values, is_enumerable
from ..engine.pscollections import AutomationNull, DictionaryEntry, Hashtable

__all__ = [
    "FORMAT_ENUMERATION_LIMIT", "format_value", "format_cell", "format_element", "format_scalar",
    "format_with", "is_scalar", "is_numeric_like", "default_alignment",
]

FORMAT_ENUMERATION_LIMIT = 4
"""``$FormatEnumerationLimit``: items shown before ``…`` in a collection value."""

_NoneType = type(None)


def _float_f(v: Any) -> str:
    from ..engine.netlib.numfmt import format_number
    return format_number(v, "F")


def _object_string(v: Any) -> str:
    """``PSObject.ToString()`` of an object: its own ToString (current culture) or to_string."""
    if type(v) is PSCustomObject:
        return to_string(v)
    ts = getattr(type(v), "ToString", None)
    if ts is not None:
        try:
            r = ts(v)
            if isinstance(r, str):
                return r
        except TypeError:
            pass
    return to_string(v)


def format_element(x: Any) -> str:
    """One item of a collection shown in braces (pwsh's GetObjectName)."""
    t = type(x)
    if t is str:
        return x
    if x is None or x is AutomationNull:
        return "$null"
    if t is bool or t is int or t is float:
        return to_string(x)
    if isinstance(x, str):
        return str.__str__(x)
    if isinstance(x, enum.Enum):
        return enum_to_string(x)
    if isinstance(x, (int, float, Decimal)):
        return to_string(x)
    if t is DictionaryEntry:
        return format_element(x.Key)
    if t is list or (is_enumerable(x) and not isinstance(x, Hashtable)):
        return to_string(x)
    return _object_string(x)


def _collection(v: Any, limit: int) -> str:
    if isinstance(v, Hashtable):
        items: Any = v.keys()
    else:
        items = enumerate_values(v)
    parts: list[str] = []
    n = 0
    more = False
    for x in items:
        if limit >= 0 and n == limit:
            more = True
            break
        n += 1
        parts.append(format_element(x))
    return "{" + ", ".join(parts) + ("\u2026" if more else "") + "}"


def format_value(v: Any, table: bool = False, limit: int | None = None) -> str:
    """Text of a property value in a table cell (``table=True``: the "F" rule) or a list.

    ``limit``: items shown of a collection (None: the module's FORMAT_ENUMERATION_LIMIT,
    which a session may set from ``$FormatEnumerationLimit``; -1: all).
    """
    t = type(v)
    if t is str:
        return v
    if v is None or v is AutomationNull:
        return ""
    if t is bool:
        return "True" if v else "False"
    if t is int:
        return int.__repr__(v)
    if t is float:
        return _float_f(v) if table else to_string(v)
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, enum.Enum):
        return enum_to_string(v)
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, int):
        return int.__repr__(int(v))
    if isinstance(v, (float, Decimal)):
        return _float_f(v) if table else to_string(v)
    if t is list or isinstance(v, Hashtable) or is_enumerable(v):
        return _collection(v, FORMAT_ENUMERATION_LIMIT if limit is None else limit)
    return _object_string(v)


def format_cell(v: Any) -> str:
    """Text of a value in a property-based table cell (same as ``format_value(v, table=True)``)."""
    return format_value(v, True)


def format_with(v: Any, fmt: str | None, table: bool = False) -> str:
    """Apply a calculated property's FormatString: composite (``{0:N2}``) or ``ToString(fmt)``."""
    if not fmt:
        return format_value(v, table)
    from ..engine.netlib.composite import format_argument, format_composite
    try:
        if "{0" in fmt or "}" in fmt:
            return format_composite(fmt, [v], to_string)
        if v is None:
            return ""
        return format_argument(v, fmt, to_string)
    except Exception:  # pwsh swallows formatting errors and shows nothing
        return ""


_SCALAR_TYPE_NAMES = frozenset(("System.Security.SecureString", "System.Numerics.BigInteger", "System.IntPtr",
                                "System.UIntPtr"))


def is_scalar(v: Any) -> bool:
    """A pwsh "default scalar type": written with ToString(), one per line."""
    t = type(v)
    if t is str or t is int or t is bool or t is float:
        return True
    if isinstance(v, (str, int, float, Decimal, enum.Enum)):
        return True
    return getattr(t, "__ps_typename__", None) in _SCALAR_TYPE_NAMES


def is_numeric_like(v: Any) -> bool:
    """Numbers, booleans, chars and enums: values a table right-aligns."""
    t = type(v)
    if t is int or t is bool or t is float:
        return True
    if t is str:
        return False
    if isinstance(v, str):
        return type(v).__name__ == "Char"
    return isinstance(v, (int, float, Decimal, enum.Enum))


def default_alignment(v: Any) -> str:
    """pwsh's ComputeDefaultAlignment: right for numbers, booleans, chars and enums."""
    return "right" if is_numeric_like(v) else "left"


def _is_datetime(v: Any) -> bool:
    return type(v).__name__ == "DateTime" and hasattr(v, "ToLongDateString")


def format_scalar(v: Any) -> str:
    """A value on a line of its own (Out-Default of a scalar); dates in their long form."""
    t = type(v)
    if t is str:
        return v
    if v is None or v is AutomationNull:
        return ""
    if _is_datetime(v):
        hint = _display_hint(v)
        if hint == "date":
            return v.ToLongDateString()
        if hint == "time":
            return v.ToLongTimeString()
        return v.ToLongDateString() + " " + v.ToLongTimeString()
    return to_string(v)


def _display_hint(v: Any) -> str:
    """Get-Date -DisplayHint's note on a date: 'date', 'time' or '' (both)."""
    from o365shell.engine.instmembers import instance_members
    members = instance_members(v)
    note = members.get("displayhint") if members else None
    return str(getattr(note, "Value", "")).lower() if note is not None else ""


def is_datetime(v: Any) -> bool:
    """True for System.DateTime values."""
    return _is_datetime(v)
