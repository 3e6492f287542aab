"""Typed property tables: one declaration per settable property, with conversion.

Used by the Exchange OrganizationConfig, CAS mailboxes and authentication policies so a
cmdlet can list the properties, know each one's type, and have values validated and
converted in one place (:meth:`PropertySpec.convert`).  Names are matched
case-insensitively, as PowerShell does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Callable, Iterable, Iterator, Mapping

from .errors import UnknownProperty, ValidationError

__all__ = ["PropertySpec", "PropertyTable", "KINDS", "format_timespan", "parse_timespan"]

#: The value kinds a property may have.
KINDS = frozenset({"bool", "switch", "int", "str", "list", "timespan", "enum", "unlimited"})

_TIMESPAN_RE = re.compile(r"^(?P<neg>-)?(?:(?P<d>\d+)\.)?(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.(?P<f>\d{1,7}))?)?$")
_TRUE = {"true", "$true", "1", "yes"}
_FALSE = {"false", "$false", "0", "no"}


def format_timespan(delta: timedelta) -> str:
    """Format like .NET ``TimeSpan.ToString()``: ``[-][d.]hh:mm:ss[.fffffff]``."""
    total_us = int(round(delta.total_seconds() * 1_000_000))
    sign = "-" if total_us < 0 else ""
    total_us = abs(total_us)
    seconds, micro = divmod(total_us, 1_000_000)
    days, rem = divmod(seconds, 86_400)
    hours, rem = divmod(rem, 3_600)
    minutes, secs = divmod(rem, 60)
    text = f"{sign}{str(days) + '.' if days else ''}{hours:02d}:{minutes:02d}:{secs:02d}"
    if micro:
        text += f".{micro * 10:07d}"
    return text


def parse_timespan(text: str) -> timedelta:
    """Parse ``[-][d.]hh:mm[:ss[.fffffff]]``; raises ValueError when malformed."""
    match = _TIMESPAN_RE.match(text.strip())
    if not match:
        raise ValueError(text)
    hours, minutes = int(match["h"]), int(match["m"])
    secs = int(match["s"] or 0)
    if hours > 23 or minutes > 59 or secs > 59:
        raise ValueError(text)
    frac = int((match["f"] or "0").ljust(7, "0")) / 10_000_000
    delta = timedelta(days=int(match["d"] or 0), hours=hours, minutes=minutes, seconds=secs + frac)
    return -delta if match["neg"] else delta


@dataclass(frozen=True, slots=True)
class PropertySpec:
    """One typed property: its name, kind, default and constraints.

    * ``kind``: one of :data:`KINDS` (``timespan`` values are strings like ``06:00:00``;
      ``list`` values are tuples of strings; ``unlimited`` is ``"Unlimited"`` or a size);
    * ``nullable``: ``None`` ($null) is accepted;
    * ``choices``: allowed values of an ``enum`` (matched case-insensitively; an int is
      taken as an index into ``choices`` when ``int_index`` is set) or of an ``int``;
    * ``minimum``/``maximum``: range of an ``int`` or ``timespan`` (seconds);
    * ``read_only``: shown by Get- but refused by Set-;
    * ``documented``: the default comes from the documentation (else it is our choice);
    * ``check``: an extra validator called with the converted value (raises ValidationError).
    """

    name: str
    kind: str
    default: Any = None
    nullable: bool = False
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    read_only: bool = False
    documented: bool = True
    int_index: bool = False
    check: Callable[[Any], None] | None = None

    @property
    def python_type(self) -> str:
        """A short type name for help/completion (``bool``, ``int``, ``str``, ``list``, ``timespan``...)."""
        return self.kind

    def convert(self, value: Any) -> Any:
        """Validate ``value`` for this property and return it in its stored form."""
        if value is None:
            if self.kind == "list":
                return ()
            if self.nullable:
                return None
            raise ValidationError(f"Cannot bind a null value to {self.name} (type {self.kind}).", self.name, value)
        handler = getattr(self, f"_to_{self.kind}")
        converted = handler(value)
        if self.check is not None:
            self.check(converted)
        return converted

    def _bad(self, value: Any, expected: str) -> ValidationError:
        return ValidationError(
            f"Cannot convert value '{value}' to the type required by parameter '{self.name}': expected {expected}.",
            self.name,
            value,
        )

    def _to_bool(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise self._bad(value, "a Boolean ($true or $false)")

    _to_switch = _to_bool

    def _to_int(self, value: Any) -> int:
        if isinstance(value, bool):
            raise self._bad(value, "an integer")
        if isinstance(value, str):
            try:
                value = int(value.strip())
            except ValueError as exc:
                raise self._bad(value, "an integer") from exc
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int):
            raise self._bad(value, "an integer")
        if self.choices and value not in self.choices:
            allowed = ", ".join(str(c) for c in self.choices)
            raise ValidationError(f"The value {value} of {self.name} is not one of: {allowed}.", self.name, value)
        self._check_range(value, value)
        return value

    def _check_range(self, shown: Any, number: float) -> None:
        if (self.minimum is not None and number < self.minimum) or (self.maximum is not None and number > self.maximum):
            raise ValidationError(
                f"The value {shown} of {self.name} is out of range; it must be between "
                f"{self._bound(self.minimum)} and {self._bound(self.maximum)}.",
                self.name,
                shown,
            )

    def _bound(self, bound: float | None) -> str:
        if bound is None:
            return "unbounded"
        if self.kind == "timespan":
            return format_timespan(timedelta(seconds=bound))
        return str(int(bound))

    def _to_str(self, value: Any) -> str:
        if isinstance(value, (list, tuple, dict, set)):
            raise self._bad(value, "a string")
        return str(value)

    def _to_list(self, value: Any) -> tuple[str, ...]:
        if isinstance(value, str):
            return (value,)
        if isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
            items = []
            for item in value:
                if item is None or isinstance(item, (list, tuple, dict)):
                    raise self._bad(value, "a list of strings")
                items.append(str(item))
            return tuple(items)
        return (str(value),)

    def _to_timespan(self, value: Any) -> str:
        if isinstance(value, timedelta):
            delta = value
        elif isinstance(value, str):
            try:
                delta = parse_timespan(value)
            except ValueError as exc:
                raise self._bad(value, "a time span such as 06:00:00 or 1.00:00:00") from exc
        else:
            raise self._bad(value, "a time span such as 06:00:00")
        text = format_timespan(delta)
        self._check_range(text, delta.total_seconds())
        return text

    def _to_enum(self, value: Any) -> str:
        if self.int_index and isinstance(value, int) and not isinstance(value, bool):
            if 0 <= value < len(self.choices):
                return self.choices[value]
        else:
            text = str(value).strip().lower()
            for choice in self.choices:
                if str(choice).lower() == text:
                    return choice
        allowed = ", ".join(str(c) for c in self.choices)
        raise ValidationError(
            f"Cannot convert value '{value}' for {self.name}: valid values are {allowed}.", self.name, value
        )

    def _to_unlimited(self, value: Any) -> str:
        if isinstance(value, bool):
            raise self._bad(value, "'Unlimited' or a size")
        if isinstance(value, int):
            if value < 0:
                raise self._bad(value, "'Unlimited' or a positive size")
            return f"{value} B"
        text = str(value).strip()
        if text.lower() == "unlimited":
            return "Unlimited"
        if re.fullmatch(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB)", text, re.IGNORECASE):
            return text.upper()
        raise self._bad(value, "'Unlimited' or a size such as 2 GB")


class PropertyTable:
    """An ordered, case-insensitive table of :class:`PropertySpec` for one object type."""

    __slots__ = ("object_type", "_specs", "_by_lower")

    def __init__(self, object_type: str, specs: Iterable[PropertySpec]) -> None:
        self.object_type = object_type
        self._specs: tuple[PropertySpec, ...] = tuple(specs)
        self._by_lower = {s.name.lower(): s for s in self._specs}
        if len(self._by_lower) != len(self._specs):
            raise ValueError(f"duplicate property in {object_type} table")

    def __iter__(self) -> Iterator[PropertySpec]:
        """Iterate over the specs in declaration order."""
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.lower() in self._by_lower

    def names(self) -> list[str]:
        """The property names in declaration order."""
        return [s.name for s in self._specs]

    def spec(self, name: str) -> PropertySpec:
        """The spec of ``name`` (any casing); :class:`UnknownProperty` when absent."""
        try:
            return self._by_lower[name.lower()]
        except (KeyError, AttributeError):
            raise UnknownProperty(self.object_type, str(name)) from None

    def defaults(self) -> dict[str, Any]:
        """A fresh name -> default mapping."""
        return {s.name: (tuple(s.default) if s.kind == "list" and s.default else s.default) for s in self._specs}

    def convert_changes(self, changes: Mapping[str, Any], allow_read_only: bool = False) -> dict[str, Any]:
        """Validate a whole change set first; returns {canonical name: stored value}.

        Raises on the first unknown, read-only or invalid entry, before anything is applied.
        """
        out: dict[str, Any] = {}
        for name, value in changes.items():
            spec = self.spec(name)
            if spec.read_only and not allow_read_only:
                raise ValidationError(f"{spec.name} is read-only on {self.object_type}.", spec.name, value)
            out[spec.name] = spec.convert(value)
        return out
