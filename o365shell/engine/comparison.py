"""Comparison operators: case-insensitive by default, the left operand deciding the type the
right one converts to, array operands filtering; plus the sort key Sort-Object and friends use.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any, Callable

from .arithmetic import is_number
from .conversion import to_bool, to_string
from .errors import runtime_error
from .instmembers import WrappedValue, base_of
from .netlib import numbers as N
from .objects import enumerate_values, is_enumerable
from .pscollections import Hashtable


# ----------------------------------------------------------------------------- comparison

def _casefold(s: str) -> str:
    return s.lower()


def _convert_right(left: Any, right: Any) -> tuple[bool, Any]:
    """Convert the right operand to the left's type for comparison; (False, None) if impossible."""
    tl = type(left)
    if tl is str:
        return True, to_string(right)
    if tl is bool:
        return True, to_bool(right)
    if is_number(left):
        if is_number(right):
            return True, right
        if type(right) is bool:
            return True, int(right)
        if isinstance(right, str):
            if isinstance(right, N.Char):
                return True, ord(right)
            from .conversion import parse_number
            n = parse_number(right)
            if n is None or not right.strip():
                return False, None
            return True, n
        if right is None:
            return False, None
        if isinstance(right, enum.Enum):
            return True, int(right.value)
        return False, None
    if isinstance(left, enum.Enum):
        try:
            from .types import type_of
            return True, type_of(left).convert(right)
        except Exception:
            return False, None
    if isinstance(left, str):  # Char
        if isinstance(right, str):
            return True, right
        if isinstance(right, int):
            return True, chr(right) if 0 <= right < 0x110000 else None
        return True, to_string(right)
    from .types import type_of
    try:
        lt = type_of(left)
    except Exception:
        return False, None
    if lt.is_instance(right):
        return True, right
    if right is None:
        return False, None
    if lt.converter is not None and lt.FullName not in ("System.Object", "System.Management.Automation.PSObject",
                                                         "System.Management.Automation.PSCustomObject"):
        try:
            return True, lt.convert(right)
        except Exception:
            return False, None
    return False, None


def equals(a: Any, b: Any, ci: bool) -> bool:
    ta = type(a)
    if ta is str and type(b) is str:
        return a.lower() == b.lower() if ci else a == b
    if ta is int and type(b) is int:
        return a == b
    if a is None:
        return b is None
    if b is None:
        return False
    if isinstance(a, WrappedValue) or isinstance(b, WrappedValue):  # compare what the PSObjects wrap
        return equals(base_of(a), base_of(b), ci)
    if isinstance(a, enum.Enum) and isinstance(b, str):
        return a.name.lower() == b.lower() if ci else a.name == b
    ok, rb = _convert_right(a, b)
    if not ok:
        return False
    if isinstance(a, str) and isinstance(rb, str):
        return a.lower() == rb.lower() if ci else a == rb
    if type(a) is bool or type(rb) is bool:
        return bool(a) == bool(rb)
    try:
        if is_number(a) and is_number(rb):
            if isinstance(a, float) or isinstance(rb, float):
                return float(a) == float(rb)
            return a == rb
        return bool(a == rb) if not _is_reference(a) else a is rb or _value_equals(a, rb)
    except Exception:
        return False


def _is_reference(v: Any) -> bool:
    from .objects import PSCustomObject
    return isinstance(v, (PSCustomObject, Hashtable, list))


def _value_equals(a: Any, b: Any) -> bool:
    eq = getattr(type(a), "Equals", None)
    if eq is not None and not isinstance(a, (Hashtable,)):
        try:
            return bool(eq(a, b))
        except Exception:
            return False
    return False


def compare(a: Any, b: Any, ci: bool) -> int:
    """-1/0/1 comparing a with b converted to a's type; raises when they cannot be compared."""
    ta = type(a)
    if ta is int and type(b) is int:
        return (a > b) - (a < b)
    if a is None:
        if b is None:
            return 0
        if isinstance(b, str):
            return 0 if b == "" else -1
        return -1 if not is_number(b) or b > 0 else (0 if b == 0 else 1)
    if isinstance(a, WrappedValue) or isinstance(b, WrappedValue):
        return compare(base_of(a), base_of(b), ci)
    if isinstance(a, str) and not isinstance(a, N.Char):
        sb = to_string(b)
        return _string_compare(a, sb, ci)
    ok, rb = _convert_right(a, b)
    if not ok:
        if b is None:
            return 1
        raise runtime_error(f'Cannot compare "{to_string(a)}" to "{to_string(b)}" because the objects are not the '
                            f'same type or the object "{to_string(a)}" does not implement "IComparable".',
                            "ComparisonFailure", "InvalidOperation")
    if isinstance(a, str) and isinstance(rb, str):
        return _string_compare(a, rb, ci)
    try:
        if type(a) is bool:
            a, rb = int(a), int(bool(rb))
        if isinstance(a, enum.Enum):
            a = int(a.value)
            rb = int(rb.value) if isinstance(rb, enum.Enum) else rb
        return (a > rb) - (a < rb)
    except TypeError:
        raise runtime_error(f'Cannot compare "{to_string(a)}" because it is not IComparable.',
                            "NotIcomparable", "InvalidOperation") from None


def _string_compare(a: str, b: str, ci: bool) -> int:
    ka, kb = (culture_key(a), culture_key(b))
    if ka != kb:
        return -1 if ka < kb else 1
    if ci:
        return 0
    # case-sensitive: lower case sorts before upper case in the culture comparison
    if a == b:
        return 0
    for x, y in zip(a, b):
        if x != y:
            if x.lower() == y.lower():
                return -1 if x.islower() else 1
            return -1 if x < y else 1
    return (len(a) > len(b)) - (len(a) < len(b))


_PUNCT_ORDER = {c: i for i, c in enumerate("_-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789")}


def culture_key(s: str) -> tuple:
    """A sort key approximating en-US culture comparison, ignoring case."""
    return tuple((0, _PUNCT_ORDER[c]) if c in _PUNCT_ORDER else (1, c) for c in s.lower())


def sort_key(v: Any) -> Any:
    """A key sorting values as Sort-Object does (case-insensitive strings, numbers numerically)."""
    if v is None:
        return (0,)
    if isinstance(v, str):
        return (2, culture_key(v), v.swapcase())
    if is_number(v) or type(v) is bool:
        return (1, float(v) if not isinstance(v, Decimal) else float(v))
    return (3, culture_key(to_string(v)))


def filter_or_scalar(fn: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Any]:
    def op(a: Any, b: Any) -> Any:
        if type(a) is list or (is_enumerable(a) and not isinstance(a, (str, Hashtable))):
            return [x for x in enumerate_values(a) if fn(x, b)]
        return fn(a, b)
    return op


def make_comparison(kind: str, ci: bool) -> Callable[[Any, Any], Any]:
    if kind == "eq":
        def f(a: Any, b: Any) -> bool:
            return equals(a, b, ci)
    elif kind == "ne":
        def f(a: Any, b: Any) -> bool:
            return not equals(a, b, ci)
    elif kind == "gt":
        def f(a: Any, b: Any) -> bool:
            return compare(a, b, ci) > 0
    elif kind == "ge":
        def f(a: Any, b: Any) -> bool:
            return compare(a, b, ci) >= 0
    elif kind == "lt":
        def f(a: Any, b: Any) -> bool:
            return compare(a, b, ci) < 0
    else:
        def f(a: Any, b: Any) -> bool:
            return compare(a, b, ci) <= 0
    return filter_or_scalar(f)


def op_eq_fast(a: Any, b: Any) -> Any:
    """-eq with the hot cases inlined."""
    ta = type(a)
    if ta is int:
        if type(b) is int:
            return a == b
    elif ta is str:
        if type(b) is str:
            return a.lower() == b.lower()
    elif ta is list:
        return [x for x in a if equals(x, b, True)]
    if is_enumerable(a) and not isinstance(a, (str, Hashtable)):
        return [x for x in enumerate_values(a) if equals(x, b, True)]
    return equals(a, b, True)

