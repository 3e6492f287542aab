"""The declaration API for cmdlets: one declaration feeds binding, validation, Get-Help,
Get-Command and tab completion.

    @cmdlet("Get-Thing", module="Contoso", aliases=("gt",))
    class GetThing(Cmdlet):
        '''Gets things.  (synopsis)

        Longer description...'''
        Name = Parameter(str, position=0, help="The thing's name.")
        All = Parameter(Switch)

        def process(self):
            self.write(...)

Parameters are class attributes; at run time each is an instance attribute holding the
bound value (switches as bool, unbound parameters as their ``default``).
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from .parameters import ALL_SETS, CommandMetadata, ParamSpec, SetInfo
from .validators import (ValidateCount, ValidateLength, ValidateNotNullOrEmpty, ValidatePattern, ValidateRange,
                         ValidateSet)
from .errors import ErrorCategory, ErrorRecord, Position, RuntimeException, record_of, runtime_error

REGISTRY: dict[str, type] = {}


class Switch:
    """Type marker for switch parameters."""


class Parameter:
    """A parameter declaration (see the module docstring)."""

    _counter = 0

    def __init__(self, type: Any = None, *, mandatory: bool = False, position: int | None = None,
                 from_pipeline: bool = False, by_property_name: bool = False, aliases: Iterable[str] = (),
                 set: str | Iterable[str] | None = None, sets: dict[str, dict] | None = None, help: str = "",
                 default: Any = None, validate_set: Iterable[str] | None = None,
                 validate_range: tuple[Any, Any] | None = None, validate_pattern: str | None = None,
                 validate_length: tuple[int, int] | None = None, validate_count: tuple[int, int] | None = None,
                 not_null_or_empty: bool = False, allow_null: bool = False, allow_empty: bool = False,
                 remaining: bool = False, dont_show: bool = False, completer: Any = None,
                 wildcards: bool = False, type_label: str | None = None,
                 validators: Iterable[Any] = ()) -> None:
        self.type = type
        self.validators = list(validators)
        self.mandatory = mandatory
        self.position = position
        self.from_pipeline = from_pipeline
        self.by_property_name = by_property_name
        self.aliases = tuple(aliases)
        self.set = [set] if isinstance(set, str) else (list(set) if set else None)
        self.sets = sets
        self.help = help
        self.default = default
        self.validate_set = list(validate_set) if validate_set else None
        self.validate_range = validate_range
        self.validate_pattern = validate_pattern
        self.validate_length = validate_length
        self.validate_count = validate_count
        self.not_null_or_empty = not_null_or_empty
        self.allow_null = allow_null
        self.allow_empty = allow_empty
        self.remaining = remaining
        self.dont_show = dont_show
        self.completer = completer
        self.wildcards = wildcards
        self.type_label = type_label
        Parameter._counter += 1
        self.order = Parameter._counter
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def spec(self) -> ParamSpec:
        t, label = resolve_decl_type(self.type)
        sets: dict[str, SetInfo] = {}
        if self.sets:
            for sname, opts in self.sets.items():
                sets[sname] = SetInfo(opts.get("mandatory", self.mandatory), opts.get("position", self.position),
                                      opts.get("from_pipeline", self.from_pipeline),
                                      opts.get("by_property_name", self.by_property_name))
        else:
            for sname in (self.set or [ALL_SETS]):
                sets[sname] = SetInfo(self.mandatory, self.position, self.from_pipeline, self.by_property_name)
        validators: list = list(self.validators)
        if self.validate_set:
            validators.append(ValidateSet(self.validate_set))
        if self.validate_range:
            validators.append(ValidateRange(*self.validate_range))
        if self.validate_pattern:
            validators.append(ValidatePattern(self.validate_pattern))
        if self.validate_length:
            validators.append(ValidateLength(*self.validate_length))
        if self.validate_count:
            validators.append(ValidateCount(*self.validate_count))
        if self.not_null_or_empty:
            validators.append(ValidateNotNullOrEmpty())
        return ParamSpec(self.name, t, aliases=self.aliases, is_switch=self.type is Switch, sets=sets, help=self.help,
                         validators=validators, default=self.default, dont_show=self.dont_show,
                         allow_null=self.allow_null, allow_empty=self.allow_empty, remaining=self.remaining,
                         attr=self.name, type_label=self.type_label or label, completer=self.completer,
                         accepts_wildcards=self.wildcards)


def resolve_decl_type(decl: Any) -> tuple[Any, str | None]:
    """A declaration's type (Python type, type name, PSType, class) as a PSType (or None for object)."""
    from .types import PSType, register_class, resolve
    if decl is None or decl is object:
        return None, None
    if decl is Switch:
        return None, "System.Management.Automation.SwitchParameter"
    if isinstance(decl, PSType):
        return decl, None
    simple = {str: "string", int: "int", bool: "bool", float: "double"}
    if decl in simple:
        return resolve(simple[decl]), None
    if isinstance(decl, str):
        return resolve(decl), None
    origin = getattr(decl, "__origin__", None)
    if origin is list:
        inner, _ = resolve_decl_type(decl.__args__[0])
        from .typelib import array_of
        return array_of(inner if inner is not None else resolve("object")), None
    if isinstance(decl, type) and hasattr(decl, "__ps_typename__"):
        t = resolve(decl.__ps_typename__, required=False)
        if t is None:
            t = register_class(decl)
        return t, None
    raise TypeError(f"cannot use {decl!r} as a parameter type")


class _Meta:
    """Lazily built CommandMetadata (types are resolved on first use, not at import)."""

    def __get__(self, obj: Any, owner: type) -> CommandMetadata:
        m = owner.__dict__.get("_metadata")
        if m is None:
            decls = []
            for klass in reversed(owner.__mro__):
                for v in vars(klass).values():
                    if isinstance(v, Parameter):
                        decls.append(v)
            byname: dict[str, Parameter] = {}
            for d in sorted(decls, key=lambda d: d.order):
                byname[d.name] = d
            specs = [d.spec() for d in byname.values()]
            m = CommandMetadata(owner.name, specs, default_set=owner.default_set,
                                advanced=True, should_process=owner.supports_should_process)
            owner._metadata = m  # type: ignore[attr-defined]
        return m


class Cmdlet:
    """Base class of every cmdlet. Subclasses declare Parameters and override begin/process/end."""

    name: str = ""
    module: str = "Microsoft.PowerShell.Utility"
    version: str = "7.0.0.0"
    aliases: tuple[str, ...] = ()
    default_set: str | None = None
    supports_should_process: bool = False
    examples: list[tuple[str, str]] = []
    outputs: str = ""
    inputs: str = ""
    notes: str = ""
    links: list[str] = []
    metadata = _Meta()

    def __init__(self, ctx: Any, invocation_name: str | None = None) -> None:
        self.ctx = ctx
        self.invocation_name = invocation_name or self.name
        self.bound: dict[str, Any] = {}
        self.parameter_set_name = ALL_SETS
        self.position: Position | None = None
        self._out: Callable[[Any], None] = lambda o: None
        self.error_action: int | None = None
        self.warning_action: int | None = None
        self.verbose_on: bool | None = None
        self.debug_on: bool = False
        self.whatif: bool = False
        self.confirm: bool = False
        self.error_variable: Callable[[ErrorRecord], None] | None = None
        self.had_error = False
        self.expecting_input = False

    # ---------------------------------------------------------------- availability and lifecycle
    @classmethod
    def is_available(cls, session: Any) -> bool:
        """Whether the command exists right now (Exchange cmdlets only after Connect-ExchangeOnline)."""
        return True

    def begin(self) -> None:
        """BeginProcessing."""

    def process(self) -> None:
        """ProcessRecord: once per pipeline object (once without input)."""

    def end(self) -> None:
        """EndProcessing."""

    # ---------------------------------------------------------------- output
    def write(self, obj: Any) -> None:
        """WriteObject: one object, not enumerated."""
        self._out(obj)

    def write_all(self, items: Iterable[Any]) -> None:
        """WriteObject(items, enumerateCollection: true)."""
        out = self._out
        for x in items:
            out(x)

    def is_bound(self, name: str) -> bool:
        return name in self.bound

    @property
    def session(self) -> Any:
        return self.ctx

    # ---------------------------------------------------------------- errors and other streams
    def make_record(self, error: Any, error_id: str | None = None,
                    category: ErrorCategory | str = ErrorCategory.NotSpecified, target: Any = None,
                    exc_type: type = RuntimeException, recommended: str | None = None) -> ErrorRecord:
        if isinstance(error, ErrorRecord):
            rec = error
        elif isinstance(error, BaseException):
            rec = record_of(error)
            if error_id:
                rec.error_id = error_id
        else:
            exc = runtime_error(str(error), error_id or "Error", category, target, exc_type)
            rec = ErrorRecord(exc, error_id or "Error", category, target)
        if rec.command_name is None:
            rec.command_name = self.name
        if rec.position is None:
            rec.position = self.position
        if recommended:
            from .errors import ErrorDetails
            rec.details = ErrorDetails(rec.message, recommended)
        return rec

    def write_error(self, error: Any, error_id: str | None = None,
                    category: ErrorCategory | str = ErrorCategory.NotSpecified, target: Any = None,
                    exc_type: type = RuntimeException) -> None:
        """WriteError: a non-terminating error (honours -ErrorAction / -ErrorVariable)."""
        rec = self.make_record(error, error_id, category, target, exc_type)
        self.had_error = True
        self.ctx.write_error(rec, self.error_action, self.error_variable)

    def error(self, message: str, error_id: str, category: ErrorCategory | str = ErrorCategory.NotSpecified,
              target: Any = None, exc_type: type = RuntimeException) -> RuntimeException:
        """ThrowTerminatingError: build the exception for ``raise self.error(...)``."""
        e = runtime_error(message, error_id, category, target, exc_type)
        e.command_name = self.name
        if self.position is not None:
            e.position = self.position
        return e

    def warn(self, text: str) -> None:
        """WriteWarning."""
        from .session import action_value
        action = self.warning_action if self.warning_action is not None else \
            self.ctx.preference("warningpreference")
        if action == 1:
            raise self.error(f"The running command stopped because the preference variable \"WarningPreference\" "
                             f"or common parameter is set to Stop: {text}", "ActionPreferenceStop")
        if action in (2, 3):
            self.ctx.streams.warning(text)
        _ = action_value

    def verbose(self, text: str) -> None:
        """WriteVerbose: shown with -Verbose or $VerbosePreference = 'Continue'."""
        on = self.verbose_on if self.verbose_on is not None else self.ctx.preference("verbosepreference") in (1, 2, 3)
        if on:
            self.ctx.streams.verbose(text)

    def debug(self, text: str) -> None:
        if self.debug_on or self.ctx.preference("debugpreference") in (1, 2, 3):
            self.ctx.streams.debug(text)

    def should_process(self, target: str, action: str | None = None) -> bool:
        """-WhatIf prints what would happen and returns False; -Confirm asks the host."""
        action = action or self.name
        if self.whatif or (self.ctx.get_var("whatifpreference") is True and not self.bound.get("WhatIf") is False):
            self.ctx.host.write_line(f'What if: Performing the operation "{action}" on target "{target}".')
            return False
        if self.confirm:
            ok = self.ctx.host.confirm("Confirm", f"Are you sure you want to perform this action?\n"
                                                  f'Performing the operation "{action}" on target "{target}".')
            return bool(ok)
        return True


def cmdlet(name: str, *, module: str | None = None, aliases: Iterable[str] = (), default_set: str | None = None,
           should_process: bool = False, version: str | None = None) -> Callable[[type], type]:
    """Register a Cmdlet subclass under its PowerShell name."""
    def deco(cls: type) -> type:
        cls.name = name
        if module is not None:
            cls.module = module
        if version is not None:
            cls.version = version
        cls.aliases = tuple(aliases)
        cls.default_set = default_set if default_set is not None else cls.__dict__.get("default_set", None)
        cls.supports_should_process = should_process or cls.__dict__.get("supports_should_process", False)
        REGISTRY[name.lower()] = cls
        return cls
    return deco
