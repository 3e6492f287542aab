"""Type literals: resolving ``[int]``, ``[System.Collections.Generic.List[string]]``,
``[Microsoft.Online.Administration.StrongAuthenticationRequirement]`` to a PSType that
knows how to test (-is), convert (casts), construct (::new / New-Object) and expose
static members (``[math]::Round``).

Types are registered by full name with their accelerators; other packages (the
simulated Microsoft modules) add theirs with ``register_class``.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from .errors import runtime_error
from .instmembers import WrappedValue
from .netlib import numbers as N

_INT_CLASSES = (N.Int64, N.Byte, N.SByte, N.Int16, N.UInt16, N.UInt32, N.UInt64)


class PSType:
    """A .NET type as a PowerShell value (what ``[int]`` and ``.GetType()`` return)."""

    __ps_typename__ = "System.RuntimeType"
    __slots__ = ("FullName", "accelerator", "pyclass", "check", "converter", "ctor", "_statics_src",
                 "_statics", "element", "generic_args", "base", "is_enum", "is_value_type", "__weakref__")

    def __init__(self, full_name: str, pyclass: type | tuple | None = None, *,
                 accelerator: str | None = None, check: Callable[[Any], bool] | None = None,
                 converter: Callable[[Any], Any] | None = None, ctor: Callable[..., Any] | None = None,
                 statics: Any = None, element: "PSType | None" = None, generic_args: list["PSType"] | None = None,
                 base: str | None = None, is_enum: bool = False, is_value_type: bool = False) -> None:
        self.FullName = full_name
        self.accelerator = accelerator
        self.pyclass = pyclass
        self.check = check
        self.converter = converter
        self.ctor = ctor
        self._statics_src = statics
        self._statics: dict[str, Any] | None = None
        self.element = element
        self.generic_args = generic_args or []
        self.base = base
        self.is_enum = is_enum
        self.is_value_type = is_value_type

    # ---- .NET-visible members
    @property
    def Name(self) -> str:
        n = self.FullName
        if self.generic_args:
            base = n.split("[", 1)[0].rsplit(".", 1)[-1]
            return f"{base}`{len(self.generic_args)}"
        return n.rsplit(".", 1)[-1] if "[" not in n.split(".")[-1] or n.endswith("[]") else n.rsplit(".", 1)[-1]

    @property
    def Namespace(self) -> str:
        return self.FullName.rsplit(".", 1)[0] if "." in self.FullName else ""

    @property
    def IsArray(self) -> bool:
        return self.element is not None

    @property
    def IsEnum(self) -> bool:
        return self.is_enum

    @property
    def IsValueType(self) -> bool:
        return self.is_value_type

    @property
    def BaseType(self) -> "PSType | None":
        if self.base:
            return resolve(self.base)
        if self.FullName == "System.Object":
            return None
        return resolve("System.ValueType" if self.is_value_type else "System.Object")

    def GetElementType(self) -> "PSType | None":
        return self.element

    def GetGenericArguments(self) -> list["PSType"]:
        return list(self.generic_args)

    def GetEnumNames(self) -> list[str]:
        if self.is_enum and self.pyclass:
            return [m.name for m in self.pyclass]  # type: ignore[union-attr]
        return []

    def GetEnumValues(self) -> list[Any]:
        if self.is_enum and self.pyclass:
            return list(self.pyclass)  # type: ignore[arg-type]
        return []

    def ToString(self) -> str:
        return self.FullName

    def Equals(self, other: Any) -> bool:
        return isinstance(other, PSType) and other.FullName == self.FullName

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, PSType) and other.FullName == self.FullName

    def __hash__(self) -> int:
        return hash(self.FullName)

    def __repr__(self) -> str:
        return f"[{self.FullName}]"

    # ---- engine API
    @property
    def display_name(self) -> str:
        """How pwsh writes the type without namespaces (ToStringCodeMethods.Type with dropNamespaces):
        its built-in accelerator (int, string, datetime...), else its name; arrays and generics
        spelled from their parts (Object[], List[string])."""
        if self.element is not None:
            return self.element.display_name + "[]"
        if self.generic_args:
            base = self.FullName.split("`", 1)[0].rsplit(".", 1)[-1]
            return f"{base}[{','.join(a.display_name for a in self.generic_args)}]"
        return BUILTIN_ACCELERATORS.get(self.FullName) or self.FullName.rsplit(".", 1)[-1]

    def type_name_chain(self) -> list[str]:
        chain = [self.FullName]
        b = self.BaseType
        seen = 0
        while b is not None and seen < 8:
            chain.append(b.FullName)
            b = b.BaseType
            seen += 1
        return chain

    def is_instance(self, v: Any) -> bool:
        if isinstance(v, WrappedValue):
            v = v._ps_base
        if self.check is not None:
            return self.check(v)
        if self.pyclass is None:
            return False
        return isinstance(v, self.pyclass)

    def convert(self, v: Any) -> Any:
        from .conversion import convert_to
        return convert_to(v, self)

    def statics(self) -> dict[str, Any]:
        if self._statics is None:
            d: dict[str, Any] = {}
            src = self._statics_src
            if callable(src) and not isinstance(src, type):
                src = src()
            if isinstance(src, dict):
                for k, v in src.items():
                    d[k.lower()] = v
            elif isinstance(src, type):
                meta = type(src)
                for klass in reversed(meta.__mro__):
                    if klass is type:
                        continue
                    for k, v in vars(klass).items():
                        if k[:1].isupper() and isinstance(v, property):
                            d[k.lower()] = StaticProperty(lambda k=k, src=src: getattr(src, k))
                for klass in reversed(src.__mro__):
                    for k, v in vars(klass).items():
                        if k[:1].isupper() and not k.startswith("_"):
                            if isinstance(v, (staticmethod, classmethod)):
                                d[k.lower()] = getattr(src, k)
                            elif not callable(v) and not isinstance(v, property):
                                d[k.lower()] = v
            if self.is_enum and self.pyclass is not None:
                for m in self.pyclass:  # type: ignore[union-attr]
                    d[m.name.lower()] = m
            self._statics = d
        return self._statics

    def get_static(self, name: str) -> Any:
        from .objects import MISSING
        low = name.lower()
        s = self.statics()
        if low in s:
            v = s[low]
            return v() if isinstance(v, StaticProperty) else v
        if low == "name":
            return self.Name
        if low == "fullname":
            return self.FullName
        return MISSING

    def new(self, args: list) -> Any:
        if self.ctor is None:
            raise runtime_error(f"A constructor was not found. Cannot find an appropriate constructor for type "
                                f"{self.FullName}.", "CannotFindAppropriateCtor", "ObjectNotFound")
        return self.ctor(*args)


#: pwsh's built-in type accelerators, the first one of each type (TypeAccelerators.FindBuiltinAccelerator);
#: System.Object has none
BUILTIN_ACCELERATORS: dict[str, str] = {
    "System.Array": "array", "System.Boolean": "bool", "System.Byte": "byte", "System.Char": "char",
    "System.DateTime": "datetime", "System.Decimal": "decimal", "System.Double": "double", "System.Single": "float",
    "System.Guid": "guid", "System.Collections.Hashtable": "hashtable", "System.Int32": "int",
    "System.Int16": "short", "System.Int64": "long", "System.Collections.Specialized.OrderedDictionary": "ordered",
    "System.Management.Automation.PSCredential": "pscredential", "System.Management.Automation.PSObject": "psobject",
    "System.Management.Automation.PSReference": "ref", "System.Text.RegularExpressions.Regex": "regex",
    "System.SByte": "sbyte", "System.String": "string", "System.Management.Automation.SwitchParameter": "switch",
    "System.Globalization.CultureInfo": "cultureinfo", "System.Numerics.BigInteger": "bigint",
    "System.Security.SecureString": "securestring", "System.TimeSpan": "timespan", "System.UInt16": "ushort",
    "System.UInt32": "uint", "System.UInt64": "ulong", "System.Uri": "uri", "System.Version": "version",
    "System.Void": "void", "System.Net.IPAddress": "ipaddress", "System.Xml.XmlDocument": "xml",
    "System.Net.Mail.MailAddress": "mailaddress", "System.Management.Automation.SemanticVersion": "semver",
    "System.Management.Automation.ScriptBlock": "scriptblock", "System.Management.Automation.PSVariable": "psvariable",
    "System.Type": "type", "System.Management.Automation.PSModuleInfo": "psmoduleinfo",
    "System.Management.Automation.PSScriptMethod": "psscriptmethod",
    "System.Management.Automation.PSScriptProperty": "psscriptproperty",
    "System.Management.Automation.PSNoteProperty": "psnoteproperty",
    "System.Management.Automation.PSAliasProperty": "psaliasproperty",
}


def display_type_name(v: Any) -> str:
    """pwsh's PSMemberInfo.GetDisplayTypeNameOfValue: ``object`` for null, the first type name of
    a PSObject (a PSCustomObject, a wrapped value), else the type's accelerator or short name."""
    if v is None:
        return "object"
    from .objects import PSCustomObject, type_names
    if type(v) is PSCustomObject or isinstance(v, WrappedValue):
        names = type_names(v)
        if names:
            return names[0]
    return type_of(v).display_name


class StaticProperty:
    """A static member computed on each read (e.g. [datetime]::Now)."""

    __slots__ = ("fn",)

    def __init__(self, fn: Callable[[], Any]) -> None:
        self.fn = fn

    def __call__(self) -> Any:
        return self.fn()


_REGISTRY: dict[str, PSType] = {}
_ACCEL: dict[str, str] = {}
_BY_CLASS: dict[type, PSType] = {}
_FACTORIES: list[Callable[[str], PSType | None]] = []
_NAMESPACES: list[str] = []


def add_namespace(ns: str) -> None:
    """``using namespace X``: short type names are also looked up as X.<name>."""
    ns = ns.strip().lower()
    if ns and ns not in _NAMESPACES:
        _NAMESPACES.append(ns)


def register(t: PSType, *aliases: str) -> PSType:
    """Make a type resolvable by its full name, its short name and the given accelerators."""
    _REGISTRY[t.FullName.lower()] = t
    short = t.FullName.rsplit(".", 1)[-1].lower()
    _ACCEL.setdefault(short, t.FullName.lower())
    for a in aliases:
        _ACCEL[a.lower()] = t.FullName.lower()
    if isinstance(t.pyclass, type) and t.element is None and not t.generic_args:
        _BY_CLASS.setdefault(t.pyclass, t)
    return t


def register_class(cls: type, *aliases: str, ctor: Callable[..., Any] | None = None,
                   converter: Callable[[Any], Any] | None = None, base: str | None = None) -> PSType:
    """Register a Python class standing for a .NET type (named by its ``__ps_typename__``)."""
    full = cls.__ps_typename__  # type: ignore[attr-defined]
    import enum
    is_enum = isinstance(cls, type) and issubclass(cls, enum.Enum)
    t = PSType(full, cls, ctor=ctor if ctor is not None else (None if is_enum else cls), converter=converter,
               statics=cls, base=base, is_enum=is_enum, is_value_type=is_enum)
    return register(t, *aliases)


def register_factory(fn: Callable[[str], PSType | None]) -> None:
    """Add a resolver consulted for names not in the registry (generic types, exceptions...)."""
    _FACTORIES.append(fn)


def resolve(name: Any, required: bool = True) -> PSType | None:
    """The PSType for a type name (string or ast.TypeName). Raises 'Unable to find type' when required."""
    from . import typelib  # noqa: F401  (registers the built-in types on first use)
    if not isinstance(name, str):
        return _resolve_ast(name, required)
    key = name.strip().lower()
    t = _REGISTRY.get(key) or _REGISTRY.get(_ACCEL.get(key, ""))
    if t is None and key.startswith("system."):
        t = _REGISTRY.get(key[7:]) or _REGISTRY.get(_ACCEL.get(key[7:], ""))
    if t is None and not key.startswith("system."):
        t = _REGISTRY.get("system." + key)
    if t is None:
        from ..language.typenames import parse_type_name
        if key.endswith("]"):
            return _resolve_ast(parse_type_name(name), required)
        for f in _FACTORIES:
            t = f(key)
            if t is not None:
                break
    if t is None and _NAMESPACES and "." not in key.split("[")[0]:
        for ns in _NAMESPACES:
            t = resolve(f"{ns}.{name}", required=False)
            if t is not None:
                break
    if t is None and required:
        raise runtime_error(f"Unable to find type [{name}].", "TypeNotFound", "InvalidOperation", name)
    return t


def _resolve_ast(tn: Any, required: bool) -> PSType | None:
    from . import typelib
    base = resolve(tn.name, required=False) if not tn.generic_args else None
    if base is None and not tn.generic_args and _NAMESPACES:
        for ns in _NAMESPACES:
            base = resolve(f"{ns}.{tn.name}", required=False)
            if base is not None:
                break
    if tn.generic_args:
        args = [_resolve_ast(a, True) for a in tn.generic_args]
        base = typelib.generic(tn.name, args)  # type: ignore[arg-type]
        for ns in _NAMESPACES:
            if base is not None:
                break
            base = typelib.generic(f"{ns}.{tn.name}", args)  # type: ignore[arg-type]
        if base is None and required:
            raise runtime_error(f"Unable to find type [{tn}].", "TypeNotFound", "InvalidOperation", str(tn))
    elif base is None:
        if required:
            raise runtime_error(f"Unable to find type [{tn.name}].", "TypeNotFound", "InvalidOperation", tn.name)
        return None
    for _ in range(tn.array_rank):
        base = typelib.array_of(base)  # type: ignore[arg-type]
    return base


def type_of(v: Any) -> PSType:
    """The PSType of a value, as ``.GetType()`` reports it."""
    from . import typelib
    return typelib.type_of(v)


def is_int_value(v: Any) -> bool:
    """A .NET integer value (not bool)."""
    t = type(v)
    return t is int or (t is not bool and isinstance(v, int))


def is_number(v: Any) -> bool:
    t = type(v)
    return t is int or t is float or (t is not bool and isinstance(v, (int, float, Decimal)))
