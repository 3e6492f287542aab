"""Script blocks as values: ``{ ... }`` at run time, with the ways PowerShell invokes them
(as a command, dot-sourced, as a per-item filter for Where-Object / ForEach-Object, as a
method with ``$this``) and their .NET members (Invoke, GetNewClosure, Ast, File...)."""
from __future__ import annotations

from typing import Any, Callable

from .errors import ReturnSignal
from .objects import MISSING
from .pscollections import AutomationNull


def collect_value(items: list) -> Any:
    """Pipeline output captured as a value: nothing -> $null, one -> itself, more -> an array."""
    n = len(items)
    if n == 0:
        return None
    if n == 1:
        return items[0]
    return items


class ScriptBlock:
    """System.Management.Automation.ScriptBlock."""

    __ps_typename__ = "System.Management.Automation.ScriptBlock"
    __ps_properties__ = ("Attributes", "File", "IsFilter", "IsConfiguration", "Module", "StartPosition",
                         "DebuggerHidden", "Id", "Ast")
    __slots__ = ("ast", "source", "ctx", "closure")

    def __init__(self, ast: Any, ctx: Any, source: Any, closure: dict[str, Any] | None = None) -> None:
        self.ast = ast
        self.source = source
        self.ctx = ctx
        self.closure = closure

    # ------------------------------------------------------------------ compilation
    def compiled(self) -> Any:
        c = self.ast.compiled
        if c is None:
            from .compiler import compile_scriptblock
            c = compile_scriptblock(self.ast, self.source)
        return c

    @staticmethod
    def create(text: str, ctx: Any = None) -> "ScriptBlock":
        from ..language.parser import parse
        from .runtime import current_session
        script = parse(str(text))
        return ScriptBlock(script.block, ctx or current_session(), script.source)

    # ------------------------------------------------------------------ invocation
    def run(self, args: list | None = None, *, input_items: list | None = None, dot_source: bool = False,
            dollar_under: Any = MISSING, this: Any = MISSING, out: Callable[[Any], None] | None = None) -> list:
        """Run as a command (new scope unless dot-sourced); returns the output when ``out`` is None."""
        from .binding import Arg
        from .scriptproc import ScriptProcessor
        collected: list = []
        proc = ScriptProcessor(self.ctx, self, [Arg(None, a) for a in (args or [])], self.name_for_errors(),
                               None, dot_source=dot_source, this=this, dollar_under=dollar_under)
        proc.downstream = out if out is not None else collected.append
        proc.begin()
        if input_items is not None:
            for x in input_items:
                proc.process(x)
        else:
            proc.process_no_input()
        proc.end()
        return collected

    def name_for_errors(self) -> str:
        return ""

    def invoke_as_filter(self, item: Any, as_value: bool = True, args: list | None = None) -> Any:
        """Run with ``$_`` = item in a child scope (calculated properties, validation, -replace blocks)."""
        ctx = self.ctx
        c = self.compiled()
        scope = ctx.scope
        from .session import Scope
        new = Scope(scope)
        if self.closure:
            new.vars.update(self.closure)
        new.vars["_"] = item
        new.vars["psitem"] = item
        if args:
            new.vars["args"] = list(args)
        ctx.scope = new
        try:
            if c.simple_expr is not None and not c.has_params:
                v = c.simple_expr(ctx)
                if not as_value:
                    from .objects import is_enumerable, enumerate_values
                    return list(enumerate_values(v)) if is_enumerable(v) else ([] if v is AutomationNull else [v])
                return None if v is AutomationNull else v
            out: list = []
            if c.has_params and args is not None:
                ctx.scope = scope
                return collect_value(self.run(list(args), dollar_under=item)) if as_value else \
                    self.run(list(args), dollar_under=item)
            try:
                if c.begin is not None:
                    c.begin(ctx, out.append)
                body = c.process if c.process is not None else c.end
                if body is not None:
                    body(ctx, out.append)
            except ReturnSignal:
                pass
            return collect_value(out) if as_value else out
        finally:
            ctx.scope = scope

    def invoke_with_dollar_underscore(self, item: Any) -> Any:
        """A calculated property's value for ``item`` (what the formatter calls)."""
        return self.invoke_as_filter(item, True)

    def invoke_predicate(self, item: Any) -> bool:
        from .conversion import to_bool
        return to_bool(self.invoke_as_filter(item, True))

    def invoke_with_this(self, this: Any, args: list, as_value: bool = False) -> Any:
        out = self.run(list(args), this=this)
        return collect_value(out) if as_value else out

    # ------------------------------------------------------------------ .NET members
    def Invoke(self, *args: Any) -> list:
        return list(self.run(list(args)))

    def InvokeReturnAsIs(self, *args: Any) -> Any:
        return collect_value(self.run(list(args)))

    def GetNewClosure(self) -> "ScriptBlock":
        snapshot: dict[str, Any] = {}
        s = self.ctx.scope
        chain = []
        while s is not None and s is not self.ctx.global_scope:
            chain.append(s)
            s = s.parent
        for sc in reversed(chain):
            snapshot.update(sc.vars)
        return ScriptBlock(self.ast, self.ctx, self.source, snapshot)

    def ToString(self) -> str:
        return self.ast.text

    def to_invariant_string(self) -> str:
        return self.ast.text

    @property
    def File(self) -> str | None:
        return self.source.path if self.source is not None else None

    @property
    def IsFilter(self) -> bool:
        return bool(self.ast.is_filter)

    @property
    def IsConfiguration(self) -> bool:
        return False

    @property
    def Module(self) -> None:
        return None

    @property
    def Attributes(self) -> list:
        return []

    @property
    def StartPosition(self) -> Any:
        return None

    @property
    def DebuggerHidden(self) -> bool:
        return False

    @property
    def Id(self) -> str:
        return str(id(self.ast))

    @property
    def Ast(self) -> Any:
        return self.ast

    def __repr__(self) -> str:
        return "{" + self.ast.text + "}"


def make_filter(sb: ScriptBlock) -> Callable[[Any], Any]:
    """A fast per-item evaluator for Where-Object / ForEach-Object: sets ``$_`` in the current
    scope (these script blocks run dot-sourced) and returns the block's output as a value."""
    ctx = sb.ctx
    c = sb.compiled()
    if c.simple_expr is not None and not c.has_params and not sb.closure:
        expr = c.simple_expr
        handler = c.simple_handler

        def fast(item: Any) -> Any:
            vars_ = ctx.scope.vars
            vars_["_"] = item
            try:
                return expr(ctx)
            except Exception as e:  # statement-terminating errors inside the block
                handler(ctx, e)
                return AutomationNull
        return fast

    def general(item: Any) -> Any:
        vars_ = ctx.scope.vars
        vars_["_"] = item
        out: list = []
        try:
            if c.begin is not None:
                c.begin(ctx, out.append)
            body = c.process if c.process is not None else c.end
            if body is not None:
                body(ctx, out.append)
        except ReturnSignal:
            pass
        if not out:
            return AutomationNull
        return out[0] if len(out) == 1 else _Multi(out)
    return general


class _Multi(list):
    """Several outputs of one filter invocation (unrolled by ForEach-Object)."""

    __slots__ = ()
