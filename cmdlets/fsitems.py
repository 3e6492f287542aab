"""The FileSystem provider's items: FileSystemInfo / FileInfo / DirectoryInfo as Get-Item and
Get-ChildItem return them (with the PS* note properties), directory listing and walking, and
the FileSystemTypes directory-listing view."""
from __future__ import annotations

import datetime as _pydt
import os
import stat as _stat
from collections.abc import Iterator
from typing import Any

from o365shell.engine.netlib import wildcard as W
from o365shell.engine.netlib.datetime import DateTime, DateTimeKind

from .fsprovider import FS_PREFIX, FS_PROVIDER, _is_hidden, _name_key, display_dir, extension_of, normalize


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
