"""Microsoft.PowerShell.Utility: the host cmdlets — Read-Host, Write-Progress, Get-Host, Get-Culture
and Get-UICulture (Get-Verb, Join-String and Select-String are in utility_text)."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import (
    ErrorCategory,
    PSInvalidOperationException,
)
from o365shell.engine.objects import enumerate_values, is_enumerable
from o365shell.engine.valuetypes import CultureInfo, SecureString

UTIL = "Microsoft.PowerShell.Utility"

NONINTERACTIVE = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."


def noninteractive_error(cmd: Cmdlet) -> Exception:
    """pwsh's error when a prompt is needed but the host cannot prompt (-NonInteractive)."""
    return cmd.error(NONINTERACTIVE, "System.Management.Automation.PSInvalidOperationException",
                     ErrorCategory.InvalidOperation, None, PSInvalidOperationException)


# ============================================================================= Read-Host

@cmdlet("Read-Host", module=UTIL, default_set="AsString")
class ReadHost(Cmdlet):
    """Reads a line of input from the console.

    Shows the prompt followed by a colon and returns what the user typed as a string, or as a
    SecureString with -AsSecureString (the typed characters are not shown). Under
    -NonInteractive it fails instead of waiting."""

    Prompt = Parameter(object, position=0, from_pipeline=True, remaining=True, allow_null=True,
                       help="The text of the prompt (a colon is added).")
    AsSecureString = Parameter(Switch, set="AsSecureString", help="Return a SecureString; the input is masked.")
    MaskInput = Parameter(Switch, set="AsString", help="Mask the input but return a plain string.")
    examples = [("$name = Read-Host -Prompt 'User principal name'", "Asks for a value."),
                ("$pw = Read-Host 'Password' -AsSecureString", "Reads a password as a SecureString.")]

    def process(self) -> None:
        prompt = None
        if self.Prompt is not None:
            p = self.Prompt
            text = " ".join(to_string(x) for x in enumerate_values(p)) if is_enumerable(p) else to_string(p)
            prompt = text + ": "
        secure = bool(self.AsSecureString or self.MaskInput)
        try:
            value = self.ctx.host.read_line(prompt, secure=secure)
        except EOFError:
            raise noninteractive_error(self) from None
        if self.AsSecureString:
            self.write(value if isinstance(value, SecureString) else SecureString(to_string(value)))
        else:
            self.write(value.reveal() if isinstance(value, SecureString) else to_string(value))


# ============================================================================= Write-Progress

class ProgressRecord:
    """System.Management.Automation.ProgressRecord: what Write-Progress hands the host."""

    __ps_typename__ = "System.Management.Automation.ProgressRecord"
    __ps_properties__ = ("ActivityId", "ParentActivityId", "Activity", "StatusDescription", "CurrentOperation",
                         "PercentComplete", "SecondsRemaining", "RecordType")
    __slots__ = (
        "Activity",
        "ActivityId",
        "CurrentOperation",
        "ParentActivityId",
        "PercentComplete",
        "RecordType",
        "SecondsRemaining",
        "StatusDescription",
    )

    def __init__(self, activity_id: int, activity: str, status: str) -> None:
        self.ActivityId = activity_id
        self.ParentActivityId = -1
        self.Activity = activity
        self.StatusDescription = status
        self.CurrentOperation = ""
        self.PercentComplete = -1
        self.SecondsRemaining = -1
        self.RecordType = "Processing"

    def ToString(self) -> str:
        return (f"parent = {self.ParentActivityId} id = {self.ActivityId} act = {self.Activity} stat = "
                f"{self.StatusDescription} cur = {self.CurrentOperation} pct = {self.PercentComplete} sec = "
                f"{self.SecondsRemaining} type = {self.RecordType}")


@cmdlet("Write-Progress", module=UTIL)
class WriteProgress(Cmdlet):
    """Displays a progress bar within a PowerShell command window.

    Shows (or updates) a progress bar for an activity; -Completed removes it. The bar is drawn
    only on an interactive terminal and when $ProgressPreference is not SilentlyContinue."""

    Activity = Parameter(str, position=0, help="The activity being reported (the bar's first line).")
    Status = Parameter(str, position=1, not_null_or_empty=True, default="Processing",
                       help="The current state of the activity.")
    Id = Parameter(int, position=2, default=0, help="Identifies this progress bar (for updates and children).")
    PercentComplete = Parameter(int, default=-1, validate_range=(-1, 100), help="How much is done, 0 to 100.")
    SecondsRemaining = Parameter(int, default=-1, help="The estimated seconds remaining.")
    CurrentOperation = Parameter(str, help="The operation in progress (shown under the bar).")
    ParentId = Parameter(int, default=-1, help="The Id of the parent activity.")
    Completed = Parameter(Switch, help="The activity is finished: remove the bar.")
    SourceId = Parameter(int, help="The source of the record.")
    examples = [("foreach ($i in 1..100) { Write-Progress -Activity 'Updating users' -PercentComplete $i }",
                 "A progress bar that fills up."),
                ("Write-Progress -Activity 'Updating users' -Completed", "Removes the bar.")]

    def process(self) -> None:
        pref = self.bound.get("ProgressAction")
        from o365shell.engine.session import action_value
        action = action_value(pref) if pref is not None else self.ctx.preference("progresspreference")
        if action in (0, 4):
            return
        activity = self.Activity
        if activity is None or activity == "":
            activity = "Processing" if not self.Completed else " "
        rec = ProgressRecord(int(self.Id or 0), activity, self.Status or "Processing")
        rec.ParentActivityId = int(self.ParentId if self.ParentId is not None else -1)
        rec.CurrentOperation = self.CurrentOperation or ""
        rec.PercentComplete = int(self.PercentComplete if self.PercentComplete is not None else -1)
        rec.SecondsRemaining = int(self.SecondsRemaining if self.SecondsRemaining is not None else -1)
        rec.RecordType = "Completed" if self.Completed else "Processing"
        self.ctx.host.write_progress(rec)


# ============================================================================= Get-Host

class RawUI:
    """$Host.UI.RawUI: window title and colours (settable; only remembered)."""

    __ps_typename__ = "System.Management.Automation.Internal.Host.InternalHostRawUserInterface"
    __ps_properties__ = ("ForegroundColor", "BackgroundColor", "CursorPosition", "WindowPosition", "CursorSize",
                         "BufferSize", "WindowSize", "MaxWindowSize", "MaxPhysicalWindowSize", "KeyAvailable",
                         "WindowTitle")
    __slots__ = ("BackgroundColor", "ForegroundColor", "WindowTitle", "_width")

    def __init__(self, width: int) -> None:
        from o365shell.engine.enums import ConsoleColor
        self.ForegroundColor = ConsoleColor["Gray"]
        self.BackgroundColor = ConsoleColor["Black"]
        self.WindowTitle = "o365shell"
        self._width = width

    @property
    def BufferSize(self) -> str:
        return f"{self._width},9001"

    @property
    def WindowSize(self) -> str:
        return f"{self._width},50"

    @property
    def MaxWindowSize(self) -> str:
        return f"{self._width},50"

    @property
    def MaxPhysicalWindowSize(self) -> str:
        return f"{self._width},50"

    CursorPosition = "0,0"
    WindowPosition = "0,0"
    CursorSize = 25
    KeyAvailable = False

    def ToString(self) -> str:
        return self.__ps_typename__


class HostUI:
    """$Host.UI."""

    __ps_typename__ = "System.Management.Automation.Internal.Host.InternalHostUserInterface"
    __ps_properties__ = ("RawUI", "SupportsVirtualTerminal")
    __slots__ = ("RawUI", "_host")

    def __init__(self, host: Any) -> None:
        self._host = host
        self.RawUI = RawUI(getattr(host, "width", None) or 120)

    @property
    def SupportsVirtualTerminal(self) -> bool:
        return bool(getattr(self._host, "supports_color", False))

    def WriteLine(self, text: Any = "") -> None:
        self._host.write_host(to_string(text))

    def Write(self, text: Any = "") -> None:
        self._host.write_host(to_string(text), False)

    def ReadLine(self) -> str:
        try:
            return to_string(self._host.read_line(None))
        except EOFError:
            raise PSInvalidOperationException(NONINTERACTIVE) from None

    def ToString(self) -> str:
        return self.__ps_typename__


class HostInfo:
    """What Get-Host returns: the host's name, version, culture and UI."""

    __ps_typename__ = "System.Management.Automation.Internal.Host.InternalHost"
    __ps_properties__ = ("Name", "Version", "InstanceId", "UI", "CurrentCulture", "CurrentUICulture",
                         "PrivateData", "DebuggerEnabled", "IsRunspacePushed", "Runspace")
    __slots__ = ("InstanceId", "Name", "UI", "Version", "_host")

    def __init__(self, host: Any) -> None:
        from o365shell.engine.netlib.guid import Guid
        from o365shell.engine.netlib.version import Version
        self._host = host
        self.Name = "ConsoleHost"
        self.Version = Version("7.4.6")
        self.InstanceId = Guid.NewGuid()
        self.UI = HostUI(host)

    CurrentCulture = CultureInfo.CurrentCulture
    CurrentUICulture = CultureInfo.CurrentCulture
    PrivateData = None
    DebuggerEnabled = True
    IsRunspacePushed = False
    Runspace = None

    def ToString(self) -> str:
        return self.__ps_typename__


def host_info(ctx: Any) -> Any:
    """The session's host object ($Host), created once."""
    h = ctx.services.get("hostobj")
    if h is None or not hasattr(h, "UI"):
        h = ctx.services.get("utility.hostinfo")
        if h is None:
            h = ctx.services["utility.hostinfo"] = HostInfo(ctx.host)
    return h


@cmdlet("Get-Host", module=UTIL)
class GetHost(Cmdlet):
    """Gets an object that represents the current host program.

    Shows the host's name, version and culture; its UI.RawUI property holds the window title and
    colours."""

    examples = [("Get-Host", "Describes the host."), ("(Get-Host).Version", "The host version.")]

    def process(self) -> None:
        self.write(host_info(self.ctx))


# ============================================================================= cultures

@cmdlet("Get-Culture", module=UTIL, default_set="CurrentCultureParameterSet")
class GetCulture(Cmdlet):
    """Gets the current culture set in the operating system.

    o365shell always runs with the en-US culture (dates, numbers and sorting follow it)."""

    Name = Parameter(list[str], position=0, from_pipeline=True, set="NameParameterSet",
                     help="Get these cultures by name (en-US and the invariant culture are known).")
    ListAvailable = Parameter(Switch, set="ListAvailableParameterSet", help="List the available cultures.")
    NoUserOverrides = Parameter(Switch, set="NameParameterSet", help="Ignore the user's culture settings.")
    examples = [("Get-Culture", "The current culture (en-US)."),
                ("(Get-Culture).Name", "Its name.")]

    def process(self) -> None:
        if self.ListAvailable:
            self.write_all([CultureInfo(""), CultureInfo("en-US")])
            return
        if self.Name is not None:
            for n in self.Name:
                low = (n or "").strip().lower()
                if low in ("", "invariant"):
                    self.write(CultureInfo(""))
                elif low == "en-us":
                    self.write(CultureInfo("en-US"))
                else:
                    self.write_error(self.make_record(
                        f"Culture is not supported. (Parameter 'name')\n{n} is an invalid culture identifier.",
                        "ItemNotFoundException", ErrorCategory.InvalidArgument, n))
            return
        self.write(CultureInfo.CurrentCulture)


@cmdlet("Get-UICulture", module=UTIL)
class GetUICulture(Cmdlet):
    """Gets the current UI culture settings in the operating system (always en-US here)."""

    examples = [("Get-UICulture", "The user-interface culture (en-US).")]

    def process(self) -> None:
        self.write(CultureInfo.CurrentCulture)


def _register_culture_view() -> None:
    """pwsh's CultureInfo view (LCID, Name, DisplayName), unless the formatter already has one."""
    try:
        from o365shell.format.views import register_table_view, views_for
    except ImportError:  # pragma: no cover - the formatter is part of the install
        return
    if not views_for("System.Globalization.CultureInfo"):
        register_table_view("System.Globalization.CultureInfo", [("LCID", "LCID", 16, "left"), ("Name", "Name", 16),
                                                                 ("DisplayName", "DisplayName")])


_register_culture_view()
