"""PowerShell's object model over Python values: PSCustomObject, instance members, member
lookup (case-insensitive, with member enumeration over collections), and the property
lists the formatter and Select-Object read. The .PSObject view is in ``psobjectview``.

Any Python class can stand for a .NET type: name it in ``__ps_typename__`` and spell its
.NET members as PascalCase attributes (see ``netlib/__init__``). ``__ps_properties__``
fixes the property order shown by Format-List *; ``__ps_default_display__`` names the
default display property set; ``__ps_typenames__`` gives the full type-name chain;
``__ps_statics__`` names class-level values that are .NET static members (MaxValue), which
are never instance properties (class-level values of the class's own type, as Guid.Empty,
are static without being named).
"""
from __future__ import annotations

import types as _pytypes
from typing import Any, Callable, Iterator

from .instmembers import MEMBER_TYPES, WrappedValue, instance_members, member_store
from .pscollections import AutomationNull, Hashtable

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING", "__bool__": lambda self: False})()


# ----------------------------------------------------------------------------- members

class PSMember:
    """Base of instance members (note/script/alias properties and methods)."""

    __slots__ = ("Name",)
    MemberType = "Member"
    is_property = True

    @property
    def TypeNameOfValue(self) -> str:
        return "System.Object"


class PSNoteProperty(PSMember):
    """A NoteProperty: a name and a value."""

    __slots__ = ("Value",)
    MemberType = "NoteProperty"
    __ps_typename__ = "System.Management.Automation.PSNoteProperty"
    __ps_properties__ = ("Value", "MemberType", "IsSettable", "IsGettable", "TypeNameOfValue", "Name",
                         "IsInstance")

    def __init__(self, name: str, value: Any = None) -> None:
        self.Name = name
        self.Value = value

    def get(self, obj: Any) -> Any:
        return self.Value

    def set(self, obj: Any, value: Any) -> None:
        self.Value = value

    IsSettable = True
    IsGettable = True
    IsInstance = True

    @property
    def TypeNameOfValue(self) -> str:
        from .types import type_of
        return "System.Object" if self.Value is None else type_of(self.Value).FullName

    def ToString(self) -> str:
        """``int N=1``, ``object Z=null``: the value's display type name and its .NET ToString()."""
        from .conversion import dotnet_string
        from .types import display_type_name
        v = self.Value
        return f"{display_type_name(v)} {self.Name}={'null' if v is None else dotnet_string(v)}"


class PSScriptProperty(PSMember):
    """A ScriptProperty: getter (and optional setter) script blocks run with $this."""

    __slots__ = ("getter", "setter")
    MemberType = "ScriptProperty"
    __ps_typename__ = "System.Management.Automation.PSScriptProperty"

    def __init__(self, name: str, getter: Any, setter: Any = None) -> None:
        self.Name = name
        self.getter = getter
        self.setter = setter

    def get(self, obj: Any) -> Any:
        return self.getter.invoke_with_this(obj, [], as_value=True) if self.getter is not None else None

    def set(self, obj: Any, value: Any) -> None:
        if self.setter is None:
            from .errors import runtime_error
            raise runtime_error(f"Set accessor for property \"{self.Name}\" is unavailable.",
                                "SetWithoutSetterFromScriptProperty")
        self.setter.invoke_with_this(obj, [value])

    @property
    def Value(self) -> Any:  # for enumeration of .PSObject.Properties
        return None

    IsSettable = property(lambda self: self.setter is not None)
    IsGettable = True


class PSAliasProperty(PSMember):
    """An AliasProperty: another name for an existing property."""

    __slots__ = ("target",)
    MemberType = "AliasProperty"

    def __init__(self, name: str, target: str) -> None:
        self.Name = name
        self.target = target

    def get(self, obj: Any) -> Any:
        v = get_member(obj, self.target)
        return None if v is MISSING else v

    def set(self, obj: Any, value: Any) -> None:
        set_member(obj, self.target, value)


class PSScriptMethod(PSMember):
    """A ScriptMethod: a script block called with $this and the arguments."""

    __slots__ = ("script",)
    MemberType = "ScriptMethod"
    is_property = False

    def __init__(self, name: str, script: Any) -> None:
        self.Name = name
        self.script = script

    def call(self, obj: Any, args: list) -> Any:
        return self.script.invoke_with_this(obj, args, as_value=True)


class PSCodeMethod(PSMember):
    """A method implemented in Python: ``fn(this, *args)``."""

    __slots__ = ("fn",)
    MemberType = "CodeMethod"
    is_property = False

    def __init__(self, name: str, fn: Callable[..., Any]) -> None:
        self.Name = name
        self.fn = fn

    def call(self, obj: Any, args: list) -> Any:
        return self.fn(obj, *args)


# ----------------------------------------------------------------------------- PSCustomObject

class PSObjectBase:
    """Base for Python classes standing for .NET objects that may also carry instance members."""

    __slots__ = ("_ps_extra",)

    def ps_extra(self, create: bool = False) -> dict[str, PSMember] | None:
        try:
            return self._ps_extra
        except AttributeError:
            if not create:
                return None
            self._ps_extra = {}
            MEMBER_TYPES.add(type(self))
            return self._ps_extra


class PSCustomObject:
    """System.Management.Automation.PSCustomObject: an ordered bag of members."""

    __ps_typename__ = "System.Management.Automation.PSCustomObject"
    __slots__ = ("_members", "_typenames", "__weakref__")

    def __init__(self, items: Any = None, typenames: list[str] | None = None) -> None:
        self._members: dict[str, PSMember] = {}
        self._typenames = typenames
        if items:
            src = items.items() if hasattr(items, "items") else items
            for k, v in src:
                self.add_note(str(k), v)

    def add_note(self, name: str, value: Any) -> None:
        self._members[name.lower()] = PSNoteProperty(name, value)

    def add_member(self, member: PSMember, force: bool = False) -> bool:
        key = member.Name.lower()
        if key in self._members and not force:
            return False
        self._members[key] = member
        return True

    def property_names(self) -> list[str]:
        return [m.Name for m in self._members.values() if m.is_property]

    def typenames(self) -> list[str]:
        base = ["System.Management.Automation.PSCustomObject", "System.Object"]
        return (self._typenames + base) if self._typenames else base

    def __repr__(self) -> str:
        return f"PSCustomObject({', '.join(self.property_names())})"


def new_custom_object(pairs: Any, typename: str | None = None) -> PSCustomObject:
    """A PSCustomObject from (name, value) pairs or a mapping, optionally with a type name."""
    return PSCustomObject(pairs, [typename] if typename else None)


# ----------------------------------------------------------------------------- enumeration

_ENUM_TYPES: tuple = (list, tuple, range, _pytypes.GeneratorType, set, frozenset, dict_keys := type({}.keys()),
                      type({}.values()))
_SCALAR_TYPES = frozenset((str, int, float, bool, type(None)))


def is_enumerable(v: Any) -> bool:
    """True for values the pipeline unrolls (arrays, lists, ranges, generators) — not strings or dicts."""
    t = type(v)
    if t is list:
        return True
    if t in _SCALAR_TYPES:
        return False
    return isinstance(v, _ENUM_TYPES) or hasattr(v, "ps_enumerate")


def enumerate_values(v: Any) -> Iterator[Any]:
    """Iterate a value as the pipeline does: collections item by item, a scalar once, $null once."""
    if type(v) is list:
        return iter(v)
    if is_enumerable(v):
        e = getattr(v, "ps_enumerate", None)
        return iter(e() if e else v)
    return iter((v,))


def unroll_into(v: Any, out: Callable[[Any], None]) -> None:
    """Send a statement's value down a pipeline: collections unrolled, AutomationNull dropped."""
    if type(v) is list:
        for x in v:
            out(x)
    elif v is AutomationNull:
        return
    elif is_enumerable(v):
        for x in enumerate_values(v):
            out(x)
    else:
        out(v)


# ----------------------------------------------------------------------------- class adapters

class ClassAdapter:
    """Case-insensitive view of a Python class's .NET members (PascalCase attributes).

    A plain class-level value is an instance property (a default the instances may override)
    unless it is static in .NET: named in a ``__ps_statics__`` of the class or a base
    (MaxValue, TicksPerDay...), or a value of the class itself (Guid.Empty, enum members).
    Static members are never instance properties."""

    __slots__ = ("cls", "props", "methods", "statics", "prop_order")

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.props: dict[str, str] = {}
        self.methods: dict[str, str] = {}
        self.statics: set[str] = set()
        declared_static = {n.lower() for k in cls.__mro__ for n in vars(k).get("__ps_statics__", ())}
        any_case = {n for k in cls.__mro__ for n in vars(k).get("__ps_members__", ())}  # PowerShell classes
        order: list[str] = []
        seen: set[str] = set()
        for klass in reversed(cls.__mro__):
            for name, attr in vars(klass).items():
                if (not name[:1].isupper() or name.startswith("_")) and name not in any_case:
                    continue
                low = name.lower()
                if not isinstance(attr, property) and not callable(attr) and (
                        low in declared_static or isinstance(attr, klass)):
                    self.statics.add(low)
                    self.props.pop(low, None)
                    continue
                if isinstance(attr, property) or (not callable(attr) and not isinstance(attr, (staticmethod,
                                                                                                  classmethod))):
                    self.props[low] = name
                    self.methods.pop(low, None)
                    if low not in seen:
                        seen.add(low)
                        order.append(name)
                elif isinstance(attr, (staticmethod, classmethod)) or callable(attr):
                    self.methods[low] = name
                    self.props.pop(low, None)
        # member slots declared in __slots__ with PascalCase names are properties too
        for klass in cls.__mro__:
            for name in getattr(klass, "__slots__", ()):
                if name[:1].isupper():
                    low = name.lower()
                    self.props.setdefault(low, name)
                    if low not in seen:
                        seen.add(low)
                        order.append(name)
        explicit = getattr(cls, "__ps_properties__", None)
        if explicit is None:
            declared: list[str] = []
            import dataclasses
            if dataclasses.is_dataclass(cls):
                declared = [f.name for f in dataclasses.fields(cls) if f.name[:1].isupper()]
            else:
                for klass in reversed(cls.__mro__):
                    declared += [n for n in getattr(klass, "__slots__", ()) if n[:1].isupper()]
            if declared:
                rest = [n for n in order if n not in declared]
                order = declared + rest
        self.prop_order = list(explicit) if explicit is not None else [n for n in order if n.lower() in self.props]


_ADAPTERS: dict[type, ClassAdapter] = {}


def adapter_for(cls: type) -> ClassAdapter:
    a = _ADAPTERS.get(cls)
    if a is None:
        a = _ADAPTERS[cls] = ClassAdapter(cls)
    return a


# ----------------------------------------------------------------------------- lookup

LIST_PROPS = {"count": len, "length": len, "longlength": len,
              "rank": lambda v: 1, "isfixedsize": lambda v: type(v) is list,
              "isreadonly": lambda v: False, "issynchronized": lambda v: False,
              "syncroot": lambda v: v}


def get_member(obj: Any, name: str) -> Any:
    """Value of property ``name`` of ``obj`` (MISSING when it has none)."""
    low = name.lower()
    t = type(obj)
    if t is PSCustomObject:
        m = obj._members.get(low)
        if m is not None:
            return m.Value if type(m) is PSNoteProperty else (m.get(obj) if m.is_property else MISSING)
        return _intrinsic(obj, low)
    if obj is None:
        return 0 if low in ("count", "length") else MISSING
    if t is str:
        if low == "length":
            return len(obj)
        return _intrinsic(obj, low)
    if isinstance(obj, Hashtable):
        if t in MEMBER_TYPES:  # pwsh: an instance member first, then a key, then the adapted members
            extra = instance_members(obj)
            m = extra.get(low) if extra else None
            if m is not None and m.is_property:
                return m.get(obj)
        if obj.has(name):
            return obj.get(name)
        if t is not Hashtable and hasattr(obj, "ps_get_member"):
            v = obj.ps_get_member(low)
            if v is not MISSING:
                return v
        a = adapter_for(t)
        attr = a.props.get(low)
        if attr is not None:
            return getattr(obj, attr)
        return _intrinsic(obj, low)
    if isinstance(obj, (list, tuple, range)):
        attr = adapter_for(t).props.get(low) if t is not list else None
        if attr is not None:
            return getattr(obj, attr)
        f = LIST_PROPS.get(low)
        if f is not None:
            return f(obj)
        return _enumerate_member(obj, name)
    if t in MEMBER_TYPES:
        extra = instance_members(obj)
        m = extra.get(low) if extra else None
        if m is not None and m.is_property:
            return m.get(obj)
        if isinstance(obj, WrappedValue):
            return _intrinsic(obj, low) if low == "psobject" else get_member(obj._ps_base, name)
    custom = getattr(obj, "ps_get_member", None)
    if custom is not None:
        v = custom(low)
        if v is not MISSING:
            return v
    attr = adapter_for(t).props.get(low)
    if attr is not None:
        return getattr(obj, attr)
    d = getattr(obj, "__dict__", None)
    if d:
        for k, v in d.items():
            if k[:1].isupper() and k.lower() == low:
                return v
    if is_enumerable(obj):
        return _enumerate_member(list(enumerate_values(obj)), name)
    return _intrinsic(obj, low)


def _enumerate_member(items: Any, name: str) -> Any:
    results: list = []
    for item in items:
        v = get_member(item, name)
        if v is MISSING:
            continue
        if is_enumerable(v):
            results.extend(enumerate_values(v))
        else:
            results.append(v)
    if not results:
        return MISSING if not items else None
    return results[0] if len(results) == 1 else results


def _intrinsic(obj: Any, low: str) -> Any:
    if low == "psobject":
        from .psobjectview import PSObjectView
        return PSObjectView(obj)
    if low == "count" or low == "length":
        return 0 if obj is None else 1
    if low == "pstypenames":
        return type_names(obj)
    if low == "psbase":
        return obj
    return MISSING


def get_value(obj: Any, name: str) -> Any:
    """Like get_member, with $null for a missing member (non-strict mode)."""
    v = get_member(obj, name)
    return None if v is MISSING else v


def set_member(obj: Any, name: str, value: Any) -> None:
    """Assign property ``name``; raises the PowerShell error when the object has no such settable property."""
    from .errors import runtime_error
    low = name.lower()
    t = type(obj)
    if t is PSCustomObject:
        m = obj._members.get(low)
        if m is not None and m.is_property:
            m.set(obj, value)
            return
    elif t in MEMBER_TYPES and _set_instance_member(obj, low, value):
        return
    elif isinstance(obj, Hashtable):
        obj[name] = value
        return
    elif obj is not None:
        if isinstance(obj, WrappedValue):
            set_member(obj._ps_base, name, value)
            return
        custom = getattr(obj, "ps_set_member", None)
        if custom is not None and custom(low, value):
            return
        attr = adapter_for(t).props.get(low)
        if attr is not None:
            setter = getattr(obj, "ps_convert_member", None)
            if setter is not None:
                value = setter(attr, value)
            try:
                setattr(obj, attr, value)
                return
            except AttributeError:
                raise runtime_error(f"'{name}' is a ReadOnly property.", "PropertyAssignmentException",
                                    "InvalidOperation") from None
    if obj is None:
        raise runtime_error("The property '" + name + "' cannot be found on this object. Verify that the "
                            "property exists and can be set.", "PropertyNotFound", "InvalidOperation")
    raise runtime_error(f"The property '{name}' cannot be found on this object. Verify that the property "
                        "exists and can be set.", "PropertyNotFound", "InvalidOperation")


def _set_instance_member(obj: Any, low: str, value: Any) -> bool:
    extra = instance_members(obj)
    m = extra.get(low) if extra else None
    if m is None or not m.is_property:
        return False
    m.set(obj, value)
    return True


def attach_member(obj: Any, member: PSMember, force: bool = False) -> Any:
    """Attach an instance member and return the object that carries it: ``obj`` itself for a
    reference object, a PSObject wrapper for a string, number or other value type. Returns
    None when a member of that name exists and ``force`` is not given; raises
    NotImplementedError for values that cannot carry members (arrays, booleans, enums)."""
    if type(obj) is PSCustomObject:
        return obj if obj.add_member(member, force) else None
    carrier, table = member_store(obj)
    low = member.Name.lower()
    if low in table and not force:
        return None
    table[low] = member
    return carrier


def add_instance_member(obj: Any, member: PSMember, force: bool = False) -> bool:
    """Attach a member to ``obj`` itself (a PSCustomObject or a reference object); for a value
    type the member goes to a wrapper the caller does not see, as with pwsh's Add-Member
    without -PassThru. Use ``attach_member`` to get the carrying object."""
    return attach_member(obj, member, force) is not None


# ----------------------------------------------------------------------------- properties for display

def property_names(obj: Any) -> list[str]:
    """Names of the properties Format-List * / Select-Object * / Export-Csv see, in order."""
    t = type(obj)
    if t is PSCustomObject:
        return obj.property_names()
    if obj is None or t in (str, int, float, bool):
        return ["Length"] if t is str else []
    if t in MEMBER_TYPES:  # instance members first, as pwsh lists them
        extra = instance_members(obj)
        own = [m.Name for m in extra.values() if m.is_property] if extra else []
        rest = property_names(obj._ps_base) if isinstance(obj, WrappedValue) else _adapted_names(obj, t)
        seen = {n.lower() for n in own}
        return own + [n for n in rest if n.lower() not in seen]
    return _adapted_names(obj, t)


def _adapted_names(obj: Any, t: type) -> list[str]:
    names = list(adapter_for(t).prop_order)
    d = getattr(obj, "__dict__", None)
    if d:
        names += [k for k in d if k[:1].isupper() and k not in names]
    if t is list or (isinstance(obj, list) and not names):
        return ["Length", "LongLength", "Rank", "SyncRoot", "IsReadOnly", "IsFixedSize", "IsSynchronized",
                "Count"]
    return names


def properties(obj: Any) -> list[tuple[str, Any]]:
    """(name, value) of each property in display order."""
    if type(obj) is PSCustomObject:
        return [(m.Name, m.Value if type(m) is PSNoteProperty else m.get(obj))
                for m in obj._members.values() if m.is_property]
    return [(n, get_value(obj, n)) for n in property_names(obj)]


def default_display(obj: Any) -> list[str] | None:
    """The object's default display property set, if its type declares one."""
    if type(obj) is PSCustomObject:
        std = obj._members.get("psstandardmembers")
        if std is not None:
            v = std.get(obj) if std.is_property else None
            dd = get_value(v, "DefaultDisplayPropertySet")
            names = get_value(dd, "ReferencedPropertyNames")
            if names:
                return list(enumerate_values(names))
        return None
    return getattr(type(obj), "__ps_default_display__", None)


def type_names(obj: Any) -> list[str]:
    """The type-name chain pwsh shows in Get-Member and uses to pick format views."""
    if type(obj) is PSCustomObject:
        return obj.typenames()
    explicit = getattr(type(obj), "__ps_typenames__", None)
    if explicit:
        return list(explicit)
    from .types import type_of
    return type_of(obj).type_name_chain()
