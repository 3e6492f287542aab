"""Internal: build .NET [Flags] enums whose zero member is really called ``None``."""
from __future__ import annotations

import enum


def flag_enum(name: str, full_name: str, doc: str, module: str,
              members: list[tuple[str, int]]) -> type[enum.IntFlag]:
    """An IntFlag with .NET member names (including ``None``) and ``__ps_typename__``.

    ``None`` cannot be written in a class body, so the functional API is used; the
    member is reachable as ``cls["None"]`` / ``getattr(cls, "None")``.
    """
    cls = enum.IntFlag(name, members, module=module)  # type: ignore[misc]
    cls.__ps_typename__ = full_name  # type: ignore[attr-defined]
    cls.__doc__ = doc
    return cls
