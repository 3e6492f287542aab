"""What ``$x.PSObject`` returns: the PSObject view of any value, with its Properties
collection (indexable by name), TypeNames and BaseObject.
"""
from __future__ import annotations

from typing import Any

from .instmembers import WrappedValue, instance_members
from .objects import (PSCustomObject, PSNoteProperty, add_instance_member, get_value, property_names, set_member,
                      type_names)


class PSMemberInfoCollection(list):
    """$obj.PSObject.Properties / .Members: a list that can also be indexed by name."""

    __ps_typename__ = "System.Management.Automation.PSMemberInfoCollection"
    __slots__ = ("owner",)

    def __init__(self, items: Any, owner: Any = None) -> None:
        super().__init__(items)
        self.owner = owner

    def ps_index(self, key: Any) -> Any:
        if isinstance(key, str):
            low = key.lower()
            for m in self:
                if m.Name.lower() == low:
                    return m
            return None
        return self[key]

    def Match(self, pattern: str) -> list:
        from .netlib.wildcard import compile_wildcard
        m = compile_wildcard(pattern)
        return [x for x in self if m(x.Name)]

    def Add(self, member: Any, *rest: Any) -> None:
        if self.owner is not None:
            add_instance_member(self.owner, member)
        self.append(member)

    def Remove(self, name: str) -> None:
        if type(self.owner) is PSCustomObject:
            self.owner._members.pop(name.lower(), None)
            return
        extra = instance_members(self.owner)
        if extra:
            extra.pop(name.lower(), None)


class PSPropertyInfo:
    """One entry of $obj.PSObject.Properties."""

    __ps_typename__ = "System.Management.Automation.PSProperty"
    __ps_properties__ = ("Value", "MemberType", "IsSettable", "IsGettable", "TypeNameOfValue", "Name", "IsInstance")
    __slots__ = ("Name", "owner", "MemberType")

    def __init__(self, name: str, owner: Any, member_type: str) -> None:
        self.Name = name
        self.owner = owner
        self.MemberType = member_type

    @property
    def Value(self) -> Any:
        return get_value(self.owner, self.Name)

    @Value.setter
    def Value(self, v: Any) -> None:
        set_member(self.owner, self.Name, v)

    IsSettable = True
    IsGettable = True

    @property
    def IsInstance(self) -> bool:
        return self.MemberType == "NoteProperty"

    @property
    def TypeNameOfValue(self) -> str:
        from .types import type_of
        v = self.Value
        return "System.Object" if v is None else type_of(v).FullName

    def ToString(self) -> str:
        return self.Name


class PSObjectView:
    """What ``$x.PSObject`` returns: Properties, Methods, Members, TypeNames, BaseObject."""

    __ps_typename__ = "System.Management.Automation.PSObject"
    __slots__ = ("obj",)

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    @property
    def Properties(self) -> PSMemberInfoCollection:
        o = self.obj
        if type(o) is PSCustomObject:
            items = [m if type(m) is PSNoteProperty else PSPropertyInfo(m.Name, o, m.MemberType)
                     for m in o._members.values() if m.is_property]
            return PSMemberInfoCollection(items, o)
        extra = instance_members(o)
        if extra:
            own = [m if type(m) is PSNoteProperty else PSPropertyInfo(m.Name, o, m.MemberType)
                   for m in extra.values() if m.is_property]
            seen = {m.Name.lower() for m in own}
            return PSMemberInfoCollection(own + [PSPropertyInfo(n, o, "Property") for n in property_names(o)
                                                 if n.lower() not in seen], o)
        return PSMemberInfoCollection([PSPropertyInfo(n, o, "Property") for n in property_names(o)], o)

    @property
    def Members(self) -> PSMemberInfoCollection:
        return self.Properties

    @property
    def Methods(self) -> PSMemberInfoCollection:
        return PSMemberInfoCollection([])

    @property
    def TypeNames(self) -> list[str]:
        return type_names(self.obj)

    @property
    def BaseObject(self) -> Any:
        o = self.obj
        return o._ps_base if isinstance(o, WrappedValue) else o

    @property
    def ImmediateBaseObject(self) -> Any:
        return self.BaseObject

    def Copy(self) -> Any:
        o = self.obj
        if type(o) is PSCustomObject:
            c = PSCustomObject(None, list(o._typenames) if o._typenames else None)
            for k, m in o._members.items():
                c._members[k] = PSNoteProperty(m.Name, m.Value) if type(m) is PSNoteProperty else m
            return c
        return o

    def ToString(self) -> str:
        from .conversion import to_string
        return to_string(self.obj)
