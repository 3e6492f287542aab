"""What a command accepts: parameter specs (``ParamSpec``), parameter sets (``SetInfo``), a
command's whole parameter metadata (``CommandMetadata``, with name/alias/prefix lookup), the
common parameters every cmdlet gets, and the ParameterBindingException factory.
"""
from __future__ import annotations

from typing import Any, Iterable

from .errors import ErrorCategory, ParameterBindingException, RuntimeException, runtime_error

ALL_SETS = "__AllParameterSets"


class SetInfo:
    """How a parameter behaves in one parameter set."""

    __slots__ = ("mandatory", "position", "from_pipeline", "by_property_name", "help_message")

    def __init__(self, mandatory: bool = False, position: int | None = None, from_pipeline: bool = False,
                 by_property_name: bool = False, help_message: str | None = None) -> None:
        self.mandatory = mandatory
        self.position = position
        self.from_pipeline = from_pipeline
        self.by_property_name = by_property_name
        self.help_message = help_message


class ParamSpec:
    """One parameter of a command (from a cmdlet declaration or a param() block)."""

    __slots__ = ("name", "type", "aliases", "is_switch", "sets", "help", "validators", "default",
                 "dont_show", "allow_null", "allow_empty", "remaining", "attr", "is_common", "type_label",
                 "completer", "accepts_wildcards")

    def __init__(self, name: str, type: Any = None, *, aliases: Iterable[str] = (), is_switch: bool = False,
                 sets: dict[str, SetInfo] | None = None, help: str = "", validators: list | None = None,
                 default: Any = None, dont_show: bool = False, allow_null: bool = False, allow_empty: bool = False,
                 remaining: bool = False, attr: str | None = None, is_common: bool = False,
                 type_label: str | None = None, completer: Any = None, accepts_wildcards: bool = False) -> None:
        self.name = name
        self.type = type
        self.aliases = tuple(aliases)
        self.is_switch = is_switch
        self.sets = sets or {ALL_SETS: SetInfo()}
        self.help = help
        self.validators = validators or []
        self.default = default
        self.dont_show = dont_show
        self.allow_null = allow_null
        self.allow_empty = allow_empty
        self.remaining = remaining
        self.attr = attr or name
        self.is_common = is_common
        self.type_label = type_label
        self.completer = completer
        self.accepts_wildcards = accepts_wildcards

    def in_set(self, s: str) -> SetInfo | None:
        return self.sets.get(s) or self.sets.get(ALL_SETS)

    @property
    def type_name(self) -> str:
        if self.is_switch:
            return "System.Management.Automation.SwitchParameter"
        if self.type_label:
            return self.type_label
        return self.type.FullName if self.type is not None else "System.Object"

    @property
    def any_pipeline(self) -> bool:
        return any(si.from_pipeline or si.by_property_name for si in self.sets.values())

    def __repr__(self) -> str:
        return f"ParamSpec({self.name})"


COMMON = ("Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction",
          "ErrorVariable", "WarningVariable", "InformationVariable", "OutVariable", "OutBuffer",
          "PipelineVariable")
_COMMON_ALIASES = {"Verbose": ("vb",), "Debug": ("db",), "ErrorAction": ("ea",), "WarningAction": ("wa",),
                   "InformationAction": ("infa",), "ProgressAction": ("proga",), "ErrorVariable": ("ev",),
                   "WarningVariable": ("wv",), "InformationVariable": ("iv",), "OutVariable": ("ov",),
                   "OutBuffer": ("ob",), "PipelineVariable": ("pv",), "WhatIf": ("wi",), "Confirm": ("cf",)}


def common_params(should_process: bool) -> list[ParamSpec]:
    from .types import resolve
    out = []
    for n in COMMON + (("WhatIf", "Confirm") if should_process else ()):
        sw = n in ("Verbose", "Debug", "WhatIf", "Confirm")
        t = None
        label = None
        if n.endswith("Action"):
            label = "System.Management.Automation.ActionPreference"
        elif n.endswith("Variable"):
            t = resolve("string")
        elif n == "OutBuffer":
            t = resolve("int")
        out.append(ParamSpec(n, t, aliases=_COMMON_ALIASES.get(n, ()), is_switch=sw, is_common=True,
                             type_label=label))
    return out


class CommandMetadata:
    """Everything binding needs to know about a command's parameters."""

    def __init__(self, name: str, params: list[ParamSpec], *, default_set: str | None = None,
                 advanced: bool = True, should_process: bool = False, positional_binding: bool = True) -> None:
        self.name = name
        self.advanced = advanced
        self.should_process = should_process
        self.own = params
        self.params = params + (common_params(should_process) if advanced else [])
        self.by_name: dict[str, ParamSpec] = {}
        for p in self.params:
            self.by_name.setdefault(p.name.lower(), p)
        for p in self.params:
            for a in p.aliases:
                self.by_name.setdefault(a.lower(), p)
        sets: list[str] = []
        for p in params:
            for s in p.sets:
                if s != ALL_SETS and s not in sets:
                    sets.append(s)
        if default_set and sets and default_set not in sets:
            sets.append(default_set)  # a default set no parameter names (e.g. 'None')
        self.set_names = sets or [ALL_SETS]
        self.default_set = default_set or (sets[0] if sets else ALL_SETS)
        if not positional_binding:
            pass
        self.pipeline_params = [p for p in params if p.any_pipeline]
        self.simple_pipeline = (len(self.pipeline_params) == 1 and self.pipeline_params[0].type is None
                                and all(si.from_pipeline for si in self.pipeline_params[0].sets.values())
                                and not any(si.by_property_name for si in self.pipeline_params[0].sets.values()))

    def resolve(self, text: str, command_name: str) -> ParamSpec:
        """The parameter ``-text`` names (exact, alias, or unique prefix)."""
        low = text.lower()
        p = self.by_name.get(low)
        if p is not None:
            return p
        matches: list[ParamSpec] = []
        for key, q in self.by_name.items():
            if key.startswith(low) and q not in matches:
                matches.append(q)
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise binding_error(f"A parameter cannot be found that matches parameter name '{text}'.",
                                "NamedParameterNotFound", command_name, ErrorCategory.InvalidArgument)
        own = [m for m in matches if not m.is_common]
        if len(own) == 1:
            return own[0]
        names = " ".join("-" + m.name for m in matches)
        raise binding_error(f"Parameter cannot be processed because the parameter name '{text}' is ambiguous. "
                            f"Possible matches include: {names}.", "AmbiguousParameter", command_name,
                            ErrorCategory.InvalidArgument)


def binding_error(message: str, error_id: str, command_name: str,
                  category: ErrorCategory = ErrorCategory.InvalidArgument, target: Any = None) -> RuntimeException:
    e = runtime_error(message, error_id, category, target, ParameterBindingException)
    e.command_name = command_name
    return e
