"""Running script blocks as commands: the ScriptProcessor (functions, filters, script files,
``& {}``), and the $MyInvocation / $PSCmdlet objects their code sees."""
from __future__ import annotations

from typing import Any, Callable

from .binding import Arg, bind_command_line, bind_pipeline_item, choose_set, missing_mandatory
from .errors import ErrorRecord, Position, ReturnSignal, attach_position, record_of
from .netlib.exceptions import DotNetException
from .objects import MISSING
from .pipeline import Processor
from .pscollections import OrderedDictionary
from .session import Scope


class ScriptProcessor(Processor):
    """Runs a script block / function / script file as a command."""

    def __init__(self, ctx: Any, sb: Any, args: list[Arg], invocation_name: str, position: Position | None,
                 dot_source: bool = False, is_filter: bool = False, script_file: str | None = None,
                 this: Any = MISSING, dollar_under: Any = MISSING, info: Any = None) -> None:
        self.ctx = ctx
        self.info = info
        self.sb = sb
        self.name = invocation_name
        self.position = position
        self.dot_source = dot_source
        self.script_file = script_file
        self.this = this
        self.dollar_under = dollar_under
        c = sb.compiled()
        self.c = c
        self.is_filter = is_filter or c.is_filter
        self.state = bind_command_line(c.metadata, args, invocation_name or "", False)
        self.scope: Scope | None = None
        self.input: list | None = None
        self.has_input = False
        self.failed = False
        self.saved_eap: Any = None
        self.item_bound: tuple[str, ...] = ()  # parameters the current pipeline object bound

    def _enter(self) -> Scope:
        saved = self.ctx.scope
        self.ctx.scope = self.scope  # type: ignore[assignment]
        return saved

    def begin(self) -> None:
        ctx = self.ctx
        parent = ctx.scope
        if self.dot_source:
            self.scope = parent
        else:
            self.scope = Scope(parent, is_script=self.script_file is not None)
            if self.sb.closure:
                mid = Scope(parent)
                mid.vars.update(self.sb.closure)
                self.scope.parent = mid
        ctx.call_depth += 1
        if ctx.call_depth > 1000:
            ctx.call_depth -= 1
            from .errors import runtime_error
            raise runtime_error("The script failed due to call depth overflow.", "CallDepthOverflow",
                                "InvalidOperation")
        saved = self._enter()
        try:
            self._bind_variables()
            if self.c.begin is not None:
                self._run(self.c.begin)
        finally:
            ctx.scope = saved

    def _bind_variables(self) -> None:
        ctx = self.ctx
        st = self.state
        v = self.scope.vars  # type: ignore[union-attr]
        c = self.c
        if self.script_file:
            import os
            v["psscriptroot"] = os.path.dirname(self.script_file)
            v["pscommandpath"] = self.script_file
        if not self.dot_source:
            v["myinvocation"] = ScriptInvocationInfo(self)
            if self.c.advanced:
                v["pscmdlet"] = PSScriptCmdlet(self)
        if self.this is not MISSING:
            v["this"] = self.this
        if self.dollar_under is not MISSING:
            v["_"] = self.dollar_under
        missing = missing_mandatory(st, self.has_input)
        if missing:
            self._prompt_or_fail(missing)
        bp = OrderedDictionary()
        for name in st.bound_order:
            p = c.metadata.by_name[name.lower()]
            val = st.bound[name]
            if p.is_common:
                self._common(name, val)
            bp[name] = val
        for spec in c.params:
            lname = spec.name.lower()
            if spec.name in st.bound:
                val = st.bound[spec.name]
            elif spec.default_fn is not None:
                val = spec.default_fn(ctx)
                if spec.is_switch:
                    from .conversion import to_bool
                    from .valuetypes import SwitchParameter
                    val = SwitchParameter(to_bool(val))
                elif spec.ptype is not None and val is not None:
                    val = spec.ptype.convert(val)
            elif spec.is_switch:
                from .valuetypes import SwitchParameter
                val = SwitchParameter(False)
            elif spec.ptype is not None and (spec.ptype.is_value_type or spec.ptype.FullName == "System.String"):
                try:
                    val = spec.ptype.convert(None)
                except DotNetException:
                    val = None
            else:
                val = None
            if spec.name != lname:
                self.scope.remember_name(lname, spec.name)  # type: ignore[union-attr]
            v[lname] = val
            if spec.ptype is not None:
                if self.scope.typed is None:  # type: ignore[union-attr]
                    self.scope.typed = {}  # type: ignore[union-attr]
                self.scope.typed[lname] = spec.ptype  # type: ignore[union-attr]
        v["args"] = list(st.extra)
        v["psboundparameters"] = bp
        if c.uses_input and not self.has_input:
            v["input"] = []

    def _common(self, name: str, val: Any) -> None:
        v = self.scope.vars  # type: ignore[union-attr]
        if name == "ErrorAction":
            v["erroractionpreference"] = val
        elif name == "WarningAction":
            v["warningpreference"] = val
        elif name == "Verbose":
            v["verbosepreference"] = "Continue" if val else "SilentlyContinue"
        elif name == "Debug":
            v["debugpreference"] = "Continue" if val else "SilentlyContinue"
        elif name == "WhatIf":
            v["whatifpreference"] = bool(val)

    def _prompt_or_fail(self, missing: list) -> None:
        from .binding import prompt_missing
        prompt_missing(self.ctx.host, self.name, missing, self.state, False)

    def _run(self, block: Callable[[Any, Callable[[Any], None]], None]) -> None:
        ctx = self.ctx
        saved_fn = ctx.current_function
        if self.name and self.script_file is None:
            ctx.current_function = self.name
        try:
            block(ctx, self.downstream)
        except ReturnSignal:
            pass
        except DotNetException as e:
            if self.position is not None and self.name:
                attach_position(e, self.position, None)
            raise
        finally:
            ctx.current_function = saved_fn

    def process(self, item: Any) -> None:
        self.has_input = True
        c = self.c
        saved = self._enter()
        try:
            vars_ = self.scope.vars  # type: ignore[union-attr]
            vars_["_"] = item
            if c.metadata.pipeline_params:
                try:
                    bound = bind_pipeline_item(self.state, item, False)
                except DotNetException as e:
                    self.ctx.write_error(_rec(e, self.name, self.position, item))
                    self.failed = True
                    return
                self.item_bound = tuple(bound) if bound else ()
                if bound:
                    for k, v in bound.items():
                        vars_[k.lower()] = v
                        self.scope.vars["psboundparameters"][k] = v  # type: ignore[union-attr]
            if c.process is not None:
                self._run(c.process)
            elif self.is_filter and c.end is not None:
                self._run(c.end)
            else:
                if self.input is None:
                    self.input = []
                self.input.append(item)
        finally:
            self.ctx.scope = saved

    def process_no_input(self) -> None:
        c = self.c
        if c.process is None:
            return
        saved = self._enter()
        try:
            self._run(c.process)
        finally:
            self.ctx.scope = saved

    def end(self) -> None:
        c = self.c
        saved = self._enter()
        try:
            vars_ = self.scope.vars  # type: ignore[union-attr]
            if not (self.is_filter and c.process is None):
                vars_["input"] = list(self.input) if self.input is not None else []
                if c.end is not None:
                    if self.input is not None and c.process is None and "_" not in vars_:
                        pass
                    self._run(c.end)
        finally:
            self.ctx.scope = saved
            self.ctx.call_depth -= 1


class PSScriptCmdlet:
    """$PSCmdlet in an advanced function: ShouldProcess, Write*, ThrowTerminatingError, ParameterSetName."""

    __ps_typename__ = "System.Management.Automation.PSScriptCmdlet"
    __ps_properties__ = ("ParameterSetName", "MyInvocation", "CommandRuntime")
    __slots__ = ("proc",)

    def __init__(self, proc: "ScriptProcessor") -> None:
        self.proc = proc

    @property
    def ParameterSetName(self) -> str:
        return choose_set(self.proc.state, self.proc.item_bound)

    @property
    def MyInvocation(self) -> Any:
        return ScriptInvocationInfo(self.proc)

    @property
    def CommandRuntime(self) -> str:
        return self.proc.name

    def _var(self, name: str) -> Any:
        v = self.proc.ctx.get_var(name)
        return None if v is MISSING else v

    def ShouldProcess(self, target: Any, action: Any = None, *rest: Any) -> bool:
        from .conversion import to_bool, to_string
        ctx = self.proc.ctx
        act = to_string(action) if action is not None else self.proc.name
        if to_bool(self._var("whatifpreference")):
            ctx.host.write_line(f'What if: Performing the operation "{act}" on target "{to_string(target)}".')
            return False
        if self.proc.state.bound.get("Confirm"):
            return bool(ctx.host.confirm("Confirm", f'Are you sure you want to perform this action?\n'
                                                    f'Performing the operation "{act}" on target "{to_string(target)}".'))
        return True

    def ShouldContinue(self, query: Any, caption: Any, *rest: Any) -> bool:
        from .conversion import to_string
        return bool(self.proc.ctx.host.confirm(to_string(caption), to_string(query)))

    def WriteObject(self, obj: Any, enumerate_collection: Any = False) -> None:
        from .objects import unroll_into
        if enumerate_collection:
            unroll_into(obj, self.proc.downstream)
        else:
            self.proc.downstream(obj)

    def WriteVerbose(self, text: Any) -> None:
        from .conversion import to_string
        from .session import action_value
        if action_value(self._var("verbosepreference")) in (1, 2, 3):
            self.proc.ctx.streams.verbose(to_string(text))

    def WriteWarning(self, text: Any) -> None:
        from .conversion import to_string
        from .session import action_value
        if action_value(self._var("warningpreference")) in (1, 2, 3):
            self.proc.ctx.streams.warning(to_string(text))

    def WriteDebug(self, text: Any) -> None:
        from .conversion import to_string
        from .session import action_value
        if action_value(self._var("debugpreference")) in (1, 2, 3):
            self.proc.ctx.streams.debug(to_string(text))

    def WriteError(self, record: Any) -> None:
        from .session import action_value
        if record.command_name is None:
            record.command_name = self.proc.name
        self.proc.ctx.write_error(record, action_value(self._var("erroractionpreference")))

    def ThrowTerminatingError(self, record: Any) -> None:
        exc = record.exception
        try:
            exc._record = record
        except AttributeError:
            pass
        if record.command_name is None:
            record.command_name = self.proc.name
        raise exc

    def WriteProgress(self, record: Any) -> None:
        self.proc.ctx.host.write_progress(record)


class ScriptInvocationInfo:
    """$MyInvocation inside a function or script."""

    __ps_typename__ = "System.Management.Automation.InvocationInfo"
    __ps_properties__ = ("MyCommand", "BoundParameters", "UnboundArguments", "ScriptLineNumber", "OffsetInLine",
                         "HistoryId", "ScriptName", "Line", "PositionMessage", "PSScriptRoot", "PSCommandPath",
                         "InvocationName", "PipelineLength", "PipelinePosition", "ExpectingInput", "CommandOrigin")
    __slots__ = ("proc",)

    def __init__(self, proc: "ScriptProcessor") -> None:
        self.proc = proc

    @property
    def MyCommand(self) -> Any:
        p = self.proc
        if p.info is not None:
            return p.info
        if p.script_file:
            from .commandinfo import ExternalScriptInfo
            return ExternalScriptInfo(p.script_file)
        return None

    @property
    def BoundParameters(self) -> Any:
        return self.proc.scope.vars.get("psboundparameters") if self.proc.scope else None

    @property
    def UnboundArguments(self) -> list:
        return list(self.proc.state.extra)

    @property
    def InvocationName(self) -> str:
        return self.proc.name

    @property
    def ScriptName(self) -> str:
        pos = self.proc.position
        return (pos.source.path or "") if pos is not None else ""

    @property
    def ScriptLineNumber(self) -> int:
        pos = self.proc.position
        return pos.line if pos is not None else 0

    @property
    def OffsetInLine(self) -> int:
        pos = self.proc.position
        return pos.column if pos is not None else 0

    @property
    def Line(self) -> str:
        pos = self.proc.position
        return pos.line_text if pos is not None else ""

    @property
    def PositionMessage(self) -> str:
        from .errors import InvocationInfo
        return InvocationInfo(self.proc.position, self.proc.name).PositionMessage

    @property
    def PSScriptRoot(self) -> str:
        import os
        n = self.ScriptName
        return os.path.dirname(n) if n else ""

    @property
    def PSCommandPath(self) -> str:
        return self.ScriptName

    HistoryId = 1
    PipelineLength = 1
    PipelinePosition = 1
    CommandOrigin = "Runspace"

    @property
    def ExpectingInput(self) -> bool:
        return bool(self.proc.has_input)


def _rec(e: BaseException, name: str, position: Any, target: Any) -> ErrorRecord:
    r = record_of(e)
    r.command_name = r.command_name or name
    if r.position is None:
        r.position = position
    r.target = target
    return r
