"""Errors as values: ErrorRecord and the PowerShell exception types, plus the flow-control
signals (break/continue/return/exit) the compiled code uses.

A terminating error is a Python exception deriving from ``DotNetException``; its
``error_record`` is what ``$_`` holds in a catch block and what the host renders. Only
hosts print errors; everything here is data.
"""
from __future__ import annotations

import enum
from typing import Any

from .netlib.exceptions import DotNetException, SystemException, register


class ErrorCategory(enum.IntEnum):
    """System.Management.Automation.ErrorCategory."""

    __ps_typename__ = "System.Management.Automation.ErrorCategory"
    NotSpecified = 0
    OpenError = 1
    CloseError = 2
    DeviceError = 3
    DeadlockDetected = 4
    InvalidArgument = 5
    InvalidData = 6
    InvalidOperation = 7
    InvalidResult = 8
    InvalidType = 9
    MetadataError = 10
    NotImplemented = 11
    NotInstalled = 12
    ObjectNotFound = 13
    OperationStopped = 14
    OperationTimeout = 15
    SyntaxError = 16
    ParserError = 17
    PermissionDenied = 18
    ResourceBusy = 19
    ResourceExists = 20
    ResourceUnavailable = 21
    ReadError = 22
    WriteError = 23
    FromStdErr = 24
    SecurityError = 25
    ProtocolError = 26
    ConnectionError = 27
    AuthenticationError = 28
    LimitsExceeded = 29
    QuotaExceeded = 30
    NotEnabled = 31


class Position:
    """Where something happened: the source (text + path) and the extent of the node."""

    __slots__ = ("source", "start", "end")

    def __init__(self, source: Any, start: int, end: int) -> None:
        self.source = source
        self.start = start
        self.end = end

    @property
    def line(self) -> int:
        return self.source.line_col(self.start)[0]

    @property
    def column(self) -> int:
        return self.source.line_col(self.start)[1]

    @property
    def line_text(self) -> str:
        return self.source.line_text(self.line)


class RuntimeException(SystemException):
    """System.Management.Automation.RuntimeException: base of PowerShell's own errors."""

    __ps_typename__ = "System.Management.Automation.RuntimeException"

    def __init__(self, message: str | None = None, inner: BaseException | None = None, *,
                 error_id: str | None = None, category: ErrorCategory | str = ErrorCategory.NotSpecified,
                 target: Any = None) -> None:
        super().__init__(message, inner)
        self.error_id = error_id or type(self).__name__
        self.category = ErrorCategory[category] if isinstance(category, str) else category
        self.target = target
        self.script_terminating = False
        self.position: Position | None = None
        self.command_name: str | None = None
        self._record: "ErrorRecord | None" = None

    @property
    def ErrorRecord(self) -> "ErrorRecord":
        return record_of(self)

    @property
    def WasThrownFromThrowStatement(self) -> bool:
        return self.script_terminating


def _exc(name: str, full: str, base: type = RuntimeException) -> type:
    cls = type(name, (base,), {"__ps_typename__": full, "__doc__": full + "."})
    register(cls)
    return cls


register(RuntimeException)
ParseException = _exc("ParseException", "System.Management.Automation.ParseException")
IncompleteParseException = _exc("IncompleteParseException", "System.Management.Automation.IncompleteParseException",
                                ParseException)
CommandNotFoundException = _exc("CommandNotFoundException", "System.Management.Automation.CommandNotFoundException")
ParameterBindingException = _exc("ParameterBindingException", "System.Management.Automation.ParameterBindingException")
MethodException = _exc("MethodException", "System.Management.Automation.MethodException")
MethodInvocationException = _exc("MethodInvocationException", "System.Management.Automation.MethodInvocationException",
                                 MethodException)
PSInvalidCastException = _exc("PSInvalidCastException", "System.Management.Automation.PSInvalidCastException")
SessionStateException = _exc("SessionStateException", "System.Management.Automation.SessionStateException")
ScriptRequiresException = _exc("ScriptRequiresException", "System.Management.Automation.ScriptRequiresException")
SessionStateUnauthorizedAccessException = _exc(
    "SessionStateUnauthorizedAccessException", "System.Management.Automation.SessionStateUnauthorizedAccessException",
    SessionStateException)
ItemNotFoundException = _exc("ItemNotFoundException", "System.Management.Automation.ItemNotFoundException",
                             SessionStateException)
DriveNotFoundException = _exc("DriveNotFoundException", "System.Management.Automation.DriveNotFoundException",
                              SessionStateException)
ActionPreferenceStopException = _exc("ActionPreferenceStopException",
                                     "System.Management.Automation.ActionPreferenceStopException")
PipelineStoppedException = _exc("PipelineStoppedException", "System.Management.Automation.PipelineStoppedException")
MetadataException = _exc("MetadataException", "System.Management.Automation.MetadataException")
ValidationMetadataException = _exc("ValidationMetadataException",
                                   "System.Management.Automation.ValidationMetadataException", MetadataException)
ArgumentTransformationMetadataException = _exc("ArgumentTransformationMetadataException",
                                               "System.Management.Automation.ArgumentTransformationMetadataException",
                                               MetadataException)
PSArgumentException = _exc("PSArgumentException", "System.Management.Automation.PSArgumentException")
PSArgumentNullException = _exc("PSArgumentNullException", "System.Management.Automation.PSArgumentNullException")
PSInvalidOperationException = _exc("PSInvalidOperationException",
                                   "System.Management.Automation.PSInvalidOperationException")
PSNotSupportedException = _exc("PSNotSupportedException", "System.Management.Automation.PSNotSupportedException")
GetValueInvocationException = _exc("GetValueInvocationException",
                                   "System.Management.Automation.GetValueInvocationException")
SetValueInvocationException = _exc("SetValueInvocationException",
                                   "System.Management.Automation.SetValueInvocationException")
PropertyNotFoundException = _exc("PropertyNotFoundException", "System.Management.Automation.PropertyNotFoundException")
PSSecurityException = _exc("PSSecurityException", "System.Management.Automation.PSSecurityException")
HaltCommandException = _exc("HaltCommandException", "System.Management.Automation.HaltCommandException")
WriteErrorException = _exc("WriteErrorException", "Microsoft.PowerShell.Commands.WriteErrorException",
                           SystemException)


def runtime_error(message: str, error_id: str = "RuntimeException",
                  category: ErrorCategory | str = ErrorCategory.InvalidOperation, target: Any = None,
                  exc_type: type = RuntimeException, inner: BaseException | None = None) -> RuntimeException:
    """A RuntimeException (or subclass) carrying the facts its ErrorRecord will show."""
    e = exc_type(message, inner)
    if isinstance(e, RuntimeException):
        e.error_id = error_id
        e.category = ErrorCategory[category] if isinstance(category, str) else category
        e.target = target
    else:  # a plain .NET exception type
        e.error_id = error_id  # type: ignore[attr-defined]
    return e


# ----------------------------------------------------------------------------- ErrorRecord

class ErrorCategoryInfo:
    """$error.CategoryInfo."""

    __ps_typename__ = "System.Management.Automation.ErrorCategoryInfo"
    __ps_properties__ = ("Category", "Activity", "Reason", "TargetName", "TargetType")
    __slots__ = ("record",)

    def __init__(self, record: "ErrorRecord") -> None:
        self.record = record

    @property
    def Category(self) -> ErrorCategory:
        return self.record.category

    @property
    def Activity(self) -> str:
        return self.record.activity or (self.record.command_name or "")

    @property
    def Reason(self) -> str:
        return type(self.record.exception).__name__

    @property
    def TargetName(self) -> str:
        from .conversion import to_string
        t = self.record.TargetObject
        return "" if t is None else to_string(t)

    @property
    def TargetType(self) -> str:
        t = self.record.TargetObject
        if t is None:
            return ""
        from .types import type_of
        return type_of(t).Name

    def GetMessage(self) -> str:
        return f"{self.Category.name}: ({self.TargetName}:{self.TargetType}) [{self.Activity}], {self.Reason}"

    def ToString(self) -> str:
        return self.GetMessage()


class InvocationInfo:
    """$error.InvocationInfo: which command, where in which script."""

    __ps_typename__ = "System.Management.Automation.InvocationInfo"
    __ps_properties__ = ("MyCommand", "ScriptName", "ScriptLineNumber", "OffsetInLine", "Line",
                         "PositionMessage", "InvocationName", "PSScriptRoot", "PSCommandPath")
    __slots__ = ("position", "command_name")

    def __init__(self, position: Position | None, command_name: str | None) -> None:
        self.position = position
        self.command_name = command_name

    @property
    def MyCommand(self) -> str | None:
        return self.command_name

    @property
    def InvocationName(self) -> str | None:
        return self.command_name

    @property
    def ScriptName(self) -> str:
        p = self.position
        return (p.source.path or "") if p else ""

    @property
    def PSCommandPath(self) -> str:
        return self.ScriptName

    @property
    def PSScriptRoot(self) -> str:
        import os
        n = self.ScriptName
        return os.path.dirname(n) if n else ""

    @property
    def ScriptLineNumber(self) -> int:
        return self.position.line if self.position else 0

    @property
    def OffsetInLine(self) -> int:
        return self.position.column if self.position else 0

    @property
    def Line(self) -> str:
        return self.position.line_text if self.position else ""

    @property
    def PositionMessage(self) -> str:
        p = self.position
        if not p:
            return ""
        where = p.source.path or "line"
        head = f"At {where}:{p.line} char:{p.column}" if p.source.path else f"At line:{p.line} char:{p.column}"
        return head + "\n+ " + p.line_text + "\n+ " + " " * (p.column - 1) + "~" * max(1, min(
            p.end - p.start, len(p.line_text) - p.column + 1))


class ErrorDetails:
    """$error.ErrorDetails: a message that replaces the exception's, and a recommended action."""

    __ps_typename__ = "System.Management.Automation.ErrorDetails"
    __slots__ = ("Message", "RecommendedAction")

    def __init__(self, message: str, recommended: str | None = None) -> None:
        self.Message = message
        self.RecommendedAction = recommended

    def ToString(self) -> str:
        return self.Message


class ErrorRecord:
    """System.Management.Automation.ErrorRecord."""

    __ps_typename__ = "System.Management.Automation.ErrorRecord"
    __ps_properties__ = ("Exception", "TargetObject", "CategoryInfo", "FullyQualifiedErrorId", "ErrorDetails",
                         "InvocationInfo", "ScriptStackTrace", "PipelineIterationInfo")
    __slots__ = ("exception", "error_id", "category", "target", "position", "command_name", "details",
                 "activity", "from_throw", "_ps_extra")

    def __init__(self, exception: BaseException, error_id: str, category: ErrorCategory | str = 0,
                 target: Any = None, position: Position | None = None, command_name: str | None = None,
                 details: ErrorDetails | None = None) -> None:
        self.exception = exception
        self.error_id = error_id
        self.category = ErrorCategory[category] if isinstance(category, str) else ErrorCategory(int(category))
        self.target = target
        self.position = position
        self.command_name = command_name
        self.details = details
        self.activity: str | None = None
        self.from_throw = False

    @property
    def Exception(self) -> BaseException:
        return self.exception

    @property
    def TargetObject(self) -> Any:
        return self.target

    @property
    def CategoryInfo(self) -> ErrorCategoryInfo:
        return ErrorCategoryInfo(self)

    @property
    def FullyQualifiedErrorId(self) -> str:
        if self.command_name and "," not in self.error_id and not self.from_throw and self.command_name[:1].isupper() \
                and "-" in self.command_name:
            return f"{self.error_id},{self.command_name}"
        return self.error_id

    @property
    def ErrorDetails(self) -> ErrorDetails | None:
        return self.details

    @ErrorDetails.setter
    def ErrorDetails(self, v: Any) -> None:
        self.details = v if isinstance(v, ErrorDetails) or v is None else ErrorDetails(str(v))

    @property
    def InvocationInfo(self) -> InvocationInfo:
        return InvocationInfo(self.position, self.command_name)

    @property
    def ScriptStackTrace(self) -> str:
        p = self.position
        if not p:
            return ""
        return f"at <ScriptBlock>, {p.source.path or '<No file>'}: line {p.line}"

    @property
    def PipelineIterationInfo(self) -> list:
        return []

    @property
    def message(self) -> str:
        if self.details is not None and self.details.Message:
            return self.details.Message
        e = self.exception
        return e.Message if isinstance(e, DotNetException) else str(e)

    def ToString(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"ErrorRecord({self.message!r})"


def record_of(exc: BaseException, position: Position | None = None) -> ErrorRecord:
    """The ErrorRecord for a terminating error (created once, then kept on the exception)."""
    rec = getattr(exc, "_record", None)
    if rec is not None:
        if position is not None and rec.position is None:
            rec.position = position
        return rec
    error_id = getattr(exc, "error_id", None) or type(exc).__name__
    category = getattr(exc, "category", ErrorCategory.NotSpecified)
    target = getattr(exc, "target", None)
    pos = getattr(exc, "position", None) or position
    rec = ErrorRecord(exc, error_id, category, target, pos, getattr(exc, "command_name", None))
    if isinstance(exc, RuntimeException):
        rec.from_throw = exc.script_terminating and exc.error_id == exc.Message
    try:
        exc._record = rec  # type: ignore[attr-defined]
    except AttributeError:
        pass
    return rec


def attach_position(exc: BaseException, position: Position, command_name: str | None = None) -> None:
    """Give a terminating error the position of the innermost node it escaped from (first one wins)."""
    if getattr(exc, "position", None) is None:
        try:
            exc.position = position  # type: ignore[attr-defined]
        except AttributeError:
            return
        rec = getattr(exc, "_record", None)
        if rec is not None and rec.position is None:
            rec.position = position
    if command_name and getattr(exc, "command_name", None) is None:
        try:
            exc.command_name = command_name  # type: ignore[attr-defined]
        except AttributeError:
            pass


# ----------------------------------------------------------------------------- flow control

class FlowControl(BaseException):
    """Base of break/continue/return/exit: not errors, so ``except Exception`` never sees them."""


class BreakSignal(FlowControl):
    """``break [label]``."""

    def __init__(self, label: str | None = None) -> None:
        super().__init__(label)
        self.label = label


class ContinueSignal(FlowControl):
    """``continue [label]``."""

    def __init__(self, label: str | None = None) -> None:
        super().__init__(label)
        self.label = label


class ReturnSignal(FlowControl):
    """``return``: leaves the current script block (its value was already emitted)."""


class ExitSignal(FlowControl):
    """``exit [code]``."""

    def __init__(self, code: int = 0) -> None:
        super().__init__(code)
        self.code = code


class StopUpstream(FlowControl):
    """Raised by a command (Select-Object -First) to stop the commands feeding it."""

    def __init__(self, owner: Any) -> None:
        super().__init__()
        self.owner = owner
