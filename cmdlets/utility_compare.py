"""Microsoft.PowerShell.Utility: Compare-Object, Get-Unique and Tee-Object."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory
from o365shell.engine.objects import PSCustomObject, PSNoteProperty, attach_member
from o365shell.engine.types import type_of

from .utility_common import (
    KeyedEntry,
    PropExpr,
    compare_values,
    encode_text,
    encoding_of,
    entry_comparer,
    expand_wildcards,
    format_for_file,
    make_entry,
    parse_properties,
    resolve_path,
)
from .utility_common import has_item as _has_item

UTIL = "Microsoft.PowerShell.Utility"


# ============================================================================= Compare-Object

@cmdlet("Compare-Object", module=UTIL, aliases=("compare", "diff"))
class CompareObject(Cmdlet):
    """Compares two sets of objects.

    One set is the reference set, the other the difference set. The result says whether a
    property value or object appears only in the reference set (<=), only in the difference
    set (=>) or, with -IncludeEqual, in both (==)."""

    ReferenceObject = Parameter("PSObject[]", mandatory=True, position=0, allow_empty=True,
                                help="The objects used as a reference for comparison.")
    DifferenceObject = Parameter("PSObject[]", mandatory=True, position=1, from_pipeline=True, allow_empty=True,
                                 help="The objects compared to the reference objects.")
    SyncWindow = Parameter(int, validate_range=(0, 2147483647), default=2147483647,
                           help="How many adjacent objects to search for a match.")
    Property = Parameter("System.Object[]", help="Properties (names or script blocks) to compare.")
    ExcludeDifferent = Parameter(Switch, help="Output only the objects that are equal (implies -IncludeEqual).")
    IncludeEqual = Parameter(Switch, help="Also output the objects found in both sets (==).")
    PassThru = Parameter(Switch, help="Output the compared objects themselves with a SideIndicator property.")
    CaseSensitive = Parameter(Switch, help="Compare strings case-sensitively.")
    Culture = Parameter(str, help="The culture to use for string comparisons (en-US only here).")
    examples = [
        ("Compare-Object -ReferenceObject 'a','b' -DifferenceObject 'b','c'",
         "Shows c => (only in the difference set) and a <= (only in the reference set)."),
        ("Compare-Object $before $after -Property UserPrincipalName -IncludeEqual", "Compares users by UPN."),
    ]

    def begin(self) -> None:
        self._include_equal = bool(self.IncludeEqual)
        if self.ExcludeDifferent and not (self.is_bound("IncludeEqual") and not self.IncludeEqual):
            self._include_equal = True
        self._ref_entries: list[KeyedEntry] | None = None
        self._exprs: list[PropExpr] = []
        self._ref_index = 0
        self._ref_backlog: list[KeyedEntry] = []
        self._diff_backlog: list[KeyedEntry] = []
        self._cmp: Any = None

    def _init(self) -> None:
        if self._ref_entries is not None:
            return
        refs = [x for x in (self.ReferenceObject or [])]
        exprs = parse_properties(self, self.Property, ()) if self.Property else []
        self._exprs = expand_wildcards(exprs, refs)
        self._ref_entries = [make_entry(self, o, self._exprs, i) for i, o in enumerate(refs)]
        n = max([len(e.values) for e in self._ref_entries] + [1])
        self._cmp = entry_comparer([True] * n, True, bool(self.CaseSensitive))

    def process(self) -> None:
        refs = self.ReferenceObject
        diffs = self.DifferenceObject
        if not refs:
            if diffs:
                exprs = parse_properties(self, self.Property, ()) if self.Property else []
                self._exprs = expand_wildcards(exprs, list(diffs))
                for i, o in enumerate(diffs):
                    self._emit_diff(make_entry(self, o, self._exprs, i))
            return
        if not diffs:
            self._init()
            self._step(None)
            return
        self._init()
        for i, o in enumerate(diffs):
            self._step(make_entry(self, o, self._exprs, i))

    def _match_remove(self, entry: KeyedEntry | None, lst: list[KeyedEntry]) -> KeyedEntry | None:
        if entry is None:
            return None
        for i, e in enumerate(lst):
            if self._cmp(entry, e) == 0:
                return lst.pop(i)
        return None

    def _step(self, diff: KeyedEntry | None) -> None:
        refs = self._ref_entries or []
        ref = None
        if self._ref_index < len(refs):
            ref = refs[self._ref_index]
            self._ref_index += 1
        if ref is not None and diff is not None and self._cmp(ref, diff) == 0:
            self._emit_match(ref)
            return
        m = self._match_remove(diff, self._ref_backlog)
        if m is not None:
            self._emit_match(m)
            diff = None
        m = self._match_remove(ref, self._diff_backlog)
        if m is not None:
            self._emit_match(ref)  # type: ignore[arg-type]
            ref = None
        window = self.SyncWindow
        if diff is not None:
            if window > 0:
                while len(self._diff_backlog) >= window:
                    self._emit_diff(self._diff_backlog.pop(0))
                self._diff_backlog.append(diff)
            else:
                self._emit_diff(diff)
        if ref is not None:
            if window > 0:
                while len(self._ref_backlog) >= window:
                    self._emit_ref(self._ref_backlog.pop(0))
                self._ref_backlog.append(ref)
            else:
                self._emit_ref(ref)

    def end(self) -> None:
        if self._ref_entries is not None:
            while self._ref_index < len(self._ref_entries):
                self._step(None)
        for e in self._diff_backlog:
            self._emit_diff(e)
        self._diff_backlog = []
        for e in self._ref_backlog:
            self._emit_ref(e)
        self._ref_backlog = []

    def _emit_match(self, e: KeyedEntry) -> None:
        if self._include_equal:
            self._emit(e, "==")

    def _emit_diff(self, e: KeyedEntry) -> None:
        if not self.ExcludeDifferent:
            self._emit(e, "=>")

    def _emit_ref(self, e: KeyedEntry) -> None:
        if not self.ExcludeDifferent:
            self._emit(e, "<=")

    def _emit(self, e: KeyedEntry, side: str) -> None:
        if self.PassThru:
            obj = e.obj
            try:  # a string or number comes out wrapped in a PSObject carrying the note
                obj = attach_member(obj, PSNoteProperty("SideIndicator", side), force=True)
            except NotImplementedError:
                pass  # arrays, booleans and enums cannot carry members here
            self.write(obj)
            return
        result = PSCustomObject()
        if not self.Property:
            result.add_note("InputObject", e.obj)
        else:
            for ex, (_exists, v) in zip(self._exprs, e.values):
                if ex.text().lower() not in result._members:
                    result.add_note(ex.text(), v)
        result._members.pop("sideindicator", None)
        result.add_note("SideIndicator", side)
        self.write(result)


# ============================================================================= Get-Unique

@cmdlet("Get-Unique", module=UTIL, aliases=("gu",), default_set="AsString")
class GetUnique(Cmdlet):
    """Returns unique items from a sorted list.

    Compares each object with the previous one and drops it when they are equal, so the input
    should be sorted first (Sort-Object -Unique does both)."""

    InputObject = Parameter(object, from_pipeline=True, help="The objects to filter.")
    AsString = Parameter(Switch, set="AsString", help="Compare the objects as strings.")
    OnType = Parameter(Switch, set="UniqueByType", help="Return only one object of each type.")
    CaseInsensitive = Parameter(Switch, help="Compare strings without regard to case.")
    examples = [("1, 1, 2, 3, 3 | Get-Unique", "Returns 1, 2, 3."),
                ("'a','A','b' | Get-Unique -CaseInsensitive", "Returns a, b.")]

    def begin(self) -> None:
        self._has_last = False
        self._last: Any = None

    def process(self) -> None:
        if not _has_item(self):
            return
        item = self.InputObject
        unique = True
        if self._has_last:
            if self.OnType:
                unique = _type_name(item) != _type_name(self._last)
            elif self.AsString or isinstance(item, str):
                a, b = to_string(item), to_string(self._last)
                unique = (a.lower() != b.lower()) if self.CaseInsensitive else a != b
            else:
                unique = compare_values(item, self._last, not self.CaseInsensitive) != 0
        self._has_last = True
        self._last = item
        if unique:
            self.write(to_string(item) if self.AsString else item)


def _type_name(v: Any) -> str:
    return "" if v is None else type_of(v).FullName


# ============================================================================= Tee-Object

@cmdlet("Tee-Object", module=UTIL, aliases=("tee",), default_set="File")
class TeeObject(Cmdlet):
    """Saves command output in a file or variable and also sends it down the pipeline.

    The objects pass through unchanged; the file receives them formatted as on the screen
    (like Out-File), the variable receives them as objects."""

    InputObject = Parameter(object, from_pipeline=True, help="The objects to save and pass on.")
    FilePath = Parameter(str, mandatory=True, position=0, set="File", aliases=("Path",),
                         help="The file to save the output to.")
    LiteralPath = Parameter(str, mandatory=True, set="LiteralFile", aliases=("PSPath", "LP"),
                            help="The file to save the output to (no wildcards).")
    Append = Parameter(Switch, set=["File", "LiteralFile"], help="Add to the end of the file.")
    Encoding = Parameter(object, set=["File", "LiteralFile"], help="The file's encoding (default utf8NoBOM).")
    Variable = Parameter(str, mandatory=True, set="Variable", help="The variable to save the output to.")
    examples = [("Get-MsolUser | Tee-Object -FilePath users.txt | Measure-Object",
                 "Saves the list in a file and counts the users."),
                ("1..3 | Tee-Object -Variable nums", "Shows 1, 2, 3 and keeps them in $nums.")]

    def begin(self) -> None:
        self._items: list[Any] = []
        self._path = None
        path = self.FilePath if self.FilePath is not None else self.LiteralPath
        if path is not None:
            self._path = resolve_path(self, path)
            self._codec = encoding_of(self, self.Encoding)

    def process(self) -> None:
        if not _has_item(self):
            return
        item = self.InputObject
        self._items.append(item)
        self.write(item)

    def end(self) -> None:
        if self.Variable is not None:
            v = self.Variable.lstrip("$")
            items = self._items
            value: Any = items[0] if len(items) == 1 else list(items)
            if ":" in v:
                scope, name = v.split(":", 1)
                self.ctx.assign(name, value, scope)
            else:
                self.ctx.assign(v, value)
            return
        if self._path is None:
            return
        text = format_for_file(self.ctx, self._items)
        codec, bom = self._codec
        try:
            mode = "ab" if self.Append else "wb"
            import os
            exists = os.path.exists(self._path)
            with open(self._path, mode) as f:
                f.write(encode_text(text, codec, bom and not (self.Append and exists)))
        except OSError as e:
            raise self.error(_io_message(e, self._path), "FileOpenFailure", ErrorCategory.OpenError, self._path,
                             _io_exc(e)) from None


def _io_message(e: OSError, path: str) -> str:
    import errno
    if e.errno in (errno.ENOENT,):
        import os
        return f"Could not find a part of the path '{path}'." if not os.path.isdir(os.path.dirname(path)) else \
            f"Could not find file '{path}'."
    if e.errno in (errno.EACCES, errno.EPERM):
        return f"Access to the path '{path}' is denied."
    if e.errno == errno.EISDIR:
        return f"Access to the path '{path}' is denied."
    return f"{e.strerror}: '{path}'"


def _io_exc(e: OSError) -> type:
    import errno

    from o365shell.engine.netlib import exceptions as X
    if e.errno == errno.ENOENT:
        return getattr(X, "DirectoryNotFoundException", None) or getattr(X, "IOException", None) or X.SystemException
    if e.errno in (errno.EACCES, errno.EPERM, errno.EISDIR):
        return getattr(X, "UnauthorizedAccessException", None) or X.SystemException
    return getattr(X, "IOException", None) or X.SystemException

