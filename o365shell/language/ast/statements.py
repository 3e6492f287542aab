"""AST nodes of commands, pipelines, assignments, control flow, functions, script blocks."""
from __future__ import annotations

from .base import Node
from .expressions import StringConstant


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

    __slots__ = ('target', 'op', 'value', 'attributes')

    def __init__(self, start, end, target, op, value, attributes=None):
        self.start = start
        self.end = end
        self.target = target
        self.op = op
        self.value = value
        #: ``[ValidateRange(1,5)][int]$x = 3``: attributes (not the type constraint) on the variable
        self.attributes = [] if attributes is None else attributes


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
