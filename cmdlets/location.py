"""Microsoft.PowerShell.Management: the current location (Get-Location, Set-Location,
Push-Location, Pop-Location), drives (Get-PSDrive) and Get-Process (this process only).

The shell's current directory is ``ctx.location``; Set-Location also changes the process
directory so relative paths given to .NET methods ([IO.File]::ReadAllText('x')) agree.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import (
    DriveNotFoundException,
    ErrorCategory,
    ItemNotFoundException,
    PSArgumentException,
    PSInvalidOperationException,
)
from o365shell.engine.netlib import wildcard as W
from o365shell.engine.pathinfo import PathInfo

from . import fsprovider as fs
from .fsprovider import ps_properties
from .management import MGMT, PathCmdlet

CORE = "Microsoft.PowerShell.Core"


def _stacks(ctx: Any) -> dict[str, list[str]]:
    return ctx.services.setdefault("location_stacks", {"default": []})


def _history(ctx: Any) -> dict[str, list[str]]:
    return ctx.services.setdefault("location_history", {"back": [], "forward": []})


def change_location(ctx: Any, full: str, record: bool = True) -> None:
    """Make ``full`` the current location (and the process directory)."""
    if record and full != ctx.location:
        h = _history(ctx)
        h["back"].append(ctx.location)
        del h["back"][:-20]
        h["forward"].clear()
    ctx.location = full
    try:
        os.chdir(full)
    except OSError:
        pass


class _LocationCmdlet(PathCmdlet):
    def target(self, path: str, literal: bool) -> str | None:
        """The directory a -Path / -LiteralPath names (errors are written; None then)."""
        drive, _rest = fs.split_drive(fs.strip_provider(path))
        if drive is not None and not fs.is_fs_drive(drive):
            if drive in fs.DRIVES:
                self.fail(f"Cannot change location to the {fs.DRIVES[drive][0]} drive: o365shell keeps the current "
                          "location in the file system only.", "SetLocationProviderNotSupported",
                          ErrorCategory.InvalidOperation, path, PSInvalidOperationException)
            else:
                self.report(fs.drive_not_found(fs.m_name(fs.strip_provider(path))))
            return None
        try:
            found = fs.expand(self.ctx, path, literal=literal, force=True)
        except fs.PathError as e:
            self.report(e)
            return None
        dirs = [f for f in found if os.path.isdir(f)]
        if not found:
            self.report(fs.not_found(fs.absolute(self.ctx, path)))
            return None
        if len(dirs) > 1:
            self.fail(f"Cannot set the location because path '{path}' resolved to multiple containers. You can only "
                      "the set the same location to a single container at a time.", "PathResolvedToMultiple",
                      ErrorCategory.InvalidArgument, path, PSArgumentException)
            return None
        if not dirs:
            self.report(fs.not_found(found[0]))
            return None
        return dirs[0]


@cmdlet("Get-Location", module=MGMT, aliases=("gl", "pwd"), default_set="Location")
class GetLocation(Cmdlet):
    """Gets information about the current working location or a location stack.

    Returns a PathInfo object for the current directory (also in $PWD). -Stack returns the
    locations saved by Push-Location, most recent first."""

    PSProvider = Parameter(list[str], set="Location", by_property_name=True,
                           help="Only the location in this provider (FileSystem).")
    PSDrive = Parameter(list[str], set="Location", by_property_name=True, help="Only the location on this drive.")
    Stack = Parameter(Switch, set="Stack", help="Show the locations Push-Location saved.")
    StackName = Parameter(list[str], set="Stack", by_property_name=True, help="The named location stacks to show.")
    examples = [("Get-Location", "Shows the current directory."),
                ("(Get-Location).Path", "The current directory as a string.")]

    def process(self) -> None:
        if self.Stack or self.StackName:
            stacks = _stacks(self.ctx)
            for name in (self.StackName or ["default"]):
                st = stacks.get(name)
                if st is None:
                    self.write_error(f"Cannot find location stack '{name}'. It does not exist or it is not a "
                                     "container.", "StackNotFound", ErrorCategory.ObjectNotFound, name,
                                     ItemNotFoundException)
                    continue
                self.write_all(PathInfo(p) for p in reversed(st))
            return
        for d in self.PSDrive or []:
            if d not in ("/",) and not fs.is_fs_drive(d.lower()):
                self.write_error(f"Cannot find drive. A drive with the name '{d}' does not exist.",
                                 "GetLocationNoMatchingDrive", ErrorCategory.ObjectNotFound, d, DriveNotFoundException)
                return
        self.write(PathInfo(self.ctx.location))


@cmdlet("Set-Location", module=MGMT, aliases=("sl", "cd", "chdir"), default_set="Path")
class SetLocation(_LocationCmdlet):
    """Sets the current working location to a specified location.

    Changes the current directory. Without a path it goes to the home directory; 'cd -' goes
    back to the previous location and 'cd +' forward again. Relative paths are resolved from
    the current location; '~' is the home directory."""

    dotnet_name = "SetLocationCommand"
    Path = Parameter(str, position=0, set="Path", from_pipeline=True, by_property_name=True, wildcards=True,
                     help="The new location (a directory). Default: the home directory.")
    LiteralPath = Parameter(str, mandatory=True, set="LiteralPath", by_property_name=True, aliases=("PSPath", "LP"),
                            help="The new location, exactly as typed.")
    PassThru = Parameter(Switch, help="Return a PathInfo for the new location.")
    StackName = Parameter(str, set="Stack", from_pipeline=True, by_property_name=True,
                          help="Make this named location stack the default one.")
    examples = [("Set-Location -Path ./reports", "Goes to the reports subdirectory."),
                ("cd ..", "Goes up one level."),
                ("cd -", "Goes back to the previous location.")]

    def process(self) -> None:
        if self.StackName is not None:
            _stacks(self.ctx).setdefault(self.StackName, [])
            return
        literal = self.LiteralPath is not None
        path = self.LiteralPath if literal else self.Path
        if path is None or (not literal and path == ""):
            path, literal = fs.home(), True
        elif not literal and path in ("-", "+"):
            h = _history(self.ctx)
            src, dst = ("back", "forward") if path == "-" else ("forward", "back")
            if not h[src]:
                which = "backward" if path == "-" else "forward"
                self.write_error(f"There is no location history left to navigate {which}.",
                                 "InvalidOperation", ErrorCategory.InvalidOperation, path, PSInvalidOperationException)
                return
            full = h[src].pop()
            h[dst].append(self.ctx.location)
            change_location(self.ctx, full, record=False)
            if self.PassThru:
                self.write(PathInfo(full))
            return
        full = self.target(to_string(path), literal)
        if full is None:
            return
        change_location(self.ctx, full)
        if self.PassThru:
            self.write(PathInfo(full))


@cmdlet("Push-Location", module=MGMT, aliases=("pushd",), default_set="Path")
class PushLocation(_LocationCmdlet):
    """Adds the current location to the top of a location stack.

    Saves the current location and, given a path, changes to it. Pop-Location returns to the
    saved location."""

    dotnet_name = "PushLocationCommand"
    Path = Parameter(str, position=0, set="Path", from_pipeline=True, by_property_name=True, wildcards=True,
                     help="The location to change to after saving the current one.")
    LiteralPath = Parameter(str, mandatory=True, set="LiteralPath", by_property_name=True, aliases=("PSPath", "LP"),
                            help="The location to change to, exactly as typed.")
    PassThru = Parameter(Switch, help="Return a PathInfo for the new location.")
    StackName = Parameter(str, by_property_name=True, help="The location stack to push onto (default: the default one).")
    examples = [("Push-Location ./reports; Get-ChildItem; Pop-Location", "Works in reports, then comes back.")]

    def process(self) -> None:
        literal = self.LiteralPath is not None
        path = self.LiteralPath if literal else self.Path
        full = None
        if path is not None:
            full = self.target(to_string(path), literal)
            if full is None:
                return
        _stacks(self.ctx).setdefault(self.StackName or "default", []).append(self.ctx.location)
        if full is not None:
            change_location(self.ctx, full)
        if self.PassThru:
            self.write(PathInfo(self.ctx.location))


@cmdlet("Pop-Location", module=MGMT, aliases=("popd",))
class PopLocation(Cmdlet):
    """Changes the current location to the location most recently pushed onto the stack.

    Does nothing when the stack is empty."""

    PassThru = Parameter(Switch, help="Return a PathInfo for the new location.")
    StackName = Parameter(str, by_property_name=True, help="The location stack to pop from.")
    examples = [("Push-Location /tmp; Pop-Location", "Goes to /tmp and back.")]

    def process(self) -> None:
        stacks = _stacks(self.ctx)
        name = self.StackName or "default"
        st = stacks.get(name)
        if st is None:
            self.write_error(f"Cannot find location stack '{name}'. It does not exist or it is not a container.",
                             "Argument", ErrorCategory.InvalidArgument, name, PSArgumentException)
            return
        if not st:
            return
        full = st.pop()
        if not os.path.isdir(full):
            self.write_error(f"Cannot find path '{full}' because it does not exist.", "PathNotFound",
                             ErrorCategory.ObjectNotFound, full, ItemNotFoundException)
            return
        change_location(self.ctx, full)
        if self.PassThru:
            self.write(PathInfo(full))


# ----------------------------------------------------------------------------- Get-PSDrive

@ps_properties
class PSDriveInfo:
    """System.Management.Automation.PSDriveInfo."""

    __ps_typename__ = "System.Management.Automation.PSDriveInfo"
    __ps_properties__ = ("CurrentLocation", "Name", "Provider", "Root", "Description", "MaximumSize",
                         "Credential", "DisplayRoot", "Used", "Free")

    def __init__(self, ctx: Any, name: str, provider: str, root: str, description: str,
                 provider_root: str | None = None) -> None:
        self._ctx = ctx
        self.Name = name
        self._provider = provider
        self.Root = root
        #: the real folder (differs from Root for the sandboxed C: and D: drives, whose Root is 'C:\')
        self._real_root = provider_root if provider_root is not None else root
        self.Description = description
        self.MaximumSize = None
        self.Credential = None
        self.DisplayRoot = None

    @property
    def Provider(self) -> str:
        prefix = "Microsoft.PowerShell.Core\\"
        return prefix + self._provider

    @property
    def CurrentLocation(self) -> str:
        if self.Name == "/":
            return self._ctx.location.lstrip("/")
        if self._provider == "FileSystem":
            loc = self._ctx.location
            root = self._real_root.rstrip("/")
            rel = loc[len(root):].lstrip("/") if loc.startswith(root + "/") else ""
            return rel.replace("/", "\\") if self._real_root != self.Root else rel
        return ""

    def _usage(self) -> Any:
        if self._provider != "FileSystem":
            return None
        path = self._real_root
        while path and not os.path.exists(path):  # a sandbox folder not created yet: its disk
            path = os.path.dirname(path.rstrip("/")) if path != "/" else ""
        try:
            return shutil.disk_usage(path or "/")
        except OSError:
            return None

    @property
    def Used(self) -> Any:
        u = self._usage()
        from o365shell.engine.netlib.numbers import Int64
        return Int64(u.used) if u is not None else None

    @property
    def Free(self) -> Any:
        u = self._usage()
        from o365shell.engine.netlib.numbers import Int64
        return Int64(u.free) if u is not None else None

    def ToString(self) -> str:
        return self.Name


def _gb(v: Any) -> str:
    return "" if v is None else f"{int(v) / 1073741824:.2f}"


def drives(ctx: Any) -> list[PSDriveInfo]:
    """Every drive, sorted by name as pwsh lists them (C: and D: are sandbox folders, see fsprovider)."""
    tmp = tempfile.gettempdir().rstrip("/") + "/"
    sandboxes = [PSDriveInfo(ctx, letter, "FileSystem", f"{letter}:\\",
                             f"o365shell sandbox folder {fs.fs_drive_root(letter.lower(), create=False)}",
                             provider_root=fs.fs_drive_root(letter.lower(), create=False))
                 for letter in fs.SANDBOX_DRIVES]
    return [PSDriveInfo(ctx, "/", "FileSystem", "/", "Root"),
            PSDriveInfo(ctx, "Alias", "Alias", "", "Drive containing a view of the aliases stored in session state."),
            *sandboxes,
            PSDriveInfo(ctx, "Env", "Environment", "", "Drive containing a view of the environment variables for "
                                                       "the process."),
            PSDriveInfo(ctx, "Function", "Function", "", "Drive containing a view of the functions stored in "
                                                         "session state."),
            PSDriveInfo(ctx, "Temp", "FileSystem", tmp, "Drive that maps to the temporary directory path for the "
                                                        "current user."),
            PSDriveInfo(ctx, "Variable", "Variable", "", "Drive containing a view of those variables stored in "
                                                         "session state.")]


@cmdlet("Get-PSDrive", module=MGMT, aliases=("gdr",), default_set="Name")
class GetPSDrive(Cmdlet):
    """Gets drives in the current session.

    The file system root '/', Temp, the C: and D: drives of Windows scripts (sandbox folders under
    the user's data directory, created on first use; $O365SHELL_DRIVES moves them), and the Alias,
    Env, Function and Variable drives."""

    Name = Parameter(list[str], position=0, set="Name", by_property_name=True, wildcards=True,
                     help="The drives to get (wildcards allowed).")
    LiteralName = Parameter(list[str], mandatory=True, set="LiteralName", by_property_name=True,
                            help="The drives to get, exactly as typed.")
    Scope = Parameter(str, by_property_name=True, help="The scope to look in (all drives are global here).")
    PSProvider = Parameter(list[str], by_property_name=True, help="Only drives of these providers.")
    examples = [("Get-PSDrive", "Lists the drives."), ("Get-PSDrive -PSProvider FileSystem", "File-system drives.")]

    def process(self) -> None:
        all_drives = drives(self.ctx)
        if self.PSProvider:
            all_drives = [d for d in all_drives
                          if any(W.compile_wildcard(p)(d._provider) or W.compile_wildcard(p)(d.Provider)
                                 for p in self.PSProvider)]
        names = self.LiteralName if self.LiteralName is not None else self.Name
        if not names:
            self.write_all(all_drives)
            return
        for n in names:
            if self.LiteralName is not None:
                found = [d for d in all_drives if d.Name.lower() == n.lower()]
            else:
                m = W.compile_wildcard(n)
                found = [d for d in all_drives if m(d.Name)]
            if not found and (self.LiteralName is not None or not W.has_wildcard(n)):
                self.write_error(f"Cannot find drive. A drive with the name '{n}' does not exist.",
                                 "GetDriveNoMatchingDrive,Microsoft.PowerShell.Commands.GetPSDriveCommand",
                                 ErrorCategory.ObjectNotFound, n, DriveNotFoundException)
            self.write_all(found)


# ----------------------------------------------------------------------------- Get-Process

@ps_properties
class ProcessInfo:
    """System.Diagnostics.Process for the shell's own process."""

    __ps_typename__ = "System.Diagnostics.Process"
    __ps_properties__ = ("Name", "Id", "ProcessName", "CPU", "WorkingSet64", "PagedMemorySize64",
                         "NonpagedSystemMemorySize64", "StartTime", "Path", "SessionId", "Threads")

    def __init__(self) -> None:
        self.Id = os.getpid()
        self.ProcessName = "o365shell"
        self._started = _process_start()

    @property
    def Name(self) -> str:
        return self.ProcessName

    @property
    def SI(self) -> int:
        return self.SessionId

    @property
    def SessionId(self) -> int:
        try:
            return os.getsid(0)
        except OSError:
            return 0

    @property
    def CPU(self) -> float:
        t = os.times()
        return round(t.user + t.system, 2)

    def _status(self, key: str) -> int:
        try:
            with open("/proc/self/status") as fh:
                for line in fh:
                    if line.startswith(key + ":"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        return 0

    @property
    def WorkingSet64(self) -> int:
        return self._status("VmRSS")

    @property
    def WS(self) -> int:
        return self.WorkingSet64

    @property
    def PagedMemorySize64(self) -> int:
        return self._status("VmData")

    @property
    def PM(self) -> int:
        return self.PagedMemorySize64

    @property
    def NonpagedSystemMemorySize64(self) -> int:
        return 0

    @property
    def NPM(self) -> int:
        return 0

    @property
    def Threads(self) -> int:
        import threading
        return threading.active_count()

    @property
    def StartTime(self) -> Any:
        import datetime as _d

        from o365shell.engine.netlib.datetime import DateTime, DateTimeKind
        return DateTime.from_datetime(_d.datetime.fromtimestamp(self._started), DateTimeKind.Local)

    @property
    def Path(self) -> str:
        import sys
        return sys.executable

    def Kill(self) -> None:
        raise PSInvalidOperationException("o365shell will not stop its own process; use 'exit' instead.")

    def ToString(self) -> str:
        return f"System.Diagnostics.Process ({self.ProcessName})"


def _process_start() -> float:
    try:
        with open("/proc/self/stat") as fh:
            ticks = int(fh.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime") as fh:
            uptime = float(fh.read().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.time()


@cmdlet("Get-Process", module=MGMT, aliases=("gps", "ps"), default_set="Name")
class GetProcess(Cmdlet):
    """Gets the processes that are running on the local computer.

    o365shell is a sandbox: it shows only its own process (also in $PID). Other names or
    ids are reported as not found."""

    Name = Parameter(list[str], position=0, set="Name", by_property_name=True, aliases=("ProcessName",),
                     wildcards=True, help="Process names to get (wildcards allowed).")
    Id = Parameter("System.Int32[]", mandatory=True, set="Id", by_property_name=True, aliases=("PID",),
                   help="Process ids to get.")
    InputObject = Parameter(object, mandatory=True, set="InputObject", from_pipeline=True,
                            help="Process objects to get again.")
    IncludeUserName = Parameter(Switch, help="Add the user name (not available here).")
    Module = Parameter(Switch, help="Loaded modules (not available here).")
    FileVersionInfo = Parameter(Switch, aliases=("FV", "FVI"), help="File version information (not available here).")
    examples = [("Get-Process -Id $PID", "This shell's process.")]

    def process(self) -> None:
        me = ProcessInfo()
        if self.InputObject is not None:
            self.write(me)
            return
        if self.Id is not None:
            for i in self.Id:
                if int(i) == me.Id:
                    self.write(me)
                else:
                    self.write_error(f"Cannot find a process with the process identifier {int(i)}.",
                                     "NoProcessFoundForGivenId,Microsoft.PowerShell.Commands.GetProcessCommand",
                                     ErrorCategory.ObjectNotFound, int(i), PSArgumentException)
            return
        if not self.Name:
            self.write(me)
            return
        for n in self.Name:
            if W.compile_wildcard(n)(me.ProcessName) or n.lower() in ("pwsh", "powershell"):
                self.write(me)
            elif not W.has_wildcard(n):
                self.write_error(f'Cannot find a process with the name "{n}". Verify the process name and call the '
                                 "cmdlet again.",
                                 "NoProcessFoundForGivenName,Microsoft.PowerShell.Commands.GetProcessCommand",
                                 ErrorCategory.ObjectNotFound, n, PSArgumentException)


def _register_views() -> None:
    try:
        from o365shell.format.views import register_table_view
    except ImportError:
        return
    register_table_view("System.Management.Automation.PSDriveInfo",
                        [("Name", "Name", 10, "left"), ("Used (GB)", lambda d: _gb(d.Used), 13, "right"),
                         ("Free (GB)", lambda d: _gb(d.Free), 13, "right"), ("Provider", lambda d: d._provider, 13),
                         ("Root", "Root", 35), ("CurrentLocation", "CurrentLocation", 30, "right")])
    register_table_view("System.Diagnostics.Process",
                        [("NPM(K)", lambda p: f"{p.NPM // 1024}", 7, "right"),
                         ("PM(M)", lambda p: f"{p.PM / 1048576:.2f}", 8, "right"),
                         ("WS(M)", lambda p: f"{p.WS / 1048576:.2f}", 10, "right"),
                         ("CPU(s)", lambda p: f"{p.CPU:.2f}", 10, "right"),
                         ("Id", "Id", 7, "right"), ("SI", "SI", 3, "right"), ("ProcessName", "ProcessName")])


_register_views()
_ = CORE
