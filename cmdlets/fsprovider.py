"""The FileSystem provider behind the Microsoft.PowerShell.Management cmdlets, as pwsh 7.4
behaves on Linux: path resolution (relative to ``ctx.location``, ``~``, ``\\`` accepted as a
separator, provider-qualified ``Microsoft.PowerShell.Core\\FileSystem::`` paths, wildcards)
and the small Alias / Env / Function / Variable drives. The FileInfo / DirectoryInfo objects
Get-Item and Get-ChildItem return, with their directory-listing view, are in ``fsitems.py``.

Windows admin scripts write their reports to ``C:\\temp\\report.csv`` or ``D:\\x.csv``: the
``C:`` and ``D:`` FileSystem drives (:data:`SANDBOX_DRIVES`) are rooted at a sandbox folder per
drive, ``platformdirs.user_data_dir("o365shell")/drives/C`` (the base folder can be set with
``$O365SHELL_DRIVES``), created the first time a path on the drive is used. ``Temp:`` is the
temporary directory, as in pwsh.

Errors are raised as :class:`PathError` (message, error id, category, exception type) and
turned into ErrorRecords by the cmdlets, which know their own names.
"""
from __future__ import annotations

import os
import re
import tempfile
from typing import Any

from o365shell.engine.errors import (
    DriveNotFoundException,
    ErrorCategory,
    ItemNotFoundException,
)
from o365shell.engine.netlib import wildcard as W

FS_PROVIDER = "Microsoft.PowerShell.Core\\FileSystem"
FS_PREFIX = FS_PROVIDER + "::"
#: Drives other than the file system root, lower-case name -> (display name, provider name)
DRIVES = {"alias": ("Alias", "Alias"), "env": ("Env", "Environment"), "function": ("Function", "Function"),
          "temp": ("Temp", "FileSystem"), "variable": ("Variable", "Variable"),
          "c": ("C", "FileSystem"), "d": ("D", "FileSystem")}
#: Windows drive letters that exist here, each rooted at a sandbox folder (see the module docstring).
SANDBOX_DRIVES = ("C", "D")
DRIVES_ENV = "O365SHELL_DRIVES"


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


def drives_base() -> str:
    """The folder holding the sandbox folders of the C: and D: drives ($O365SHELL_DRIVES overrides it)."""
    base = os.environ.get(DRIVES_ENV)
    if base:
        return os.path.abspath(os.path.expanduser(base))
    import platformdirs
    return os.path.join(platformdirs.user_data_dir("o365shell", appauthor=False), "drives")


def is_fs_drive(drive: str | None) -> bool:
    """Whether a (lower-case) drive name is a FileSystem drive: Temp, C or D."""
    return drive == "temp" or (drive is not None and drive.upper() in SANDBOX_DRIVES)


def fs_drive_root(drive: str, create: bool = True) -> str:
    """The real folder a FileSystem drive (temp, c, d) is rooted at; a sandbox drive's folder is
    created on first use unless ``create`` is False."""
    if drive == "temp":
        return tempfile.gettempdir().rstrip("/") or "/"
    root = os.path.join(drives_base(), drive.upper())
    if create:
        try:
            os.makedirs(root, exist_ok=True)
        except OSError as e:
            raise PathError(f"Cannot create the folder '{root}' for the {drive.upper()}: drive: {e.strerror}.",
                            "DriveRootNotCreated", ErrorCategory.WriteError, ItemNotFoundException, root) from None
    return root


def absolute(ctx: Any, path: str) -> str:
    """A file-system path made absolute against the current location ('.' and '..' collapsed).

    Raises PathError for a drive that is not the file system (or does not exist)."""
    p = strip_provider(str(path))
    drive, rest = split_drive(p)
    if drive is not None:
        if is_fs_drive(drive):  # '..' cannot leave the drive's root (C:\.. is C:\)
            p = fs_drive_root(drive).rstrip("/") + os.path.normpath("/" + rest)
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
    if drive is not None and not is_fs_drive(drive) and drive in DRIVES:
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
