"""Microsoft.PowerShell.Core history cmdlets (Get-History, Invoke-History, Clear-History,
Add-History) and Microsoft.PowerShell.Host's Start-Transcript / Stop-Transcript.

The session keeps its history in ``ctx.history``; the REPL appends to it, ideally with
:func:`add_history` (plain command-line strings are accepted too and numbered in order).
A transcript tees what the host writes (output lines, Write-Host text, errors, warnings,
verbose and debug messages) into a file until Stop-Transcript.
"""
from __future__ import annotations

import contextlib
import datetime as _pydt
import os
import platform
import secrets
import socket
from collections.abc import Callable
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import (
    ErrorCategory,
    PSArgumentException,
    PSInvalidOperationException,
)
from o365shell.engine.netlib.datetime import DateTime, DateTimeKind

from .fsprovider import ps_properties
from .session_cmdlets import CORE, CORE_VERSION

HOST_MODULE = "Microsoft.PowerShell.Host"


# ----------------------------------------------------------------------------- history entries

@ps_properties
class HistoryInfo:
    """Microsoft.PowerShell.Commands.HistoryInfo."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.HistoryInfo"
    __ps_properties__ = ("Id", "CommandLine", "ExecutionStatus", "StartExecutionTime", "EndExecutionTime",
                         "Duration")

    def __init__(self, id_: int, command_line: str, status: str = "Completed", start: Any = None,
                 end: Any = None) -> None:
        from o365shell.engine.netlib.numbers import Int64
        self.Id = Int64(id_)
        self.CommandLine = command_line
        self.ExecutionStatus = status
        self.StartExecutionTime = start if start is not None else DateTime.Now
        self.EndExecutionTime = end if end is not None else self.StartExecutionTime

    @property
    def Duration(self) -> Any:
        try:
            return self.EndExecutionTime - self.StartExecutionTime
        except Exception:
            from o365shell.engine.netlib.timespan import TimeSpan
            return TimeSpan(0)

    def ToString(self) -> str:
        return self.CommandLine


def _as_datetime(v: Any) -> Any:
    if isinstance(v, _pydt.datetime):
        return DateTime.from_datetime(v, DateTimeKind.Local)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return DateTime.from_datetime(_pydt.datetime.fromtimestamp(v), DateTimeKind.Local)
    return v


def entries(ctx: Any) -> list[HistoryInfo]:
    """``ctx.history`` as HistoryInfo objects (entries the REPL stored in other shapes are converted)."""
    hist = ctx.history
    changed = False
    next_id = 1
    for i, e in enumerate(hist):
        if isinstance(e, HistoryInfo):
            next_id = int(e.Id) + 1
            continue
        changed = True
        if isinstance(e, str):
            hist[i] = HistoryInfo(next_id, e)
        elif isinstance(e, dict):
            hist[i] = HistoryInfo(int(e.get("Id", next_id)), str(e.get("CommandLine", "")),
                                  str(e.get("ExecutionStatus", "Completed")),
                                  _as_datetime(e.get("StartExecutionTime")), _as_datetime(e.get("EndExecutionTime")))
        elif isinstance(e, (tuple, list)) and e:
            parts = list(e) + [None] * 3
            hist[i] = HistoryInfo(next_id, str(parts[0]), str(parts[1] or "Completed"), _as_datetime(parts[2]),
                                  _as_datetime(parts[3]))
        else:
            cl = getattr(e, "CommandLine", None)
            hist[i] = HistoryInfo(int(getattr(e, "Id", next_id)), str(cl if cl is not None else e))
        next_id = int(hist[i].Id) + 1
    _ = changed
    return list(hist)


def add_history(ctx: Any, command_line: str, status: str = "Completed", start: Any = None,
                end: Any = None) -> HistoryInfo:
    """Append one history entry (what the REPL calls after running a line)."""
    current = entries(ctx)
    next_id = int(current[-1].Id) + 1 if current else 1
    h = HistoryInfo(next_id, command_line, status, _as_datetime(start), _as_datetime(end))
    ctx.history.append(h)
    limit = ctx.get_var("maximumhistorycount")
    try:
        limit = int(limit)
    except (TypeError, ValueError):
        limit = 4096
    if len(ctx.history) > limit > 0:
        del ctx.history[:len(ctx.history) - limit]
    return h


def _duration_text(h: Any) -> str:
    d = h.Duration
    try:
        total = float(d.TotalSeconds)
    except Exception:
        return ""
    hours, rem = divmod(total, 3600)
    minutes, seconds = divmod(rem, 60)
    if hours >= 10:
        return f"{int(hours)}:{int(minutes):02d}:{int(seconds):02d}"
    if hours >= 1:
        return f"{int(hours)}:{int(minutes):02d}:{int(seconds):02d}"
    if minutes >= 1:
        return f"{int(minutes)}:{seconds:06.3f}"
    return f"{seconds:.3f}"


# ----------------------------------------------------------------------------- Get/Invoke/Clear/Add-History

@cmdlet("Get-History", module=CORE, version=CORE_VERSION, aliases=("h", "history", "ghy"))
class GetHistory(Cmdlet):
    """Gets a list of the commands entered during the current session.

    Each entry has an Id, the CommandLine, its ExecutionStatus and start and end times.
    Invoke-History (r) runs an entry again."""

    Id = Parameter("System.Int64[]", position=0, from_pipeline=True, help="The ids of the entries to get.")
    Count = Parameter(int, position=1, validate_range=(0, 32767), help="How many of the most recent entries.")
    examples = [("Get-History", "Every command of the session."), ("Get-History -Count 5", "The last five."),
                ("Get-History | Where-Object CommandLine -like '*Msol*'", "The MSOnline commands typed.")]

    def process(self) -> None:
        hist = entries(self.ctx)
        if self.Id is not None:
            for i in self.Id:
                found = [h for h in hist if int(h.Id) == int(i)]
                if not found:
                    self.write_error(f"Cannot locate history for Id {int(i)}.",
                                     "GetHistoryItemNotFound,Microsoft.PowerShell.Commands.GetHistoryCommand",
                                     ErrorCategory.ObjectNotFound, int(i), PSArgumentException)
                    continue
                self.write(found[0])
            return
        if self.Count is not None:
            hist = hist[-self.Count:] if self.Count else []
        self.write_all(hist)


@cmdlet("Invoke-History", module=CORE, version=CORE_VERSION, aliases=("r", "ihy"), should_process=True)
class InvokeHistory(Cmdlet):
    """Runs commands from the session history.

    Without an id, runs the most recent command again; the id can also be the beginning of a
    command line. The command line is shown before it runs."""

    Id = Parameter(str, position=0, from_pipeline=True, by_property_name=True,
                   help="The id of the entry, or the start of its command line. Default: the last one.")
    examples = [("Invoke-History", "Runs the last command again."), ("r 3", "Runs history entry 3."),
                ("r Get-Msol", "Runs the most recent command starting with Get-Msol.")]

    def process(self) -> None:
        hist = entries(self.ctx)
        key = self.Id
        if key is None or key == "":
            if not hist:
                raise self.error("Cannot locate most recent history.", "InvokeHistoryNoLastHistoryEntryFound",
                                 ErrorCategory.ObjectNotFound, None, PSInvalidOperationException)
            entry = hist[-1]
        else:
            entry = None
            text = to_string(key)
            if text.lstrip("-").isdigit():
                n = int(text)
                if n <= 0:
                    raise self.error(f"Cannot locate history for Id {n}.", "InvokeHistoryInvalidIdSpecified",
                                     ErrorCategory.InvalidArgument, n, PSArgumentException)
                entry = next((h for h in hist if int(h.Id) == n), None)
                if entry is None:
                    raise self.error(f"Cannot locate history for Id {n}.", "InvokeHistoryNoHistoryForId",
                                     ErrorCategory.ObjectNotFound, n, PSArgumentException)
            else:
                entry = next((h for h in reversed(hist) if h.CommandLine.lower().startswith(text.lower())), None)
                if entry is None:
                    raise self.error(f"Cannot locate history for commandline {text}.",
                                     "InvokeHistoryNoHistoryForCommandline", ErrorCategory.ObjectNotFound, text,
                                     PSArgumentException)
        if not self.should_process(entry.CommandLine, "Invoke-History"):
            return
        self.ctx.host.write_line(entry.CommandLine)
        from o365shell.engine.runtime import parse_error_record
        from o365shell.engine.scriptblock import ScriptBlock
        from o365shell.language.errors import PSParseError
        try:
            sb = ScriptBlock.create(entry.CommandLine, self.ctx)
        except PSParseError as e:
            raise parse_error_record(e).exception from None
        sb.run(dot_source=True, out=self._out)


@cmdlet("Clear-History", module=CORE, version=CORE_VERSION, aliases=("clhy",), default_set="IDParameter",
        should_process=True)
class ClearHistory(Cmdlet):
    """Deletes entries from the PowerShell session command history.

    Without parameters, deletes the whole history. -Id and -CommandLine pick entries, -Count
    (with -Newest) how many."""

    Id = Parameter("System.Int32[]", position=0, set="IDParameter", help="The ids of the entries to delete.")
    CommandLine = Parameter(list[str], set="CommandLineParameter", wildcards=True,
                            help="Delete entries whose command line matches these (wildcards allowed).")
    Count = Parameter(int, position=1, validate_range=(1, 2147483647),
                      help="How many entries to delete (the oldest, or with -Newest the most recent).")
    Newest = Parameter(Switch, help="Delete the most recent entries instead of the oldest.")
    examples = [("Clear-History", "Deletes the whole history."),
                ("Clear-History -CommandLine *Password*", "Deletes the entries that contain 'Password'.")]

    def process(self) -> None:
        from o365shell.engine.netlib import wildcard as W
        hist = entries(self.ctx)
        doomed: list[HistoryInfo]
        if self.Id is not None:
            doomed = []
            for i in self.Id:
                found = [h for h in hist if int(h.Id) == int(i)]
                if not found:
                    self.write_error(f"Cannot locate history for Id {int(i)}.",
                                     "ClearHistoryNoHistoryForId,Microsoft.PowerShell.Commands.ClearHistoryCommand",
                                     ErrorCategory.ObjectNotFound, int(i), PSArgumentException)
                    continue
                idx = hist.index(found[0])
                span = hist[idx:idx + self.Count] if self.Count and not self.Newest else \
                    (hist[max(0, idx - self.Count + 1):idx + 1] if self.Count else [found[0]])
                doomed.extend(span)
        elif self.CommandLine is not None:
            doomed = []
            for pat in self.CommandLine:
                m = W.compile_wildcard(to_string(pat))
                hits = [h for h in hist if m(h.CommandLine)]
                if self.Count:
                    hits = hits[-self.Count:] if self.Newest else hits[:self.Count]
                doomed.extend(hits)
        elif self.Count:
            doomed = hist[-self.Count:] if self.Newest else hist[:self.Count]
        else:
            doomed = hist
        if not doomed or not self.should_process("History", "Clear-History"):
            return
        ids = {id(h) for h in doomed}
        self.ctx.history[:] = [h for h in self.ctx.history if id(h) not in ids]


@cmdlet("Add-History", module=CORE, version=CORE_VERSION)
class AddHistory(Cmdlet):
    """Appends entries to the session history.

    Each input object needs a CommandLine property (for example the output of Get-History or
    Import-Csv of an exported history)."""

    InputObject = Parameter("System.Management.Automation.PSObject[]", position=0, from_pipeline=True,
                            help="Entries with a CommandLine (and optionally status and times).")
    PassThru = Parameter(Switch, help="Return the added entries.")
    examples = [("Import-Csv history.csv | Add-History", "Restores a saved history.")]

    def process(self) -> None:
        from o365shell.engine.objects import MISSING, get_member
        for o in self.InputObject or []:
            cl = get_member(o, "CommandLine")
            if cl is MISSING or cl is None:
                self.write_error("Cannot add history because the input object has a format that is not supported.",
                                 "AddHistoryInvalidInput,Microsoft.PowerShell.Commands.AddHistoryCommand",
                                 ErrorCategory.InvalidData, o, PSArgumentException)
                continue
            st = get_member(o, "ExecutionStatus")
            start = get_member(o, "StartExecutionTime")
            end = get_member(o, "EndExecutionTime")
            h = add_history(self.ctx, to_string(cl), "Completed" if st is MISSING else to_string(st),
                            None if start is MISSING else start, None if end is MISSING else end)
            if self.PassThru:
                self.write(h)


# ----------------------------------------------------------------------------- transcripts

_STARS = "**********************"
_TEE_METHODS = ("write_line", "write_host", "write_error", "write_warning", "write_verbose", "write_debug",
                "write_information")


class Transcript:
    """An open transcript: the file and the host methods it wrapped."""

    def __init__(self, ctx: Any, path: str) -> None:
        self.ctx = ctx
        self.path = path
        self.host = ctx.host
        self.saved: dict[str, Any] = {}
        self.active = False

    def write(self, text: str) -> None:
        import re
        text = re.sub(r"\x1b\[[0-9;?]*[ -/]*[@-~]", "", text)
        try:
            with open(self.path, "a", encoding="utf-8") as fh:
                fh.write(text)
        except OSError:
            pass

    def attach(self) -> None:
        self.active = True
        host = self.host
        for name in _TEE_METHODS:
            orig = getattr(host, name, None)
            if orig is None:
                continue
            self.saved[name] = host.__dict__.get(name, _MISSING)
            setattr(host, name, self._tee(name, orig))

    def detach(self) -> None:
        # a formatter may still hold a tee it picked up earlier: it stops writing to the file
        self.active = False
        host = self.host
        for name, prev in self.saved.items():
            if prev is _MISSING:
                try:
                    delattr(host, name)
                except AttributeError:
                    pass
            else:
                setattr(host, name, prev)
        self.saved.clear()

    def _tee(self, name: str, orig: Callable[..., Any]) -> Callable[..., Any]:
        write = self.write

        def tee(*args: Any, **kwargs: Any) -> Any:
            result = orig(*args, **kwargs)
            if not self.active:
                return result
            with contextlib.suppress(Exception):  # the transcript never breaks what the host prints
                write(_transcript_text(name, args, kwargs))
            return result
        return tee


class _Missing:
    pass


_MISSING = _Missing()


def _transcript_text(name: str, args: tuple, kwargs: dict) -> str:
    first = args[0] if args else kwargs.get("text", kwargs.get("record", kwargs.get("obj", "")))
    if name == "write_line":
        return to_string(first) + "\n"
    if name == "write_host":
        newline = args[1] if len(args) > 1 else kwargs.get("newline", True)
        return to_string(first) + ("\n" if newline else "")
    if name == "write_error":
        try:
            from o365shell.format.concise import render_error
            return render_error(first) + "\n"
        except Exception:
            return f"{getattr(first, 'command_name', None) or 'Error'}: {getattr(first, 'message', first)}\n"
    if name == "write_warning":
        return "WARNING: " + to_string(first) + "\n"
    if name == "write_verbose":
        return "VERBOSE: " + to_string(first) + "\n"
    if name == "write_debug":
        return "DEBUG: " + to_string(first) + "\n"
    return to_string(first) + "\n"


def _stamp() -> str:
    return _pydt.datetime.now().strftime("%Y%m%d%H%M%S")


def _header(ctx: Any, minimal: bool) -> str:
    lines = [_STARS, "PowerShell transcript start", f"Start time: {_stamp()}"]
    if not minimal:
        user = os.environ.get("USER") or os.environ.get("LOGNAME") or "user"
        ver = ctx.get_var("psversiontable")
        get = (lambda k: to_string(ver[k])) if hasattr(ver, "__getitem__") else (lambda k: "")

        def safe(k: str) -> str:
            try:
                v = ver[k]
                return ", ".join(to_string(x) for x in v) if isinstance(v, list) else to_string(v)
            except Exception:
                return ""
        lines += [f"Username: {user}", f"RunAs User: {user}", "Configuration Name: ",
                  f"Machine: {socket.gethostname()} ({platform.system()} {platform.release()})",
                  "Host Application: o365shell", f"Process ID: {os.getpid()}"]
        for k in ("PSVersion", "PSEdition", "GitCommitId", "OS", "Platform", "PSCompatibleVersions",
                  "PSRemotingProtocolVersion", "SerializationVersion", "WSManStackVersion"):
            lines.append(f"{k}: {safe(k)}")
        _ = get
    lines.append(_STARS)
    return "\n".join(lines) + "\n"


def _transcripts(ctx: Any) -> list[Transcript]:
    return ctx.services.setdefault("transcripts", [])


@cmdlet("Start-Transcript", module=HOST_MODULE, version="7.0.0.0", default_set="ByPath", should_process=True)
class StartTranscript(Cmdlet):
    """Creates a record of all or part of a PowerShell session to a text file.

    Everything the shell prints from now on (output, Write-Host text, errors, warnings) is
    also written to the transcript file, after a header, until Stop-Transcript. Without a
    path the file is PowerShell_transcript.<computer>.<random>.<time>.txt in the home
    directory."""

    Path = Parameter(str, position=0, set="ByPath", help="The transcript file.")
    LiteralPath = Parameter(str, mandatory=True, set="ByLiteralPath", aliases=("PSPath", "LP"),
                            help="The transcript file, exactly as typed.")
    OutputDirectory = Parameter(str, mandatory=True, set="ByOutputDirectory",
                                help="A directory for a transcript file with the default name.")
    Append = Parameter(Switch, help="Add to the end of an existing file.")
    Force = Parameter(Switch, help="Overwrite a read-only file.")
    NoClobber = Parameter(Switch, aliases=("NoOverwrite",), help="Do not overwrite an existing file.")
    IncludeInvocationHeader = Parameter(Switch, help="Record the time each command ran.")
    UseMinimalHeader = Parameter(Switch, help="A short header: only the start time.")
    examples = [("Start-Transcript -Path ./session.txt", "Starts recording the session in session.txt."),
                ("Start-Transcript -Path ./session.txt -Append", "Adds to an existing transcript.")]

    def process(self) -> None:
        from . import fsprovider as fs
        name = f"PowerShell_transcript.{socket.gethostname()}.{secrets.token_hex(4)}.{_stamp()}.txt"
        try:
            if self.OutputDirectory is not None:
                path = os.path.join(fs.absolute(self.ctx, self.OutputDirectory), name)
            elif self.LiteralPath is not None or self.Path is not None:
                path = fs.absolute(self.ctx, self.LiteralPath if self.LiteralPath is not None else self.Path)
            else:
                path = os.path.join(os.path.expanduser("~"), name)
        except fs.PathError as e:
            raise self.error(e.message, e.error_id, e.category, e.target, e.exc_type) from None
        if os.path.isdir(path):
            raise self.error(f"Transcription cannot be started due to the error: Access to the path '{path}' is "
                             "denied.", "CannotStartTranscription,Microsoft.PowerShell.Commands.StartTranscriptCommand",
                             ErrorCategory.InvalidOperation, path, PSInvalidOperationException)
        if self.NoClobber and os.path.exists(path) and not self.Append:
            raise self.error(f"File {path} already exists and NoClobber was specified.",
                             "NoClobber,Microsoft.PowerShell.Commands.StartTranscriptCommand",
                             ErrorCategory.ResourceExists, path, PSInvalidOperationException)
        parent = os.path.dirname(path) or "/"
        if not os.path.isdir(parent):
            os.makedirs(parent, exist_ok=True)
        if not self.should_process(path, "Start-Transcript"):
            return
        try:
            with open(path, "a" if self.Append else "w", encoding="utf-8") as fh:
                fh.write(_header(self.ctx, bool(self.UseMinimalHeader)))
        except OSError as e:
            raise self.error(f"Transcription cannot be started due to the error: {e.strerror}: '{path}'.",
                             "CannotStartTranscription,Microsoft.PowerShell.Commands.StartTranscriptCommand",
                             ErrorCategory.InvalidOperation, path, PSInvalidOperationException) from None
        t = Transcript(self.ctx, path)
        stack = _transcripts(self.ctx)
        if stack:
            stack[-1].detach()
        t.attach()
        stack.append(t)
        self.write(f"Transcript started, output file is {path}")


@cmdlet("Stop-Transcript", module=HOST_MODULE, version="7.0.0.0")
class StopTranscript(Cmdlet):
    """Stops a transcript.

    Writes the transcript footer and stops recording what the shell prints."""

    examples = [("Stop-Transcript", "Stops the transcript Start-Transcript started.")]

    def process(self) -> None:
        stack = _transcripts(self.ctx)
        if not stack:
            raise self.error("An error occurred stopping transcription: The host is not currently transcribing.",
                             "InvalidOperation,Microsoft.PowerShell.Commands.StopTranscriptCommand",
                             ErrorCategory.InvalidOperation, None, PSInvalidOperationException)
        t = stack.pop()
        t.detach()
        t.write(f"{_STARS}\nPowerShell transcript end\nEnd time: {_stamp()}\n{_STARS}\n")
        if stack:
            stack[-1].attach()
        self.write(f"Transcript stopped, output file is {t.path}")


def _register_views() -> None:
    try:
        from o365shell.format.views import register_table_view
    except ImportError:
        return
    register_table_view("Microsoft.PowerShell.Commands.HistoryInfo",
                        [("Id", "Id", 4, "right"), ("Duration", _duration_text, 12, "right"),
                         ("CommandLine", "CommandLine")])


_register_views()
