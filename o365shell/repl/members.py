"""Variables and the members of live values, for Tab completion (``$va``, ``$u.Str``).

Members come from the engine's own view of a value (PSCustomObject members, the class
adapter's properties and instance methods, a hashtable's keys, .NET string methods);
member chains and ``[i]`` indexes are followed with the engine's member lookup, and
nothing is invoked.
"""
from __future__ import annotations

import os
import re
from typing import Any, Callable

__all__ = ["complete_members", "complete_variables", "member_names"]

_MEMBER = re.compile(r"^([$@])((?:[A-Za-z_]\w*:)?[\w?^]+)((?:\[[^\]]*\]|\.\w+)*)\.(\w*)$")
_INTRINSIC_METHODS = ("Equals", "GetHashCode", "GetType", "ToString")
_STRING_METHODS = {n.lower(): n for n in (
    "Clone", "CompareTo", "Contains", "CopyTo", "EndsWith", "EnumerateRunes", "Equals", "GetEnumerator",
    "GetHashCode", "GetType", "GetTypeCode", "IndexOf", "IndexOfAny", "Insert", "IsNormalized", "LastIndexOf",
    "LastIndexOfAny", "Normalize", "PadLeft", "PadRight", "Remove", "Replace", "ReplaceLineEndings", "Split",
    "StartsWith", "Substring", "ToBoolean", "ToByte", "ToChar", "ToCharArray", "ToDateTime", "ToDecimal",
    "ToDouble", "ToInt16", "ToInt32", "ToInt64", "ToLower", "ToLowerInvariant", "ToString", "ToUpper",
    "ToUpperInvariant", "Trim", "TrimEnd", "TrimStart")}


def _variable_names(session: Any, var_case: dict[str, str]) -> list[str]:
    names: dict[str, str] = {}
    try:
        from o365shell.cmdlets.fsprovider import _VAR_CASE as auto_case  # type: ignore[attr-defined]
    except Exception:
        auto_case = {}
    s = session.scope
    while s is not None:
        for k in s.vars:
            names.setdefault(k, var_case.get(k) or auto_case.get(k) or k)
        s = s.parent
    for k in ("pwd", "host", "?", "true", "false", "null"):
        names.setdefault(k, auto_case.get(k) or k)
    return sorted(names.values(), key=str.lower)


def complete_variables(session: Any, word: str, var_case: dict[str, str],
                       matcher: Callable[[str], Callable[[str], bool]]) -> list[Any]:
    """``$name`` candidates (``$env:``, ``$global:``... scopes too)."""
    from .completer import Candidate
    sigil = word[0]
    body = word[1:]
    if body.startswith("{"):
        return []
    scope, _, name = body.rpartition(":")
    if scope.lower() == "env":
        match = matcher(name)
        return [Candidate(f"{sigil}env:{k}", f"env:{k}") for k in sorted(os.environ) if match(k)]
    prefix = f"{sigil}{scope}:" if scope else sigil
    match = matcher(name)
    out = [Candidate(prefix + n, prefix + n) for n in _variable_names(session, var_case) if match(n)]
    if not scope:
        for sc in ("global:", "script:", "env:", "local:"):
            if sc.startswith(name.lower()) and name:
                out.append(Candidate(sigil + sc, sigil + sc, "scope"))
    return out


def _static_attr(cls: type, name: str) -> Any:
    for klass in cls.__mro__:
        if name in vars(klass):
            return vars(klass)[name]
    return None


def member_names(value: Any) -> list[tuple[str, bool]]:
    """(name, is_method) of a value's members, properties first (what ``$v.<Tab>`` offers)."""
    from o365shell.engine.objects import PSCustomObject, PSObjectBase, adapter_for, property_names
    props: dict[str, str] = {}
    methods: dict[str, str] = {}
    t = type(value)
    if t is PSCustomObject:
        for m in value._members.values():
            (props if m.is_property else methods)[m.Name.lower()] = m.Name
    else:
        if isinstance(value, str):
            props["length"] = "Length"
            from o365shell.engine.netlib.strings import STRING_METHODS
            for k in STRING_METHODS:
                methods[k] = _STRING_METHODS.get(k, k[:1].upper() + k[1:])
        else:
            try:
                for n in property_names(value):
                    props.setdefault(n.lower(), n)
            except Exception:
                pass
            a = adapter_for(t)
            for n in a.prop_order:
                props.setdefault(n.lower(), n)
            for low, n in a.methods.items():
                if not isinstance(_static_attr(t, n), (staticmethod, classmethod)):   # instance members only
                    methods.setdefault(low, n)
            from o365shell.engine.pscollections import Hashtable
            if isinstance(value, Hashtable):
                for k in list(value.keys()):
                    if isinstance(k, str):
                        props.setdefault(k.lower(), k)
        extra = getattr(value, "_ps_extra", None) if isinstance(value, PSObjectBase) else None
        for m in (extra or {}).values():
            (props if m.is_property else methods).setdefault(m.Name.lower(), m.Name)
    for n in _INTRINSIC_METHODS:
        methods.setdefault(n.lower(), n)
    for low in list(methods):
        props.pop(low, None)
    out = [(n, False) for n in sorted(props.values(), key=str.lower)]
    out += [(n, True) for n in sorted(methods.values(), key=str.lower)]
    return out


def _resolve_chain(session: Any, var: str, chain: str) -> Any:
    from o365shell.engine.objects import MISSING, enumerate_values, get_member, is_enumerable
    scope, _, name = var.rpartition(":")
    value = session.lookup(name, scope or None)
    if value is MISSING:
        return MISSING
    for m in re.finditer(r"\[([^\]]*)\]|\.(\w+)", chain):
        if value is None:
            return MISSING
        if m.group(1) is not None:
            try:
                idx = int(m.group(1).strip())
            except ValueError:
                return MISSING
            items = list(enumerate_values(value)) if is_enumerable(value) and not isinstance(value, str) else None
            if items is None:
                return MISSING
            try:
                value = items[idx]
            except IndexError:
                return MISSING
        else:
            value = get_member(value, m.group(2))
            if value is MISSING:
                return MISSING
    return value


def complete_members(session: Any, word: str,
                     matcher: Callable[[str], Callable[[str], bool]]) -> list[Any] | None:
    """``$v.Prefix`` candidates (None when the word is not a member access)."""
    from .completer import Candidate
    m = _MEMBER.match(word)
    if m is None:
        return None
    from o365shell.engine.objects import MISSING, enumerate_values, is_enumerable
    value = _resolve_chain(session, m.group(2), m.group(3))
    if value is MISSING or value is None:
        return []
    members = member_names(value)
    if is_enumerable(value) and not isinstance(value, str):
        from o365shell.engine.pscollections import Hashtable
        if not isinstance(value, Hashtable):
            first = next(iter(enumerate_values(value)), None)
            if first is not None:
                seen = {n.lower() for n, _ in members}
                members += [x for x in member_names(first) if x[0].lower() not in seen]
    head = word[:len(word) - len(m.group(4))]
    match = matcher(m.group(4))
    return [Candidate(head + n + ("(" if is_method else ""), n + ("()" if is_method else ""),
                      "Method" if is_method else "Property")
            for n, is_method in members if match(n)]
