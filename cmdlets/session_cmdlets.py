"""Microsoft.PowerShell.Core / Security session cmdlets: Get-Command, Clear-Host,
Get-ExecutionPolicy, Set-ExecutionPolicy, Set-StrictMode, Get-PSCallStack, and the command
table helpers the help and module cmdlets share.

Syntax text (Get-Command -Syntax, the help's SYNTAX section) is in ``commandsyntax.py``,
modules in ``modules.py``, help in ``helpsystem.py``, history and transcripts in
``history.py``.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.commandinfo import (
    AliasInfo,
    CmdletInfo,
    CommandInfo,
)
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import (
    CommandNotFoundException,
    ErrorCategory,
    PSArgumentException,
    PSNotSupportedException,
)
from o365shell.engine.netlib import wildcard as W

from . import fsprovider as fs
from .commandsyntax import command_syntax, short_type
from .fsprovider import ps_properties

CORE = "Microsoft.PowerShell.Core"
SECURITY = "Microsoft.PowerShell.Security"
CORE_VERSION = "7.4.6.500"

_TYPE_ORDER = {"Alias": 1, "Function": 2, "Filter": 4, "Cmdlet": 8, "ExternalScript": 16, "Application": 32}


# ----------------------------------------------------------------------------- the command table

def raw_commands(ctx: Any) -> dict[str, Any]:
    """The command table without forcing lazy entries (lower name -> class or lazy entry)."""
    return dict(dict.items(ctx.commands))


def cmdlet_class(ctx: Any, lname: str) -> type | None:
    """The cmdlet class for a command-table key (importing its module when it is lazy)."""
    v = dict.get(ctx.commands, lname)
    if v is None:
        return None
    if not isinstance(v, type):
        r = getattr(v, "resolve", None)
        if r is None:
            return None
        try:
            v = r()
        except Exception:
            return None
        dict.__setitem__(ctx.commands, lname, v)
    return v


def all_cmdlets(ctx: Any, include_unavailable: bool = False) -> list[type]:
    out = []
    for lname in list(dict.keys(ctx.commands)):
        cls = cmdlet_class(ctx, lname)
        if cls is None:
            continue
        try:
            ok = include_unavailable or cls.is_available(ctx)
        except Exception:
            ok = False
        if ok:
            out.append(cls)
    return out


all_functions = fs.visible_functions
all_aliases = fs.visible_aliases


def type_name_of(info: Any) -> str:
    ct = info.CommandType
    return getattr(ct, "name", None) or str(ct)


def sort_key(info: Any) -> tuple[int, str]:
    return (_TYPE_ORDER.get(type_name_of(info), 99), info.Name.lower())


def module_of(info: Any) -> str:
    try:
        return to_string(info.Source or "")
    except Exception:
        return ""


# ----------------------------------------------------------------------------- Get-Command

@cmdlet("Get-Command", module=CORE, version=CORE_VERSION, aliases=("gcm",), default_set="AllCommandSet")
class GetCommand(Cmdlet):
    """Gets all commands.

    Lists the aliases, functions and cmdlets of the session (and the commands of the simulated
    Microsoft 365 modules), sorted by command type and then by name. -Name takes wildcards,
    so Get-Command *Mfa* is the quickest way to discover commands; -Verb, -Noun and -Module
    filter cmdlets and functions; -Syntax shows how to call a command."""

    Name = Parameter(list[str], position=0, set="AllCommandSet", from_pipeline=True, by_property_name=True,
                     wildcards=True, help="Names of the commands to get (wildcards allowed).")
    Verb = Parameter(list[str], set="CmdletSet", by_property_name=True, wildcards=True,
                     help="Only commands with these verbs (the part before the hyphen).")
    Noun = Parameter(list[str], set="CmdletSet", by_property_name=True, wildcards=True,
                     help="Only commands with these nouns (the part after the hyphen).")
    Module = Parameter(list[str], by_property_name=True, aliases=("PSSnapin",), wildcards=True,
                       help="Only commands from these modules.")
    FullyQualifiedModule = Parameter(list[str], by_property_name=True, help="Modules by specification.")
    # object, converted in begin(): the engine's binder cannot turn an array of names into a [Flags] enum
    CommandType = Parameter(object, set="AllCommandSet", aliases=("Type",), by_property_name=True,
                            help="Only commands of these types: Alias, Function, Filter, Cmdlet, ExternalScript, "
                                 "Application, Script, All.")
    TotalCount = Parameter(int, by_property_name=True, help="At most this many commands.")
    Syntax = Parameter(Switch, by_property_name=True, help="Show the syntax of the commands instead.")
    ShowCommandInfo = Parameter(Switch, help="Not available in o365shell.")
    ArgumentList = Parameter("System.Object[]", position=1, remaining=True, aliases=("Args",),
                             help="Arguments for commands with dynamic parameters (ignored).")
    All = Parameter(Switch, by_property_name=True, help="Include commands hidden by others of the same name.")
    ListImported = Parameter(Switch, by_property_name=True, help="Only commands of imported modules.")
    ParameterName = Parameter(list[str], help="Only commands with these parameters.")
    ParameterType = Parameter(list[str], help="Only commands with parameters of these types.")
    UseFuzzyMatching = Parameter(Switch, set="AllCommandSet", help="Match names approximately.")
    UseAbbreviationExpansion = Parameter(Switch, set="AllCommandSet", help="Match abbreviations like i-psdf.")
    examples = [("Get-Command", "Every command of the session."),
                ("Get-Command *Mfa*", "Commands whose names contain Mfa."),
                ("Get-Command -Module MSOnline -Verb Set", "The Set- cmdlets of MSOnline."),
                ("Get-Command Get-MsolUser -Syntax", "How to call Get-MsolUser.")]

    def begin(self) -> None:
        self._results: list[Any] = []
        self._seen: set[tuple[str, str]] = set()
        if self.CommandType is not None:
            self.CommandType = _command_types(self.CommandType, self.name)

    def process(self) -> None:
        if self.ShowCommandInfo:
            raise self.error("Get-Command -ShowCommandInfo is not available in o365shell (there is no Show-Command "
                             "window).", "NotSupported", ErrorCategory.NotImplemented, None, PSNotSupportedException)
        names = [to_string(n) for n in (self.Name or [])]
        if names:
            for n in names:
                found = self._by_name(n)
                if not found and not W.has_wildcard(n) and not self.UseFuzzyMatching:
                    if self.Module or self.CommandType is not None or self.ParameterName or self.ParameterType:
                        continue
                    msg = str(self.ctx.command_not_found(n))
                    self.write_error(msg, "CommandNotFoundException,Microsoft.PowerShell.Commands.GetCommandCommand",
                                     ErrorCategory.ObjectNotFound, n, CommandNotFoundException)
                    continue
                self._add(found)
        else:
            self._add(self._everything())

    def _add(self, infos: list[Any]) -> None:
        for i in infos:
            key = (type_name_of(i), i.Name.lower())
            if key in self._seen:
                continue
            self._seen.add(key)
            self._results.append(i)

    def _everything(self) -> list[Any]:
        out: list[Any] = []
        verb_noun = self.Verb is not None or self.Noun is not None
        want = self._wanted_types(default_all=not verb_noun)
        if "Alias" in want and not verb_noun:
            for k, target in all_aliases(self.ctx).items():
                resolved = self.ctx.resolve_command(target, allow_alias=False) if target.lower() != k else None
                if resolved is not None:
                    out.append(AliasInfo(_alias_case(k), target, resolved))
        if want & {"Function", "Filter"}:
            for f in all_functions(self.ctx).values():
                if type_name_of(f) in want:
                    out.append(f)
        if "Cmdlet" in want:
            out.extend(CmdletInfo(c) for c in all_cmdlets(self.ctx))
        return [i for i in out if self._keep(i)]

    def _wanted_types(self, default_all: bool = True) -> set[str]:
        ct = self.CommandType
        if ct is None:
            return {"Alias", "Function", "Filter", "Cmdlet"} if default_all else {"Function", "Filter", "Cmdlet"}
        v = int(ct)
        names = {n for n, bit in _TYPE_ORDER.items() if v & bit}
        return names

    def _by_name(self, name: str) -> list[Any]:
        ctx = self.ctx
        if not W.has_wildcard(name) and not self.UseFuzzyMatching:
            info = ctx.resolve_command(name)
            if info is None:
                return []
            if self.All:
                return [i for i in self._all_named(name) if self._keep(i)]
            if not self._keep(info):
                alt = [i for i in self._all_named(name) if self._keep(i)]
                return alt[:1]
            return [info]
        match = W.compile_wildcard(name) if not self.UseFuzzyMatching else \
            W.compile_wildcard("*" + "*".join(name) + "*")
        return [i for i in self._everything() if match(i.Name)]

    def _all_named(self, name: str) -> list[Any]:
        ctx = self.ctx
        lname = name.lower()
        out: list[Any] = []
        target = all_aliases(ctx).get(lname)
        if target is not None:
            resolved = ctx.resolve_command(target, allow_alias=False)
            if resolved is not None:
                out.append(AliasInfo(name, target, resolved))
        f = all_functions(ctx).get(lname)
        if f is not None:
            out.append(f)
        cls = cmdlet_class(ctx, lname)
        if cls is not None and cls.is_available(ctx):
            out.append(CmdletInfo(cls))
        return out

    def _keep(self, info: Any) -> bool:
        tname = type_name_of(info)
        if self.CommandType is not None and tname not in self._wanted_types():
            return False
        n = info.Name
        verb, _, noun = n.partition("-")
        if self.Verb is not None and (tname == "Alias" or not noun or
                                      not any(W.compile_wildcard(v)(verb) for v in self.Verb)):
            return False
        if self.Noun is not None and (tname == "Alias" or not noun or
                                      not any(W.compile_wildcard(x)(noun) for x in self.Noun)):
            return False
        if self.Module is not None:
            mod = module_of(info)
            if not any(W.compile_wildcard(m)(mod) for m in self.Module):
                return False
        if self.ListImported and tname == "Cmdlet":
            from .modules import imported_names
            if module_of(info).lower() not in imported_names(self.ctx):
                return False
        if (self.ParameterName or self.ParameterType) and tname == "Alias":
            return False
        if self.ParameterName:
            meta = _meta(info)
            pnames = [p.name for p in meta.params] if meta is not None else []
            pnames += [a for p in (meta.params if meta is not None else []) for a in p.aliases]
            if not all(any(W.compile_wildcard(w)(pn) for pn in pnames) for w in self.ParameterName):
                return False
        if self.ParameterType:
            meta = _meta(info)
            types = [short_type(p.type_name, False) for p in meta.params] if meta is not None else []
            types += [p.type_name for p in meta.params] if meta is not None else []
            if not any(W.compile_wildcard(w)(t) for w in self.ParameterType for t in types):
                return False
        return True

    def end(self) -> None:
        results = self._results
        if not self.Name or any(W.has_wildcard(to_string(n)) for n in self.Name):
            results = sorted(results, key=sort_key)
        if self.TotalCount is not None and self.TotalCount >= 0:
            results = results[:self.TotalCount]
        if self.Syntax:
            for i in results:
                self.write(command_syntax(i))
            return
        self.write_all(results)


def _command_types(value: Any, command_name: str) -> int:
    """-CommandType (a CommandTypes value, a name, "A,B" or an array of them) as the combined flags."""
    from o365shell.engine.binding import binding_error
    from o365shell.engine.objects import enumerate_values, is_enumerable
    from o365shell.engine.types import resolve
    t = resolve("System.Management.Automation.CommandTypes")
    total = 0
    items = list(enumerate_values(value)) if is_enumerable(value) and not isinstance(value, str) else [value]
    for x in items:
        try:
            total |= int(t.convert(x))
        except Exception as e:
            raise binding_error(f"Cannot bind parameter 'CommandType'. {getattr(e, 'Message', e)}",
                                "CannotConvertArgumentNoMessage", command_name) from None
    return total


def _meta(info: Any) -> Any:
    try:
        return info.metadata()
    except Exception:
        return None


def _alias_case(lname: str) -> str:
    return lname


# ----------------------------------------------------------------------------- Clear-Host

@cmdlet("Clear-Host", module=CORE, version=CORE_VERSION, aliases=("cls", "clear"))
class ClearHost(Cmdlet):
    """Clears the display in the host program.

    Clears the screen of the interactive shell (it does nothing when the output is not a
    terminal)."""

    examples = [("Clear-Host", "Clears the screen."), ("cls", "The same, with the alias.")]

    def process(self) -> None:
        clear = getattr(self.ctx.host, "clear", None)
        if clear is not None:
            clear()


# ----------------------------------------------------------------------------- execution policy

_SCOPES = ("MachinePolicy", "UserPolicy", "Process", "CurrentUser", "LocalMachine")


@ps_properties
class ExecutionPolicyScope:
    """One row of Get-ExecutionPolicy -List."""

    __ps_typename__ = "System.Management.Automation.PSCustomObject"
    __ps_typenames__ = ("Microsoft.PowerShell.ExecutionPolicyScope", "System.Management.Automation.PSCustomObject",
                        "System.Object")
    __ps_properties__ = ("Scope", "ExecutionPolicy")
    __ps_default_display__ = ("Scope", "ExecutionPolicy")

    def __init__(self, scope: str, policy: Any) -> None:
        self.Scope = scope
        self.ExecutionPolicy = policy


def _policy(name: str) -> Any:
    from o365shell.engine.enums import ExecutionPolicy
    return ExecutionPolicy[name]


@cmdlet("Get-ExecutionPolicy", module=SECURITY, version="7.0.0.0")
class GetExecutionPolicy(Cmdlet):
    """Gets the execution policies for the current session.

    On Linux and macOS, PowerShell does not enforce execution policies: the effective policy
    is always Unrestricted, as it is in o365shell."""

    Scope = Parameter(str, position=0, by_property_name=True,
                      validate_set=_SCOPES, help="The scope to read: MachinePolicy, UserPolicy, Process, CurrentUser "
                                                 "or LocalMachine.")
    List = Parameter(Switch, help="Show the policy of every scope.")
    examples = [("Get-ExecutionPolicy", "Unrestricted."), ("Get-ExecutionPolicy -List", "Every scope's policy.")]

    def process(self) -> None:
        if self.List:
            for s in _SCOPES:
                self.write(ExecutionPolicyScope(s, _policy("Unrestricted" if s == "LocalMachine" else "Undefined")))
            return
        if self.Scope is not None and self.Scope.lower() != "localmachine":
            self.write(_policy("Undefined"))
            return
        self.write(_policy("Unrestricted"))


@cmdlet("Set-ExecutionPolicy", module=SECURITY, version="7.0.0.0", should_process=True)
class SetExecutionPolicy(Cmdlet):
    """Sets the PowerShell execution policies (Windows only).

    Execution policies exist only on Windows. On Linux and macOS, as in o365shell, pwsh
    answers Set-ExecutionPolicy with "Operation is not supported on this platform." Scripts
    run without it: the effective policy is Unrestricted."""

    ExecutionPolicy = Parameter("Microsoft.PowerShell.ExecutionPolicy", mandatory=True, position=0,
                                from_pipeline=True, by_property_name=True,
                                help="The policy: Unrestricted, RemoteSigned, AllSigned, Restricted, Bypass, Undefined.")
    Scope = Parameter(str, position=1, by_property_name=True, validate_set=_SCOPES,
                      help="Where to set it: Process, CurrentUser or LocalMachine.")
    Force = Parameter(Switch, help="Do not ask for confirmation.")
    examples = [("Set-ExecutionPolicy RemoteSigned -Scope CurrentUser",
                 "On Windows, allows local scripts; here it reports that the operation is not supported.")]

    def process(self) -> None:
        from o365shell.engine.netlib.exceptions import PlatformNotSupportedException
        raise self.error("Operation is not supported on this platform.",
                         "System.PlatformNotSupportedException,Microsoft.PowerShell.Commands.SetExecutionPolicyCommand",
                         ErrorCategory.NotSpecified, None, PlatformNotSupportedException)


# ----------------------------------------------------------------------------- Set-StrictMode / Get-PSCallStack

@cmdlet("Set-StrictMode", module=CORE, version=CORE_VERSION, default_set="Version")
class SetStrictMode(Cmdlet):
    """Establishes and enforces coding rules in expressions, scripts, and script blocks.

    -Version 1.0, 2.0, 3.0 or Latest turns strict mode on for the current scope and the scopes
    it creates, -Off turns it off. Version 1 makes reading a variable that was never set an
    error (except inside strings); version 2 and later also inside strings, and reading a
    property an object does not have (a dictionary's missing key stays $null); version 3 and
    Latest also reading past the end of an array."""

    # object: "Latest" is not a System.Version (pwsh transforms it); converted in process()
    Version = Parameter(object, mandatory=True, set="Version", aliases=("v",),
                        help="The strict mode version: 1.0, 2.0, 3.0 or Latest.")
    Off = Parameter(Switch, mandatory=True, set="Off", help="Turn strict mode off.")
    examples = [("Set-StrictMode -Version Latest", "Strictest rules."), ("Set-StrictMode -Off", "No strict mode.")]

    def process(self) -> None:
        if self.Off:
            self.ctx.scope.strict = 0
            return
        v = self.Version
        text = to_string(v)
        if text.strip().lower() == "latest":
            v = None
        elif not hasattr(v, "Major"):
            from o365shell.engine.netlib.version import Version
            try:
                v = Version.Parse(text if "." in text else text + ".0")
            except Exception as e:
                from o365shell.engine.binding import binding_error
                raise binding_error(f"Cannot process argument transformation on parameter 'Version'. Cannot "
                                    f"convert value \"{text}\" to type \"System.Version\". Error: "
                                    f"\"{getattr(e, 'Message', e)}\"", "ParameterArgumentTransformationError",
                                    self.name) from None
        if v is None or getattr(v, "Major", None) == 0:
            text = "Latest"
        else:
            text = to_string(v)
            major = getattr(v, "Major", None)
            if major is None or major < 1 or major > 3:
                raise self.error(f"Cannot validate argument on parameter 'Version'. The {text} version is not valid. "
                                 "Specify 1.0, 2.0, 3.0 or Latest.", "ParameterArgumentValidationError",
                                 ErrorCategory.InvalidData, v, PSArgumentException)
        self.ctx.scope.strict = 3 if text == "Latest" else int(getattr(v, "Major", 3))


@ps_properties
class CallStackFrame:
    """System.Management.Automation.CallStackFrame."""

    __ps_typename__ = "System.Management.Automation.CallStackFrame"
    __ps_properties__ = ("Command", "Arguments", "Location")
    __ps_default_display__ = ("Command", "Arguments", "Location")

    def __init__(self, command: str, location: str, arguments: str = "{}") -> None:
        self.Command = command
        self.Location = location
        self.Arguments = arguments
        self.FunctionName = command
        self.ScriptName = None
        self.ScriptLineNumber = 0

    def GetScriptLocation(self) -> str:
        return self.Location

    def ToString(self) -> str:
        return f"at {self.Command}, {self.Location}"


@cmdlet("Get-PSCallStack", module="Microsoft.PowerShell.Utility")
class GetPSCallStack(Cmdlet):
    """Displays the current call stack.

    A minimal call stack: the running function (when there is one) and the top-level script
    block."""

    examples = [("function f { Get-PSCallStack }; f", "Shows the frames of f and the script.")]

    def process(self) -> None:
        frames = []
        fn = getattr(self.ctx, "current_function", None)
        scope = self.ctx.script_scope()
        info = getattr(scope, "script_info", None)
        path = getattr(info, "path", None) if info is not None else None
        loc = f"{path}" if path else "<No file>"
        if fn:
            frames.append(CallStackFrame(str(fn), loc))
        frames.append(CallStackFrame("<ScriptBlock>", loc))
        self.write_all(frames)


def _register_views() -> None:
    try:
        from o365shell.format.views import register_table_view
    except ImportError:
        return
    register_table_view("Microsoft.PowerShell.ExecutionPolicyScope",
                        [("Scope", "Scope", None, "right"), ("ExecutionPolicy", "ExecutionPolicy", None, "right")])


_register_views()
_ = (CommandInfo, Iterator, Switch)


GetCommand.metadata.by_name["commandtype"].type_label = "System.Management.Automation.CommandTypes"
SetStrictMode.metadata.by_name["version"].type_label = "System.Version"
