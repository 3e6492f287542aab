"""The format view registry (pwsh's format database), property selection and the built-in views.

A view belongs to a type name and is found by walking the object's type-name chain
(``type_names(obj)``), most derived first.  Kinds: ``table`` (columns with optional
declared widths and alignment, optional group-by), ``list`` (entries), ``wide`` (one
field) and ``custom`` (a function producing lines, e.g. ConciseView for ErrorRecord).

A column / entry is a :class:`Field`.  Registration helpers accept the short forms
``(label, property_or_callable[, width[, alignment[, format_string]]])``, a dict with
the calculated-property keys, or a Field.
"""
from __future__ import annotations

from ..engine.errors import RuntimeException

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable

from ..engine.objects import (PSCustomObject, PSNoteProperty, default_display, get_value,
                              property_names)

__all__ = [
    "Field", "TableView", "ListView", "WideView", "CustomView",
    "register_table_view", "register_list_view", "register_wide_view", "register_custom_view",
    "unregister_views", "find_view", "views_for", "type_names_of", "property_getter", "make_field",
    "resolve_fields", "default_fields", "wide_field", "TABLE_COLUMN_CAP", "CalculatedPropertyError",
]

TABLE_COLUMN_CAP = 10
"""Columns of a table generated from all properties (pwsh's LimitAssociationListSize)."""


class CalculatedPropertyError(RuntimeException):
    """A calculated property hashtable with an unknown or ambiguous key (a terminating error, as in pwsh)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, error_id="DictionaryKeyUnknownOrAmbiguous", category="InvalidArgument")


@dataclass(slots=True)
class Field:
    """One table column / list entry / wide item: a label and how to get the value."""

    label: str
    getter: Callable[[Any], Any]
    width: int | None = None
    alignment: str | None = None
    format_string: str | None = None
    is_property: bool = True
    name: str | None = None


@dataclass
class TableView:
    """A table view: columns, optional group-by field, header switch."""

    type_name: str
    columns: list[Field]
    group_by: Field | None = None
    hide_header: bool = False
    auto_size: bool = False
    kind: str = "table"


@dataclass
class ListView:
    """A list view: the entries shown for each object."""

    type_name: str
    entries: list[Field]
    group_by: Field | None = None
    kind: str = "list"


@dataclass
class WideView:
    """A wide view: one field shown in several columns."""

    type_name: str
    field: Field
    columns: int | None = None
    group_by: Field | None = None
    kind: str = "wide"


@dataclass
class CustomView:
    """A custom view: ``render(obj, width) -> list[str]`` (out-of-band ones never open a table)."""

    type_name: str
    render: Callable[[Any, int], list[str]]
    out_of_band: bool = True
    kind: str = "custom"


_REGISTRY: dict[str, list[Any]] = {}
_FIND_CACHE: dict[tuple, Any] = {}


# ----------------------------------------------------------------------------- type names

_TN_CACHE: dict[type, list[str]] = {}
_BUILTIN_TN = {
    str: ["System.String", "System.Object"], int: ["System.Int32", "System.ValueType", "System.Object"],
    float: ["System.Double", "System.ValueType", "System.Object"],
    bool: ["System.Boolean", "System.ValueType", "System.Object"],
    list: ["System.Object[]", "System.Array", "System.Object"],
}


def _fallback_type_names(cls: type) -> list[str]:
    if cls in _BUILTIN_TN:
        return list(_BUILTIN_TN[cls])
    explicit = getattr(cls, "__ps_typenames__", None)
    if explicit:
        return list(explicit)
    names: list[str] = []
    for k in cls.__mro__:
        tn = k.__dict__.get("__ps_typename__")
        if tn and tn not in names:
            names.append(tn)
    if not names:
        names.append(cls.__name__)
    if "System.Object" not in names:
        names.append("System.Object")
    return names


def type_names_of(obj: Any) -> list[str]:
    """The type-name chain used to find views (engine's ``type_names`` with a local fallback)."""
    t = type(obj)
    if t is PSCustomObject:
        return obj.typenames()
    r = _TN_CACHE.get(t)
    if r is not None:
        return r
    explicit = getattr(t, "__ps_typenames__", None)
    if explicit:
        r = list(explicit)
    else:
        try:
            from ..engine.objects import type_names
            r = type_names(obj)
        except Exception:
            r = _fallback_type_names(t)
        else:
            # make sure the Python class chain's own type names are there (base-class views)
            extra = [n for n in _fallback_type_names(t) if n not in r and n != t.__name__]
            if extra:
                r = list(r)
                at = r.index("System.Object") if "System.Object" in r else len(r)
                own = t.__dict__.get("__ps_typename__")
                if own and own in extra:
                    r.insert(0, own)
                    extra.remove(own)
                    at += 1
                r[at:at] = [n for n in extra if n != "System.Object"]
    _TN_CACHE[t] = r
    return r


# ----------------------------------------------------------------------------- fields

def property_getter(name: str) -> Callable[[Any], Any]:
    """A fast ``obj -> value of property name`` ($null when missing)."""
    low = name.lower()

    def get(o: Any, _low: str = low, _name: str = name) -> Any:
        if type(o) is PSCustomObject:
            m = o._members.get(_low)
            if m is not None:
                if type(m) is PSNoteProperty:
                    return m.Value
                return m.get(o) if m.is_property else None  # type: ignore[attr-defined]
        return get_value(o, _name)

    return get


def _callable_label(expr: Any) -> str:
    for attr in ("ToString", "text"):
        v = getattr(expr, attr, None)
        if callable(v):
            try:
                s = v()
                if isinstance(s, str):
                    return s
            except TypeError:
                pass
        elif isinstance(v, str):
            return v
    return getattr(expr, "__name__", str(expr))


def _as_getter(expr: Any) -> Callable[[Any], Any]:
    if isinstance(expr, str):
        return property_getter(expr)
    inv = getattr(expr, "invoke_with_dollar_underscore", None)
    if inv is not None:
        return inv
    if callable(expr):
        return expr
    raise TypeError(f"not a property name or callable: {expr!r}")


_CALC_KEYS = ("name", "label", "expression", "formatstring", "width", "alignment")


def _calc_key(k: str, allowed: Iterable[str]) -> str:
    low = k.lower()
    matches = [a for a in allowed if a.startswith(low)]
    if low in ("n", "name", "l", "label"):
        return "label"
    if len(matches) == 1:
        return "label" if matches[0] == "name" else matches[0]
    if not matches:
        raise CalculatedPropertyError(f"The {k} key is not valid.")
    raise CalculatedPropertyError(f"The {k} key is ambiguous.")


def make_field(spec: Any, allowed: Iterable[str] = _CALC_KEYS) -> Field:
    """A Field from a property name, a callable, a calculated-property mapping, a tuple or a Field."""
    if isinstance(spec, Field):
        return spec
    if isinstance(spec, str):
        return Field(spec, property_getter(spec), name=spec)
    if isinstance(spec, tuple):
        label, expr, *rest = spec
        width = rest[0] if len(rest) > 0 else None
        align = rest[1] if len(rest) > 1 else None
        fmt = rest[2] if len(rest) > 2 else None
        name = expr if isinstance(expr, str) else None
        if expr is None:
            expr = name = label
        return Field(label, _as_getter(expr), width or None, _norm_align(align), fmt,
                     is_property=isinstance(expr, str) and expr.lower() == str(label).lower(), name=name)
    if hasattr(spec, "items") and not callable(spec):
        d: dict[str, Any] = {}
        for k, v in spec.items():
            d[_calc_key(str(k), allowed)] = v
        expr = d.get("expression")
        label = d.get("label")
        if expr is None:
            if label is None:
                raise CalculatedPropertyError("The Expression key is missing.")
            expr = label
        if label is None:
            label = expr if isinstance(expr, str) else _callable_label(expr)
        width = d.get("width")
        return Field(str(label), _as_getter(expr), int(width) if width else None,
                     _norm_align(d.get("alignment")), d.get("formatstring"),
                     is_property=False, name=expr if isinstance(expr, str) else None)
    if callable(spec):
        return Field(_callable_label(spec), _as_getter(spec), is_property=False)
    raise TypeError(f"not a property specification: {spec!r}")


def _norm_align(a: Any) -> str | None:
    if a is None:
        return None
    s = str(getattr(a, "name", a)).lower()
    if s in ("left", "right", "center"):
        return s
    if s in ("undefined", ""):
        return None
    raise CalculatedPropertyError(f"The Alignment value '{a}' is not valid.")


def _has_wildcard(s: str) -> bool:
    return any(c in s for c in "*?[")


def _wildcard_re(pattern: str) -> re.Pattern:
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            out.append(".*")
        elif c == "?":
            out.append(".")
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                out.append(re.escape(c))
            else:
                out.append("[" + pattern[i + 1:j].replace("\\", "\\\\") + "]")
                i = j
        elif c == "`" and i + 1 < len(pattern):
            i += 1
            out.append(re.escape(pattern[i]))
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("".join(out) + r"\Z", re.IGNORECASE | re.DOTALL)


def resolve_fields(obj: Any, properties: Iterable[Any], exclude: Iterable[str] | None = None,
                   allowed: Iterable[str] = _CALC_KEYS) -> list[Field]:
    """Expand ``-Property`` (names with wildcards, calculated properties) against ``obj``.

    Wildcards expand in the object's property order, case-insensitively, without
    duplicates; a plain name the object lacks still gives a (blank) column.
    """
    names = property_names(obj) if obj is not None else []
    excl = [_wildcard_re(e) for e in (exclude or ())]
    out: list[Field] = []
    seen: set[str] = set()
    for spec in properties:
        if isinstance(spec, str):
            if _has_wildcard(spec):
                rx = _wildcard_re(spec)
                for n in names:
                    if rx.match(n) and n.lower() not in seen and not any(e.match(n) for e in excl):
                        seen.add(n.lower())
                        out.append(Field(n, property_getter(n), name=n))
                continue
            low = spec.lower()
            if low in seen or any(e.match(spec) for e in excl):
                continue
            seen.add(low)
            actual = next((n for n in names if n.lower() == low), spec)
            out.append(Field(actual, property_getter(actual), name=actual))
        else:
            out.append(make_field(spec, allowed))
    return out


def default_fields(obj: Any, cap: int | None = None) -> list[Field]:
    """The object's default display property set, else all its properties (capped when asked)."""
    dd = default_display(obj)
    if dd:
        return [Field(n, property_getter(n), name=n) for n in dd]
    names = property_names(obj)
    if cap is not None:
        names = names[:cap]
    return [Field(n, property_getter(n), name=n) for n in names]


def wide_field(obj: Any) -> Field:
    """What Format-Wide shows without -Property: the view's field, else Name, else the first property."""
    from .values import is_scalar
    v = find_view(obj, "wide")
    if v is not None:
        return v.field
    if is_scalar(obj):
        return Field("", lambda o: o, is_property=False)
    names = property_names(obj)
    for n in names:
        if n.lower() == "name":
            return Field(n, property_getter(n), name=n)
    dd = default_display(obj)
    if dd:
        return Field(dd[0], property_getter(dd[0]), name=dd[0])
    if names:
        return Field(names[0], property_getter(names[0]), name=names[0])
    return Field("", lambda o: o, is_property=False)


# ----------------------------------------------------------------------------- registry

def _register(view: Any) -> Any:
    _REGISTRY.setdefault(view.type_name.lower(), []).append(view)
    _FIND_CACHE.clear()
    return view


def _group_field(group_by: Any) -> Field | None:
    if group_by is None:
        return None
    if isinstance(group_by, str):
        return Field(group_by, property_getter(group_by), name=group_by)
    return make_field(group_by)


def register_table_view(type_name: str, columns: Iterable[Any], *, group_by: Any = None,
                        hide_header: bool = False, auto_size: bool = False) -> TableView:
    """Register a table view; a column is ``(label, prop|callable, width|None, alignment|None)``."""
    return _register(TableView(type_name, [make_field(c) for c in columns], _group_field(group_by),
                               hide_header, auto_size))


def register_list_view(type_name: str, entries: Iterable[Any], *, group_by: Any = None) -> ListView:
    """Register a list view; an entry is a property name or ``(label, prop|callable)``."""
    return _register(ListView(type_name, [make_field(e) for e in entries], _group_field(group_by)))


def register_wide_view(type_name: str, prop: Any, columns: int | None = None, *,
                       group_by: Any = None) -> WideView:
    """Register a wide view showing ``prop`` (a name or callable), optionally with a column count."""
    return _register(WideView(type_name, make_field(prop), columns, _group_field(group_by)))


def register_custom_view(type_name: str, render: Callable[[Any, int], list[str]], *,
                         out_of_band: bool = True) -> CustomView:
    """Register a custom view: ``render(obj, width)`` returns the lines to show."""
    return _register(CustomView(type_name, render, out_of_band))


def unregister_views(type_name: str) -> None:
    """Drop every view registered for ``type_name`` (tests, redefinition)."""
    _REGISTRY.pop(type_name.lower(), None)
    _FIND_CACHE.clear()


def views_for(type_name: str) -> list[Any]:
    """The views registered for exactly this type name, in registration order."""
    return list(_REGISTRY.get(type_name.lower(), ()))


def find_view(obj: Any, kind: str | None = None) -> Any:
    """The first view (of ``kind`` when given) for the object's type-name chain, or None."""
    names = type_names_of(obj)
    key = (tuple(names), kind)
    try:
        return _FIND_CACHE[key]
    except KeyError:
        pass
    except TypeError:  # unhashable names
        key = None  # type: ignore[assignment]
    found = None
    for n in names:
        for v in _REGISTRY.get(n.lower(), ()):
            if kind is None or v.kind == kind:
                found = v
                break
        if found is not None:
            break
    if key is not None:
        _FIND_CACHE[key] = found
    return found


# ----------------------------------------------------------------------------- built-in views

def _command_name(o: Any) -> Any:
    ct = get_value(o, "CommandType")
    if ct is not None and str(getattr(ct, "name", ct)).lower() == "alias":
        dn = get_value(o, "DisplayName")
        if dn:
            return dn
    return get_value(o, "Name")


def _guid_text(o: Any) -> Any:
    from ..engine.conversion import to_string
    return to_string(o)


def _error_view(o: Any, width: int) -> list[str]:
    from .concise import render_error
    return render_error(o, width=width).split("\n")


def _register_builtins() -> None:
    register_table_view("System.Collections.DictionaryEntry", [("Name", "Name", 30), ("Value", "Value")])
    register_list_view("System.Collections.DictionaryEntry", ["Name", "Value"])
    register_table_view("Microsoft.PowerShell.Commands.GroupInfo",
                        [("Count", "Count", 5, "right"), ("Name", "Name", 25), ("Group", "Group")])
    register_table_view("Microsoft.PowerShell.Commands.GroupInfoNoElement",
                        [("Count", "Count", 5, "right"), ("Name", "Name")])
    register_list_view("Microsoft.PowerShell.Commands.GenericMeasureInfo",
                       ["Count", "Average", "Sum", "Maximum", "Minimum", "StandardDeviation", "Property"])
    register_table_view("Microsoft.PowerShell.Commands.TextMeasureInfo",
                        [("Lines", "Lines"), ("Words", "Words"), ("Characters", "Characters"),
                         ("Property", "Property")])
    register_table_view("System.Management.Automation.CommandInfo",
                        [("CommandType", "CommandType", 15), ("Name", _command_name, 50),
                         ("Version", "Version", 10), ("Source", "Source")])
    register_table_view("System.Management.Automation.PSVariable", [("Name", "Name", 30), ("Value", "Value")])
    register_table_view("Microsoft.PowerShell.Commands.MemberDefinition",
                        [("Name", "Name"), ("MemberType", "MemberType"), ("Definition", "Definition")],
                        group_by=("TypeName", "TypeName"))
    register_custom_view("System.Management.Automation.ErrorRecord", _error_view)
    register_table_view("System.Guid", [("Guid", _guid_text)])
    register_table_view("System.Version", [("Major", "Major", 6), ("Minor", "Minor", 6), ("Build", "Build", 6),
                                           ("Revision", "Revision", 8)])
    register_table_view("System.Management.Automation.SemanticVersion",
                        [("Major", "Major", 6), ("Minor", "Minor", 6), ("Patch", "Patch", 6),
                         ("PreReleaseLabel", "PreReleaseLabel", 15), ("BuildLabel", "BuildLabel", 10)])
    register_list_view("System.TimeSpan", ["Days", "Hours", "Minutes", "Seconds", "Milliseconds", "Ticks",
                                           "TotalDays", "TotalHours", "TotalMinutes", "TotalSeconds",
                                           "TotalMilliseconds"])


_register_builtins()
