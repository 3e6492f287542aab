"""Microsoft.PowerShell.Utility: Measure-Object and its result objects (GenericMeasureInfo,
GenericObjectMeasureInfo, TextMeasureInfo)."""
from __future__ import annotations

import math
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_double, to_string
from o365shell.engine.errors import (
    ErrorCategory,
    PSArgumentException,
    PSInvalidOperationException,
)
from o365shell.engine.netlib.exceptions import DotNetException

from .utility_common import PropExpr, compare_values, parse_properties
from .utility_common import has_item as _has_item

UTIL = "Microsoft.PowerShell.Utility"


class GenericMeasureInfo:
    """Microsoft.PowerShell.Commands.GenericMeasureInfo: Measure-Object's numeric statistics."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.GenericMeasureInfo"
    __ps_typenames__ = ("Microsoft.PowerShell.Commands.GenericMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo",
                        "System.Object")
    __ps_properties__ = ("Count", "Average", "Sum", "Maximum", "Minimum", "StandardDeviation", "Property")
    __slots__ = ("Average", "Count", "Maximum", "Minimum", "Property", "StandardDeviation", "Sum")

    def __init__(self) -> None:
        self.Count = 0
        self.Average: float | None = None
        self.Sum: float | None = None
        self.Maximum: Any = None
        self.Minimum: Any = None
        self.StandardDeviation: float | None = None
        self.Property: str | None = None

    def ToString(self) -> str:
        return self.__ps_typename__


class GenericObjectMeasureInfo(GenericMeasureInfo):
    """Microsoft.PowerShell.Commands.GenericObjectMeasureInfo: Minimum/Maximum of non-numeric values."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.GenericObjectMeasureInfo"
    __ps_typenames__ = ("Microsoft.PowerShell.Commands.GenericObjectMeasureInfo",
                        "Microsoft.PowerShell.Commands.MeasureInfo", "System.Object")
    __slots__ = ()


class TextMeasureInfo:
    """Microsoft.PowerShell.Commands.TextMeasureInfo: line, word and character counts."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.TextMeasureInfo"
    __ps_typenames__ = ("Microsoft.PowerShell.Commands.TextMeasureInfo", "Microsoft.PowerShell.Commands.MeasureInfo",
                        "System.Object")
    __ps_properties__ = ("Lines", "Words", "Characters", "Property")
    __slots__ = ("Characters", "Lines", "Property", "Words")

    def __init__(self) -> None:
        self.Lines: int | None = None
        self.Words: int | None = None
        self.Characters: int | None = None
        self.Property: str | None = None

    def ToString(self) -> str:
        return self.__ps_typename__


class _Stat:
    __slots__ = ("chars", "count", "lines", "m2", "max", "mean", "min", "nonnumeric", "sum", "sumsq", "words")

    def __init__(self) -> None:
        self.count = 0
        self.sum = 0.0
        self.sumsq = 0.0
        self.mean = 0.0
        self.m2 = 0.0
        self.min: Any = None
        self.max: Any = None
        self.lines = 0
        self.words = 0
        self.chars = 0
        self.nonnumeric = False


_PLAIN_NUMBER = (int, float, type(None))


def _try_double(v: Any) -> tuple[bool, float]:
    if isinstance(v, str) and not v.strip():
        return True, 0.0
    try:
        return True, to_double(v)
    except DotNetException:
        return False, 0.0
    except (TypeError, ValueError):
        return False, 0.0


@cmdlet("Measure-Object", module=UTIL, aliases=("measure",), default_set="GenericMeasure")
class MeasureObject(Cmdlet):
    """Calculates the numeric properties of objects, and the characters, words, and lines in
    string objects, such as files of text.

    Counts the input objects; with -Sum, -Average, -Maximum, -Minimum, -StandardDeviation or
    -AllStats computes those statistics of the objects or of a property of them. With -Line,
    -Word and -Character counts text."""

    InputObject = Parameter(object, from_pipeline=True, help="The objects to measure.")
    Property = Parameter("System.Object[]", position=0, not_null_or_empty=True,
                         help="The properties to measure (names with wildcards, or script blocks).")
    StandardDeviation = Parameter(Switch, set="GenericMeasure", help="Compute the standard deviation.")
    Sum = Parameter(Switch, set="GenericMeasure", help="Compute the sum.")
    AllStats = Parameter(Switch, set="GenericMeasure", help="All statistics (sum, average, min, max, std dev).")
    Average = Parameter(Switch, set="GenericMeasure", help="Compute the average.")
    Maximum = Parameter(Switch, set="GenericMeasure", help="Find the maximum value.")
    Minimum = Parameter(Switch, set="GenericMeasure", help="Find the minimum value.")
    Line = Parameter(Switch, set="TextMeasure", help="Count the lines.")
    Word = Parameter(Switch, set="TextMeasure", help="Count the words.")
    Character = Parameter(Switch, set="TextMeasure", help="Count the characters.")
    IgnoreWhiteSpace = Parameter(Switch, set="TextMeasure", help="Do not count white space as characters.")
    examples = [("1..4 | Measure-Object -Sum -Average -Maximum -Minimum", "Statistics of four numbers."),
                ("Import-Csv licenses.csv | Measure-Object -Property Seats -Sum", "Sums a CSV column."),
                ("Get-Content notes.txt | Measure-Object -Line -Word -Character", "Counts text.")]

    def begin(self) -> None:
        all_ = bool(self.AllStats)
        self._sum = bool(self.Sum) or all_
        self._avg = bool(self.Average) or all_
        self._max = bool(self.Maximum) or all_
        self._min = bool(self.Minimum) or all_
        self._std = bool(self.StandardDeviation) or all_
        self._text = self.parameter_set_name == "TextMeasure"
        self._stats: dict[str, _Stat] = {}
        self._names: dict[str, str] = {}
        self._total = 0
        self._exprs: list[PropExpr] | None = parse_properties(self, self.Property, ()) \
            if self.Property is not None else None
        # numbers piped without -Property take a short path (the common `... | Measure-Object -Sum`)
        self._numbers = self._exprs is None and not self._text

    def _entry(self, name: str) -> _Stat:
        key = name.lower()
        st = self._stats.get(key)
        if st is None:
            st = self._stats[key] = _Stat()
            self._names[key] = name
        return st

    def process(self) -> None:
        item = self.InputObject
        t = type(item)
        if (t is int or t is float) and self._numbers and self.expecting_input:
            self._total += 1
            self._add_number(item)
            return
        if not _has_item(self):
            return
        if item is None:
            return
        self._total += 1
        if self._exprs is None:
            self._analyze("", item)
            return
        counted: set[str] = set()
        for ex in self._exprs:
            resolved = ex.resolve(item)
            if not resolved:
                if not ex.has_wildcard:
                    self._entry(ex.text())
                continue
            for r in resolved:
                name = r.text()
                if name.lower() in counted:
                    continue
                res = r.values(item)
                if not res:
                    self._entry(name)
                    continue
                value, err = res[0]
                if err is not None:
                    self.write_error(err, "PropertyEvaluation", ErrorCategory.InvalidResult, item)
                    continue
                self._analyze(name, value)
                counted.add(name.lower())

    def _analyze(self, name: str, value: Any) -> None:
        st = self._entry(name)
        st.count += 1
        if self._text:
            s = "" if value is None else to_string(value)
            if self.Character:
                st.chars += sum(1 for c in s if not c.isspace()) if self.IgnoreWhiteSpace else len(s)
            if self.Word:
                st.words += len(s.split())
            if self.Line and s:
                st.lines += s.count("\n") + (0 if s.endswith("\n") else 1)
            return
        if self._sum or self._avg or self._std:
            ok, num = _try_double(value)
            if not ok:
                st.nonnumeric = True
                self.write_error(self.make_record(
                    PSInvalidOperationException(f'Input object "{to_string(value)}" is not numeric.'),
                    "NonNumericInputObject", ErrorCategory.InvalidType, value))
                return
            st.sum += num
            delta = num - st.mean
            st.mean += delta / st.count
            st.m2 += delta * (num - st.mean)
        if self._min:
            st.min = self._pick(value, st.min, True)
        if self._max:
            st.max = self._pick(value, st.max, False)

    def _add_number(self, value: int | float) -> None:
        """_analyze for a plain int or float (same results, without the general conversions)."""
        st = self._stats.get("")
        if st is None:
            st = self._entry("")
        st.count += 1
        if self._sum or self._avg or self._std:
            num = float(value)
            st.sum += num
            delta = num - st.mean
            st.mean += delta / st.count
            st.m2 += delta * (num - st.mean)
        if self._min or self._max:
            if type(st.min) in _PLAIN_NUMBER and type(st.max) in _PLAIN_NUMBER:
                if self._min and (st.min is None or value < st.min):
                    st.min = value
                if self._max and (st.max is None or value > st.max):
                    st.max = value
            else:
                if self._min:
                    st.min = self._pick(value, st.min, True)
                if self._max:
                    st.max = self._pick(value, st.max, False)

    @staticmethod
    def _pick(value: Any, current: Any, is_min: bool) -> Any:
        if value is None and current is None:
            return None
        if current is None:
            return value
        a, b = value, current
        ok_a, da = _try_double(a) if a is not None else (False, 0.0)
        ok_b, db = _try_double(b) if b is not None else (False, 0.0)
        ca: Any = da if ok_a else a
        cb: Any = db if ok_b else b
        if ca is not None and cb is not None and type(ca) is not type(cb):
            ca, cb = to_string(a), to_string(b)
        r = compare_values(cb, ca, False)
        if (r > 0) if is_min else (r < 0):
            return value
        return current

    def end(self) -> None:
        if self._total == 0 and self._exprs is None:
            self._entry("")
        for key, st in self._stats.items():
            name = self._names[key]
            if st.count == 0 and self._exprs is not None:
                rec = self.make_record(PSArgumentException(
                    f'The property "{name}" cannot be found in the input for any objects.'),
                    "GenericMeasurePropertyNotFound" if not self._text else "TextMeasurePropertyNotFound",
                    ErrorCategory.InvalidArgument, None)
                self.write_error(rec)
                continue
            if self._text:
                ti = TextMeasureInfo()
                if self.Line:
                    ti.Lines = st.lines
                if self.Word:
                    ti.Words = st.words
                if self.Character:
                    ti.Characters = st.chars
                if self._exprs is not None:
                    ti.Property = name
                self.write(ti)
                continue
            numeric = all(v is None or _try_double(v)[0] for v in (st.min, st.max))
            mi = GenericMeasureInfo() if numeric else GenericObjectMeasureInfo()
            mi.Count = st.count
            if not st.nonnumeric:
                if self._sum:
                    mi.Sum = st.sum
                if self._avg and st.count > 0:
                    mi.Average = st.sum / st.count
                if self._std:
                    mi.StandardDeviation = math.sqrt(st.m2 / (st.count - 1)) if st.count > 1 else 0.0
            if self._max and st.max is not None:
                mi.Maximum = _try_double(st.max)[1] if numeric else st.max
            if self._min and st.min is not None:
                mi.Minimum = _try_double(st.min)[1] if numeric else st.min
            if self._exprs is not None:
                mi.Property = name
            self.write(mi)
