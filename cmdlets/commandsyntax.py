"""Syntax text of a command's parameter sets: Get-Command -Syntax and the SYNTAX section of
Get-Help (installed as the engine's ``commandinfo.SYNTAX_PROVIDER``)."""
from __future__ import annotations

from typing import Any

from o365shell.engine.binding import ALL_SETS
from o365shell.engine.commandinfo import AliasInfo


# ----------------------------------------------------------------------------- syntax text

_SHORT = {"system.string": "string", "system.int32": "int", "system.int64": "long", "system.boolean": "bool",
          "system.double": "double", "system.object": "Object", "system.char": "char", "system.byte": "byte",
          "system.uint32": "uint", "system.uint64": "ulong", "system.int16": "short", "system.single": "float",
          "system.decimal": "decimal", "system.datetime": "datetime",
          "system.management.automation.scriptblock": "scriptblock",
          "system.management.automation.pscredential": "pscredential",
          "system.management.automation.psobject": "psobject", "system.collections.hashtable": "hashtable",
          "system.security.securestring": "securestring", "system.guid": "guid"}


def short_type(type_name: str, csharp: bool) -> str:
    """A parameter type as help (``String[]``) or Get-Command -Syntax (``string[]``) shows it."""
    t = type_name or "System.Object"
    suffix = ""
    while t.endswith("[]"):
        suffix += "[]"
        t = t[:-2]
    if t.startswith("System.Nullable[") and t.endswith("]"):
        t = t[len("System.Nullable["):-1]
    if csharp and t.lower() in _SHORT:
        return _SHORT[t.lower()] + suffix
    return t.rsplit(".", 1)[-1].rsplit("+", 1)[-1] + suffix


class SyntaxParam:
    """One parameter of one parameter set, as the syntax renderers want it."""

    __slots__ = ("name", "position", "required", "switch", "type")

    def __init__(self, name: str, type_: str, required: bool, position: int | None, switch: bool) -> None:
        self.name = name
        self.type = type_
        self.required = required
        self.position = position
        self.switch = switch

    @property
    def is_switch(self) -> bool:
        return self.switch


def parameter_sets(meta: Any, csharp: bool = False,
                   forced_required: tuple[str, ...] = ()) -> dict[str, list[SyntaxParam]]:
    """Parameter set name -> its parameters (common parameters left out; -WhatIf/-Confirm kept).

    ``forced_required``: parameters to show as mandatory although declared optional (a cmdlet's
    ``help_required``, see management._path_params)."""
    out: dict[str, list[SyntaxParam]] = {}
    if meta is None:
        return out
    set_names = list(getattr(meta, "set_names", None) or [ALL_SETS])
    default = getattr(meta, "default_set", None)
    if default in set_names:
        set_names.remove(default)
        set_names.insert(0, default)
    own = [p for p in getattr(meta, "own", meta.params) if not getattr(p, "is_common", False)]
    for s in set_names:
        params = []
        for p in own:
            if p.dont_show:
                continue
            si = p.sets.get(s) if s in p.sets else p.sets.get(ALL_SETS)
            if si is None:
                continue
            params.append(SyntaxParam(p.name, short_type(p.type_name, csharp),
                                      si.mandatory or p.name in forced_required, si.position, p.is_switch))
        if getattr(meta, "should_process", False):
            params.append(SyntaxParam("WhatIf", "", False, None, True))
            params.append(SyntaxParam("Confirm", "", False, None, True))
        out[s] = params
    return out


def syntax_lines(name: str, meta: Any, csharp: bool = False, forced_required: tuple[str, ...] = ()) -> list[str]:
    from o365shell.format.helpview import syntax_line
    advanced = bool(getattr(meta, "advanced", True)) if meta is not None else False
    sets = parameter_sets(meta, csharp, forced_required)
    if not sets:
        return [name + (" [<CommonParameters>]" if advanced else "")]
    return [syntax_line(name, ps, advanced) for ps in sets.values()]


def command_syntax(info: Any) -> str:
    """Get-Command -Syntax text for one command."""
    if isinstance(info, AliasInfo):
        head = f"{info.Name} (alias) -> {info.target}"
        inner = command_syntax(info.resolved) if info.resolved is not None else ""
        return f"{head}\n{inner}" if inner else head
    try:
        meta = info.metadata()
    except Exception:
        meta = None
    forced = tuple(getattr(getattr(info, "cls", None), "help_required", ()))
    lines = syntax_lines(info.Name, meta, csharp=True, forced_required=forced)
    return "\n" + "".join(line + "\n\n" for line in lines)


def _install_syntax_provider() -> None:
    from o365shell.engine import commandinfo
    commandinfo.SYNTAX_PROVIDER = command_syntax


_install_syntax_provider()
