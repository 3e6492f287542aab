"""Where instance members live (what Add-Member, Select-Object -ExpandProperty and
Compare-Object -PassThru attach to an object), and the PSObject wrapper of values that
cannot hold members themselves.

pwsh keeps the instance members of a reference object with the object itself, so every
reference to it sees them; a string, a number or another value type is wrapped in a new
PSObject that carries the members, and the plain value stays member-less. Here:

* a PSCustomObject keeps its members in its own table (see ``objects``);
* other objects that can take an attribute (a ``__dict__``, or a ``_ps_extra`` slot as
  Hashtable and ErrorRecord have) get a ``_ps_extra`` dict of members, and their type is
  recorded in ``MEMBER_TYPES`` so that member lookup only looks there for those types;
* value types (str, int, float, Decimal, DateTime, Guid...) are copied into an instance
  of a *wrapper class*: a subclass of the value's own class that still behaves as the value
  (``-eq``, ``.Length``, formatting) and holds ``_ps_base`` (the plain value) and
  ``_ps_extra``. ``type_of`` and the operators see through it to the base value.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

#: types whose instances may hold instance members (looked up only for these)
MEMBER_TYPES: set[type] = set()

_MISSING = object()


class WrappedValue:
    """Mixin of the wrapper classes: a PSObject around a value type, carrying instance members.

    Instances keep the plain value in ``_ps_base`` and the members in ``_ps_extra``."""

    __slots__ = ()
    __ps_wrapped__ = True


_WRAPPERS: dict[type, type] = {}
_IMMUTABLE_BASES = (str, int, float, Decimal)


def wrapper_class(cls: type) -> type | None:
    """The wrapper class for values of ``cls`` (None when Python cannot subclass it: bool, enums)."""
    w = _WRAPPERS.get(cls)
    if w is not None:
        return w
    if cls is bool or getattr(cls, "__members__", None):
        return None
    try:
        w = type(cls)(cls.__name__, (cls, WrappedValue), {"__module__": cls.__module__,
                                                          "__qualname__": cls.__qualname__})
    except TypeError:
        return None
    _WRAPPERS[cls] = w
    MEMBER_TYPES.add(w)
    return w


def _copy_into(w: type, value: Any) -> Any:
    cls = type(value)
    if isinstance(value, _IMMUTABLE_BASES):
        return w(value)
    if cls.__new__ is not object.__new__:
        raise TypeError(cls.__name__)
    new = object.__new__(w)
    for klass in cls.__mro__:
        for slot in getattr(klass, "__slots__", ()):
            if slot in ("__dict__", "__weakref__"):
                continue
            try:
                object.__setattr__(new, slot, object.__getattribute__(value, slot))
            except AttributeError:
                pass
    d = getattr(value, "__dict__", None)
    if d:
        new.__dict__.update(d)
    return new


def wrap(value: Any) -> Any:
    """A PSObject wrapper of ``value`` with no members yet; raises NotImplementedError if impossible."""
    if isinstance(value, WrappedValue):
        return value
    w = wrapper_class(type(value))
    if w is None:
        raise NotImplementedError(type(value).__name__)
    try:
        new = _copy_into(w, value)
    except (TypeError, ValueError):
        raise NotImplementedError(type(value).__name__) from None
    new.__dict__["_ps_base"] = value
    new.__dict__["_ps_extra"] = {}
    return new


def base_of(v: Any) -> Any:
    """The value a PSObject wrapper stands for (``v`` itself when it is not wrapped)."""
    return v._ps_base if isinstance(v, WrappedValue) else v


def instance_members(obj: Any) -> dict | None:
    """The instance members (lower-case name -> member) attached to ``obj``, if any."""
    if type(obj) not in MEMBER_TYPES:
        return None
    d = getattr(obj, "__dict__", None)
    if d is not None:
        e = d.get("_ps_extra")
        if e is not None:
            return e
    try:
        return object.__getattribute__(obj, "_ps_extra")
    except AttributeError:
        return None


def _is_value(obj: Any) -> bool:
    if isinstance(obj, (str, int, float, Decimal)):
        return True
    from .types import type_of
    try:
        return type_of(obj).is_value_type
    except Exception:  # noqa: BLE001 - an unknown type is a reference type
        return False


def member_store(obj: Any) -> tuple[Any, dict]:
    """The object that carries instance members for ``obj`` and its member table, creating both
    when needed: ``obj`` itself for reference objects, a new wrapper for value types.
    Raises NotImplementedError for values that can carry none (lists, booleans, enums)."""
    existing = instance_members(obj)
    if existing is not None:
        return obj, existing
    if isinstance(obj, WrappedValue):
        table: dict = {}
        obj.__dict__["_ps_extra"] = table
        return obj, table
    if isinstance(obj, (list, tuple, bool)) or obj is None:
        raise NotImplementedError(type(obj).__name__)
    if _is_value(obj):
        w = wrap(obj)
        return w, w.__dict__["_ps_extra"]
    table = {}
    d = getattr(obj, "__dict__", None)
    if d is not None:
        d["_ps_extra"] = table
    else:
        try:
            object.__setattr__(obj, "_ps_extra", table)
        except (AttributeError, TypeError):
            w = wrap(obj)
            return w, w.__dict__["_ps_extra"]
    MEMBER_TYPES.add(type(obj))
    return obj, table
