"""What a command name resolves to: CmdletInfo, FunctionInfo, AliasInfo, ExternalScriptInfo.

These are also the objects Get-Command returns, so they carry pwsh's CommandInfo
properties (CommandType, Name, Version, Source, Definition, Parameters...).
"""
from __future__ import annotations

import enum
import os
from typing import Any


#: How a command's syntax text is made (set by the help system when it loads; engine stays independent).
SYNTAX_PROVIDER: Any = None


def _syntax(info: Any) -> str:
    if SYNTAX_PROVIDER is None:
        return info.Name
    return SYNTAX_PROVIDER(info).strip("\n") + "\n"


class CommandTypes(enum.IntFlag):
    """System.Management.Automation.CommandTypes."""

    __ps_typename__ = "System.Management.Automation.CommandTypes"
    Alias = 1
    Function = 2
    Filter = 4
    Cmdlet = 8
    ExternalScript = 16
    Application = 32
    Script = 64
    Configuration = 256
    All = 383


class CommandInfo:
    """Base of command descriptions."""

    __ps_typename__ = "System.Management.Automation.CommandInfo"
    __ps_properties__ = ("CommandType", "Name", "Version", "Source")
    __ps_default_display__ = ("CommandType", "Name", "Version", "Source")
    command_type = CommandTypes.Cmdlet

    @property
    def CommandType(self) -> CommandTypes:
        return self.command_type

    @property
    def Name(self) -> str:
        raise NotImplementedError

    @property
    def Version(self) -> str:
        return ""

    @property
    def Source(self) -> str:
        return ""

    @property
    def ModuleName(self) -> str:
        return self.Source

    @property
    def Definition(self) -> str:
        return self.Name

    @property
    def Parameters(self) -> Any:
        from .paraminfo import parameters_of
        return parameters_of(self.metadata())

    @property
    def ParameterSets(self) -> list:
        from .paraminfo import parameter_sets_of
        return parameter_sets_of(self.metadata())

    @property
    def DefaultParameterSet(self) -> str | None:
        m = self.metadata()
        if m is None or m.default_set == "__AllParameterSets" and len(m.set_names) <= 1:
            return None
        return m.default_set

    @property
    def Visibility(self) -> str:
        return "Public"

    @property
    def HelpUri(self) -> str:
        return ""

    def metadata(self) -> Any:
        return None

    def ToString(self) -> str:
        return self.Name

    def processor(self, ctx: Any, args: list, invocation_name: str, position: Any, dot_source: bool = False) -> Any:
        raise NotImplementedError


class CmdletInfo(CommandInfo):
    """A cmdlet (a Python class declared with @cmdlet)."""

    __ps_typename__ = "System.Management.Automation.CmdletInfo"
    __ps_typenames__ = ("System.Management.Automation.CmdletInfo", "System.Management.Automation.CommandInfo",
                        "System.Object")
    command_type = CommandTypes.Cmdlet
    __slots__ = ("cls",)

    def __init__(self, cls: type) -> None:
        self.cls = cls

    @property
    def Name(self) -> str:
        return self.cls.name  # type: ignore[attr-defined]

    @property
    def Version(self) -> str:
        return self.cls.version  # type: ignore[attr-defined]

    @property
    def Source(self) -> str:
        return self.cls.module  # type: ignore[attr-defined]

    @property
    def Verb(self) -> str:
        return self.Name.split("-", 1)[0] if "-" in self.Name else ""

    @property
    def Noun(self) -> str:
        return self.Name.split("-", 1)[1] if "-" in self.Name else ""

    @property
    def ImplementingType(self) -> str:
        return self.cls.__name__

    @property
    def Definition(self) -> str:
        return _syntax(self)

    def metadata(self) -> Any:
        return self.cls.metadata  # type: ignore[attr-defined]

    def processor(self, ctx: Any, args: list, invocation_name: str, position: Any, dot_source: bool = False) -> Any:
        from .pipeline import CmdletProcessor
        return CmdletProcessor(ctx, self.cls, args, invocation_name, position)


class FunctionInfo(CommandInfo):
    """A function or filter defined by a script."""

    __ps_typename__ = "System.Management.Automation.FunctionInfo"
    __ps_typenames__ = ("System.Management.Automation.FunctionInfo", "System.Management.Automation.CommandInfo",
                        "System.Object")
    __slots__ = ("name", "scriptblock", "is_filter", "help_comment")

    def __init__(self, name: str, scriptblock: Any, is_filter: bool = False, help_comment: str | None = None) -> None:
        self.name = name
        self.scriptblock = scriptblock
        self.is_filter = is_filter
        self.help_comment = help_comment

    @property
    def command_type(self) -> CommandTypes:  # type: ignore[override]
        return CommandTypes.Filter if self.is_filter else CommandTypes.Function

    @property
    def Name(self) -> str:
        return self.name

    @property
    def ScriptBlock(self) -> Any:
        return self.scriptblock

    @property
    def Definition(self) -> str:
        return self.scriptblock.ToString()

    def metadata(self) -> Any:
        return self.scriptblock.compiled().metadata

    def processor(self, ctx: Any, args: list, invocation_name: str, position: Any, dot_source: bool = False) -> Any:
        from .scriptproc import ScriptProcessor
        return ScriptProcessor(ctx, self.scriptblock, args, invocation_name, position, dot_source=dot_source,
                               is_filter=self.is_filter, info=self if self.name else None)


class AliasInfo(CommandInfo):
    """An alias and the command it resolves to."""

    __ps_typename__ = "System.Management.Automation.AliasInfo"
    __ps_typenames__ = ("System.Management.Automation.AliasInfo", "System.Management.Automation.CommandInfo",
                        "System.Object")
    command_type = CommandTypes.Alias
    __slots__ = ("name", "target", "resolved")

    def __init__(self, name: str, target: str, resolved: Any) -> None:
        self.name = name
        self.target = target
        self.resolved = resolved

    def _declared(self) -> str | None:
        """The alias as the resolved cmdlet declares it (``Connect-Graph``), if it is one of its aliases."""
        cls = getattr(self.resolved, "cls", None)
        lname = self.name.lower()
        for a in getattr(cls, "aliases", None) or ():
            if a.lower() == lname:
                return a
        return None

    def _module_alias(self) -> bool:
        """An alias a module exports (its Source and Version are the module's); pwsh's own aliases have none."""
        source = self.resolved.Source if self.resolved is not None else ""
        return bool(source) and not source.startswith("Microsoft.PowerShell.") and self._declared() is not None

    @property
    def Name(self) -> str:
        return self._declared() or self.name

    @property
    def DisplayName(self) -> str:
        return f"{self.Name} -> {self.target}"

    @property
    def Definition(self) -> str:
        return self.target

    @property
    def ReferencedCommand(self) -> Any:
        return self.resolved

    @property
    def ResolvedCommand(self) -> Any:
        return self.resolved

    @property
    def ResolvedCommandName(self) -> str:
        return self.resolved.Name if self.resolved is not None else self.target

    @property
    def Source(self) -> str:
        return self.resolved.Source if self._module_alias() else ""

    @property
    def Version(self) -> str:
        return self.resolved.Version if self._module_alias() else ""

    def metadata(self) -> Any:
        return self.resolved.metadata() if self.resolved is not None else None

    def processor(self, ctx: Any, args: list, invocation_name: str, position: Any, dot_source: bool = False) -> Any:
        return self.resolved.processor(ctx, args, invocation_name, position, dot_source)


class ExternalScriptInfo(CommandInfo):
    """A .ps1 file run as a command."""

    __ps_typename__ = "System.Management.Automation.ExternalScriptInfo"
    __ps_typenames__ = ("System.Management.Automation.ExternalScriptInfo",
                        "System.Management.Automation.CommandInfo", "System.Object")
    command_type = CommandTypes.ExternalScript
    __slots__ = ("path", "_sb")

    def __init__(self, path: str) -> None:
        self.path = path
        self._sb: Any = None

    @property
    def Name(self) -> str:
        return os.path.basename(self.path)

    @property
    def Path(self) -> str:
        return self.path

    @property
    def Source(self) -> str:
        return self.path

    @property
    def Definition(self) -> str:
        return self.path

    def scriptblock(self, ctx: Any) -> Any:
        if self._sb is None or self._sb.ctx is not ctx:
            from .runtime import load_script_file
            self._sb = load_script_file(ctx, self.path)
        return self._sb

    def metadata(self) -> Any:
        from .runtime import current_session
        return self.scriptblock(current_session()).compiled().metadata

    def processor(self, ctx: Any, args: list, invocation_name: str, position: Any, dot_source: bool = False) -> Any:
        from .scriptproc import ScriptProcessor
        return ScriptProcessor(ctx, self.scriptblock(ctx), args, invocation_name, position, dot_source=dot_source,
                               script_file=self.path, info=self)
