"""The built-in type table: primitives, collections, generics, arrays and the static
classes scripts call ([math], [datetime], [System.IO.Path], [Environment]...).

Imported on first type resolution; heavy modules are imported inside the lambdas so
that starting the shell does not pay for types a script never names.
"""
from __future__ import annotations

import enum
import os
from decimal import Decimal
from typing import Any, Callable

from . import conversion as C
from .instmembers import WrappedValue
from .netlib import numbers as N
from .objects import PSCustomObject
from .pscollections import (ArrayList, CaseSensitiveDictionary, GenericList, Hashtable, HashSet,
                            OrderedDictionary, Queue, Stack, TypedArray)
from .types import PSType, StaticProperty, register, register_class, register_factory, resolve


def _lazy(modname: str, attr: str) -> Callable[[], Any]:
    def get() -> Any:
        import importlib
        return getattr(importlib.import_module(modname, __package__), attr)
    return get


_DT = _lazy(".netlib.datetime", "DateTime")
_TS = _lazy(".netlib.timespan", "TimeSpan")


def _isinst(getcls: Callable[[], Any]) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, getcls())


def _int_type(full: str, cls: type, *aliases: str) -> PSType:
    def conv(v: Any, cls: type = cls, full: str = full) -> Any:
        return C.to_integer(v, cls, full)

    def check(v: Any, cls: type = cls) -> bool:
        if cls is int:
            return type(v) is int and -2 ** 31 <= v < 2 ** 31
        return type(v) is cls

    def parse(s: Any, *a: Any, cls: type = cls) -> Any:
        import re as _re
        from .netlib.exceptions import FormatException, OverflowException
        text = C.to_string(s).strip()
        if not _re.fullmatch(r"[+-]?\d+", text):
            raise FormatException(f"The input string '{C.to_string(s)}' was not in a correct format.")
        v = int(text)
        lo, hi = N.INT_RANGES[cls]
        if not lo <= v <= hi:
            raise OverflowException(f"Value was either too large or too small for {C._an(full)}.")
        return v if cls is int else cls(v)

    statics = {"MaxValue": N.INT_RANGES[cls][1], "MinValue": N.INT_RANGES[cls][0],
               "Parse": parse, "TryParse": lambda s, *a: C.parse_number(str(s)) is not None}
    return register(PSType(full, cls, check=check, converter=conv, statics=statics, is_value_type=True,
                           ctor=lambda *a: 0), *aliases)


def _string_conv(v: Any) -> str:
    if v is None:
        return ""
    return C.to_string(v)


def _to_bool_strict(v: Any) -> bool:
    return C.to_bool(v)


def _version_conv(v: Any) -> Any:
    from .netlib.version import Version
    if isinstance(v, Version):
        return v
    return Version(C.to_string(v).strip())


def _semver_conv(v: Any) -> Any:
    from .netlib.version import SemanticVersion, Version
    if isinstance(v, SemanticVersion):
        return v
    if isinstance(v, Version):
        return SemanticVersion(v)
    return SemanticVersion(C.to_string(v).strip())


def _guid_conv(v: Any) -> Any:
    from .netlib.guid import Guid
    if isinstance(v, Guid):
        return v
    return Guid(C.to_string(v))


def _datetime_conv(v: Any) -> Any:
    DT = _DT()
    if isinstance(v, DT):
        return v
    if isinstance(v, str):
        return DT.Parse(v, "invariant") if _takes_culture(DT.Parse) else DT.Parse(v)
    if v is None:
        raise C.cast_error(None, "System.DateTime")
    if isinstance(v, int) and not isinstance(v, bool):
        return DT(v)
    raise C.cast_error(v, "System.DateTime")


def _takes_culture(fn: Any) -> bool:
    return True


def _timespan_conv(v: Any) -> Any:
    TS = _TS()
    if isinstance(v, TS):
        return v
    if isinstance(v, str):
        return TS.Parse(v)
    if isinstance(v, int) and not isinstance(v, bool):
        return TS(v)
    raise C.cast_error(v, "System.TimeSpan")


def _array_conv(v: Any) -> list:
    if type(v) is list:
        return v
    from .objects import enumerate_values, is_enumerable
    if is_enumerable(v):
        return list(enumerate_values(v))
    return [v]


def _scriptblock_conv(v: Any) -> Any:
    from .scriptblock import ScriptBlock
    if isinstance(v, ScriptBlock):
        return v
    raise C.cast_error(v, "System.Management.Automation.ScriptBlock")


def _type_conv(v: Any) -> Any:
    if isinstance(v, PSType):
        return v
    return resolve(C.to_string(v))


def _regex_conv(v: Any) -> Any:
    from .regexobj import Regex
    if isinstance(v, Regex):
        return v
    return Regex(C.to_string(v))


def _switch_conv(v: Any) -> Any:
    from .valuetypes import SwitchParameter
    return v if isinstance(v, SwitchParameter) else SwitchParameter(v)


def _void_conv(v: Any) -> Any:
    from .pscollections import AutomationNull
    return AutomationNull


def _enum_converter(cls: type) -> Callable[[Any], Any]:
    def conv(v: Any) -> Any:
        if isinstance(v, cls):
            return v
        if isinstance(v, (list, tuple)) and issubclass(cls, enum.Flag):
            result = None
            for item in v:
                m = conv(item)
                result = m if result is None else result | m
            return result
        if isinstance(v, str):
            parts = [p.strip() for p in v.split(",")]
            result = None
            for p in parts:
                member = None
                for m in cls:  # type: ignore[attr-defined]
                    if m.name.lower() == p.lower():
                        member = m
                        break
                if member is None:
                    try:
                        member = cls(int(p))
                    except (ValueError, TypeError):
                        names = ", ".join(m.name for m in _enum_members(cls))
                        raise C.cast_error(v, cls.__ps_typename__,  # type: ignore[attr-defined]
                                           f'Unable to match the identifier name {p} to a valid enumerator name. '
                                           f'Specify one of the following enumerator names and try again:\n{names}'
                                           ) from None
                result = member if result is None else result | member
            return result
        if isinstance(v, int) and not isinstance(v, bool):
            if not -2 ** 31 <= v < 2 ** 31:  # enums here are Int32-based
                raise C.cast_error(v, cls.__ps_typename__,  # type: ignore[attr-defined]
                                   "Value was either too large or too small for an Int32.")
            try:
                return cls(int(v))
            except ValueError:  # an enum that cannot hold values without a name
                raise C.cast_error(v, cls.__ps_typename__) from None  # type: ignore[attr-defined]
        raise C.cast_error(v, cls.__ps_typename__)  # type: ignore[attr-defined]
    return conv


def register_enum(cls: type, *aliases: str) -> PSType:
    """Register an IntEnum/IntFlag class as a .NET enum type."""
    t = PSType(cls.__ps_typename__, cls, converter=_enum_converter(cls), statics=cls,  # type: ignore[attr-defined]
               is_enum=True, is_value_type=True)
    return register(t, *aliases)


# ----------------------------------------------------------------------------- arrays and generics

_ARRAYS: dict[str, PSType] = {}


def array_of(elem: PSType) -> PSType:
    """The PSType of ``elem[]``."""
    key = elem.FullName
    t = _ARRAYS.get(key)
    if t is not None:
        return t
    obj = elem.FullName == "System.Object"

    def conv(v: Any, elem: PSType = elem) -> Any:
        from .objects import enumerate_values, is_enumerable
        items = list(enumerate_values(v)) if is_enumerable(v) else ([] if v is None and False else [v])
        if obj:
            return items if type(v) is not list else v
        return TypedArray([elem.convert(x) for x in items], elem)

    def check(v: Any, elem: PSType = elem) -> bool:
        if obj:
            return type(v) is list or (isinstance(v, TypedArray) and True)
        return isinstance(v, TypedArray) and v.element_type is not None and \
            v.element_type.FullName == elem.FullName

    t = PSType(elem.FullName + "[]", list, check=check, converter=conv, element=elem, base="System.Array",
               ctor=lambda n=0, elem=elem: TypedArray([None] * int(n), elem) if not obj else [None] * int(n))
    t.accelerator = (elem.accelerator + "[]") if elem.accelerator else None
    _ARRAYS[key] = t
    return t


def _short(t: PSType) -> str:
    return t.accelerator or t.FullName


def generic(name: str, args: list[PSType]) -> PSType | None:
    """A closed generic type: List[T], Dictionary[K,V], HashSet[T], Queue[T], Stack[T], Nullable[T]."""
    n = name.lower()
    if n.startswith("system."):
        n = n[7:]
    for prefix in ("collections.generic.", "generic."):
        if n.startswith(prefix):
            n = n[len(prefix):]
    full_args = ",".join(a.FullName for a in args)
    if n in ("list", "ilist", "icollection", "ienumerable"):
        e = args[0]
        conv_el = None if e.FullName == "System.Object" else e.convert

        def ctor(*a: Any, conv_el: Any = conv_el, e: PSType = e) -> Any:
            items: Any = ()
            if a and not isinstance(a[0], int):
                from .objects import enumerate_values
                items = list(enumerate_values(a[0]))
            return GenericList(items, conv_el, _short(e))

        def conv(v: Any, ctor: Any = ctor) -> Any:
            from .objects import enumerate_values
            if isinstance(v, GenericList):
                return v
            return ctor(list(enumerate_values(v)))

        return PSType(f"System.Collections.Generic.List`1[[{full_args}]]", GenericList, ctor=ctor, converter=conv,
                      generic_args=args, check=lambda v: isinstance(v, GenericList))
    if n in ("dictionary", "idictionary", "sorteddictionary"):
        k, v_t = args[0], args[1]
        kc = None if k.FullName == "System.Object" else k.convert
        vc = None if v_t.FullName == "System.Object" else v_t.convert
        case_insensitive_strings = False

        def dctor(*a: Any) -> Any:
            d = CaseSensitiveDictionary(None, kc, vc, (_short(k), _short(v_t)))
            if a and isinstance(a[0], Hashtable):
                for kk, vv in a[0].items():
                    d[kk] = vv
            return d
        _ = case_insensitive_strings
        return PSType(f"System.Collections.Generic.Dictionary`2[[{full_args}]]", CaseSensitiveDictionary,
                      ctor=dctor, generic_args=args, check=lambda v: isinstance(v, CaseSensitiveDictionary))
    if n in ("hashset", "sortedset"):
        e = args[0]
        conv_el = None if e.FullName == "System.Object" else e.convert

        def hctor(*a: Any, conv_el: Any = conv_el, e: PSType = e) -> Any:
            from .objects import enumerate_values
            items = list(enumerate_values(a[0])) if a and not isinstance(a[0], int) else []
            return HashSet(items, conv_el, _short(e))
        return PSType(f"System.Collections.Generic.HashSet`1[[{full_args}]]", HashSet, ctor=hctor,
                      generic_args=args)
    if n == "queue":
        return PSType(f"System.Collections.Generic.Queue`1[[{full_args}]]", Queue, ctor=lambda *a: Queue(),
                      generic_args=args)
    if n == "stack":
        return PSType(f"System.Collections.Generic.Stack`1[[{full_args}]]", Stack, ctor=lambda *a: Stack(),
                      generic_args=args)
    if n == "nullable":
        inner = args[0]
        return PSType(f"System.Nullable`1[[{full_args}]]", None, converter=lambda v: None if v is None else
                      inner.convert(v), check=lambda v: v is None or inner.is_instance(v), generic_args=args)
    return None


# ----------------------------------------------------------------------------- type_of

_TYPE_OF_CACHE: dict[type, PSType] = {}


def type_of(v: Any) -> PSType:
    t = type(v)
    if t is int:
        return resolve("System.Int32") if -2 ** 31 <= v < 2 ** 31 else resolve("System.Int64")  # type: ignore
    if t is list:
        return array_of(resolve("System.Object"))  # type: ignore[arg-type]
    if isinstance(v, TypedArray) and v.element_type is not None:
        return array_of(v.element_type)
    if isinstance(v, GenericList):
        return generic("List", [resolve(v.type_arg)])  # type: ignore[return-value,list-item]
    if v is None:
        raise C.runtime_error("You cannot call a method on a null-valued expression.", "InvokeMethodOnNull")
    cached = _TYPE_OF_CACHE.get(t)
    if cached is not None:
        return cached
    if isinstance(v, WrappedValue):  # a PSObject wrapper: the type of the value it wraps
        return type_of(v._ps_base)
    from .types import _BY_CLASS
    found = _BY_CLASS.get(t)
    if found is None:
        for klass in t.__mro__:
            if klass in _BY_CLASS:
                found = _BY_CLASS[klass]
                if klass is t or getattr(t, "__ps_typename__", None) == found.FullName:
                    break
                found = None
                break
    if found is None:
        full = getattr(t, "__ps_typename__", None)
        if full is None:
            if isinstance(v, tuple):
                found = array_of(resolve("System.Object"))  # type: ignore[arg-type]
            elif isinstance(v, range):
                found = array_of(resolve("System.Object"))  # type: ignore[arg-type]
            else:
                found = resolve("System.Object")  # type: ignore[assignment]
        else:
            existing = resolve(full, required=False)
            if existing is not None and (existing.pyclass is t or (existing.pyclass is None
                                                                   and existing.check is not None
                                                                   and existing.check(v))):
                found = existing
            elif isinstance(t, type) and issubclass(t, enum.Enum):
                found = register_enum(t)
            else:
                base = None
                for klass in t.__mro__[1:]:
                    bn = getattr(klass, "__ps_typename__", None)
                    if bn and bn != full:
                        base = bn
                        break
                found = register_class(t, base=base) if existing is None else PSType(full, t, statics=t, base=base)
    _TYPE_OF_CACHE[t] = found  # type: ignore[assignment]
    return found  # type: ignore[return-value]


# ----------------------------------------------------------------------------- registration

def _register_all() -> None:
    obj = register(PSType("System.Object", object, check=lambda v: v is not None, converter=lambda v: v,
                          ctor=lambda *a: PSCustomObject()), "object")
    _ = obj
    register(PSType("System.ValueType", None, check=lambda v: isinstance(v, (int, float, Decimal))))
    register(PSType("System.Array", list, check=lambda v: isinstance(v, (list, tuple)), converter=_array_conv),
             "array")
    register(PSType("System.String", str, check=lambda v: isinstance(v, str) and not isinstance(v, N.Char),
                    converter=_string_conv, statics=_lazy(".netlib.strings", "STRING_STATICS"),
                    ctor=lambda *a: "".join(a[0]) if a and isinstance(a[0], list) else (
                        str(a[0]) * int(a[1]) if len(a) == 2 else "")), "string")
    _int_type("System.Int32", int, "int", "int32")
    _int_type("System.Int64", N.Int64, "long", "int64")
    _int_type("System.Int16", N.Int16, "short", "int16")
    _int_type("System.Byte", N.Byte, "byte")
    _int_type("System.SByte", N.SByte, "sbyte")
    _int_type("System.UInt16", N.UInt16, "ushort", "uint16")
    _int_type("System.UInt32", N.UInt32, "uint", "uint32")
    _int_type("System.UInt64", N.UInt64, "ulong", "uint64")
    register(PSType("System.Numerics.BigInteger", int, check=lambda v: type(v) is int,
                    converter=lambda v: int(C.to_number(v)) if not isinstance(v, float) else round(v),
                    is_value_type=True), "bigint")
    register(PSType("System.Double", float, check=lambda v: type(v) is float,
                    converter=C.to_double, is_value_type=True,
                    statics={"MaxValue": 1.7976931348623157e308, "MinValue": -1.7976931348623157e308,
                             "Epsilon": 5e-324, "NaN": float("nan"), "PositiveInfinity": float("inf"),
                             "NegativeInfinity": float("-inf"), "Parse": lambda s, *a: C.to_double(s),
                             "IsNaN": lambda x: x != x, "IsInfinity": lambda x: x in (float("inf"), float("-inf"))}),
             "double")
    register(PSType("System.Single", N.Single, converter=lambda v: N.Single(C.to_double(v, "System.Single")),
                    is_value_type=True, statics={"MaxValue": N.Single(N.SINGLE_MAX),
                                                 "MinValue": N.Single(-N.SINGLE_MAX)}), "float", "single")
    register(PSType("System.Decimal", Decimal, converter=C.to_decimal, is_value_type=True,
                    statics={"MaxValue": N.DECIMAL_MAX, "MinValue": N.DECIMAL_MIN,
                             "Round": lambda d, n=0: round(C.to_decimal(d), int(n))}), "decimal")
    register(PSType("System.Boolean", bool, converter=_to_bool_strict, is_value_type=True,
                    statics={"TrueString": "True", "FalseString": "False",
                             "Parse": lambda s: _parse_bool(s)}), "bool", "boolean")
    register(PSType("System.Char", N.Char, converter=C.to_char, is_value_type=True,
                    statics={"IsDigit": lambda c, *i: str(c).isdigit(), "IsLetter": lambda c, *i: str(c).isalpha(),
                             "IsUpper": lambda c, *i: str(c).isupper(), "IsLower": lambda c, *i: str(c).islower(),
                             "IsWhiteSpace": lambda c, *i: str(c).isspace(),
                             "IsLetterOrDigit": lambda c, *i: str(c).isalnum(),
                             "ToUpper": lambda c: N.Char(str(c).upper()),
                             "ToLower": lambda c: N.Char(str(c).lower()),
                             "MinValue": N.Char("\x00"), "MaxValue": N.Char("\uffff")}), "char")
    register(PSType("System.DateTime", None, check=_isinst(_DT), converter=_datetime_conv, statics=_DT,
                    ctor=lambda *a: _DT()(*a), is_value_type=True), "datetime")
    register(PSType("System.TimeSpan", None, check=_isinst(_TS), converter=_timespan_conv, statics=_TS,
                    ctor=lambda *a: _TS()(*a), is_value_type=True), "timespan")
    register(PSType("System.Guid", None, check=_isinst(_lazy(".netlib.guid", "Guid")), converter=_guid_conv,
                    statics=_lazy(".netlib.guid", "Guid"), ctor=lambda *a: _guid_conv(a[0]) if a else
                    _lazy(".netlib.guid", "Guid")()("00000000-0000-0000-0000-000000000000"), is_value_type=True),
             "guid")
    register(PSType("System.Version", None, check=_isinst(_lazy(".netlib.version", "Version")),
                    converter=_version_conv, statics=_lazy(".netlib.version", "Version"),
                    ctor=lambda *a: _lazy(".netlib.version", "Version")()(*a)), "version")
    register(PSType("System.Management.Automation.SemanticVersion", None,
                    check=_isinst(_lazy(".netlib.version", "SemanticVersion")), converter=_semver_conv,
                    statics=_lazy(".netlib.version", "SemanticVersion"),
                    ctor=lambda *a: _lazy(".netlib.version", "SemanticVersion")()(*a)), "semver")
    register(PSType("System.Math", None, statics=_lazy(".netlib.mathfns", "Math")), "math")
    register(PSType("System.Collections.Hashtable", Hashtable, converter=C.to_hashtable,
                    ctor=lambda *a: Hashtable()), "hashtable")
    register(PSType("System.Collections.Specialized.OrderedDictionary", OrderedDictionary,
                    ctor=lambda *a: OrderedDictionary(),
                    converter=lambda v: v if isinstance(v, OrderedDictionary) else OrderedDictionary(
                        C.to_hashtable(v).items())), "ordered")
    register(PSType("System.Collections.ArrayList", ArrayList, ctor=lambda *a: ArrayList(
        _array_conv(a[0]) if a and not isinstance(a[0], int) else ()),
        converter=lambda v: v if isinstance(v, ArrayList) else ArrayList(_array_conv(v))))
    register(PSType("System.Management.Automation.PSCustomObject", PSCustomObject, converter=C.to_custom_object,
                    check=lambda v: type(v) is PSCustomObject), "pscustomobject")
    register(PSType("System.Management.Automation.PSObject", object, check=lambda v: v is not None,
                    converter=lambda v: v, ctor=lambda *a: PSCustomObject() if not a else a[0]), "psobject")
    register(PSType("System.Management.Automation.ScriptBlock", None,
                    check=_isinst(_lazy(".scriptblock", "ScriptBlock")), converter=_scriptblock_conv,
                    statics={"Create": lambda text: _lazy(".scriptblock", "ScriptBlock")().create(text)}),
             "scriptblock")
    register(PSType("System.Management.Automation.SwitchParameter", None,
                    check=_isinst(_lazy(".valuetypes", "SwitchParameter")), converter=_switch_conv,
                    statics={"Present": StaticProperty(lambda: _lazy(".valuetypes", "SwitchParameter")()(True))},
                    is_value_type=True), "switch")
    register(PSType("System.Text.RegularExpressions.Regex", None, check=_isinst(_lazy(".regexobj", "Regex")),
                    converter=_regex_conv, statics=_lazy(".regexobj", "Regex"),
                    ctor=lambda *a: _lazy(".regexobj", "Regex")()(*a)), "regex")
    register(PSType("System.Type", None, check=lambda v: isinstance(v, PSType), converter=_type_conv), "type")
    register(PSType("System.Void", None, converter=_void_conv), "void")
    register(PSType("System.Management.Automation.PSCredential", None,
                    check=_isinst(_lazy(".valuetypes", "PSCredential")),
                    ctor=lambda *a: _lazy(".valuetypes", "PSCredential")()(*a),
                    statics={"Empty": StaticProperty(lambda: _lazy(".valuetypes", "PSCredential")().Empty())}),
             "pscredential")
    register(PSType("System.Security.SecureString", None, check=_isinst(_lazy(".valuetypes", "SecureString")),
                    ctor=lambda *a: _lazy(".valuetypes", "SecureString")()()), "securestring")
    register(PSType("System.Net.NetworkCredential", None, check=_isinst(_lazy(".valuetypes", "NetworkCredential")),
                    ctor=lambda *a: _lazy(".valuetypes", "NetworkCredential")()(*a)))
    register(PSType("System.Globalization.CultureInfo", None, check=_isinst(_lazy(".valuetypes", "CultureInfo")),
                    ctor=lambda *a: _lazy(".valuetypes", "CultureInfo")()(*a),
                    converter=lambda v: v if type(v).__name__ == "CultureInfo" else
                    _lazy(".valuetypes", "CultureInfo")()(C.to_string(v)),
                    statics=_lazy(".valuetypes", "CultureInfo")), "cultureinfo")
    register(PSType("System.Text.StringBuilder", None, check=_isinst(_lazy(".valuetypes", "StringBuilder")),
                    ctor=lambda *a: _lazy(".valuetypes", "StringBuilder")()(*a)))
    register(PSType("System.Management.Automation.PSReference", None,
                    check=_isinst(_lazy(".valuetypes", "PSReference")),
                    converter=lambda v: v if type(v).__name__ == "PSReference" else _lazy(".valuetypes",
                                                                                           "PSReference")()(v),
                    ctor=lambda *a: _lazy(".valuetypes", "PSReference")()(*a)), "ref")
    register(PSType("System.Enum", None, check=lambda v: isinstance(v, enum.Enum), statics=_enum_statics))
    from .errors import ErrorCategoryInfo, ErrorDetails, ErrorRecord, InvocationInfo
    register_class(ErrorRecord, ctor=lambda exc, eid="", cat=0, target=None: ErrorRecord(exc, C.to_string(eid), cat,
                                                                                            target))
    register_class(ErrorDetails, ctor=lambda msg="": ErrorDetails(C.to_string(msg)))
    register_class(ErrorCategoryInfo)
    register_class(InvocationInfo)
    from .errors import ErrorCategory
    register_enum(ErrorCategory)
    _register_interfaces()
    for modname in (".dotnetstatics",):
        import importlib
        importlib.import_module(modname, __package__).register_statics()


def _register_interfaces() -> None:
    """The non-generic collection interfaces, for ``-is`` tests and casts that keep the value."""
    from .pscollections import KeyCollection

    def is_list(v: Any) -> bool:  # arrays, ArrayList, List[T]; not HashSet, Queue, Stack or key collections
        return isinstance(v, tuple) or (isinstance(v, list) and not isinstance(v, (HashSet, Queue, Stack,
                                                                                    KeyCollection)))

    def is_collection(v: Any) -> bool:  # HashSet[T] has only the generic ICollection[T]
        return isinstance(v, (list, tuple, Hashtable)) and not isinstance(v, HashSet)

    def is_enumerable_value(v: Any) -> bool:
        from .objects import is_enumerable
        return isinstance(v, (str, Hashtable)) and not isinstance(v, N.Char) or is_enumerable(v)

    for name, check in (("System.Collections.IDictionary", lambda v: isinstance(v, Hashtable)),
                        ("System.Collections.IList", is_list), ("System.Collections.ICollection", is_collection),
                        ("System.Collections.IEnumerable", is_enumerable_value)):
        register(PSType(name, None, check=check, base="System.Object"))


def _enum_members(t: Any) -> list:
    cls = t.pyclass if isinstance(t, PSType) else t
    members = list(getattr(cls, "__members__", {}).values())
    seen, out = set(), []
    for m in members:
        if m.value not in seen or True:
            if m not in out:
                out.append(m)
        seen.add(m.value)
    return out


def _enum_statics() -> dict:
    def as_type(t: Any) -> Any:
        if isinstance(t, PSType):
            return t
        return resolve(C.to_string(t))

    return {
        "GetNames": lambda t: [m.name for m in _enum_members(as_type(t))],
        "GetValues": lambda t: _enum_members(as_type(t)),
        "Parse": lambda t, v, *ic: as_type(t).convert(v),
        "TryParse": lambda t, v, *rest: True,
        "IsDefined": lambda t, v: any((m.name == v if isinstance(v, str) else int(m.value) == int(v))
                                      for m in _enum_members(as_type(t))),
        "ToObject": lambda t, v: as_type(t).pyclass(int(v)),
        "GetName": lambda t, v: next((m.name for m in _enum_members(as_type(t)) if int(m.value) == int(v)), None),
        "GetUnderlyingType": lambda t: resolve("int"),
    }


def _parse_bool(s: Any) -> bool:
    t = C.to_string(s).strip().lower()
    if t == "true":
        return True
    if t == "false":
        return False
    from .netlib.exceptions import FormatException
    raise FormatException(f"String '{s}' was not recognized as a valid Boolean.")


def _exception_factory(key: str) -> PSType | None:
    from .netlib.exceptions import BY_NAME
    cls = BY_NAME.get(key) or BY_NAME.get(key.rsplit(".", 1)[-1])
    if cls is None:
        return None
    return register_class(cls, ctor=lambda *a, cls=cls: cls(*[C.to_string(x) if i == 0 else x
                                                                for i, x in enumerate(a)]))


def _enum_factory(key: str) -> PSType | None:
    from .enums import ENUMS
    cls = ENUMS.get(key) or ENUMS.get(key.rsplit(".", 1)[-1])
    if cls is None:
        return None
    return register_enum(cls)


_register_all()
register_factory(_exception_factory)
register_factory(_enum_factory)
_ = os
