"""Microsoft.PowerShell.Utility: the object pipeline cmdlets Select-Object, Sort-Object,
Group-Object, Compare-Object, Get-Unique and Tee-Object (Measure-Object is in
utility_measure; members, dates, variables, CSV/JSON in the other utility_* modules)."""
from __future__ import annotations

import functools
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, PSArgumentException, StopUpstream
from o365shell.engine.netlib.exceptions import ArgumentException
from o365shell.engine.netlib.wildcard import compile_wildcard
from o365shell.engine.objects import (
    PSCustomObject,
    PSNoteProperty,
    add_instance_member,
    enumerate_values,
    is_enumerable,
)
from o365shell.engine.pscollections import CaseSensitiveDictionary, Hashtable
from o365shell.engine.types import type_of

from .utility_common import (
    KeyedEntry,
    PropExpr,
    compare_values,
    default_key_properties,
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


def _input_items(cmd: Cmdlet) -> list[Any]:
    """The object(s) this process() call handles: the pipeline item, or -InputObject once (as one object)."""
    v = cmd.InputObject  # type: ignore[attr-defined]
    if v is None:
        return []
    return [v]


# ============================================================================= Select-Object

@cmdlet("Select-Object", module=UTIL, aliases=("select",), default_set="DefaultParameter")
class SelectObject(Cmdlet):
    """Selects objects or object properties.

    Selects specified properties of an object or set of objects (creating new objects that have
    only those properties), or selects unique objects, a given number of objects, or objects at
    given positions in an array. Calculated properties are hashtables with a Name (or Label) and
    an Expression key (a property name or a script block run with $_)."""

    InputObject = Parameter(object, from_pipeline=True, help="The objects to select from.")
    Property = Parameter("System.Object[]", position=0, set=["DefaultParameter", "SkipLastParameter"],
                         help="The properties to select: names (wildcards allowed), or calculated properties "
                              "@{Name=...; Expression=...}.")
    ExcludeProperty = Parameter(list[str], set=["DefaultParameter", "SkipLastParameter"],
                                help="Properties to leave out (wildcards allowed); implies -Property *.")
    ExpandProperty = Parameter(str, set=["DefaultParameter", "SkipLastParameter"],
                               help="A property whose value is output instead (each item, for a collection).")
    Unique = Parameter(Switch, help="Output only one of each set of identical objects.")
    CaseInsensitive = Parameter(Switch, help="With -Unique, compare strings without regard to case.")
    Last = Parameter(int, set="DefaultParameter", validate_range=(0, 2147483647),
                     help="The number of objects to select from the end.")
    First = Parameter(int, set="DefaultParameter", validate_range=(0, 2147483647),
                      help="The number of objects to select from the beginning.")
    Skip = Parameter(int, set="DefaultParameter", validate_range=(0, 2147483647), default=0,
                     help="Skip this many objects (from the end with -Last).")
    SkipLast = Parameter(int, set="SkipLastParameter", validate_range=(0, 2147483647), default=0,
                         help="Skip this many objects from the end.")
    Wait = Parameter(Switch, set=["DefaultParameter", "IndexParameter"],
                     help="Do not stop the commands upstream once enough objects were selected.")
    Index = Parameter(list[int], set="IndexParameter", validate_range=(0, 2147483647),
                      help="Select the objects at these positions (0-based).")
    SkipIndex = Parameter(list[int], set="SkipIndexParameter", validate_range=(0, 2147483647),
                          help="Select all objects except the ones at these positions.")
    examples = [
        ("Get-MsolUser | Select-Object DisplayName, UserPrincipalName",
         "Keeps only two properties of each user."),
        ("Get-MsolUser | Select-Object DisplayName, @{Name='MFA'; Expression={ $_.StrongAuthenticationRequirements.State }}",
         "Adds a calculated property."),
        ("1..10 | Select-Object -First 3", "Selects the first three objects."),
        ("Get-MsolUser | Select-Object -ExpandProperty UserPrincipalName", "Outputs just the UPN strings."),
    ]

    def begin(self) -> None:
        self._props = parse_properties(self, self.Property, ("name",)) if self.Property else []
        self._expand = None
        if self.ExpandProperty:
            self._expand = parse_properties(self, [self.ExpandProperty], ("name",))[0]
        self._exclude = None
        if self.ExcludeProperty is not None:
            pats = [compile_wildcard(p) for p in self.ExcludeProperty]
            self._exclude = lambda n: any(m(n) for m in pats)
            if not self._props:
                self._props = [PropExpr("*")]
        self._uniques: list[tuple[Any, list[PSNoteProperty]]] | None = [] if self.Unique else None
        self._first = self.First if self.is_bound("First") else 0
        self._last = self.Last if self.is_bound("Last") else 0
        self._first_or_last = self.is_bound("First") or self.is_bound("Last")
        self._skip = self.Skip or 0
        self._skip_last = self.SkipLast or 0
        self._queue: list[Any] = []
        self._streamed = 0
        idx = self.Index if self.Index is not None else self.SkipIndex
        self._index = sorted(idx) if idx is not None else None
        self._include_index = self.Index is not None
        self._filter_pos = 0
        self._obj_pos = 0

    # ---- the queue of pwsh's SelectObjectQueue
    def _enqueue(self, obj: Any) -> None:
        q = self._queue
        if self._last > 0 and len(q) >= self._last + self._skip and self._first == 0 or self._last > 0 and len(q) >= self._last and self._first != 0:
            q.pop(0)
        q.append(obj)

    def _streaming_dequeue(self) -> Any:
        q = self._queue
        if self._skip == 0:
            if self._skip_last > 0:
                if len(q) > self._skip_last:
                    return True, q.pop(0)
            else:
                if self._streamed < self._first or not self._first_or_last:
                    self._streamed += 1
                    return True, q.pop(0)
                if self._last == 0:
                    q.pop(0)
        else:
            if self._last == 0:
                q.pop(0)
                self._skip -= 1
            elif self._first != 0:
                self._skip -= 1
                q.pop(0)
        return False, None

    def _all_done(self) -> bool:
        return self._first_or_last and self._last == 0 and self._first != 0 and self._streamed >= self._first

    def process(self) -> None:
        for item in _input_items(self):
            if self._index is not None:
                self._process_indexed(item)
                continue
            self._enqueue(item)
            ok, obj = self._streaming_dequeue()
            if ok:
                self._handle(obj)
            if self._all_done() and not self.Wait:
                raise StopUpstream(self)

    def _process_indexed(self, item: Any) -> None:
        idx = self._index
        assert idx is not None
        if self._include_index:
            if self._filter_pos < len(idx):
                want = idx[self._filter_pos]
                if self._obj_pos == want:
                    self._handle(item)
                    while self._filter_pos < len(idx) and idx[self._filter_pos] == want:
                        self._filter_pos += 1
            self._obj_pos += 1
            if not self.Wait and self._filter_pos >= len(idx):
                raise StopUpstream(self)
        else:
            if self._filter_pos < len(idx) and self._obj_pos == idx[self._filter_pos]:
                want = idx[self._filter_pos]
                while self._filter_pos < len(idx) and idx[self._filter_pos] == want:
                    self._filter_pos += 1
            else:
                self._handle(item)
            self._obj_pos += 1

    def end(self) -> None:
        if self._index is None and self.parameter_set_name == "DefaultParameter":
            q = self._queue
            if self._first != 0:
                while q:
                    self._handle(q.pop(0))
            else:
                while q and len(q) > self._skip:
                    self._handle(q.pop(0))
            self._queue = []
        if self._uniques is not None:
            for obj, _notes in self._uniques:
                self.write(obj)
            self._uniques = []

    # ---- one selected object
    def _handle(self, obj: Any) -> None:
        try:
            self._select(obj)
        except _SelectError as e:
            self.write_error(e.record)

    def _select(self, obj: Any) -> None:
        if not self._props and self._expand is None:
            self._emit(obj, [], obj)
            return
        notes: list[PSNoteProperty] = []
        for p in self._props:
            self._evaluate(p, obj, notes)
        if self._expand is None:
            result = PSCustomObject()
            seen: set[str] = set()
            for n in notes:
                if n.Name.lower() in seen:
                    self._exists_error(n.Name, obj, "AlreadyExistingUserSpecifiedPropertyNoExpand")
                    continue
                seen.add(n.Name.lower())
                result._members[n.Name.lower()] = n
            self._emit(result, notes, obj, new=True)
        else:
            self._expand_one(obj, notes)

    def _evaluate(self, p: PropExpr, obj: Any, out: list[PSNoteProperty]) -> None:
        results: list[tuple[str, Any]] = []
        for r in p.resolve(obj):
            if self._exclude is not None and not r.is_script and self._exclude(r.expr):
                continue
            for value, err in r.values(obj):
                results.append((r.text(), None if err is not None else value))
        if not results and not p.has_wildcard:
            results.append((p.text(), None))
        elif p.name and len(results) > 1:
            self.write_error(self.make_record(
                "Cannot rename multiple results.", "RenamingMultipleResults", ErrorCategory.InvalidOperation, obj))
            return
        for name, value in results:
            if self._exclude is not None and self._exclude(name):
                continue
            if p.name:
                name = p.name
            elif not name:
                raise self.error("A property is an empty script block and does not provide a name.",
                                 "EmptyScriptBlockAndNoName", ErrorCategory.InvalidArgument, None,
                                 PSArgumentException)
            out.append(PSNoteProperty(name, value))

    def _expand_one(self, obj: Any, notes: list[PSNoteProperty]) -> None:
        ex = self._expand
        assert ex is not None
        results = ex.values(obj)
        if not results:
            raise _SelectError(self.make_record(
                PSArgumentException(f'Property "{self.ExpandProperty}" cannot be found.'),
                "ExpandPropertyNotFound", ErrorCategory.InvalidArgument, obj))
        if len(results) > 1:
            raise _SelectError(self.make_record(
                PSArgumentException("Multiple properties cannot be expanded."), "MutlipleExpandProperties",
                ErrorCategory.InvalidArgument, obj))
        value, err = results[0]
        if err is not None:
            raise _SelectError(self.make_record(err, "PropertyEvaluationExpand", ErrorCategory.InvalidResult, obj))
        if value is None:
            return
        items = list(enumerate_values(value)) if is_enumerable(value) else [value]
        for item in items:
            if item is None:
                continue
            if notes:
                self._add_notes(item, notes, obj)
            self._emit(item, notes, obj, new=bool(notes))

    def _add_notes(self, target: Any, notes: list[PSNoteProperty], source: Any) -> None:
        from o365shell.engine.objects import MISSING, get_member
        for n in notes:
            if get_member(target, n.Name) is not MISSING and not n.Name.lower() in ("count", "length") or \
                    (type(target) is PSCustomObject and n.Name.lower() in target._members):
                self._exists_error(n.Name, source, "AlreadyExistingUserSpecifiedPropertyExpand")
                continue
            try:
                add_instance_member(target, PSNoteProperty(n.Name, n.Value))
            except NotImplementedError:
                # engine limitation: no PSObject wrapper for strings/numbers, so the note cannot be attached
                pass

    def _exists_error(self, name: str, obj: Any, error_id: str) -> None:
        self.write_error(self.make_record(
            PSArgumentException(f'The property cannot be processed because the property "{name}" already exists.'),
            error_id, ErrorCategory.InvalidOperation, obj))

    def _emit(self, obj: Any, notes: list[PSNoteProperty], source: Any, new: bool = False) -> None:
        if type(obj) is PSCustomObject and (new or notes):
            tn = "Selected." + type_of(source).FullName
            names = obj._typenames or []
            if tn not in names:
                obj._typenames = [tn] + list(names)
        if self._uniques is None:
            self.write(obj)
            return
        cs = not self.CaseInsensitive
        for prev, prev_notes in self._uniques:
            if compare_values(obj, prev, cs) == 0 and len(prev_notes) == len(notes):
                same = True
                for n in notes:
                    from o365shell.engine.objects import get_value
                    if compare_values(get_value(prev, n.Name), n.Value, cs) != 0:
                        same = False
                        break
                if same:
                    return
        self._uniques.append((obj, notes))


class _SelectError(Exception):
    def __init__(self, record: Any) -> None:
        super().__init__(record.message)
        self.record = record


# ============================================================================= Sort-Object

@cmdlet("Sort-Object", module=UTIL, aliases=("sort",), default_set="Default")
class SortObject(Cmdlet):
    """Sorts objects by property values.

    Sorts objects in ascending or descending order based on the values of their properties
    (or of script blocks / hashtables @{Expression=...; Descending=$true}). Without -Property,
    the objects themselves are compared (their default sort properties, if their type has them).
    Strings are compared case-insensitively in culture order unless -CaseSensitive is used."""

    InputObject = Parameter(object, from_pipeline=True, help="The objects to sort.")
    Property = Parameter("System.Object[]", position=0,
                         help="Properties to sort by: names, script blocks or @{Expression=...; Descending=...}.")
    Descending = Parameter(Switch, help="Sort in descending order.")
    Unique = Parameter(Switch, help="Remove duplicates (objects that compare equal) from the output.")
    CaseSensitive = Parameter(Switch, help="Compare strings case-sensitively (lower case first).")
    Culture = Parameter(str, help="The culture to use for string comparisons (en-US only here).")
    Stable = Parameter(Switch, set="Stable", help="Keep the input order of objects that compare equal.")
    Top = Parameter(int, mandatory=True, set="Top", validate_range=(1, 2147483647),
                    help="Output only this many objects from the start of the sorted list.")
    Bottom = Parameter(int, mandatory=True, set="Bottom", validate_range=(1, 2147483647),
                       help="Output only this many objects from the end of the sorted list.")
    examples = [
        ("Get-MsolUser | Sort-Object DisplayName", "Sorts users by display name."),
        ("$rows | Sort-Object Dept, @{Expression='Age'; Descending=$true}", "Two keys with different directions."),
        ("3, 1, 2 | Sort-Object -Descending", "Sorts numbers from largest to smallest."),
    ]

    def begin(self) -> None:
        self._items: list[Any] = []

    def process(self) -> None:
        self._items.extend(_input_items(self))

    def end(self) -> None:
        items = self._items
        if not items:
            return
        prop = self.Property
        if prop is None:
            keys = default_key_properties(items[0])
            exprs = parse_properties(self, keys, ("ascending", "descending")) if keys else []
        else:
            exprs = parse_properties(self, prop, ("ascending", "descending"))
        exprs = expand_wildcards(exprs, items)
        entries = [make_entry(self, o, exprs, i) for i, o in enumerate(items)]
        default_asc = not self.Descending
        asc: list[bool] = []
        for ex in exprs:
            a, d = ex.extra.get("ascending"), ex.extra.get("descending")
            from o365shell.engine.conversion import to_bool
            if a is not None and d is not None and to_bool(a) == to_bool(d):
                asc.append(default_asc)
            elif a is not None:
                asc.append(to_bool(a))
            elif d is not None:
                asc.append(not to_bool(d))
            else:
                asc.append(default_asc)
        cmp = entry_comparer(asc, default_asc, bool(self.CaseSensitive))
        entries.sort(key=functools.cmp_to_key(cmp))
        if self.Unique:
            uniq: list[KeyedEntry] = []
            for e in entries:
                if not uniq or cmp(uniq[-1], e) != 0:
                    uniq.append(e)
            entries = uniq
        if self.is_bound("Top"):
            entries = entries[:self.Top]
        elif self.is_bound("Bottom"):
            entries = entries[-self.Bottom:]
        for e in entries:
            self.write(e.obj)


# ============================================================================= Group-Object

class GroupCollection(list):
    """The Group of a GroupInfo: Collection<PSObject>."""

    __ps_typename__ = "System.Collections.ObjectModel.Collection`1[[System.Management.Automation.PSObject]]"

    @property
    def Count(self) -> int:
        return len(self)


class GroupInfo:
    """Microsoft.PowerShell.Commands.GroupInfo: one group of Group-Object."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.GroupInfo"
    __ps_typenames__ = ("Microsoft.PowerShell.Commands.GroupInfo", "System.Object")
    __ps_properties__ = ("Values", "Count", "Group", "Name")
    __slots__ = ("_count", "_entry", "_group", "_name")

    def __init__(self, entry: KeyedEntry) -> None:
        self._entry = entry
        self._group = GroupCollection()
        self._count = 0
        self._name = _group_name(entry)
        self.add(entry.obj)

    def add(self, obj: Any) -> None:
        self._group.append(obj)
        self._count += 1

    @property
    def Values(self) -> Any:
        from o365shell.engine.pscollections import ArrayList
        return ArrayList(v for _e, v in self._entry.values)

    @property
    def Count(self) -> int:
        return self._count

    @property
    def Group(self) -> GroupCollection:
        return self._group

    @property
    def Name(self) -> str:
        return self._name

    def ToString(self) -> str:
        return "Microsoft.PowerShell.Commands.GroupInfo"


class GroupInfoNoElement(GroupInfo):
    """Microsoft.PowerShell.Commands.GroupInfoNoElement: a group without its elements (-NoElement)."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.GroupInfoNoElement"
    __ps_typenames__ = ("Microsoft.PowerShell.Commands.GroupInfoNoElement", "Microsoft.PowerShell.Commands.GroupInfo",
                        "System.Object")
    __slots__ = ()

    def add(self, obj: Any) -> None:
        self._count += 1

    def ToString(self) -> str:
        return "Microsoft.PowerShell.Commands.GroupInfoNoElement"


def _group_name(entry: KeyedEntry) -> str:
    parts: list[str] = []
    for exists, v in entry.values:
        if v is None:
            continue
        if isinstance(v, (list, tuple)) or (is_enumerable(v) and not isinstance(v, (str, Hashtable))):
            parts.append("{" + ", ".join(to_string(x) for x in enumerate_values(v)) + "}")
        else:
            parts.append(to_string(v))
    return ", ".join(parts)


@cmdlet("Group-Object", module=UTIL, aliases=("group",))
class GroupObject(Cmdlet):
    """Groups objects that contain the same value for specified properties.

    Outputs one GroupInfo object per group, with Count, Name (the property value), Group (the
    objects) and Values. Groups are sorted by their value when all values have the same type,
    otherwise they appear in the order first seen. -AsHashTable returns a hashtable instead."""

    InputObject = Parameter(object, from_pipeline=True, help="The objects to group.")
    Property = Parameter("System.Object[]", position=0,
                         help="Properties (names or script blocks) to group by.")
    NoElement = Parameter(Switch, help="Omit the members of each group (only Count and Name).")
    AsHashTable = Parameter(Switch, set="HashTable", aliases=("AHT",),
                            help="Return a hashtable: group value -> the objects of the group.")
    AsString = Parameter(Switch, set="HashTable", help="With -AsHashTable, use the group names (strings) as keys.")
    CaseSensitive = Parameter(Switch, help="Group values that differ only in case separately.")
    Culture = Parameter(str, help="The culture to use for string comparisons (en-US only here).")
    examples = [
        ("Get-MsolUser -All | Group-Object Department", "Counts users per department."),
        ("'b','a','b' | Group-Object -NoElement", "Counts of each value, without the elements."),
        ("$byDept = $users | Group-Object Dept -AsHashTable; $byDept['IT']", "A lookup table of groups."),
    ]

    def begin(self) -> None:
        self._entries: list[KeyedEntry] = []
        self._exprs: list[PropExpr] | None = None
        self._types: list[Any] | None = None
        self._mixed = False

    def process(self) -> None:
        for item in _input_items(self):
            if self._exprs is None:
                prop = self.Property
                if prop is None:
                    keys = default_key_properties(item)
                    self._exprs = parse_properties(self, keys, ()) if keys else []
                else:
                    self._exprs = parse_properties(self, prop, ())
                if self.AsString and not self.AsHashTable:
                    raise self.error("The command cannot be run because the AsString parameter requires that you "
                                     "specify the AsHashtable parameter.", "ArgumentException",
                                     ErrorCategory.InvalidArgument, True, PSArgumentException)
                if self.AsHashTable and not self.AsString and prop is not None and \
                        (len(prop if isinstance(prop, list) else [prop]) > 1 or len(self._exprs) > 1):
                    raise self.error("The command cannot be run because using the AsHashTable parameter with more "
                                     "than one property requires adding the AsString parameter.",
                                     "ArgumentException", ErrorCategory.InvalidArgument, prop, PSArgumentException)
            exprs = [e for x in self._exprs for e in x.resolve(item)] if self._exprs else self._exprs
            entry = make_entry(self, item, exprs, len(self._entries))
            self._entries.append(entry)
            self._track_types(entry)

    def _track_types(self, entry: KeyedEntry) -> None:
        if self._mixed:
            return
        types = [type(v) if v is not None else None for _e, v in entry.values]
        if self._types is None:
            self._types = types
            return
        if len(types) != len(self._types):
            self._mixed = True
            return
        for i, t in enumerate(types):
            if t is None:
                continue
            if self._types[i] is None:
                self._types[i] = t
            elif self._types[i] is not t:
                self._mixed = True
                return

    def end(self) -> None:
        entries = self._entries
        if not entries:
            return
        cs = bool(self.CaseSensitive)
        n = max(len(e.values) for e in entries)
        cmp = entry_comparer([True] * n, True, cs)
        groups: list[GroupInfo] = []
        make = GroupInfoNoElement if self.NoElement else GroupInfo
        if not self._mixed:
            for e in sorted(entries, key=functools.cmp_to_key(cmp)):
                if groups and cmp(groups[-1]._entry, e) == 0:
                    groups[-1].add(e.obj)
                else:
                    groups.append(make(e))
        else:
            for e in entries:
                for g in groups:
                    if cmp(g._entry, e) == 0:
                        g.add(e.obj)
                        break
                else:
                    groups.append(make(e))
        if not self.AsHashTable:
            self.write_all(groups)
            return
        table = CaseSensitiveDictionary() if cs else Hashtable()
        try:
            for g in groups:
                key = g.Name if self.AsString else g._entry.values[0][1]
                if key is None:
                    raise ArgumentException("Key cannot be null. (Parameter 'key')")
                table.Add(key, g.Group)
        except Exception as e:  # noqa: BLE001 - a duplicate or null key
            self.write_error(self.make_record(
                "The objects grouped by this property cannot be expanded because there is a key duplication. "
                "Provide a valid value for the property, and then try again.", "The objects grouped by this property "
                "cannot be expanded because there is a key duplication. Provide a valid value for the property, and "
                "then try again.", ErrorCategory.InvalidArgument, None))
            _ = e
            return
        self.write(table)


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
            try:
                add_instance_member(obj, PSNoteProperty("SideIndicator", side), force=True)
            except NotImplementedError:
                pass  # engine limitation: strings and numbers cannot carry instance members
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


_ = (Hashtable,)
