"""Method calls and indexing: ``$x.Method(args)``, ``[T]::Method(args)``, ``$a[i]``,
``$h['k'] = v`` — including the intrinsic members every object has (GetType, ToString,
Equals, .Where(), .ForEach()) and the wrapping of .NET exceptions into
MethodInvocationException, as pwsh reports them.
"""
from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from .conversion import to_bool, to_integer, to_string
from .errors import ErrorCategory, FlowControl, MethodInvocationException, RuntimeException, runtime_error
from .instmembers import MEMBER_TYPES, WrappedValue, instance_members
from .netlib.exceptions import DotNetException, IndexOutOfRangeException
from .objects import MISSING, PSCustomObject, adapter_for, enumerate_values, get_member, is_enumerable
from .pscollections import AutomationNull, Hashtable, OrderedDictionary, TypedArray, fixed_size_error


def _method_error(name: str, args: list, e: DotNetException) -> RuntimeException:
    n = len(args)
    msg = f'Exception calling "{name}" with "{n}" argument(s): "{e.Message}"'
    err = runtime_error(msg, "MethodInvocationException" if not isinstance(e, RuntimeException) else
                        getattr(e, "error_id", "MethodInvocationException"), ErrorCategory.NotSpecified, None,
                        MethodInvocationException, e)
    err.error_id = type(e).__name__ if not isinstance(e, RuntimeException) else "MethodInvocationException"
    return err


def _not_found(obj: Any, name: str) -> RuntimeException:
    from .types import type_of
    tn = type_of(obj).FullName
    return runtime_error(f"Method invocation failed because [{tn}] does not contain a method named '{name}'.",
                         "MethodNotFound", ErrorCategory.InvalidOperation, obj)


def call(fn: Any, name: str, args: list) -> Any:
    """Call a Python implementation of a .NET method, wrapping .NET exceptions as pwsh does."""
    try:
        r = fn(*args)
    except FlowControl:
        raise
    except MethodInvocationException:
        raise
    except DotNetException as e:
        if getattr(fn, "ps_unwrapped", False):  # a PowerShell class method: its errors pass as they are
            raise
        raise _method_error(name, args, e) from None
    except (TypeError, ValueError, IndexError, KeyError, OverflowError, AttributeError) as e:
        raise _arg_error(name, args, e) from None
    return AutomationNull if r is None and _is_void(fn) else r


def _is_void(fn: Any) -> bool:
    ann = getattr(fn, "__annotations__", None)
    return bool(ann) and ann.get("return") in (None, "None")


def _arg_error(name: str, args: list, e: Exception) -> RuntimeException:
    return runtime_error(f'Cannot find an overload for "{name}" and the argument count: "{len(args)}".',
                         "MethodCountCouldNotFindBest", ErrorCategory.NotSpecified)


def invoke_method(ctx: Any, obj: Any, name: str, args: list) -> Any:
    """``obj.name(args)``."""
    low = name.lower()
    if obj is None:
        raise runtime_error("You cannot call a method on a null-valued expression.", "InvokeMethodOnNull",
                            ErrorCategory.InvalidOperation)
    t = type(obj)
    if t is PSCustomObject:
        m = obj._members.get(low)
        if m is not None and not m.is_property:
            return _call_member(m, obj, name, args)
    elif t in MEMBER_TYPES:
        extra = instance_members(obj)
        if extra and low in extra and not extra[low].is_property:
            return _call_member(extra[low], obj, name, args)
        if isinstance(obj, WrappedValue):  # the methods of the wrapped value
            obj = obj._ps_base
            t = type(obj)
    if t is str or isinstance(obj, str):
        from .netlib.strings import STRING_METHODS
        fn = STRING_METHODS.get(low)
        if fn is not None:
            return call(fn, name, [obj] + args)
    intrinsic = _INTRINSIC.get(low)
    if low in ("where", "foreach") and intrinsic is not None:
        return intrinsic(ctx, obj, args)
    if isinstance(obj, (list, tuple, range)):
        fn = _LIST_METHODS.get(low)
        if fn is not None and not (type(obj) is not list and low in adapter_for(t).methods):
            return call(lambda *a: fn(obj, *a), name, args)
    attr = adapter_for(t).methods.get(low)
    if attr is not None:
        return call(getattr(obj, attr), name, args)
    if isinstance(obj, (int, float, Decimal)) and low in _NUMBER_METHODS:
        return call(lambda *a: _NUMBER_METHODS[low](obj, *a), name, args)
    if intrinsic is not None:
        return intrinsic(ctx, obj, args)
    if low.startswith("get_") and len(args) == 0:
        v = get_member(obj, name[4:])
        if v is not MISSING:
            return v
    v = get_member(obj, name) if not isinstance(obj, (list, tuple)) else MISSING
    if v is not MISSING and hasattr(v, "Invoke") and type(v).__name__ == "ScriptBlock":
        return v.InvokeReturnAsIs(*args)
    if isinstance(obj, (list, tuple)) and not args:
        pass
    if is_enumerable(obj) and not isinstance(obj, (str, Hashtable)):
        results = []
        for item in enumerate_values(obj):
            r = invoke_method(ctx, item, name, args)
            if r is not AutomationNull:
                results.append(r)
        return results[0] if len(results) == 1 else results
    raise _not_found(obj, name)


def _call_member(m: Any, obj: Any, name: str, args: list) -> Any:
    try:
        return m.call(obj, args)
    except FlowControl:
        raise
    except RuntimeException as e:
        if getattr(e, "script_terminating", False):
            raise _method_error(name, args, e) from None
        raise


def invoke_static(ctx: Any, t: Any, name: str, args: list) -> Any:
    """``[T]::name(args)``."""
    low = name.lower()
    if low == "new":
        try:
            return t.new(args)
        except FlowControl:
            raise
        except RuntimeException:
            raise
        except DotNetException as e:
            raise _method_error("new", args, e) from None
        except TypeError:
            raise runtime_error(f'Cannot find an overload for "new" and the argument count: "{len(args)}".',
                                "MethodCountCouldNotFindBest") from None
    fn = t.statics().get(low)
    if fn is None or not callable(fn):
        raise runtime_error(f"Method invocation failed because [{t.FullName}] does not contain a method named "
                            f"'{name}'.", "MethodNotFound", ErrorCategory.InvalidOperation)
    return call(fn, name, args)


# ----------------------------------------------------------------------------- intrinsic methods

def _get_type(ctx: Any, obj: Any, args: list) -> Any:
    from .types import type_of
    return type_of(obj)


def _to_string(ctx: Any, obj: Any, args: list) -> str:
    if args:
        fmt = to_string(args[0]) if args[0] is not None else None
        if isinstance(obj, (int, float, Decimal)) and not isinstance(obj, (bool, enum.Enum)):
            from .netlib.numfmt import format_number
            return call(format_number, "ToString", [obj, fmt])
    if type(obj) is float:
        from .netlib.numfmt import double_to_roundtrip
        return double_to_roundtrip(obj)
    if isinstance(obj, enum.Enum):
        from .conversion import enum_to_string
        return enum_to_string(obj)
    if type(obj) is PSCustomObject:
        return ""
    if isinstance(obj, Hashtable):
        return type(obj).__ps_typename__
    if isinstance(obj, (list, tuple)) and not hasattr(type(obj), "ToString"):
        from .types import type_of
        return type_of(obj).FullName
    ts = getattr(type(obj), "ToString", None)
    if ts is not None:
        return ts(obj)
    return to_string(obj)


def _equals(ctx: Any, obj: Any, args: list) -> bool:
    other = args[0] if args else None
    if isinstance(obj, (PSCustomObject, Hashtable, list)):
        return obj is other
    if type(obj) is str and type(other) is str:
        return obj == other
    try:
        return bool(obj == other)
    except Exception:
        return False


def _hash(ctx: Any, obj: Any, args: list) -> int:
    try:
        return hash(obj) & 0x7FFFFFFF
    except TypeError:
        return id(obj) & 0x7FFFFFFF


def _where(ctx: Any, obj: Any, args: list) -> list:
    if not args:
        raise runtime_error("Cannot find an overload for \"Where\" and the argument count: \"0\".", "MethodCount")
    sb = args[0]
    mode = to_string(args[1]).lower() if len(args) > 1 else "default"
    n = to_integer(args[2]) if len(args) > 2 else 0
    items = list(enumerate_values(obj)) if is_enumerable(obj) else ([] if obj is None else [obj])
    if mode == "last":
        res = [x for x in items if sb.invoke_predicate(x)]
        return res[-n:] if n else res[-1:]
    if mode == "skipuntil":
        out, on = [], False
        for x in items:
            if not on and sb.invoke_predicate(x):
                on = True
            if on:
                out.append(x)
        return out[:n] if n else out
    if mode == "until":
        out = []
        for x in items:
            if sb.invoke_predicate(x):
                break
            out.append(x)
        return out[:n] if n else out
    if mode == "split":
        yes, no = [], []
        for x in items:
            (yes if sb.invoke_predicate(x) else no).append(x)
        if n:
            no = yes[n:] + no
            yes = yes[:n]
        return [yes, no]
    res = []
    for x in items:
        if sb.invoke_predicate(x):
            res.append(x)
            if (mode == "first" and len(res) >= max(n, 1)) or (n and len(res) >= n):
                break
    return res


def _foreach(ctx: Any, obj: Any, args: list) -> list:
    if not args:
        raise runtime_error("Cannot find an overload for \"ForEach\" and the argument count: \"0\".", "MethodCount")
    items = list(enumerate_values(obj)) if is_enumerable(obj) else ([] if obj is None else [obj])
    what = args[0]
    from .scriptblock import ScriptBlock
    res: list = []
    if isinstance(what, ScriptBlock):
        for x in items:
            res.extend(what.invoke_as_filter(x, as_value=False, args=args[1:] or None))
        return res
    if isinstance(what, str):
        for x in items:
            if len(args) > 1:
                res.append(invoke_method(ctx, x, what, list(args[1:])))
            else:
                v = get_member(x, what)
                if v is not MISSING:
                    res.append(v)
        return res
    from .types import PSType
    if isinstance(what, PSType):
        return [what.convert(x) for x in items]
    raise runtime_error("The ForEach() method needs a script block, a type, or a member name.", "ForEachBadArg")


_INTRINSIC = {"gettype": _get_type, "tostring": _to_string, "equals": _equals, "gethashcode": _hash,
              "where": _where, "foreach": _foreach}


# ----------------------------------------------------------------------------- list and number methods

def _list_index_of(lst: Any, value: Any, *rest: Any) -> int:
    from .comparison import equals as _eq
    for i, x in enumerate(lst):
        if _eq(x, value, False) if not isinstance(x, str) else x == value:
            return i
    return -1


def _list_contains(lst: Any, value: Any) -> bool:
    return _list_index_of(lst, value) >= 0


def _list_add(lst: Any, value: Any) -> Any:
    if type(lst) is list or isinstance(lst, (TypedArray, tuple, range)):
        raise fixed_size_error()
    lst.append(value)
    return len(lst) - 1


def _list_clone(lst: Any) -> Any:
    return list(lst)


def _list_getvalue(lst: Any, i: int) -> Any:
    return lst[int(i)]


def _list_setvalue(lst: Any, v: Any, i: int) -> None:
    lst[int(i)] = v


def _list_copyto(lst: Any, target: Any, index: int = 0) -> None:
    for i, x in enumerate(lst):
        target[int(index) + i] = x


_LIST_METHODS = {"indexof": _list_index_of, "contains": _list_contains, "add": _list_add,
                 "remove": lambda lst, v: (_ for _ in ()).throw(fixed_size_error()),
                 "clone": _list_clone, "getvalue": _list_getvalue, "setvalue": _list_setvalue,
                 "copyto": _list_copyto, "getlength": lambda lst, d=0: len(lst),
                 "getupperbound": lambda lst, d=0: len(lst) - 1, "getlowerbound": lambda lst, d=0: 0,
                 "lastindexof": lambda lst, v: max((i for i, x in enumerate(lst) if x == v), default=-1),
                 "toarray": lambda lst: list(lst)}


def _num_compare(a: Any, b: Any) -> int:
    from .comparison import compare as _compare
    return _compare(a, b, False)


_NUMBER_METHODS = {"compareto": _num_compare,
                   "gettypecode": lambda a: type(a).__name__}


# ----------------------------------------------------------------------------- indexing

def index_get(obj: Any, idx: Any) -> Any:
    """``obj[idx]`` (non-strict: out of range gives $null, an array index gives several)."""
    t = type(obj)
    if t is list or isinstance(obj, (list, tuple, range)):
        ti = type(idx)
        if ti is int:
            n = len(obj)
            if -n <= idx < n:
                return obj[idx]
            return None
        if is_enumerable(idx):
            res = []
            for i in enumerate_values(idx):
                v = index_get(obj, i)
                if v is not None or _in_range(obj, i):
                    res.append(v)
            return res
        pi = getattr(obj, "ps_index", None)
        if pi is not None:
            return pi(idx)
        try:
            i = to_integer(idx)
        except DotNetException:
            raise runtime_error(f'Cannot convert value "{to_string(idx)}" to type "System.Int32".',
                                "InvalidCastFromStringToInteger") from None
        return index_get(obj, i)
    if isinstance(obj, Hashtable):
        if isinstance(obj, OrderedDictionary) and type(idx) is int and not obj.has(idx):
            return obj.value_at(idx)
        if is_enumerable(idx):  # one value per key, $null for a key not there
            return [_dict_get(obj, k) for k in enumerate_values(idx)]
        return _dict_get(obj, idx)
    if t is str or isinstance(obj, str):
        if is_enumerable(idx):
            return [index_get(obj, i) for i in enumerate_values(idx)]
        i = to_integer(idx)
        n = len(obj)
        if -n <= i < n:
            from .netlib.numbers import Char
            return Char(obj[i])
        return None
    if obj is None:
        raise runtime_error("Cannot index into a null array.", "NullArray", ErrorCategory.InvalidOperation)
    pi = getattr(obj, "ps_index", None)
    if pi is not None:
        return pi(idx)
    item = adapter_for(t).methods.get("get_item")
    if item is not None:
        return call(getattr(obj, item), "get_Item", [idx])
    # a scalar indexed by 0 is itself
    try:
        i = to_integer(idx)
    except DotNetException:
        i = None
    if i in (0, -1):
        return obj
    if t is PSCustomObject:
        raise runtime_error(f"Unable to index into an object of type {'System.Management.Automation.PSObject'}.",
                            "CannotIndex")
    return None


def _dict_get(d: Hashtable, key: Any) -> Any:
    """``$d[key]``: pwsh indexes a dictionary with TryGetValue, so a missing key gives $null; the key
    is first converted to a typed dictionary's key type."""
    conv = getattr(d, "key_convert", None)
    if conv is not None and key is not None:
        key = conv(key)
    return d.get(key)


def _in_range(obj: Any, i: Any) -> bool:
    try:
        n = len(obj)
        return -n <= int(i) < n
    except (TypeError, ValueError):
        return False


def index_set(obj: Any, idx: Any, value: Any) -> None:
    """``obj[idx] = value``."""
    if isinstance(obj, Hashtable):
        obj[idx] = value
        return
    if isinstance(obj, list):
        i = to_integer(idx)
        n = len(obj)
        if not -n <= i < n:
            if type(obj) is list or isinstance(obj, TypedArray):
                raise runtime_error("Index was outside the bounds of the array.", "System.IndexOutOfRangeException",
                                    ErrorCategory.OperationStopped, None, inner=IndexOutOfRangeException())
            from .netlib.exceptions import ArgumentOutOfRangeException
            raise runtime_error("Index was out of range. Must be non-negative and less than the size of the "
                                "collection. (Parameter 'index')", "System.ArgumentOutOfRangeException",
                                ErrorCategory.OperationStopped, None, inner=ArgumentOutOfRangeException())
        if isinstance(obj, TypedArray) and obj.element_type is not None:
            value = obj.element_type.convert(value)
        elif getattr(obj, "convert", None):
            value = obj.convert(value)  # type: ignore[attr-defined]
        obj[i] = value
        return
    if obj is None:
        raise runtime_error("Cannot index into a null array.", "NullArray", ErrorCategory.InvalidOperation)
    setter = getattr(obj, "ps_set_index", None)
    if setter is not None:
        setter(idx, value)
        return
    item = adapter_for(type(obj)).methods.get("set_item")
    if item is not None:
        getattr(obj, item)(idx, value)
        return
    raise runtime_error(f"Unable to index into an object of type {type(obj).__name__}.", "CannotIndex")


_ = to_bool
