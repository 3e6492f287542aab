"""Typed AST for the PowerShell language subset o365shell runs.

Every node records its source extent as character offsets (``start``, ``end``) into
the text it was parsed from; ``Source`` turns an offset into a line and column.
Nodes are plain slotted classes (cheap to import and to build): the grammar builds them,
the compiler reads them, and only the compiler's cache field is written afterwards.

``base`` holds Source, Node and Expr; ``expressions`` the expression nodes; ``statements``
commands, pipelines, statements and script blocks; ``typedefs`` enum and class definitions. Everyone uses the package namespace
(``from o365shell.language import ast as A``; ``A.Pipeline``).
"""
from __future__ import annotations

from .base import Source, Node, Expr
from .expressions import (Constant, StringConstant, ExpandableString, Variable, TypeName, TypeLiteral,
                          Convert, ArrayLiteral, ArrayExpression, SubExpression, Paren, Hashtable,
                          ScriptBlockExpr, Unary, PostfixIncrement, Binary, Ternary, Member, InvokeMember,
                          Index)
from .statements import (CommandParameter, Redirection, Command, CommandExpression, Statement, Pipeline,
                         Assignment, StatementBlock, If, LoopStatement, While, DoLoop, For, ForEach, Switch,
                         Attribute, Parameter, ParamBlock, ScriptBlock, FunctionDefinition, CatchClause, Try,
                         Trap, Throw, Return, Exit, Break, Continue, BlockStatement, Using, Script)
from .typedefs import (EnumMember, PropertyMember, FunctionMember, TypeDefinition, EnumDefinition,
                       ClassDefinition)

__all__ = ["Source", "Node", "Expr", "Constant", "StringConstant", "ExpandableString", "Variable", "TypeName", "TypeLiteral", "Convert", "ArrayLiteral", "ArrayExpression", "SubExpression", "Paren", "Hashtable", "ScriptBlockExpr", "Unary", "PostfixIncrement", "Binary", "Ternary", "Member", "InvokeMember", "Index", "CommandParameter", "Redirection", "Command", "CommandExpression", "Statement", "Pipeline", "Assignment", "StatementBlock", "If", "LoopStatement", "While", "DoLoop", "For", "ForEach", "Switch", "Attribute", "Parameter", "ParamBlock", "ScriptBlock", "FunctionDefinition", "CatchClause", "Try", "Trap", "Throw", "Return", "Exit", "Break", "Continue", "BlockStatement", "Using", "Script", "EnumMember", "PropertyMember", "FunctionMember", "TypeDefinition", "EnumDefinition", "ClassDefinition"]
