"""Microsoft.PowerShell.Utility: variables and aliases — Get-Variable, Set-Variable, New-Variable,
Remove-Variable, Clear-Variable (PSVariable objects), Get-Alias, Set-Alias, New-Alias, Remove-Alias."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.commandinfo import AliasInfo
from o365shell.engine.enums import ScopedItemOptions
from o365shell.engine.errors import (
    ErrorCategory,
    ItemNotFoundException,
    PSArgumentException,
    SessionStateException,
    SessionStateUnauthorizedAccessException,
)
from o365shell.engine.netlib.wildcard import compile_wildcard, has_wildcard
from o365shell.engine.objects import MISSING

UTIL = "Microsoft.PowerShell.Utility"

_READONLY = 1
_CONSTANT = 2


# ============================================================================= scopes and metadata

def _scope_chain(ctx: Any) -> list[Any]:
    chain = []
    s = ctx.scope
    while s is not None:
        chain.append(s)
        s = s.parent
    return chain


def resolve_scope(cmd: Cmdlet, scope: str | None) -> Any:
    """-Scope: Global, Local, Script, Private or a number of levels up (0 = current)."""
    ctx = cmd.ctx
    if scope is None:
        return None
    text = str(scope).strip()
    low = text.lower()
    if low in ("global",):
        return ctx.global_scope
    if low in ("local", "private"):
        return ctx.scope
    if low == "script":
        return ctx.script_scope()
    try:
        n = int(text)
    except ValueError:
        raise cmd.error(f"The scope \"{text}\" could not be found. Specify a valid scope: Global, Local, Script, "
                        "Private, or a number.", "ArgumentException", ErrorCategory.InvalidArgument, text,
                        PSArgumentException) from None
    chain = _scope_chain(ctx)
    if n < 0 or n >= len(chain):
        raise cmd.error(f"The scope number '{n}' exceeds the number of active scopes. (Parameter 'scopeID')\n"
                        f"Actual value was {n}.", "ArgumentOutOfRange", ErrorCategory.InvalidArgument, n,
                        PSArgumentException)
    return chain[n]


class _Meta:
    """What the engine does not keep for a variable: the name as written, description and options."""

    __slots__ = ("description", "name", "options")

    def __init__(self, name: str, description: str = "", options: int = 0) -> None:
        self.name = name
        self.description = description
        self.options = options


def _metas(ctx: Any) -> dict[tuple[int, str], _Meta]:
    m = ctx.services.get("utility.varmeta")
    if m is None:
        m = ctx.services["utility.varmeta"] = {}
    return m


def _meta(ctx: Any, scope: Any, lname: str) -> _Meta | None:
    return _metas(ctx).get((id(scope), lname))


def _display_name(ctx: Any, scope: Any, lname: str) -> str:
    m = _meta(ctx, scope, lname)
    if m is not None:
        return m.name
    names = getattr(scope, "names", None)
    if names and lname in names:
        return names[lname]
    try:
        from .fsprovider import _var_display_name
        return _var_display_name(lname)
    except ImportError:  # pragma: no cover
        return lname


class PSVariable:
    """System.Management.Automation.PSVariable: a live view of one variable in one scope."""

    __ps_typename__ = "System.Management.Automation.PSVariable"
    __ps_properties__ = ("Name", "Description", "Value", "Visibility", "Module", "ModuleName", "Options",
                         "Attributes")
    __slots__ = ("Name", "_ctx", "_lname", "_scope")

    def __init__(self, ctx: Any, scope: Any, lname: str) -> None:
        self._ctx = ctx
        self._scope = scope
        self._lname = lname
        self.Name = _display_name(ctx, scope, lname)

    @property
    def Value(self) -> Any:
        v = self._scope.vars.get(self._lname, MISSING)
        return None if v is MISSING else v

    @Value.setter
    def Value(self, v: Any) -> None:
        m = _meta(self._ctx, self._scope, self._lname)
        if m is not None and m.options & (_READONLY | _CONSTANT):
            raise SessionStateUnauthorizedAccessException(
                f"Cannot overwrite variable {self.Name} because it is read-only or constant.")
        self._scope.vars[self._lname] = v

    @property
    def Description(self) -> str:
        m = _meta(self._ctx, self._scope, self._lname)
        return m.description if m is not None else ""

    @property
    def Options(self) -> Any:
        m = _meta(self._ctx, self._scope, self._lname)
        return ScopedItemOptions(m.options if m is not None else 0)

    Visibility = "Public"
    Module = None
    ModuleName = ""
    Attributes: list = []

    def ToString(self) -> str:
        return self.Name


def _visible(ctx: Any, scope: Any) -> dict[str, tuple[Any, Any]]:
    """lower name -> (scope, value) for the variables seen from ``scope`` (or the current one and its parents)."""
    out: dict[str, tuple[Any, Any]] = {}
    chain = [scope] if scope is not None else _scope_chain(ctx)
    for s in chain:
        for k, v in s.vars.items():
            if k in ("_", "psitem", "args", "input", "this") and s is not chain[0]:
                continue
            out.setdefault(k, (s, v))
    return out


def _options_value(v: Any) -> int:
    if v is None:
        return 0
    return int(getattr(v, "value", v))


def _not_found(cmd: Cmdlet, name: str) -> Any:
    return cmd.make_record(ItemNotFoundException(f"Cannot find a variable with the name '{name}'."),
                           "VariableNotFound", ErrorCategory.ObjectNotFound, name)


def _matches(names: list[str] | None, include: list[str] | None, exclude: list[str] | None, lname: str,
             display: str) -> bool:
    if names is not None and not any(compile_wildcard(n)(display) for n in names):
        return False
    if include and not any(compile_wildcard(n)(display) for n in include):
        return False
    if exclude and any(compile_wildcard(n)(display) for n in exclude):
        return False
    return True


# ============================================================================= Get-Variable

@cmdlet("Get-Variable", module=UTIL, aliases=("gv",))
class GetVariable(Cmdlet):
    """Gets the variables in the current console.

    Gets PSVariable objects (Name, Value, Description, Options) for the variables visible in the
    current scope, or in the scope given by -Scope; -ValueOnly returns only the values."""

    Name = Parameter(list[str], position=0, by_property_name=True, from_pipeline=True, wildcards=True,
                     help="The names of the variables (wildcards allowed); default all.")
    ValueOnly = Parameter(Switch, help="Return the values instead of PSVariable objects.")
    Include = Parameter(list[str], wildcards=True, help="Only variables whose names match these patterns.")
    Exclude = Parameter(list[str], wildcards=True, help="Leave out variables whose names match these patterns.")
    Scope = Parameter(str, help="Global, Local, Script, or a number of scopes up (0 = current).")
    examples = [("Get-Variable -Name m*", "Variables whose names start with m."),
                ("Get-Variable -Name ErrorActionPreference -ValueOnly", "The value of a preference variable.")]

    def process(self) -> None:
        scope = resolve_scope(self, self.Scope)
        visible = _visible(self.ctx, scope)
        names = self.Name if self.Name else None
        found: list[PSVariable] = []
        for lname in sorted(visible):
            s, _v = visible[lname]
            display = _display_name(self.ctx, s, lname)
            if _matches(names, self.Include, self.Exclude, lname, display):
                found.append(PSVariable(self.ctx, s, lname))
        if names:
            for n in names:
                if not has_wildcard(n) and n.lower() not in visible:
                    self.write_error(_not_found(self, n))
        found.sort(key=lambda v: v.Name.lower())
        for v in found:
            self.write(v.Value if self.ValueOnly else v)


# ============================================================================= Set / New / Remove / Clear

def _check_writable(cmd: Cmdlet, scope: Any, lname: str, name: str, force: bool) -> None:
    m = _meta(cmd.ctx, scope, lname)
    if m is None:
        return
    if m.options & _CONSTANT or (m.options & _READONLY and not force):
        raise cmd.error(f"Cannot overwrite variable {m.name} because it is read-only or constant.",
                        "VariableNotWritable", ErrorCategory.WriteError, name, SessionStateUnauthorizedAccessException)


def _record(cmd: Cmdlet, scope: Any, name: str, description: str | None, option: Any) -> None:
    key = (id(scope), name.lower())
    metas = _metas(cmd.ctx)
    m = metas.get(key)
    if m is None:
        m = metas[key] = _Meta(name)
    if description is not None:
        m.description = description
    if option is not None:
        m.options = _options_value(option)
        scope.protect(name.lower(), m.name, bool(m.options & (_READONLY | _CONSTANT)))


@cmdlet("Set-Variable", module=UTIL, aliases=("sv", "set"), should_process=True)
class SetVariable(Cmdlet):
    """Sets the value of a variable. Creates the variable if one with the requested name does not exist.

    The value can also come from the pipeline (several objects are stored as an array)."""

    Name = Parameter(list[str], mandatory=True, position=0, by_property_name=True, wildcards=True,
                     help="The name of the variable (without $).")
    Value = Parameter(object, position=1, from_pipeline=True, by_property_name=True, allow_null=True,
                      help="The value to assign.")
    Include = Parameter(list[str], help="With a wildcard name, only these variables.")
    Exclude = Parameter(list[str], help="With a wildcard name, not these variables.")
    Description = Parameter(str, help="A description of the variable.")
    Option = Parameter("System.Management.Automation.ScopedItemOptions",
                       help="None, ReadOnly, Constant, Private or AllScope.")
    Force = Parameter(Switch, help="Overwrite a read-only variable.")
    Visibility = Parameter(str, validate_set=("Public", "Private"), help="Public or Private.")
    PassThru = Parameter(Switch, help="Output the PSVariable.")
    Scope = Parameter(str, help="Global, Local, Script, or a number of scopes up (0 = current).")
    examples = [("Set-Variable -Name desc -Value 'A description'", "Assigns $desc."),
                ("Get-MsolUser | Set-Variable users", "Stores pipeline output in $users.")]

    def begin(self) -> None:
        self._values: list[Any] = []
        self._piped = False
        self._cmdline_value = self.is_bound("Value")

    def process(self) -> None:
        if not self._cmdline_value and (self.expecting_input or self.is_bound("Value")):
            self._piped = True
            self._values.append(self.Value)
            return
        self._set(self.Value if self.is_bound("Value") else MISSING)

    def end(self) -> None:
        if self._piped:
            vals = self._values
            self._set(vals[0] if len(vals) == 1 else list(vals))

    def _set(self, value: Any) -> None:
        ctx = self.ctx
        scope = resolve_scope(self, self.Scope) or ctx.scope
        for name in self.Name:
            name = name.lstrip("$")
            targets: list[tuple[Any, str, str]] = []
            if has_wildcard(name):
                vis = _visible(ctx, scope if self.Scope else None)
                for lname, (s, _v) in sorted(vis.items()):
                    display = _display_name(ctx, s, lname)
                    if _matches([name], self.Include, self.Exclude, lname, display):
                        targets.append((s, lname, display))
            else:
                targets.append((scope, name.lower(), name))
            for s, lname, display in targets:
                if not self.should_process(f"Name: {display} Value: {'' if value is MISSING else value}",
                                           "Set variable"):
                    continue
                _check_writable(self, s, lname, display, bool(self.Force))
                if value is not MISSING:
                    s.vars[lname] = value
                elif lname not in s.vars:
                    s.vars[lname] = None
                if (id(s), lname) not in _metas(ctx) and display != lname:
                    _record(self, s, display, None, None)
                if self.Description is not None or self.Option is not None:
                    _record(self, s, display, self.Description, self.Option)
                if self.PassThru:
                    self.write(PSVariable(ctx, s, lname))


@cmdlet("New-Variable", module=UTIL, aliases=("nv",), should_process=True)
class NewVariable(Cmdlet):
    """Creates a new variable.

    Fails if a variable with that name already exists in the scope, unless -Force is used."""

    Name = Parameter(str, mandatory=True, position=0, by_property_name=True, help="The name of the variable.")
    Value = Parameter(object, position=1, from_pipeline=True, by_property_name=True, allow_null=True,
                      help="The initial value.")
    Description = Parameter(str, help="A description of the variable.")
    Option = Parameter("System.Management.Automation.ScopedItemOptions",
                       help="None, ReadOnly, Constant, Private or AllScope.")
    Visibility = Parameter(str, validate_set=("Public", "Private"), help="Public or Private.")
    Force = Parameter(Switch, help="Replace an existing variable (unless it is read-only or constant).")
    PassThru = Parameter(Switch, help="Output the PSVariable.")
    Scope = Parameter(str, help="Global, Local, Script, or a number of scopes up (0 = current).")
    examples = [("New-Variable -Name days -Value 30 -Option ReadOnly", "A read-only variable $days."),
                ("New-Variable zipcode -Value 98033", "Positional name and value.")]

    def process(self) -> None:
        ctx = self.ctx
        scope = resolve_scope(self, self.Scope) or ctx.scope
        name = self.Name.lstrip("$")
        lname = name.lower()
        if lname in scope.vars:
            m = _meta(ctx, scope, lname)
            if not self.Force or (m is not None and m.options & (_READONLY | _CONSTANT)):
                if self.Force:
                    raise self.error(f"Cannot overwrite variable {name} because it is read-only or constant.",
                                     "VariableNotWritable", ErrorCategory.WriteError, name,
                                     SessionStateUnauthorizedAccessException)
                self.write_error(self.make_record(SessionStateException(f"A variable with name '{name}' already "
                                                                        "exists."),
                                                  "VariableAlreadyExists", ErrorCategory.ResourceExists, name))
                return
        if not self.should_process(f"Name: {name} Value: {self.Value}", "New variable"):
            return
        scope.vars[lname] = self.Value
        _metas(ctx).pop((id(scope), lname), None)
        _record(self, scope, name, self.Description or "", self.Option)
        if self.PassThru:
            self.write(PSVariable(ctx, scope, lname))


def _find_targets(cmd: Cmdlet, names: list[str], include: Any, exclude: Any) -> list[tuple[Any, str]]:
    ctx = cmd.ctx
    scope = resolve_scope(cmd, getattr(cmd, "Scope", None))
    out: list[tuple[Any, str]] = []
    for name in names:
        name = name.lstrip("$")
        if has_wildcard(name):
            for lname, (s, _v) in sorted(_visible(ctx, scope).items()):
                if _matches([name], include, exclude, lname, _display_name(ctx, s, lname)):
                    out.append((s, lname))
            continue
        lname = name.lower()
        if scope is not None:
            if lname in scope.vars:
                out.append((scope, lname))
                continue
        else:
            hit = next((s for s in _scope_chain(ctx) if lname in s.vars), None)
            if hit is not None:
                out.append((hit, lname))
                continue
        cmd.write_error(_not_found(cmd, name))
    return out


@cmdlet("Remove-Variable", module=UTIL, aliases=("rv",), should_process=True)
class RemoveVariable(Cmdlet):
    """Deletes a variable and its value."""

    Name = Parameter(list[str], mandatory=True, position=0, by_property_name=True, wildcards=True,
                     help="The names of the variables to remove.")
    Include = Parameter(list[str], help="Only these variables.")
    Exclude = Parameter(list[str], help="Not these variables.")
    Force = Parameter(Switch, help="Remove a read-only variable.")
    Scope = Parameter(str, help="Global, Local, Script, or a number of scopes up (0 = current).")
    examples = [("Remove-Variable -Name users", "Deletes $users.")]

    def process(self) -> None:
        for s, lname in _find_targets(self, self.Name, self.Include, self.Exclude):
            display = _display_name(self.ctx, s, lname)
            m = _meta(self.ctx, s, lname)
            if m is not None and (m.options & _CONSTANT or (m.options & _READONLY and not self.Force)):
                self.write_error(self.make_record(SessionStateUnauthorizedAccessException(
                    f"Cannot remove variable {display} because it is constant or read-only. If the variable is "
                    "read-only, try the operation again specifying the Force option."), "VariableNotRemovable",
                    ErrorCategory.WriteError, display))
                continue
            if not self.should_process(f"Name: {display}", "Remove variable"):
                continue
            s.vars.pop(lname, None)
            if s.typed is not None:
                s.typed.pop(lname, None)
            _metas(self.ctx).pop((id(s), lname), None)


@cmdlet("Clear-Variable", module=UTIL, aliases=("clv",), should_process=True)
class ClearVariable(Cmdlet):
    """Deletes the value of a variable (sets it to $null); the variable remains."""

    Name = Parameter(list[str], mandatory=True, position=0, by_property_name=True, wildcards=True,
                     help="The names of the variables to clear.")
    Include = Parameter(list[str], help="Only these variables.")
    Exclude = Parameter(list[str], help="Not these variables.")
    Force = Parameter(Switch, help="Clear a read-only variable.")
    PassThru = Parameter(Switch, help="Output the PSVariable.")
    Scope = Parameter(str, help="Global, Local, Script, or a number of scopes up (0 = current).")
    examples = [("Clear-Variable -Name users", "Sets $users to $null.")]

    def process(self) -> None:
        for s, lname in _find_targets(self, self.Name, self.Include, self.Exclude):
            display = _display_name(self.ctx, s, lname)
            _check_writable(self, s, lname, display, bool(self.Force))
            if not self.should_process(f"Name: {display}", "Clear variable"):
                continue
            s.vars[lname] = None
            if self.PassThru:
                self.write(PSVariable(self.ctx, s, lname))


# ============================================================================= aliases

def _all_aliases(ctx: Any, scope: Any = None) -> dict[str, tuple[str, str]]:
    """lower alias -> (name as written, target), scope aliases shadowing the session table."""
    out: dict[str, tuple[str, str]] = {}
    chain = [scope] if scope is not None else _scope_chain(ctx)
    for s in chain:
        for k, t in (s.aliases or {}).items():
            out.setdefault(k, (_alias_name(ctx, k), t))
    if scope is None or scope is ctx.global_scope:
        for k, t in ctx.aliases.items():
            out.setdefault(k, (_alias_name(ctx, k), t))
    return out


def _alias_names(ctx: Any) -> dict[str, str]:
    m = ctx.services.get("utility.aliasnames")
    if m is None:
        m = ctx.services["utility.aliasnames"] = {}
    return m


def _alias_name(ctx: Any, lname: str) -> str:
    return _alias_names(ctx).get(lname, lname)


def _alias_info(ctx: Any, name: str, target: str) -> AliasInfo:
    resolved = ctx.resolve_command(target, allow_alias=False) if target.lower() != name.lower() else None
    return AliasInfo(name, target, resolved)


@cmdlet("Get-Alias", module=UTIL, aliases=("gal",), default_set="Default")
class GetAlias(Cmdlet):
    """Gets the aliases for the current session.

    Lists aliases (shown as 'alias -> command'); -Definition finds the aliases of a command."""

    Name = Parameter(list[str], position=0, from_pipeline=True, by_property_name=True, set="Default", wildcards=True,
                     help="The aliases to get (wildcards allowed).")
    Definition = Parameter(list[str], set="Definition", wildcards=True,
                           help="Get the aliases of these commands (wildcards allowed).")
    Exclude = Parameter(list[str], wildcards=True, help="Leave out these aliases.")
    Scope = Parameter(str, help="Global, Local, Script, or a number of scopes up (0 = current).")
    examples = [("Get-Alias", "All aliases."), ("Get-Alias -Definition Get-ChildItem", "Aliases of Get-ChildItem."),
                ("Get-Alias gm", "What gm stands for.")]

    def process(self) -> None:
        ctx = self.ctx
        scope = resolve_scope(self, self.Scope)
        table = _all_aliases(ctx, scope)
        excl = [compile_wildcard(x) for x in self.Exclude] if self.Exclude else []
        rows = []
        if self.Definition is not None:
            pats = [compile_wildcard(d) for d in self.Definition]
            for lname, (name, target) in table.items():
                if any(p(target) for p in pats) and not any(x(name) for x in excl):
                    rows.append(_alias_info(ctx, name, target))
            if not rows:
                for d in self.Definition:
                    if not has_wildcard(d):
                        self.write_error(self._missing(d, definition=True))
        else:
            names = self.Name or ["*"]
            for n in names:
                m = compile_wildcard(n)
                hits = [(lname, v) for lname, v in table.items() if m(v[0]) and not any(x(v[0]) for x in excl)]
                if not hits and not has_wildcard(n):
                    self.write_error(self._missing(n))
                for lname, (name, target) in hits:
                    rows.append(_alias_info(ctx, name, target))
        seen: set[str] = set()
        for r in sorted(rows, key=lambda a: a.Name.lower()):
            if r.Name.lower() in seen:
                continue
            seen.add(r.Name.lower())
            self.write(r)

    def _missing(self, name: str, definition: bool = False) -> Any:
        if definition:
            msg = f"This command cannot find a matching alias because an alias with the definition '{name}' does not " \
                  "exist."
        else:
            msg = f"This command cannot find a matching alias because an alias with the name '{name}' does not exist."
        return self.make_record(ItemNotFoundException(msg), "ItemNotFoundException", ErrorCategory.ObjectNotFound,
                                name)


def _alias_scope(cmd: Cmdlet) -> Any:
    ctx = cmd.ctx
    s = resolve_scope(cmd, getattr(cmd, "Scope", None)) or ctx.scope
    if s.aliases is None:
        s.aliases = {}
    return s


class _AliasSetter(Cmdlet):
    """Shared by Set-Alias and New-Alias."""

    Name = Parameter(str, mandatory=True, position=0, by_property_name=True, help="The alias to create.")
    Value = Parameter(str, mandatory=True, position=1, by_property_name=True,
                      help="The command (cmdlet, function, script...) the alias stands for.")
    Description = Parameter(str, help="A description of the alias.")
    Option = Parameter("System.Management.Automation.ScopedItemOptions",
                       help="None, ReadOnly, Constant, Private or AllScope.")
    PassThru = Parameter(Switch, help="Output the AliasInfo.")
    Scope = Parameter(str, help="Global, Local, Script, or a number of scopes up (0 = current).")
    Force = Parameter(Switch, help="Replace a read-only alias.")
    new = False

    def process(self) -> None:
        ctx = self.ctx
        name = self.Name
        lname = name.lower()
        s = _alias_scope(self)
        opts = ctx.services.setdefault("utility.aliasopts", {})
        key = (id(s), lname)
        existing = (s.aliases or {}).get(lname)
        if existing is None and s is ctx.global_scope:
            existing = ctx.aliases.get(lname)
        if existing is not None:
            o = opts.get(key, 0)
            if self.new and not self.Force:
                self.write_error(self.make_record(SessionStateException(
                    f"The alias is not allowed, because an alias with the name '{name}' already exists."),
                    "AliasAlreadyExists", ErrorCategory.ResourceExists, name))
                return
            if o & _CONSTANT or (o & _READONLY and not self.Force):
                self.write_error(self.make_record(SessionStateUnauthorizedAccessException(
                    f"Alias {name} cannot be modified because it is read-only or constant."),
                    "AliasNotWritable", ErrorCategory.WriteError, name))
                return
        if not self.should_process(f"Name: {name} Value: {self.Value}", "New alias" if self.new else "Set alias"):
            return
        s.aliases[lname] = self.Value
        _alias_names(ctx)[lname] = name
        if self.Option is not None:
            opts[key] = _options_value(self.Option)
        if self.PassThru:
            self.write(_alias_info(ctx, name, self.Value))


@cmdlet("Set-Alias", module=UTIL, aliases=("sal",), should_process=True)
class SetAlias(_AliasSetter):
    """Creates or changes an alias for a cmdlet or other command in the current PowerShell session."""

    examples = [("Set-Alias -Name list -Value Get-ChildItem", "Makes 'list' run Get-ChildItem.")]


@cmdlet("New-Alias", module=UTIL, aliases=("nal",), should_process=True)
class NewAlias(_AliasSetter):
    """Creates a new alias (fails if the alias already exists, unless -Force is used)."""

    new = True
    examples = [("New-Alias -Name ll -Value Get-ChildItem", "A new alias.")]


@cmdlet("Remove-Alias", module=UTIL)
class RemoveAlias(Cmdlet):
    """Removes an alias from the current session."""

    Name = Parameter(list[str], mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                     help="The aliases to remove.")
    Scope = Parameter(str, help="Global, Local, Script, or a number of scopes up (0 = current).")
    Force = Parameter(Switch, help="Remove a read-only alias.")
    examples = [("Remove-Alias -Name list", "Removes the alias 'list'.")]

    def process(self) -> None:
        ctx = self.ctx
        scope = resolve_scope(self, self.Scope)
        for name in self.Name:
            lname = name.lower()
            chain = [scope] if scope is not None else _scope_chain(ctx)
            hit = next((s for s in chain if s.aliases and lname in s.aliases), None)
            if hit is not None:
                del hit.aliases[lname]
            elif (scope is None or scope is ctx.global_scope) and lname in ctx.aliases:
                del ctx.aliases[lname]
            else:
                self.write_error(self.make_record(ItemNotFoundException(
                    f"This command cannot find a matching alias because an alias with the name '{name}' does not "
                    "exist."), "ItemNotFoundException", ErrorCategory.ObjectNotFound, name))
