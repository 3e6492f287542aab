"""Get-Help output in pwsh's layout, from plain data (:class:`HelpInfo`).

Views (``render_help(info, view=...)``):

* ``default``  NAME, SYNOPSIS, SYNTAX, DESCRIPTION, RELATED LINKS, REMARKS
* ``detailed`` adds PARAMETERS (descriptions) and the examples
* ``full``     parameter attribute blocks, INPUTS, OUTPUTS, NOTES, EXAMPLES, RELATED LINKS
* ``examples`` NAME, SYNOPSIS and the examples
* ``parameter`` (``render_parameter_help``) only the named parameters' blocks (wildcards)

Section headings sit at column 0, their contents indented four spaces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable

__all__ = ["ParameterHelp", "ExampleHelp", "HelpInfo", "render_help", "render_parameter_help",
           "syntax_lines", "syntax_line", "COMMON_PARAMETERS_TEXT"]

COMMON_PARAMETERS_TEXT = (
    "This cmdlet supports the common parameters: Verbose, Debug,\n"
    "ErrorAction, ErrorVariable, WarningAction, WarningVariable,\n"
    "OutBuffer, PipelineVariable, and OutVariable. For more information, see\n"
    "about_CommonParameters (https://go.microsoft.com/fwlink/?LinkID=113216).")


@dataclass
class ParameterHelp:
    """One parameter as help shows it."""

    name: str
    type: str = "String"
    description: str = ""
    required: bool = False
    position: int | None = None
    default: str = ""
    pipeline_input: str = "False"
    aliases: list[str] = field(default_factory=list)
    wildcards: bool = False
    switch: bool = False

    @property
    def is_switch(self) -> bool:
        return self.switch or self.type.lower() in ("switchparameter", "switch",
                                                    "system.management.automation.switchparameter")


@dataclass
class ExampleHelp:
    """One example: its code, the remarks under it and an optional title."""

    code: str
    remarks: str = ""
    title: str | None = None


@dataclass
class HelpInfo:
    """Everything Get-Help shows for a command (or a script function with comment-based help)."""

    name: str
    synopsis: str = ""
    syntax: list[str] = field(default_factory=list)
    description: str = ""
    parameters: list[ParameterHelp] = field(default_factory=list)
    examples: list[ExampleHelp] = field(default_factory=list)
    inputs: list[str] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    notes: str = ""
    related_links: list[str] = field(default_factory=list)
    remarks: str | None = None
    common_parameters: bool = True
    online: bool = False


# ----------------------------------------------------------------------------- syntax

def _param_syntax(p: Any) -> str:
    name = p.name
    switch = p.is_switch if hasattr(p, "is_switch") else bool(getattr(p, "switch", False))
    typ = getattr(p, "type", "") or "Object"
    required = bool(getattr(p, "required", False))
    position = getattr(p, "position", None)
    if switch:
        return f"-{name}" if required else f"[-{name}]"
    if position is not None:
        inner = f"[-{name}] <{typ}>"
        return inner if required else f"[{inner}]"
    return f"-{name} <{typ}>" if required else f"[-{name} <{typ}>]"


def syntax_line(command: str, parameters: Iterable[Any], common_parameters: bool = True) -> str:
    """One SYNTAX line: positional parameters by position, then mandatory, then the others."""
    params = list(parameters)
    positional = sorted((p for p in params if getattr(p, "position", None) is not None
                         and not (p.is_switch if hasattr(p, "is_switch") else False)),
                        key=lambda p: p.position)
    rest = [p for p in params if p not in positional]
    mandatory = [p for p in rest if getattr(p, "required", False)]
    others = [p for p in rest if not getattr(p, "required", False)]
    parts = [command] + [_param_syntax(p) for p in positional + mandatory + others]
    if common_parameters:
        parts.append("[<CommonParameters>]")
    return " ".join(parts)


def syntax_lines(command: str, parameter_sets: Any, common_parameters: bool = True) -> list[str]:
    """SYNTAX lines, one per parameter set (a mapping name -> parameters, or a list of parameter lists)."""
    if hasattr(parameter_sets, "values"):
        sets = list(parameter_sets.values())
    else:
        sets = list(parameter_sets)
    if sets and not isinstance(sets[0], (list, tuple)):
        sets = [sets]
    if not sets:
        sets = [[]]
    return [syntax_line(command, s, common_parameters) for s in sets]


# ----------------------------------------------------------------------------- rendering

def _indent(text: str, n: int) -> list[str]:
    pad = " " * n
    return [(pad + line).rstrip() if line.strip() else "" for line in text.strip("\n").split("\n")]


def _section(out: list[str], title: str, body: list[str], blank_after: int = 1) -> None:
    out.append(title)
    out.extend(body)
    out.extend([""] * blank_after)


def _default_remarks(name: str, online: bool) -> list[str]:
    lines = [f'To see the examples, type: "get-help {name} -examples".',
             f'For more information, type: "get-help {name} -detailed".',
             f'For technical information, type: "get-help {name} -full".']
    if online:
        lines.append(f'For online help, type: "get-help {name} -online"')
    return lines


def _param_block(p: ParameterHelp, full: bool) -> list[str]:
    head = f"-{p.name}" if p.is_switch else f"-{p.name} <{p.type}>"
    out = ["    " + head]
    if p.description:
        out += _indent(p.description, 8)
    if full:
        out.append("")
        pos = "Named" if p.position is None else str(p.position)
        rows = [("Required?", "true" if p.required else "false"), ("Position?", pos),
                ("Default value", p.default or ""), ("Accept pipeline input?", p.pipeline_input or "False"),
                ("Aliases", ", ".join(p.aliases)), ("Accept wildcard characters?",
                                                     "true" if p.wildcards else "false")]
        for label, value in rows:
            out.append(("        " + label.ljust(29) + value).rstrip())
    out.append("")
    return out


def _parameters_section(info: HelpInfo, full: bool) -> list[str]:
    body: list[str] = []
    for p in info.parameters:
        body += _param_block(p, full)
    if info.common_parameters:
        body.append("    <CommonParameters>")
        body += _indent(COMMON_PARAMETERS_TEXT, 8)
        body.append("")
    return body


def _examples(info: HelpInfo) -> list[str]:
    out: list[str] = []
    for i, ex in enumerate(info.examples, 1):
        title = ex.title or f"EXAMPLE {i}"
        out.append(f"    -------------------------- {title} --------------------------")
        out.append("")
        code = ex.code.strip("\n")
        out += _indent(code if code.lstrip().startswith("PS ") else "PS > " + code, 4)
        if ex.remarks:
            out.append("")
            out += _indent(ex.remarks, 4)
        out.append("")
        out.append("")
    return out


def _syntax(info: HelpInfo) -> list[str]:
    lines = info.syntax or [info.name + (" [<CommonParameters>]" if info.common_parameters else "")]
    body: list[str] = []
    for i, s in enumerate(lines):
        if i:
            body.append("")
        body.append("    " + s)
    return body


def render_help(info: HelpInfo, view: str = "default") -> str:
    """The Get-Help text for ``view`` (default, detailed, full, examples)."""
    view = view.lower()
    out: list[str] = [""]
    _section(out, "NAME", ["    " + info.name])
    _section(out, "SYNOPSIS", _indent(info.synopsis, 4) if info.synopsis else [], 2 if view != "examples" else 1)
    if view == "examples":
        out += _examples(info)
        return "\n".join(out).rstrip("\n") + "\n"
    _section(out, "SYNTAX", _syntax(info), 2)
    if info.description:
        _section(out, "DESCRIPTION", _indent(info.description, 4), 2)
    if view in ("detailed", "full"):
        _section(out, "PARAMETERS", _parameters_section(info, view == "full"), 0)
        if view == "full":
            if info.inputs:
                body: list[str] = []
                for x in info.inputs:
                    body += _indent(x, 4) + [""]
                _section(out, "INPUTS", body, 1)
            if info.outputs:
                body = []
                for x in info.outputs:
                    body += _indent(x, 4) + [""]
                _section(out, "OUTPUTS", body, 1)
            if info.notes:
                _section(out, "NOTES", _indent(info.notes, 4) + [""], 1)
        out += _examples(info)
    if info.related_links:
        _section(out, "RELATED LINKS", ["    " + link for link in info.related_links])
    if view != "full":
        if info.remarks is not None:
            _section(out, "REMARKS", _indent(info.remarks, 4))
        else:
            if view == "detailed":
                remarks = _default_remarks(info.name, info.online)[:1] + \
                    _default_remarks(info.name, info.online)[2:]
            else:
                remarks = _default_remarks(info.name, info.online)
            _section(out, "REMARKS", ["    " + r for r in remarks])
    return "\n".join(out).rstrip("\n") + "\n\n"


def _wildcard(pattern: str) -> re.Pattern:
    rx = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)
    return re.compile(rx + r"\Z", re.IGNORECASE)


def render_parameter_help(info: HelpInfo, names: Iterable[str]) -> str:
    """Get-Help -Parameter: the full blocks of the parameters matching ``names`` (wildcards).

    Raises KeyError(name) when a name matches no parameter (the cmdlet reports pwsh's
    "No parameter matches criteria" error).
    """
    out: list[str] = [""]
    for n in names:
        rx = _wildcard(n)
        found = [p for p in info.parameters if rx.match(p.name)]
        if not found:
            raise KeyError(n)
        for p in found:
            out += _param_block(p, True)
    return "\n".join(out) + "\n"
