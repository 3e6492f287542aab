"""DateTime and TimeSpan to text: .NET standard and custom format strings.

Works on plain field values so it does not depend on the DateTime/TimeSpan
classes (which call into it).  Culture is "en-US" or "invariant".
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .culture import (
    ABBR_DAY_NAMES,
    ABBR_MONTH_NAMES,
    DAY_NAMES,
    MONTH_NAMES,
    DateFormat,
    date_format,
    number_format,
)
from .exceptions import FormatException

BAD_FORMAT = "Input string was not in a correct format."
TICKS_PER_SECOND = 10_000_000
TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND
TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE
TICKS_PER_DAY = 24 * TICKS_PER_HOUR

ISO_ROUNDTRIP = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fffffffK"
RFC1123 = "ddd, dd MMM yyyy HH':'mm':'ss 'GMT'"
SORTABLE = "yyyy'-'MM'-'dd'T'HH':'mm':'ss"
UNIVERSAL_SORTABLE = "yyyy'-'MM'-'dd HH':'mm':'ss'Z'"



class DateParts:
    """The fields of a DateTime the formatter needs (duck-typed input)."""

    __slots__ = (
        "day",
        "day_of_week",
        "fraction",
        "hour",
        "kind",
        "minute",
        "month",
        "offset_minutes",
        "second",
        "year",
    )

    def __init__(self, year: int, month: int, day: int, hour: int, minute: int, second: int,
                 fraction: int, day_of_week: int, kind: int, offset_minutes: int | None) -> None:
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction          # ticks within the second (0 .. 9,999,999)
        self.day_of_week = day_of_week    # 0 = Sunday
        self.kind = kind                  # 0 Unspecified, 1 Utc, 2 Local
        self.offset_minutes = offset_minutes  # local UTC offset for z/K (None: not needed)


def expand_standard_date_format(fmt: str, df: DateFormat) -> str | None:
    """The custom pattern a one-letter standard DateTime format stands for (None: 'U')."""
    c = fmt
    if c == "d":
        return df.short_date
    if c == "D":
        return df.long_date
    if c == "f":
        return df.long_date + " " + df.short_time
    if c == "F":
        return df.full_date_time
    if c == "g":
        return df.short_date + " " + df.short_time
    if c == "G":
        return df.short_date + " " + df.long_time
    if c in "mM":
        return df.month_day
    if c in "oO":
        return ISO_ROUNDTRIP
    if c in "rR":
        return RFC1123
    if c == "s":
        return SORTABLE
    if c == "t":
        return df.short_time
    if c == "T":
        return df.long_time
    if c == "u":
        return UNIVERSAL_SORTABLE
    if c == "U":
        return df.full_date_time
    if c in "yY":
        return df.year_month
    raise FormatException(BAD_FORMAT)


def _repeat(fmt: str, pos: int, ch: str) -> int:
    n = len(fmt)
    end = pos + 1
    while end < n and fmt[end] == ch:
        end += 1
    return end - pos


def _quoted(fmt: str, pos: int, out: list[str]) -> int:
    """Copy a quoted literal starting at ``pos`` (the quote); return chars consumed."""
    n = len(fmt)
    quote = fmt[pos]
    i = pos + 1
    while i < n:
        ch = fmt[i]
        i += 1
        if ch == quote:
            return i - pos
        if ch == "\\":
            if i < n:
                out.append(fmt[i])
                i += 1
            else:
                raise FormatException(BAD_FORMAT)
        else:
            out.append(ch)
    raise FormatException(
        f"Cannot find a matching quote character for the character '{quote}'.")


def _two(value: int, length: int) -> str:
    return str(value).zfill(2 if length >= 2 else 1)


def _offset_text(minutes: int, token_len: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    h, m = divmod(minutes, 60)
    if token_len <= 1:
        return f"{sign}{h}"
    if token_len == 2:
        return f"{sign}{h:02d}"
    return f"{sign}{h:02d}:{m:02d}"


def format_custom_date(p: DateParts, fmt: str, df: DateFormat) -> str:
    """Apply a custom DateTime format string."""
    out: list[str] = []
    n = len(fmt)
    i = 0
    while i < n:
        ch = fmt[i]
        if ch == "d":
            k = _repeat(fmt, i, ch)
            if k <= 2:
                out.append(_two(p.day, k))
            elif k == 3:
                out.append(ABBR_DAY_NAMES[p.day_of_week])
            else:
                out.append(DAY_NAMES[p.day_of_week])
        elif ch == "M":
            k = _repeat(fmt, i, ch)
            if k <= 2:
                out.append(_two(p.month, k))
            elif k == 3:
                out.append(ABBR_MONTH_NAMES[p.month - 1])
            else:
                out.append(MONTH_NAMES[p.month - 1])
        elif ch == "y":
            k = _repeat(fmt, i, ch)
            if k <= 2:
                out.append(_two(p.year % 100, k))
            else:
                out.append(str(p.year).zfill(k))
        elif ch == "h":
            k = _repeat(fmt, i, ch)
            h12 = p.hour % 12
            out.append(_two(h12 if h12 else 12, k))
        elif ch == "H":
            k = _repeat(fmt, i, ch)
            out.append(_two(p.hour, k))
        elif ch == "m":
            k = _repeat(fmt, i, ch)
            out.append(_two(p.minute, k))
        elif ch == "s":
            k = _repeat(fmt, i, ch)
            out.append(_two(p.second, k))
        elif ch == "f" or ch == "F":
            k = _repeat(fmt, i, ch)
            if k > 7:
                raise FormatException(BAD_FORMAT)
            frac = p.fraction // (10 ** (7 - k))
            if ch == "f":
                out.append(str(frac).zfill(k))
            else:
                digits = k
                while digits > 0 and frac % 10 == 0:
                    frac //= 10
                    digits -= 1
                if digits > 0:
                    out.append(str(frac).zfill(digits))
                elif out and out[-1].endswith("."):
                    out[-1] = out[-1][:-1]
        elif ch == "t":
            k = _repeat(fmt, i, ch)
            designator = df.am if p.hour < 12 else df.pm
            out.append(designator[:1] if k == 1 else designator)
        elif ch == "g":
            k = _repeat(fmt, i, ch)
            out.append(df.era)
        elif ch == "z":
            k = _repeat(fmt, i, ch)
            off = 0 if p.kind == 1 else (p.offset_minutes or 0)
            out.append(_offset_text(off, k))
        elif ch == "K":
            k = 1
            if p.kind == 1:
                out.append("Z")
            elif p.kind == 2:
                out.append(_offset_text(p.offset_minutes or 0, 3))
        elif ch == ":":
            k = 1
            out.append(df.time_sep)
        elif ch == "/":
            k = 1
            out.append(df.date_sep)
        elif ch == "'" or ch == '"':
            k = _quoted(fmt, i, out)
        elif ch == "%":
            if i + 1 < n and fmt[i + 1] != "%":
                out.append(format_custom_date(p, fmt[i + 1], df))
                k = 2
            else:
                raise FormatException(BAD_FORMAT)
        elif ch == "\\":
            if i + 1 < n:
                out.append(fmt[i + 1])
                k = 2
            else:
                raise FormatException(BAD_FORMAT)
        else:
            k = 1
            out.append(ch)
        i += k
    return "".join(out)


def format_date(p: DateParts, fmt: str | None, culture: Any = "en-US",
                to_utc: Callable[[], DateParts] | None = None) -> str:
    """``DateTime.ToString(fmt, culture)``.  ``to_utc`` supplies the parts for 'U'."""
    df = date_format(culture)
    if not fmt:
        fmt = "G"
    if len(fmt) == 1:
        if fmt == "U":
            if to_utc is not None:
                p = to_utc()
            return format_custom_date(p, df.full_date_time, df)
        if fmt in "rRoOsu":
            return format_custom_date(p, expand_standard_date_format(fmt, df) or "",
                                      date_format("invariant"))
        pattern = expand_standard_date_format(fmt, df)
        return format_custom_date(p, pattern or "", df)
    return format_custom_date(p, fmt, df)


# ----------------------------------------------------------------------------- TimeSpan

def format_timespan(ticks: int, fmt: str | None, culture: Any = "en-US") -> str:
    """``TimeSpan.ToString(fmt, culture)``: c/t/T, g, G or a custom TimeSpan format."""
    if not fmt or fmt in ("c", "t", "T"):
        return _timespan_constant(ticks)
    if fmt == "g" or fmt == "G":
        return _timespan_general(ticks, fmt == "G", number_format(culture).decimal_sep)
    if len(fmt) == 1:
        # a lone char that is not a standard TimeSpan format is invalid
        raise FormatException(BAD_FORMAT)
    return _timespan_custom(ticks, fmt)


def _split(ticks: int) -> tuple[bool, int, int, int, int, int]:
    neg = ticks < 0
    t = -ticks if neg else ticks
    days, rem = divmod(t, TICKS_PER_DAY)
    hours, rem = divmod(rem, TICKS_PER_HOUR)
    minutes, rem = divmod(rem, TICKS_PER_MINUTE)
    seconds, frac = divmod(rem, TICKS_PER_SECOND)
    return neg, days, hours, minutes, seconds, frac


def _timespan_constant(ticks: int) -> str:
    neg, d, h, m, s, f = _split(ticks)
    out = "-" if neg else ""
    if d:
        out += f"{d}."
    out += f"{h:02d}:{m:02d}:{s:02d}"
    if f:
        out += f".{f:07d}"
    return out


def _timespan_general(ticks: int, long_form: bool, dec: str) -> str:
    neg, d, h, m, s, f = _split(ticks)
    out = "-" if neg else ""
    if long_form:
        return out + f"{d}:{h:02d}:{m:02d}:{s:02d}{dec}{f:07d}"
    if d:
        out += f"{d}:"
    out += f"{h}:{m:02d}:{s:02d}"
    if f:
        out += dec + f"{f:07d}".rstrip("0")
    return out


def _timespan_custom(ticks: int, fmt: str) -> str:
    neg, d, h, m, s, f = _split(ticks)
    out: list[str] = []
    n = len(fmt)
    i = 0
    while i < n:
        ch = fmt[i]
        if ch == "d":
            k = _repeat(fmt, i, ch)
            if k > 8:
                raise FormatException(BAD_FORMAT)
            out.append(str(d).zfill(k))
        elif ch in "hms":
            k = _repeat(fmt, i, ch)
            if k > 2:
                raise FormatException(BAD_FORMAT)
            val = h if ch == "h" else (m if ch == "m" else s)
            out.append(str(val).zfill(k))
        elif ch == "f" or ch == "F":
            k = _repeat(fmt, i, ch)
            if k > 7:
                raise FormatException(BAD_FORMAT)
            frac = f // (10 ** (7 - k))
            if ch == "f":
                out.append(str(frac).zfill(k))
            else:
                digits = k
                while digits > 0 and frac % 10 == 0:
                    frac //= 10
                    digits -= 1
                if digits > 0:
                    out.append(str(frac).zfill(digits))
        elif ch == "'" or ch == '"':
            k = _quoted(fmt, i, out)
        elif ch == "%":
            if i + 1 < n and fmt[i + 1] != "%":
                out.append(_timespan_custom(ticks, fmt[i + 1]))
                k = 2
            else:
                raise FormatException(BAD_FORMAT)
        elif ch == "\\":
            if i + 1 < n:
                out.append(fmt[i + 1])
                k = 2
            else:
                raise FormatException(BAD_FORMAT)
        else:
            raise FormatException(BAD_FORMAT)
        i += k
    return "".join(out)
