"""The two cultures this package knows: en-US (the current culture) and invariant.

Values are the ones .NET 8 reports on Linux with ICU.  ``resolve_culture`` maps
any provider argument a script may pass (None, a culture name, a CultureInfo-like
object with ``Name``) to ``"en-US"`` or ``"invariant"``.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

EN_US = "en-US"
INVARIANT = "invariant"


@dataclass(frozen=True)
class NumberFormat:
    """The NumberFormatInfo members the formatter uses."""

    decimal_sep: str = "."
    group_sep: str = ","
    group_sizes: tuple[int, ...] = (3,)
    negative_sign: str = "-"
    positive_sign: str = "+"
    number_decimal_digits: int = 2
    number_negative_pattern: int = 1
    currency_symbol: str = "$"
    currency_decimal_digits: int = 2
    currency_positive_pattern: int = 0
    currency_negative_pattern: int = 1
    percent_symbol: str = "%"
    per_mille_symbol: str = "\u2030"
    percent_decimal_digits: int = 2
    percent_positive_pattern: int = 1
    percent_negative_pattern: int = 1
    nan_symbol: str = "NaN"
    positive_infinity: str = "\u221e"
    negative_infinity: str = "-\u221e"


@dataclass(frozen=True)
class DateFormat:
    """The DateTimeFormatInfo members the formatter and parser use."""

    short_date: str
    long_date: str
    short_time: str
    long_time: str
    full_date_time: str
    month_day: str
    year_month: str
    am: str = "AM"
    pm: str = "PM"
    date_sep: str = "/"
    time_sep: str = ":"
    era: str = "A.D."


DAY_NAMES = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
ABBR_DAY_NAMES = ("Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
ABBR_MONTH_NAMES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                    "Nov", "Dec")

NUMBER_FORMATS: dict[str, NumberFormat] = {
    EN_US: NumberFormat(),
    INVARIANT: NumberFormat(
        currency_symbol="\u00a4",
        currency_negative_pattern=0,
        percent_positive_pattern=0,
        percent_negative_pattern=0,
        positive_infinity="Infinity",
        negative_infinity="-Infinity",
    ),
}

DATE_FORMATS: dict[str, DateFormat] = {
    EN_US: DateFormat(
        short_date="M/d/yyyy",
        long_date="dddd, MMMM d, yyyy",
        short_time="h:mm tt",
        long_time="h:mm:ss tt",
        full_date_time="dddd, MMMM d, yyyy h:mm:ss tt",
        month_day="MMMM d",
        year_month="MMMM yyyy",
    ),
    INVARIANT: DateFormat(
        short_date="MM/dd/yyyy",
        long_date="dddd, dd MMMM yyyy",
        short_time="HH:mm",
        long_time="HH:mm:ss",
        full_date_time="dddd, dd MMMM yyyy HH:mm:ss",
        month_day="MMMM dd",
        year_month="yyyy MMMM",
    ),
}

_INVARIANT_NAMES = {"", "invariant", "iv", "invariantculture", "invariant language (invariant country)"}


def resolve_culture(provider: Any = None) -> str:
    """Return ``"en-US"`` or ``"invariant"`` for a provider argument.

    None means the current culture (en-US).  Strings are culture names ("" and
    "invariant" mean invariant).  Objects are inspected for ``Name`` / ``name``
    (a CultureInfo-like object; "" is invariant) or ``culture``.  Any other
    culture name falls back to en-US (the only specific culture supported).
    """
    if provider is None:
        return EN_US
    if isinstance(provider, str):
        name = provider
    else:
        name = None
        for attr in ("culture", "Name", "name"):
            v = getattr(provider, attr, None)
            if isinstance(v, str):
                name = v
                break
        if name is None:
            return EN_US
    if name.strip().lower() in _INVARIANT_NAMES:
        return INVARIANT
    return EN_US


def number_format(culture: str | Any = EN_US) -> NumberFormat:
    """NumberFormatInfo data for a culture name or provider."""
    nf = NUMBER_FORMATS.get(culture) if isinstance(culture, str) else None
    return nf if nf is not None else NUMBER_FORMATS[resolve_culture(culture)]


def date_format(culture: str | Any = EN_US) -> DateFormat:
    """DateTimeFormatInfo data for a culture name or provider."""
    df = DATE_FORMATS.get(culture) if isinstance(culture, str) else None
    return df if df is not None else DATE_FORMATS[resolve_culture(culture)]
