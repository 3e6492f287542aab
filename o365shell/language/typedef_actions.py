"""Parse actions of ``enum`` and ``class`` definitions, and the checks pwsh's parser makes on
them (the ParserErrors scripts actually hit: a typed method that does not return on every code
path, ``return <value>`` in a void method, a bare ``return`` in a typed method, a member
defined twice). ``Grammar`` inherits these from ``TypeDefBuilder``.
"""
from __future__ import annotations

from typing import Any, Iterator

from . import ast as A
from .errors import PSParseError
from .typenames import parse_type_name

_MODIFIERS = ("hidden", "static")


class TypeDefBuilder:
    """Parse actions for type definitions."""

    @staticmethod
    def _enum_member(s, l, t):
        value = t[1] if len(t) > 1 else None
        end = value.end if value is not None else l + len(t[0])
        return A.EnumMember(l, end, t[0], value)

    @staticmethod
    def _type_without_name(s, l, t):
        keyword = t[0].split()[0]
        raise PSParseError(f"Missing name after {keyword} keyword.", l + len(keyword), "MissingNameAfterKeyword")

    @staticmethod
    def _type_without_body(s, l, t):
        keyword = t[0].split()[0]
        raise PSParseError(f"Missing '{keyword}' body in '{keyword}' declaration.", l + len(t[0]), "MissingTypeBody")

    @staticmethod
    def _enum_definition(s, l, t):
        attrs = [a for a in t if isinstance(a, A.Attribute)]
        i = len(attrs) + 1  # the keyword
        name = t[i]
        underlying = None
        rest = list(t[i + 1:])
        if rest and rest[0] == ":":
            underlying = parse_type_name(rest[1], l)
            rest = rest[2:]
        members = [m for m in rest if isinstance(m, A.EnumMember)]
        seen: set[str] = set()
        for m in members:
            low = m.name.lower()
            if low in seen:
                raise PSParseError(f"The member '{m.name}' is already defined.", m.start, "MemberAlreadyDefined",
                                   end=m.start + len(m.name))
            seen.add(low)
        return A.EnumDefinition(l, rest[-1], name, attrs, members, underlying)

    @staticmethod
    def _property_tail(s, l, t):
        var = t[0]
        default = t[1] if len(t) > 1 else None
        return [("property", var, default, (default or var).end)]

    @staticmethod
    def _method_tail(s, l, t):
        name, params, base, body = t[0], list(t[1]), t[2], t[3]
        base_args = list(base) if base is not None else None
        return [("method", name, l, params, base_args, body)]

    @staticmethod
    def _class_member(s, l, t):
        attrs: list[A.Attribute] = []
        mods: set[str] = set()
        for x in t[:-1]:
            if isinstance(x, A.Attribute):
                attrs.append(x)
            else:
                word = x.lower()
                if word in mods:
                    raise PSParseError(f"Duplicate '{word}' qualifier", l, "DuplicateQualifier")
                mods.add(word)
        types = [a for a in attrs if a.is_type_constraint]
        if len(types) > 1:
            raise PSParseError("Only one type may be specified on class members.", l, "TooManyTypes")
        typ = types[0].type if types else None
        others = [a for a in attrs if not a.is_type_constraint]
        tail = t[-1]
        static, hidden = "static" in mods, "hidden" in mods
        if tail[0] == "property":
            _, var, default, end = tail
            return A.PropertyMember(l, end, var.name, typ, others, static, hidden, default)
        _, name, name_start, params, base_args, body = tail
        fm = A.FunctionMember(l, body.end, name, name_start + len(name), params, body, typ, others, static, hidden,
                              False, base_args)
        fm.name_start = name_start
        return fm

    @staticmethod
    def _class_definition(s, l, t):
        attrs = [a for a in t if isinstance(a, A.Attribute)]
        i = len(attrs) + 1
        name = t[i]
        bases = list(t[i + 1])
        members = [m for m in t[i + 2:] if isinstance(m, (A.PropertyMember, A.FunctionMember))]
        end = t[-1]
        for m in members:
            if isinstance(m, A.FunctionMember) and m.name.lower() == name.lower():
                if m.return_type is not None:
                    raise PSParseError("A constructor cannot specify a return type.", m.start,
                                       "ConstructorCantHaveReturnType", end=m.name_end)
                m.is_constructor = True
            elif isinstance(m, A.FunctionMember) and m.base_args is not None:
                raise PSParseError("Unexpected token ':' in expression or statement.", m.start, "UnexpectedToken")
        _check_duplicates(members)
        for m in members:
            if isinstance(m, A.FunctionMember):
                check_method(m)
        return A.ClassDefinition(l, end, name, attrs, members, bases)


def _check_duplicates(members: list) -> None:
    props: set[str] = set()
    sigs: set[tuple[str, int]] = set()
    for m in members:
        if isinstance(m, A.PropertyMember):
            key = m.name.lower()
            if key in props:
                raise PSParseError(f"The member '{m.name}' is already defined.", m.start, "MemberAlreadyDefined",
                                   end=m.end)
            props.add(key)
        elif not m.is_constructor or not m.is_static:
            sig = (m.name.lower(), len(m.params))
            if sig in sigs and all(not _typed(p) for p in m.params):
                raise PSParseError(f"The member '{m.name}' is already defined.", m.start, "MemberAlreadyDefined",
                                   end=m.end)
            sigs.add(sig)


def _typed(p: A.Parameter) -> bool:
    return any(a.is_type_constraint for a in p.attributes)


# ----------------------------------------------------------------------------- method checks

def _is_void(m: A.FunctionMember) -> bool:
    rt = m.return_type
    return rt is None or str(rt.name).lower() in ("void", "system.void")


def check_method(m: A.FunctionMember) -> None:
    """pwsh's parse-time checks of a method body's ``return`` statements and code paths."""
    void = m.is_constructor or _is_void(m)
    for node in _walk(m.body):
        if isinstance(node, A.Return):
            if void and node.value is not None:
                raise PSParseError("Invalid return statement within void method.", node.start,
                                   "VoidMethodHasReturn", end=node.end)
            if not void and node.value is None:
                raise PSParseError("Invalid return statement within non-void method.", node.start,
                                   "NonVoidMethodMissingReturnValue", end=node.end)
    if not void and not always_returns(m.body):
        start = m.name_start if m.name_start is not None else m.start
        raise PSParseError("Not all code path returns value within method.", start, "MethodHasCodePathNotReturn",
                           end=m.name_end)


_NESTED = (A.ScriptBlockExpr, A.ScriptBlock, A.FunctionDefinition, A.TypeDefinition)


def _walk(node: Any) -> Iterator[Any]:
    """Every node under ``node`` that belongs to the same method (not nested script blocks)."""
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, (list, tuple)):
            stack.extend(reversed(n))
            continue
        if not isinstance(n, A.Node) or isinstance(n, _NESTED):
            continue
        yield n
        for klass in type(n).__mro__:
            for slot in getattr(klass, "__slots__", ()):
                if slot in ("start", "end"):
                    continue
                v = getattr(n, slot, None)
                if isinstance(v, (A.Node, list, tuple)):
                    stack.append(v)


def always_returns(block: A.StatementBlock | None) -> bool:
    """Does every code path through the block end in ``return <value>`` or ``throw``?"""
    if block is None:
        return False
    return any(_stmt_returns(s) for s in block.statements)


def _stmt_returns(s: A.Statement) -> bool:
    if isinstance(s, (A.Return, A.Throw)):
        return True
    if isinstance(s, A.If):
        return s.else_body is not None and all(always_returns(b) for _, b in s.clauses) and \
            always_returns(s.else_body)
    if isinstance(s, A.Try):
        if s.finally_body is not None and always_returns(s.finally_body):
            return True
        return always_returns(s.body) and all(always_returns(c.body) for c in s.catches)
    if isinstance(s, A.DoLoop):
        return always_returns(s.body)
    if isinstance(s, A.BlockStatement):
        return always_returns(s.body)
    return False

