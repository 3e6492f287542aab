"""Microsoft.PowerShell.Management content cmdlets: Get-Content, Set-Content, Add-Content and
Clear-Content, with -Encoding resolution and the text decoding / line splitting they share."""
from __future__ import annotations

import os
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, PSInvalidOperationException
from o365shell.engine.netlib.exceptions import (
    DirectoryNotFoundException,
    IOException,
    UnauthorizedAccessException,
)
from o365shell.engine.objects import enumerate_values, is_enumerable

from . import fsprovider as fs
from .management import MGMT, PathCmdlet, _credential, _filters, _path_params


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
