"""PowerShell's conversion rules (the LanguagePrimitives of this engine): string and boolean
conversion, numbers from text, and casts to a PSType.

Strings are made with the invariant culture, as PowerShell does for casts and
interpolation; failures raise PSInvalidCastException with pwsh's message text.
"""
from __future__ import annotations

import enum
import math
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation
from typing import Any

from .errors import PSInvalidCastException, runtime_error
from .netlib import numbers as N
from .netlib.exceptions import DotNetException
from .objects import PSCustomObject, PSNoteProperty, is_enumerable, enumerate_values
from .pscollections import AutomationNull, Hashtable

_I32_MIN, _I32_MAX = -2 ** 31, 2 ** 31 - 1


def _double_to_string(v: float) -> str:
    from .netlib.numfmt import double_to_string
    return double_to_string(v)


def to_string(v: Any) -> str:
    """``[string]$v`` / ``"$v"``: PowerShell's string conversion."""
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
        return _double_to_string(v)
    if t is list or is_enumerable(v) and not isinstance(v, (str, dict)):
        return " ".join(_element_string(x) for x in enumerate_values(v))
    if isinstance(v, str):
        return str.__str__(v)
    if isinstance(v, enum.Enum):
        return enum_to_string(v)
    if isinstance(v, bool):
        return "True" if v else "False"
    if isinstance(v, int):
        return int.__repr__(int(v))
    if isinstance(v, float):
        from .netlib.numbers import Single
        if isinstance(v, Single):
            from .netlib.numfmt import single_to_string
            return single_to_string(v)
        return _double_to_string(v)
    if isinstance(v, Decimal):
        from .netlib.numfmt import decimal_to_string
        return decimal_to_string(v)
    if t is PSCustomObject:
        parts = []
        for m in v._members.values():
            if not m.is_property:
                continue
            val = m.Value if type(m) is PSNoteProperty else m.get(v)
            parts.append(f"{m.Name}={_nested_string(val)}")
        return "@{" + "; ".join(parts) + "}"
    inv = getattr(v, "to_invariant_string", None)
    if inv is not None:
        return inv()
    ts = getattr(type(v), "ToString", None)
    if ts is not None:
        try:
            return ts(v)
        except TypeError:
            pass
    if isinstance(v, DotNetException):
        return v.Message
    if isinstance(v, BaseException):
        return str(v)
    return str(v)


def dotnet_string(v: Any) -> str:
    """A value's .NET ToString() (not PowerShell's string conversion): arrays give their type name,
    dates the culture (en-US) form; what Export-Csv writes and a note property's text shows."""
    if v is None:
        return ""
    if isinstance(v, (str, bool, int, float)) or type(v) is PSCustomObject:
        return to_string(v)
    if isinstance(v, (list, tuple)) or (is_enumerable(v) and not isinstance(v, Hashtable)):
        from .types import type_of
        return type_of(v).FullName
    ts = getattr(v, "ToString", None)
    if callable(ts):
        return to_string(ts())
    return to_string(v)


def _element_string(x: Any) -> str:
    if type(x) is list or (is_enumerable(x) and not isinstance(x, (str, Hashtable))):
        from .types import type_of
        return type_of(x).FullName
    return to_string(x)


def _nested_string(x: Any) -> str:
    if x is None:
        return ""
    if type(x) is list or (is_enumerable(x) and not isinstance(x, (str, Hashtable))):
        return " ".join(_element_string(e) for e in enumerate_values(x))
    return to_string(x)


def enum_to_string(v: enum.Enum) -> str:
    if isinstance(v, enum.Flag) and v.name is None:
        names = [m.name for m in type(v) if m.value and (m.value & v.value) == m.value]
        return ", ".join(n for n in names if n)
    return v.name or str(v.value)


def to_bool(v: Any) -> bool:
    """LanguagePrimitives.IsTrue."""
    t = type(v)
    if t is bool:
        return v
    if v is None:
        return False
    if t is str:
        return len(v) > 0
    if t is int or t is float:
        return v != 0
    if t is list:
        n = len(v)
        return n > 1 or (n == 1 and to_bool(v[0]))
    if v is AutomationNull:
        return False
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, enum.Enum):
        return v != 0
    if isinstance(v, enum.Enum):
        return int(v.value) != 0
    if isinstance(v, str):
        return len(v) > 0
    ip = getattr(v, "IsPresent", None)
    if ip is not None and type(v).__name__ == "SwitchParameter":
        return bool(ip)
    if is_enumerable(v) and not isinstance(v, Hashtable):
        items = list(enumerate_values(v))
        return len(items) > 1 or (len(items) == 1 and to_bool(items[0]))
    return True


# ----------------------------------------------------------------------------- numbers

def _format_error(text: str) -> str:
    return f"The input string '{text}' was not in a correct format."


def parse_number(s: str) -> Any:
    """A number from text the way PowerShell reads numeric strings (None when it is not a number)."""
    from ..language.lexical import FULL_NUMBER_RE, number_value
    text = s.strip()
    if not text:
        return 0
    neg = False
    body = text
    if body[0] in "+-\u2013\u2014":
        neg = body[0] != "+"
        body = body[1:]
    m = FULL_NUMBER_RE.match(body)
    if m and not m.group("neg"):
        r = number_value(m, neg)
        if r is not None:
            value, typ = r
            if typ == "Int64":
                return N.Int64(value)
            if typ == "Decimal":
                return value
            return value
    low = body.lower()
    if low in ("infinity", "\u221e"):
        return -math.inf if neg else math.inf
    if low == "nan":
        return math.nan
    try:
        f = float(body.replace(",", "")) if "," in body and _grouped(body) else float(body)
        return -f if neg else f
    except ValueError:
        return None


def _grouped(s: str) -> bool:
    import re
    return re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", s) is not None


def to_number(v: Any, for_type: str = "System.Int32") -> Any:
    """A number for arithmetic: numbers as they are, text parsed, $null as 0."""
    t = type(v)
    if t is int or t is float:
        return v
    if v is None:
        return 0
    if t is bool:
        return int(v)
    if isinstance(v, str):
        if isinstance(v, N.Char):
            return ord(v)
        n = parse_number(v)
        if n is None:
            raise cast_error(v, for_type, _format_error(v))
        return n
    if isinstance(v, enum.Enum):
        return int(v.value)
    if isinstance(v, (int, float, Decimal)):
        return v
    if is_enumerable(v):
        items = list(enumerate_values(v))
        if len(items) == 1:
            return to_number(items[0], for_type)
    raise cast_error(v, for_type)


def _type_full(v: Any) -> str:
    from .types import type_of
    return type_of(v).FullName


def cast_error(v: Any, type_name: str, detail: str | None = None) -> PSInvalidCastException:
    """pwsh's conversion error: 'Cannot convert value "x" to type "T". Error: "..."'."""
    if v is None:
        msg = f'Cannot convert null to type "{type_name}".'
    elif isinstance(v, str) or detail:
        shown = to_string(v) if not isinstance(v, str) else v
        msg = f'Cannot convert value "{shown}" to type "{type_name}".'
        if detail:
            msg += f' Error: "{detail}"'
    else:
        from .types import type_of
        vt = type_of(v).FullName
        shown = to_string(v)
        msg = f'Cannot convert the "{shown}" value of type "{vt}" to type "{type_name}".'
    e = PSInvalidCastException(msg)
    e.error_id = "InvalidCastException" if v is not None and not isinstance(v, str) and not detail else \
        "RuntimeException"
    e.category = 9  # type: ignore[assignment]
    from .errors import ErrorCategory
    e.category = ErrorCategory.InvalidArgument
    return e


def to_integer(v: Any, cls: type = int, type_name: str = "System.Int32") -> int:
    """Convert to a .NET integer type with banker's rounding and range checks."""
    lo, hi = N.INT_RANGES.get(cls, (_I32_MIN, _I32_MAX))
    t = type(v)
    if t is int:
        r = v
    elif t is bool:
        r = int(v)
    elif t is float:
        if math.isnan(v) or math.isinf(v):
            raise cast_error(v, type_name, f"Value was either too large or too small for {_an(type_name)}.")
        r = round(v)
    elif v is None:
        r = 0
    elif isinstance(v, enum.Enum):
        r = int(v.value)
    elif isinstance(v, str):
        if isinstance(v, N.Char):
            r = ord(v)
        else:
            n = parse_number(v)
            if n is None:
                raise cast_error(v, type_name, _format_error(v))
            if isinstance(n, float):
                if math.isnan(n) or math.isinf(n):
                    raise cast_error(v, type_name, _format_error(v))
                r = round(n)
            elif isinstance(n, Decimal):
                r = int(n.to_integral_value(ROUND_HALF_EVEN))
            else:
                r = int(n)
            if not lo <= r <= hi:
                raise cast_error(v, type_name, f"Value was either too large or too small for {_an(type_name)}.")
    elif isinstance(v, Decimal):
        r = int(v.to_integral_value(ROUND_HALF_EVEN))
    elif isinstance(v, int):
        r = int(v)
    elif isinstance(v, float):
        r = round(v)
    elif is_enumerable(v):
        items = list(enumerate_values(v))
        if len(items) == 1:
            return to_integer(items[0], cls, type_name)
        raise cast_error(v, type_name)
    else:
        raise cast_error(v, type_name)
    if not lo <= r <= hi:
        raise cast_error(v, type_name, f"Value was either too large or too small for {_an(type_name)}.")
    return r if cls is int else cls(r)


def _an(type_name: str) -> str:
    short = type_name.rsplit(".", 1)[-1]
    return ("an " if short[0] in "AEIOUaeiou" else "a ") + short


def to_double(v: Any, type_name: str = "System.Double") -> float:
    t = type(v)
    if t is float:
        return v
    if t is int or t is bool:
        return float(v)
    if v is None:
        return 0.0
    if isinstance(v, str):
        if isinstance(v, N.Char):
            return float(ord(v))
        n = parse_number(v)
        if n is None:
            raise cast_error(v, type_name, _format_error(v))
        return float(n)
    if isinstance(v, enum.Enum):
        return float(v.value)
    if isinstance(v, (int, float, Decimal)):
        return float(v)
    if is_enumerable(v):
        items = list(enumerate_values(v))
        if len(items) == 1:
            return to_double(items[0], type_name)
    raise cast_error(v, type_name)


def to_decimal(v: Any) -> Decimal:
    if isinstance(v, Decimal):
        return v
    if type(v) is bool:
        return Decimal(int(v))
    if isinstance(v, int):
        return Decimal(int(v))
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            raise cast_error(v, "System.Decimal", "Value was either too large or too small for a Decimal.")
        return Decimal(repr(v)) if abs(v) < 1e15 else Decimal(v)
    if v is None:
        return Decimal(0)
    if isinstance(v, str):
        try:
            return Decimal(v.strip() or "0")
        except InvalidOperation:
            raise cast_error(v, "System.Decimal", _format_error(v)) from None
    raise cast_error(v, "System.Decimal")


def to_char(v: Any) -> str:
    if isinstance(v, str):
        if len(v) == 1:
            return N.Char(v)
        raise cast_error(v, "System.Char", "String must be exactly one character long.")
    if isinstance(v, int) and not isinstance(v, bool):
        if 0 <= v <= 0xFFFF:
            return N.Char(chr(v))
        raise cast_error(v, "System.Char", "Value was either too large or too small for a character.")
    if v is None:
        return N.Char("\0")
    raise cast_error(v, "System.Char")


def to_hashtable(v: Any) -> Hashtable:
    if isinstance(v, Hashtable):
        return v
    if isinstance(v, dict):
        return Hashtable(v)
    raise cast_error(v, "System.Collections.Hashtable")


def to_custom_object(v: Any) -> Any:
    if isinstance(v, Hashtable):
        return PSCustomObject(v.items())
    if isinstance(v, dict):
        return PSCustomObject(v.items())
    return v


def convert_to(v: Any, t: Any) -> Any:
    """``[T]$v``: convert to a PSType (raises PSInvalidCastException with pwsh's message)."""
    if t.converter is not None:
        try:
            return t.converter(v)
        except PSInvalidCastException:
            raise
        except DotNetException as e:
            if isinstance(e, type(runtime_error("x"))) and getattr(e, "error_id", "") == "TypeNotFound":
                raise
            raise cast_error(v, t.FullName, e.Message) from None
    if t.is_instance(v):
        return v
    if v is None and not t.is_value_type:
        return None
    if t.ctor is not None and not t.is_enum:
        try:
            return t.ctor(v)
        except DotNetException as e:
            raise cast_error(v, t.FullName, e.Message) from None
        except (TypeError, ValueError):
            pass
    raise cast_error(v, t.FullName)


def try_convert(v: Any, t: Any) -> tuple[bool, Any]:
    """``-as``: (True, converted) or (False, None)."""
    try:
        return True, convert_to(v, t)
    except DotNetException:
        return False, None
