"""Microsoft.PowerShell.Utility: the object pipeline cmdlets Select-Object, Sort-Object and
Group-Object (Compare-Object, Get-Unique and Tee-Object are in utility_compare, Measure-Object in
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
    attach_member,
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
    entry_comparer,
    expand_wildcards,
    make_entry,
    parse_properties,
)

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
                item = self._add_notes(item, notes, obj)
            self._emit(item, notes, obj, new=bool(notes))

    def _add_notes(self, target: Any, notes: list[PSNoteProperty], source: Any) -> Any:
        """Attach the selected properties to an expanded value; the object now carrying them
        (a PSObject wrapper when the value is a string, number or other value type)."""
        from o365shell.engine.objects import MISSING, get_member
        for n in notes:
            if get_member(target, n.Name) is not MISSING and not n.Name.lower() in ("count", "length") or \
                    (type(target) is PSCustomObject and n.Name.lower() in target._members):
                self._exists_error(n.Name, source, "AlreadyExistingUserSpecifiedPropertyExpand")
                continue
            try:
                carrier = attach_member(target, PSNoteProperty(n.Name, n.Value))
            except NotImplementedError:  # arrays, booleans and enums cannot carry members here
                continue
            if carrier is not None:
                target = carrier
        return target

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
