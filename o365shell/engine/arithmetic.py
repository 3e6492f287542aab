"""Arithmetic and bitwise operators with pwsh's result types (int widening to long, double and
decimal; [datetime]/[timespan] sums; array and hashtable concatenation).

Each function starts with a fast path for plain ints because it runs once per pipeline object.
"""

from __future__ import annotations

import enum
import math
from decimal import Decimal
from typing import Any, Callable

from .conversion import to_number, to_string
from .errors import runtime_error
from .instmembers import WrappedValue
from .netlib import numbers as N
from .netlib.exceptions import DivideByZeroException
from .objects import enumerate_values, is_enumerable
from .pscollections import Hashtable, OrderedDictionary

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
    if isinstance(v, WrappedValue):
        return _num(v._ps_base, typename)
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


def is_number(v: Any) -> bool:
    t = type(v)
    return t is int or t is float or (t is not bool and isinstance(v, (int, float, Decimal)))


def op_add(a: Any, b: Any) -> Any:
    ta = type(a)
    if ta is int and type(b) is int:
        r = a + b
        return r if _I32_MIN <= r <= _I32_MAX else float(r)
    if ta is str:
        return a + (b if type(b) is str else to_string(b))
    if ta is N.Char and is_number(b):
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
    if is_number(a) or ta is bool:
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
        if is_number(b):
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
    return _arith(a, b, lambda x, y: x - y, _type_name_of(a) if is_number(a) else "System.Int32")


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
    return _arith(a, b, lambda x, y: x * y, _type_name_of(a) if is_number(a) else "System.Int32")


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

