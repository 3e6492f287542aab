"""PowerShell's operator table: ``BINARY`` maps each binary operator as the AST spells it to the
function the compiler calls. Arithmetic lives in ``arithmetic``, comparison in ``comparison``;
this module holds the text operators (-like, -match, -replace, -split, -join, -f), containment,
type tests (-is, -as), ranges and the logical operators.
"""
from __future__ import annotations

from typing import Any, Callable

from .arithmetic import (op_add, op_band, op_bnot, op_bor, op_bxor, op_div, op_mod, op_mul, op_negate, op_plus,
                         op_shl, op_shr, op_sub)
from .comparison import equals, filter_or_scalar, make_comparison, op_eq_fast
from .conversion import to_bool, to_string
from .errors import runtime_error
from .netlib import numbers as N
from .objects import enumerate_values, is_enumerable
from .pscollections import AutomationNull, Hashtable

__all__ = ["BINARY", "op_add", "op_sub", "op_mul", "op_div", "op_mod", "op_negate", "op_plus", "op_bnot",
           "op_unary_split", "op_unary_join", "op_is", "op_isnot"]

# ----------------------------------------------------------------------------- text operators

def _wild(pattern: str, cs: bool) -> Callable[[str], bool]:
    from .netlib.wildcard import compile_wildcard
    return compile_wildcard(pattern, case_sensitive=cs)


def _make_like(negate: bool, cs: bool) -> Callable[[Any, Any], Any]:
    def f(a: Any, b: Any) -> bool:
        m = _wild(to_string(b), cs)(to_string(a))
        return not m if negate else m
    return filter_or_scalar(f)


def _regex(pattern: Any, cs: bool) -> Any:
    from .netlib.regex import compile as rx_compile
    from .regexobj import Regex
    if isinstance(pattern, Regex):
        return pattern.compiled
    return rx_compile(to_string(pattern), ignore_case=not cs)


def _make_match(negate: bool, cs: bool) -> Callable[..., Any]:
    def op(a: Any, b: Any, ctx: Any = None) -> Any:
        rx = _regex(b, cs)
        if type(a) is list or (is_enumerable(a) and not isinstance(a, (str, Hashtable))):
            res = [x for x in enumerate_values(a) if (rx.search(to_string(x)) is None) == negate]
            return res
        m = rx.search(to_string(a))
        if m is not None and not negate and ctx is not None:
            ctx.set_matches(m)
        elif m is None and negate is False:
            pass
        if negate and m is not None and ctx is not None:
            ctx.set_matches(m)
        return (m is None) if negate else (m is not None)
    op.needs_ctx = True  # type: ignore[attr-defined]
    return op


def _make_replace(cs: bool) -> Callable[..., Any]:
    def op(a: Any, b: Any) -> Any:
        from .netlib.regex import replace as rx_replace
        items = list(enumerate_values(b)) if is_enumerable(b) else [b]
        if len(items) > 2:
            raise runtime_error("The -replace operator allows only two elements to follow it, not "
                                f"{len(items)}.", "BadReplaceArgument")
        pattern = items[0] if items else ""
        repl = items[1] if len(items) > 1 else ""
        rx = _regex(pattern, cs)

        def one(x: Any) -> Any:
            s = to_string(x)
            from .scriptblock import ScriptBlock
            if isinstance(repl, ScriptBlock):
                from .regexobj import Match
                return rx.sub(lambda m: to_string(repl.invoke_as_filter(Match(m), as_value=True)), s)
            return rx_replace(rx, s, to_string(repl))

        if type(a) is list or (is_enumerable(a) and not isinstance(a, (str, Hashtable))):
            return [one(x) for x in enumerate_values(a)]
        return one(a)
    return op


def _make_split(cs: bool) -> Callable[..., Any]:
    def op(a: Any, b: Any) -> Any:
        from .netlib.regex import split as rx_split
        items = list(enumerate_values(b)) if is_enumerable(b) else [b]
        pattern = items[0] if items else " "
        max_count = 0
        options = ""
        if len(items) > 1:
            from .conversion import to_integer
            max_count = to_integer(items[1])
        if len(items) > 2:
            options = to_string(items[2]).lower()
        from .scriptblock import ScriptBlock
        results: list[str] = []
        for x in (enumerate_values(a) if is_enumerable(a) and not isinstance(a, str) else [a]):
            s = to_string(x)
            if isinstance(pattern, ScriptBlock):
                parts, cur = [], []
                for ch in s:
                    if to_bool(pattern.invoke_as_filter(ch, as_value=True)):
                        parts.append("".join(cur))
                        cur = []
                    else:
                        cur.append(ch)
                parts.append("".join(cur))
                results.extend(parts)
                continue
            if "simplematch" in options:
                import re
                rx = re.compile(re.escape(to_string(pattern)), 0 if cs else re.I)
            else:
                rx = _regex(pattern, cs)
            results.extend(rx_split(rx, s, max_count))
        return results
    return op


def op_unary_split(a: Any) -> list:
    s = to_string(a)
    return [p for p in s.split() if p]


def op_join(a: Any, b: Any) -> str:
    sep = to_string(b)
    items = enumerate_values(a) if is_enumerable(a) and not isinstance(a, str) else [a]
    return sep.join(to_string(x) for x in items)


def op_unary_join(a: Any) -> str:
    return op_join(a, "")


def op_format(a: Any, b: Any) -> str:
    from .netlib.composite import format_composite
    args = list(enumerate_values(b)) if is_enumerable(b) else [b]
    return format_composite(to_string(a), args, to_string)


# ----------------------------------------------------------------------------- containment and types

def _make_contains(negate: bool, ci: bool) -> Callable[[Any, Any], bool]:
    def f(a: Any, b: Any) -> bool:
        items = enumerate_values(a) if is_enumerable(a) and not isinstance(a, str) else [a]
        found = any(equals(x, b, ci) for x in items)
        return not found if negate else found
    return f


def _make_in(negate: bool, ci: bool) -> Callable[[Any, Any], bool]:
    contains = _make_contains(negate, ci)
    return lambda a, b: contains(b, a)


def _type_arg(b: Any) -> Any:
    from .types import PSType, resolve
    if isinstance(b, PSType):
        return b
    return resolve(to_string(b))


def op_is(a: Any, b: Any) -> bool:
    t = _type_arg(b)
    if a is None or a is AutomationNull:
        return False
    if t.FullName in ("System.Object", "System.Management.Automation.PSObject"):
        return True
    return t.is_instance(a) or _inherits(a, t)


def _inherits(a: Any, t: Any) -> bool:
    from .types import type_of
    try:
        chain = type_of(a).type_name_chain()
    except Exception:
        return False
    return t.FullName in chain


def op_isnot(a: Any, b: Any) -> bool:
    return not op_is(a, b)


def op_as(a: Any, b: Any) -> Any:
    from .conversion import try_convert
    t = _type_arg(b)
    ok, v = try_convert(a, t)
    return v if ok else None


def op_range(a: Any, b: Any) -> Any:
    from .conversion import to_integer
    if isinstance(a, str) and isinstance(b, str) and len(a) == 1 and len(b) == 1 and not a.isdigit():
        sa, sb = ord(a), ord(b)
        step = 1 if sb >= sa else -1
        return [N.Char(chr(c)) for c in range(sa, sb + step, step)]
    ia, ib = to_integer(a), to_integer(b)
    if abs(ib - ia) > 50_000_000:
        raise runtime_error("The range operator produces too many values.", "RangeTooBig")
    return range(ia, ib + 1) if ib >= ia else range(ia, ib - 1, -1)


def op_and(a: Any, b: Any) -> bool:
    return to_bool(a) and to_bool(b)


def op_or(a: Any, b: Any) -> bool:
    return to_bool(a) or to_bool(b)


def op_xor(a: Any, b: Any) -> bool:
    return to_bool(a) != to_bool(b)


def op_coalesce(a: Any, b: Any) -> Any:
    return b if a is None or a is AutomationNull else a


BINARY: dict[str, Callable[..., Any]] = {
    "+": op_add, "-": op_sub, "*": op_mul, "/": op_div, "%": op_mod, "..": op_range, "f": op_format,
    "band": op_band, "bor": op_bor, "bxor": op_bxor, "shl": op_shl, "shr": op_shr,
    "join": op_join, "is": op_is, "isnot": op_isnot, "as": op_as,
    "xor": op_xor, "??": op_coalesce,
}
for _p, _ci in (("", True), ("i", True), ("c", False)):
    for _k in ("eq", "ne", "gt", "ge", "lt", "le"):
        BINARY[_p + _k] = make_comparison(_k, _ci)
    BINARY[_p + "like"] = _make_like(False, not _ci)
    BINARY[_p + "notlike"] = _make_like(True, not _ci)
    BINARY[_p + "match"] = _make_match(False, not _ci)
    BINARY[_p + "notmatch"] = _make_match(True, not _ci)
    BINARY[_p + "replace"] = _make_replace(not _ci)
    BINARY[_p + "split"] = _make_split(not _ci)
    BINARY[_p + "contains"] = _make_contains(False, _ci)
    BINARY[_p + "notcontains"] = _make_contains(True, _ci)
    BINARY[_p + "in"] = _make_in(False, _ci)
    BINARY[_p + "notin"] = _make_in(True, _ci)
BINARY["eq"] = op_eq_fast
BINARY["ieq"] = op_eq_fast

