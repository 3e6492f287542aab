"""The parameter descriptions Get-Command hands out: ``(Get-Command X).Parameters`` (a dictionary of
ParameterMetadata by name) and ``.ParameterSets`` (CommandParameterSetInfo, one per set, each
listing CommandParameterInfo), built from a command's ``CommandMetadata``.
"""
from __future__ import annotations

from typing import Any

from .parameters import ALL_SETS, CommandMetadata, ParamSpec


def _param_type(p: ParamSpec) -> Any:
    from .types import resolve
    if p.is_switch:
        return resolve("System.Management.Automation.SwitchParameter")
    return p.type if p.type is not None else resolve("System.Object")


class ParameterSetMetadata:
    """System.Management.Automation.ParameterSetMetadata: how a parameter behaves in one set."""

    __ps_typename__ = "System.Management.Automation.ParameterSetMetadata"
    __ps_properties__ = ("IsMandatory", "Position", "ValueFromPipeline", "ValueFromPipelineByPropertyName",
                         "ValueFromRemainingArguments", "HelpMessage", "HelpMessageBaseName", "HelpMessageResourceId")

    def __init__(self, p: ParamSpec, setname: str) -> None:
        si = p.sets[setname]
        self.IsMandatory = bool(si.mandatory)
        self.Position = si.position if si.position is not None else -2147483648
        self.ValueFromPipeline = bool(si.from_pipeline)
        self.ValueFromPipelineByPropertyName = bool(si.by_property_name)
        self.ValueFromRemainingArguments = bool(p.remaining)
        self.HelpMessage = si.help_message
        self.HelpMessageBaseName = None
        self.HelpMessageResourceId = None


class ParameterMetadata:
    """System.Management.Automation.ParameterMetadata: one entry of ``(Get-Command X).Parameters``."""

    __ps_typename__ = "System.Management.Automation.ParameterMetadata"
    __ps_properties__ = ("Name", "ParameterType", "ParameterSets", "IsDynamic", "Aliases", "Attributes",
                         "SwitchParameter")

    def __init__(self, p: ParamSpec) -> None:
        from .pscollections import Hashtable
        self.Name = p.name
        self.ParameterType = _param_type(p)
        sets = Hashtable()
        for name in p.sets:
            sets[name] = ParameterSetMetadata(p, name)
        self.ParameterSets = sets
        self.IsDynamic = False
        self.Aliases = list(p.aliases)
        self.Attributes = list(p.validators)
        self.SwitchParameter = bool(p.is_switch)

    def ToString(self) -> str:
        return "System.Management.Automation.ParameterMetadata"


class CommandParameterInfo:
    """System.Management.Automation.CommandParameterInfo: a parameter as one parameter set sees it."""

    __ps_typename__ = "System.Management.Automation.CommandParameterInfo"
    __ps_properties__ = ("Name", "ParameterType", "IsMandatory", "IsDynamic", "Position", "ValueFromPipeline",
                         "ValueFromPipelineByPropertyName", "ValueFromRemainingArguments", "HelpMessage",
                         "Aliases", "Attributes")

    def __init__(self, p: ParamSpec, setname: str) -> None:
        si = p.in_set(setname)
        self.Name = p.name
        self.ParameterType = _param_type(p)
        self.IsMandatory = bool(si and si.mandatory)
        self.IsDynamic = False
        self.Position = si.position if si is not None and si.position is not None else -2147483648
        self.ValueFromPipeline = bool(si and si.from_pipeline)
        self.ValueFromPipelineByPropertyName = bool(si and si.by_property_name)
        self.ValueFromRemainingArguments = bool(p.remaining)
        self.HelpMessage = si.help_message if si is not None else None
        self.Aliases = list(p.aliases)
        self.Attributes = list(p.validators)

    def ToString(self) -> str:
        return self.Name


class CommandParameterSetInfo:
    """System.Management.Automation.CommandParameterSetInfo: one parameter set of a command."""

    __ps_typename__ = "System.Management.Automation.CommandParameterSetInfo"
    __ps_properties__ = ("Name", "IsDefault", "Parameters")

    def __init__(self, meta: CommandMetadata, setname: str) -> None:
        self.Name = setname
        self.IsDefault = setname == meta.default_set
        self.Parameters = [CommandParameterInfo(p, setname) for p in meta.params
                           if setname in p.sets or ALL_SETS in p.sets]

    def ToString(self) -> str:
        return self.Name


def parameters_of(meta: CommandMetadata | None) -> Any:
    """``.Parameters``: ParameterMetadata by name, in declaration order (common parameters last)."""
    from .pscollections import Hashtable
    h = Hashtable()
    if meta is not None:
        for p in meta.params:
            h[p.name] = ParameterMetadata(p)
    return h


def parameter_sets_of(meta: CommandMetadata | None) -> list[CommandParameterSetInfo]:
    """``.ParameterSets``: every set of the command (one ``__AllParameterSets`` when it declares none)."""
    if meta is None:
        return []
    return [CommandParameterSetInfo(meta, s) for s in meta.set_names]
