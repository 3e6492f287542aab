"""AST nodes of type definitions: ``enum`` and ``class`` statements and their members."""
from __future__ import annotations

from .base import Node
from .statements import Statement


class EnumMember(Node):
    """``Name`` or ``Name = <expression>`` inside an ``enum`` body."""

    __slots__ = ('name', 'value')

    def __init__(self, start, end, name, value=None):
        self.start = start
        self.end = end
        self.name = name
        self.value = value


class PropertyMember(Node):
    """``[attrs] [hidden] [static] [type] $Name [= value]`` inside a ``class`` body."""

    __slots__ = ('name', 'type', 'attributes', 'is_static', 'is_hidden', 'default')

    def __init__(self, start, end, name, type=None, attributes=None, is_static=False, is_hidden=False,
                 default=None):
        self.start = start
        self.end = end
        self.name = name
        self.type = type
        self.attributes = [] if attributes is None else attributes
        self.is_static = is_static
        self.is_hidden = is_hidden
        self.default = default


class FunctionMember(Node):
    """A method or constructor: ``[hidden] [static] [type] Name(params) [: base(args)] { body }``.

    ``return_type`` is None for a method written without one (void) and for constructors;
    ``base_args`` is the argument list of a ``: base(...)`` call (constructors only)."""

    __slots__ = ('name', 'name_start', 'name_end', 'params', 'body', 'return_type', 'attributes', 'is_static', 'is_hidden',
                 'is_constructor', 'base_args', 'compiled')

    def __init__(self, start, end, name, name_end, params, body, return_type=None, attributes=None,
                 is_static=False, is_hidden=False, is_constructor=False, base_args=None):
        self.start = start
        self.end = end
        self.name = name
        self.name_start = None
        self.name_end = name_end
        self.params = params
        self.body = body
        self.return_type = return_type
        self.attributes = [] if attributes is None else attributes
        self.is_static = is_static
        self.is_hidden = is_hidden
        self.is_constructor = is_constructor
        self.base_args = base_args
        self.compiled = None


class TypeDefinition(Statement):
    """Base of ``enum`` and ``class`` statements: defined before the script's first statement runs."""

    __slots__ = ('name', 'attributes', 'members', 'compiled')

    def __init__(self, start, end, name, attributes, members):
        self.start = start
        self.end = end
        self.name = name
        self.attributes = attributes
        self.members = members
        self.compiled = None


class EnumDefinition(TypeDefinition):
    """``[Flags()] enum Name [: type] { A; B = 5 }``."""

    __slots__ = ('underlying',)

    def __init__(self, start, end, name, attributes, members, underlying=None):
        super().__init__(start, end, name, attributes, members)
        self.underlying = underlying


class ClassDefinition(TypeDefinition):
    """``class Name [: Base] { members }``."""

    __slots__ = ('bases',)

    def __init__(self, start, end, name, attributes, members, bases=None):
        super().__init__(start, end, name, attributes, members)
        self.bases = [] if bases is None else bases
