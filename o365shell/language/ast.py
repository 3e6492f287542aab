"""Typed AST for the PowerShell language subset o365shell runs.

Every node records its source extent as character offsets (``start``, ``end``) into
the text it was parsed from; ``Source`` turns an offset into a line and column.
Nodes are plain slotted classes (cheap to import and to build): the grammar builds them,
the compiler reads them, and only the compiler's cache field is written afterwards.
"""
from __future__ import annotations

import bisect
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

class Node:
    """Base of every node: its extent in the source text."""

    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def __repr__(self) -> str:
        fields: list[str] = []
        for klass in type(self).__mro__:
            fields = list(getattr(klass, "__slots__", ())) + fields
        return f"{type(self).__name__}(" + ", ".join(f"{f}={getattr(self, f, None)!r}" for f in fields) + ")"


class Expr(Node):
    """Base of expressions."""

    __slots__ = ()

    def __init__(self, start, end):
        self.start = start
        self.end = end


class Constant(Expr):
    """A number literal: its value as a plain Python int/float/Decimal and its .NET type name."""

    __slots__ = ('value', 'text', 'type_name')

    def __init__(self, start, end, value, text='', type_name='Int32'):
        self.start = start
        self.end = end
        self.value = value
        self.text = text
        self.type_name = type_name


class StringConstant(Expr):
    """A string with nothing to expand. ``kind`` is 'single', 'double', 'bare', 'here-single' or 'here-double'."""

    __slots__ = ('value', 'kind')

    def __init__(self, start, end, value, kind='single'):
        self.start = start
        self.end = end
        self.value = value
        self.kind = kind


class ExpandableString(Expr):
    """A double-quoted string (or bare word) with variables or $() inside: literal parts and expressions."""

    __slots__ = ('parts', 'raw', 'kind')

    def __init__(self, start, end, parts, raw='', kind='double'):
        self.start = start
        self.end = end
        self.parts = parts
        self.raw = raw
        self.kind = kind


class Variable(Expr):
    """``$name``, ``$scope:name``, ``${any name}``; ``splat`` for ``@name``."""

    __slots__ = ('name', 'scope', 'splat')

    def __init__(self, start, end, name, scope=None, splat=False):
        self.start = start
        self.end = end
        self.name = name
        self.scope = scope
        self.splat = splat

    @property
    def full_name(self) -> str:
        return f"{self.scope}:{self.name}" if self.scope else self.name


class TypeName(Node):
    """A .NET type name as written: ``System.Collections.Generic.List[string]``, ``int[]``."""

    __slots__ = ('name', 'generic_args', 'array_rank')

    def __init__(self, start, end, name, generic_args=None, array_rank=0):
        self.start = start
        self.end = end
        self.name = name
        self.generic_args = [] if generic_args is None else generic_args
        self.array_rank = array_rank

    def __str__(self) -> str:
        s = self.name
        if self.generic_args:
            s += "[" + ",".join(str(a) for a in self.generic_args) + "]"
        return s + "[]" * self.array_rank


class TypeLiteral(Expr):
    """``[int]`` used as a value."""

    __slots__ = ('type',)

    def __init__(self, start, end, type):
        self.start = start
        self.end = end
        self.type = type


class Convert(Expr):
    """``[type] operand`` — a cast."""

    __slots__ = ('type', 'operand')

    def __init__(self, start, end, type, operand):
        self.start = start
        self.end = end
        self.type = type
        self.operand = operand


class ArrayLiteral(Expr):
    """``a, b, c`` — the comma operator."""

    __slots__ = ('elements',)

    def __init__(self, start, end, elements):
        self.start = start
        self.end = end
        self.elements = elements


class ArrayExpression(Expr):
    """``@( statements )``."""

    __slots__ = ('body',)

    def __init__(self, start, end, body):
        self.start = start
        self.end = end
        self.body = body


class SubExpression(Expr):
    """``$( statements )``."""

    __slots__ = ('body',)

    def __init__(self, start, end, body):
        self.start = start
        self.end = end
        self.body = body


class Paren(Expr):
    """``( pipeline )``."""

    __slots__ = ('pipeline',)

    def __init__(self, start, end, pipeline):
        self.start = start
        self.end = end
        self.pipeline = pipeline


class Hashtable(Expr):
    """``@{ key = value; ... }``; values are statements (usually pipelines)."""

    __slots__ = ('pairs',)

    def __init__(self, start, end, pairs):
        self.start = start
        self.end = end
        self.pairs = pairs


class ScriptBlockExpr(Expr):
    """``{ ... }`` as a value."""

    __slots__ = ('block',)

    def __init__(self, start, end, block):
        self.start = start
        self.end = end
        self.block = block


class Unary(Expr):
    """Prefix operators: ``-`` ``+`` ``!`` ``-not`` ``-bnot`` ``-split`` ``-join`` ``,`` ``++`` ``--``."""

    __slots__ = ('op', 'operand')

    def __init__(self, start, end, op, operand):
        self.start = start
        self.end = end
        self.op = op
        self.operand = operand


class PostfixIncrement(Expr):
    """``$x++`` / ``$x--``."""

    __slots__ = ('op', 'operand')

    def __init__(self, start, end, op, operand):
        self.start = start
        self.end = end
        self.op = op
        self.operand = operand


class Binary(Expr):
    """Binary operators, op in lower case without the leading dash for word operators ('eq', 'ceq', '+', '..')."""

    __slots__ = ('op', 'left', 'right')

    def __init__(self, start, end, op, left, right):
        self.start = start
        self.end = end
        self.op = op
        self.left = left
        self.right = right


class Ternary(Expr):
    """``cond ? a : b``."""

    __slots__ = ('condition', 'if_true', 'if_false')

    def __init__(self, start, end, condition, if_true, if_false):
        self.start = start
        self.end = end
        self.condition = condition
        self.if_true = if_true
        self.if_false = if_false


class Member(Expr):
    """``expr.name`` / ``expr::name`` / ``expr?.name``; ``name`` is a constant or an expression."""

    __slots__ = ('target', 'name', 'static', 'null_conditional')

    def __init__(self, start, end, target, name, static=False, null_conditional=False):
        self.start = start
        self.end = end
        self.target = target
        self.name = name
        self.static = static
        self.null_conditional = null_conditional


class InvokeMember(Expr):
    """``expr.Method(args)`` / ``[type]::Method(args)``."""

    __slots__ = ('target', 'name', 'args', 'static', 'null_conditional')

    def __init__(self, start, end, target, name, args, static=False, null_conditional=False):
        self.start = start
        self.end = end
        self.target = target
        self.name = name
        self.args = args
        self.static = static
        self.null_conditional = null_conditional


class Index(Expr):
    """``expr[index]``."""

    __slots__ = ('target', 'index', 'null_conditional')

    def __init__(self, start, end, target, index, null_conditional=False):
        self.start = start
        self.end = end
        self.target = target
        self.index = index
        self.null_conditional = null_conditional


class CommandParameter(Node):
    """``-Name`` or ``-Name:value`` in a command. ``text`` is how it was written."""

    __slots__ = ('name', 'argument', 'text')

    def __init__(self, start, end, name, argument=None, text=''):
        self.start = start
        self.end = end
        self.name = name
        self.argument = argument
        self.text = text


class Redirection(Node):
    """``>`` / ``>>`` / ``2>`` / ``2>&1`` / ``*>``; ``target`` None for a merge."""

    __slots__ = ('stream', 'append', 'target', 'merge_to')

    def __init__(self, start, end, stream, append, target, merge_to=None):
        self.start = start
        self.end = end
        self.stream = stream
        self.append = append
        self.target = target
        self.merge_to = merge_to


class Command(Node):
    """A command invocation: its name (a bare word or an expression after & / .) and elements."""

    __slots__ = ('name', 'elements', 'invocation', 'redirections')

    def __init__(self, start, end, name, elements, invocation=None, redirections=None):
        self.start = start
        self.end = end
        self.name = name
        self.elements = elements
        self.invocation = invocation
        self.redirections = [] if redirections is None else redirections

    @property
    def static_name(self) -> str | None:
        if isinstance(self.name, StringConstant) and self.name.kind == "bare":
            return self.name.value
        return None


class CommandExpression(Node):
    """An expression used as a pipeline element (only the first one)."""

    __slots__ = ('expr', 'redirections')

    def __init__(self, start, end, expr, redirections=None):
        self.start = start
        self.end = end
        self.expr = expr
        self.redirections = [] if redirections is None else redirections


class Statement(Node):
    """Base of statements."""

    __slots__ = ()

    def __init__(self, start, end):
        self.start = start
        self.end = end


class Pipeline(Statement):
    """``a | b | c``."""

    __slots__ = ('elements',)

    def __init__(self, start, end, elements):
        self.start = start
        self.end = end
        self.elements = elements


class Assignment(Statement):
    """``target op value``; op is '=', '+=', '-=', '*=', '/=', '%=', '??='."""

    __slots__ = ('target', 'op', 'value')

    def __init__(self, start, end, target, op, value):
        self.start = start
        self.end = end
        self.target = target
        self.op = op
        self.value = value


class StatementBlock(Node):
    """A list of statements (``{ ... }`` body or a script's top level)."""

    __slots__ = ('statements', 'traps')

    def __init__(self, start, end, statements, traps=None):
        self.start = start
        self.end = end
        self.statements = statements
        self.traps = [] if traps is None else traps


class If(Statement):
    """``if (c) {..} elseif (c) {..} else {..}``."""

    __slots__ = ('clauses', 'else_body')

    def __init__(self, start, end, clauses, else_body=None):
        self.start = start
        self.end = end
        self.clauses = clauses
        self.else_body = else_body


class LoopStatement(Statement):
    """Base of loops, which may carry a ``:label``."""

    __slots__ = ('label',)

    def __init__(self, start, end, label):
        self.start = start
        self.end = end
        self.label = label


class While(LoopStatement):
    """``while (c) { }``."""

    __slots__ = ('condition', 'body')

    def __init__(self, start, end, label, condition, body):
        self.start = start
        self.end = end
        self.label = label
        self.condition = condition
        self.body = body


class DoLoop(LoopStatement):
    """``do { } while (c)`` / ``do { } until (c)``."""

    __slots__ = ('body', 'condition', 'until')

    def __init__(self, start, end, label, body, condition, until):
        self.start = start
        self.end = end
        self.label = label
        self.body = body
        self.condition = condition
        self.until = until


class For(LoopStatement):
    """``for (init; cond; iter) { }``."""

    __slots__ = ('init', 'condition', 'iterator', 'body')

    def __init__(self, start, end, label, init, condition, iterator, body):
        self.start = start
        self.end = end
        self.label = label
        self.init = init
        self.condition = condition
        self.iterator = iterator
        self.body = body


class ForEach(LoopStatement):
    """``foreach ($v in expr) { }``."""

    __slots__ = ('variable', 'iterable', 'body')

    def __init__(self, start, end, label, variable, iterable, body):
        self.start = start
        self.end = end
        self.label = label
        self.variable = variable
        self.iterable = iterable
        self.body = body


class Switch(LoopStatement):
    """``switch -flags (value) { pattern { } default { } }``."""

    __slots__ = ('flags', 'subject', 'file', 'clauses', 'default')

    def __init__(self, start, end, label, flags, subject, file, clauses, default):
        self.start = start
        self.end = end
        self.label = label
        self.flags = flags
        self.subject = subject
        self.file = file
        self.clauses = clauses
        self.default = default


class Attribute(Node):
    """``[Name(args, Key = value, Flag)]`` on a parameter or param block; or a type constraint."""

    __slots__ = ('name', 'positional', 'named', 'is_type_constraint', 'type')

    def __init__(self, start, end, name, positional=None, named=None, is_type_constraint=False, type=None):
        self.start = start
        self.end = end
        self.name = name
        self.positional = [] if positional is None else positional
        self.named = [] if named is None else named
        self.is_type_constraint = is_type_constraint
        self.type = type


class Parameter(Node):
    """A parameter in ``param()`` or ``function f($a)``."""

    __slots__ = ('name', 'attributes', 'default', 'help')

    def __init__(self, start, end, name, attributes, default=None, help=None):
        self.start = start
        self.end = end
        self.name = name
        self.attributes = attributes
        self.default = default
        self.help = help


class ParamBlock(Node):
    """``[CmdletBinding()] param(...)``."""

    __slots__ = ('attributes', 'parameters')

    def __init__(self, start, end, attributes, parameters):
        self.start = start
        self.end = end
        self.attributes = attributes
        self.parameters = parameters


class ScriptBlock(Node):
    """A script block body: optional param block, and either an unnamed body or begin/process/end."""

    __slots__ = ('param_block', 'begin_block', 'process_block', 'end_block', 'dynamicparam_block', 'is_filter', 'unnamed', 'text', 'help_comments', 'requires', 'compiled')

    def __init__(self, start, end, param_block, begin_block, process_block, end_block, dynamicparam_block=None, is_filter=False, unnamed=True, text='', help_comments=None, requires=None, compiled=None):
        self.start = start
        self.end = end
        self.param_block = param_block
        self.begin_block = begin_block
        self.process_block = process_block
        self.end_block = end_block
        self.dynamicparam_block = dynamicparam_block
        self.is_filter = is_filter
        self.unnamed = unnamed
        self.text = text
        self.help_comments = [] if help_comments is None else help_comments
        self.requires = [] if requires is None else requires
        self.compiled = compiled


class FunctionDefinition(Statement):
    """``function Name (params) { body }`` / ``filter Name { }``."""

    __slots__ = ('name', 'body', 'is_filter', 'help_comment')

    def __init__(self, start, end, name, body, is_filter=False, help_comment=None):
        self.start = start
        self.end = end
        self.name = name
        self.body = body
        self.is_filter = is_filter
        self.help_comment = help_comment


class CatchClause(Node):
    """``catch [T1], [T2] { }``."""

    __slots__ = ('types', 'body')

    def __init__(self, start, end, types, body):
        self.start = start
        self.end = end
        self.types = types
        self.body = body


class Try(Statement):
    """``try { } catch { } finally { }``."""

    __slots__ = ('body', 'catches', 'finally_body')

    def __init__(self, start, end, body, catches, finally_body):
        self.start = start
        self.end = end
        self.body = body
        self.catches = catches
        self.finally_body = finally_body


class Trap(Statement):
    """``trap [T] { }``."""

    __slots__ = ('type', 'body')

    def __init__(self, start, end, type, body):
        self.start = start
        self.end = end
        self.type = type
        self.body = body


class Throw(Statement):
    """``throw [value]``."""

    __slots__ = ('value',)

    def __init__(self, start, end, value):
        self.start = start
        self.end = end
        self.value = value


class Return(Statement):
    """``return [value]``."""

    __slots__ = ('value',)

    def __init__(self, start, end, value):
        self.start = start
        self.end = end
        self.value = value


class Exit(Statement):
    """``exit [code]``."""

    __slots__ = ('value',)

    def __init__(self, start, end, value):
        self.start = start
        self.end = end
        self.value = value


class Break(Statement):
    """``break [label]``."""

    __slots__ = ('label',)

    def __init__(self, start, end, label):
        self.start = start
        self.end = end
        self.label = label


class Continue(Statement):
    """``continue [label]``."""

    __slots__ = ('label',)

    def __init__(self, start, end, label):
        self.start = start
        self.end = end
        self.label = label


class BlockStatement(Statement):
    """A statement block used as a statement (rare; e.g. ``data`` or a bare block in ``parallel``)."""

    __slots__ = ('body',)

    def __init__(self, start, end, body):
        self.start = start
        self.end = end
        self.body = body


class Using(Statement):
    """``using namespace X`` / ``using module X``."""

    __slots__ = ("kind", "name")

    def __init__(self, start, end, kind, name):
        self.start = start
        self.end = end
        self.kind = kind
        self.name = name


class Script(Node):
    """A parsed script: its top-level script block and the source it came from."""

    __slots__ = ('block', 'source')

    def __init__(self, start, end, block, source):
        self.start = start
        self.end = end
        self.block = block
        self.source = source


