"""Microsoft.PowerShell.Utility: CSV — Export-Csv, Import-Csv, ConvertTo-Csv, ConvertFrom-Csv.

As in pwsh 7: every field is quoted by default, no #TYPE line unless -IncludeTypeInformation,
values are the properties' ToString(), imported values are strings. Export-Csv builds the
whole text before it touches the file, so a failure leaves the file as it was."""
from __future__ import annotations

import os
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, PSInvalidOperationException
from o365shell.engine.netlib import exceptions as X
from o365shell.engine.objects import (
    MISSING,
    PSCustomObject,
    get_member,
    properties,
    type_names,
)
from o365shell.engine.pscollections import Hashtable

from .utility_common import (
    encode_text,
    encoding_of,
    file_io_error,
    has_item,
    net_string,
    read_text,
    resolve_path,
)

UTIL = "Microsoft.PowerShell.Utility"

_ExtendedTypeSystemException = None


def _ets_exception() -> type:
    global _ExtendedTypeSystemException
    if _ExtendedTypeSystemException is None:
        from o365shell.engine.errors import RuntimeException, _exc
        _ExtendedTypeSystemException = _exc("ExtendedTypeSystemException",
                                            "System.Management.Automation.ExtendedTypeSystemException",
                                            RuntimeException)
    return _ExtendedTypeSystemException


# ============================================================================= writing

def property_names_for_csv(obj: Any) -> list[str]:
    """The columns an object gives (a dictionary's keys, else its properties in order)."""
    if isinstance(obj, Hashtable):
        return [to_string(k) for k in obj.keys()]
    return [n for n, _v in properties(obj)] if obj is not None else []


def _value_for(obj: Any, name: str) -> str | None:
    if isinstance(obj, Hashtable):
        if obj.has(name):
            return net_string(obj.get(name))
        return None
    try:
        v = get_member(obj, name)
    except Exception:  # noqa: BLE001
        return None
    return None if v is MISSING else net_string(v)


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


class CsvWriter:
    """pwsh's ExportCsvHelper: header and rows with the chosen quoting."""

    def __init__(self, delimiter: str, quote_kind: str, quote_fields: list[str] | None) -> None:
        self.delimiter = delimiter
        self.kind = quote_kind.lower()
        self.fields = {f.lower() for f in quote_fields} if quote_fields is not None else None

    def _field(self, name: str, value: str | None) -> str:
        if value is None:
            return ""
        if self.fields is not None:
            return _quote(value) if name.lower() in self.fields else value
        if self.kind == "always":
            return _quote(value)
        if self.kind == "asneeded":
            return _quote(value) if any(c in value for c in (self.delimiter, "\n", '"')) else value
        return value

    def header(self, names: list[str]) -> str:
        return self.delimiter.join(self._field(n, n) for n in names)

    def row(self, obj: Any, names: list[str]) -> str:
        return self.delimiter.join(self._field(n, _value_for(obj, n)) for n in names)


def type_line(obj: Any) -> str:
    names = type_names(obj)
    if not names:
        return "#TYPE"
    t = names[0]
    if t.lower().startswith("csv:"):
        t = t[4:]
    return f"#TYPE {t}"


def _delimiter(cmd: Cmdlet) -> str:
    if getattr(cmd, "UseCulture", False):
        return ","
    d = getattr(cmd, "Delimiter", None)
    if d is None or d == "":
        return ","
    d = to_string(d)
    if len(d) != 1:
        raise cmd.error(f"Cannot bind parameter 'Delimiter'. Cannot convert value \"{d}\" to type \"System.Char\". "
                        "Error: \"String must be exactly one character long.\"", "CannotConvertArgumentNoMessage",
                        ErrorCategory.InvalidArgument, d)
    return d


_QUOTE_KINDS = ("Never", "Always", "AsNeeded")


class _CsvWriting(Cmdlet):
    """Parameters shared by Export-Csv and ConvertTo-Csv (pwsh's BaseCsvWritingCommand)."""

    Delimiter = Parameter(str, position=1, set="Delimiter", help="The character between values (default comma).")
    UseCulture = Parameter(Switch, mandatory=True, set="UseCulture",
                           help="Use the culture's list separator (a comma for en-US).")
    IncludeTypeInformation = Parameter(Switch, aliases=("ITI",), help="Write a #TYPE line with the object's type.")
    NoTypeInformation = Parameter(Switch, aliases=("NTI",),
                                  help="Do not write a #TYPE line (the default in PowerShell 7).")
    QuoteFields = Parameter(list[str], aliases=("QF",), help="Quote only these columns.")
    UseQuotes = Parameter(str, aliases=("UQ",), validate_set=_QUOTE_KINDS, default="Always",
                          help="When to quote fields: Always (default), AsNeeded or Never.")
    NoHeader = Parameter(Switch, help="Do not write the header line.")

    def _writer(self) -> CsvWriter:
        return CsvWriter(_delimiter(self), self.UseQuotes or "Always", self.QuoteFields)

    def _with_type(self) -> bool:
        return bool(self.IncludeTypeInformation) and not self.NoTypeInformation


# ============================================================================= ConvertTo-Csv

@cmdlet("ConvertTo-Csv", module=UTIL, default_set="Delimiter")
class ConvertToCsv(_CsvWriting):
    """Converts .NET objects into a series of character-separated value (CSV) strings.

    Writes a header line with the property names of the first object, then one line per object.
    Every field is quoted unless -UseQuotes or -QuoteFields say otherwise."""

    InputObject = Parameter(object, mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                            help="The objects to convert (the first one fixes the columns).")
    examples = [("Get-MsolUser | Select-Object DisplayName, UserPrincipalName | ConvertTo-Csv",
                 "CSV text of two properties."),
                ("$rows | ConvertTo-Csv -Delimiter ';' -UseQuotes AsNeeded", "Semicolons, quotes only when needed.")]

    def begin(self) -> None:
        self._csv = self._writer()
        self._names: list[str] | None = None

    def process(self) -> None:
        if not has_item(self):
            return
        obj = self.InputObject
        if obj is None:
            return
        if self._names is None:
            self._names = property_names_for_csv(obj)
            if not self.NoHeader:
                if self._with_type():
                    self.write(type_line(obj))
                h = self._csv.header(self._names)
                if h:
                    self.write(h)
        self.write(self._csv.row(obj, self._names))



# ============================================================================= Export-Csv

@cmdlet("Export-Csv", module=UTIL, aliases=("epcsv",), default_set="Delimiter", should_process=True)
class ExportCsv(_CsvWriting):
    """Converts objects into a series of character-separated value (CSV) strings and saves the
    strings to a file.

    The first object's properties become the columns. With -Append, rows are added under the
    existing header (objects must have its columns unless -Force is used). -NoClobber refuses to
    overwrite a file. The file is written once, after the last object."""

    InputObject = Parameter(object, mandatory=True, from_pipeline=True, help="The objects to export.")
    Path = Parameter(str, position=0, help="The CSV file to write.")
    LiteralPath = Parameter(str, aliases=("PSPath", "LP"), help="The CSV file to write (no wildcards).")
    Force = Parameter(Switch, help="Overwrite a read-only file; with -Append, allow mismatched columns.")
    NoClobber = Parameter(Switch, aliases=("NoOverwrite",), help="Do not overwrite an existing file.")
    Encoding = Parameter(object, help="The file encoding (default utf8NoBOM).")
    Append = Parameter(Switch, help="Add the rows to the end of the file.")
    examples = [("Get-MsolUser -All | Select-Object UserPrincipalName, DisplayName | Export-Csv users.csv "
                 "-NoTypeInformation", "Saves users to a CSV file."),
                ("$report | Export-Csv report.csv -Append", "Adds rows to an existing file.")]

    def begin(self) -> None:
        path = self.Path if self.Path is not None else self.LiteralPath
        if path is None:
            raise self.error("Cannot process command because of one or more missing mandatory parameters: Path.",
                             "MissingMandatoryParameter", ErrorCategory.InvalidArgument, None)
        if self.Path is not None and self.LiteralPath is not None:
            raise self.error("You must specify either the -Path or -LiteralPath parameters, but not both.",
                             "CannotSpecifyPathAndLiteralPath", ErrorCategory.InvalidData, None,
                             PSInvalidOperationException)
        self._full = resolve_path(self, path)
        self._csv = self._writer()
        self._codec = encoding_of(self, self.Encoding)
        self._lines: list[str] = []
        self._names: list[str] | None = None
        self._ok = self.should_process(self._full)
        self._appending = False
        self._existing: list[str] | None = None
        if os.path.isdir(self._full):
            raise self.error(f"Access to the path '{self._full}' is denied.", "FileOpenFailure",
                             ErrorCategory.OpenError, self._full, X.UnauthorizedAccessException)
        exists = os.path.exists(self._full)
        if self.NoClobber and exists and not self.Append:
            raise self.error(f"The file '{self._full}' already exists.", "NoClobber", ErrorCategory.ResourceExists,
                             self._full, X.IOException)
        if self.Append and exists and os.path.getsize(self._full) > 0:
            self._appending = True
            try:
                text = read_text(self._full)
            except OSError as e:
                raise file_io_error(self, e, self._full) from None
            header, _type, _rows = parse_csv(text, self._csv.delimiter, header_only=True)
            self._existing = header

    def process(self) -> None:
        if not has_item(self):
            return
        obj = self.InputObject
        if obj is None or not self._ok:
            return
        if self._names is None:
            self._names = property_names_for_csv(obj)
            if self._appending and self._existing is not None:
                mine = {n.lower() for n in self._names}
                for col in self._existing:
                    if col.lower() not in mine and not self.Force:
                        raise self.error(f"Cannot append CSV content to the following file: {self.Path or self.LiteralPath}"
                                         f". The appended object does not have a property that corresponds to the "
                                         f"following column: {col}. To continue with mismatched properties, add the "
                                         "-Force parameter, and then retry the command.",
                                         "CannotAppendCsvWithMismatchedPropertyNames", ErrorCategory.InvalidData, col,
                                         PSInvalidOperationException)
                self._names = list(self._existing)
            if not self._appending and not self.NoHeader:
                if self._with_type():
                    self._lines.append(type_line(obj))
                self._lines.append(self._csv.header(self._names))
        self._lines.append(self._csv.row(obj, self._names))

    def end(self) -> None:
        if not self._ok:
            return
        text = "".join(line + "\n" for line in self._lines)
        codec, bom = self._codec
        try:
            if self._appending:
                with open(self._full, "ab") as f:
                    f.write(encode_text(text, codec, False))
            else:
                data = encode_text(text, codec, bom)
                if os.path.exists(self._full) and not os.access(self._full, os.W_OK) and self.Force:
                    os.chmod(self._full, 0o644)
                with open(self._full, "wb") as f:
                    f.write(data)
        except OSError as e:
            raise file_io_error(self, e, self._full) from None



# ============================================================================= reading

def parse_csv(text: str, delimiter: str, header: list[str] | None = None, header_only: bool = False
              ) -> tuple[list[str] | None, str | None, list[list[str]]]:
    """pwsh's ImportCsvHelper: (header, #TYPE name, records). Quoted fields may hold delimiters,
    doubled quotes and newlines; leading blanks are dropped; blank lines are skipped."""
    pos = 0
    n = len(text)
    type_name: str | None = None

    def next_record() -> list[str] | None:
        nonlocal pos
        if pos >= n:
            return None
        result: list[str] = []
        cur: list[str] = []
        in_quote = False

        def till_delimiter(eat_blanks: bool) -> bool:
            nonlocal pos
            tmp: list[str] = []
            nonblank = False
            end_of_record = False
            while True:
                if pos >= n:
                    end_of_record = True
                    break
                ch = text[pos]
                pos += 1
                if ch == delimiter:
                    break
                if ch in "\r\n":
                    if ch == "\r" and pos < n and text[pos] == "\n":
                        pos += 1
                    end_of_record = True
                    break
                tmp.append(ch)
                if ch not in " \t":
                    nonblank = True
            s = "".join(tmp)
            cur.append(s.strip() if eat_blanks and not nonblank else s)
            return end_of_record

        while pos < n:
            ch = text[pos]
            pos += 1
            if ch == delimiter:
                if in_quote:
                    cur.append(ch)
                else:
                    result.append("".join(cur))
                    cur = []
            elif ch == '"':
                if in_quote:
                    if pos < n and text[pos] == '"':
                        pos += 1
                        cur.append('"')
                    else:
                        in_quote = False
                        end = till_delimiter(True)
                        result.append("".join(cur))
                        cur = []
                        if end:
                            return result
                elif not cur:
                    in_quote = True
                else:
                    cur.append(ch)
                    end = till_delimiter(False)
                    result.append("".join(cur))
                    cur = []
                    if end:
                        return result
            elif ch in " \t":
                if in_quote:
                    cur.append(ch)
                elif not cur:
                    continue
                else:
                    cur.append(ch)
                    end = till_delimiter(True)
                    result.append("".join(cur))
                    cur = []
                    if end:
                        return result
            elif ch in "\r\n":
                nl = ch
                if ch == "\r" and pos < n and text[pos] == "\n":
                    pos += 1
                    nl = "\r\n"
                if in_quote:
                    cur.append(nl)
                else:
                    result.append("".join(cur))
                    return result
            else:
                cur.append(ch)
        if cur:
            result.append("".join(cur))
        return result

    if text.startswith("#"):
        eol = text.find("\n")
        first = text[:eol if eol >= 0 else n].rstrip("\r")
        if first.lower().startswith("#type"):
            t = first[5:].strip()
            type_name = t or None
        pos = eol + 1 if eol >= 0 else n
    hdr = header
    while hdr is None and pos < n:
        rec = next_record()
        if rec is None:
            break
        while len(rec) > 1 and rec[-1] == "":
            rec.pop()
        if rec and rec[0].startswith("#Fields: "):
            rec[0] = rec[0][9:]
            hdr = rec
        elif rec and rec[0].startswith("#"):
            continue
        else:
            hdr = rec
    if header_only:
        return hdr, type_name, []
    rows: list[list[str]] = []
    while True:
        rec = next_record()
        if rec is None or not rec:
            break
        if len(rec) == 1 and rec[0] == "":
            continue
        rows.append(rec)
    return hdr, type_name, rows


class _Builder:
    """Turns records into PSCustomObjects (H1, H2... for missing header names, with one warning)."""

    def __init__(self, cmd: Cmdlet) -> None:
        self.cmd = cmd
        self.warned = False

    def validate(self, header: list[str]) -> None:
        seen: set[str] = set()
        for h in header:
            if not h:
                continue
            if h.lower() in seen:
                exc = _ets_exception()(f'The member "{h}" is already present.')
                raise self.cmd.error(exc.Message, "AlreadyPresentPSMemberInfoInternalCollectionAdd",
                                     ErrorCategory.NotSpecified, None, _ets_exception())
            seen.add(h.lower())

    def build(self, header: list[str], values: list[str], type_name: str | None) -> PSCustomObject:
        items = []
        unspecified = 1
        for i, name in enumerate(header):
            if not name:
                name = f"H{unspecified}"
                unspecified += 1
            items.append((name, values[i] if i < len(values) else None))
        if unspecified != 1 and not self.warned:
            self.cmd.warn('One or more headers were not specified. Default names starting with "H" have been used '
                          "in place of any missing headers.")
            self.warned = True
        typenames = [type_name, "CSV:" + type_name] if type_name else None
        obj = PSCustomObject(None, typenames)
        for k, v in items:
            obj.add_note(k, v)
        if typenames:
            obj._typenames = typenames
        return obj


# ============================================================================= Import-Csv

@cmdlet("Import-Csv", module=UTIL, aliases=("ipcsv",), default_set="DelimiterPath")
class ImportCsv(Cmdlet):
    """Creates table-like custom objects from the items in a character-separated value (CSV) file.

    Each row becomes an object whose properties are named by the header line (or -Header); all
    values are strings. Quoted fields may contain delimiters, doubled quotes and line breaks."""

    Path = Parameter(list[str], position=0, from_pipeline=True, by_property_name=True,
                     sets={"DelimiterPath": {"mandatory": True}, "CulturePath": {"mandatory": True}},
                     help="The CSV file(s) to read.")
    LiteralPath = Parameter(list[str], by_property_name=True, aliases=("PSPath", "LP"),
                            sets={"DelimiterLiteralPath": {"mandatory": True}, "CultureLiteralPath": {"mandatory": True}},
                            help="The CSV file(s) to read (no wildcards).")
    Delimiter = Parameter(str, position=1, sets={"DelimiterPath": {}, "DelimiterLiteralPath": {}},
                          help="The character between values (default comma).")
    UseCulture = Parameter(Switch, sets={"CulturePath": {"mandatory": True}, "CultureLiteralPath": {"mandatory": True}},
                           help="Use the culture's list separator (a comma for en-US).")
    Header = Parameter(list[str], not_null_or_empty=True,
                       help="Column names to use instead of the file's first line (which is then read as data).")
    Encoding = Parameter(object, help="The file encoding (default: detected from the BOM, else UTF-8).")
    examples = [("Import-Csv users.csv | ForEach-Object { $_.UserPrincipalName }", "Reads a CSV file."),
                ("Import-Csv data.txt -Delimiter \"`t\" -Header Name, Value", "A tab-separated file without a header.")]

    def begin(self) -> None:
        self._builder = _Builder(self)
        self._delim = _delimiter(self)

    def process(self) -> None:
        paths = self.Path if self.Path is not None else self.LiteralPath
        if paths is None:
            return
        if self.Path is not None and self.is_bound("LiteralPath"):
            raise self.error("You must specify either the -Path or -LiteralPath parameters, but not both.",
                             "CannotSpecifyPathAndLiteralPath", ErrorCategory.InvalidData, None,
                             PSInvalidOperationException)
        codec = encoding_of(self, self.Encoding)[0] if self.Encoding is not None else None
        for p in paths:
            for full in self._resolve(p, literal=self.Path is None):
                try:
                    text = read_text(full, codec)
                except FileNotFoundError:
                    self.write_error(self.make_record(X.FileNotFoundException(f"Could not find file '{full}'."),
                                                      "FileOpenFailure", ErrorCategory.OpenError, full))
                    continue
                except IsADirectoryError:
                    self.write_error(self.make_record(X.UnauthorizedAccessException(
                        f"Access to the path '{full}' is denied."), "FileOpenFailure", ErrorCategory.OpenError, full))
                    continue
                except OSError as e:
                    self.write_error(self.make_record(X.IOException(f"{e.strerror}: '{full}'"), "FileOpenFailure",
                                                      ErrorCategory.OpenError, full))
                    continue
                header, type_name, rows = parse_csv(text, self._delim, list(self.Header) if self.Header else None)
                if header is None:
                    continue
                self._builder.validate(header)
                for r in rows:
                    self.write(self._builder.build(header, r, type_name))

    def _resolve(self, path: str, literal: bool) -> list[str]:
        from o365shell.engine.netlib.wildcard import has_wildcard
        if not literal and has_wildcard(path):
            from .fsprovider import PathError, expand
            try:
                return expand(self.ctx, path)
            except PathError as e:
                self.write_error(self.make_record(e.message, e.error_id, e.category, e.target))
                return []
        return [resolve_path(self, path)]


# ============================================================================= ConvertFrom-Csv

@cmdlet("ConvertFrom-Csv", module=UTIL, default_set="Delimiter")
class ConvertFromCsv(Cmdlet):
    """Converts object properties in character-separated value (CSV) format into CSV versions of
    the original objects.

    The first string is the header (unless -Header is given); each following line becomes an
    object with string properties."""

    InputObject = Parameter(list[object], mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                            help="The CSV strings to convert.")
    Delimiter = Parameter(str, position=1, set="Delimiter", help="The character between values (default comma).")
    UseCulture = Parameter(Switch, mandatory=True, set="UseCulture",
                           help="Use the culture's list separator (a comma for en-US).")
    Header = Parameter(list[str], not_null_or_empty=True, help="Column names to use instead of the first line.")
    examples = [("'Name,Dept', 'ann,IT' | ConvertFrom-Csv", "An object with Name and Dept."),
                ("$text | ConvertFrom-Csv -Delimiter ';' -Header A, B", "Semicolon-separated, own header.")]

    def begin(self) -> None:
        self._builder = _Builder(self)
        self._delim = _delimiter(self)
        self._header: list[str] | None = list(self.Header) if self.Header else None
        self._type: str | None = None

    def process(self) -> None:
        if not has_item(self):
            return
        for item in self.InputObject or []:
            text = to_string(item)
            if self._header is None:
                header, type_name, rows = parse_csv(text, self._delim)
                if header is None:
                    continue
                self._header = header
                self._type = type_name
                self._builder.validate(header)
            else:
                _h, _t, rows = parse_csv(text, self._delim, self._header)
            for r in rows:
                self.write(self._builder.build(self._header, r, self._type))
