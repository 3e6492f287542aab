"""The FileSystem provider behind the Microsoft.PowerShell.Management cmdlets, as pwsh 7.4
behaves on Linux: path resolution (relative to ``ctx.location``, ``~``, ``\\`` accepted as a
separator, provider-qualified ``Microsoft.PowerShell.Core\\FileSystem::`` paths, wildcards),
the FileInfo / DirectoryInfo objects Get-Item and Get-ChildItem return with their
directory-listing view, and the small Alias / Env / Function / Variable drives.

Errors are raised as :class:`PathError` (message, error id, category, exception type) and
turned into ErrorRecords by the cmdlets, which know their own names.
"""
from __future__ import annotations

import datetime as _pydt
import os
import re
import stat as _stat
import tempfile
from collections.abc import Iterator
from typing import Any

from o365shell.engine.errors import (
    DriveNotFoundException,
    ErrorCategory,
    ItemNotFoundException,
)
from o365shell.engine.netlib import wildcard as W
from o365shell.engine.netlib.datetime import DateTime, DateTimeKind

FS_PROVIDER = "Microsoft.PowerShell.Core\\FileSystem"
FS_PREFIX = FS_PROVIDER + "::"
#: Drives other than the file system root, lower-case name -> (display name, provider name)
DRIVES = {"alias": ("Alias", "Alias"), "env": ("Env", "Environment"), "function": ("Function", "Function"),
          "temp": ("Temp", "FileSystem"), "variable": ("Variable", "Variable")}


class PathError(Exception):
    """A provider failure a cmdlet reports as an error record."""

    def __init__(self, message: str, error_id: str, category: ErrorCategory, exc_type: type,
                 target: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.error_id = error_id
        self.category = category
        self.exc_type = exc_type
        self.target = target


def not_found(full: str) -> PathError:
    """pwsh's "Cannot find path '...' because it does not exist." (ItemNotFoundException)."""
    return PathError(f"Cannot find path '{full}' because it does not exist.", "PathNotFound",
                     ErrorCategory.ObjectNotFound, ItemNotFoundException, full)


def drive_not_found(name: str) -> PathError:
    return PathError(f"Cannot find drive. A drive with the name '{name}' does not exist.", "DriveNotFound",
                     ErrorCategory.ObjectNotFound, DriveNotFoundException, name)


def ps_properties(cls: type) -> type:
    """Class decorator: make the names in ``__ps_properties__`` that the instances set in
    ``__init__`` visible as properties (the engine's adapter reads class attributes only)."""
    for name in getattr(cls, "__ps_properties__", ()):
        if not any(name in vars(k) for k in cls.__mro__):
            setattr(cls, name, None)
    return cls


# ----------------------------------------------------------------------------- path text

_DRIVE_RX = re.compile(r"^([A-Za-z][A-Za-z0-9_]*):(.*)\Z", re.DOTALL)


def strip_provider(path: str) -> str:
    """Drop a ``Microsoft.PowerShell.Core\\FileSystem::`` / ``FileSystem::`` qualifier."""
    low = path.lower()
    for prefix in (FS_PREFIX.lower(), "filesystem::"):
        if low.startswith(prefix):
            return path[len(prefix):]
    return path


def split_drive(path: str) -> tuple[str | None, str]:
    """``Env:\\HOME`` -> ("env", "HOME"); a plain file-system path -> (None, path)."""
    m = _DRIVE_RX.match(path)
    if not m:
        return None, path
    rest = m.group(2).replace("\\", "/")
    return m.group(1).lower(), rest.lstrip("/")


def normalize(path: str) -> str:
    """Separators as pwsh on Linux takes them: ``\\`` is an alternative to ``/``."""
    return path.replace("\\", "/")


def home() -> str:
    return os.path.expanduser("~")


def absolute(ctx: Any, path: str) -> str:
    """A file-system path made absolute against the current location ('.' and '..' collapsed).

    Raises PathError for a drive that is not the file system (or does not exist)."""
    p = strip_provider(str(path))
    drive, rest = split_drive(p)
    if drive is not None:
        if drive == "temp":
            p = tempfile.gettempdir() + "/" + rest
        elif drive in DRIVES:
            raise PathError(f"The path '{path}' is on the {DRIVES[drive][0]} drive, not in the file system.",
                            "NotFileSystemPath", ErrorCategory.InvalidArgument, ItemNotFoundException, path)
        else:
            raise drive_not_found(m_name(p))
    p = normalize(p)
    if p == "~" or p.startswith("~/"):
        p = home() + p[1:]
    base = getattr(ctx, "location", None) or os.getcwd()
    full = p if p.startswith("/") else os.path.join(base, p)
    full = os.path.normpath(full)
    if full.startswith("//"):
        full = "/" + full.lstrip("/")
    return full


def m_name(p: str) -> str:
    m = _DRIVE_RX.match(p)
    return m.group(1) if m else p


def display_dir(full: str) -> str:
    """The parent directory shown in the listing header (``/`` for the root)."""
    parent = os.path.dirname(full.rstrip("/")) or "/"
    return parent


# ----------------------------------------------------------------------------- wildcards

def has_wildcard(path: str) -> bool:
    return W.has_wildcard(path)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def expand(ctx: Any, path: str, *, literal: bool = False, force: bool = False) -> list[str]:
    """The existing file-system paths ``path`` names (wildcards expanded unless ``literal``).

    A path without wildcards that does not exist raises pwsh's PathNotFound error; a
    wildcard that matches nothing gives an empty list (pwsh is silent about it)."""
    if literal or not has_wildcard(strip_provider(str(path))):
        text = str(path) if literal else W.unescape(str(path))
        full = absolute(ctx, text)
        if not os.path.lexists(full):
            raise not_found(full)
        return [full]
    full = absolute(ctx, str(path))
    parts = full.split("/")[1:]
    current = ["/"]
    for i, part in enumerate(parts):
        if not part:
            continue
        nxt: list[str] = []
        if W.has_wildcard(part):
            match = W.compile_wildcard(part)
            show_hidden = force or part.startswith(".")
            for base in current:
                try:
                    names = sorted(os.listdir(base), key=_name_key)
                except OSError:
                    continue
                for n in names:
                    if match(n) and (show_hidden or not _is_hidden(n)):
                        nxt.append(os.path.join(base, n))
        else:
            name = W.unescape(part)
            for base in current:
                cand = os.path.join(base, name)
                if os.path.lexists(cand):
                    nxt.append(cand)
        current = nxt
        if not current:
            break
    return current


def extension_of(name: str) -> str:
    """Path.GetExtension: from the last '.', or '' when there is none or it ends the name."""
    i = name.rfind(".")
    return name[i:] if 0 <= i < len(name) - 1 else ""


def _name_key(n: str) -> tuple[str, str]:
    return (n.lower(), n)


def matches_any(name: str, patterns: Any) -> bool:
    return any(W.compile_wildcard(p)(name) for p in patterns)


# ----------------------------------------------------------------------------- items

def _dt(ts: float, utc: bool = False) -> DateTime:
    if utc:
        return DateTime.from_datetime(_pydt.datetime.fromtimestamp(ts, _pydt.UTC).replace(tzinfo=None),
                                      DateTimeKind.Utc)
    return DateTime.from_datetime(_pydt.datetime.fromtimestamp(ts), DateTimeKind.Local)


class FileSystemInfo:
    """System.IO.FileSystemInfo with the PS* note properties the FileSystem provider adds."""

    __ps_typename__ = "System.IO.FileSystemInfo"
    _is_dir = False

    def __init__(self, full: str) -> None:
        self._full = full
        self._st: os.stat_result | None = None

    # -- stat
    def _stat(self) -> os.stat_result | None:
        if self._st is None:
            try:
                self._st = os.lstat(self._full)
            except OSError:
                return None
        return self._st

    def _target_stat(self) -> os.stat_result | None:
        try:
            return os.stat(self._full)
        except OSError:
            return self._stat()

    def Refresh(self) -> None:
        self._st = None

    # -- provider note properties
    @property
    def PSPath(self) -> str:
        return FS_PREFIX + self._full

    @property
    def PSParentPath(self) -> str:
        return FS_PREFIX + display_dir(self._full) if self._full != "/" else ""

    @property
    def PSChildName(self) -> str:
        return self.Name

    @property
    def PSDrive(self) -> str:
        return "/"

    @property
    def PSProvider(self) -> str:
        return FS_PROVIDER

    @property
    def PSIsContainer(self) -> bool:
        return self._is_dir

    # -- names
    @property
    def Name(self) -> str:
        if self._full == "/":
            return "/"
        return os.path.basename(self._full.rstrip("/"))

    @property
    def FullName(self) -> str:
        return self._full

    @property
    def Extension(self) -> str:
        return extension_of(self.Name)

    @property
    def BaseName(self) -> str:
        n = self.Name
        if self._is_dir:
            return n
        ext = self.Extension
        return n[:-len(ext)] if ext else n

    @property
    def Exists(self) -> bool:
        return os.path.isdir(self._full) if self._is_dir else os.path.isfile(self._full)

    # -- attributes and mode
    @property
    def LinkType(self) -> str | None:
        st = self._stat()
        return "SymbolicLink" if st is not None and _stat.S_ISLNK(st.st_mode) else None

    @property
    def Target(self) -> str | None:
        return self.LinkTarget

    @property
    def LinkTarget(self) -> str | None:
        if self.LinkType:
            try:
                return os.readlink(self._full)
            except OSError:
                return None
        return None

    @property
    def Attributes(self) -> str:
        flags = []
        st = self._stat()
        if st is not None and not os.access(self._full, os.W_OK) and not self._is_dir:
            flags.append("ReadOnly")
        if _is_hidden(self.Name) and self._full != "/":
            flags.append("Hidden")
        if self._is_dir:
            flags.append("Directory")
        if self.LinkType:
            flags.append("ReparsePoint")
        return ", ".join(flags) if flags else "Normal"

    @property
    def Mode(self) -> str:
        attrs = self.Attributes
        first = "l" if "ReparsePoint" in attrs else ("d" if self._is_dir else "-")
        return (first + ("a" if "Archive" in attrs else "-") + ("r" if "ReadOnly" in attrs else "-") +
                ("h" if "Hidden" in attrs else "-") + "-")

    @property
    def ModeWithoutHardLink(self) -> str:
        return self.Mode

    @property
    def UnixMode(self) -> str:
        st = self._stat()
        return _stat.filemode(st.st_mode) if st is not None else ""

    @property
    def UnixFileMode(self) -> int:
        st = self._stat()
        return _stat.S_IMODE(st.st_mode) if st is not None else 0

    @property
    def User(self) -> str:
        st = self._stat()
        if st is None:
            return ""
        try:
            import pwd
            return pwd.getpwuid(st.st_uid).pw_name
        except (KeyError, ImportError):
            return str(st.st_uid)

    @property
    def Group(self) -> str:
        st = self._stat()
        if st is None:
            return ""
        try:
            import grp
            return grp.getgrgid(st.st_gid).gr_name
        except (KeyError, ImportError):
            return str(st.st_gid)

    @property
    def Size(self) -> int:
        st = self._stat()
        return int(st.st_size) if st is not None else 0

    # -- times
    def _time(self, attr: str, utc: bool) -> DateTime | None:
        st = self._target_stat()
        if st is None:
            return None
        if attr == "birth":
            ts = getattr(st, "st_birthtime", None) or min(st.st_ctime, st.st_mtime)
        else:
            ts = getattr(st, attr)
        return _dt(ts, utc)

    @property
    def CreationTime(self) -> DateTime | None:
        return self._time("birth", False)

    @property
    def CreationTimeUtc(self) -> DateTime | None:
        return self._time("birth", True)

    @property
    def LastAccessTime(self) -> DateTime | None:
        return self._time("st_atime", False)

    @property
    def LastAccessTimeUtc(self) -> DateTime | None:
        return self._time("st_atime", True)

    @property
    def LastWriteTime(self) -> DateTime | None:
        return self._time("st_mtime", False)

    @property
    def LastWriteTimeUtc(self) -> DateTime | None:
        return self._time("st_mtime", True)

    # -- methods
    def Delete(self) -> None:
        if self._is_dir:
            os.rmdir(self._full)
        else:
            os.remove(self._full)

    def ToString(self) -> str:
        return self._full

    def __str__(self) -> str:
        return self._full

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._full!r})"

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other._full == self._full  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._full)


_COMMON_PROPS = ("PSPath", "PSParentPath", "PSChildName", "PSDrive", "PSProvider", "PSIsContainer", "Mode",
                 "ModeWithoutHardLink")


class FileInfo(FileSystemInfo):
    """System.IO.FileInfo: a file, as Get-Item / Get-ChildItem return it."""

    __ps_typename__ = "System.IO.FileInfo"
    __ps_typenames__ = ("System.IO.FileInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject",
                        "System.Object")
    __ps_properties__ = _COMMON_PROPS + (
        "BaseName", "Target", "LinkType", "Length", "DirectoryName", "Directory", "IsReadOnly", "FullName",
        "Extension", "Name", "Exists", "CreationTime", "CreationTimeUtc", "LastAccessTime", "LastAccessTimeUtc",
        "LastWriteTime", "LastWriteTimeUtc", "LinkTarget", "UnixFileMode", "Attributes", "UnixMode", "User",
        "Group", "Size")

    @property
    def Length(self) -> int:
        st = self._target_stat()
        if st is None:
            from o365shell.engine.netlib.exceptions import FileNotFoundException
            raise FileNotFoundException(f"Could not find file '{self._full}'.")
        from o365shell.engine.netlib.numbers import Int64
        return Int64(st.st_size)

    @property
    def DirectoryName(self) -> str:
        return display_dir(self._full)

    @property
    def Directory(self) -> DirectoryInfo:
        return DirectoryInfo(display_dir(self._full))

    @property
    def IsReadOnly(self) -> bool:
        return "ReadOnly" in self.Attributes

    def CopyTo(self, dest: Any, overwrite: Any = False) -> FileInfo:
        import shutil
        target = _abs_plain(str(dest))
        if os.path.exists(target) and not overwrite:
            from o365shell.engine.netlib.exceptions import IOException
            raise IOException(f"The file '{target}' already exists.")
        shutil.copyfile(self._full, target)
        return FileInfo(target)

    def MoveTo(self, dest: Any) -> None:
        target = _abs_plain(str(dest))
        os.replace(self._full, target)
        self._full = target
        self._st = None


class DirectoryInfo(FileSystemInfo):
    """System.IO.DirectoryInfo: a directory, as Get-Item / Get-ChildItem return it."""

    __ps_typename__ = "System.IO.DirectoryInfo"
    __ps_typenames__ = ("System.IO.DirectoryInfo", "System.IO.FileSystemInfo", "System.MarshalByRefObject",
                        "System.Object")
    __ps_properties__ = _COMMON_PROPS + (
        "BaseName", "Target", "LinkType", "Parent", "Root", "FullName", "Extension", "Name", "Exists",
        "CreationTime", "CreationTimeUtc", "LastAccessTime", "LastAccessTimeUtc", "LastWriteTime",
        "LastWriteTimeUtc", "LinkTarget", "UnixFileMode", "Attributes", "UnixMode", "User", "Group", "Size")
    _is_dir = True

    @property
    def Parent(self) -> DirectoryInfo | None:
        if self._full == "/":
            return None
        return DirectoryInfo(display_dir(self._full))

    @property
    def Root(self) -> DirectoryInfo:
        return DirectoryInfo("/")

    def _children(self, pattern: Any, want: str) -> list:
        pat = "*" if pattern is None else str(pattern)
        match = W.compile_wildcard(pat)
        out: list = []
        try:
            names = sorted(os.listdir(self._full), key=_name_key)
        except OSError:
            return out
        for n in names:
            full = os.path.join(self._full, n)
            is_dir = os.path.isdir(full)
            if match(n) and ((want == "dir" and is_dir) or (want == "file" and not is_dir) or want == "all"):
                out.append(item_for(full))
        return out

    def GetFiles(self, pattern: Any = None) -> list:
        return self._children(pattern, "file")

    def GetDirectories(self, pattern: Any = None) -> list:
        return self._children(pattern, "dir")

    def GetFileSystemInfos(self, pattern: Any = None) -> list:
        return self._children(pattern, "all")

    def CreateSubdirectory(self, name: Any) -> DirectoryInfo:
        full = os.path.normpath(os.path.join(self._full, normalize(str(name))))
        os.makedirs(full, exist_ok=True)
        return DirectoryInfo(full)

    def Create(self) -> None:
        os.makedirs(self._full, exist_ok=True)


def _abs_plain(p: str) -> str:
    p = normalize(p)
    return os.path.normpath(p if p.startswith("/") else os.path.join(os.getcwd(), p))


def item_for(full: str) -> FileSystemInfo:
    """The FileInfo or DirectoryInfo for an existing path (a link to a directory is a directory)."""
    return DirectoryInfo(full) if os.path.isdir(full) else FileInfo(full)


def children(full: str, *, force: bool = False) -> list[FileSystemInfo]:
    """A directory's items as pwsh lists them: directories first, then files, each by name."""
    try:
        names = sorted(os.listdir(full), key=_name_key)
    except OSError:
        return []
    dirs: list[FileSystemInfo] = []
    files: list[FileSystemInfo] = []
    for n in names:
        if not force and _is_hidden(n):
            continue
        p = os.path.join(full, n)
        (dirs if os.path.isdir(p) else files).append(item_for(p))
    return dirs + files


def walk(full: str, *, force: bool = False, depth: int | None = None) -> Iterator[FileSystemInfo]:
    """-Recurse order: a directory's listing, then each subdirectory's (depth first)."""
    items = children(full, force=force)
    yield from items
    if depth is not None and depth <= 0:
        return
    for it in items:
        if it._is_dir and not it.LinkType:
            yield from walk(it._full, force=force, depth=None if depth is None else depth - 1)


# ----------------------------------------------------------------------------- non-file-system drive items

@ps_properties
class VariableItem:
    """System.Management.Automation.PSVariable as the Variable: drive lists it."""

    __ps_typename__ = "System.Management.Automation.PSVariable"
    __ps_properties__ = ("Name", "Value", "Description", "Options", "Visibility")

    def __init__(self, name: str, value: Any) -> None:
        self.Name = name
        self.Value = value
        self.Description = ""
        self.Options = "None"
        self.Visibility = "Public"

    def ToString(self) -> str:
        return self.Name


def visible_functions(ctx: Any) -> dict[str, Any]:
    """Lower-case name -> FunctionInfo of the functions seen from the current scope (innermost wins)."""
    for name in list(getattr(ctx, "builtin_functions", {})):
        ctx.find_function(name)  # built-in functions (mkdir) are defined on first use
    funcs: dict[str, Any] = {}
    s = ctx.scope
    while s is not None:
        for k, f in (s.functions or {}).items():
            funcs.setdefault(k, f)
        s = s.parent
    return funcs


def visible_aliases(ctx: Any) -> dict[str, str]:
    """Lower-case alias -> target of the aliases seen from the current scope, then the session's."""
    names: dict[str, str] = {}
    s = ctx.scope
    while s is not None:
        for k, t in (s.aliases or {}).items():
            names.setdefault(k, t)
        s = s.parent
    for k, t in ctx.aliases.items():
        names.setdefault(k, t)
    return names


def other_drive(path: str) -> tuple[str, str] | None:
    """(drive, name) for a path on the Alias, Env, Function or Variable drive; None for the file system."""
    drive, rest = split_drive(strip_provider(str(path)))
    if drive is not None and drive != "temp" and drive in DRIVES:
        return drive, rest
    return None


def drive_items(ctx: Any, drive: str) -> list[Any]:
    """Every item of the Alias / Env / Function / Variable drive, sorted by name."""
    from o365shell.engine.pscollections import DictionaryEntry
    if drive == "env":
        return [DictionaryEntry(k, v) for k, v in sorted(os.environ.items(), key=lambda kv: kv[0].lower())]
    if drive == "variable":
        seen: dict[str, Any] = {}
        s = ctx.scope
        while s is not None:
            for k in s.vars:
                seen.setdefault(k, s)
            s = s.parent
        try:
            from .utility_vars import PSVariable
        except ImportError:  # pragma: no cover - the Utility module is optional here
            PSVariable = None
        out = []
        for k in sorted(seen):
            if PSVariable is not None:
                out.append(PSVariable(ctx, seen[k], k))
            else:
                out.append(VariableItem(_var_display_name(k), seen[k].vars.get(k)))
        for k, name in (("pwd", "PWD"), ("host", "Host"), ("executioncontext", "ExecutionContext")):
            if k not in seen:
                out.append(VariableItem(name, ctx.get_var(k)))
        return sorted(out, key=lambda v: v.Name.lower())
    if drive == "function":
        funcs = visible_functions(ctx)
        return [funcs[k] for k in sorted(funcs)]
    if drive == "alias":
        from o365shell.engine.commandinfo import AliasInfo
        names = visible_aliases(ctx)
        out = []
        for k in sorted(names):
            target = names[k]
            resolved = ctx.resolve_command(target, allow_alias=False) if target.lower() != k else None
            out.append(AliasInfo(k, target, resolved))
        return out
    return []


_VAR_CASE = {"psversiontable": "PSVersionTable", "erroractionpreference": "ErrorActionPreference",
             "warningpreference": "WarningPreference", "verbosepreference": "VerbosePreference",
             "debugpreference": "DebugPreference", "informationpreference": "InformationPreference",
             "progresspreference": "ProgressPreference", "confirmpreference": "ConfirmPreference",
             "whatifpreference": "WhatIfPreference", "error": "Error", "home": "HOME", "pid": "PID",
             "pshome": "PSHOME", "shellid": "ShellId", "islinux": "IsLinux", "iswindows": "IsWindows",
             "ismacos": "IsMacOS", "iscoreclr": "IsCoreCLR", "formatenumerationlimit": "FormatEnumerationLimit",
             "ofs": "OFS", "maximumhistorycount": "MaximumHistoryCount", "nestedpromptlevel": "NestedPromptLevel",
             "errorview": "ErrorView", "psculture": "PSCulture", "psuiculture": "PSUICulture",
             "psedition": "PSEdition", "lastexitcode": "LASTEXITCODE", "pscommandpath": "PSCommandPath",
             "psscriptroot": "PSScriptRoot", "psdefaultparametervalues": "PSDefaultParameterValues"}


def _var_display_name(lname: str) -> str:
    return _VAR_CASE.get(lname, lname)


def drive_lookup(ctx: Any, drive: str, name: str) -> list[Any]:
    """The items of a non-file-system drive whose names match ``name`` (wildcards allowed)."""
    if name in ("", "*"):
        return drive_items(ctx, drive)
    match = W.compile_wildcard(name)
    out = []
    for it in drive_items(ctx, drive):
        n = it.Name if not hasattr(it, "Key") else it.Key
        if match(str(n)):
            out.append(it)
    return out


# ----------------------------------------------------------------------------- views

def _last_write(o: Any) -> str:
    dt = getattr(o, "LastWriteTime", None)
    if dt is None:
        return ""
    return f"{dt.ToString('d'):>10}  {dt.ToString('t'):>8}"


def _length(o: Any) -> Any:
    if getattr(o, "_is_dir", False):
        return None
    try:
        return o.Length
    except Exception:
        return None


def _name_col(o: Any) -> str:
    n = o.Name
    t = o.LinkTarget if getattr(o, "LinkType", None) else None
    return f"{n} -> {t}" if t else n


def _group(o: Any) -> str:
    full = getattr(o, "_full", None) or str(o)
    return display_dir(full)


def register_views() -> None:
    """The FileSystemTypes directory-listing view (table and list), grouped by directory."""
    try:
        from o365shell.format.views import register_list_view, register_table_view
    except ImportError:  # the formatter is optional for the engine
        return
    group = (" Directory", _group)   # group_label_line indents 3 spaces: "    Directory: /path"
    register_table_view("System.IO.FileSystemInfo",
                        [("Mode", "Mode", 7, "left"), ("LastWriteTime", _last_write, 26, "right"),
                         ("Length", _length, 14, "right"), ("Name", _name_col)], group_by=group)
    register_list_view("System.IO.FileSystemInfo",
                       ["Name", ("Length", _length), "CreationTime", "LastWriteTime", "LastAccessTime", "Mode",
                        "LinkType", "Target"], group_by=group)


register_views()
