"""Get-Help (help, man): help built from cmdlet declarations, comment-based help of script
functions and script files, conceptual about_ topics, and the topic search list.

Rendering is the formatter's (``o365shell.format.helpview``): this module only gathers the
facts into a ``HelpInfo``. Finding and parsing comment-based help is ``helpcomments.py``.
"""
from __future__ import annotations

import os
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.commandinfo import AliasInfo, CmdletInfo, FunctionInfo
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import (
    ErrorCategory,
    PSArgumentException,
    PSInvalidOperationException,
    _exc,
)
from o365shell.engine.netlib import wildcard as W

from ._abouttopics import ABOUT_TOPICS, DEFAULT_HELP
from .commandsyntax import parameter_sets, short_type, syntax_lines
from .fsprovider import ps_properties
from .helpcomments import _dedent, function_help_comment, script_help_comment
from .session_cmdlets import CORE, CORE_VERSION, all_aliases, all_cmdlets, all_functions, cmdlet_class

HelpNotFoundException = _exc("HelpNotFoundException", "System.Management.Automation.HelpNotFoundException")


# ----------------------------------------------------------------------------- help objects

@ps_properties
class CommandHelp:
    """The object Get-Help returns for a command (MamlCommandHelpInfo); shown with the help views."""

    __ps_typename__ = "MamlCommandHelpInfo"
    __ps_typenames__ = ("MamlCommandHelpInfo#o365shell", "MamlCommandHelpInfo",
                        "System.Management.Automation.PSCustomObject", "System.Object")
    __ps_properties__ = ("Name", "Category", "Synopsis", "Component", "Role", "Functionality", "ModuleName")

    def __init__(self, info: Any, category: str, module: str, view: str = "default",
                 parameter_names: list[str] | None = None) -> None:
        self.info = info
        self.Name = info.name
        self.Category = category
        self.ModuleName = module
        self.Synopsis = info.synopsis
        self.Component = None
        self.Role = None
        self.Functionality = None
        self.view = view
        self.parameter_names = parameter_names

    @property
    def Description(self) -> str:
        return self.info.description

    @property
    def Syntax(self) -> str:
        return "\n".join(self.info.syntax)

    @property
    def Examples(self) -> list:
        return [f"{e.code}\n{e.remarks}".strip() for e in self.info.examples]

    @property
    def Parameters(self) -> list:
        return [p.name for p in self.info.parameters]

    def text(self) -> str:
        from o365shell.format.helpview import render_help, render_parameter_help
        if self.parameter_names is not None:
            return render_parameter_help(self.info, self.parameter_names)
        return render_help(self.info, self.view)

    def ToString(self) -> str:
        return self.text()


@ps_properties
class HelpTopicText:
    """A conceptual help topic (about_*) or the default help text."""

    __ps_typename__ = "HelpInfoShort#Text"
    __ps_properties__ = ("Name", "Category", "Synopsis")

    def __init__(self, name: str, synopsis: str, body: str) -> None:
        self.Name = name
        self.Category = "HelpFile"
        self.Synopsis = synopsis
        self.body = body

    def ToString(self) -> str:
        return self.body


@ps_properties
class HelpListItem:
    """One row of the topic list Get-Help prints for a wildcard or partial name (HelpInfoShort)."""

    __ps_typename__ = "HelpInfoShort"
    __ps_properties__ = ("Name", "Category", "Module", "Synopsis")

    def __init__(self, name: str, category: str, module: str, synopsis: str) -> None:
        self.Name = name
        self.Category = category
        self.Module = module
        self.Synopsis = synopsis


def _render_command_help(obj: Any, width: int) -> list[str]:
    return obj.text().rstrip("\n").split("\n") + [""]


def _render_topic(obj: Any, width: int) -> list[str]:
    return [""] + obj.body.rstrip("\n").split("\n") + [""]


def _register_views() -> None:
    try:
        from o365shell.format.views import register_custom_view, register_table_view
    except ImportError:
        return
    register_custom_view("MamlCommandHelpInfo#o365shell", _render_command_help)
    register_custom_view("HelpInfoShort#Text", _render_topic)
    register_table_view("HelpInfoShort", [("Name", "Name", 33), ("Category", "Category", 9),
                                          ("Module", "Module", 25), ("Synopsis", "Synopsis")])


_register_views()


# ----------------------------------------------------------------------------- building HelpInfo

def _help_uri(name: str, module: str) -> str:
    if module.startswith("Microsoft.PowerShell"):
        return f"https://learn.microsoft.com/powershell/module/{module.lower()}/{name.lower()}"
    if module == "MSOnline":
        return f"https://learn.microsoft.com/powershell/module/msonline/{name.lower()}"
    if module == "ExchangeOnlineManagement":
        return f"https://learn.microsoft.com/powershell/module/exchange/{name.lower()}"
    if module.startswith("Microsoft.Graph"):
        return f"https://learn.microsoft.com/powershell/module/{module.lower()}/{name.lower()}"
    return ""


def _pipeline_text(p: Any) -> str:
    by_value = any(si.from_pipeline for si in p.sets.values())
    by_prop = any(si.by_property_name for si in p.sets.values())
    kinds = [k for k, on in (("ByValue", by_value), ("ByPropertyName", by_prop)) if on]
    return f"True ({', '.join(kinds)})" if kinds else "False"


def _default_text(p: Any) -> str:
    d = p.default
    if d is None or d is False or p.is_switch:
        return "False" if p.is_switch else "None"
    if isinstance(d, (list, tuple)):
        return ", ".join(to_string(x) for x in d)
    return to_string(d)


def script_defaults(sb: Any) -> dict[str, str]:
    """Parameter name (lower case) -> the text of its default value, from a script block's param() block."""
    out: dict[str, str] = {}
    ast = getattr(sb, "ast", None)
    pb = getattr(ast, "param_block", None) if ast is not None else None
    text = getattr(getattr(sb, "source", None), "text", "") or ""
    for prm in getattr(pb, "parameters", None) or []:
        d = getattr(prm, "default", None)
        if d is None:
            continue
        value = getattr(d, "value", None)
        if type(d).__name__ == "StringConstant" and isinstance(value, str):
            out[str(prm.name).lower()] = value
        elif text:
            out[str(prm.name).lower()] = text[d.start:d.end]
    return out


def _param_helps(meta: Any, descriptions: dict[str, str] | None = None, use_declared: bool = True,
                 forced_required: tuple[str, ...] = (), defaults: dict[str, str] | None = None) -> list:
    from o365shell.format.helpview import ParameterHelp
    out = []
    if meta is None:
        return out
    for p in getattr(meta, "own", meta.params):
        if getattr(p, "is_common", False) or p.dont_show:
            continue
        sets = list(p.sets.values())
        required = (bool(sets) and all(si.mandatory for si in sets)) or p.name in forced_required
        positions = [si.position for si in sets if si.position is not None]
        desc = (descriptions or {}).get(p.name.lower(), "") or (p.help if use_declared else "")
        out.append(ParameterHelp(p.name, short_type(p.type_name, False), desc, required,
                                 positions[0] if positions and not p.is_switch else None,
                                 (defaults or {}).get(p.name.lower()) or (_default_text(p) if not required else ""),
                                 _pipeline_text(p), list(p.aliases), bool(p.accepts_wildcards), p.is_switch))
    if getattr(meta, "should_process", False):
        out.append(ParameterHelp("WhatIf", "SwitchParameter", "Shows what would happen if the cmdlet runs. The "
                                 "cmdlet is not run.", False, None, "False", "False", ["wi"], False, True))
        out.append(ParameterHelp("Confirm", "SwitchParameter", "Prompts you for confirmation before running the "
                                 "cmdlet.", False, None, "False", "False", ["cf"], False, True))
    return out


def cmdlet_help(cls: type) -> Any:
    from o365shell.format.helpview import ExampleHelp, HelpInfo
    doc = (cls.__doc__ or "").strip()
    parts = doc.split("\n", 1)
    synopsis = parts[0].strip()
    description = _dedent(parts[1].split("\n")) if len(parts) > 1 else ""
    meta = cls.metadata  # type: ignore[attr-defined]
    name = cls.name  # type: ignore[attr-defined]
    module = getattr(cls, "module", "") or ""
    links = list(getattr(cls, "links", []) or [])
    uri = _help_uri(name, module)
    if uri and not links:
        links = [f"Online Version: {uri}"]
    inputs = [getattr(cls, "inputs", "")] if getattr(cls, "inputs", "") else _inputs_of(meta)
    outputs = [cls.outputs] if getattr(cls, "outputs", "") else []  # type: ignore[attr-defined]
    forced = tuple(getattr(cls, "help_required", ()))
    return HelpInfo(name=name, synopsis=synopsis, syntax=syntax_lines(name, meta, forced_required=forced),
                    description=description,
                    parameters=_param_helps(meta, forced_required=forced),
                    examples=[ExampleHelp(code, remarks) for code, remarks in (getattr(cls, "examples", []) or [])],
                    inputs=inputs, outputs=outputs, notes=getattr(cls, "notes", "") or "", related_links=links,
                    online=bool(uri))


def _inputs_of(meta: Any) -> list[str]:
    types = []
    for p in getattr(meta, "own", []):
        if any(si.from_pipeline for si in p.sets.values()):
            t = p.type_name.replace("[]", "")
            if t not in types:
                types.append(t)
    return types


def script_help(name: str, meta: Any, parsed: dict[str, Any] | None, advanced_default: bool = False,
                defaults: dict[str, str] | None = None) -> Any:
    from o365shell.format.helpview import ExampleHelp, HelpInfo
    parsed = parsed or {}
    examples = []
    for text in parsed.get("examples", []):
        lines = text.split("\n")
        code_lines = [lines[0]] if lines else [""]
        rest = lines[1:]
        while rest and rest[0].strip() and not rest[0].startswith(" "):
            if rest[0].lstrip().startswith(("PS ", "C:\\")) or rest[0].rstrip().endswith(("|", "`")):
                code_lines.append(rest.pop(0))
            else:
                break
        examples.append(ExampleHelp("\n".join(code_lines), _dedent(rest)))
    info = HelpInfo(name=name, synopsis=parsed.get("synopsis", ""), syntax=syntax_lines(name, meta),
                    description=parsed.get("description", ""),
                    parameters=_param_helps(meta, parsed.get("parameters", {}), use_declared=True,
                                            defaults=defaults),
                    examples=examples, inputs=parsed.get("inputs", []), outputs=parsed.get("outputs", []),
                    notes=parsed.get("notes", ""), related_links=parsed.get("links", []),
                    common_parameters=bool(getattr(meta, "advanced", advanced_default)) if meta is not None else False)
    if not parsed:
        info.remarks = "None"
    return info


def _meta_of(info: Any) -> Any:
    try:
        return info.metadata()
    except Exception:
        return None


# ----------------------------------------------------------------------------- Get-Help

@cmdlet("Get-Help", module=CORE, version=CORE_VERSION, default_set="AllUsersView")
class GetHelp(Cmdlet):
    """Displays information about PowerShell commands and concepts.

    Get-Help <command> shows the help of a cmdlet, a function (its comment-based help) or a
    script file; -Detailed adds the parameter descriptions and examples, -Full everything,
    -Examples only the examples and -Parameter one parameter. Get-Help about_<topic> shows a
    conceptual topic (try about_o365shell, about_MFA_Lab and about_Per_User_MFA). A wildcard
    or a partial name lists the matching topics."""

    Name = Parameter(str, position=0, by_property_name=True, wildcards=True,
                     help="The command or topic to get help for; wildcards list the matching topics.")
    Path = Parameter(str, help="Only help from this provider path (ignored).")
    Category = Parameter(list[str], validate_set=("Alias", "Cmdlet", "Provider", "General", "FAQ", "Glossary",
                                                  "HelpFile", "ScriptCommand", "Function", "Filter", "ExternalScript",
                                                  "All", "DefaultHelp", "DscResource", "Class", "Configuration"),
                         help="Only topics of these categories (Cmdlet, Function, HelpFile, Alias, ...).")
    Full = Parameter(Switch, set="AllUsersView", help="The whole help topic.")
    Detailed = Parameter(Switch, mandatory=True, set="DetailedView",
                         help="The help with parameter descriptions and examples.")
    Examples = Parameter(Switch, mandatory=True, set="Examples", help="Only the examples.")
    Component = Parameter(list[str], help="Only commands of these components.")
    Functionality = Parameter(list[str], help="Only commands with this functionality.")
    Role = Parameter(list[str], help="Only commands for these roles.")
    Online = Parameter(Switch, mandatory=True, set="Online", help="Open the online version (no browser here).")
    ShowWindow = Parameter(Switch, mandatory=True, set="ShowWindow", help="Show the help in a window (no GUI here).")
    # declared last: after this line 'Parameter' in the class body is the declaration, not the class
    Parameter = Parameter(list[str], mandatory=True, set="Parameters",
                          help="Only the help of these parameters (wildcards allowed).")
    examples = [("Get-Help Get-MsolUser", "The help of a cmdlet."),
                ("Get-Help Set-MsolUser -Examples", "Only its examples."),
                ("Get-Help *Mfa*", "Every topic whose name contains Mfa."),
                ("Get-Help about_Per_User_MFA", "A conceptual topic.")]

    def process(self) -> None:
        name = self.Name
        if self.ShowWindow:
            raise self.error("Get-Help -ShowWindow needs a graphical desktop, which o365shell does not have. Use "
                             "Get-Help -Full instead.", "NoGUI", ErrorCategory.NotImplemented, name,
                             PSInvalidOperationException)
        if not name:
            self.write(HelpTopicText("default", "Displays help about PowerShell cmdlets and concepts.",
                                     DEFAULT_HELP))
            return
        categories = {c.lower() for c in (self.Category or [])}
        if name.lower().startswith("about_") and not W.has_wildcard(name):
            topic = _about(name)
            if topic is not None and self._category_ok("HelpFile", categories):
                self.write(topic)
                return
        if not W.has_wildcard(name):
            found = self._exact(name, categories)
            if found is not None:
                self._show(*found)
                return
        matches = self._search(name, categories)
        if len(matches) == 1 and not W.has_wildcard(name):
            m = matches[0]
            if m[0] == "HelpFile":
                self.write(_about(m[1]))
            else:
                exact = self._exact(m[1], categories)
                if exact is not None:
                    self._show(*exact)
            return
        if not matches:
            self._not_found(name)
            return
        for cat, n, module, synopsis in matches:
            self.write(HelpListItem(n, cat, module, synopsis))

    # -- lookup
    def _category_ok(self, cat: str, categories: set[str]) -> bool:
        if not categories or "all" in categories:
            return True
        return cat.lower() in categories

    def _exact(self, name: str, categories: set[str]) -> tuple | None:
        ctx = self.ctx
        info = ctx.resolve_command(name)
        if info is None:
            # a cmdlet that exists only after a connection (Exchange Online) still has its help here
            cls = cmdlet_class(ctx, name.lower())
            if cls is None or not self._category_ok("Cmdlet", categories):
                return None
            return (cmdlet_help(cls), "Cmdlet", getattr(cls, "module", "") or "")
        if isinstance(info, AliasInfo):
            if categories and "alias" in categories:
                from o365shell.format.helpview import HelpInfo
                h = HelpInfo(name=info.Name, synopsis=f"{info.Name} -> {info.target}",
                             description=f"{info.Name} is an alias of {info.target}.", common_parameters=False)
                return (h, "Alias", "")
            info = info.resolved
        if isinstance(info, CmdletInfo):
            if not self._category_ok("Cmdlet", categories):
                return None
            return (cmdlet_help(info.cls), "Cmdlet", info.Source)
        if isinstance(info, FunctionInfo):
            if not self._category_ok("Function", categories):
                return None
            return (script_help(info.Name, _meta_of(info), function_help_comment(info),
                                defaults=script_defaults(info.scriptblock)), "Function", "")
        path = getattr(info, "path", None)
        if path:
            if not self._category_ok("ExternalScript", categories):
                return None
            try:
                defaults = script_defaults(info.scriptblock(ctx))
            except Exception:  # a script that does not parse still gets its comment help
                defaults = {}
            return (script_help(path, _meta_of(info), script_help_comment(path), defaults=defaults),
                    "ExternalScript", "")
        return None

    def _search(self, name: str, categories: set[str]) -> list[tuple[str, str, str, str]]:
        pattern = name if W.has_wildcard(name) else f"*{name}*"
        match = W.compile_wildcard(pattern)
        out: list[tuple[str, str, str, str]] = []
        ctx = self.ctx
        if self._category_ok("Alias", categories) and categories:
            for a in sorted(all_aliases(ctx)):
                if match(a):
                    out.append(("Alias", a, "", ""))
        if self._category_ok("Function", categories):
            for f in sorted(all_functions(ctx).values(), key=lambda f: f.Name.lower()):
                if match(f.Name):
                    parsed = function_help_comment(f) or {}
                    out.append(("Function", f.Name, "", parsed.get("synopsis", "")))
        if self._category_ok("Cmdlet", categories):
            for cls in sorted(all_cmdlets(ctx, include_unavailable=True),
                              key=lambda c: c.name.lower()):  # type: ignore[attr-defined]
                if match(cls.name):  # type: ignore[attr-defined]
                    doc = (cls.__doc__ or "").strip().split("\n", 1)[0].strip()
                    out.append(("Cmdlet", cls.name, cls.module, doc))  # type: ignore[attr-defined]
        if self._category_ok("HelpFile", categories):
            for key, (title, synopsis, body) in sorted(ABOUT_TOPICS.items()):
                if match(title) or (not W.has_wildcard(name) and name.lower() in body.lower()):
                    out.append(("HelpFile", title, "", synopsis))
        return out

    # -- output
    def _show(self, info: Any, category: str, module: str) -> None:
        if self.Online:
            uri = next((link.split(": ", 1)[-1] for link in info.related_links if "http" in link), "")
            if not uri:
                raise self.error("The online version of this Help topic cannot be displayed because the Internet "
                                 "address (URI) of the Help topic is not specified in the command code or in the "
                                 "help file for the command.", "InvalidOperation,Microsoft.PowerShell.Commands."
                                 "GetHelpCommand", ErrorCategory.InvalidOperation, info.name,
                                 PSInvalidOperationException)
            raise self.error(f"There is no web browser in o365shell to open the online help of {info.name}. Its "
                             f"address is {uri}", "InvalidOperation,Microsoft.PowerShell.Commands.GetHelpCommand",
                             ErrorCategory.InvalidOperation, info.name, PSInvalidOperationException)
        if self.Parameter is not None:
            names = [to_string(n) for n in self.Parameter]
            for n in names:
                rx = W.compile_wildcard(n)
                if not any(rx(p.name) for p in info.parameters):
                    self.write_error(f"No parameter matches criteria {n}.",
                                     "NoParmsFound,Microsoft.PowerShell.Commands.GetHelpCommand",
                                     ErrorCategory.InvalidArgument, n, PSArgumentException)
                    return
            self.write(CommandHelp(info, category, module, parameter_names=names))
            return
        view = "full" if self.Full else "detailed" if self.Detailed else "examples" if self.Examples else "default"
        self.write(CommandHelp(info, category, module, view))

    def _not_found(self, name: str) -> None:
        self.write_error(
            f"Get-Help could not find {name} in a help file in this session. To download updated help topics type: "
            "\"Update-Help\". To get help online, search for the help topic in the TechNet library at "
            "https:/go.microsoft.com/fwlink/?LinkID=107116.",
            "HelpNotFound,Microsoft.PowerShell.Commands.GetHelpCommand", ErrorCategory.ResourceUnavailable, name,
            HelpNotFoundException)


def _about(name: str) -> HelpTopicText | None:
    t = ABOUT_TOPICS.get(name.lower())
    if t is None:
        return None
    title, synopsis, body = t
    return HelpTopicText(title, synopsis, body)

_ = (parameter_sets, os)
