"""Parameter binding, shared by cmdlets and script functions: named (exact, alias or unique
prefix), ``-Name:value``, switches, positional by parameter set, splatting, pipeline
input by value and by property name, mandatory checks, type conversion and the
Validate* attributes — with pwsh's error messages.
"""
from __future__ import annotations

from typing import Any, Callable, Iterable

from .conversion import cast_error, to_bool, to_string
from .errors import (ErrorCategory, ParameterBindingException, PSInvalidCastException, RuntimeException,
                     runtime_error)
from .netlib.exceptions import DotNetException
from .objects import MISSING, enumerate_values, get_member, is_enumerable

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


class Arg:
    """One argument as written: ``-Name``, ``-Name:value``, or a value (positional).

    ``raw`` is the source text of a bare numeric argument (``012345``): a [string] parameter
    receives that text, as in pwsh."""

    __slots__ = ("name", "value", "has_value", "text", "from_splat", "raw")

    def __init__(self, name: str | None, value: Any = None, has_value: bool = True, text: str = "",
                 from_splat: bool = False, raw: str | None = None) -> None:
        self.name = name
        self.value = value
        self.has_value = has_value
        self.text = text
        self.from_splat = from_splat
        self.raw = raw


def _value_for(p: ParamSpec, a: Arg) -> Any:
    if a.raw is not None and p.type is not None and p.type.FullName == "System.String":
        return a.raw
    return a.value


class BindState:
    """The result of binding the command line, before pipeline input."""

    __slots__ = ("bound", "extra", "sets", "meta", "command_name", "bound_order", "delayed")

    def __init__(self, meta: CommandMetadata, command_name: str) -> None:
        self.meta = meta
        self.command_name = command_name
        self.bound: dict[str, Any] = {}
        self.bound_order: list[str] = []
        self.extra: list[Any] = []
        self.sets: list[str] = list(meta.set_names)
        self.delayed: dict[str, Any] = {}   # delay-bind script blocks, evaluated per input object

    def set(self, p: ParamSpec, value: Any) -> None:
        if p.name not in self.bound:
            self.bound_order.append(p.name)
        self.bound[p.name] = value
        if not p.is_common:
            narrowed = [s for s in self.sets if s == ALL_SETS or s in p.sets or ALL_SETS in p.sets]
            if not narrowed:
                raise binding_error("Parameter set cannot be resolved using the specified named parameters. One or "
                                    "more parameters issued cannot be used together or an insufficient number of "
                                    "parameters were provided.", "AmbiguousParameterSet", self.command_name)
            self.sets = narrowed


def coerce(p: ParamSpec, value: Any, command_name: str, for_cmdlet: bool) -> Any:
    """Convert an argument to the parameter's type and run its validators."""
    if p.is_switch:
        from .valuetypes import SwitchParameter
        if isinstance(value, SwitchParameter):
            v = value.IsPresent
        elif isinstance(value, bool):
            v = value
        elif value is None:
            v = False
        else:
            v = to_bool(value)
        return v if for_cmdlet else SwitchParameter(v)
    t = p.type
    if value is None:
        if p.validators and not p.allow_null and any(getattr(vd, "rejects_null", False) for vd in p.validators):
            pass
        if t is not None and t.is_value_type and not t.FullName.startswith("System.Nullable"):
            try:
                value = t.convert(None) if t.FullName != "System.DateTime" else None
            except DotNetException:
                value = None
    elif t is not None:
        if t.FullName == "System.Boolean" and not isinstance(value, bool):
            if isinstance(value, (int, float)) or value.__class__.__name__ == "SwitchParameter":
                value = to_bool(value)
            else:
                from .types import type_of
                raise binding_error(
                    f"Cannot process argument transformation on parameter '{p.name}'. Cannot convert value "
                    f"\"{type_of(value).FullName}\" to type \"System.Boolean\". Boolean parameters accept only "
                    "Boolean values and numbers, such as $True, $False, 1 or 0.",
                    "ParameterArgumentTransformationError", command_name)
        else:
            try:
                value = t.convert(value)
            except PSInvalidCastException as e:
                prefix = f"Cannot bind parameter '{p.name}'. " if for_cmdlet else \
                    f"Cannot process argument transformation on parameter '{p.name}'. "
                err = binding_error(prefix + e.Message, "CannotConvertArgumentNoMessage" if for_cmdlet else
                                    "ParameterArgumentTransformationError", command_name)
                raise err from None
            except RuntimeException:
                raise
            except DotNetException as e:
                raise binding_error(f"Cannot process argument transformation on parameter '{p.name}'. "
                                    f"{e.Message}", "ParameterArgumentTransformationError", command_name) from None
    for vd in p.validators:
        vd.validate(p, value, command_name)
    return value


def bind_command_line(meta: CommandMetadata, args: list[Arg], command_name: str,
                      for_cmdlet: bool) -> BindState:
    """Bind named then positional arguments; leftovers go to ``extra`` ($args) for simple functions."""
    st = BindState(meta, command_name)
    positional: list[Arg] = []
    i = 0
    n = len(args)
    while i < n:
        a = args[i]
        if a.name is None:
            positional.append(a)
            i += 1
            continue
        p = meta.resolve(a.name, command_name)
        if a.has_value:
            value = _value_for(p, a)
        elif p.is_switch:
            value = True
        else:
            if i + 1 < n and args[i + 1].name is None:
                value = _value_for(p, args[i + 1])
                i += 1
            else:
                raise binding_error(f"Missing an argument for parameter '{p.name}'. Specify a parameter of type "
                                    f"'{p.type_name}' and try again.", "MissingArgument", command_name)
        if _is_delay_bind(p, value):
            st.delayed[p.name] = value
            st.set(p, None)
            i += 1
            continue
        if p.name in st.bound:
            raise binding_error(f"Cannot bind parameter because parameter '{p.name}' is specified more than once. "
                                "To provide multiple values to parameters that can accept multiple values, use "
                                "the array syntax. For example, \"-parameter value1,value2,value3\".",
                                "ParameterAlreadyBound", command_name)
        st.set(p, coerce(p, value, command_name, for_cmdlet))
        i += 1
    if positional:
        _bind_positional(st, positional, for_cmdlet)
    return st


def _next_positional(st: BindState, setname: str) -> ParamSpec | None:
    """The unbound parameter with the lowest position in one parameter set."""
    best: tuple[int, ParamSpec] | None = None
    for p in st.meta.own:
        if p.name in st.bound:
            continue
        si = p.sets.get(setname) or p.sets.get(ALL_SETS)
        if si is None or si.position is None:
            continue
        if best is None or si.position < best[0]:
            best = (si.position, p)
    return best[1] if best else None


def _set_order(st: BindState) -> list[str]:
    meta = st.meta
    cands = list(st.sets) if st.sets else [meta.default_set]
    if meta.default_set in cands:
        cands.remove(meta.default_set)
        cands.insert(0, meta.default_set)
    return cands


def _bind_positional(st: BindState, positional: list[Arg], for_cmdlet: bool) -> None:
    meta = st.meta
    remaining = next((p for p in meta.own if p.remaining and p.name not in st.bound), None)
    leftovers: list[Arg] = []
    for a in positional:
        if leftovers:
            leftovers.append(a)
            continue
        first_error: BaseException | None = None
        done = False
        tried: set[str] = set()
        cands: list[tuple[int, int, ParamSpec]] = []
        for rank, setname in enumerate(_set_order(st)):
            p = _next_positional(st, setname)
            if p is None or p.name in tried:
                continue
            tried.add(p.name)
            si = p.sets.get(setname) or p.sets.get(ALL_SETS)
            cands.append((si.position if si is not None and si.position is not None else 1 << 30, rank, p))
        cands.sort(key=lambda c: (c[0], c[1]))
        for _pos, _rank, p in cands:
            try:
                value = coerce(p, _value_for(p, a), st.command_name, for_cmdlet)
            except DotNetException as e:
                if first_error is None:
                    first_error = e
                continue
            st.set(p, value)
            done = True
            break
        if not done:
            if first_error is not None and remaining is None:
                raise first_error
            leftovers.append(a)
    if leftovers:
        if remaining is not None:
            vals = [a.value for a in leftovers]
            if remaining.name in st.bound:
                prev = st.bound[remaining.name]
                vals = (list(prev) if isinstance(prev, list) else [prev]) + vals
            st.set(remaining, coerce(remaining, vals if len(vals) > 1 or remaining.type is None or
                                     remaining.type.IsArray else vals[0], st.command_name, for_cmdlet))
        elif meta.advanced:
            a = leftovers[0]
            raise binding_error(f"A positional parameter cannot be found that accepts argument "
                                f"'{_arg_text(a.value)}'.", "PositionalParameterNotFound", st.command_name,
                                ErrorCategory.InvalidArgument, a.value)
        else:
            st.extra = [a.value for a in leftovers]


def _arg_text(v: Any) -> str:
    if is_enumerable(v):
        return to_string(v)
    return to_string(v)


def _is_delay_bind(p: ParamSpec, value: Any) -> bool:
    """A script block given to a by-property-name parameter that is not itself a script block
    is evaluated for each input object ($_) — pwsh's delay-bind script blocks."""
    if type(value).__name__ != "ScriptBlock" or p.is_switch:
        return False
    if not any(si.by_property_name for si in p.sets.values()):
        return False
    t = p.type
    return t is None or t.FullName not in ("System.Management.Automation.ScriptBlock", "System.Object",
                                           "System.Management.Automation.ScriptBlock[]")


def _missing_in(st: BindState, setname: str, expecting_input: bool, extra: dict | None = None) -> list[ParamSpec]:
    missing = []
    for p in st.meta.own:
        if p.name in st.bound or (extra and p.name in extra):
            continue
        si = p.in_set(setname)
        if si is None or not si.mandatory:
            continue
        if expecting_input and (si.from_pipeline or si.by_property_name):
            continue
        missing.append(p)
    return missing


def missing_mandatory(st: BindState, expecting_input: bool, extra: dict | None = None) -> list[ParamSpec]:
    """Mandatory parameters still unbound. With pipeline input to come (or ``extra`` parameters
    just bound from an input object), any parameter set that can still be completed will do."""
    chosen = choose_set(st)
    missing = _missing_in(st, chosen, expecting_input, extra)
    if not missing or (not expecting_input and not extra):
        return missing
    for s in st.sets:
        if extra and any(not (q.in_set(s)) for q in (st.meta.by_name[n.lower()] for n in extra)):
            continue
        if not _missing_in(st, s, expecting_input, extra):
            return []
    return missing


def choose_set(st: BindState) -> str:
    meta = st.meta
    cands = st.sets
    if meta.default_set in cands:
        return meta.default_set
    if len(cands) == 1:
        return cands[0]
    # prefer a set whose mandatory parameters are all bound
    for c in cands:
        ok = True
        for p in meta.own:
            si = p.sets.get(c)
            if si is not None and si.mandatory and p.name not in st.bound and not (si.from_pipeline or
                                                                                   si.by_property_name):
                ok = False
                break
        if ok:
            return c
    return cands[0] if cands else meta.default_set


def _matches_type(p: ParamSpec, item: Any) -> bool:
    """Can ``item`` bind to ``p`` without any conversion (pwsh's first binding pass)?"""
    if p.is_switch:
        return isinstance(item, bool)
    t = p.type
    if t is None or t.FullName in ("System.Object", "System.Management.Automation.PSObject"):
        return True
    if t.element is not None:
        el = t.element
        if el.FullName in ("System.Object", "System.Management.Automation.PSObject"):
            return True
        return el.is_instance(item)
    return t.is_instance(item)


def _by_property(st: BindState, p: ParamSpec, item: Any) -> Any:
    v = get_member(item, p.name)
    if v is MISSING:
        for a in p.aliases:
            v = get_member(item, a)
            if v is not MISSING:
                break
    return v


def bind_pipeline_item(st: BindState, item: Any, for_cmdlet: bool) -> dict[str, Any] | None:
    """Parameters bound from one pipeline object (None when it binds to nothing).

    pwsh's order: by value without conversion, by property name without conversion, by value
    with conversion, by property name with conversion."""
    meta = st.meta
    sets = st.sets
    delayed: dict[str, Any] = {}
    for name, sb in st.delayed.items():
        p = meta.by_name[name.lower()]
        delayed[name] = coerce(p, sb.invoke_as_filter(item, True), st.command_name, for_cmdlet)
    if delayed:
        rest = bind_pipeline_item(_without_delayed(st), item, for_cmdlet) or {}
        rest.update(delayed)
        return rest
    by_value = [p for p in meta.pipeline_params if p.name not in st.bound
                and any((p.in_set(s) or _NO).from_pipeline for s in sets)]
    by_name = [p for p in meta.pipeline_params if p.name not in st.bound
               and any((p.in_set(s) or _NO).by_property_name for s in sets)]
    for p in by_value:
        if _matches_type(p, item):
            return {p.name: coerce(p, item, st.command_name, for_cmdlet)}
    result: dict[str, Any] = {}
    pending: list[tuple[ParamSpec, Any]] = []
    for p in by_name:
        v = _by_property(st, p, item)
        if v is MISSING:
            continue
        if _matches_type(p, v):
            result[p.name] = coerce(p, v, st.command_name, for_cmdlet)
        else:
            pending.append((p, v))
    if result and not pending:
        return result
    if not result:
        for p in by_value:
            try:
                return {p.name: coerce(p, item, st.command_name, for_cmdlet)}
            except DotNetException:
                continue
    for p, v in pending:
        result[p.name] = coerce(p, v, st.command_name, for_cmdlet)
    return result or None


_NO = SetInfo()


def _without_delayed(st: BindState) -> BindState:
    c = BindState.__new__(BindState)
    c.meta, c.command_name, c.bound, c.bound_order = st.meta, st.command_name, st.bound, st.bound_order
    c.extra, c.sets, c.delayed = st.extra, st.sets, {}
    return c


def input_not_bound(command_name: str, item: Any) -> RuntimeException:
    return binding_error("The input object cannot be bound to any parameters for the command either because the "
                         "command does not take pipeline input or the input and its properties do not match any "
                         "of the parameters that take pipeline input.", "InputObjectNotBound", command_name,
                         ErrorCategory.InvalidArgument, item)


def missing_mandatory_error(command_name: str, missing: list[ParamSpec]) -> RuntimeException:
    names = ", ".join(p.name for p in missing)
    return binding_error(f"Cannot process command because of one or more missing mandatory parameters: {names}.",
                         "MissingMandatoryParameter", command_name)


# ----------------------------------------------------------------------------- validators

class Validator:
    """Base of the Validate* attributes."""

    rejects_null = False

    def fail(self, p: ParamSpec, text: str, command_name: str) -> RuntimeException:
        return binding_error(f"Cannot validate argument on parameter '{p.name}'. {text}",
                             "ParameterArgumentValidationError", command_name)

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        raise NotImplementedError


def _items(value: Any) -> list:
    return list(enumerate_values(value)) if is_enumerable(value) else [value]


class ValidateSet(Validator):
    """[ValidateSet('a','b')]: case-insensitive membership."""

    def __init__(self, values: list[str], ignore_case: bool = True) -> None:
        self.values = [to_string(v) for v in values]
        self.ignore_case = ignore_case

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        if value is None:
            return
        allowed = {v.lower() for v in self.values} if self.ignore_case else set(self.values)
        for v in _items(value):
            s = to_string(v)
            if (s.lower() if self.ignore_case else s) not in allowed:
                raise self.fail(p, f"The argument \"{s}\" does not belong to the set \"{','.join(self.values)}\" "
                                   "specified by the ValidateSet attribute. Supply an argument that is in the set "
                                   "and then try the command again.", command_name)


class ValidateRange(Validator):
    """[ValidateRange(min, max)]."""

    def __init__(self, lo: Any, hi: Any) -> None:
        self.lo, self.hi = lo, hi

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        from .comparison import compare as _compare
        for v in _items(value):
            if v is None:
                continue
            if _compare(v, self.lo, True) < 0:
                raise self.fail(p, f"The {to_string(v)} argument is less than the minimum allowed range of "
                                   f"{to_string(self.lo)}. Supply an argument that is greater than or equal to "
                                   f"{to_string(self.lo)} and then try the command again.", command_name)
            if _compare(v, self.hi, True) > 0:
                raise self.fail(p, f"The {to_string(v)} argument is greater than the maximum allowed range of "
                                   f"{to_string(self.hi)}. Supply an argument that is less than or equal to "
                                   f"{to_string(self.hi)} and then try the command again.", command_name)


class ValidatePattern(Validator):
    """[ValidatePattern('regex')]."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        from .netlib.regex import compile as rx
        r = rx(self.pattern, ignore_case=True)
        for v in _items(value):
            s = to_string(v)
            if not r.search(s):
                raise self.fail(p, f"The argument \"{s}\" does not match the \"{self.pattern}\" pattern. Supply an "
                                   f"argument that matches \"{self.pattern}\" and try the command again.",
                                command_name)


class ValidateLength(Validator):
    """[ValidateLength(min, max)]."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = int(lo), int(hi)

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        for v in _items(value):
            s = to_string(v)
            if len(s) < self.lo:
                raise self.fail(p, f"The character length of the {len(s)} argument is too short. Specify an "
                                   f"argument with a length that is greater than or equal to \"{self.lo}\", and "
                                   "then try the command again.", command_name)
            if len(s) > self.hi:
                raise self.fail(p, f"The character length of the {len(s)} argument is too long. Shorten the "
                                   f"character length of the argument so it is fewer than or equal to \"{self.hi}\" "
                                   "characters, and then try the command again.", command_name)


class ValidateCount(Validator):
    """[ValidateCount(min, max)]."""

    def __init__(self, lo: int, hi: int) -> None:
        self.lo, self.hi = int(lo), int(hi)

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        n = len(_items(value))
        if n < self.lo:
            raise self.fail(p, f"The parameter requires at least {self.lo} value(s) and only {n} value(s) were "
                               "supplied.", command_name)
        if n > self.hi:
            raise self.fail(p, f"The parameter requires at most {self.hi} value(s) but {n} value(s) were "
                               "supplied.", command_name)


class ValidateNotNull(Validator):
    """[ValidateNotNull()]."""

    rejects_null = True

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        if value is None:
            raise self.fail(p, "The argument is null. Provide a valid value for the argument, and then try running "
                               "the command again.", command_name)


class ValidateNotNullOrEmpty(Validator):
    """[ValidateNotNullOrEmpty()]."""

    rejects_null = True

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        if value is None or value == "" or (is_enumerable(value) and not _items(value)):
            raise self.fail(p, "The argument is null or empty. Provide an argument that is not null or empty, "
                               "and then try the command again.", command_name)


class ValidateNotNullOrWhiteSpace(Validator):
    """[ValidateNotNullOrWhiteSpace()]."""

    rejects_null = True

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            raise self.fail(p, "The argument is null or white space. Provide an argument that is not null or white "
                               "space, and then try the command again.", command_name)


class ValidateScript(Validator):
    """[ValidateScript({ ... })]: the script must return true for each value ($_)."""

    def __init__(self, script: Any, message: str | None = None) -> None:
        self.script = script
        self.message = message

    def validate(self, p: ParamSpec, value: Any, command_name: str) -> None:
        for v in _items(value):
            ok = to_bool(self.script.invoke_as_filter(v, as_value=True))
            if not ok:
                if self.message:
                    raise self.fail(p, self.message.replace("{0}", to_string(v)), command_name)
                raise self.fail(p, f"The \"{self.script.ToString().strip()}\" validation script for the argument "
                                   f"with value \"{to_string(v)}\" did not return a result of True. Determine why "
                                   "the validation script failed, and then try the command again.", command_name)


class MandatoryPrompt:
    """Marker kept for hosts that prompt for missing mandatory parameters."""


_ = (cast_error, Callable)
