"""Typed AST for the PowerShell language subset o365shell runs.

Every node records its source extent as character offsets (``start``, ``end``) into
the text it was parsed from; ``Source`` turns an offset into a line and column.
Nodes are plain slotted dataclasses: the grammar builds them, the compiler reads them,
nothing mutates them after parsing.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Union


class Source:
    """The text a tree was parsed from, with its file name (or None), and line lookup."""

    __slots__ = ("text", "path", "_line_starts")

    def __init__(self, text: str, path: str | None = None) -> None:
        self.text = text
        self.path = path
        starts = [0]
        find = text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._line_starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of ``offset``."""
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def line_text(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break."""
        s = self._line_starts[line - 1]
        e = self.text.find("\n", s)
        t = self.text[s:] if e < 0 else self.text[s:e]
        return t.rstrip("\r")

    @property
    def line_count(self) -> int:
        return len(self._line_starts)


@dataclass(slots=True, eq=False)
class Node:
    """Base of every node: its extent in the source text."""

    start: int
    end: int


# ----------------------------------------------------------------------------- expressions

@dataclass(slots=True, eq=False)
class Expr(Node):
    """Base of expressions."""


@dataclass(slots=True, eq=False)
class Constant(Expr):
    """A number literal: its value as a plain Python int/float/Decimal and its .NET type name."""

    value: object
    text: str = ""
    type_name: str = "Int32"


@dataclass(slots=True, eq=False)
class StringConstant(Expr):
    """A string with nothing to expand. ``kind`` is 'single', 'double', 'bare', 'here-single' or 'here-double'."""

    value: str
    kind: str = "single"


@dataclass(slots=True, eq=False)
class ExpandableString(Expr):
    """A double-quoted string (or bare word) with variables or $() inside: literal parts and expressions."""

    parts: list[Union[str, Expr]]
    raw: str = ""
    kind: str = "double"


@dataclass(slots=True, eq=False)
class Variable(Expr):
    """``$name``, ``$scope:name``, ``${any name}``; ``splat`` for ``@name``."""

    name: str
    scope: str | None = None
    splat: bool = False

    @property
    def full_name(self) -> str:
        return f"{self.scope}:{self.name}" if self.scope else self.name


@dataclass(slots=True, eq=False)
class TypeName(Node):
    """A .NET type name as written: ``System.Collections.Generic.List[string]``, ``int[]``."""

    name: str
    generic_args: list["TypeName"] = field(default_factory=list)
    array_rank: int = 0

    def __str__(self) -> str:
        s = self.name
        if self.generic_args:
            s += "[" + ",".join(str(a) for a in self.generic_args) + "]"
        return s + "[]" * self.array_rank


@dataclass(slots=True, eq=False)
class TypeLiteral(Expr):
    """``[int]`` used as a value."""

    type: TypeName


@dataclass(slots=True, eq=False)
class Convert(Expr):
    """``[type] operand`` — a cast."""

    type: TypeName
    operand: Expr


@dataclass(slots=True, eq=False)
class ArrayLiteral(Expr):
    """``a, b, c`` — the comma operator."""

    elements: list[Expr]


@dataclass(slots=True, eq=False)
class ArrayExpression(Expr):
    """``@( statements )``."""

    body: "StatementBlock"


@dataclass(slots=True, eq=False)
class SubExpression(Expr):
    """``$( statements )``."""

    body: "StatementBlock"


@dataclass(slots=True, eq=False)
class Paren(Expr):
    """``( pipeline )``."""

    pipeline: "Statement"


@dataclass(slots=True, eq=False)
class Hashtable(Expr):
    """``@{ key = value; ... }``; values are statements (usually pipelines)."""

    pairs: list[tuple[Expr, "Statement"]]


@dataclass(slots=True, eq=False)
class ScriptBlockExpr(Expr):
    """``{ ... }`` as a value."""

    block: "ScriptBlock"


@dataclass(slots=True, eq=False)
class Unary(Expr):
    """Prefix operators: ``-`` ``+`` ``!`` ``-not`` ``-bnot`` ``-split`` ``-join`` ``,`` ``++`` ``--``."""

    op: str
    operand: Expr


@dataclass(slots=True, eq=False)
class PostfixIncrement(Expr):
    """``$x++`` / ``$x--``."""

    op: str
    operand: Expr


@dataclass(slots=True, eq=False)
class Binary(Expr):
    """Binary operators, op in lower case without the leading dash for word operators ('eq', 'ceq', '+', '..')."""

    op: str
    left: Expr
    right: Expr


@dataclass(slots=True, eq=False)
class Ternary(Expr):
    """``cond ? a : b``."""

    condition: Expr
    if_true: Expr
    if_false: Expr


@dataclass(slots=True, eq=False)
class Member(Expr):
    """``expr.name`` / ``expr::name`` / ``expr?.name``; ``name`` is a constant or an expression."""

    target: Expr
    name: Expr
    static: bool = False
    null_conditional: bool = False


@dataclass(slots=True, eq=False)
class InvokeMember(Expr):
    """``expr.Method(args)`` / ``[type]::Method(args)``."""

    target: Expr
    name: Expr
    args: list[Expr]
    static: bool = False
    null_conditional: bool = False


@dataclass(slots=True, eq=False)
class Index(Expr):
    """``expr[index]``."""

    target: Expr
    index: Expr
    null_conditional: bool = False


# ----------------------------------------------------------------------------- commands

@dataclass(slots=True, eq=False)
class CommandParameter(Node):
    """``-Name`` or ``-Name:value`` in a command. ``text`` is how it was written."""

    name: str
    argument: Expr | None = None
    text: str = ""


@dataclass(slots=True, eq=False)
class Redirection(Node):
    """``>`` / ``>>`` / ``2>`` / ``2>&1`` / ``*>``; ``target`` None for a merge."""

    stream: str          # '1','2','3','4','5','6','*'
    append: bool
    target: Expr | None
    merge_to: str | None = None


@dataclass(slots=True, eq=False)
class Command(Node):
    """A command invocation: its name (a bare word or an expression after & / .) and elements."""

    name: Expr
    elements: list[Union[CommandParameter, Expr]]
    invocation: str | None = None   # '&', '.', or None
    redirections: list[Redirection] = field(default_factory=list)

    @property
    def static_name(self) -> str | None:
        if isinstance(self.name, StringConstant) and self.name.kind == "bare":
            return self.name.value
        return None


@dataclass(slots=True, eq=False)
class CommandExpression(Node):
    """An expression used as a pipeline element (only the first one)."""

    expr: Expr
    redirections: list[Redirection] = field(default_factory=list)


PipelineElement = Union[Command, CommandExpression]

# ----------------------------------------------------------------------------- statements


@dataclass(slots=True, eq=False)
class Statement(Node):
    """Base of statements."""


@dataclass(slots=True, eq=False)
class Pipeline(Statement):
    """``a | b | c``."""

    elements: list[PipelineElement]


@dataclass(slots=True, eq=False)
class Assignment(Statement):
    """``target op value``; op is '=', '+=', '-=', '*=', '/=', '%=', '??='."""

    target: Expr
    op: str
    value: Statement


@dataclass(slots=True, eq=False)
class StatementBlock(Node):
    """A list of statements (``{ ... }`` body or a script's top level)."""

    statements: list[Statement]
    traps: list["Trap"] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class If(Statement):
    """``if (c) {..} elseif (c) {..} else {..}``."""

    clauses: list[tuple[Statement, StatementBlock]]
    else_body: StatementBlock | None = None


@dataclass(slots=True, eq=False)
class LoopStatement(Statement):
    """Base of loops, which may carry a ``:label``."""

    label: str | None


@dataclass(slots=True, eq=False)
class While(LoopStatement):
    """``while (c) { }``."""

    condition: Statement
    body: StatementBlock


@dataclass(slots=True, eq=False)
class DoLoop(LoopStatement):
    """``do { } while (c)`` / ``do { } until (c)``."""

    body: StatementBlock
    condition: Statement
    until: bool


@dataclass(slots=True, eq=False)
class For(LoopStatement):
    """``for (init; cond; iter) { }``."""

    init: Statement | None
    condition: Statement | None
    iterator: Statement | None
    body: StatementBlock


@dataclass(slots=True, eq=False)
class ForEach(LoopStatement):
    """``foreach ($v in expr) { }``."""

    variable: Variable
    iterable: Statement
    body: StatementBlock


@dataclass(slots=True, eq=False)
class Switch(LoopStatement):
    """``switch -flags (value) { pattern { } default { } }``."""

    flags: list[str]
    subject: Statement | None
    file: Expr | None
    clauses: list[tuple[Expr, StatementBlock]]
    default: StatementBlock | None


@dataclass(slots=True, eq=False)
class Attribute(Node):
    """``[Name(args, Key = value, Flag)]`` on a parameter or param block; or a type constraint."""

    name: str
    positional: list[Expr] = field(default_factory=list)
    named: list[tuple[str, Expr | None]] = field(default_factory=list)
    is_type_constraint: bool = False
    type: TypeName | None = None


@dataclass(slots=True, eq=False)
class Parameter(Node):
    """A parameter in ``param()`` or ``function f($a)``."""

    name: str
    attributes: list[Attribute]
    default: Expr | None = None
    help: str | None = None


@dataclass(slots=True, eq=False)
class ParamBlock(Node):
    """``[CmdletBinding()] param(...)``."""

    attributes: list[Attribute]
    parameters: list[Parameter]


@dataclass(slots=True, eq=False)
class ScriptBlock(Node):
    """A script block body: optional param block, and either an unnamed body or begin/process/end."""

    param_block: ParamBlock | None
    begin_block: StatementBlock | None
    process_block: StatementBlock | None
    end_block: StatementBlock | None
    dynamicparam_block: StatementBlock | None = None
    is_filter: bool = False
    unnamed: bool = True            # body was not split into named blocks
    text: str = ""                  # the source text of the body (for ToString())
    help_comments: list[tuple[int, str]] = field(default_factory=list)
    requires: list[str] = field(default_factory=list)
    compiled: object = field(default=None, repr=False)   # the engine's compiled form, made once


@dataclass(slots=True, eq=False)
class FunctionDefinition(Statement):
    """``function Name (params) { body }`` / ``filter Name { }``."""

    name: str
    body: ScriptBlock
    is_filter: bool = False
    help_comment: str | None = None


@dataclass(slots=True, eq=False)
class CatchClause(Node):
    """``catch [T1], [T2] { }``."""

    types: list[TypeName]
    body: StatementBlock


@dataclass(slots=True, eq=False)
class Try(Statement):
    """``try { } catch { } finally { }``."""

    body: StatementBlock
    catches: list[CatchClause]
    finally_body: StatementBlock | None


@dataclass(slots=True, eq=False)
class Trap(Statement):
    """``trap [T] { }``."""

    type: TypeName | None
    body: StatementBlock


@dataclass(slots=True, eq=False)
class Throw(Statement):
    """``throw [value]``."""

    value: Statement | None


@dataclass(slots=True, eq=False)
class Return(Statement):
    """``return [value]``."""

    value: Statement | None


@dataclass(slots=True, eq=False)
class Exit(Statement):
    """``exit [code]``."""

    value: Statement | None


@dataclass(slots=True, eq=False)
class Break(Statement):
    """``break [label]``."""

    label: Expr | None


@dataclass(slots=True, eq=False)
class Continue(Statement):
    """``continue [label]``."""

    label: Expr | None


@dataclass(slots=True, eq=False)
class BlockStatement(Statement):
    """A statement block used as a statement (rare; e.g. ``data`` or a bare block in ``parallel``)."""

    body: StatementBlock


@dataclass(slots=True, eq=False)
class Script(Node):
    """A parsed script: its top-level script block and the source it came from."""

    block: ScriptBlock
    source: Source
