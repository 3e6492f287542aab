"""Hypothesis strategies that build random, mostly valid PowerShell scripts (for the differential
test against tree-sitter-powershell and for the fuzz tests). Only side-effect-free commands."""
from __future__ import annotations

from hypothesis import strategies as st

NAMES = ["a", "b", "count", "User", "x1", "list", "h"]
SAFE_COMMANDS = ["Write-Output", "Write-Host", "Out-Null", "ForEach-Object", "Where-Object", "Select-Object",
                 "Sort-Object", "Measure-Object", "Group-Object", "Out-String", "Get-Date", "ConvertTo-Json"]
PARAMS = ["-First", "-Property", "-Descending", "-Sum", "-NoNewline", "-Compress", "-Unique", "-Depth"]

ident = st.sampled_from(NAMES)
variable = ident.map(lambda n: "$" + n)
number = st.one_of(st.integers(-1000, 1000).map(str), st.floats(-1e4, 1e4, allow_nan=False).map(lambda f: repr(
    round(f, 3))), st.sampled_from(["0x1F", "1kb", "2.5e3", "10l", "3d"]))
sq = st.text(alphabet="abc xyz-_.,:;!?", max_size=8).map(lambda s: "'" + s.replace("'", "''") + "'")
dq = st.one_of(st.text(alphabet="abc def-_.", max_size=8).map(lambda s: '"' + s + '"'),
               variable.map(lambda v: f'"pre {v} post"'), st.just('"$(1 + 2) items"'))
string = st.one_of(sq, dq)
BINOPS = ["+", "-", "*", "/", "%", "-eq", "-ne", "-gt", "-lt", "-like", "-match", "-and", "-or", "-join",
          "-replace", "-split", "-in", "-contains", "-f", "-band"]


def expressions(depth: int = 2) -> st.SearchStrategy[str]:
    base = st.one_of(number, string, variable, st.sampled_from(["$true", "$false", "$null", "@()", "$_"]))
    if depth <= 0:
        return base
    sub = expressions(depth - 1)
    return st.one_of(
        base,
        st.tuples(sub, st.sampled_from(BINOPS), sub).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
        sub.map(lambda e: f"({e})"),
        st.lists(sub, min_size=1, max_size=3).map(lambda xs: "@(" + ", ".join(xs) + ")"),
        st.lists(st.tuples(ident, sub), min_size=0, max_size=3).map(
            lambda kv: "@{" + "; ".join(f"{k} = {v}" for k, v in kv) + "}"),
        st.tuples(variable, ident).map(lambda t: f"{t[0]}.{t[1]}"),
        st.tuples(variable, st.integers(-2, 3)).map(lambda t: f"{t[0]}[{t[1]}]"),
        sub.map(lambda e: f"[string]({e})"),
        sub.map(lambda e: f"-not {e}"),
        st.tuples(sq, st.sampled_from(["ToUpper()", "Length", "Trim()", "Split(',')"])).map(
            lambda t: f"{t[0]}.{t[1]}"),
    )


def commands() -> st.SearchStrategy[str]:
    arg = st.one_of(number, sq, variable, st.sampled_from(["Name", "Length", "{ $_ }", "(1 + 1)"]))
    return st.tuples(st.sampled_from(SAFE_COMMANDS), st.lists(st.one_of(arg, st.sampled_from(PARAMS)),
                                                              max_size=3)).map(lambda t: " ".join([t[0]] + t[1]))


def statements(depth: int = 1) -> st.SearchStrategy[str]:
    expr = expressions(2)
    simple = st.one_of(
        expr,
        st.tuples(variable, expr).map(lambda t: f"{t[0]} = {t[1]}"),
        st.tuples(variable, st.sampled_from(["+=", "-=", "*="]), number).map(lambda t: f"{t[0]} {t[1]} {t[2]}"),
        st.tuples(expr, commands()).map(lambda t: f"{t[0]} | {t[1]}"),
        commands(),
    )
    if depth <= 0:
        return simple
    block = st.lists(statements(depth - 1), min_size=0, max_size=3).map(lambda ss: "{ " + "; ".join(ss) + " }")
    return st.one_of(
        simple,
        st.tuples(expr, block, block).map(lambda t: f"if ({t[0]}) {t[1]} else {t[2]}"),
        st.tuples(variable, expr, block).map(lambda t: f"foreach ({t[0]} in {t[1]}) {t[2]}"),
        st.tuples(ident, block).map(lambda t: f"function F-{t[0]} {t[1]}"),
        st.tuples(block, block).map(lambda t: f"try {t[0]} catch {t[1]}"),
        st.tuples(expr, block).map(lambda t: f"switch ({t[0]}) {{ 1 {t[1]} default {{ 'd' }} }}"),
    )


def scripts() -> st.SearchStrategy[str]:
    return st.lists(statements(1), min_size=1, max_size=6).map(lambda ss: "\n".join(ss) + "\n")
