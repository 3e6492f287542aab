"""AST nodes of expressions: constants, strings, variables, types, operators, members, indexes."""
from __future__ import annotations

from .base import Expr, Node


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
