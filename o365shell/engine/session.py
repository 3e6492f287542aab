"""Session state: scopes and variables, the command table (cmdlets, functions, aliases),
preferences, the error list and the current output streams.

One ``Session`` is the ``ctx`` every compiled closure receives; calling a function
swaps ``ctx.scope`` and restores it. Scoping is dynamic, as in PowerShell: a new scope's
parent is the caller's scope.
"""
from __future__ import annotations

import os
from typing import Any, Callable

from .errors import (ActionPreferenceStopException, CommandNotFoundException, ErrorCategory, ErrorRecord,
                     runtime_error)
from .objects import MISSING
from .pscollections import ArrayList, AutomationNull


class Scope:
    """One scope: its variables (lower-case names), local functions and aliases."""

    __slots__ = ("vars", "parent", "functions", "aliases", "is_script", "typed", "script_info", "names", "strict")

    def __init__(self, parent: "Scope | None", is_script: bool = False) -> None:
        self.vars: dict[str, Any] = {}
        self.parent = parent
        self.functions: dict[str, Any] | None = None
        self.aliases: dict[str, str] | None = None
        self.is_script = is_script
        self.typed: dict[str, Any] | None = None
        self.script_info: Any = None
        #: variable names as first written, where they differ from the lower-case key ($myVar)
        self.names: dict[str, str] | None = None
        #: Set-StrictMode's level set in this scope (0 off, 1-3); None: as the parent scope
        self.strict: int | None = None

    def remember_name(self, lname: str, name: str) -> None:
        """Keep the spelling a variable was created with (Get-Variable shows it)."""
        if name != lname and lname not in self.vars:
            if self.names is None:
                self.names = {}
            self.names[lname] = name

    def protect(self, lname: str, name: str, on: bool) -> None:
        """Make plain assignment to a ReadOnly/Constant variable fail (``on``) or work again."""
        typed = self.typed
        if on:
            if typed is None:
                typed = self.typed = {}
            current = typed.get(lname)
            if not isinstance(current, ReadOnlyGuard):
                typed[lname] = ReadOnlyGuard(name, current)
        elif typed is not None and isinstance(typed.get(lname), ReadOnlyGuard):
            inner = typed[lname].inner
            if inner is None:
                del typed[lname]
            else:
                typed[lname] = inner

    def name_of(self, lname: str) -> str:
        """A variable's name as written when it was created."""
        n = self.names.get(lname) if self.names is not None else None
        return n if n is not None else lname


class ReadOnlyGuard:
    """Sits where a variable's type constraint goes and refuses ``$ro = value`` (Set-Variable -Force
    writes around it); keeps the type constraint it replaced for when the option is cleared."""

    __slots__ = ("name", "inner")

    def __init__(self, name: str, inner: Any) -> None:
        self.name = name
        self.inner = inner

    def convert(self, value: Any) -> Any:
        from .errors import ErrorCategory, SessionStateUnauthorizedAccessException, runtime_error
        raise runtime_error(f"Cannot overwrite variable {self.name} because it is read-only or constant.",
                            "VariableNotWritable", ErrorCategory.WriteError, self.name,
                            SessionStateUnauthorizedAccessException)


class VariableConstraint:
    """A variable's type constraint plus the Validate* attributes it was declared with
    (``[ValidateRange(1,5)][int]$x = 3``): every later assignment converts, then validates."""

    __slots__ = ("name", "type", "validators")

    def __init__(self, name: str, pstype: Any, validators: list) -> None:
        self.name = name
        self.type = pstype
        self.validators = validators

    def convert(self, value: Any) -> Any:
        if self.type is not None:
            value = self.type.convert(value)
        if self.validators:
            from .conversion import to_string
            from .errors import ErrorCategory, RuntimeException, ValidationMetadataException, runtime_error
            from .parameters import ParamSpec
            spec = ParamSpec(self.name)
            for vd in self.validators:
                try:
                    vd.validate(spec, value, "")
                except RuntimeException:
                    shown = "" if value is None else to_string(value)
                    raise runtime_error(f"The variable cannot be validated because the value {shown} is not a "
                                        f"valid value for the {self.name} variable.", "ValidateSetFailure",
                                        ErrorCategory.MetadataError, value, ValidationMetadataException) from None
        return value


class Streams:
    """Where non-output streams go right now: the host, unless a redirection says otherwise."""

    __slots__ = ("error", "warning", "verbose", "debug", "information")

    def __init__(self, error: Callable[[ErrorRecord], None], warning: Callable[[str], None],
                 verbose: Callable[[str], None], debug: Callable[[str], None],
                 information: Callable[[Any], None]) -> None:
        self.error = error
        self.warning = warning
        self.verbose = verbose
        self.debug = debug
        self.information = information

    def copy(self) -> "Streams":
        return Streams(self.error, self.warning, self.verbose, self.debug, self.information)


ACTION_NAMES = {"silentlycontinue": 0, "stop": 1, "continue": 2, "inquire": 3, "ignore": 4, "suspend": 5,
                "break": 6}


def action_value(v: Any) -> int:
    """An ActionPreference as its number (accepts the enum, its name or its value)."""
    if v is None:
        return 2
    if isinstance(v, str):
        n = ACTION_NAMES.get(v.strip().lower())
        if n is None:
            names = ", ".join(k.capitalize() if k != "silentlycontinue" else "SilentlyContinue" for k in ACTION_NAMES)
            raise runtime_error(f'Cannot convert value "{v}" to type "System.Management.Automation.ActionPreference". '
                                f'Error: "Unable to match the identifier name {v} to a valid enumerator name. Specify '
                                f'one of the following enumerator names and try again:\n{names}"',
                                "InvalidCastFromStringToEnum", "InvalidArgument")
        return n
    try:
        return int(getattr(v, "value", v))
    except (TypeError, ValueError):
        return 2


class Session:
    """A running shell: the ``ctx`` of all compiled code."""

    def __init__(self, host: Any = None, *, interactive: bool = False) -> None:
        from .host import Host
        self.host = host if host is not None else Host()
        self.interactive = interactive
        self.global_scope = Scope(None, is_script=True)
        self.scope = self.global_scope
        self.try_depth = 0
        self.last_status = True
        self.call_depth = 0
        self.commands = CommandTable()            # lower-case cmdlet name -> cmdlet class
        self.aliases: dict[str, str] = {}         # lower-case alias -> command name
        self.services: dict[str, Any] = {}        # tenant, connections, clock... (owned by cmdlets)
        self.error_list = ArrayList()
        self.history: list[Any] = []
        self.location = os.getcwd()
        self.formatter: Callable[[list], str] | None = None   # objects -> text for '>' redirection
        self.command_loaders: list[Callable[["Session"], None]] = []
        self.current_command: Any = None
        self.catch_stack: list[BaseException] = []
        self.current_function: str | None = None
        self.builtin_functions: dict[str, str] = {}   # lower name -> PowerShell source, defined on first use
        self.used_modules: list[str] = []            # modules whose commands have run (auto-loading)
        #: resolves a file-system path as the FileSystem provider does (drives such as C:, '~', '\\');
        #: set by whoever loads the provider, else paths are joined to the current location
        self.path_resolver: Callable[["Session", str], str] | None = None
        #: $Host: the InternalHost object the cmdlets build (Name, Version, UI...); None: the raw host
        self.host_object: Callable[["Session"], Any] | None = None
        self.streams = Streams(self._host_error, self._host_warning, self._host_verbose, self._host_debug,
                               self._host_information)
        self._init_variables()

    # ------------------------------------------------------------------ host stream adapters
    def _host_error(self, record: ErrorRecord) -> None:
        self.host.write_error(record)

    def _host_warning(self, text: str) -> None:
        self.host.write_warning(text)

    def _host_verbose(self, text: str) -> None:
        self.host.write_verbose(text)

    def _host_debug(self, text: str) -> None:
        self.host.write_debug(text)

    def _host_information(self, obj: Any) -> None:
        self.host.write_information(obj)

    # ------------------------------------------------------------------ variables
    def _init_variables(self) -> None:
        import sys
        from .pscollections import Hashtable
        v = self.global_scope.vars
        v["erroractionpreference"] = "Continue"
        v["warningpreference"] = "Continue"
        v["verbosepreference"] = "SilentlyContinue"
        v["debugpreference"] = "SilentlyContinue"
        v["informationpreference"] = "SilentlyContinue"
        v["progresspreference"] = "Continue"
        v["confirmpreference"] = "High"
        v["whatifpreference"] = False
        v["error"] = self.error_list
        v["formatenumerationlimit"] = 4
        v["ofs"] = " "
        v["maximumhistorycount"] = 4096
        v["nestedpromptlevel"] = 0
        v["pid"] = os.getpid()
        v["home"] = os.path.expanduser("~")
        # pwsh defines $PROFILE even with -NoProfile (the current user's profile path on this platform)
        v["profile"] = os.path.join(v["home"], ".config", "powershell", "Microsoft.PowerShell_profile.ps1")
        v["pshome"] = os.path.dirname(os.path.abspath(__file__))
        v["shellid"] = "Microsoft.PowerShell"
        v["islinux"] = sys.platform.startswith("linux")
        v["iswindows"] = sys.platform.startswith("win")
        v["ismacos"] = sys.platform == "darwin"
        v["iscoreclr"] = True
        v["pscommandpath"] = None
        v["psscriptroot"] = None
        v["lastexitcode"] = None
        v["errorview"] = "ConciseView"
        v["psculture"] = "en-US"
        v["psuiculture"] = "en-US"
        v["psedition"] = "Core"
        from .. import __version__ as VERSION
        ver = Hashtable()
        from .netlib.version import SemanticVersion, Version
        ver["PSVersion"] = SemanticVersion(7, 4, 6)
        ver["PSEdition"] = "Core"
        ver["GitCommitId"] = "7.4.6"
        ver["OS"] = _os_description()
        ver["Platform"] = "Unix" if os.name == "posix" else "Win32NT"
        ver["PSCompatibleVersions"] = [Version(t) for t in ("1.0", "2.0", "3.0", "4.0", "5.0", "5.1", "6.0", "7.0")]
        ver["PSRemotingProtocolVersion"] = Version("2.3")
        ver["SerializationVersion"] = Version("1.1.0.1")
        ver["WSManStackVersion"] = Version("3.0")
        ver["O365ShellVersion"] = VERSION
        v["psversiontable"] = ver
        v["psdefaultparametervalues"] = Hashtable()

    def strict_level(self) -> int:
        """The strict mode in force in the current scope (Set-StrictMode; 0 when off)."""
        s = self.scope
        while s is not None:
            if s.strict is not None:
                return s.strict
            s = s.parent
        return 0

    def unset_variable(self, name: str, in_string: bool = False) -> None:
        """What reading a variable that was never set gives: $null, or under strict mode (version 1
        outside strings, 2 and later everywhere) the VariableIsUndefined error."""
        level = self.strict_level()
        if level >= 2 or (level == 1 and not in_string):
            raise runtime_error(f"The variable '${name}' cannot be retrieved because it has not been set.",
                                "VariableIsUndefined", ErrorCategory.InvalidOperation, name)
        return None

    def missing_property(self, obj: Any, name: str) -> None:
        """What reading a property an object lacks gives: $null, or under strict mode 2 and later
        pwsh's PropertyNotFoundStrict error (a dictionary's missing key stays $null)."""
        if self.strict_level() >= 2 and not (isinstance(obj, dict) or hasattr(obj, "ContainsKey")):
            from .errors import PropertyNotFoundException
            raise runtime_error(f"The property '{name}' cannot be found on this object. Verify that the property "
                                "exists.", "PropertyNotFoundStrict", ErrorCategory.NotSpecified, None,
                                PropertyNotFoundException)
        return None

    def get_var(self, lname: str) -> Any:
        """Value of a variable by lower-case name, searching outward; MISSING if unset."""
        s = self.scope
        while s is not None:
            val = s.vars.get(lname, MISSING)
            if val is not MISSING:
                return val
            s = s.parent
        if lname == "?":
            return self.last_status
        if lname == "pwd":
            from .pathinfo import PathInfo
            return PathInfo(self.location)
        if lname == "host":
            h = self.services.get("hostobj")
            if h is None and self.host_object is not None:
                return self.host_object(self)
            return h or self.host
        if lname == "executioncontext":
            return self
        return MISSING

    def lookup(self, name: str, scope: str | None = None) -> Any:
        """``$name`` / ``$scope:name`` (MISSING when unset)."""
        if scope is None:
            return self.get_var(name.lower())
        sc = scope.lower()
        lname = name.lower()
        if sc == "env":
            return os.environ.get(name, os.environ.get(name.upper(), MISSING)) if os.name != "nt" else \
                os.environ.get(name.upper(), MISSING)
        if sc in ("global",):
            return self.global_scope.vars.get(lname, MISSING)
        if sc == "script":
            return self.script_scope().vars.get(lname, MISSING)
        if sc in ("local", "private"):
            return self.scope.vars.get(lname, MISSING)
        if sc == "variable":
            return self.get_var(lname)
        if sc == "using":
            return self.get_var(lname)
        if sc == "function":
            f = self.find_function(lname)
            return f.scriptblock if f is not None else MISSING
        return MISSING

    def script_scope(self) -> Scope:
        s = self.scope
        while s is not None:
            if s.is_script:
                return s
            s = s.parent
        return self.global_scope

    def target_scope(self, scope: str | None) -> Scope:
        if scope is None:
            return self.scope
        sc = scope.lower()
        if sc == "global":
            return self.global_scope
        if sc == "script":
            return self.script_scope()
        return self.scope

    def assign(self, name: str, value: Any, scope: str | None = None) -> None:
        """``$name = value`` (honouring a variable's type constraint, env: and scope modifiers)."""
        if scope is not None and scope.lower() == "env":
            from .conversion import to_string
            if value is None or value == "":
                os.environ.pop(name, None)
            else:
                os.environ[name] = to_string(value)
            return
        if scope is not None and scope.lower() == "function":
            return
        target = self.target_scope(scope)
        lname = name.lower()
        if target.typed is not None and lname in target.typed:
            value = target.typed[lname].convert(value)
        elif lname in _PREFERENCE_VARS:
            value = _check_preference(lname, value)
        target.remember_name(lname, name)
        target.vars[lname] = value

    def declare_typed(self, name: str, pstype: Any, value: Any, scope: str | None = None) -> None:
        target = self.target_scope(scope)
        if target.typed is None:
            target.typed = {}
        lname = name.lower()
        target.typed[lname] = pstype
        target.remember_name(lname, name)
        target.vars[lname] = value

    def set_matches(self, m: Any) -> None:
        from .netlib.regex import group_dict
        from .pscollections import Hashtable
        h = Hashtable()
        for k, v in group_dict(m).items():
            h[k] = v
        self.scope.vars["matches"] = h

    # ------------------------------------------------------------------ commands
    def find_function(self, lname: str) -> Any:
        s = self.scope
        while s is not None:
            if s.functions is not None:
                f = s.functions.get(lname)
                if f is not None:
                    return f
            s = s.parent
        src = self.builtin_functions.pop(lname, None)
        if src is not None:
            self._define_builtin(src)
            return self.find_function(lname)
        return None

    def _define_builtin(self, src: str) -> None:
        """Define a built-in function (e.g. mkdir) from its PowerShell source, in the global scope."""
        from .runtime import run_text
        saved = self.scope
        self.scope = self.global_scope
        try:
            run_text(self, src, lambda o: None)
        finally:
            self.scope = saved

    def define_function(self, name: str, info: Any, scope: str | None = None) -> None:
        target = self.target_scope(scope)
        if target.functions is None:
            target.functions = {}
        target.functions[name.lower()] = info

    def find_alias(self, lname: str) -> str | None:
        s = self.scope
        while s is not None:
            if s.aliases is not None and lname in s.aliases:
                return s.aliases[lname]
            s = s.parent
        return self.aliases.get(lname)

    def resolve_command(self, name: str, allow_alias: bool = True) -> Any:
        """The command a name means now: alias, then function, then cmdlet, then a script file."""
        lname = name.lower()
        if allow_alias:
            target = self.find_alias(lname)
            if target is not None:
                from .commandinfo import AliasInfo
                resolved = self.resolve_command(target, allow_alias=False) if target.lower() != lname else None
                if resolved is not None:
                    return AliasInfo(name, target, resolved)
        f = self.find_function(lname)
        if f is not None:
            return f
        c = self.commands.get(lname)
        if c is not None and c.is_available(self):
            from .commandinfo import CmdletInfo
            mod = c.module
            if mod not in self.used_modules:
                self.used_modules.append(mod)
            return CmdletInfo(c)
        if "\\" in lname or "/" in lname or lname.endswith(".ps1"):
            try:
                path = self.filesystem_path(name)
            except Exception:  # noqa: BLE001 - a path on no drive names no script
                return None
            if os.path.isfile(path) and path.lower().endswith(".ps1"):
                from .commandinfo import ExternalScriptInfo
                return ExternalScriptInfo(path)
        return None

    def filesystem_path(self, path: str) -> str:
        """The absolute file-system path ``path`` names from the current location (redirections,
        script paths, ``switch -File``): raises the provider's error for an unknown drive."""
        if self.path_resolver is not None:
            return self.path_resolver(self, path)
        p = path.replace("\\", "/")
        return os.path.normpath(p if os.path.isabs(p) else os.path.join(self.location, p))

    def command_not_found(self, name: str) -> Exception:
        e = runtime_error(f"The term '{name}' is not recognized as a name of a cmdlet, function, script file, or "
                          "executable program.\nCheck the spelling of the name, or if a path was included, verify "
                          "that the path is correct and try again.", "CommandNotFoundException",
                          ErrorCategory.ObjectNotFound, name, CommandNotFoundException)
        e.command_name = name  # type: ignore[attr-defined]
        return e

    # ------------------------------------------------------------------ errors
    def preference(self, lname: str) -> int:
        v = self.get_var(lname)
        return action_value(v if v is not MISSING else None)

    def write_error(self, record: ErrorRecord, action: int | None = None, error_variable: Any = None) -> None:
        """A non-terminating error: by the action preference, show it, record it, or stop."""
        if action is None:
            action = self.preference("erroractionpreference")
        if action == 4:  # Ignore
            return
        if error_variable is not None:
            error_variable(record)
        if action == 1:  # Stop
            exc = ActionPreferenceStopException(record.message)
            exc.script_terminating = True
            exc._record = record  # catch sees the original record
            exc.error_id = record.error_id
            raise exc
        self.add_error(record)
        if action in (2, 3, 5, 6):
            self.streams.error(record)

    def add_error(self, record: ErrorRecord) -> None:
        lst = self.error_list
        lst.insert(0, record)
        if len(lst) > 256:
            del lst[256:]

    def report_terminating(self, exc: BaseException) -> None:
        """A statement-terminating error that nobody caught: show it and go on."""
        from .errors import record_of
        rec = record_of(exc)
        self.add_error(rec)
        pref = self.preference("erroractionpreference")
        if pref not in (0, 4):
            self.streams.error(rec)
        self.last_status = False

    @property
    def tenant(self) -> Any:
        return self.services.get("tenant")


class CommandTable(dict):
    """Lower-case cmdlet name -> cmdlet class; entries may be lazy (resolved on first access)."""

    def _fix(self, key: str, v: Any) -> Any:
        r = getattr(v, "resolve", None)
        if r is not None and not isinstance(v, type):
            v = r()
            dict.__setitem__(self, key, v)
        return v

    def __getitem__(self, key: str) -> Any:
        return self._fix(key, dict.__getitem__(self, key))

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        v = dict.get(self, key, MISSING)
        return default if v is MISSING else self._fix(key, v)

    def values(self) -> list:  # type: ignore[override]
        return [self._fix(k, v) for k, v in list(dict.items(self))]

    def items(self) -> list:  # type: ignore[override]
        return [(k, self._fix(k, v)) for k, v in list(dict.items(self))]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(list(dict.keys(self)))


_PREFERENCE_VARS = {"erroractionpreference", "warningpreference", "verbosepreference", "debugpreference",
                    "informationpreference", "progresspreference"}


def _check_preference(lname: str, value: Any) -> Any:
    action_value(value)
    return value


_ = AutomationNull


def _os_description() -> str:
    """``$PSVersionTable.OS``: kernel name and release (os.uname is far cheaper than importing platform)."""
    if hasattr(os, "uname"):
        u = os.uname()
        return f"{u.sysname} {u.release}"
    import platform
    return f"{platform.system()} {platform.release()}"
