"""Microsoft.PowerShell.Core / Utility cmdlets the language itself relies on: Write-*,
ForEach-Object, Where-Object, Out-Null, Invoke-Expression, Invoke-Command."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_bool, to_string
from o365shell.engine.errors import ErrorCategory, ErrorRecord, WriteErrorException, runtime_error
from o365shell.engine.objects import MISSING, enumerate_values, get_member, is_enumerable, unroll_into
from o365shell.engine.pscollections import AutomationNull
from o365shell.engine.scriptblock import ScriptBlock, _Multi, make_filter

CORE = "Microsoft.PowerShell.Core"
UTIL = "Microsoft.PowerShell.Utility"


@cmdlet("Write-Output", module=UTIL, aliases=("echo", "write"))
class WriteOutput(Cmdlet):
    """Writes the specified objects to the pipeline.

    Sends objects down the pipeline; at the end of a pipeline they are displayed."""

    InputObject = Parameter("PSObject[]", mandatory=True, position=0, from_pipeline=True, remaining=True,
                            allow_null=True, allow_empty=True, help="The objects to send down the pipeline.")
    NoEnumerate = Parameter(Switch, help="Do not enumerate a collection: write it as one object.")
    examples = [("Write-Output 'test output' | Get-Member", "Sends a string down the pipeline.")]

    def process(self) -> None:
        v = self.InputObject
        if self.NoEnumerate:
            self.write(v)
        elif v is None:
            self.write(None)
        else:
            self.write_all(enumerate_values(v) if is_enumerable(v) else [v])


@cmdlet("Write-Host", module=UTIL)
class WriteHost(Cmdlet):
    """Writes customized output to the host.

    Write-Host text goes straight to the console: it is not sent down the pipeline and cannot be
    captured in a variable."""

    Object = Parameter(object, position=0, from_pipeline=True, remaining=True, help="Objects to display.")
    NoNewline = Parameter(Switch, help="Do not end with a newline.")
    Separator = Parameter(object, default=" ", help="Separator between objects.")
    ForegroundColor = Parameter("System.ConsoleColor", help="Text colour.")
    BackgroundColor = Parameter("System.ConsoleColor", help="Background colour.")
    examples = [("Write-Host 'no newline' -NoNewline", "Writes text without a line break."),
                ("Write-Host 'Red on white' -ForegroundColor Red -BackgroundColor White", "Coloured text.")]

    def process(self) -> None:
        sep = to_string(self.Separator)
        v = self.Object
        if v is None:
            text = ""
        elif is_enumerable(v):
            text = sep.join(_host_text(x, sep) for x in enumerate_values(v))
        else:
            text = _host_text(v, sep)
        fg = self.ForegroundColor
        bg = self.BackgroundColor
        self.ctx.host.write_host(text, not self.NoNewline, fg.name if fg is not None else None,
                                 bg.name if bg is not None else None)


def _host_text(v: Any, sep: str) -> str:
    if is_enumerable(v):
        return sep.join(_host_text(x, sep) for x in enumerate_values(v))
    return to_string(v)


@cmdlet("Write-Error", module=UTIL)
class WriteError(Cmdlet):
    """Writes an object to the error stream.

    Writes a non-terminating error: it is displayed and recorded in $Error, and the script continues
    unless $ErrorActionPreference or -ErrorAction is Stop."""

    Message = Parameter(str, position=0, mandatory=True, from_pipeline=True, set="NoException",
                        aliases=("Msg",), allow_null=True, allow_empty=True, help="The error message.")
    Exception = Parameter("System.Exception", mandatory=True, set="WithException", help="An exception object.")
    ErrorRecord = Parameter("System.Management.Automation.ErrorRecord", mandatory=True, set="ErrorRecord")
    Category = Parameter("System.Management.Automation.ErrorCategory", help="The error category.")
    ErrorId = Parameter(str, help="An ID string for the error.")
    TargetObject = Parameter(object, help="The object being processed.")
    RecommendedAction = Parameter(str, help="What the user should do.")
    CategoryActivity = Parameter(str)
    CategoryReason = Parameter(str)
    CategoryTargetName = Parameter(str)
    CategoryTargetType = Parameter(str)
    default_set = "NoException"
    examples = [("Write-Error 'Access denied.'", "Writes an error message.")]

    def process(self) -> None:
        if self.ErrorRecord is not None:
            rec = self.ErrorRecord
        else:
            if self.Exception is not None:
                exc = self.Exception
                msg = self.Message or getattr(exc, "Message", str(exc))
            else:
                msg = self.Message or ""
                exc = WriteErrorException(msg)
            cat = self.Category if self.Category is not None else ErrorCategory.NotSpecified
            eid = self.ErrorId or "Microsoft.PowerShell.Commands.WriteErrorException"
            rec = ErrorRecord(exc, eid, cat, self.TargetObject, self.position)
            if self.Message and self.Exception is not None:
                from o365shell.engine.errors import ErrorDetails
                rec.details = ErrorDetails(self.Message, self.RecommendedAction)
            elif self.RecommendedAction:
                from o365shell.engine.errors import ErrorDetails
                rec.details = ErrorDetails(msg, self.RecommendedAction)
            if self.CategoryActivity:
                rec.activity = self.CategoryActivity
        caller = getattr(self.ctx, "current_function", None)
        rec.command_name = caller or "Write-Error"
        if rec.position is None:
            rec.position = self.position
        self.had_error = True
        self.ctx.write_error(rec, self.error_action, self.error_variable)


@cmdlet("Write-Warning", module=UTIL)
class WriteWarning(Cmdlet):
    """Writes a warning message (shown as 'WARNING: text' unless $WarningPreference hides it)."""

    Message = Parameter(str, mandatory=True, position=0, from_pipeline=True, aliases=("Msg",), allow_empty=True)

    def process(self) -> None:
        self.warn(self.Message or "")


@cmdlet("Write-Verbose", module=UTIL)
class WriteVerbose(Cmdlet):
    """Writes text to the verbose stream (shown with -Verbose or $VerbosePreference = 'Continue')."""

    Message = Parameter(str, mandatory=True, position=0, from_pipeline=True, aliases=("Msg",), allow_empty=True)

    def process(self) -> None:
        self.verbose(self.Message or "")


@cmdlet("Write-Debug", module=UTIL)
class WriteDebug(Cmdlet):
    """Writes a debug message (shown with -Debug or $DebugPreference = 'Continue')."""

    Message = Parameter(str, mandatory=True, position=0, from_pipeline=True, aliases=("Msg",), allow_empty=True)

    def process(self) -> None:
        self.debug(self.Message or "")


@cmdlet("Write-Information", module=UTIL)
class WriteInformation(Cmdlet):
    """Writes to the information stream (hidden unless $InformationPreference is Continue)."""

    MessageData = Parameter(object, mandatory=True, position=0, aliases=("Msg", "Message"))
    Tags = Parameter(list[str], position=1)

    def process(self) -> None:
        pref = self.ctx.preference("informationpreference")
        ia = self.bound.get("InformationAction")
        if ia is not None:
            from o365shell.engine.session import action_value
            pref = action_value(ia)
        if pref in (2, 3):
            self.ctx.streams.information(self.MessageData)


@cmdlet("Out-Null", module=CORE)
class OutNull(Cmdlet):
    """Hides the output instead of sending it down the pipeline or displaying it."""

    InputObject = Parameter(object, from_pipeline=True)


@cmdlet("ForEach-Object", module=CORE, aliases=("%", "foreach"), default_set="ScriptBlockSet")
class ForEachObject(Cmdlet):
    """Performs an operation against each item in a collection of input objects.

    The script block runs once per input object with the object in $_ ($PSItem); -Begin and
    -End run once before and after. With a member name, gets that property or calls that method."""

    InputObject = Parameter(object, from_pipeline=True, help="The input objects.")
    Begin = Parameter(ScriptBlock, set="ScriptBlockSet", help="Runs before the first input object.")
    Process = Parameter(list[ScriptBlock], mandatory=True, position=0, set="ScriptBlockSet", remaining=True,
                        help="Runs for each input object.")
    End = Parameter(ScriptBlock, set="ScriptBlockSet", help="Runs after the last input object.")
    RemainingScripts = Parameter(list[ScriptBlock], set="ScriptBlockSet", dont_show=True)
    MemberName = Parameter(str, mandatory=True, position=0, set="PropertyAndMethodSet",
                           help="A property to get or a method to call on each object.")
    ArgumentList = Parameter("Object[]", set="PropertyAndMethodSet", aliases=("Args",))
    Parallel = Parameter(ScriptBlock, mandatory=True, set="ParallelParameterSet",
                         help="Runs the script block for each object (sequentially in this shell).")
    ThrottleLimit = Parameter(int, set="ParallelParameterSet", default=5)
    TimeoutSeconds = Parameter(int, set="ParallelParameterSet")
    AsJob = Parameter(Switch, set="ParallelParameterSet")
    examples = [("1..3 | ForEach-Object { $_ * 2 }", "Doubles each number."),
                ("Get-MsolUser -All | ForEach-Object UserPrincipalName", "Gets one property of each object.")]

    def begin(self) -> None:
        vars_ = self.ctx.scope.vars
        self._saved = vars_.get("_", MISSING)
        procs = list(self.Process or [])
        begin, end = self.Begin, self.End
        if self.Parallel is not None:
            procs = [self.Parallel]
        elif len(procs) > 1 and begin is None and end is None:
            begin = procs[0]
            if len(procs) > 2:
                end = procs[-1]
                procs = procs[1:-1]
            else:
                procs = procs[1:]
        self._filters = [make_filter(p) for p in procs]
        self._end = end
        if begin is not None:
            unroll_into(_value_of(begin.run(dot_source=True)), self._out)

    def process(self) -> None:
        item = self.InputObject
        if self.MemberName is not None:
            self._member(item)
            return
        out = self._out
        for f in self._filters:
            v = f(item)
            if type(v) in _SCALARS:
                out(v)
                continue
            if v is AutomationNull:
                continue
            if type(v) is _Multi:
                for x in v:
                    unroll_into(x, out)
            else:
                unroll_into(v, out)

    def _member(self, item: Any) -> None:
        name = self.MemberName
        if self.ArgumentList is not None or _is_method(item, name):
            from o365shell.engine.methods import invoke_method
            r = invoke_method(self.ctx, item, name, list(self.ArgumentList or []))
            unroll_into(r, self._out)
            return
        v = get_member(item, name)
        if v is MISSING:
            if item is not None:
                self.write_error(runtime_error(f"The input name \"{name}\" cannot be resolved to a member.",
                                               "PropertyOrMethodNotFound", ErrorCategory.InvalidArgument, item))
            return
        unroll_into(v, self._out)

    def end(self) -> None:
        if self._end is not None:
            self.ctx.scope.vars["_"] = None
            unroll_into(_value_of(self._end.run(dot_source=True)), self._out)
        vars_ = self.ctx.scope.vars
        if self._saved is MISSING:
            vars_.pop("_", None)
        else:
            vars_["_"] = self._saved


_SCALARS = frozenset((int, str, float, bool))


def _value_of(items: list) -> Any:
    return items


def _is_method(item: Any, name: str) -> bool:
    from o365shell.engine.objects import adapter_for
    if isinstance(item, str):
        from o365shell.engine.netlib.strings import STRING_METHODS
        return name.lower() in STRING_METHODS
    return name.lower() in adapter_for(type(item)).methods


_WHERE_OPS = ["EQ", "NE", "GT", "GE", "LT", "LE", "Like", "NotLike", "Match", "NotMatch", "Contains",
              "NotContains", "In", "NotIn", "Is", "IsNot", "CEQ", "CNE", "CGT", "CGE", "CLT", "CLE", "CLike",
              "CNotLike", "CMatch", "CNotMatch", "CContains", "CNotContains", "CIn", "CNotIn", "Not"]
_SET_WORDS = {"EQ": "Equal", "NE": "NotEqual", "GT": "GreaterThan", "GE": "GreaterOrEqual", "LT": "LessThan",
              "LE": "LessOrEqual"}


def _where_set(op: str) -> str:
    """pwsh's parameter-set name for an operator switch: EqualSet, CaseSensitiveLikeSet, IsNotSet, Not, ..."""
    if op == "Not":
        return "Not"
    cs = op[0] == "C" and op not in ("Contains",)
    base = op[1:] if cs else op
    return ("CaseSensitive" if cs else "") + _SET_WORDS.get(base.upper(), base) + "Set"


_WHERE_SETS = {op: _where_set(op) for op in _WHERE_OPS}


@cmdlet("Where-Object", module=CORE, aliases=("?", "where"), default_set="EqualSet")
class WhereObject(Cmdlet):
    """Selects objects from a collection based on their property values.

    With a script block, passes on each object for which the block returns true ($_ is the object).
    With the simplified syntax, compares a property: Where-Object Dept -eq 'IT'."""

    InputObject = Parameter(object, from_pipeline=True)
    FilterScript = Parameter(ScriptBlock, mandatory=True, position=0, set="ScriptBlockSet",
                             help="The condition, evaluated for each object.")
    Property = Parameter(str, mandatory=True, position=0, sets={s: {} for s in _WHERE_SETS.values()},
                         help="The property to compare.")
    Value = Parameter(object, position=1, sets={s: {} for s in _WHERE_SETS.values() if s != "NotSet"},
                      help="The value to compare with.")
    examples = [("Get-MsolUser -All | Where-Object { $_.BlockCredential }", "Blocked users."),
                ("Get-MfaUser | Where-Object MultiFactorAuthStatus -eq 'Enforced'", "Simplified syntax.")]

    def begin(self) -> None:
        vars_ = self.ctx.scope.vars
        self._saved = vars_.get("_", MISSING)
        self._op = None
        for op in _WHERE_OPS:
            if self.bound.get(op):
                self._op = op
        if self.FilterScript is not None:
            self._filter = make_filter(self.FilterScript)
        else:
            self._filter = None
            from o365shell.engine.operators import BINARY, op_is, op_isnot
            op = (self._op or "").lower()
            if op in ("is",):
                self._cmp = op_is
            elif op == "isnot":
                self._cmp = op_isnot
            elif op == "not":
                self._cmp = None
            elif op:
                self._cmp = BINARY[op]
            else:
                self._cmp = None

    def process(self) -> None:
        item = self.InputObject
        if self._filter is not None:
            v = self._filter(item)
            if v is not AutomationNull and to_bool(v):
                self._out(item)
            return
        pv = get_member(item, self.Property)
        pv = None if pv is MISSING else pv
        op = self._op
        if op is None:
            ok = to_bool(pv) if "Value" not in self.bound else to_bool(BINARY_EQ(pv, self.Value))
        elif op == "Not":
            ok = not to_bool(pv)
        else:
            r = self._cmp(pv, self.Value)
            ok = to_bool(r)
        if ok:
            self._out(item)

    def end(self) -> None:
        vars_ = self.ctx.scope.vars
        if self._saved is MISSING:
            vars_.pop("_", None)
        else:
            vars_["_"] = self._saved


def BINARY_EQ(a: Any, b: Any) -> Any:
    from o365shell.engine.operators import BINARY
    return BINARY["eq"](a, b)


for _op in _WHERE_OPS:
    # -EQ is optional in its set (the default one): `Where-Object Enabled` tests the property's truth
    setattr(WhereObject, _op, Parameter(Switch, mandatory=_op != "EQ", set=_WHERE_SETS[_op]))
    WhereObject.__dict__[_op].__set_name__(WhereObject, _op)


@cmdlet("Invoke-Expression", module=UTIL, aliases=("iex",))
class InvokeExpression(Cmdlet):
    """Runs a string as PowerShell commands, in the current scope."""

    Command = Parameter(str, mandatory=True, position=0, from_pipeline=True)

    def process(self) -> None:
        from o365shell.engine.scriptblock import ScriptBlock as SB
        from o365shell.language.errors import PSParseError
        from o365shell.engine.runtime import parse_error_record
        try:
            sb = SB.create(self.Command, self.ctx)
        except PSParseError as e:
            raise parse_error_record(e).exception from None
        sb.run(dot_source=True, out=self._out)


@cmdlet("Invoke-Command", module=CORE, aliases=("icm",))
class InvokeCommand(Cmdlet):
    """Runs commands (a script block) locally, with -ArgumentList bound to its parameters."""

    ScriptBlock = Parameter(ScriptBlock, mandatory=True, position=0, aliases=("Command",))
    ArgumentList = Parameter("Object[]", aliases=("Args",))
    InputObject = Parameter(object, from_pipeline=True)
    NoNewScope = Parameter(Switch)
    ComputerName = Parameter(list[str], aliases=("Cn",))
    Session = Parameter(object)

    def begin(self) -> None:
        self._items: list = []

    def process(self) -> None:
        if self.expecting_input:
            self._items.append(self.InputObject)

    def end(self) -> None:
        if self.ComputerName:
            raise self.error("Remote commands are not available in o365shell (there is no remote computer "
                             "to connect to).", "RemotingNotSupported", ErrorCategory.NotImplemented)
        self.ScriptBlock.run(list(self.ArgumentList or []), input_items=self._items if self.expecting_input
                             else None, dot_source=bool(self.NoNewScope), out=self._out)


_ = (ErrorRecord, AutomationNull)
