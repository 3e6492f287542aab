"""Text to DateTime: a lenient ``DateTime.Parse`` and a format-driven ``ParseExact``.

``parse_datetime`` accepts what PowerShell scripts typically feed it (en-US and
invariant cultures are both month-first):

* ISO 8601: ``yyyy-MM-dd``, ``yyyy-MM-ddTHH:mm[:ss[.fffffff]]``, a space instead
  of ``T``, optional ``Z`` or ``+hh:mm`` (both give a Local-kind value converted
  to local time);
* ``M/d/yyyy``, ``MM/dd/yyyy``, ``M/d/yy`` and ``yyyy/M/d`` (``-`` or ``.`` also
  separate), optionally followed by a time ``h:mm[:ss[.fff]] [AM|PM]``;
* month names: ``January 15, 2024``, ``15 January 2024``, ``Jan 15 2024``,
  ``January 2024``, ``January 15``; an optional leading day name is checked;
* RFC 1123 ``Mon, 15 Jan 2024 10:00:00 GMT``;
* a time alone (``14:30``, ``2:30 PM``) is on today's date.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from .culture import (
    ABBR_DAY_NAMES,
    ABBR_MONTH_NAMES,
    DAY_NAMES,
    MONTH_NAMES,
    date_format,
    resolve_culture,
)
from .datetime import DateTime, DateTimeKind, DateTimeStyles, _days_in_month
from .dtformat import (
    TICKS_PER_DAY,
    TICKS_PER_MINUTE,
    TICKS_PER_SECOND,
    expand_standard_date_format,
)
from .exceptions import ArgumentNullException, FormatException

_MONTHS: dict[str, int] = {}
for _i, (_full, _abbr) in enumerate(zip(MONTH_NAMES, ABBR_MONTH_NAMES)):
    _MONTHS[_full.lower()] = _i + 1
    _MONTHS[_abbr.lower()] = _i + 1
_MONTHS["sept"] = 9
_DAYS: dict[str, int] = {}
for _i, (_full, _abbr) in enumerate(zip(DAY_NAMES, ABBR_DAY_NAMES)):
    _DAYS[_full.lower()] = _i
    _DAYS[_abbr.lower()] = _i

_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[Tt ]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,7})\d*)?)?)?"
    r"\s*(?:([Zz])|([+-])(\d{1,2})(?::?(\d{2}))?)?")
_TIME = re.compile(
    r"(?<![\d:])(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,7})\d*)?)?\s*"
    r"(?:(am|pm|a\.m\.|p\.m\.|a|p)\b)?", re.IGNORECASE)
_HOUR_AMPM = re.compile(r"(?<![\d:/.-])(\d{1,2})\s*(am|pm)\b", re.IGNORECASE)
_TZ = re.compile(r"(?:\s|^)(gmt|utc|z)\s*$|\s*([+-])(\d{1,2})(?::?(\d{2}))?\s*$", re.IGNORECASE)
_TOKEN = re.compile(r"\d+|[^\W\d_]+|[/\-.,]|\s+")


def _bad(s: str) -> FormatException:
    return FormatException(f"String '{s}' was not recognized as a valid DateTime.")


def _year(text: str) -> int:
    y = int(text)
    if len(text) <= 2:
        y += 2000 if y <= 49 else 1900
    return y


def _styles(styles: Any) -> int:
    if styles is None:
        return 0
    if isinstance(styles, str):
        total = 0
        for part in styles.split(","):
            name = part.strip()
            if not name or name.lower() == "none":
                continue
            for m in DateTimeStyles:
                if m.name and m.name.lower() == name.lower():
                    total |= int(m)
        return total
    return int(styles)


def _today_ticks() -> int:
    return DateTime.Now.Ticks // TICKS_PER_DAY * TICKS_PER_DAY


def _finish(s: str, date_ticks: int, time_ticks: int, tz: int | None, styles: int,
            utc_marker: bool = False) -> DateTime:
    """Build the result: ``tz`` is the parsed UTC offset in minutes (None: none given)."""
    ticks = date_ticks + time_ticks
    if tz is None:
        if styles & DateTimeStyles.AssumeUniversal:
            tz = 0
        elif styles & DateTimeStyles.AssumeLocal:
            result = DateTime._make(ticks, DateTimeKind.Local)
            return result.ToUniversalTime() if styles & DateTimeStyles.AdjustToUniversal \
                else result
        else:
            return DateTime._make(ticks, DateTimeKind.Unspecified)
    utc_ticks = ticks - tz * TICKS_PER_MINUTE
    if utc_ticks < 0 or utc_ticks > DateTime.MaxValue.Ticks:
        raise _bad(s)
    utc = DateTime._make(utc_ticks, DateTimeKind.Utc)
    if styles & DateTimeStyles.AdjustToUniversal:
        return utc
    if styles & DateTimeStyles.RoundtripKind and utc_marker:
        return utc
    return utc.ToLocalTime()


def _time_ticks(h: int, m: int, sec: int, frac: str | None, ampm: str | None, s: str) -> int:
    if ampm:
        a = ampm[0].lower()
        if h < 1 or h > 12:
            if not (h == 0 and a == "a"):
                raise _bad(s)
        h = h % 12 + (12 if a == "p" else 0)
    if h > 23 or m > 59 or sec > 59:
        raise _bad(s)
    f = int(frac.ljust(7, "0")[:7]) if frac else 0
    return ((h * 60 + m) * 60 + sec) * TICKS_PER_SECOND + f


def _date_ticks(y: int, mo: int, d: int, s: str) -> int:
    if not (1 <= y <= 9999 and 1 <= mo <= 12 and 1 <= d <= _days_in_month(y, mo)):
        raise _bad(s)
    import datetime as _pydt
    return (_pydt.date(y, mo, d).toordinal() - 1) * TICKS_PER_DAY


def parse_datetime(s: str, provider: Any = None, styles: Any = None) -> DateTime:
    """``DateTime.Parse(s, provider, styles)`` (see module docstring for the forms)."""
    if s is None:
        raise ArgumentNullException("Value cannot be null. (Parameter 's')")
    st = _styles(styles)
    text = s.strip()
    if not text:
        raise _bad(s)
    m = _ISO.fullmatch(text)
    if m:
        y, mo, d, hh, mi, ss, frac, z, sign, oh, om = m.groups()
        date = _date_ticks(int(y), int(mo), int(d), s)
        tt = _time_ticks(int(hh), int(mi), int(ss or 0), frac, None, s) if hh else 0
        tz = None
        if z:
            tz = 0
        elif sign:
            tz = (int(oh) * 60 + int(om or 0)) * (1 if sign == "+" else -1)
        return _finish(s, date, tt, tz, st, utc_marker=bool(z))
    return _parse_general(s, text, st)


def _parse_general(s: str, text: str, st: int) -> DateTime:
    work = text
    # --- time zone suffix
    tz: int | None = None
    utc_marker = False
    mz = _TZ.search(work)
    if mz and (mz.group(1) or _TIME.search(work[:mz.start()])):
        if mz.group(1):
            tz = 0
            utc_marker = True
        else:
            tz = (int(mz.group(3)) * 60 + int(mz.group(4) or 0)) * \
                (1 if mz.group(2) == "+" else -1)
        work = work[:mz.start()]
    # --- time of day
    time_ticks = 0
    have_time = False
    mt = _TIME.search(work)
    if mt:
        h, mi, sec, frac, ampm = mt.groups()
        time_ticks = _time_ticks(int(h), int(mi), int(sec or 0), frac, ampm, s)
        have_time = True
        work = work[:mt.start()] + " " + work[mt.end():]
    else:
        mh = _HOUR_AMPM.search(work)
        if mh:
            time_ticks = _time_ticks(int(mh.group(1)), 0, 0, None, mh.group(2), s)
            have_time = True
            work = work[:mh.start()] + " " + work[mh.end():]
    # --- date
    tokens = [t for t in _TOKEN.findall(work) if not t.isspace()]
    if "".join(tokens) != re.sub(r"\s+", "", work):
        raise _bad(s)
    numbers: list[str] = []
    month_from_name: int | None = None
    day_name: int | None = None
    seps: list[str] = []
    for tok in tokens:
        low = tok.lower()
        if tok.isdigit():
            numbers.append(tok)
        elif low in _MONTHS and month_from_name is None:
            month_from_name = _MONTHS[low]
        elif low in _DAYS and day_name is None:
            day_name = _DAYS[low]
        elif tok in ("/", "-", ".", ","):
            seps.append(tok)
        elif low in ("t",) and have_time:
            continue
        else:
            raise _bad(s)
    if not numbers and month_from_name is None:
        if not have_time or day_name is not None:
            raise _bad(s)
        date_ticks = _today_ticks()
    else:
        y, mo, d = _resolve_date(numbers, month_from_name, s)
        date_ticks = _date_ticks(y, mo, d, s)
    if day_name is not None:
        dow = (date_ticks // TICKS_PER_DAY + 1) % 7
        if dow != day_name:
            raise FormatException(f"String '{s}' was not recognized as a valid DateTime "
                                  "because the day of week was incorrect.")
    return _finish(s, date_ticks, time_ticks, tz, st, utc_marker)


def _resolve_date(numbers: list[str], month: int | None, s: str) -> tuple[int, int, int]:
    current_year = DateTime.Now.Year
    if month is not None:
        if len(numbers) == 2:
            a, b = numbers
            if len(a) >= 3 or int(a) > 31:
                return _year(a), month, int(b)
            return _year(b), month, int(a)
        if len(numbers) == 1:
            a = numbers[0]
            if len(a) >= 3 or int(a) > 31:
                return _year(a), month, 1
            return current_year, month, int(a)
        raise _bad(s)
    if len(numbers) == 3:
        a, b, c = numbers
        if len(a) >= 3:
            return _year(a), int(b), int(c)
        return _year(c), int(a), int(b)
    if len(numbers) == 2:
        a, b = numbers
        if len(a) >= 3:
            return _year(a), int(b), 1
        if len(b) >= 3:
            return _year(b), int(a), 1
        return current_year, int(a), int(b)
    raise _bad(s)


# ----------------------------------------------------------------------------- ParseExact

def _alt(names: Iterable[str]) -> str:
    return "(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + ")"


def _compile_exact(fmt: str, culture: str) -> tuple[re.Pattern[str], list[str]]:
    df = date_format(culture)
    if len(fmt) == 1:
        if fmt in "rRoOsu":
            df = date_format("invariant")
        fmt = expand_standard_date_format(fmt, df) or ""
    parts: list[str] = []
    fields: list[str] = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        k = 1
        if ch == "%" and i + 1 < n and fmt[i + 1] != "%":
            i += 1  # '%x': x alone as a custom specifier
            ch = fmt[i]
        else:
            while i + k < n and fmt[i + k] == ch:
                k += 1
        if ch in "dMyhHmsfFtzK":
            if ch == "K":
                k = 1
                parts.append(r"(Z|[+-]\d{2}:\d{2})?")
            elif ch == "d" and k >= 3:
                parts.append(_alt(DAY_NAMES if k >= 4 else ABBR_DAY_NAMES))
            elif ch == "M" and k >= 3:
                parts.append(_alt(MONTH_NAMES if k >= 4 else ABBR_MONTH_NAMES))
            elif ch == "y":
                parts.append(r"(\d{1,2})" if k == 1 else r"(\d{2})" if k == 2 else
                             r"(\d{%d,%d})" % (k, max(k, 4)) if k <= 4 else r"(\d{%d})" % k)
            elif ch == "f":
                if k > 7:
                    raise FormatException("Input string was not in a correct format.")
                parts.append(r"(\d{%d})" % k)
            elif ch == "F":
                if k > 7:
                    raise FormatException("Input string was not in a correct format.")
                parts.append(r"(\d{0,%d})" % k)
            elif ch == "t":
                parts.append("(A|P)" if k == 1 else _alt((df.am, df.pm)))
            elif ch == "z":
                parts.append(r"([+-]\d{1,2})" if k == 1 else r"([+-]\d{2})" if k == 2 else
                             r"([+-]\d{2}:\d{2})")
            else:
                parts.append(r"(\d{1,2})" if k == 1 else r"(\d{2})")
            fields.append(ch * (k if ch not in "dM" or k < 3 else min(k, 4)))
            i += k
            continue
        if ch == ":":
            parts.append(re.escape(df.time_sep))
        elif ch == "/":
            parts.append(re.escape(df.date_sep))
        elif ch in "'\"":
            j = i + 1
            lit = []
            while j < n and fmt[j] != ch:
                if fmt[j] == "\\" and j + 1 < n:
                    j += 1
                lit.append(fmt[j])
                j += 1
            if j >= n:
                raise FormatException(
                    f"Cannot find a matching quote character for the character '{ch}'.")
            literal = "".join(lit)
            if literal in ("GMT", "Z"):
                parts.append("(" + re.escape(literal) + ")")
                fields.append("UTC")
            else:
                parts.append(re.escape(literal))
            i = j + 1
            continue
        elif ch == "\\" and i + 1 < n:
            parts.append(re.escape(fmt[i + 1]))
            i += 2
            continue
        elif ch.isspace():
            parts.append(r"\s")
        elif ch == "g":
            parts.append(r"(?:A\.D\.|AD)?")
            i += k
            continue
        elif ch == "%":
            raise FormatException("Input string was not in a correct format.")
        else:
            parts.append(re.escape(ch))
        i += 1
    return re.compile("".join(parts), re.IGNORECASE), fields


def parse_exact(s: str, formats: str | Iterable[str], provider: Any = None,
                styles: Any = None) -> DateTime:
    """``DateTime.ParseExact(s, format | formats, provider, styles)``."""
    if s is None:
        raise ArgumentNullException("Value cannot be null. (Parameter 's')")
    culture = resolve_culture(provider)
    st = _styles(styles)
    fmts = [formats] if isinstance(formats, str) else list(formats)
    text = s
    if st & DateTimeStyles.AllowLeadingWhite:
        text = text.lstrip()
    if st & DateTimeStyles.AllowTrailingWhite:
        text = text.rstrip()
    for fmt in fmts:
        if not fmt:
            raise FormatException("Input string was not in a correct format.")
        rx, fields = _compile_exact(fmt, culture)
        m = rx.fullmatch(text)
        if not m and st & DateTimeStyles.AllowInnerWhite:
            m = re.fullmatch(rx.pattern.replace(r"\s", r"\s+"), text, re.IGNORECASE)
        if m:
            return _build_exact(s, fields, m.groups(), st, culture)
    raise _bad(s)


def _build_exact(s: str, fields: list[str], values: tuple[Any, ...], st: int,
                 culture: str) -> DateTime:
    y = mo = d = None
    h = mi = sec = 0
    frac = None
    ampm = None
    hour12 = False
    tz: int | None = None
    utc_marker = False
    dow: int | None = None
    for f, v in zip(fields, values):
        if v is None:
            continue
        c = f[0]
        if f == "UTC":
            tz, utc_marker = 0, True
        elif c == "y":
            y = _year(v) if len(f) <= 2 else int(v)
        elif c == "M":
            mo = _MONTHS[v.lower()] if len(f) >= 3 else int(v)
        elif c == "d":
            if len(f) >= 3:
                dow = _DAYS[v.lower()]
            else:
                d = int(v)
        elif c == "h":
            h, hour12 = int(v), True
        elif c == "H":
            h = int(v)
        elif c == "m":
            mi = int(v)
        elif c == "s":
            sec = int(v)
        elif c in "fF":
            frac = v
        elif c == "t":
            ampm = v
        elif c in "zK":
            if v.upper() == "Z":
                tz, utc_marker = 0, True
            else:
                sign = 1 if v[0] == "+" else -1
                hh, _, mm = v[1:].partition(":")
                tz = sign * (int(hh) * 60 + int(mm or 0))
    if hour12 and ampm is None:
        ampm = "a" if h != 12 else "p"
        if not 1 <= h <= 12:
            raise _bad(s)
    time_ticks = _time_ticks(h, mi, sec, frac, ampm if (ampm or hour12) else None, s)
    if y is None and mo is None and d is None:
        date_ticks = 0 if st & DateTimeStyles.NoCurrentDateDefault else _today_ticks()
    else:
        now_year = DateTime.Now.Year
        date_ticks = _date_ticks(y if y is not None else now_year, mo or 1, d or 1, s)
    if dow is not None and (date_ticks // TICKS_PER_DAY + 1) % 7 != dow:
        raise FormatException(f"String '{s}' was not recognized as a valid DateTime "
                              "because the day of week was incorrect.")
    return _finish(s, date_ticks, time_ticks, tz, st, utc_marker)

