"""System.String methods as plain functions the engine binds to ``str`` values.

``STRING_METHODS[name](s, *args)`` implements the instance method ``name``
(lower-case .NET name) for string ``s``; ``STRING_STATICS[name](*args)`` the
static members (``"empty"`` is the value "" rather than a function).

Arguments arrive as the engine converts them: chars as 1-char ``str``, arrays as
lists, StringComparison / StringSplitOptions as the enums here, their int values
or their names.  Defaults follow .NET: Equals/Contains/Replace/IndexOf(char) are
ordinal; IndexOf(string)/StartsWith/EndsWith/CompareTo/Compare are culture
sensitive (approximated: ordinal for matching, ``culture_compare`` for ordering).
A string separator given to Split splits on the whole string (PowerShell 7 picks
the Split(string) overload).
"""
from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable
from typing import Any

from ._collate import _ordinal_compare, culture_compare, culture_sort_key
from ._strsplit import WHITESPACE, StringSplitOptions, split_options, split_string
from .exceptions import (
    ArgumentException,
    ArgumentNullException,
    ArgumentOutOfRangeException,
)
from .numbers import Char

__all__ = ["STRING_METHODS", "STRING_STATICS", "StringComparison", "StringSplitOptions",
           "culture_compare", "culture_sort_key", "to_text"]


class StringComparison(enum.IntEnum):
    """System.StringComparison."""

    __ps_typename__ = "System.StringComparison"
    CurrentCulture = 0
    CurrentCultureIgnoreCase = 1
    InvariantCulture = 2
    InvariantCultureIgnoreCase = 3
    Ordinal = 4
    OrdinalIgnoreCase = 5


def _comparison(value: Any) -> StringComparison:
    if isinstance(value, StringComparison):
        return value
    if isinstance(value, str):
        for m in StringComparison:
            if m.name.lower() == value.strip().lower():
                return m
    elif isinstance(value, int) and not isinstance(value, bool):
        try:
            return StringComparison(value)
        except ValueError:
            pass
    raise ArgumentException("The string comparison type passed in is currently not supported."
                            " (Parameter 'comparisonType')")


def _is_comparison(value: Any) -> bool:
    if isinstance(value, StringComparison):
        return True
    if isinstance(value, str) and len(value) > 1:
        return any(m.name.lower() == value.strip().lower() for m in StringComparison)
    return False


def _ignore_case(cmp: StringComparison) -> bool:
    return cmp in (StringComparison.CurrentCultureIgnoreCase,
                   StringComparison.InvariantCultureIgnoreCase, StringComparison.OrdinalIgnoreCase)


def _fold(s: str) -> str:
    """Case folding that keeps string length (so indexes stay valid)."""
    if s.isascii():
        return s.lower()
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def _upper(s: str) -> str:
    if s.isascii():
        return s.upper()
    return "".join(c.upper() if len(c.upper()) == 1 else c for c in s)


def _lower(s: str) -> str:
    if s.isascii():
        return s.lower()
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def _null(name: str) -> ArgumentNullException:
    return ArgumentNullException(f"Value cannot be null. (Parameter '{name}')")


def _nonneg(name: str, value: int) -> ArgumentOutOfRangeException:
    return ArgumentOutOfRangeException(
        f"{name} ('{value}') must be a non-negative value. (Parameter '{name}')\n"
        f"Actual value was {value}.")


def compare(a: str | None, b: str | None, cmp: Any = StringComparison.CurrentCulture) -> int:
    """String.Compare with a StringComparison."""
    c = _comparison(cmp)
    if a is None or b is None:
        return 0 if a is b else (-1 if a is None else 1)
    if c == StringComparison.Ordinal:
        return _ordinal_compare(a, b)
    if c == StringComparison.OrdinalIgnoreCase:
        return _ordinal_compare(_upper(a), _upper(b))
    return culture_compare(a, b, _ignore_case(c))


def _equal(a: str, b: str, cmp: StringComparison) -> bool:
    if cmp in (StringComparison.Ordinal, StringComparison.CurrentCulture,
               StringComparison.InvariantCulture):
        return a == b
    return len(a) == len(b) and _fold(a) == _fold(b)


# ----------------------------------------------------------------------------- text of objects

def to_text(value: Any) -> str:
    """Text of an argument to Join/Concat/Format ("" for None, .NET ToString otherwise)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "True" if value else "False"
    hook = getattr(value, "__ps_format__", None)
    if hook is not None:
        return hook(None, "en-US")
    from decimal import Decimal

    from .numfmt import number_to_default_string
    if isinstance(value, (int, float, Decimal)):
        return number_to_default_string(value)
    if isinstance(value, enum.Enum):
        return str(value.name)
    return str(value)


# ----------------------------------------------------------------------------- instance methods

def substring(s: str, start: int, length: int | None = None) -> str:
    start = int(start)
    n = len(s)
    if length is None:
        if start < 0:
            raise _nonneg("startIndex", start)
        if start > n:
            raise ArgumentOutOfRangeException("startIndex cannot be larger than length of string."
                                              " (Parameter 'startIndex')")
        return s[start:]
    length = int(length)
    if start < 0:
        raise _nonneg("startIndex", start)
    if start > n:
        raise ArgumentOutOfRangeException(
            "startIndex cannot be larger than length of string. (Parameter 'startIndex')")
    if length < 0:
        raise _nonneg("length", length)
    if start > n - length:
        raise ArgumentOutOfRangeException(
            "Index and length must refer to a location within the string. (Parameter 'length')")
    return s[start:start + length]


def _search_args(s: str, args: tuple[Any, ...]) -> tuple[int, int, StringComparison | None]:
    """(startIndex, count, comparison) from IndexOf-style trailing arguments."""
    cmp = None
    rest = list(args)
    if rest and _is_comparison(rest[-1]):
        cmp = _comparison(rest.pop())
    start = int(rest[0]) if rest else 0
    n = len(s)
    if start < 0 or start > n:
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less "
                                          "than or equal to the size of the collection. "
                                          "(Parameter 'startIndex')")
    count = int(rest[1]) if len(rest) > 1 else n - start
    if count < 0 or count > n - start:
        raise ArgumentOutOfRangeException("Count must be positive and count must refer to a "
                                          "location within the string/array/collection. "
                                          "(Parameter 'count')")
    return start, count, cmp


def index_of(s: str, value: Any, *args: Any) -> int:
    if value is None:
        raise _null("value")
    start, count, cmp = _search_args(s, args)
    hay, needle = s, str(value)
    if cmp is not None and _ignore_case(cmp):
        hay, needle = _fold(s), _fold(needle)
    return hay.find(needle, start, start + count)


def last_index_of(s: str, value: Any, *args: Any) -> int:
    if value is None:
        raise _null("value")
    cmp = None
    rest = list(args)
    if rest and _is_comparison(rest[-1]):
        cmp = _comparison(rest.pop())
    n = len(s)
    needle = str(value)
    hay = s
    if cmp is not None and _ignore_case(cmp):
        hay, needle = _fold(s), _fold(needle)
    if not rest:
        return hay.rfind(needle)
    start = int(rest[0])
    if n == 0:
        return 0 if needle == "" and start in (-1, 0) else -1
    if start < 0 or start > n:
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less "
                                          "than the size of the collection. "
                                          "(Parameter 'startIndex')")
    if start == n:
        start -= 1
    count = int(rest[1]) if len(rest) > 1 else start + 1
    if count < 0 or start - count + 1 < 0:
        raise ArgumentOutOfRangeException("Count must be positive and count must refer to a "
                                          "location within the string/array/collection. "
                                          "(Parameter 'count')")
    lo = start - count + 1
    return hay.rfind(needle, lo, start + 1)


def _char_set(chars: Any) -> str:
    if chars is None:
        raise _null("anyOf")
    if isinstance(chars, str):
        return chars
    return "".join(str(c) for c in chars)


def index_of_any(s: str, chars: Any, start: int = 0, count: int | None = None) -> int:
    cs = set(_char_set(chars))
    start, count, _ = _search_args(s, (start,) if count is None else (start, count))
    for i in range(start, start + count):
        if s[i] in cs:
            return i
    return -1


def last_index_of_any(s: str, chars: Any, start: int | None = None,
                      count: int | None = None) -> int:
    cs = set(_char_set(chars))
    if not s:
        return -1
    st = len(s) - 1 if start is None else int(start)
    if st < 0 or st >= len(s):
        raise ArgumentOutOfRangeException("Index was out of range. Must be non-negative and less "
                                          "than the size of the collection. "
                                          "(Parameter 'startIndex')")
    cnt = st + 1 if count is None else int(count)
    for i in range(st, st - cnt, -1):
        if s[i] in cs:
            return i
    return -1


def contains(s: str, value: Any, cmp: Any = None) -> bool:
    if value is None:
        raise _null("value")
    v = str(value)
    if cmp is not None and _ignore_case(_comparison(cmp)):
        return _fold(v) in _fold(s)
    return v in s


def _prefix_args(args: tuple[Any, ...]) -> bool:
    """ignoreCase from (comparison) or (ignoreCase, culture) trailing arguments."""
    if not args:
        return False
    if len(args) >= 2 or isinstance(args[0], bool):
        return bool(args[0])
    return _ignore_case(_comparison(args[0]))


def starts_with(s: str, value: Any, *args: Any) -> bool:
    if value is None:
        raise _null("value")
    v = str(value)
    if _prefix_args(args):
        return _fold(s).startswith(_fold(v))
    return s.startswith(v)


def ends_with(s: str, value: Any, *args: Any) -> bool:
    if value is None:
        raise _null("value")
    v = str(value)
    if _prefix_args(args):
        return _fold(s).endswith(_fold(v))
    return s.endswith(v)


def equals(s: str, value: Any, cmp: Any = StringComparison.Ordinal) -> bool:
    if not isinstance(value, str):
        return False
    return _equal(s, value, _comparison(cmp))


def compare_to(s: str, value: Any) -> int:
    if value is None:
        return 1
    return culture_compare(s, str(value))


def replace(s: str, old: Any, new: Any, *args: Any) -> str:
    if old is None:
        raise _null("oldValue")
    old_s = str(old)
    if old_s == "":
        raise ArgumentException("String cannot be of zero length. (Parameter 'oldValue')")
    new_s = "" if new is None else str(new)
    if not _prefix_args(args):
        return s.replace(old_s, new_s)
    folded, needle = _fold(s), _fold(old_s)
    out: list[str] = []
    pos = 0
    while True:
        i = folded.find(needle, pos)
        if i < 0:
            break
        out.append(s[pos:i])
        out.append(new_s)
        pos = i + len(old_s)
    out.append(s[pos:])
    return "".join(out)


def _trim_chars(args: tuple[Any, ...]) -> str | None:
    if not args or args[0] is None:
        return None
    chars = args[0] if len(args) == 1 else args
    text = chars if isinstance(chars, str) else "".join(str(c) for c in chars)
    return text or None


def trim(s: str, *chars: Any) -> str:
    cs = _trim_chars(chars)
    return s.strip(WHITESPACE if cs is None else cs)


def trim_start(s: str, *chars: Any) -> str:
    cs = _trim_chars(chars)
    return s.lstrip(WHITESPACE if cs is None else cs)


def trim_end(s: str, *chars: Any) -> str:
    cs = _trim_chars(chars)
    return s.rstrip(WHITESPACE if cs is None else cs)


def pad_left(s: str, width: int, pad: str = " ") -> str:
    width = int(width)
    if width < 0:
        raise ArgumentOutOfRangeException(
            "Non-negative number required. (Parameter 'totalWidth')")
    return s.rjust(width, str(pad)[:1] or " ")


def pad_right(s: str, width: int, pad: str = " ") -> str:
    width = int(width)
    if width < 0:
        raise ArgumentOutOfRangeException(
            "Non-negative number required. (Parameter 'totalWidth')")
    return s.ljust(width, str(pad)[:1] or " ")


def insert(s: str, start: int, value: Any) -> str:
    if value is None:
        raise _null("value")
    start = int(start)
    if start < 0 or start > len(s):
        raise ArgumentOutOfRangeException(
            "Specified argument was out of the range of valid values. (Parameter 'startIndex')")
    return s[:start] + str(value) + s[start:]


def remove(s: str, start: int, count: int | None = None) -> str:
    start = int(start)
    if start < 0:
        raise ArgumentOutOfRangeException(
            "StartIndex cannot be less than zero. (Parameter 'startIndex')")
    if count is None:
        if start >= len(s):
            raise ArgumentOutOfRangeException(
                "startIndex must be less than length of string. (Parameter 'startIndex')")
        return s[:start]
    count = int(count)
    if count < 0:
        raise ArgumentOutOfRangeException("Count cannot be less than zero. (Parameter 'count')")
    if count > len(s) - start:
        raise ArgumentOutOfRangeException(
            "Index and count must refer to a location within the string. (Parameter 'count')")
    return s[:start] + s[start + count:]


def to_char_array(s: str, start: int | None = None, length: int | None = None) -> list[Char]:
    if start is not None:
        s = substring(s, start, length if length is not None else len(s) - int(start))
    return [Char(c) for c in s]


_FORMS = {"formc": "NFC", "formd": "NFD", "formkc": "NFKC", "formkd": "NFKD"}


def _form(form: Any) -> str:
    if form is None:
        return "NFC"
    name = getattr(form, "name", None) or str(form)
    f = _FORMS.get(name.strip().lower())
    if f is None:
        f = {1: "NFC", 2: "NFD", 5: "NFKC", 6: "NFKD"}.get(int(form)) if str(form).isdigit() \
            else None
    if f is None:
        raise ArgumentException("Invalid normalization form. (Parameter 'normalizationForm')")
    return f


def normalize(s: str, form: Any = None) -> str:
    return unicodedata.normalize(_form(form), s)


def is_normalized(s: str, form: Any = None) -> bool:
    return unicodedata.is_normalized(_form(form), s)


def replace_line_endings(s: str, replacement: str = "\n") -> str:
    out: list[str] = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c == "\r":
            out.append(replacement)
            i += 2 if i + 1 < n and s[i + 1] == "\n" else 1
            continue
        out.append(replacement if c in "\n\f\x85\u2028\u2029" else c)
        i += 1
    return "".join(out)


def split(s: str, *args: Any) -> list[str]:
    """Split(), Split(sep), Split(sep, count), Split(sep, options), Split(sep, count, options)."""
    sep: Any = None
    count = -1
    options = 0
    rest = list(args)
    if rest:
        sep = rest.pop(0)
    if rest and split_options(rest[-1]) is not None:
        options = split_options(rest.pop()) or 0
    if rest:
        count = int(rest.pop(0))
        if count < 0:
            raise ArgumentOutOfRangeException(
                "Count cannot be less than zero. (Parameter 'count')")
    if rest:
        raise ArgumentException("Too many arguments to Split.")
    return split_string(s, sep, count, options)


STRING_METHODS: dict[str, Callable[..., Any]] = {
    "substring": substring,
    "indexof": index_of,
    "lastindexof": last_index_of,
    "indexofany": index_of_any,
    "lastindexofany": last_index_of_any,
    "contains": contains,
    "startswith": starts_with,
    "endswith": ends_with,
    "equals": equals,
    "compareto": compare_to,
    "split": split,
    "replace": replace,
    "trim": trim,
    "trimstart": trim_start,
    "trimend": trim_end,
    "padleft": pad_left,
    "padright": pad_right,
    "toupper": lambda s, culture=None: _upper(s),
    "tolower": lambda s, culture=None: _lower(s),
    "toupperinvariant": lambda s: _upper(s),
    "tolowerinvariant": lambda s: _lower(s),
    "insert": insert,
    "remove": remove,
    "tochararray": to_char_array,
    "normalize": normalize,
    "isnormalized": is_normalized,
    "replacelineendings": replace_line_endings,
    "tostring": lambda s, provider=None: s,
    "clone": lambda s: s,
    "gettypecode": lambda s: "String",
}


# ----------------------------------------------------------------------------- statics

def _flatten(values: tuple[Any, ...]) -> list[Any]:
    if len(values) == 1 and isinstance(values[0], (list, tuple)):
        return list(values[0])
    return list(values)


def s_join(separator: Any, *values: Any) -> str:
    sep = "" if separator is None else str(separator)
    return sep.join(to_text(v) for v in _flatten(values))


def s_concat(*values: Any) -> str:
    return "".join(to_text(v) for v in _flatten(values))


def s_format(*args: Any) -> str:
    from .composite import format_composite
    culture: Any = "en-US"
    if args and not isinstance(args[0], str) and len(args) >= 2 and isinstance(args[1], str):
        from .culture import resolve_culture
        culture = resolve_culture(args[0])
        args = args[1:]
    if not args or args[0] is None:
        raise _null("format")
    fmt = args[0]
    values = _flatten(args[1:]) if len(args) > 1 else []
    return format_composite(fmt, values, to_text, culture)


def s_compare(a: Any, b: Any, *args: Any) -> int:
    if args and isinstance(args[0], bool):
        return culture_compare(a, b, args[0])
    if args:
        return compare(a, b, args[0])
    return culture_compare(a, b)


def s_compare_ordinal(a: str | None, b: str | None) -> int:
    if a is None or b is None:
        return 0 if a is b else (-1 if a is None else 1)
    return _ordinal_compare(a, b)


def s_equals(a: Any, b: Any, cmp: Any = StringComparison.Ordinal) -> bool:
    if a is None or b is None:
        return a is b
    return _equal(str(a), str(b), _comparison(cmp))


STRING_STATICS: dict[str, Any] = {
    "isnullorempty": lambda s: s is None or s == "",
    "isnullorwhitespace": lambda s: s is None or all(c in WHITESPACE for c in s),
    "join": s_join,
    "concat": s_concat,
    "format": s_format,
    "compare": s_compare,
    "compareordinal": s_compare_ordinal,
    "equals": s_equals,
    "empty": "",
}
