"""Parameter binding, shared by cmdlets and script functions: named (exact, alias or unique
prefix), ``-Name:value``, switches, positional by parameter set, splatting, pipeline
input by value and by property name, mandatory checks and type conversion — with pwsh's
error messages. The parameter metadata lives in ``parameters``, the Validate* attributes in
``validators``.
"""
from __future__ import annotations

from typing import Any, Iterable

from .conversion import to_bool, to_string
from .errors import ErrorCategory, PSInvalidCastException, RuntimeException
from .netlib.exceptions import DotNetException
from .objects import MISSING, get_member, is_enumerable
from .parameters import ALL_SETS, CommandMetadata, ParamSpec, SetInfo, binding_error

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


def _reject_null_or_empty(p: ParamSpec, value: Any, command_name: str, for_cmdlet: bool) -> None:
    """pwsh's rule for a parameter that is mandatory in some set: no $null unless [AllowNull()]; for a
    [string] parameter no empty string unless [AllowEmptyString()], for an array-typed one no empty
    array unless [AllowEmptyCollection()]. A script function's [string] parameter turns $null into ''
    first, so it reports an empty string."""
    if not any(si.mandatory for si in p.sets.values()):
        return
    t = p.type
    is_string = t is not None and t.FullName == "System.String"
    is_collection = t is not None and (t.element is not None or t.FullName.startswith("System.Collections.Generic."))
    what = None
    if value is None:
        if not p.allow_null:
            what = "an empty string" if is_string and not for_cmdlet and not p.allow_empty else "null"
    elif is_string and isinstance(value, str) and value == "" and not p.allow_empty:
        what = "an empty string"
    elif is_collection and type(value) in (list, tuple) and not value and not p.allow_empty:
        what = "an empty array"
    if what is not None:
        raise binding_error(f"Cannot bind argument to parameter '{p.name}' because it is {what}.",
                            "ParameterArgumentValidationError" + ("NullNotAllowed" if what == "null" else
                                                                  "EmptyStringNotAllowed" if "string" in what else
                                                                  "EmptyArrayNotAllowed"),
                            command_name, ErrorCategory.InvalidData)


def coerce(p: ParamSpec, value: Any, command_name: str, for_cmdlet: bool, check_empty: bool = False) -> Any:
    """Convert an argument to the parameter's type and run its validators (``check_empty``: also the
    mandatory-parameter rule against $null and empty values, for arguments given on the command line)."""
    if check_empty and not p.is_switch:
        _reject_null_or_empty(p, value, command_name, for_cmdlet)
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
        st.set(p, coerce(p, value, command_name, for_cmdlet, check_empty=True))
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
        value0 = a.value
        # pwsh binds positionals without type coercion first: a script block goes to -FilterScript
        # rather than being converted to the string -Property of another set
        cands.sort(key=lambda c: (c[0], not _fits_exactly(c[2], value0), c[1]))
        for _pos, _rank, p in cands:
            try:
                value = coerce(p, _value_for(p, a), st.command_name, for_cmdlet, check_empty=True)
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


def _fits_exactly(p: ParamSpec, value: Any) -> bool:
    """True when ``value`` needs no conversion to bind to ``p`` (untyped or object parameters count)."""
    t = p.type
    if t is None or t.FullName == "System.Object":
        return True
    if p.is_switch:
        return isinstance(value, bool)
    try:
        return t.is_instance(value)
    except Exception:  # noqa: BLE001 - a type check that cannot decide is not an exact fit
        return False


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


def choose_set(st: BindState, item_bound: Iterable[str] = ()) -> str:
    """The parameter set in effect: the command line's candidates narrowed by the parameters the
    current pipeline object bound (``item_bound``), then the default set, then a complete one."""
    meta = st.meta
    cands = st.sets
    for name in item_bound:
        p = meta.by_name.get(name.lower())
        if p is not None and ALL_SETS not in p.sets:
            narrowed = [c for c in cands if c in p.sets]
            if narrowed:
                cands = narrowed
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
    names = " ".join(p.name for p in missing)
    return binding_error(f"Cannot process command because of one or more missing mandatory parameters: {names}.",
                         "MissingMandatoryParameter", command_name)


def prompt_missing(host: Any, command_name: str, missing: list[ParamSpec], st: BindState, for_cmdlet: bool) -> None:
    """Ask for missing mandatory parameters as pwsh does on a console ("Supply values for the
    following parameters:"; arrays item by item until an empty line; ``!?`` shows the help message),
    or raise pwsh's missing-parameter error when the host cannot prompt. Ctrl+C stops the pipeline."""
    if not host.can_prompt():
        raise missing_mandatory_error(command_name, missing)
    host.write_line(f"cmdlet {command_name} at command pipeline position 1")
    host.write_line("Supply values for the following parameters:")
    for p in missing:
        is_array = p.type is not None and p.type.IsArray
        secure = p.type is not None and p.type.FullName == "System.Security.SecureString"
        values: list[Any] = []
        while True:
            label = f"{p.name}[{len(values)}]: " if is_array else f"{p.name}: "
            try:
                text = host.ask(label, password=secure)
            except EOFError:
                raise missing_mandatory_error(command_name, missing) from None
            if text == "!?":
                help_text = next((si.help_message for si in p.sets.values() if si.help_message), None) or p.help
                if help_text:
                    host.write_line(help_text)
                continue
            if not is_array:
                break
            if text == "":
                break
            values.append(text)
        value: Any = values if is_array else text
        if secure:
            from .valuetypes import SecureString
            value = SecureString(text)
        st.set(p, coerce(p, value, command_name, for_cmdlet))
