"""PowerShell operator semantics: arithmetic with pwsh's result types, case-insensitive
comparison with the left operand deciding the type, array filtering, -like/-match/
-replace/-split/-join/-f, containment, type tests and ranges.

The compiler calls the ``BINARY`` functions directly; each starts with a fast path for
plain ints and strings because they run once per pipeline object.
"""
from __future__ import annotations

import enum
import math
from decimal import Decimal
from typing import Any, Callable

from .conversion import cast_error, to_bool, to_double, to_number, to_string
from .errors import runtime_error
from .netlib import numbers as N
from .netlib.exceptions import DivideByZeroException
from .objects import enumerate_values, is_enumerable
from .pscollections import AutomationNull, Hashtable, OrderedDictionary

_I32_MIN, _I32_MAX = -2 ** 31, 2 ** 31 - 1
_I64_MIN, _I64_MAX = -2 ** 63, 2 ** 63 - 1


# ----------------------------------------------------------------------------- numbers

def _rank(v: Any) -> int:
    """0 Int32, 1 Int64 (and other ints), 2 Decimal, 3 Double."""
    t = type(v)
    if t is int:
        return 0 if _I32_MIN <= v <= _I32_MAX else 1
    if t is float or isinstance(v, float):
        return 3
    if isinstance(v, Decimal):
        return 2
    return 1


def _num(v: Any, typename: str = "System.Int32") -> Any:
    t = type(v)
    if t is int or t is float:
        return v
    if t is bool:
        return int(v)
    if isinstance(v, enum.Enum):
        return int(v.value)
    if isinstance(v, N.Char):
        return ord(v)
    if isinstance(v, (int, float, Decimal)):
        return v
    return to_number(v, typename)


def _fit(r: Any, rank: int) -> Any:
    """Integer results that overflow their operand type become Double, as in pwsh."""
    if rank == 0:
        if _I32_MIN <= r <= _I32_MAX:
            return r
        return float(r)
    if rank == 1:
        if _I64_MIN <= r <= _I64_MAX:
            return N.Int64(r) if not (_I32_MIN <= r <= _I32_MAX) else N.Int64(r)
        return float(r)
    return r


def _arith(a: Any, b: Any, op: Callable[[Any, Any], Any], tname: str) -> Any:
    a = _num(a, tname)
    b = _num(b, _type_name_of(a))
    ra, rb = _rank(a), _rank(b)
    rank = max(ra, rb)
    if rank == 3:
        return float(op(float(a), float(b)))
    if rank == 2:
        return op(Decimal(a) if not isinstance(a, Decimal) else a, Decimal(b) if not isinstance(b, Decimal) else b)
    return _fit(op(int(a), int(b)), rank)


def _type_name_of(v: Any) -> str:
    t = type(v)
    if t is int:
        return "System.Int32"
    if t is float:
        return "System.Double"
    return getattr(t, "__ps_typename__", "System.Decimal" if isinstance(v, Decimal) else "System.Int32")


def _is_num(v: Any) -> bool:
    t = type(v)
    return t is int or t is float or (t is not bool and isinstance(v, (int, float, Decimal)))


def op_add(a: Any, b: Any) -> Any:
    ta = type(a)
    if ta is int and type(b) is int:
        r = a + b
        return r if _I32_MIN <= r <= _I32_MAX else float(r)
    if ta is str:
        return a + (b if type(b) is str else to_string(b))
    if ta is N.Char and _is_num(b):
        return _arith(ord(a), b, lambda x, y: x + y, "System.Int32")
    if a is None:
        if b is None:
            return None
        return b if not is_enumerable(b) else list(enumerate_values(b))
    if ta is list or (is_enumerable(a) and not isinstance(a, str)):
        res = list(enumerate_values(a))
        if is_enumerable(b):
            res.extend(enumerate_values(b))
        else:
            res.append(b)
        return _same_array_kind(a, res)
    if isinstance(a, Hashtable):
        if not isinstance(b, Hashtable):
            raise runtime_error("A hash table can only be added to another hash table.", "AddHashTableToNonHashTable")
        res = OrderedDictionary() if isinstance(a, OrderedDictionary) else Hashtable()
        for k, v in a.items():
            res[k] = v
        for k, v in b.items():
            if res.has(k):
                raise runtime_error(f"Item has already been added. Key in dictionary: '{k}'  Key being added: '{k}'",
                                    "DuplicateKeyInHashLiteral")
            res[k] = v
        return res
    if isinstance(a, str):
        return str(a) + to_string(b)
    dt = _datetime_add(a, b, 1)
    if dt is not None:
        return dt
    if _is_num(a) or ta is bool:
        return _arith(a, b, lambda x, y: x + y, _type_name_of(a))
    if hasattr(a, "op_Addition"):
        return a.op_Addition(b)
    raise runtime_error(f"Method invocation failed because [{_full(a)}] does not contain a method named "
                        "'op_Addition'.", "MethodNotFound")


def _same_array_kind(a: Any, res: list) -> Any:
    from .pscollections import TypedArray
    if isinstance(a, TypedArray) and a.element_type is not None:
        try:
            return TypedArray([a.element_type.convert(x) for x in res], a.element_type)
        except Exception:
            return res
    return res


def _full(v: Any) -> str:
    from .types import type_of
    return type_of(v).FullName


def _datetime_add(a: Any, b: Any, sign: int) -> Any:
    from .netlib.datetime import DateTime
    from .netlib.timespan import TimeSpan
    if isinstance(a, DateTime):
        if isinstance(b, TimeSpan):
            return a + b if sign > 0 else a - b
        if sign < 0 and isinstance(b, DateTime):
            return a - b
        if _is_num(b):
            return a.AddTicks(sign * int(b))
        if isinstance(b, str):
            from .conversion import cast_error as ce
            raise ce(b, "System.TimeSpan")
    if isinstance(a, TimeSpan) and isinstance(b, TimeSpan):
        return a + b if sign > 0 else a - b
    return None


def op_sub(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int:
        r = a - b
        return r if _I32_MIN <= r <= _I32_MAX else float(r)
    dt = _datetime_add(a, b, -1)
    if dt is not None:
        return dt
    if is_enumerable(a) or isinstance(a, Hashtable):
        raise runtime_error(f"Method invocation failed because [{_full(a)}] does not contain a method named "
                            "'op_Subtraction'.", "MethodNotFound")
    return _arith(a, b, lambda x, y: x - y, _type_name_of(a) if _is_num(a) else "System.Int32")


def op_mul(a: Any, b: Any) -> Any:
    ta = type(a)
    if ta is int and type(b) is int:
        r = a * b
        return r if _I32_MIN <= r <= _I32_MAX else float(r)
    if isinstance(a, str):
        n = _int_operand(b)
        return str(a) * n
    if ta is list or (is_enumerable(a) and not isinstance(a, str)):
        n = _int_operand(b)
        return list(enumerate_values(a)) * n
    return _arith(a, b, lambda x, y: x * y, _type_name_of(a) if _is_num(a) else "System.Int32")


def _int_operand(b: Any) -> int:
    from .conversion import to_integer
    n = to_integer(b)
    if n < 0:
        raise runtime_error("The value of the repeat count must be non-negative.", "RepeatCountIsNegative")
    return n


def op_div(a: Any, b: Any) -> Any:
    a = _num(a)
    b = _num(b, _type_name_of(a))
    if b == 0:
        raise _div_zero()
    ra, rb = _rank(a), _rank(b)
    rank = max(ra, rb)
    if rank == 3:
        return float(a) / float(b)
    if rank == 2:
        return (a if isinstance(a, Decimal) else Decimal(a)) / (b if isinstance(b, Decimal) else Decimal(b))
    ia, ib = int(a), int(b)
    if ia % ib == 0:
        return _fit(ia // ib, rank)
    return ia / ib


def _div_zero() -> Exception:
    """pwsh reports division by zero as a RuntimeException wrapping DivideByZeroException."""
    inner = DivideByZeroException()
    return runtime_error(inner.Message, "RuntimeException", "NotSpecified", None, inner=inner)


def op_mod(a: Any, b: Any) -> Any:
    if type(a) is int and type(b) is int and b != 0:
        r = abs(a) % abs(b)
        return -r if a < 0 else r
    a = _num(a)
    b = _num(b, _type_name_of(a))
    if b == 0:
        raise _div_zero()
    rank = max(_rank(a), _rank(b))
    if rank == 3:
        return math.fmod(float(a), float(b))
    if rank == 2:
        da = a if isinstance(a, Decimal) else Decimal(a)
        db = b if isinstance(b, Decimal) else Decimal(b)
        return da % db
    ia, ib = int(a), int(b)
    r = abs(ia) % abs(ib)
    return _fit(-r if ia < 0 else r, rank)


def _to_int_bits(v: Any) -> int:
    from .conversion import to_integer
    if isinstance(v, enum.Enum):
        return int(v.value)
    if type(v) is int:
        return v
    return to_integer(v, N.Int64, "System.Int64")


def op_band(a: Any, b: Any) -> Any:
    if isinstance(a, enum.Flag) and not isinstance(b, enum.Flag):
        return type(a)(int(a.value) & _to_int_bits(b))
    if isinstance(a, enum.Enum) and isinstance(b, enum.Enum) and type(a) is type(b):
        return type(a)(int(a.value) & int(b.value))
    return _fit_bits(_to_int_bits(a) & _to_int_bits(b), a, b)


def op_bor(a: Any, b: Any) -> Any:
    if isinstance(a, enum.Enum) and isinstance(b, enum.Enum) and type(a) is type(b):
        return type(a)(int(a.value) | int(b.value))
    return _fit_bits(_to_int_bits(a) | _to_int_bits(b), a, b)


def op_bxor(a: Any, b: Any) -> Any:
    return _fit_bits(_to_int_bits(a) ^ _to_int_bits(b), a, b)


def op_shl(a: Any, b: Any) -> Any:
    ia = _to_int_bits(a)
    n = _to_int_bits(b)
    if type(a) is int and _I32_MIN <= ia <= _I32_MAX:
        r = (ia << (n & 31)) & 0xFFFFFFFF
        return r - (1 << 32) if r & 0x80000000 else r
    r = (ia << (n & 63)) & 0xFFFFFFFFFFFFFFFF
    return N.Int64(r - (1 << 64) if r & (1 << 63) else r)


def op_shr(a: Any, b: Any) -> Any:
    ia = _to_int_bits(a)
    n = _to_int_bits(b)
    return ia >> (n & (31 if type(a) is int else 63))


def _fit_bits(r: int, a: Any, b: Any) -> Any:
    if _I32_MIN <= r <= _I32_MAX and _rank(a) == 0 and _rank(b) == 0:
        return r
    return N.Int64(r) if _I64_MIN <= r <= _I64_MAX else r


def op_bnot(a: Any) -> Any:
    ia = _to_int_bits(a)
    if type(a) is int and _I32_MIN <= ia <= _I32_MAX:
        return ~ia
    return N.Int64(~ia)


def op_negate(a: Any) -> Any:
    t = type(a)
    if t is int:
        return -a if a != _I32_MIN else float(-a)
    if t is float:
        return -a
    from .netlib.timespan import TimeSpan
    if isinstance(a, TimeSpan):
        return a.Negate()
    v = _num(a)
    if isinstance(v, N.Int64):
        return N.Int64(-int(v)) if int(v) != _I64_MIN else float(-int(v))
    return -v


def op_plus(a: Any) -> Any:
    return _num(a)


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
    if _is_num(left):
        if _is_num(right):
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


def _eq(a: Any, b: Any, ci: bool) -> bool:
    ta = type(a)
    if ta is str and type(b) is str:
        return a.lower() == b.lower() if ci else a == b
    if ta is int and type(b) is int:
        return a == b
    if a is None:
        return b is None
    if b is None:
        return False
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
        if _is_num(a) and _is_num(rb):
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


def _compare(a: Any, b: Any, ci: bool) -> int:
    """-1/0/1 comparing a with b converted to a's type; raises when they cannot be compared."""
    ta = type(a)
    if ta is int and type(b) is int:
        return (a > b) - (a < b)
    if a is None:
        if b is None:
            return 0
        if isinstance(b, str):
            return 0 if b == "" else -1
        return -1 if not _is_num(b) or b > 0 else (0 if b == 0 else 1)
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
    if _is_num(v) or type(v) is bool:
        return (1, float(v) if not isinstance(v, Decimal) else float(v))
    return (3, culture_key(to_string(v)))


def _filter_or_scalar(fn: Callable[[Any, Any], bool]) -> Callable[[Any, Any], Any]:
    def op(a: Any, b: Any) -> Any:
        if type(a) is list or (is_enumerable(a) and not isinstance(a, (str, Hashtable))):
            return [x for x in enumerate_values(a) if fn(x, b)]
        return fn(a, b)
    return op


def _make_cmp(kind: str, ci: bool) -> Callable[[Any, Any], Any]:
    if kind == "eq":
        def f(a: Any, b: Any) -> bool:
            return _eq(a, b, ci)
    elif kind == "ne":
        def f(a: Any, b: Any) -> bool:
            return not _eq(a, b, ci)
    elif kind == "gt":
        def f(a: Any, b: Any) -> bool:
            return _compare(a, b, ci) > 0
    elif kind == "ge":
        def f(a: Any, b: Any) -> bool:
            return _compare(a, b, ci) >= 0
    elif kind == "lt":
        def f(a: Any, b: Any) -> bool:
            return _compare(a, b, ci) < 0
    else:
        def f(a: Any, b: Any) -> bool:
            return _compare(a, b, ci) <= 0
    return _filter_or_scalar(f)


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
        return [x for x in a if _eq(x, b, True)]
    if is_enumerable(a) and not isinstance(a, (str, Hashtable)):
        return [x for x in enumerate_values(a) if _eq(x, b, True)]
    return _eq(a, b, True)


# ----------------------------------------------------------------------------- text operators

def _wild(pattern: str, cs: bool) -> Callable[[str], bool]:
    from .netlib.wildcard import compile_wildcard
    return compile_wildcard(pattern, case_sensitive=cs)


def _make_like(negate: bool, cs: bool) -> Callable[[Any, Any], Any]:
    def f(a: Any, b: Any) -> bool:
        m = _wild(to_string(b), cs)(to_string(a))
        return not m if negate else m
    return _filter_or_scalar(f)


def _regex(pattern: Any, cs: bool) -> Any:
    from .netlib.regex import compile as rx_compile
    from .regexobj import Regex
    if isinstance(pattern, Regex):
        return pattern.compiled
    return rx_compile(to_string(pattern), ignore_case=not cs)


def _make_match(negate: bool, cs: bool) -> Callable[..., Any]:
    def op(a: Any, b: Any, ctx: Any = None) -> Any:
        rx = _regex(b, cs)
        if type(a) is list or (is_enumerable(a) and not isinstance(a, (str, Hashtable))):
            res = [x for x in enumerate_values(a) if (rx.search(to_string(x)) is None) == negate]
            return res
        m = rx.search(to_string(a))
        if m is not None and not negate and ctx is not None:
            ctx.set_matches(m)
        elif m is None and negate is False:
            pass
        if negate and m is not None and ctx is not None:
            ctx.set_matches(m)
        return (m is None) if negate else (m is not None)
    op.needs_ctx = True  # type: ignore[attr-defined]
    return op


def _make_replace(cs: bool) -> Callable[..., Any]:
    def op(a: Any, b: Any) -> Any:
        from .netlib.regex import replace as rx_replace
        items = list(enumerate_values(b)) if is_enumerable(b) else [b]
        if len(items) > 2:
            raise runtime_error("The -replace operator allows only two elements to follow it, not "
                                f"{len(items)}.", "BadReplaceArgument")
        pattern = items[0] if items else ""
        repl = items[1] if len(items) > 1 else ""
        rx = _regex(pattern, cs)

        def one(x: Any) -> Any:
            s = to_string(x)
            from .scriptblock import ScriptBlock
            if isinstance(repl, ScriptBlock):
                from .regexobj import Match
                return rx.sub(lambda m: to_string(repl.invoke_as_filter(Match(m), as_value=True)), s)
            return rx_replace(rx, s, to_string(repl))

        if type(a) is list or (is_enumerable(a) and not isinstance(a, (str, Hashtable))):
            return [one(x) for x in enumerate_values(a)]
        return one(a)
    return op


def _make_split(cs: bool) -> Callable[..., Any]:
    def op(a: Any, b: Any) -> Any:
        from .netlib.regex import split as rx_split
        items = list(enumerate_values(b)) if is_enumerable(b) else [b]
        pattern = items[0] if items else " "
        max_count = 0
        options = ""
        if len(items) > 1:
            from .conversion import to_integer
            max_count = to_integer(items[1])
        if len(items) > 2:
            options = to_string(items[2]).lower()
        from .scriptblock import ScriptBlock
        results: list[str] = []
        for x in (enumerate_values(a) if is_enumerable(a) and not isinstance(a, str) else [a]):
            s = to_string(x)
            if isinstance(pattern, ScriptBlock):
                parts, cur = [], []
                for ch in s:
                    if to_bool(pattern.invoke_as_filter(ch, as_value=True)):
                        parts.append("".join(cur))
                        cur = []
                    else:
                        cur.append(ch)
                parts.append("".join(cur))
                results.extend(parts)
                continue
            if "simplematch" in options:
                import re
                rx = re.compile(re.escape(to_string(pattern)), 0 if cs else re.I)
            else:
                rx = _regex(pattern, cs)
            results.extend(rx_split(rx, s, max_count))
        return results
    return op


def op_unary_split(a: Any) -> list:
    s = to_string(a)
    return [p for p in s.split() if p]


def op_join(a: Any, b: Any) -> str:
    sep = to_string(b)
    items = enumerate_values(a) if is_enumerable(a) and not isinstance(a, str) else [a]
    return sep.join(to_string(x) for x in items)


def op_unary_join(a: Any) -> str:
    return op_join(a, "")


def op_format(a: Any, b: Any) -> str:
    from .netlib.composite import format_composite
    args = list(enumerate_values(b)) if is_enumerable(b) else [b]
    return format_composite(to_string(a), args, to_string)


# ----------------------------------------------------------------------------- containment and types

def _make_contains(negate: bool, ci: bool) -> Callable[[Any, Any], bool]:
    def f(a: Any, b: Any) -> bool:
        items = enumerate_values(a) if is_enumerable(a) and not isinstance(a, str) else [a]
        found = any(_eq(x, b, ci) for x in items)
        return not found if negate else found
    return f


def _make_in(negate: bool, ci: bool) -> Callable[[Any, Any], bool]:
    contains = _make_contains(negate, ci)
    return lambda a, b: contains(b, a)


def _type_arg(b: Any) -> Any:
    from .types import PSType, resolve
    if isinstance(b, PSType):
        return b
    return resolve(to_string(b))


def op_is(a: Any, b: Any) -> bool:
    t = _type_arg(b)
    if a is None or a is AutomationNull:
        return False
    if t.FullName in ("System.Object", "System.Management.Automation.PSObject"):
        return True
    return t.is_instance(a) or _inherits(a, t)


def _inherits(a: Any, t: Any) -> bool:
    from .types import type_of
    try:
        chain = type_of(a).type_name_chain()
    except Exception:
        return False
    return t.FullName in chain


def op_isnot(a: Any, b: Any) -> bool:
    return not op_is(a, b)


def op_as(a: Any, b: Any) -> Any:
    from .conversion import try_convert
    t = _type_arg(b)
    ok, v = try_convert(a, t)
    return v if ok else None


def op_range(a: Any, b: Any) -> Any:
    from .conversion import to_integer
    if isinstance(a, str) and isinstance(b, str) and len(a) == 1 and len(b) == 1 and not a.isdigit():
        sa, sb = ord(a), ord(b)
        step = 1 if sb >= sa else -1
        return [N.Char(chr(c)) for c in range(sa, sb + step, step)]
    ia, ib = to_integer(a), to_integer(b)
    if abs(ib - ia) > 50_000_000:
        raise runtime_error("The range operator produces too many values.", "RangeTooBig")
    return range(ia, ib + 1) if ib >= ia else range(ia, ib - 1, -1)


def op_and(a: Any, b: Any) -> bool:
    return to_bool(a) and to_bool(b)


def op_or(a: Any, b: Any) -> bool:
    return to_bool(a) or to_bool(b)


def op_xor(a: Any, b: Any) -> bool:
    return to_bool(a) != to_bool(b)


def op_coalesce(a: Any, b: Any) -> Any:
    return b if a is None or a is AutomationNull else a


BINARY: dict[str, Callable[..., Any]] = {
    "+": op_add, "-": op_sub, "*": op_mul, "/": op_div, "%": op_mod, "..": op_range, "f": op_format,
    "band": op_band, "bor": op_bor, "bxor": op_bxor, "shl": op_shl, "shr": op_shr,
    "join": op_join, "is": op_is, "isnot": op_isnot, "as": op_as,
    "xor": op_xor, "??": op_coalesce,
}
for _p, _ci in (("", True), ("i", True), ("c", False)):
    for _k in ("eq", "ne", "gt", "ge", "lt", "le"):
        BINARY[_p + _k] = _make_cmp(_k, _ci)
    BINARY[_p + "like"] = _make_like(False, not _ci)
    BINARY[_p + "notlike"] = _make_like(True, not _ci)
    BINARY[_p + "match"] = _make_match(False, not _ci)
    BINARY[_p + "notmatch"] = _make_match(True, not _ci)
    BINARY[_p + "replace"] = _make_replace(not _ci)
    BINARY[_p + "split"] = _make_split(not _ci)
    BINARY[_p + "contains"] = _make_contains(False, _ci)
    BINARY[_p + "notcontains"] = _make_contains(True, _ci)
    BINARY[_p + "in"] = _make_in(False, _ci)
    BINARY[_p + "notin"] = _make_in(True, _ci)
BINARY["eq"] = op_eq_fast
BINARY["ieq"] = op_eq_fast

_ = (cast_error, to_double)
