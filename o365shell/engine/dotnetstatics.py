"""The static .NET classes admin scripts call ([Environment], [Console], [IO.Path], [Convert],
[Text.Encoding], [Diagnostics.Stopwatch], [Random], [ipaddress], [uri]...), registered into
the type table by ``register_statics()`` (called from ``typelib``).

The classes live here (Environment, Thread, Stopwatch, ServicePointManager) and in
``dotnet_text`` (Encoding), ``dotnet_convert`` (Convert, BitConverter), ``dotnet_io`` (Path,
File, Directory), ``dotnet_net`` (IPAddress, MailAddress), ``dotnet_uri`` (Uri, HttpUtility,
WebUtility) and ``dotnet_misc`` (Console, Random).

Static properties that must be computed on every read are ``StaticProperty`` values; those
scripts may also assign (``[Console]::ForegroundColor = 'Red'``,
``[Net.ServicePointManager]::SecurityProtocol = ...``) are ``SettableStaticProperty``: the
engine assigns by calling ``prop.set(value)``.

Hooks for the lab clock: ``SLEEP_HOOK(seconds)`` replaces ``time.sleep`` in
``[Threading.Thread]::Sleep``; ``TIMESTAMP_HOOK() -> nanoseconds`` replaces the monotonic
clock behind Stopwatch (so a stopwatch around a simulated sleep shows the simulated time).
"""
from __future__ import annotations

import getpass
import os
import platform
import socket
import sys
import time
from typing import Any, Callable

from .enums import EnvironmentVariableTarget, PlatformID, SecurityProtocolType, SpecialFolder
from .netlib import numbers as N
from .netlib.exceptions import (ArgumentException, ArgumentNullException, ArgumentOutOfRangeException,
                                NotSupportedException)
from .types import PSType, StaticProperty, register

__all__ = ["register_statics", "SLEEP_HOOK", "TIMESTAMP_HOOK", "SettableStaticProperty", "Environment",
           "OperatingSystem", "Thread", "Stopwatch", "ServicePointManager", "statics_of"]

#: Called with seconds instead of ``time.sleep`` by [Threading.Thread]::Sleep when set.
SLEEP_HOOK: Callable[[float], None] | None = None
#: Returns a monotonic time in nanoseconds for Stopwatch when set.
TIMESTAMP_HOOK: Callable[[], int] | None = None


class SettableStaticProperty(StaticProperty):
    """A static property scripts can assign: read with ``prop()``, assign with ``prop.set(value)``."""

    __slots__ = ("setter",)

    def __init__(self, getter: Callable[[], Any], setter: Callable[[Any], None]) -> None:
        super().__init__(getter)
        self.setter = setter

    def set(self, value: Any) -> None:
        self.setter(value)


def _s(v: Any) -> str:
    if isinstance(v, str):
        return str(v)
    from .conversion import to_string
    return to_string(v)


def _enum_arg(cls: Any, v: Any, name: str) -> Any:
    if isinstance(v, cls):
        return v
    if isinstance(v, str):
        for m in cls.__members__.values():
            if m.name.lower() == v.strip().lower():
                return m
        raise ArgumentException(f"Requested value '{v}' was not found.")
    try:
        return cls(int(v))
    except ValueError:
        raise ArgumentOutOfRangeException(f"Specified argument was out of the range of valid values. "
                                          f"(Parameter '{name}')") from None


def _setting(initial: Any, convert: Callable[[Any], Any] = lambda v: v) -> SettableStaticProperty:
    box = [initial]

    def setter(v: Any) -> None:
        box[0] = convert(v)
    return SettableStaticProperty(lambda: box[0], setter)


def statics_of(cls: type) -> dict[str, Any]:
    """The static members of a class as a PSType statics dict (StaticProperty values kept as they are)."""
    out: dict[str, Any] = {}
    for klass in reversed(cls.__mro__):
        for k, v in vars(klass).items():
            if not k[:1].isupper():
                continue
            if isinstance(v, (staticmethod, classmethod)):
                out[k] = getattr(cls, k)
            elif isinstance(v, StaticProperty) or not (callable(v) or isinstance(v, property)):
                out[k] = v
    return out


# ----------------------------------------------------------------------------- Environment

class OperatingSystem:
    """System.OperatingSystem ([Environment]::OSVersion): platform and kernel version."""

    __ps_typename__ = "System.OperatingSystem"
    __ps_properties__ = ("Platform", "ServicePack", "Version", "VersionString")

    def __init__(self) -> None:
        from .netlib.version import Version
        nums: list[int] = []
        for piece in platform.release().split("."):
            digits = ""
            for c in piece:
                if not c.isdigit():
                    break
                digits += c
            if not digits:
                break
            nums.append(int(digits))
            if len(digits) != len(piece) or len(nums) == 4:
                break
        while len(nums) < 2:
            nums.append(0)
        self._version = Version(*nums[:4])

    @property
    def Platform(self) -> Any:
        return PlatformID.Unix

    @property
    def ServicePack(self) -> str:
        return ""

    @property
    def Version(self) -> Any:
        return self._version

    @property
    def VersionString(self) -> str:
        return f"Unix {self._version.ToString()}"

    def ToString(self) -> str:
        return self.VersionString

    def __str__(self) -> str:
        return self.VersionString


def _xdg(var: str, default: str) -> str:
    return os.environ.get(var) or os.path.join(os.path.expanduser("~"), default)


def _folder_path(folder: Any, option: Any = None) -> str:
    f = _enum_arg(SpecialFolder, folder, "folder")
    home = os.path.expanduser("~")
    table = {
        SpecialFolder.UserProfile: home,
        SpecialFolder.Personal: _xdg("XDG_DOCUMENTS_DIR", "Documents"),
        SpecialFolder.ApplicationData: _xdg("XDG_CONFIG_HOME", ".config"),
        SpecialFolder.LocalApplicationData: _xdg("XDG_DATA_HOME", os.path.join(".local", "share")),
        SpecialFolder.Desktop: _xdg("XDG_DESKTOP_DIR", "Desktop"),
        SpecialFolder.DesktopDirectory: _xdg("XDG_DESKTOP_DIR", "Desktop"),
        SpecialFolder.Templates: _xdg("XDG_TEMPLATES_DIR", "Templates"),
        SpecialFolder.MyVideos: _xdg("XDG_VIDEOS_DIR", "Videos"),
        SpecialFolder.MyMusic: _xdg("XDG_MUSIC_DIR", "Music"),
        SpecialFolder.MyPictures: _xdg("XDG_PICTURES_DIR", "Pictures"),
        SpecialFolder.Fonts: os.path.join(home, ".fonts"),
        SpecialFolder.CommonApplicationData: "/usr/share",
        SpecialFolder.CommonTemplates: "/usr/share/templates",
    }
    return table.get(f, "")


def _target(target: Any) -> Any:
    return EnvironmentVariableTarget.Process if target is None else \
        _enum_arg(EnvironmentVariableTarget, target, "target")


def _get_env(variable: Any, target: Any = None) -> str | None:
    if variable is None:
        raise ArgumentNullException("Value cannot be null. (Parameter 'variable')")
    if _target(target) != EnvironmentVariableTarget.Process:
        return None
    return os.environ.get(_s(variable))


def _set_env(variable: Any, value: Any, target: Any = None) -> None:
    if variable is None:
        raise ArgumentNullException("Value cannot be null. (Parameter 'variable')")
    name = _s(variable)
    if not name:
        raise ArgumentException("String cannot be of zero length. (Parameter 'variable')")
    if "=" in name or "\x00" in name:
        raise ArgumentException("Environment variable name cannot contain equal character. (Parameter 'variable')")
    if _target(target) != EnvironmentVariableTarget.Process:
        return
    if value is None or _s(value) == "":
        os.environ.pop(name, None)
    else:
        os.environ[name] = _s(value)


def _get_env_all(target: Any = None) -> Any:
    from .pscollections import Hashtable
    if _target(target) != EnvironmentVariableTarget.Process:
        return Hashtable()
    return Hashtable(dict(os.environ))


def _expand_env(name: Any) -> str:
    import re
    if name is None:
        raise ArgumentNullException("Value cannot be null. (Parameter 'name')")
    return re.sub(r"%([^%]+)%", lambda m: os.environ.get(m.group(1), m.group(0)), _s(name))


def _tick_count() -> int:
    ms = int(time.monotonic() * 1000)
    return ((ms + 2 ** 31) % 2 ** 32) - 2 ** 31


def _processor_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _exit(*args: Any) -> None:
    raise NotSupportedException("[Environment]::Exit is not supported in o365shell; use 'exit <code>' instead.")


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return str(os.geteuid())


def _runtime_version() -> Any:
    from .netlib.version import Version
    return Version(8, 0, 0)


def _set_cwd(path: Any) -> None:
    from .dotnet_io import Directory
    Directory.SetCurrentDirectory(path)


class Environment:
    """System.Environment: facts about the process, user and machine; environment variables."""

    __ps_typename__ = "System.Environment"

    NewLine = "\n"
    MachineName = StaticProperty(lambda: socket.gethostname().split(".")[0])
    UserName = StaticProperty(_user_name)
    UserDomainName = StaticProperty(lambda: socket.gethostname().split(".")[0])
    OSVersion = StaticProperty(OperatingSystem)
    ProcessorCount = StaticProperty(_processor_count)
    Is64BitOperatingSystem = StaticProperty(lambda: platform.machine().endswith("64"))
    Is64BitProcess = sys.maxsize > 2 ** 32
    CurrentDirectory = SettableStaticProperty(os.getcwd, _set_cwd)
    CommandLine = StaticProperty(lambda: " ".join(sys.argv))
    TickCount = StaticProperty(_tick_count)
    TickCount64 = StaticProperty(lambda: N.Int64(int(time.monotonic() * 1000)))
    ProcessId = StaticProperty(os.getpid)
    ProcessPath = StaticProperty(lambda: sys.executable)
    SystemDirectory = ""
    UserInteractive = True
    HasShutdownStarted = False
    SystemPageSize = StaticProperty(lambda: os.sysconf("SC_PAGESIZE") if hasattr(os, "sysconf") else 4096)
    Version = StaticProperty(_runtime_version)
    StackTrace = StaticProperty(lambda: "")
    GetEnvironmentVariable = staticmethod(_get_env)
    SetEnvironmentVariable = staticmethod(_set_env)
    GetEnvironmentVariables = staticmethod(_get_env_all)
    ExpandEnvironmentVariables = staticmethod(_expand_env)
    GetFolderPath = staticmethod(_folder_path)
    GetCommandLineArgs = staticmethod(lambda: list(sys.argv))
    GetLogicalDrives = staticmethod(lambda: ["/"])
    Exit = staticmethod(_exit)
    FailFast = staticmethod(_exit)


# ----------------------------------------------------------------------------- Thread

def _sleep(timeout: Any) -> None:
    from .netlib.timespan import TimeSpan
    if isinstance(timeout, TimeSpan):
        ms = timeout.Ticks / 10_000
    else:
        ms = float(int(timeout))
    if ms < -1:
        raise ArgumentOutOfRangeException("Number must be either non-negative and less than or equal to "
                                          "Int32.MaxValue or -1. (Parameter 'millisecondsTimeout')")
    hook = SLEEP_HOOK
    if ms == -1:
        while True:
            (hook or time.sleep)(3600.0)
    if hook is not None:
        hook(ms / 1000.0)
    else:
        time.sleep(ms / 1000.0)


class _CurrentThread:
    """System.Threading.Thread ([Threading.Thread]::CurrentThread)."""

    __ps_typename__ = "System.Threading.Thread"
    __ps_properties__ = ("ManagedThreadId", "Name", "IsAlive", "IsBackground", "CurrentCulture",
                         "CurrentUICulture")
    __slots__ = ("CurrentCulture", "CurrentUICulture", "Name", "IsBackground")

    def __init__(self) -> None:
        from .valuetypes import CultureInfo
        self.CurrentCulture: Any = CultureInfo("en-US")
        self.CurrentUICulture: Any = CultureInfo("en-US")
        self.Name: str | None = None
        self.IsBackground = False

    @property
    def ManagedThreadId(self) -> int:
        return 1

    @property
    def IsAlive(self) -> bool:
        return True


class Thread:
    """System.Threading.Thread: Sleep (honours SLEEP_HOOK) and CurrentThread."""

    __ps_typename__ = "System.Threading.Thread"

    Sleep = staticmethod(_sleep)
    CurrentThread = StaticProperty(lambda: _current_thread())
    Yield = staticmethod(lambda: True)


_CURRENT_THREAD: list[Any] = []


def _current_thread() -> Any:
    """The one (simulated) thread the shell runs on."""
    if not _CURRENT_THREAD:
        _CURRENT_THREAD.append(_CurrentThread())
    return _CURRENT_THREAD[0]


# ----------------------------------------------------------------------------- Stopwatch

def _now_ns() -> int:
    hook = TIMESTAMP_HOOK
    return int(hook()) if hook is not None else time.perf_counter_ns()


class Stopwatch:
    """System.Diagnostics.Stopwatch: measures elapsed time (nanosecond ticks, as .NET on Linux)."""

    __ps_typename__ = "System.Diagnostics.Stopwatch"
    __ps_properties__ = ("IsRunning", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks")
    __ps_statics__ = ("Frequency", "IsHighResolution")

    Frequency = N.Int64(1_000_000_000)
    IsHighResolution = True

    def __init__(self) -> None:
        self._elapsed = 0
        self._started: int | None = None

    @staticmethod
    def StartNew() -> "Stopwatch":
        sw = Stopwatch()
        sw.Start()
        return sw

    @staticmethod
    def GetTimestamp() -> int:
        return N.Int64(_now_ns())

    def Start(self) -> None:
        if self._started is None:
            self._started = _now_ns()

    def Stop(self) -> None:
        if self._started is not None:
            self._elapsed += _now_ns() - self._started
            self._started = None

    def Reset(self) -> None:
        self._elapsed = 0
        self._started = None

    def Restart(self) -> None:
        self._elapsed = 0
        self._started = _now_ns()

    def _ns(self) -> int:
        run = _now_ns() - self._started if self._started is not None else 0
        return self._elapsed + run

    @property
    def IsRunning(self) -> bool:
        return self._started is not None

    @property
    def ElapsedTicks(self) -> int:
        return N.Int64(self._ns())

    @property
    def ElapsedMilliseconds(self) -> int:
        return N.Int64(self._ns() // 1_000_000)

    @property
    def Elapsed(self) -> Any:
        from .netlib.timespan import TimeSpan
        return TimeSpan(self._ns() // 100)

    def ToString(self) -> str:
        return self.Elapsed.ToString()


# ----------------------------------------------------------------------------- ServicePointManager

def _protocol(v: Any) -> Any:
    if isinstance(v, str):
        total = 0
        for part in v.split(","):
            if part.strip():
                total |= int(_enum_arg(SecurityProtocolType, part, "value"))
        return SecurityProtocolType(total)
    return SecurityProtocolType(int(v))


class ServicePointManager:
    """System.Net.ServicePointManager: settings scripts assign before web calls (kept, no effect offline)."""

    __ps_typename__ = "System.Net.ServicePointManager"

    SecurityProtocol = _setting(SecurityProtocolType.SystemDefault, lambda v: _protocol(v))
    Expect100Continue = _setting(True, bool)
    DefaultConnectionLimit = _setting(2, int)
    CheckCertificateRevocationList = _setting(False, bool)
    ServerCertificateValidationCallback = _setting(None)


# ----------------------------------------------------------------------------- registration

def _static_type(cls: type, *aliases: str, ctor: Callable[..., Any] | None = None,
                 statics: dict[str, Any] | None = None) -> PSType:
    table = statics if statics is not None else statics_of(cls)
    return register(PSType(cls.__ps_typename__, cls, ctor=ctor,  # type: ignore[attr-defined]
                           statics=lambda table=table: dict(table)), *aliases)


def register_statics() -> None:
    """Register every class of this module family in the type table (``types.register``)."""
    from . import dotnet_convert as convert
    from . import dotnet_io as io
    from . import dotnet_misc as misc
    from . import dotnet_net as net
    from . import dotnet_uri as uri
    from . import dotnet_text as text
    _static_type(Environment)
    _static_type(misc.Console)
    _static_type(Thread)
    _static_type(Stopwatch, ctor=Stopwatch, statics={"StartNew": Stopwatch.StartNew,
                                                     "GetTimestamp": Stopwatch.GetTimestamp,
                                                     "Frequency": Stopwatch.Frequency,
                                                     "IsHighResolution": True})
    _static_type(misc.Random, ctor=misc.Random, statics={"Shared": StaticProperty(misc.shared_random)})
    _static_type(ServicePointManager)
    _static_type(io.Path)
    _static_type(io.File)
    _static_type(io.Directory)
    _static_type(convert.Convert)
    _static_type(convert.BitConverter)
    _static_type(text.Encoding, statics=text.ENCODING_STATICS)
    _static_type(text.UTF8Encoding, ctor=text.UTF8Encoding, statics={})
    _static_type(text.UnicodeEncoding, ctor=text.UnicodeEncoding, statics={})
    _static_type(text.UTF32Encoding, ctor=text.UTF32Encoding, statics={})
    _static_type(text.ASCIIEncoding, ctor=text.ASCIIEncoding, statics={})
    register(PSType(net.IPAddress.__ps_typename__, net.IPAddress, ctor=net.IPAddress,
                    converter=_ip_convert, statics=lambda: dict(net.IP_STATICS)), "ipaddress")
    register(PSType(net.MailAddress.__ps_typename__, net.MailAddress, ctor=net.MailAddress,
                    converter=lambda v: v if isinstance(v, net.MailAddress) else net.MailAddress(v),
                    statics=lambda: {}), "mailaddress")
    register(PSType(uri.Uri.__ps_typename__, uri.Uri, ctor=uri.Uri,
                    converter=lambda v: v if isinstance(v, uri.Uri) else uri.Uri(v),
                    statics=lambda: dict(uri.URI_STATICS)), "uri")
    _static_type(uri.HttpUtility)
    _static_type(uri.WebUtility)
    from . import dotnet_reflection as reflection
    from .types import register_class
    register_class(reflection.AssemblyName, ctor=reflection.AssemblyName)
    _static_type(reflection.Assembly, statics={"LoadWithPartialName": reflection.Assembly.LoadWithPartialName,
                                               "Load": reflection.Assembly.Load,
                                               "LoadFrom": reflection.Assembly.LoadFrom,
                                               "LoadFile": reflection.Assembly.LoadFile})


def _ip_convert(v: Any) -> Any:
    from .dotnet_net import IPAddress
    if isinstance(v, IPAddress):
        return v
    if isinstance(v, str):
        return IPAddress.Parse(v)
    return IPAddress(v)
