"""Microsoft.PowerShell.Management: content and path cmdlets (Get-Content, Set-Content,
Add-Content, Clear-Content, Test-Path, Join-Path, Split-Path, Resolve-Path).

Item cmdlets are in ``items.py``, locations / drives / processes in ``location.py``;
the provider (path resolution, FileInfo / DirectoryInfo) is ``fsprovider.py``.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.enums import NetEnum, register_enum_class
from o365shell.engine.errors import (
    ErrorCategory,
    PSArgumentException,
    PSInvalidOperationException,
    PSNotSupportedException,
)
from o365shell.engine.netlib.exceptions import (
    DirectoryNotFoundException,
    IOException,
    UnauthorizedAccessException,
)
from o365shell.engine.objects import enumerate_values, is_enumerable
from o365shell.engine.pathinfo import PathInfo

from . import fsprovider as fs

MGMT = "Microsoft.PowerShell.Management"

_CRED_MESSAGE = ("The FileSystem provider supports credentials only on the New-PSDrive cmdlet. Perform the "
                 "operation again without specifying credentials.")


class PathCmdlet(Cmdlet):
    """Shared plumbing: resolving -Path / -LiteralPath and reporting provider errors as pwsh does."""

    dotnet_name = ""   # e.g. "GetContentCommand": the second half of FullyQualifiedErrorId

    def fqid(self, error_id: str) -> str:
        return f"{error_id},Microsoft.PowerShell.Commands.{self.dotnet_name}" if self.dotnet_name else error_id

    def report(self, e: fs.PathError) -> None:
        """A provider error as a non-terminating error of this cmdlet."""
        self.write_error(e.message, self.fqid(e.error_id), e.category, e.target, e.exc_type)

    def fail(self, message: str, error_id: str, category: ErrorCategory, target: Any = None,
             exc_type: type = PSInvalidOperationException) -> None:
        self.write_error(message, self.fqid(error_id), category, target, exc_type)

    def check_credential(self) -> None:
        if getattr(self, "Credential", None) is not None:
            raise self.error(_CRED_MESSAGE, "NotSupported", ErrorCategory.NotImplemented, None,
                             PSNotSupportedException)

    #: parameters shown as mandatory in help although declared optional (see _path_params)
    help_required: tuple[str, ...] = ()

    def require_path(self) -> None:
        """-Path or -LiteralPath must be there (the mandatory check the declaration cannot do)."""
        if not self.is_bound("Path") and not self.is_bound("LiteralPath"):
            from o365shell.engine.binding import missing_mandatory_error
            raise missing_mandatory_error(self.name, [self.metadata.by_name["path"]])

    def path_args(self) -> tuple[list[str], bool]:
        """The -Path (wildcards) or -LiteralPath values and whether they are literal."""
        lit = getattr(self, "LiteralPath", None)
        if lit is not None:
            return [to_string(p) for p in lit], True
        paths = getattr(self, "Path", None)
        if paths is None:
            return [], False
        return [to_string(p) for p in paths], False

    def resolved(self, paths: list[str] | None = None, literal: bool | None = None, *,
                 force: bool = False) -> Iterator[str]:
        """Each existing path named (errors for missing ones are written, not raised)."""
        if paths is None:
            paths, literal = self.path_args()
        for p in paths:
            try:
                found = fs.expand(self.ctx, p, literal=bool(literal), force=force)
            except fs.PathError as e:
                self.report(e)
                continue
            yield from self.filtered(found)

    def filtered(self, found: list[str]) -> list[str]:
        """-Filter / -Include / -Exclude applied to resolved paths' names."""
        flt = getattr(self, "Filter", None)
        inc = getattr(self, "Include", None)
        exc = getattr(self, "Exclude", None)
        out = []
        for f in found:
            name = os.path.basename(f)
            if flt and not fs.matches_any(name, [flt]):
                continue
            if inc and not fs.matches_any(name, inc):
                continue
            if exc and fs.matches_any(name, exc):
                continue
            out.append(f)
        return out


def _path_params(cls_sets: tuple[str, str] = ("Path", "LiteralPath"), *, mandatory: bool = True,
                 by_value: bool = False) -> tuple[Parameter, Parameter]:
    """-Path and -LiteralPath. -Path is declared optional and checked by ``require_path`` when
    ``mandatory`` (workaround: the engine checks a pipeline object's mandatory parameters against
    the default parameter set, so a FileInfo bound to -LiteralPath by PSPath would still miss -Path)."""
    path_set, lit_set = cls_sets
    p = Parameter(list[str], mandatory=False, position=0, set=path_set, from_pipeline=by_value,
                  by_property_name=True, wildcards=True,
                  help="The path of the item; wildcards are allowed. Relative paths start at the current location.")
    lp = Parameter(list[str], mandatory=True, set=lit_set, by_property_name=True, aliases=("PSPath", "LP"),
                   help="The path of the item, used exactly as typed (no wildcards).")
    return p, lp


def _filters(what: str = "items") -> tuple[Parameter, Parameter, Parameter]:
    """-Filter, -Include and -Exclude."""
    return (Parameter(str, help=f"A wildcard the {what}' names must match (applied by the provider)."),
            Parameter(list[str], help=f"Only {what} whose names match these wildcards."),
            Parameter(list[str], help=f"Leave out {what} whose names match these wildcards."))


def _credential() -> Parameter:
    return Parameter("System.Management.Automation.PSCredential", by_property_name=True,
                     help="Not supported by the FileSystem provider.")


# ----------------------------------------------------------------------------- encodings

_ENCODING_NAMES = ("ascii", "ansi", "bigendianunicode", "bigendianutf32", "oem", "unicode", "utf7", "utf8",
                   "utf8BOM", "utf8NoBOM", "utf32")


def resolve_encoding(value: Any, cmd: Cmdlet) -> Any:
    """An -Encoding argument (a name, a code page or an Encoding object) as an Encoding."""
    from o365shell.engine import dotnet_text as T
    if value is None:
        return T.UTF8Encoding(False)
    if isinstance(value, T.Encoding):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return T.get_encoding(int(value))
        except Exception as e:
            raise _transform_error(cmd, getattr(e, "Message", str(e))) from None
    name = to_string(value).strip()
    key = name.lower()
    table = {"ascii": lambda: T.ASCIIEncoding(), "ansi": lambda: T.Latin1Encoding(),
             "bigendianunicode": lambda: T.UnicodeEncoding(True), "bigendianutf32": lambda: T.UTF32Encoding(True),
             "oem": lambda: T.UTF8Encoding(False), "unicode": lambda: T.UnicodeEncoding(),
             "utf8": lambda: T.UTF8Encoding(False), "utf8bom": lambda: T.UTF8Encoding(True),
             "utf8nobom": lambda: T.UTF8Encoding(False), "utf32": lambda: T.UTF32Encoding(),
             "utf7": lambda: _utf7()}
    f = table.get(key)
    if f is not None:
        return f()
    try:
        return T.get_encoding(name)
    except Exception as e:
        raise _transform_error(cmd, getattr(e, "Message", str(e))) from None


def _utf7() -> Any:
    from o365shell.engine import dotnet_text as T

    class UTF7Encoding(T.Encoding):
        __ps_typename__ = "System.Text.UTF7Encoding"
        _codec = "utf-7"
        _web = "utf-7"
        _display = "Unicode (UTF-7)"
        _codepage = 65000

        def encode(self, s: str) -> bytes:
            return s.encode("utf-7")

        def decode(self, data: bytes) -> str:
            return data.decode("utf-7", "replace")
    return UTF7Encoding()


def _transform_error(cmd: Cmdlet, message: str) -> Exception:
    from o365shell.engine.binding import binding_error
    return binding_error(f"Cannot process argument transformation on parameter 'Encoding'. {message}",
                         "ParameterArgumentTransformationError", cmd.name)


_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def decode_text(data: bytes, encoding: Any) -> str:
    """File bytes as text: a byte-order mark wins over -Encoding, as in pwsh's StreamReader."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    return encoding.decode(data)


def encode_text(text: str, encoding: Any, with_preamble: bool) -> bytes:
    pre = encoding.preamble() if with_preamble else b""
    return pre + encoding.encode(text)


def split_lines(text: str) -> list[str]:
    """StreamReader.ReadLine: lines end at \\n, \\r\\n or \\r; no empty line after a final break."""
    if not text:
        return []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def split_delimited(text: str, delim: str) -> list[str]:
    """-Delimiter: chunks that keep their delimiter at the end; nothing after a final delimiter."""
    if not delim:
        return [text] if text else []
    out = []
    start = 0
    while True:
        i = text.find(delim, start)
        if i < 0:
            if start < len(text):
                out.append(text[start:])
            return out
        out.append(text[start:i + len(delim)])
        start = i + len(delim)


def _values_as_text(values: Any) -> list[str | None]:
    out: list[str | None] = []
    for v in values or []:
        if v is None:
            continue
        if is_enumerable(v) and not isinstance(v, str):
            out.extend(to_string(x) for x in enumerate_values(v) if x is not None)
        else:
            out.append(to_string(v))
    return out


# ----------------------------------------------------------------------------- Get-Content

@cmdlet("Get-Content", module=MGMT, aliases=("gc", "cat", "type"), default_set="Path")
class GetContent(PathCmdlet):
    """Gets the content of the item at the specified location.

    For a text file, Get-Content reads the file one line at a time and sends each line down the
    pipeline as a string (without its line break). -Raw returns the whole file as one string,
    -TotalCount / -Head / -First the first lines, -Tail / -Last the last lines and -ReadCount
    sends the lines in arrays of that size. A byte-order mark in the file decides its encoding;
    otherwise -Encoding does (UTF-8 by default)."""

    dotnet_name = "GetContentCommand"
    help_required = ("Path",)
    Path, LiteralPath = _path_params()
    ReadCount = Parameter("System.Int64", default=1, by_property_name=True,
                          help="How many lines to send through the pipeline at a time (0 or less: all at once).")
    TotalCount = Parameter("System.Int64", default=-1, by_property_name=True, aliases=("First", "Head"),
                           help="How many lines to read from the beginning of the file.")
    Tail = Parameter(int, default=-1, by_property_name=True, aliases=("Last",),
                     help="How many lines to read from the end of the file.")
    Filter, Include, Exclude = _filters("files")
    Force = Parameter(Switch, help="Read hidden files too.")
    Credential = _credential()
    Delimiter = Parameter(str, help="The string that separates the objects read (kept at the end of each).")
    Wait = Parameter(Switch, help="Keep the file open and wait for new lines (not available here: reads once).")
    Raw = Parameter(Switch, help="Return the whole file as one string, line breaks included.")
    Encoding = Parameter(object, type_label="System.Text.Encoding",
                         help="The encoding of the file when it has no byte-order mark: ascii, "
                                      "bigendianunicode, bigendianutf32, oem, unicode, utf7, utf8, utf8BOM, "
                                      "utf8NoBOM, utf32, a code page number or an Encoding object.")
    AsByteStream = Parameter(Switch, help="Read the content as bytes.")
    examples = [("Get-Content -Path ./LineNumbers.txt", "Shows every line of the file."),
                ("Get-Content -Path ./LineNumbers.txt -TotalCount 5", "The first five lines."),
                ("Get-Content -Path ./LineNumbers.txt -Tail 1", "The last line."),
                ("Get-Content -Path ./users.csv -Raw", "The whole file as one string.")]

    def begin(self) -> None:
        self.check_credential()
        if self.TotalCount != -1 and self.Tail != -1 and self.is_bound("TotalCount") and self.is_bound("Tail"):
            raise self.error("The parameters TotalCount and Tail cannot be specified at the same time.",
                             self.fqid("TailAndHeadCannotCoexist"), ErrorCategory.InvalidOperation,
                             exc_type=PSInvalidOperationException)
        self._enc = resolve_encoding(self.Encoding, self)
        if self.Wait:
            self.warn("Get-Content -Wait is not available in o365shell: the file is read once and not followed.")

    def process(self) -> None:
        self.require_path()
        paths, literal = self.path_args()
        for p in paths:
            other = fs.other_drive(p)
            if other is not None:
                drive, rest = other
                self._drive_content(drive, rest, p)
                continue
            try:
                found = fs.expand(self.ctx, p, literal=literal, force=True)
            except fs.PathError as e:
                self.report(e)
                continue
            for full in self.filtered(found):
                self._read(full)

    def _drive_content(self, drive: str, name: str, original: str) -> None:
        items = fs.drive_lookup(self.ctx, drive, name)
        if not items:
            self.report(fs.not_found(original))
            return
        for it in items:
            if drive == "function":
                self.write(it.scriptblock)
            elif drive == "alias":
                self.write(it.target)
            else:
                self.write(it.Value)

    def _read(self, full: str) -> None:
        if os.path.isdir(full):
            self.fail(f"Unable to get content because it is a directory: '{full}'. Please use 'Get-ChildItem' "
                      "instead.", "GetContainerContentException", ErrorCategory.InvalidOperation, full)
            return
        try:
            with open(full, "rb") as fh:
                data = fh.read()
        except PermissionError:
            self.fail(f"Access to the path '{full}' is denied.", "GetContentReaderUnauthorizedAccessError",
                      ErrorCategory.PermissionDenied, full, UnauthorizedAccessException)
            return
        except OSError as e:
            self.fail(f"{e.strerror} : '{full}'", "GetContentReaderIOError", ErrorCategory.ReadError, full,
                      IOException)
            return
        if self.AsByteStream:
            from o365shell.engine.netlib.numbers import Byte
            items: list = [Byte(b) for b in data]
            if self.Raw:
                self.write(items)
                return
        else:
            text = decode_text(data, self._enc)
            if self.Raw:
                if self.Tail >= 0 or self.TotalCount >= 0:
                    lines = split_delimited(text, "\n")
                    lines = self._limit(lines)
                    text = "".join(lines)
                if text:
                    self.write(text)
                return
            items = split_delimited(text, self.Delimiter) if self.Delimiter is not None else split_lines(text)
        items = self._limit(items)
        rc = int(self.ReadCount)
        if rc == 1:
            self.write_all(items)
        elif rc <= 0:
            if items:
                self.write(items)
        else:
            for i in range(0, len(items), rc):
                self.write(items[i:i + rc])

    def _limit(self, items: list) -> list:
        if self.TotalCount >= 0:
            items = items[:int(self.TotalCount)]
        if self.Tail >= 0:
            items = items[len(items) - self.Tail:] if self.Tail else []
        return items


# ----------------------------------------------------------------------------- Set-Content / Add-Content

class _WriteContent(PathCmdlet):
    help_required = ("Path",)
    Path, LiteralPath = _path_params()
    Value = Parameter("System.Object[]", mandatory=True, position=1, from_pipeline=True, by_property_name=True,
                      allow_null=True, allow_empty=True, help="The content to write: each object is a line.")
    PassThru = Parameter(Switch, help="Also send the written content down the pipeline.")
    Filter, Include, Exclude = _filters("files")
    Force = Parameter(Switch, help="Write even to a read-only file.")
    Credential = _credential()
    NoNewline = Parameter(Switch, help="Write the values with no line breaks between or after them.")
    Encoding = Parameter(object, type_label="System.Text.Encoding",
                         help="The encoding to write (default utf8NoBOM): ascii, bigendianunicode, "
                                      "bigendianutf32, oem, unicode, utf7, utf8, utf8BOM, utf8NoBOM, utf32, a code "
                                      "page number or an Encoding object.")
    AsByteStream = Parameter(Switch, help="Write the values as bytes.")
    append = False

    def begin(self) -> None:
        self.check_credential()
        self._enc = resolve_encoding(self.Encoding, self)
        self._values: list = []

    def _resolve_targets(self) -> list[str]:
        paths, literal = self.path_args()
        out: list[str] = []
        for p in paths:
            try:
                if not literal and fs.has_wildcard(fs.strip_provider(p)):
                    found = fs.expand(self.ctx, p, literal=False, force=True)
                    if not found:
                        self.report(fs.not_found(fs.absolute(self.ctx, p)))
                    out.extend(self.filtered(found))
                else:
                    out.append(fs.absolute(self.ctx, p if literal else _unescape(p)))
            except fs.PathError as e:
                self.report(e)
        return out

    def _bytes_for(self, values: list, first_write: bool) -> bytes:
        if self.AsByteStream:
            from o365shell.engine.conversion import to_integer
            flat = []
            for v in values:
                if is_enumerable(v) and not isinstance(v, str):
                    flat.extend(enumerate_values(v))
                elif v is not None:
                    flat.append(v)
            return bytes(to_integer(x) & 0xFF for x in flat)
        lines = _values_as_text(values)
        sep = "" if self.NoNewline else "\n"
        text = "".join(line + sep for line in lines)  # type: ignore[operator]
        return encode_text(text, self._enc, first_write)

    def _write_file(self, full: str, values: list, mode: str) -> bool:
        if os.path.isdir(full):
            self.fail(f"Access to the path '{full}' is denied.", "GetContentWriterUnauthorizedAccessError",
                      ErrorCategory.PermissionDenied, full, UnauthorizedAccessException)
            return False
        parent = os.path.dirname(full) or "/"
        if not os.path.isdir(parent):
            self.fail(f"Could not find a part of the path '{full}'.", "GetContentWriterDirectoryNotFoundError",
                      ErrorCategory.ObjectNotFound, full, DirectoryNotFoundException)
            return False
        if not self.should_process(full, self._action()):
            return False
        fresh = mode == "wb" or not os.path.exists(full) or os.path.getsize(full) == 0
        data = self._bytes_for(values, fresh)
        try:
            if self.Force and os.path.exists(full) and not os.access(full, os.W_OK):
                os.chmod(full, os.stat(full).st_mode | 0o200)
            with open(full, mode) as fh:
                fh.write(data)
        except PermissionError:
            self.fail(f"Access to the path '{full}' is denied.", "GetContentWriterUnauthorizedAccessError",
                      ErrorCategory.PermissionDenied, full, UnauthorizedAccessException)
            return False
        except OSError as e:
            self.fail(f"{e.strerror} : '{full}'", "GetContentWriterIOError", ErrorCategory.WriteError, full,
                      IOException)
            return False
        return True

    def _action(self) -> str:
        return self.name.replace("-", " ", 1).split(" ")[0] + " Content"

    def _passthru(self, values: list) -> None:
        if self.PassThru:
            for v in values:
                if is_enumerable(v) and not isinstance(v, str):
                    self.write_all(enumerate_values(v))
                else:
                    self.write(v)


def _unescape(p: str) -> str:
    from o365shell.engine.netlib.wildcard import unescape
    return unescape(p)


@cmdlet("Set-Content", module=MGMT, aliases=("sc",), default_set="Path", should_process=True)
class SetContent(_WriteContent):
    """Writes new content or replaces the content in a file.

    Set-Content replaces the whole content of the file with the values given (one line per
    value, UTF-8 without a byte-order mark, each line ending in a line feed). Values from the
    pipeline are collected and written when the pipeline ends, so a file can be read and
    rewritten in one pipeline. The file is created when it does not exist."""

    dotnet_name = "SetContentCommand"
    examples = [("Set-Content -Path ./Test1.txt -Value 'Hello, World'", "Creates (or replaces) a one-line file."),
                ("'one', 'two' | Set-Content -Path ./lines.txt", "Writes two lines from the pipeline."),
                ("(Get-Content ./notes.txt) -replace 'old', 'new' | Set-Content ./notes.txt",
                 "Replaces text in a file.")]

    def process(self) -> None:
        self.require_path()
        v = self.Value
        self._values.extend(list(v) if v is not None else [])

    def end(self) -> None:
        for full in self._resolve_targets():
            if self._write_file(full, self._values, "wb"):
                self._passthru(self._values)


@cmdlet("Add-Content", module=MGMT, aliases=("ac",), default_set="Path", should_process=True)
class AddContent(_WriteContent):
    """Adds content to the specified items, such as adding words to a file.

    Each value is appended to the end of the file as a line of its own (ending in a line feed,
    unless -NoNewline). The file is created when it does not exist."""

    dotnet_name = "AddContentCommand"
    examples = [("Add-Content -Path ./log.txt -Value 'Run finished'", "Appends one line to the file."),
                ("Get-Content ./a.txt | Add-Content -Path ./all.txt", "Appends the lines of one file to another.")]

    def process(self) -> None:
        self.require_path()
        values = list(self.Value) if self.Value is not None else []
        for full in self._resolve_targets():
            if self._write_file(full, values, "ab"):
                self._passthru(values)


@cmdlet("Clear-Content", module=MGMT, aliases=("clc",), default_set="Path", should_process=True)
class ClearContent(PathCmdlet):
    """Deletes the contents of an item, but does not delete the item.

    The file stays, with a length of zero."""

    dotnet_name = "ClearContentCommand"
    help_required = ("Path",)
    Path, LiteralPath = _path_params()
    Filter, Include, Exclude = _filters("files")
    Force = Parameter(Switch, help="Clear read-only files too.")
    Credential = _credential()
    examples = [("Clear-Content -Path ./log.txt", "Empties the file.")]

    def process(self) -> None:
        self.require_path()
        self.check_credential()
        for full in self.resolved(force=True):
            if os.path.isdir(full):
                self.fail(f"Unable to clear content because it is a directory: '{full}'.",
                          "ClearContainerContentException", ErrorCategory.InvalidOperation, full)
                continue
            if not self.should_process(full, "Clear Content"):
                continue
            try:
                with open(full, "wb"):
                    pass
            except OSError:
                self.fail(f"Access to the path '{full}' is denied.", "ClearContentUnauthorizedAccessError",
                          ErrorCategory.PermissionDenied, full, UnauthorizedAccessException)


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
        if drive is not None and drive != "temp":
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
        t = fs.FileInfo(full).LastWriteTime
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
    """The FileSystem provider's MakePath on Linux ('\\' taken as '/')."""
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



