"""Microsoft.PowerShell.Management item cmdlets: Get-Item, Get-ChildItem, New-Item,
Remove-Item, Invoke-Item (and the mkdir function). Copy-Item, Move-Item and Rename-Item are
in ``items_move.py``."""
from __future__ import annotations

import os
import shutil

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import (
    ErrorCategory,
    PSArgumentException,
    PSInvalidOperationException,
)
from o365shell.engine.netlib.exceptions import (
    DirectoryNotFoundException,
    IOException,
    UnauthorizedAccessException,
)

from . import fsitems
from . import fsprovider as fs
from .management import MGMT, PathCmdlet, _credential, _filters, _path_params


# ----------------------------------------------------------------------------- Get-Item / Get-ChildItem

@cmdlet("Get-Item", module=MGMT, aliases=("gi",), default_set="Path")
class GetItem(PathCmdlet):
    """Gets the item at the specified location.

    For a file, a FileInfo object; for a directory, a DirectoryInfo object (the directory
    itself, not its contents: use Get-ChildItem for those). Env:NAME, Variable:NAME,
    Function:NAME and Alias:NAME get those items."""

    dotnet_name = "GetItemCommand"
    help_required = ("Path",)
    Path, LiteralPath = _path_params(by_value=True)
    Filter, Include, Exclude = _filters()
    Force = Parameter(Switch, help="Also get hidden items (names starting with '.') matched by wildcards.")
    Credential = _credential()
    examples = [("Get-Item -Path ./report.csv", "The FileInfo of one file."),
                ("Get-Item ./*.csv | Select-Object Name, Length", "Name and size of each CSV file."),
                ("(Get-Item .).FullName", "The full path of the current directory.")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        paths, literal = self.path_args()
        for p in paths:
            other = fs.other_drive(p)
            if other is not None:
                drive, rest = other
                items = fs.drive_lookup(self.ctx, drive, rest)
                if not items and not fs.has_wildcard(rest):
                    self.report(fs.not_found(p))
                self.write_all(items)
                continue
            for full in self.resolved([p], literal, force=bool(self.Force)):
                self.write(fsitems.item_for(full))


@cmdlet("Get-ChildItem", module=MGMT, aliases=("gci", "ls", "dir"), default_set="Items")
class GetChildItem(PathCmdlet):
    """Gets the items and child items in one or more specified locations.

    Lists the files and directories of a directory (directories first, then files, each by
    name), grouped under a "Directory:" header. Names starting with '.' are hidden unless
    -Force. -Recurse descends into subdirectories, -File / -Directory keep only files or
    directories and -Name returns just the names. Get-ChildItem Env: lists the environment."""

    dotnet_name = "GetChildItemCommand"
    Path = Parameter(list[str], position=0, set="Items", from_pipeline=True, by_property_name=True, wildcards=True,
                     help="The directories (or files) to list; wildcards are allowed. Default: the current one.")
    LiteralPath = Parameter(list[str], mandatory=True, set="LiteralItems", by_property_name=True,
                            aliases=("PSPath", "LP"), help="The directories to list, exactly as typed.")
    Filter = Parameter(str, position=1, help="A wildcard the item names must match (e.g. *.csv).")
    Include = Parameter(list[str], help="Only items whose names match these wildcards.")
    Exclude = Parameter(list[str], help="Leave out items whose names match these wildcards.")
    Recurse = Parameter(Switch, aliases=("s", "r"), help="Also list the contents of every subdirectory.")
    Depth = Parameter("System.UInt32", help="How many levels of subdirectories -Recurse descends.")
    Force = Parameter(Switch, help="Also list hidden items (names starting with '.').")
    Name = Parameter(Switch, help="Return only the names (relative paths with -Recurse).")
    Attributes = Parameter(str, help="Only items with these attributes (Directory, Hidden, ReadOnly, ...).")
    FollowSymlink = Parameter(Switch, help="Descend into linked directories with -Recurse.")
    Directory = Parameter(Switch, aliases=("ad", "d"), help="Only directories.")
    File = Parameter(Switch, aliases=("af",), help="Only files.")
    Hidden = Parameter(Switch, aliases=("ah", "h"), help="Only hidden items.")
    ReadOnly = Parameter(Switch, aliases=("ar",), help="Only read-only items.")
    System = Parameter(Switch, aliases=("as",), help="Only system items (there are none on Linux).")
    Credential = _credential()
    examples = [("Get-ChildItem", "Lists the current directory."),
                ("Get-ChildItem -Path ./reports -Filter *.csv -Recurse", "Every CSV file under ./reports."),
                ("Get-ChildItem -File | Sort-Object Length -Descending | Select-Object -First 5",
                 "The five largest files here."),
                ("Get-ChildItem Env:", "The environment variables.")]

    def process(self) -> None:
        self.check_credential()
        paths, literal = self.path_args()
        if not paths:
            paths, literal = [self.ctx.location], True
        for p in paths:
            other = fs.other_drive(p)
            if other is not None:
                drive, rest = other
                items = fs.drive_lookup(self.ctx, drive, rest)
                if not items and rest and not fs.has_wildcard(rest):
                    self.report(fs.not_found(p))
                if self.Name:
                    self.write_all(to_string(getattr(i, "Name", i)) for i in items)
                else:
                    self.write_all(items)
                continue
            wild = not literal and fs.has_wildcard(fs.strip_provider(p))
            if wild and (self.Recurse or self.is_bound("Depth")):
                self._recurse_pattern(p)
                continue
            try:
                found = fs.expand(self.ctx, p, literal=literal, force=bool(self.Force))
            except fs.PathError as e:
                self.report(e)
                continue
            for full in found:
                if wild:  # the items a wildcard matches are listed themselves, not opened
                    item = fsitems.item_for(full)
                    if self._keep(item):
                        self.write(item.Name if self.Name else item)
                else:
                    self._list(full)

    def _recurse_pattern(self, path: str) -> None:
        """-Recurse with a wildcard leaf: the leaf filters names at every level below the parent."""
        norm = fs.normalize(fs.strip_provider(path)).rstrip("/")
        parent, _, leaf = norm.rpartition("/")
        try:
            bases = fs.expand(self.ctx, parent or ".", force=True) if parent or not norm.startswith("/") else ["/"]
        except fs.PathError as e:
            self.report(e)
            return
        from o365shell.engine.netlib.wildcard import compile_wildcard
        match = compile_wildcard(leaf)
        depth = int(self.Depth) if self.Depth is not None else None
        for base in bases:
            if not os.path.isdir(base):
                continue
            for item in fsitems.walk(base, force=bool(self.Force) or bool(self.Hidden), depth=depth):
                if match(item.Name) and self._keep(item):
                    self.write(os.path.relpath(item.FullName, base) if self.Name else item)

    def _keep(self, item: fsitems.FileSystemInfo) -> bool:
        name = item.Name
        if self.File and item._is_dir:
            return False
        if self.Directory and not item._is_dir:
            return False
        if self.Hidden and "Hidden" not in item.Attributes:
            return False
        if self.ReadOnly and "ReadOnly" not in item.Attributes:
            return False
        if self.System:
            return False
        if self.Attributes:
            want = [a.strip().lower() for a in self.Attributes.replace("+", ",").split(",") if a.strip()]
            have = item.Attributes.lower()
            if not all(w.lstrip("!") in have if not w.startswith("!") else w[1:] not in have for w in want):
                return False
        if self.Filter and not fs.matches_any(name, [self.Filter]):
            return False
        if self.Include and not fs.matches_any(name, self.Include):
            return False
        return not (self.Exclude and fs.matches_any(name, self.Exclude))

    def _list(self, full: str) -> None:
        force = bool(self.Force) or bool(self.Hidden)
        if not os.path.isdir(full):
            item = fsitems.item_for(full)
            if self._keep(item):
                self.write(item.Name if self.Name else item)
            return
        if self.Recurse or self.is_bound("Depth"):
            depth = int(self.Depth) if self.Depth is not None else None
            items = fsitems.walk(full, force=force, depth=depth)
        else:
            items = iter(fsitems.children(full, force=force))
        for item in items:
            if not self._keep(item):
                continue
            if self.Name:
                self.write(os.path.relpath(item.FullName, full))
            else:
                self.write(item)


# ----------------------------------------------------------------------------- New-Item

_ITEM_TYPES = {"file": "File", "directory": "Directory", "symboliclink": "SymbolicLink", "junction": "Junction",
               "hardlink": "HardLink"}


@cmdlet("New-Item", module=MGMT, aliases=("ni",), default_set="pathSet", should_process=True)
class NewItem(PathCmdlet):
    """Creates a new item: a file or a directory.

    -ItemType File (the default) creates a file, with -Value as its content (written as is,
    with no line break added); -ItemType Directory creates a directory and any missing parent
    directories. An existing item is an error unless -Force (a file is then overwritten, an
    existing directory is returned). The new item is returned."""

    dotnet_name = "NewItemCommand"
    Path = Parameter(list[str], sets={"pathSet": {"mandatory": True, "position": 0, "by_property_name": True},
                                      "nameSet": {"position": 0, "by_property_name": True}},
                     help="The path of the new item (with -Name: the directory it is created in).")
    Name = Parameter(str, mandatory=True, set="nameSet", by_property_name=True, allow_null=True, allow_empty=True,
                     help="The name of the new item.")
    ItemType = Parameter(str, aliases=("Type",), by_property_name=True,
                         help="File, Directory, SymbolicLink, Junction or HardLink.")
    Value = Parameter(object, from_pipeline=True, by_property_name=True, aliases=("Target",),
                      help="The content of a new file (or the target of a link).")
    Force = Parameter(Switch, help="Overwrite an existing file; create missing parent directories.")
    Credential = _credential()
    examples = [("New-Item -Path ./notes.txt -ItemType File -Value 'first line'", "Creates a file with content."),
                ("New-Item -Path ./reports -ItemType Directory", "Creates a directory."),
                ("New-Item -Path . -Name logs -ItemType Directory -Force", "Creates logs unless it exists.")]

    def process(self) -> None:
        self.check_credential()
        kind = "File"
        if self.ItemType:
            kind = _ITEM_TYPES.get(str(self.ItemType).lower())
            if kind is None:
                self.fail('The type is not a known type for the file system. Only "file","directory","symboliclink",'
                          '"junction","hardlink" can be specified.', "Argument", ErrorCategory.InvalidArgument,
                          self.ItemType, PSArgumentException)
                return
        paths = [to_string(p) for p in (self.Path or [])] or ([self.ctx.location] if self.Name is not None else [])
        for p in paths:
            try:
                full = fs.absolute(self.ctx, p)
            except fs.PathError as e:
                self.report(e)
                continue
            if self.Name:
                full = os.path.normpath(os.path.join(full, fs.normalize(self.Name)))
            self._create(full, kind)

    def _create(self, full: str, kind: str) -> None:
        parent = os.path.dirname(full) or "/"
        if kind == "Directory":
            if os.path.isdir(full):
                if self.Force:
                    self.write(fsitems.DirectoryInfo(full))
                    return
                self.fail(f"An item with the specified name {full} already exists.", "DirectoryExist",
                          ErrorCategory.ResourceExists, full, IOException)
                return
            if os.path.exists(full):
                self.fail(f"An item with the specified name {full} already exists.", "DirectoryExist",
                          ErrorCategory.ResourceExists, full, IOException)
                return
            if not self.should_process(f"Destination: {full}", "Create Directory"):
                return
            try:
                os.makedirs(full, exist_ok=True)
            except OSError as e:
                self._io_fail(e, full)
                return
            self.write(fsitems.DirectoryInfo(full))
            return
        if kind == "Junction":
            self.fail("Junctions are a Windows feature; use -ItemType SymbolicLink on this platform.",
                      "NewItemJunctionNotSupported", ErrorCategory.InvalidOperation, full)
            return
        if kind in ("SymbolicLink", "HardLink"):
            self._link(full, kind)
            return
        if os.path.isdir(full):
            self.fail(f"Access to the path '{full}' is denied.", "NewItemUnauthorizedAccessError",
                      ErrorCategory.PermissionDenied, full, UnauthorizedAccessException)
            return
        if os.path.exists(full) and not self.Force:
            self.fail(f"The file '{full}' already exists.", "NewItemIOError", ErrorCategory.WriteError, full,
                      IOException)
            return
        if not os.path.isdir(parent) and not self.Force:
            self.fail(f"Could not find a part of the path '{full}'.", "NewItemIOError", ErrorCategory.WriteError,
                      full, DirectoryNotFoundException)
            return
        if not self.should_process(f"Destination: {full}", "Create File"):
            return
        try:
            os.makedirs(parent, exist_ok=True)
            text = "" if self.Value is None else to_string(self.Value)
            with open(full, "wb") as fh:
                fh.write(text.encode("utf-8"))
        except OSError as e:
            self._io_fail(e, full)
            return
        self.write(fsitems.FileInfo(full))

    def _link(self, full: str, kind: str) -> None:
        if self.Value is None:
            self.fail("The value of the Target parameter (the item the link points to) cannot be empty.",
                      "ArgumentNull", ErrorCategory.InvalidArgument, full, PSArgumentException)
            return
        target = to_string(self.Value)
        target_full = fs.absolute(self.ctx, target)
        if not os.path.lexists(target_full) and kind == "HardLink":
            self.report(fs.not_found(target_full))
            return
        if os.path.lexists(full):
            if not self.Force:
                self.fail(f"An item with the specified name {full} already exists.", "SymLinkExists",
                          ErrorCategory.ResourceExists, full, IOException)
                return
            os.remove(full)
        if not self.should_process(f"Destination: {full}", f"Create {kind.replace('Link', ' Link')}"):
            return
        try:
            if kind == "HardLink":
                os.link(target_full, full)
            else:
                os.symlink(fs.normalize(target), full)
        except OSError as e:
            self._io_fail(e, full)
            return
        self.write(fsitems.item_for(full))

    def _io_fail(self, e: OSError, full: str) -> None:
        if isinstance(e, PermissionError):
            self.fail(f"Access to the path '{full}' is denied.", "NewItemUnauthorizedAccessError",
                      ErrorCategory.PermissionDenied, full, UnauthorizedAccessException)
        else:
            self.fail(f"{e.strerror} : '{full}'", "NewItemIOError", ErrorCategory.WriteError, full, IOException)


# ----------------------------------------------------------------------------- Remove-Item

@cmdlet("Remove-Item", module=MGMT, aliases=("ri", "rm", "del", "erase", "rd", "rmdir"), default_set="Path",
        should_process=True)
class RemoveItem(PathCmdlet):
    """Deletes the specified items.

    Deletes files and directories (and Env:, Variable:, Function: and Alias: items). A
    directory that is not empty is only removed with -Recurse: without it an interactive
    shell asks first and a script gets an error. Hidden and read-only items need -Force."""

    dotnet_name = "RemoveItemCommand"
    help_required = ("Path",)
    Path, LiteralPath = _path_params(by_value=True)
    Filter, Include, Exclude = _filters()
    Recurse = Parameter(Switch, help="Also delete everything inside a directory.")
    Force = Parameter(Switch, help="Also delete hidden and read-only items.")
    Credential = _credential()
    examples = [("Remove-Item -Path ./old.csv", "Deletes one file."),
                ("Remove-Item -Path ./tmp -Recurse", "Deletes a directory and its contents."),
                ("Get-ChildItem *.log | Remove-Item -WhatIf", "Shows which .log files would be deleted.")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        paths, literal = self.path_args()
        for p in paths:
            other = fs.other_drive(p)
            if other is not None:
                drive, rest = other
                self._remove_drive_item(drive, rest, p)
                continue
            for full in self.resolved([p], literal, force=bool(self.Force)):
                self._remove(full)

    def _remove_drive_item(self, drive: str, name: str, original: str) -> None:
        items = fs.drive_lookup(self.ctx, drive, name)
        if not items:
            if not fs.has_wildcard(name):
                self.report(fs.not_found(original))
            return
        for it in items:
            key = str(getattr(it, "Key", None) or it.Name)
            if not self.should_process(f"Item: {key}", "Remove Item"):
                continue
            if drive == "env":
                os.environ.pop(key, None)
            elif drive == "variable":
                s = self.ctx.scope
                while s is not None:
                    if s.vars.pop(key.lower(), None) is not None:
                        break
                    s = s.parent
            elif drive == "function":
                s = self.ctx.scope
                while s is not None:
                    if s.functions and s.functions.pop(key.lower(), None) is not None:
                        break
                    s = s.parent
            elif drive == "alias":
                s = self.ctx.scope
                done = False
                while s is not None and not done:
                    if s.aliases and s.aliases.pop(key.lower(), None) is not None:
                        done = True
                    s = s.parent
                if not done:
                    self.ctx.aliases.pop(key.lower(), None)

    def _remove(self, full: str) -> None:
        is_dir = os.path.isdir(full) and not os.path.islink(full)
        if is_dir and not self.Recurse and os.listdir(full):
            question = (f"The item at {full} has children and the Recurse parameter was not specified. If you "
                        "continue, all children will be removed with the item. Are you sure you want to continue?")
            if getattr(self.ctx, "interactive", False) and getattr(self.ctx.host, "interactive", False):
                if not self.ctx.host.confirm("Confirm", question):
                    return
            else:
                self.fail("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available. "
                          f"(The item at {full} has children and the Recurse parameter was not specified.)",
                          "RemoveItemNonInteractive", ErrorCategory.InvalidOperation, full,
                          PSInvalidOperationException)
                return
        if not self.should_process(full, "Remove Directory" if is_dir else "Remove File"):
            return
        try:
            if is_dir:
                shutil.rmtree(full)
            else:
                if not os.access(full, os.W_OK) and not self.Force and not os.path.islink(full):
                    self.fail(f"You do not have sufficient access rights to perform this operation or the item is "
                              f"hidden, system, or read only. {full}", "RemoveFileSystemItemUnAuthorizedAccess",
                              ErrorCategory.PermissionDenied, full, UnauthorizedAccessException)
                    return
                os.remove(full)
        except OSError as e:
            self.fail(f"Cannot remove item {full}: {e.strerror}", "RemoveFileSystemItemIOError",
                      ErrorCategory.WriteError, full, IOException)


# ----------------------------------------------------------------------------- Invoke-Item

@cmdlet("Invoke-Item", module=MGMT, aliases=("ii",), default_set="Path", should_process=True)
class InvokeItem(PathCmdlet):
    """Performs the default action on the specified item.

    On a desktop this opens the file in its associated application. o365shell runs without a
    desktop: like a script on Windows, it goes on, and a warning names each item that would
    have opened (use Get-Content to read a text file)."""

    dotnet_name = "InvokeItemCommand"
    help_required = ("Path",)
    Path, LiteralPath = _path_params(by_value=False)
    Filter, Include, Exclude = _filters()
    Credential = _credential()
    examples = [("Invoke-Item ./report.csv", "Opens the report in its application (here: a warning names it).")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        for full in self.resolved(force=True):
            if not self.should_process(full, "Invoke Item"):
                continue
            self.warn(f"'{full}' would open in its default application; o365shell has no desktop "
                               "(Get-Content reads a text file).")


# ----------------------------------------------------------------------------- mkdir

_MKDIR = r"""
function mkdir {
    [CmdletBinding(DefaultParameterSetName='pathSet', SupportsShouldProcess=$true)]
    param(
        [Parameter(ParameterSetName='nameSet', Position=0, ValueFromPipelineByPropertyName=$true)]
        [Parameter(ParameterSetName='pathSet', Mandatory=$true, Position=0, ValueFromPipelineByPropertyName=$true)]
        [string[]]$Path,
        [Parameter(ParameterSetName='nameSet', Mandatory=$true, ValueFromPipelineByPropertyName=$true)]
        [AllowNull()][AllowEmptyString()][string]$Name,
        [Parameter(ValueFromPipeline=$true, ValueFromPipelineByPropertyName=$true)]
        [System.Object]$Value,
        [switch]$Force
    )
    process { New-Item -ItemType Directory @PSBoundParameters }
}
"""


#: PowerShell functions this module provides; the session defines them on first use.
BUILTIN_FUNCTIONS = {"mkdir": _MKDIR}
