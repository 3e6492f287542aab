"""Defining the ``enum`` and ``class`` types of a script block before its first statement runs
(pwsh defines them at parse time, so a type can be used above its definition), and building
the enum types themselves. Classes are built by ``classes``.

Each definition node keeps the Python class made for it (``node.compiled``): running the same
text again re-registers that class (static properties back to their initial values), so type
literals already resolved in cached compiled code keep naming the right type.
"""
from __future__ import annotations

import enum
from typing import Any

from ..language import ast as A
from .conversion import to_integer
from .enums import NetEnum, NetFlags
from .errors import runtime_error
from .netlib.exceptions import DotNetException
from .types import PSType

_FLAGS_NAMES = ("flags", "flagsattribute", "system.flags", "system.flagsattribute")


def define_types(ctx: Any, nodes: list, source: Any) -> None:
    """Define the enums, then the classes (each base class before the classes deriving from it)."""
    enums = [n for n in nodes if isinstance(n, A.EnumDefinition)]
    pending = list(enums)
    while pending:  # an enum's values may name members of an enum defined after it
        progress = False
        last_error: DotNetException | None = None
        for node in list(pending):
            try:
                define_enum(ctx, node, source)
            except DotNetException as e:
                if getattr(e, "error_id", "") != "TypeNotFound":
                    raise
                last_error = e
                continue
            pending.remove(node)
            progress = True
        if not progress and last_error is not None:
            raise last_error
    classes = [n for n in nodes if isinstance(n, A.ClassDefinition)]
    if classes:
        from .classes import define_class
        names = {c.name.lower(): c for c in classes}
        done: set[str] = set()

        def visit(c: A.ClassDefinition, depth: int = 0) -> None:
            if c.name.lower() in done or depth > 50:
                return
            for b in c.bases:
                dep = names.get(str(b).lower())
                if dep is not None and dep is not c:
                    visit(dep, depth + 1)
            done.add(c.name.lower())
            define_class(ctx, c, source)
        for c in classes:
            visit(c)


def define_enum(ctx: Any, node: A.EnumDefinition, source: Any) -> PSType:
    """Build (once) and register the enum type of an ``enum`` statement."""
    from .typelib import register_enum
    cls = node.compiled
    if cls is None:
        cls = node.compiled = build_enum(ctx, node, source)
    t = register_enum(cls)
    t.base = "System.Enum"
    return t


def build_enum(ctx: Any, node: A.EnumDefinition, source: Any) -> type:
    """The IntEnum/IntFlag class for an ``enum`` statement: values count up from the previous member."""
    from .compiler import Compiler
    flags = any(a.name.lower() in _FLAGS_NAMES for a in node.attributes)
    comp = Compiler(source)
    members: list[tuple[str, int]] = []
    nxt = 0
    for m in node.members:
        if m.value is not None:
            raw = comp.expr(m.value)(ctx)
            if isinstance(raw, str):
                raise runtime_error(f'Cannot convert the value to type "{"System.Int32"}".', "CannotConvertValue",
                                    "InvalidArgument")
            v = int(raw.value) if isinstance(raw, enum.Enum) else to_integer(raw)
        else:
            v = nxt
            if v > 2 ** 31 - 1:
                raise runtime_error("Enumerator value is either too large or too small for System.Int32.",
                                    "EnumeratorValueOutOfBounds", "InvalidOperation")
        members.append((m.name, v))
        nxt = v + 1
    base = NetFlags if flags else NetEnum
    cls = base(node.name, members, module=__name__, qualname=node.name)  # type: ignore[call-arg]
    cls.__ps_typename__ = node.name  # type: ignore[attr-defined]
    cls.__doc__ = f"The PowerShell enum {node.name}."
    return cls
