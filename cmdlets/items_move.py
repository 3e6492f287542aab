"""Microsoft.PowerShell.Management cmdlets that put items at another path: Copy-Item, Move-Item
and Rename-Item."""
from __future__ import annotations

import os
import shutil

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, PSArgumentException
from o365shell.engine.netlib.exceptions import (
    DirectoryNotFoundException,
    IOException,
    UnauthorizedAccessException,
)
from o365shell.engine.scriptblock import ScriptBlock

from . import fsitems
from . import fsprovider as fs
from .management import MGMT, PathCmdlet, _credential, _filters


# ----------------------------------------------------------------------------- Copy-Item / Move-Item / Rename-Item

class _CopyMove(PathCmdlet):
    help_required = ("Path",)
    Path = Parameter(list[str], position=0, set="Path", from_pipeline=True, by_property_name=True, wildcards=True,
                     help="The items to copy or move; wildcards are allowed.")  # mandatory: see require_path
    LiteralPath = Parameter(list[str], mandatory=True, set="LiteralPath", by_property_name=True,
                            aliases=("PSPath", "LP"), help="The items, exactly as typed.")
    Destination = Parameter(str, position=1, by_property_name=True,
                            help="Where to put the items (an existing directory: inside it). Default: here.")
    Force = Parameter(Switch, help="Overwrite existing items, including read-only ones.")
    Filter, Include, Exclude = _filters()
    PassThru = Parameter(Switch, help="Return the new items.")
    Credential = _credential()

    def _dest_for(self, src: str) -> str:
        dest = fs.absolute(self.ctx, self.Destination) if self.Destination else self.ctx.location
        if os.path.isdir(dest):
            return os.path.join(dest, os.path.basename(src))
        return dest


@cmdlet("Copy-Item", module=MGMT, aliases=("cpi", "cp", "copy"), default_set="Path", should_process=True)
class CopyItem(_CopyMove):
    """Copies an item from one location to another.

    Copies files (replacing an existing file of the same name) and, with -Recurse,
    directories with their contents. Without -Recurse a directory is copied empty."""

    dotnet_name = "CopyItemCommand"
    Container = Parameter(Switch, help="Keep the directory structure (always the case here).")
    Recurse = Parameter(Switch, help="Copy directories with their contents.")
    examples = [("Copy-Item -Path ./report.csv -Destination ./archive/", "Copies a file into a directory."),
                ("Copy-Item -Path ./reports -Destination ./backup -Recurse", "Copies a directory tree.")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        for src in self.resolved(force=True):
            dest = self._dest_for(src)
            if os.path.abspath(dest) == os.path.abspath(src):
                self.fail(f"Cannot overwrite the item {src} with itself.", "CopyError", ErrorCategory.WriteError,
                          src, IOException)
                continue
            if not self.should_process(f"Item: {src} Destination: {dest}", "Copy File" if os.path.isfile(src)
                                       else "Copy Directory"):
                continue
            try:
                if os.path.isdir(src):
                    if self.Recurse:
                        shutil.copytree(src, dest, dirs_exist_ok=True, symlinks=True)
                    else:
                        os.makedirs(dest, exist_ok=True)
                else:
                    if not os.path.isdir(os.path.dirname(dest) or "/"):
                        self.fail(f"Could not find a part of the path '{dest}'.", "CopyDirectoryInfoItemIOError",
                                  ErrorCategory.WriteError, dest, DirectoryNotFoundException)
                        continue
                    if os.path.exists(dest) and not os.access(dest, os.W_OK):
                        if not self.Force:
                            self.fail(f"Access to the path '{dest}' is denied.", "CopyFileInfoItemUnauthorizedAccess"
                                      "Error", ErrorCategory.PermissionDenied, dest, UnauthorizedAccessException)
                            continue
                        os.chmod(dest, 0o644)
                    shutil.copy2(src, dest)
            except OSError as e:
                self.fail(f"{e.strerror} : '{dest}'", "CopyItemIOError", ErrorCategory.WriteError, dest, IOException)
                continue
            if self.PassThru:
                self.write(fsitems.item_for(dest))


@cmdlet("Move-Item", module=MGMT, aliases=("mi", "mv", "move"), default_set="Path", should_process=True)
class MoveItem(_CopyMove):
    """Moves an item from one location to another.

    Moves (or renames) files and directories. Moving onto an existing file is an error unless
    -Force; an existing directory as the destination receives the item."""

    dotnet_name = "MoveItemCommand"
    examples = [("Move-Item -Path ./report.csv -Destination ./archive/", "Moves a file into a directory."),
                ("Move-Item -Path ./old.txt -Destination ./new.txt", "Renames a file.")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        for src in self.resolved(force=True):
            dest = self._dest_for(src)
            exists = os.path.exists(dest) and os.path.abspath(dest) != os.path.abspath(src)
            if exists and (not self.Force or os.path.isdir(dest)):
                self.fail("Cannot create a file when that file already exists.", "MoveFileInfoItemIOError"
                          if os.path.isfile(src) else "MoveDirectoryItemIOError", ErrorCategory.WriteError,
                          src, IOException)
                continue
            if not self.should_process(f"Item: {src} Destination: {dest}",
                                       "Move File" if os.path.isfile(src) else "Move Directory"):
                continue
            if not os.path.isdir(os.path.dirname(dest) or "/"):
                self.fail(f"Could not find a part of the path '{dest}'.", "MoveFileInfoItemIOError",
                          ErrorCategory.WriteError, dest, DirectoryNotFoundException)
                continue
            try:
                shutil.move(src, dest)
            except OSError as e:
                self.fail(f"{e.strerror} : '{dest}'", "MoveItemIOError", ErrorCategory.WriteError, dest, IOException)
                continue
            if self.PassThru:
                self.write(fsitems.item_for(dest))


@cmdlet("Rename-Item", module=MGMT, aliases=("rni", "ren"), default_set="ByPath", should_process=True)
class RenameItem(PathCmdlet):
    """Renames an item.

    Gives a file or directory a new name in the same directory (use Move-Item to move it)."""

    dotnet_name = "RenameItemCommand"
    help_required = ("Path",)
    Path = Parameter(str, position=0, set="ByPath", from_pipeline=True, by_property_name=True,
                     help="The item to rename.")  # mandatory: see require_path
    LiteralPath = Parameter(str, mandatory=True, set="ByLiteralPath", by_property_name=True,
                            aliases=("PSPath", "LP"), help="The item to rename, exactly as typed.")
    # object, not string: a script block is evaluated per item with $_ = the item (pwsh's delay-bind script
    # block, which the engine's binder does not do itself)
    NewName = Parameter(object, mandatory=True, position=1, by_property_name=True, type_label="System.String",
                        help="The new name (or a script block computing it from $_).")
    Force = Parameter(Switch, help="Rename hidden or read-only items too.")
    PassThru = Parameter(Switch, help="Return the renamed item.")
    Credential = _credential()
    examples = [("Rename-Item -Path ./daily.csv -NewName monday.csv", "Renames a file."),
                ("Get-ChildItem *.txt | Rename-Item -NewName { $_.Name -replace '.txt', '.log' }",
                 "Renames several files.")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        literal = self.LiteralPath is not None
        p = self.LiteralPath if literal else self.Path
        for src in self.resolved([to_string(p)], literal, force=True):
            new_name = self.NewName
            if isinstance(new_name, ScriptBlock):
                new_name = new_name.invoke_as_filter(fsitems.item_for(src))
            new = fs.normalize(to_string(new_name))
            if "/" in new:
                target = fs.absolute(self.ctx, new)
                if os.path.dirname(target) != os.path.dirname(src):
                    self.fail("Cannot rename the specified target, because it represents a path or device name.",
                              "Argument", ErrorCategory.InvalidArgument, new, PSArgumentException)
                    continue
            else:
                target = os.path.join(os.path.dirname(src), new)
            if os.path.exists(target) and target != src:
                self.fail("Cannot create a file when that file already exists.", "RenameItemIOError",
                          ErrorCategory.WriteError, src, IOException)
                continue
            if not self.should_process(f"Item: {src} Destination: {target}",
                                       "Rename File" if os.path.isfile(src) else "Rename Directory"):
                continue
            try:
                os.rename(src, target)
            except OSError as e:
                self.fail(f"{e.strerror} : '{src}'", "RenameItemIOError", ErrorCategory.WriteError, src, IOException)
                continue
            if self.PassThru:
                self.write(fsitems.item_for(target))
