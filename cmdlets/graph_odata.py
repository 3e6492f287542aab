"""OData query options of the Graph list cmdlets: $filter and $search over user properties, and
paging (-Sort, -Skip, -Top, -All, -CountVariable)."""
from __future__ import annotations

import re
from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch

from .tenantsvc import as_list


# ----------------------------------------------------------------------------- $filter / $search

def _literal(tok: str) -> Any:
    if tok.startswith("'"):
        return tok[1:-1].replace("''", "'")
    low = tok.lower()
    if low in ("true", "false"):
        return low == "true"
    if low == "null":
        return None
    try:
        return int(tok)
    except ValueError:
        raise ValueError(tok) from None


def odata_filter(text: str) -> Any:
    """Compile an OData $filter over user properties: eq ne gt ge lt le, startswith, endswith, and/or/not."""
    tokens = re.findall(r"'(?:[^']|'')*'|\(|\)|,|[\w.@/-]+", text)
    pos = 0

    def peek() -> str:
        return tokens[pos].lower() if pos < len(tokens) else ""

    def take() -> str:
        nonlocal pos
        if pos >= len(tokens):
            raise ValueError("end")
        pos += 1
        return tokens[pos - 1]

    def getter(name: str) -> Any:
        low = name.lower()
        return lambda v: next((val for k, val in v.items() if k.lower() == low), None)

    def primary() -> Any:
        if peek() == "(":
            take()
            f = disjunction()
            if take() != ")":
                raise ValueError(")")
            return f
        if peek() == "not":
            take()
            inner = primary()
            return lambda v: not inner(v)
        word = take()
        if word.lower() in ("startswith", "endswith") and peek() == "(":
            take()
            prop = getter(take())
            take()
            lit = _literal(take())
            take()
            fn = str.startswith if word.lower() == "startswith" else str.endswith
            return lambda v: isinstance(prop(v), str) and fn(prop(v).lower(), str(lit).lower())
        prop = getter(word)
        op = take().lower()
        lit = _literal(take())
        ops = {"eq": lambda a, b: a == b, "ne": lambda a, b: a != b, "gt": lambda a, b: a > b,
               "ge": lambda a, b: a >= b, "lt": lambda a, b: a < b, "le": lambda a, b: a <= b}
        if op not in ops:
            raise ValueError(op)
        cmp = ops[op]

        def test(v: dict) -> bool:
            cur = prop(v)
            a, b = (cur.lower(), lit.lower()) if isinstance(cur, str) and isinstance(lit, str) else (cur, lit)
            try:
                return bool(cmp(a, b))
            except TypeError:
                return False
        return test

    def conjunction() -> Any:
        f = primary()
        while peek() == "and":
            take()
            g = primary()
            f = (lambda a, b: lambda v: a(v) and b(v))(f, g)
        return f

    def disjunction() -> Any:
        f = conjunction()
        while peek() == "or":
            take()
            g = conjunction()
            f = (lambda a, b: lambda v: a(v) or b(v))(f, g)
        return f

    f = disjunction()
    if pos != len(tokens):
        raise ValueError("trailing")
    return f


def odata_search(text: str) -> Any:
    """$search ``"property:words"`` clauses (AND / OR): each word must start a word of the property."""
    clauses = re.findall(r'"([^"]+)"|\b(AND|OR)\b', text)
    tests: list[Any] = []
    joins: list[str] = []
    for clause, join in clauses:
        if join:
            joins.append(join)
            continue
        prop, _, words = clause.partition(":")
        if not words:
            raise ValueError(clause)
        low = prop.strip().lower()
        wanted = words.lower().split()

        def test(v: dict, low: str = low, wanted: list = wanted) -> bool:
            cur = next((val for k, val in v.items() if k.lower() == low), None)
            parts = re.split(r"[\s.@_-]+", str(cur or "").lower())
            return all(any(p.startswith(w) for p in parts) for w in wanted)
        tests.append(test)
    if not tests:
        raise ValueError(text)

    def run(v: dict) -> bool:
        result = tests[0](v)
        for join, t in zip(joins, tests[1:]):
            result = (result or t(v)) if join == "OR" else (result and t(v))
        return result
    return run


# ----------------------------------------------------------------------------- paging

class _ListParams:
    ExpandProperty = Parameter(list[str], aliases=("Expand",), help="Expand related entities.")
    Property = Parameter(list[str], aliases=("Select",), help="The properties to return.")
    Filter = Parameter(str, set="List", help="An OData filter, e.g. \"startswith(displayName,'A')\".")
    Search = Parameter(str, set="List", help="A search phrase, e.g. '\"displayName:Conf\"' (needs ConsistencyLevel).")
    Skip = Parameter(int, set="List", help="Skip the first n items.")
    Sort = Parameter(list[str], set="List", aliases=("OrderBy",), help="Order by these properties ('prop desc').")
    Top = Parameter(int, set="List", aliases=("Limit",), help="Return at most n items.")
    PageSize = Parameter(int, set="List", help="Items per page.")
    All = Parameter(Switch, set="List", help="Return every page.")
    CountVariable = Parameter(str, set="List", aliases=("CV",), help="A variable that receives the total count.")
    ConsistencyLevel = Parameter(str, set="List", help="The consistency level ('eventual' for advanced queries).")


def _page(cmd: Any, rows: list[Any], key: Any = None) -> list[Any]:
    """Apply -Sort, -Skip, -Top / -All (first page of 100 without -All) and -CountVariable."""
    if cmd.Sort:
        for spec in reversed(as_list(cmd.Sort)):
            prop, _, direction = str(spec).strip().partition(" ")
            rows.sort(key=lambda r: str(key(r, prop) or "").lower(), reverse=direction.strip().lower() == "desc")
    if cmd.CountVariable:
        cmd.ctx.assign(cmd.CountVariable.lstrip("$"), len(rows), "global")
    if cmd.Skip:
        rows = rows[cmd.Skip:]
    if cmd.Top:
        return rows[:cmd.Top]
    if cmd.All:
        return rows
    return rows[:cmd.PageSize or 100]
