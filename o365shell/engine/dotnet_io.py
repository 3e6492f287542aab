"""System.IO.Path, System.IO.File and System.IO.Directory as .NET 8 behaves on Linux
(``/`` is the only separator; relative paths resolve against the process directory, as
they do in pwsh), with .NET's exception types and messages (registered by
``dotnetstatics.register_statics``).
"""
from __future__ import annotations

import os
import re
import secrets
import shutil
import tempfile
from typing import Any, Callable, Iterable

from .dotnet_text import UTF8Encoding, UnicodeEncoding, UTF32Encoding, byte_array, get_encoding, to_bytes
from .netlib import numbers as N
from .netlib.exceptions import (ArgumentException, ArgumentNullException, DirectoryNotFoundException,
                                FileNotFoundException, IOException, UnauthorizedAccessException)

__all__ = ["Path", "File", "Directory", "DirectoryInfo", "full_path"]

_UTF8_NO_BOM = UTF8Encoding(False)


def _s(v: Any) -> str:
    if isinstance(v, str):
        return str(v)
    from .conversion import to_string
    return to_string(v)


def _check(path: Any, name: str = "path") -> str:
    if path is None:
        raise ArgumentNullException(f"Value cannot be null. (Parameter '{name}')")
    p = _s(path)
    if p == "":
        raise ArgumentException(f"The value cannot be an empty string. (Parameter '{name}')")
    if "\x00" in p:
        raise ArgumentException(f"Null character in path. (Parameter '{name}')")
    return p


def full_path(path: Any, name: str = "path") -> str:
    """``Path.GetFullPath``: absolute, '.' and '..' collapsed, trailing separator kept."""
    p = _check(path, name)
    if len(p) > 2 and p[1] == ":" and p[0].isalpha() and p[2] in "\\/":
        # a Windows drive path (C:\temp\x.csv): the shell's C:/D: drives map it into their sandbox
        from .runtime import current_session
        session = current_session()
        if session is not None:
            return session.filesystem_path(p)
    joined = p if p.startswith("/") else os.path.join(os.getcwd(), p)
    out = os.path.normpath(joined)
    if out.startswith("//"):
        out = "/" + out.lstrip("/")
    if p.endswith("/") and out != "/":
        out += "/"
    return out


def _io_error(e: OSError, full: str) -> Exception:
    """The .NET exception for an OSError on ``full``."""
    if isinstance(e, FileNotFoundError):
        parent = os.path.dirname(full.rstrip("/")) or "/"
        if os.path.isdir(parent):
            err = FileNotFoundException(f"Could not find file '{full}'.")
            err.FileName = full  # type: ignore[attr-defined]
            return err
        return DirectoryNotFoundException(f"Could not find a part of the path '{full}'.")
    if isinstance(e, NotADirectoryError):
        return DirectoryNotFoundException(f"Could not find a part of the path '{full}'.")
    if isinstance(e, (PermissionError, IsADirectoryError)):
        return UnauthorizedAccessException(f"Access to the path '{full}' is denied.")
    if isinstance(e, FileExistsError):
        return IOException(f"The file '{full}' already exists.")
    return IOException(f"{e.strerror or e} : '{full}'")


def _run(full: str, fn: Callable[[], Any]) -> Any:
    try:
        return fn()
    except OSError as e:
        raise _io_error(e, full) from None


# ----------------------------------------------------------------------------- Path

def _combine(*parts: Any) -> str:
    items = _flatten(parts)
    out = ""
    for i, p in enumerate(items):
        if p is None:
            raise ArgumentNullException(f"Value cannot be null. (Parameter 'path{i + 1}')")
        p = _s(p)
        if not p:
            continue
        if p.startswith("/") or not out:
            out = p
        else:
            out = out + p if out.endswith("/") else out + "/" + p
    return out


def _join(*parts: Any) -> str:
    out = ""
    for p in _flatten(parts):
        p = "" if p is None else _s(p)
        if not p:
            continue
        if not out:
            out = p
        elif out.endswith("/") or p.startswith("/"):
            out += p
        else:
            out += "/" + p
    return out


def _flatten(parts: Iterable[Any]) -> list[Any]:
    items: list[Any] = []
    for p in parts:
        if isinstance(p, (list, tuple)):
            items.extend(p)
        else:
            items.append(p)
    return items


def _file_name(path: Any) -> str | None:
    if path is None:
        return None
    p = _s(path)
    return p[p.rfind("/") + 1:]


def _name_without_ext(path: Any) -> str | None:
    name = _file_name(path)
    if name is None:
        return None
    dot = name.rfind(".")
    return name if dot < 0 else name[:dot]


def _extension(path: Any) -> str | None:
    name = _file_name(path)
    if name is None:
        return None
    dot = name.rfind(".")
    if dot < 0 or dot == len(name) - 1:
        return ""
    return name[dot:]


def _directory_name(path: Any) -> str | None:
    if path is None:
        return None
    p = _s(path)
    if p == "" or p.strip("/") == "":
        return None
    cut = p.rfind("/")
    if cut < 0:
        return ""
    head = p[:cut].rstrip("/")
    head = re.sub("/+", "/", head)
    return head if head else "/"


def _change_extension(path: Any, ext: Any) -> str | None:
    if path is None:
        return None
    p = _s(path)
    name_start = p.rfind("/") + 1
    dot = p.rfind(".")
    base = p[:dot] if dot >= name_start else p
    if ext is None:
        return base
    e = _s(ext)
    if not e:
        return base + "."
    return base + (e if e.startswith(".") else "." + e)


def _temp_path() -> str:
    t = os.environ.get("TMPDIR") or "/tmp/"
    return t if t.endswith("/") else t + "/"


def _temp_file_name() -> str:
    fd, name = tempfile.mkstemp(prefix="tmp", suffix=".tmp", dir=_temp_path())
    os.close(fd)
    return name


_B32 = "abcdefghijklmnopqrstuvwxyz012345"


def _random_file_name() -> str:
    chars = "".join(_B32[b & 31] for b in secrets.token_bytes(11))
    return chars[:8] + "." + chars[8:]


def _relative(relative_to: Any, path: Any) -> str:
    a = full_path(relative_to, "relativeTo")
    b = full_path(path)
    rel = os.path.relpath(b, a)
    if b.endswith("/") and rel != "." and not rel.endswith("/"):
        rel += "/"
    return rel


class Path:
    """System.IO.Path: path string operations (Unix rules: '/' separates, backslash is a file-name character)."""

    __ps_typename__ = "System.IO.Path"

    DirectorySeparatorChar = N.Char("/")
    AltDirectorySeparatorChar = N.Char("/")
    VolumeSeparatorChar = N.Char("/")
    PathSeparator = N.Char(":")
    Combine = staticmethod(_combine)
    Join = staticmethod(_join)
    GetFileName = staticmethod(_file_name)
    GetFileNameWithoutExtension = staticmethod(_name_without_ext)
    GetExtension = staticmethod(_extension)
    GetDirectoryName = staticmethod(_directory_name)
    GetFullPath = staticmethod(lambda path, base_path=None: full_path(
        path if base_path is None or _s(path).startswith("/") else _combine(base_path, path)))
    GetTempPath = staticmethod(_temp_path)
    GetTempFileName = staticmethod(_temp_file_name)
    GetRandomFileName = staticmethod(_random_file_name)
    IsPathRooted = staticmethod(lambda path: path is not None and _s(path).startswith("/"))
    IsPathFullyQualified = staticmethod(lambda path: _check(path).startswith("/"))
    ChangeExtension = staticmethod(_change_extension)
    HasExtension = staticmethod(lambda path: bool(_extension(path)))
    GetPathRoot = staticmethod(lambda path: None if path is None else ("/" if _s(path).startswith("/") else ""))
    GetRelativePath = staticmethod(_relative)
    Exists = staticmethod(lambda path: path is not None and _s(path) != "" and os.path.exists(full_path(path)))
    EndsInDirectorySeparator = staticmethod(lambda path: path is not None and _s(path).endswith("/"))
    TrimEndingDirectorySeparator = staticmethod(
        lambda path: None if path is None else (_s(path).rstrip("/") or "/" if _s(path).startswith("/")
                                                else _s(path).rstrip("/")))
    GetInvalidFileNameChars = staticmethod(lambda: [N.Char("\x00"), N.Char("/")])
    GetInvalidPathChars = staticmethod(lambda: [N.Char("\x00")])


# ----------------------------------------------------------------------------- File

def _detect_decode(data: bytes, encoding: Any = None) -> str:
    """Decode file bytes as StreamReader does: a byte-order mark wins, else ``encoding`` (UTF-8)."""
    boms = ((b"\xef\xbb\xbf", UTF8Encoding(True)), (b"\xff\xfe\x00\x00", UTF32Encoding()),
            (b"\xff\xfe", UnicodeEncoding()), (b"\xfe\xff", UnicodeEncoding(True)),
            (b"\x00\x00\xfe\xff", UTF32Encoding(True)))
    for bom, bom_enc in boms:
        if data.startswith(bom):
            return bom_enc.decode(data[len(bom):])
    enc: Any = _UTF8_NO_BOM if encoding is None else get_encoding(encoding)
    return enc.decode(data)


def _read_bytes(path: Any) -> bytes:
    full = full_path(path)

    def read() -> bytes:
        with open(full, "rb") as f:
            return f.read()
    return _run(full, read)


def _write(path: Any, data: bytes, append: bool = False, encoding: Any = None) -> None:
    full = full_path(path)

    def write() -> None:
        with open(full, "ab" if append else "wb") as f:
            if encoding is not None and (not append or f.tell() == 0):
                f.write(get_encoding(encoding).preamble())
            f.write(data)
    _run(full, write)


def _encode(text: str, encoding: Any) -> bytes:
    return (_UTF8_NO_BOM if encoding is None else get_encoding(encoding)).encode(text)


def _split_lines(text: str) -> list[str]:
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def _lines_text(lines: Any) -> str:
    if lines is None:
        raise ArgumentNullException("Value cannot be null. (Parameter 'contents')")
    if isinstance(lines, str):
        lines = [lines]
    return "".join(("" if ln is None else _s(ln)) + "\n" for ln in lines)


def _exists_file(path: Any) -> bool:
    if path is None:
        return False
    p = _s(path)
    if not p or "\x00" in p:
        return False
    return os.path.isfile(full_path(p))


def _delete_file(path: Any) -> None:
    full = full_path(path)
    if os.path.isdir(full):
        raise UnauthorizedAccessException(f"Access to the path '{full}' is denied.")
    parent = os.path.dirname(full.rstrip("/")) or "/"
    if not os.path.isdir(parent):
        raise DirectoryNotFoundException(f"Could not find a part of the path '{full}'.")
    if os.path.lexists(full):
        _run(full, lambda: os.remove(full))


def _copy_or_move(src: Any, dst: Any, overwrite: Any, move: bool) -> None:
    s = full_path(src, "sourceFileName")
    d = full_path(dst, "destFileName")
    if not os.path.isfile(s):
        if os.path.isdir(s):
            raise UnauthorizedAccessException(f"Access to the path '{s}' is denied.")
        raise _io_error(FileNotFoundError(2, "No such file", s), s)
    if os.path.exists(d) and not overwrite:
        raise IOException(f"The file '{d}' already exists.")
    if os.path.isdir(d):
        raise UnauthorizedAccessException(f"Access to the path '{d}' is denied.")
    if move:
        _run(d, lambda: shutil.move(s, d))
    else:
        _run(d, lambda: shutil.copyfile(s, d))


def _file_time(path: Any, attr: str, utc: bool) -> Any:
    from .netlib.datetime import DateTime
    full = full_path(path)
    try:
        st = os.stat(full)
        ns = getattr(st, attr)
    except OSError:
        ns = None
    if ns is None:
        ft = 0
    else:
        ft = int(ns) // 100 + 116_444_736_000_000_000
    return DateTime.FromFileTimeUtc(ft) if utc else DateTime.FromFileTime(ft)


class File:
    """System.IO.File: whole-file reads and writes (UTF-8 without BOM unless an encoding is given)."""

    __ps_typename__ = "System.IO.File"

    Exists = staticmethod(_exists_file)
    ReadAllText = staticmethod(lambda path, encoding=None: _detect_decode(_read_bytes(path), encoding))
    ReadAllLines = staticmethod(lambda path, encoding=None: _split_lines(_detect_decode(_read_bytes(path),
                                                                                        encoding)))
    ReadLines = ReadAllLines
    ReadAllBytes = staticmethod(lambda path: byte_array(_read_bytes(path)))
    WriteAllText = staticmethod(lambda path, contents, encoding=None: _write(
        path, _encode("" if contents is None else _s(contents), encoding), False, encoding))
    WriteAllLines = staticmethod(lambda path, contents, encoding=None: _write(
        path, _encode(_lines_text(contents), encoding), False, encoding))
    AppendAllText = staticmethod(lambda path, contents, encoding=None: _write(
        path, _encode("" if contents is None else _s(contents), encoding), True, encoding))
    AppendAllLines = staticmethod(lambda path, contents, encoding=None: _write(
        path, _encode(_lines_text(contents), encoding), True, encoding))
    WriteAllBytes = staticmethod(lambda path, bytes_: _write(path, to_bytes(bytes_)))
    Delete = staticmethod(_delete_file)
    Copy = staticmethod(lambda src, dst, overwrite=False: _copy_or_move(src, dst, overwrite, False))
    Move = staticmethod(lambda src, dst, overwrite=False: _copy_or_move(src, dst, overwrite, True))
    GetLastWriteTime = staticmethod(lambda path: _file_time(path, "st_mtime_ns", False))
    GetLastWriteTimeUtc = staticmethod(lambda path: _file_time(path, "st_mtime_ns", True))
    GetLastAccessTime = staticmethod(lambda path: _file_time(path, "st_atime_ns", False))
    GetCreationTime = staticmethod(lambda path: _file_time(path, "st_ctime_ns", False))


# ----------------------------------------------------------------------------- Directory

class DirectoryInfo:
    """System.IO.DirectoryInfo (what Directory.CreateDirectory returns): a directory path and its facts."""

    __ps_typename__ = "System.IO.DirectoryInfo"
    __ps_properties__ = ("Name", "FullName", "Parent", "Exists", "Root", "Extension")

    def __init__(self, path: Any) -> None:
        self._orig = _check(path)
        self._full = full_path(self._orig)

    @property
    def FullName(self) -> str:
        return self._full

    @property
    def Name(self) -> str:
        stripped = self._full.rstrip("/")
        return stripped[stripped.rfind("/") + 1:] if stripped else "/"

    @property
    def Extension(self) -> str:
        return _extension(self.Name) or ""

    @property
    def Exists(self) -> bool:
        return os.path.isdir(self._full)

    @property
    def Parent(self) -> "DirectoryInfo | None":
        parent = _directory_name(self._full.rstrip("/") or "/")
        return DirectoryInfo(parent) if parent else None

    @property
    def Root(self) -> "DirectoryInfo":
        return DirectoryInfo("/")

    def Create(self) -> None:
        _create_directory(self._full)

    def Delete(self, recursive: Any = False) -> None:
        _delete_directory(self._full, recursive)

    def ToString(self) -> str:
        return self._orig

    def __str__(self) -> str:
        return self._orig

    def __repr__(self) -> str:
        return f"DirectoryInfo({self._full!r})"


def _create_directory(path: Any) -> DirectoryInfo:
    full = full_path(path)
    if os.path.exists(full) and not os.path.isdir(full):
        raise IOException(f"The file '{full}' already exists.")
    _run(full, lambda: os.makedirs(full, exist_ok=True))
    return DirectoryInfo(path)


def _delete_directory(path: Any, recursive: Any = False) -> None:
    full = full_path(path)
    if not os.path.isdir(full):
        if os.path.exists(full):
            raise IOException(f"The directory name is invalid. : '{full}'")
        raise DirectoryNotFoundException(f"Could not find a part of the path '{full}'.")
    if recursive:
        _run(full, lambda: shutil.rmtree(full))
    elif os.listdir(full):
        raise IOException(f"Directory not empty : '{full}'")
    else:
        _run(full, lambda: os.rmdir(full))


def _pattern(pattern: Any) -> "re.Pattern[str]":
    p = "*" if pattern is None else _s(pattern)
    if p in ("*.*", ""):
        p = "*"
    body = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in p)
    return re.compile(body + r"\Z", re.S)


def _search_option(option: Any) -> bool:
    if option is None:
        return False
    if isinstance(option, str):
        return option.strip().lower() == "alldirectories"
    return int(option) == 1


def _entries(path: Any, pattern: Any, option: Any, files: bool, dirs: bool) -> list[str]:
    given = _check(path)
    full = full_path(given)
    if not os.path.isdir(full):
        raise DirectoryNotFoundException(f"Could not find a part of the path '{full}'.")
    rx = _pattern(pattern)
    recurse = _search_option(option)
    out: list[str] = []

    def scan(real: str, shown: str) -> None:
        try:
            names = sorted(os.listdir(real))
        except OSError as e:
            raise _io_error(e, real) from None
        for name in names:
            r = os.path.join(real, name)
            s = _join(shown, name)
            is_dir = os.path.isdir(r)
            if ((files and not is_dir) or (dirs and is_dir)) and rx.match(name):
                out.append(s)
            if recurse and is_dir and not os.path.islink(r):
                scan(r, s)
    scan(full, given)
    return out


def _parent(path: Any) -> DirectoryInfo | None:
    full = full_path(path).rstrip("/") or "/"
    parent = _directory_name(full)
    return DirectoryInfo(parent) if parent else None


def _move_directory(src: Any, dst: Any) -> None:
    s = full_path(src, "sourceDirName")
    d = full_path(dst, "destDirName")
    if not os.path.exists(s):
        raise DirectoryNotFoundException(f"Could not find a part of the path '{s}'.")
    if os.path.exists(d):
        raise IOException(f"Cannot create '{d}' because a file or directory with the same name already exists.")
    _run(s, lambda: os.rename(s, d))


class Directory:
    """System.IO.Directory: create, list and delete directories."""

    __ps_typename__ = "System.IO.Directory"

    Exists = staticmethod(lambda path: path is not None and _s(path) != "" and os.path.isdir(full_path(path)))
    CreateDirectory = staticmethod(_create_directory)
    GetFiles = staticmethod(lambda path, pattern=None, option=None: _entries(path, pattern, option, True, False))
    GetDirectories = staticmethod(lambda path, pattern=None, option=None: _entries(path, pattern, option,
                                                                                   False, True))
    GetFileSystemEntries = staticmethod(lambda path, pattern=None, option=None: _entries(path, pattern, option,
                                                                                         True, True))
    EnumerateFiles = GetFiles
    EnumerateDirectories = GetDirectories
    EnumerateFileSystemEntries = GetFileSystemEntries
    Delete = staticmethod(_delete_directory)
    Move = staticmethod(_move_directory)
    GetCurrentDirectory = staticmethod(os.getcwd)
    SetCurrentDirectory = staticmethod(lambda path: _run(full_path(path), lambda: os.chdir(full_path(path))))
    GetParent = staticmethod(_parent)
    GetDirectoryRoot = staticmethod(lambda path: "/")
    GetLastWriteTime = staticmethod(lambda path: _file_time(path, "st_mtime_ns", False))
    GetLogicalDrives = staticmethod(lambda: ["/"])
