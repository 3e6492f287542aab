"""Internal: culture-sensitive string ordering (an approximation of ICU en-US collation)."""
from __future__ import annotations

import functools
import unicodedata
from typing import Any

from ._strsplit import WHITESPACE


def _primary(c: str) -> tuple[int, int]:
    cat = unicodedata.category(c)
    if c in WHITESPACE:
        return (0, ord(c))
    if cat[0] == "P":
        return (1, ord(c))
    if cat[0] == "S":
        return (2, ord(c))
    if cat == "Nd":
        return (3, unicodedata.digit(c, 0))
    if cat[0] == "L":
        return (4, ord(c))
    return (5, ord(c))


@functools.lru_cache(maxsize=16384)
def culture_sort_key(s: str, ignore_case: bool = False) -> tuple[Any, ...]:
    """Sort key approximating ICU en-US collation: symbols < digits < letters, accents
    second, lower case before upper case third (ignored with ``ignore_case``)."""
    nfd = unicodedata.normalize("NFD", s)
    base = [c for c in nfd if not unicodedata.combining(c)]
    primary = tuple(_primary(c.lower()) for c in base)
    secondary = tuple(ord(c) for c in nfd if unicodedata.combining(c))
    if ignore_case:
        return (primary, secondary)
    tertiary = tuple(1 if c.isupper() else 0 for c in base)
    return (primary, secondary, tertiary)


def culture_compare(a: str | None, b: str | None, ignore_case: bool = False) -> int:
    """String.Compare(a, b[, ignoreCase]) with the current (en-US) culture: -1, 0 or 1."""
    if a is None or b is None:
        return 0 if a is b else (-1 if a is None else 1)
    if a == b:
        return 0
    ka, kb = culture_sort_key(a, ignore_case), culture_sort_key(b, ignore_case)
    return (ka > kb) - (ka < kb)


def _ordinal_compare(a: str, b: str) -> int:
    for x, y in zip(a, b):
        if x != y:
            return ord(x) - ord(y)
    return len(a) - len(b)
