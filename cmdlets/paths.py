"""Microsoft.PowerShell.Management path cmdlets: Test-Path, Join-Path, Split-Path and Resolve-Path."""
from __future__ import annotations

import os

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.enums import NetEnum, register_enum_class
from o365shell.engine.errors import ErrorCategory, PSArgumentException
from o365shell.engine.pathinfo import PathInfo

from . import fsitems
from . import fsprovider as fs
from .management import MGMT, PathCmdlet, _credential


# ----------------------------------------------------------------------------- Test-Path

class TestPathType(NetEnum):
    """Microsoft.PowerShell.Commands.TestPathType."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.TestPathType"
    Any = 0
    Container = 1
    Leaf = 2


register_enum_class(TestPathType)


@cmdlet("Test-Path", module=MGMT, default_set="Path")
class TestPath(PathCmdlet):
    """Determines whether all elements of a path exist.

    Returns $true when the path exists and $false otherwise, one Boolean per path, and never
    reports an error for a missing path. -PathType Leaf asks for a file, -PathType Container
    for a directory; -IsValid only checks the syntax of the path. Env:, Variable:, Function:
    and Alias: paths test those drives."""

    dotnet_name = "TestPathCommand"
    help_required = ("Path",)
    Path = Parameter(list[str], position=0, set="Path", from_pipeline=True, by_property_name=True,
                     wildcards=True, allow_null=True, allow_empty=True,
                     help="The paths to test; wildcards are allowed.")  # mandatory: see require_path
    LiteralPath = Parameter(list[str], mandatory=True, set="LiteralPath", by_property_name=True,
                            aliases=("PSPath", "LP"), allow_null=True, allow_empty=True,
                            help="The paths to test, exactly as typed.")
    Filter = Parameter(str, help="A wildcard the item names must match.")
    Include = Parameter(list[str], help="Only items whose names match these wildcards count.")
    Exclude = Parameter(list[str], help="Items whose names match these wildcards do not count.")
    PathType = Parameter(TestPathType, aliases=("Type",), default=TestPathType.Any,
                         help="What the item must be: Any, Container (a directory) or Leaf (a file).")
    IsValid = Parameter(Switch, help="Only check that the path is syntactically valid.")
    Credential = _credential()
    OlderThan = Parameter("System.Nullable[System.DateTime]", help="Only items last written before this time.")
    NewerThan = Parameter("System.Nullable[System.DateTime]", help="Only items last written after this time.")
    examples = [("Test-Path -Path ./users.csv", "True when the file exists."),
                ("Test-Path -Path ./reports -PathType Container", "True when reports is a directory."),
                ("if (-not (Test-Path ./out)) { New-Item ./out -ItemType Directory }",
                 "Creates a directory only when it is missing.")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        literal = self.is_bound("LiteralPath")
        raw = self.LiteralPath if literal else self.Path
        if not raw:
            self._null_path()
            return
        for p in raw:
            if p is None:
                self._null_path()
                continue
            self.write(self._test(to_string(p), literal))

    def _null_path(self) -> None:
        from o365shell.engine.netlib.exceptions import ArgumentNullException
        self.write_error("Value cannot be null. (Parameter 'The provided Path argument was null or an empty "
                         "collection.')", self.fqid("NullPathNotPermitted"), ErrorCategory.InvalidArgument, None,
                         ArgumentNullException)

    def _test(self, p: str, literal: bool) -> bool:
        if not p.strip():
            return False
        ptype = int(self.PathType) if self.PathType is not None else 0
        raw = fs.strip_provider(p)
        drive, rest = fs.split_drive(raw)
        if drive is not None and drive not in fs.DRIVES:
            return False
        if self.IsValid:
            return "\x00" not in p
        if drive is not None and not fs.is_fs_drive(drive):
            if rest in ("", "/"):
                return ptype != 2
            return ptype != 1 and bool(fs.drive_lookup(self.ctx, drive, rest if not literal else
                                                       _escape_all(rest)))
        try:
            found = fs.expand(self.ctx, p, literal=literal, force=True)
        except fs.PathError:
            return False
        found = self.filtered(found)
        for f in found:
            if ptype == 1 and not os.path.isdir(f):
                continue
            if ptype == 2 and os.path.isdir(f):
                continue
            if not self._time_ok(f):
                continue
            return True
        return False

    def _time_ok(self, full: str) -> bool:
        if self.OlderThan is None and self.NewerThan is None:
            return True
        t = fsitems.FileInfo(full).LastWriteTime
        if t is None:
            return False
        if self.OlderThan is not None and not t < self.OlderThan:
            return False
        return not (self.NewerThan is not None and not t > self.NewerThan)


def _escape_all(s: str) -> str:
    from o365shell.engine.netlib.wildcard import escape
    return escape(s)


# ----------------------------------------------------------------------------- Join-Path / Split-Path / Resolve-Path

def make_path(parent: str, child: str | None) -> str:
    """The FileSystem provider's MakePath on Linux ('\\' taken as '/'); on the C: and D: drives of
    Windows scripts it joins with '\\' as pwsh on Windows does (C:\\temp\\report.csv)."""
    m = fs._DRIVE_RX.match(parent or "")
    if m and m.group(1).upper() in fs.SANDBOX_DRIVES:
        head = parent.replace("/", "\\")
        tail = (child or "").replace("/", "\\")
        if not tail:
            return head if head.endswith("\\") else head + "\\"
        return head.rstrip("\\") + "\\" + tail.lstrip("\\")
    parent = fs.normalize(parent or "")
    child = fs.normalize(child or "")
    if not parent:
        return child
    if not child:
        return parent if parent.endswith("/") else parent + "/"
    if parent.endswith("/"):
        parent = parent.rstrip("/") or "/"
    child = child.lstrip("/")
    if parent == "/":
        return "/" + child
    return parent + "/" + child


@cmdlet("Join-Path", module=MGMT)
class JoinPath(PathCmdlet):
    """Combines a path and a child path into a single path.

    The provider supplies the separator ('/' here; '\\' in the input is taken as '/'). The path
    does not have to exist unless -Resolve is used, but a drive in it must exist."""

    dotnet_name = "JoinPathCommand"
    Path = Parameter(list[str], mandatory=True, position=0, by_property_name=True, aliases=("PSPath",),
                     wildcards=True, help="The main path (or paths) the child path is appended to.")
    ChildPath = Parameter(str, mandatory=True, position=1, by_property_name=True, allow_null=True, allow_empty=True,
                          help="The path to append to each main path.")
    AdditionalChildPath = Parameter(list[str], position=2, remaining=True,
                                    help="More path elements to append, in order.")
    Resolve = Parameter(Switch, help="Return the existing items the joined path names (wildcards expanded).")
    Credential = _credential()
    examples = [("Join-Path -Path $HOME -ChildPath 'reports'", "/home/admin/reports"),
                ("Join-Path 'a' 'b' 'c' 'd.txt'", "a/b/c/d.txt"),
                ("Join-Path -Path ./logs -ChildPath '*.log' -Resolve", "Every existing .log file in ./logs.")]

    def process(self) -> None:
        self.check_credential()
        for p in self.Path or []:
            p = to_string(p)
            drive, _ = fs.split_drive(fs.strip_provider(p))
            if drive is not None and drive not in fs.DRIVES:
                self.report(fs.drive_not_found(fs.m_name(fs.strip_provider(p))))
                continue
            result = make_path(p, self.ChildPath)
            for extra in self.AdditionalChildPath or []:
                result = make_path(result, to_string(extra))
            if not self.Resolve:
                self.write(result)
                continue
            try:
                found = fs.expand(self.ctx, result)
            except fs.PathError as e:
                self.report(e)
                continue
            if not found:
                self.report(fs.not_found(fs.absolute(self.ctx, result)))
            self.write_all(found)


def _last_sep(p: str) -> int:
    return max(p.rfind("/"), p.rfind("\\"))


def _trim_trailing(p: str) -> str:
    q = p.rstrip("/\\")
    return q if q else p[:1]


def split_parent(p: str) -> str:
    drive = fs._DRIVE_RX.match(p)
    q = _trim_trailing(p)
    if q in ("/", "\\"):
        return ""
    i = _last_sep(q)
    if i < 0:
        if drive and not drive.group(2):
            return ""
        return drive.group(1) + ":" if drive else ""
    if i == 0:
        return q[0]
    head = q[:i]
    if drive and head == drive.group(1) + ":":
        return head + q[i]
    return head


def split_leaf(p: str) -> str:
    q = _trim_trailing(p)
    if q in ("/", "\\"):
        return ""
    i = _last_sep(q)
    leaf = q[i + 1:] if i >= 0 else q
    m = fs._DRIVE_RX.match(leaf)
    if i < 0 and m:
        return m.group(2)
    return leaf


@cmdlet("Split-Path", module=MGMT, default_set="ParentSet")
class SplitPath(PathCmdlet):
    """Returns the specified part of a path.

    By default, the parent part (everything before the last separator). -Leaf gives the last
    element, -LeafBase the last element without its extension, -Extension the extension,
    -Qualifier the drive (Env:), -NoQualifier the path without it and -IsAbsolute whether the
    path is absolute."""

    dotnet_name = "SplitPathCommand"
    help_required = ("Path",)
    _sets = ("ParentSet", "LeafSet", "LeafBaseSet", "ExtensionSet", "QualifierSet", "NoQualifierSet",
             "IsAbsoluteSet")
    Path = Parameter(list[str], sets={s: {"position": 0, "from_pipeline": True, "by_property_name": True}
                                      for s in _sets},
                     help="The paths to split.")  # mandatory: see require_path
    LiteralPath = Parameter(list[str], mandatory=True, set="LiteralPathSet", by_property_name=True,
                            aliases=("PSPath", "LP"), help="The paths to split, exactly as typed.")
    Parent = Parameter(Switch, set="ParentSet", help="Return the parent container (the default).")
    Leaf = Parameter(Switch, mandatory=True, set="LeafSet", help="Return the last element of the path.")
    LeafBase = Parameter(Switch, mandatory=True, set="LeafBaseSet",
                         help="Return the last element without its extension.")
    Extension = Parameter(Switch, mandatory=True, set="ExtensionSet", help="Return the extension of the leaf.")
    Qualifier = Parameter(Switch, mandatory=True, set="QualifierSet", help="Return the drive qualifier (Env:).")
    NoQualifier = Parameter(Switch, mandatory=True, set="NoQualifierSet", help="Return the path without its drive.")
    IsAbsolute = Parameter(Switch, mandatory=True, set="IsAbsoluteSet",
                           help="Return $true when the path is absolute.")
    Resolve = Parameter(Switch, help="Split the existing paths the path names (wildcards expanded).")
    Credential = _credential()
    examples = [("Split-Path -Path /home/admin/report.csv", "/home/admin"),
                ("Split-Path -Path /home/admin/report.csv -Leaf", "report.csv"),
                ("Split-Path -Path ./report.csv -LeafBase", "report"),
                ("Split-Path -Path Env:HOME -Qualifier", "Env:")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        paths, literal = self.path_args()
        for p in paths:
            if self.Resolve:
                try:
                    found = fs.expand(self.ctx, p, literal=literal)
                except fs.PathError as e:
                    self.report(e)
                    continue
                for f in found:
                    self._one(f)
            else:
                self._one(p)

    def _one(self, p: str) -> None:
        drive = fs._DRIVE_RX.match(p)
        if self.IsAbsolute:
            self.write(p.startswith(("/", "\\")) or drive is not None)
        elif self.Qualifier:
            if drive is None:
                self.fail(f"Cannot parse path because path '{p}' does not have a qualifier specified.",
                          "ParsePathError", ErrorCategory.InvalidArgument, p, PSArgumentException)
            else:
                self.write(drive.group(1) + ":")
        elif self.NoQualifier:
            self.write(drive.group(2) if drive is not None else p)
        elif self.Leaf:
            self.write(split_leaf(p))
        elif self.LeafBase:
            leaf = split_leaf(p)
            ext = fs.extension_of(leaf)
            self.write(leaf[:-len(ext)] if ext else leaf)
        elif self.Extension:
            self.write(fs.extension_of(split_leaf(p)))
        else:
            self.write(split_parent(p))


@cmdlet("Resolve-Path", module=MGMT, aliases=("rvpa",), default_set="Path")
class ResolvePath(PathCmdlet):
    """Resolves the wildcard characters in a path, and displays the path contents.

    Returns a PathInfo object for each existing item the path names (or, with -Relative, the
    path relative to the current location). A path that names nothing is an error."""

    dotnet_name = "ResolvePathCommand"
    help_required = ("Path",)
    Path = Parameter(list[str], position=0, set="Path", from_pipeline=True, by_property_name=True,
                     wildcards=True, help="The paths to resolve; wildcards are allowed.")  # mandatory: see require_path
    LiteralPath = Parameter(list[str], mandatory=True, set="LiteralPath", by_property_name=True,
                            aliases=("PSPath", "LP"), help="The paths to resolve, exactly as typed.")
    Relative = Parameter(Switch, help="Return paths relative to the current location.")
    RelativeBasePath = Parameter(str, by_property_name=True,
                                 help="The location -Relative paths are relative to (default: the current one).")
    Credential = _credential()
    examples = [("Resolve-Path ~", "The home directory as a PathInfo."),
                ("Resolve-Path -Path ./*.csv -Relative", "Every CSV file here, as ./name.csv.")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        paths, literal = self.path_args()
        for p in paths:
            try:
                found = fs.expand(self.ctx, p, literal=literal, force=True)
            except fs.PathError as e:
                self.report(e)
                continue
            if not found:
                self.report(fs.not_found(fs.absolute(self.ctx, p)))
                continue
            for full in found:
                if self.Relative:
                    base = fs.absolute(self.ctx, self.RelativeBasePath) if self.RelativeBasePath else \
                        self.ctx.location
                    rel = os.path.relpath(full, base)
                    self.write(rel if rel.startswith("..") else ("." if rel == "." else "./" + rel))
                else:
                    self.write(PathInfo(full))
