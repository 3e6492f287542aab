"""Statements -> closures ``fn(ctx, out)``: blocks with per-statement error handling,
if/loops/switch, try/catch/finally, trap, throw/return/exit/break/continue, functions."""
from __future__ import annotations

from typing import Any, Callable

from ..language import ast as A
from .conversion import to_bool, to_integer, to_string
from .errors import (ActionPreferenceStopException, BreakSignal, ContinueSignal, ErrorRecord, ExitSignal,
                     MethodInvocationException, Position, ReturnSignal, RuntimeException, attach_position,
                     record_of, runtime_error)
from .netlib.exceptions import DotNetException
from .objects import MISSING, enumerate_values, is_enumerable
from .pscollections import AutomationNull, LoopEnumerator
from .scriptblock import ScriptBlock

St = Callable[[Any, Callable[[Any], None]], None]


def handle_statement_error(ctx: Any, e: BaseException, pos: Position | None,
                           traps: list | None = None, out: Callable[[Any], None] | None = None) -> None:
    """A terminating error escaped a statement: rethrow it, or report it and carry on (pwsh's rules)."""
    if not isinstance(e, DotNetException):
        raise e
    if pos is not None:
        attach_position(e, pos)
    if traps:
        if run_traps(ctx, e, traps, out):
            return
    if getattr(e, "script_terminating", False) or ctx.try_depth > 0:
        raise e
    if ctx.preference("erroractionpreference") == 1:
        try:
            e.script_terminating = True  # type: ignore[attr-defined]
        except AttributeError:
            pass
        raise e
    ctx.report_terminating(e)


def run_traps(ctx: Any, e: BaseException, traps: list, out: Callable[[Any], None] | None = None) -> bool:
    """Run the first matching trap; True when execution should continue after the statement."""
    for types, body in traps:
        if types and not any(exception_matches(e, t.get()) for t in types):
            continue
        rec = record_of(e)
        vars_ = ctx.scope.vars
        saved = vars_.get("_", MISSING)
        vars_["_"] = rec
        try:
            body(ctx, out if out is not None else (lambda x: None))
        except ContinueSignal:
            return True
        except BreakSignal:
            try:
                e.script_terminating = True  # type: ignore[attr-defined]
            except AttributeError:
                pass
            raise e
        finally:
            if saved is MISSING:
                vars_.pop("_", None)
            else:
                vars_["_"] = saved
        ctx.report_terminating(e)
        return True
    return False


def exception_matches(e: BaseException, t: Any) -> bool:
    """Does ``catch [T]`` handle this error? (also looks inside MethodInvocation/ActionPreferenceStop)."""
    cands = [e]
    if isinstance(e, ActionPreferenceStopException):
        rec = record_of(e)
        if rec.exception is not e:
            cands.append(rec.exception)
    inner = getattr(e, "InnerException", None)
    depth = 0
    while inner is not None and depth < 5:
        cands.append(inner)
        inner = getattr(inner, "InnerException", None)
        depth += 1
    for c in cands:
        if t.is_instance(c):
            return True
        chain = [k.__ps_typename__ for k in type(c).__mro__ if hasattr(k, "__ps_typename__")]
        if t.FullName in chain:
            return True
    return False


class StmtCompiler:
    """Compiles statement nodes."""

    source: Any

    def pos(self, node: A.Node) -> Position:
        return Position(self.source, node.start, node.end)

    def stmt(self, node: A.Statement) -> St:
        m = getattr(self, "s_" + type(node).__name__, None)
        if m is None:
            raise runtime_error(f"Unsupported statement: {type(node).__name__}", "NotSupported")
        return m(node)

    def block(self, node: A.StatementBlock) -> St:
        defs = [s for s in node.statements if isinstance(s, A.TypeDefinition)]
        if defs:
            return self.block_with_types(node, defs)
        items = [(self.stmt(s), self.pos(s)) for s in node.statements if not isinstance(s, A.Trap)]
        traps = [self.trap_handler(t) for t in node.traps] or None
        if not items:
            return lambda ctx, out: None
        if len(items) == 1 and traps is None:
            fn, pos = items[0]

            def one(ctx: Any, out: Callable[[Any], None]) -> None:
                try:
                    fn(ctx, out)
                except DotNetException as e:
                    handle_statement_error(ctx, e, pos)
            return one

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            for fn, pos in items:
                try:
                    fn(ctx, out)
                except DotNetException as e:
                    handle_statement_error(ctx, e, pos, traps, out)
        return run

    def block_with_types(self, node: A.StatementBlock, defs: list) -> St:
        """A block defining enums or classes: they are all defined before its first statement runs."""
        from .typedefs import define_types
        rest = A.StatementBlock(node.start, node.end, [s for s in node.statements
                                                       if not isinstance(s, A.TypeDefinition)], node.traps)
        body = self.block(rest)
        source, pos = self.source, self.pos(defs[0])

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            try:
                define_types(ctx, defs, source)
            except DotNetException as e:
                handle_statement_error(ctx, e, pos)
                return
            body(ctx, out)
        return run

    def s_EnumDefinition(self, node: A.TypeDefinition) -> St:
        from .typedefs import define_types
        source = self.source
        return lambda ctx, out: define_types(ctx, [node], source)

    s_ClassDefinition = s_EnumDefinition

    def trap_handler(self, node: A.Trap) -> tuple[list, St]:
        from .compile_expr import LazyType
        types = [LazyType(node.type)] if node.type is not None else []
        return types, self.block(node.body)

    def s_Trap(self, node: A.Trap) -> St:
        return lambda ctx, out: None

    def s_BlockStatement(self, node: A.BlockStatement) -> St:
        return self.block(node.body)

    # ------------------------------------------------------------------ conditionals
    def condition(self, st: A.Statement) -> Callable[[Any], bool]:
        v = self.statement_value(st)
        return lambda ctx: to_bool(v(ctx))

    def s_If(self, node: A.If) -> St:
        clauses = [(self.condition(c), self.block(b)) for c, b in node.clauses]
        else_body = self.block(node.else_body) if node.else_body is not None else None

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            for cond, body in clauses:
                if cond(ctx):
                    body(ctx, out)
                    return
            if else_body is not None:
                else_body(ctx, out)
        return run

    # ------------------------------------------------------------------ loops
    @staticmethod
    def _label(node: A.LoopStatement) -> str | None:
        return node.label.lower() if node.label else None

    def _mentions(self, node: Any, variable: str) -> bool:
        """Whether a body's source text reads the automatic variable (``$foreach``, ``${switch}``)."""
        text = self.source.text[node.start:node.end].lower() if self.source is not None and node is not None else ""
        return f"${variable}" in text or f"${{{variable}}}" in text

    def s_While(self, node: A.While) -> St:
        cond = self.condition(node.condition)
        body = self.block(node.body)
        label = self._label(node)

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            while cond(ctx):
                try:
                    body(ctx, out)
                except BreakSignal as b:
                    if b.label is None or b.label == label:
                        break
                    raise
                except ContinueSignal as c:
                    if c.label is None or c.label == label:
                        continue
                    raise
        return run

    def s_DoLoop(self, node: A.DoLoop) -> St:
        cond = self.condition(node.condition)
        body = self.block(node.body)
        label = self._label(node)
        until = node.until

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            while True:
                try:
                    body(ctx, out)
                except BreakSignal as b:
                    if b.label is None or b.label == label:
                        break
                    raise
                except ContinueSignal as c:
                    if not (c.label is None or c.label == label):
                        raise
                if cond(ctx) == until:
                    break
        return run

    def s_For(self, node: A.For) -> St:
        init = self.stmt(node.init) if node.init is not None else None
        cond = self.condition(node.condition) if node.condition is not None else (lambda ctx: True)
        it = self.stmt(node.iterator) if node.iterator is not None else None
        body = self.block(node.body)
        label = self._label(node)

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            if init is not None:
                init(ctx, out)
            while cond(ctx):
                try:
                    body(ctx, out)
                except BreakSignal as b:
                    if b.label is None or b.label == label:
                        break
                    raise
                except ContinueSignal as c:
                    if not (c.label is None or c.label == label):
                        raise
                if it is not None:
                    it(ctx, out)
        return run

    def s_ForEach(self, node: A.ForEach) -> St:
        iterable = self.statement_value(node.iterable)
        body = self.block(node.body)
        label = self._label(node)
        var = node.variable
        lname = var.name.lower()
        scope = var.scope
        exposes = self._mentions(node.body, "foreach")  # $foreach only costs when the body reads it

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            v = iterable(ctx)
            if v is None or v is AutomationNull:
                return
            items = v if type(v) is list else (enumerate_values(v) if is_enumerable(v) else (v,))
            if exposes:
                items = LoopEnumerator(items)
                saved = ctx.scope.vars.get("foreach", MISSING)
                ctx.scope.vars["foreach"] = items
                try:
                    loop(ctx, out, items)
                finally:
                    _restore(ctx.scope.vars, "foreach", saved)
            else:
                loop(ctx, out, items)

        def loop(ctx: Any, out: Callable[[Any], None], items: Any) -> None:
            for item in items:
                if scope is None:
                    sc = ctx.scope
                    if sc.typed is not None and lname in sc.typed:
                        item = sc.typed[lname].convert(item)
                    sc.vars[lname] = item
                else:
                    ctx.assign(var.name, item, scope)
                try:
                    body(ctx, out)
                except BreakSignal as b:
                    if b.label is None or b.label == label:
                        break
                    raise
                except ContinueSignal as c:
                    if c.label is None or c.label == label:
                        continue
                    raise
        return run

    def s_Switch(self, node: A.Switch) -> St:
        flags = set(node.flags)
        regex = "regex" in flags
        wildcard = "wildcard" in flags
        cs = "casesensitive" in flags
        label = self._label(node)
        subject = self.statement_value(node.subject) if node.subject is not None else None
        file_expr = self.expr(node.file) if node.file is not None else None
        clauses = []
        for pat, body in node.clauses:
            if isinstance(pat, A.ScriptBlockExpr):
                clauses.append(("sb", ScriptBlockHolder(pat.block, self.source), self.block(body)))
            else:
                clauses.append(("val", self.expr(pat), self.block(body)))
        default = self.block(node.default) if node.default is not None else None
        exposes = any(self._mentions(body, "switch") for _p, body in node.clauses) or (
            node.default is not None and self._mentions(node.default, "switch"))
        from .comparison import equals as _eq

        def matches(ctx: Any, kind: str, p: Any, v: Any) -> bool:
            if kind == "sb":
                return to_bool(p.make(ctx).invoke_as_filter(v, True))
            pv = p(ctx)
            if regex:
                from .netlib.regex import compile as rx
                m = rx(to_string(pv), ignore_case=not cs).search(to_string(v))
                if m is not None:
                    ctx.set_matches(m)
                return m is not None
            if wildcard:
                from .netlib.wildcard import compile_wildcard
                return compile_wildcard(to_string(pv), case_sensitive=cs)(to_string(v))
            if isinstance(v, str) or isinstance(pv, str):
                a, b = to_string(v), to_string(pv)
                return a == b if cs else a.lower() == b.lower()
            return _eq(v, pv, not cs)

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            if file_expr is not None:
                path = to_string(file_expr(ctx))
                full = ctx.filesystem_path(path)
                with open(full, encoding="utf-8-sig") as f:
                    values: Any = f.read().splitlines()
            else:
                v = subject(ctx)  # type: ignore[misc]
                values = list(enumerate_values(v)) if is_enumerable(v) else [v]
            vars_ = ctx.scope.vars
            saved = vars_.get("_", MISSING)
            saved_switch = MISSING
            if exposes:
                values = LoopEnumerator(values)
                saved_switch = vars_.get("switch", MISSING)
                vars_["switch"] = values
            try:
                for v in values:
                    vars_ = ctx.scope.vars
                    vars_["_"] = v
                    matched = False
                    try:
                        for kind, p, body in clauses:
                            if matches(ctx, kind, p, v):
                                matched = True
                                ctx.scope.vars["_"] = v
                                body(ctx, out)
                        if not matched and default is not None:
                            default(ctx, out)
                    except ContinueSignal as c:
                        if c.label is None or c.label == label:
                            continue
                        raise
            except BreakSignal as b:
                if not (b.label is None or b.label == label):
                    raise
            finally:
                _restore(ctx.scope.vars, "_", saved)
                if exposes:
                    _restore(ctx.scope.vars, "switch", saved_switch)
        return run

    # ------------------------------------------------------------------ errors
    def s_Try(self, node: A.Try) -> St:
        from .compile_expr import LazyType
        body = self.block(node.body)
        catches = [([LazyType(t) for t in c.types], self.block(c.body)) for c in node.catches]
        fin = self.block(node.finally_body) if node.finally_body is not None else None

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            try:
                ctx.try_depth += 1
                try:
                    body(ctx, out)
                finally:
                    ctx.try_depth -= 1
            except DotNetException as e:
                handled = False
                for types, cbody in catches:
                    if types and not any(exception_matches(e, t.get()) for t in types):
                        continue
                    rec = record_of(e)
                    vars_ = ctx.scope.vars
                    saved = vars_.get("_", MISSING)
                    vars_["_"] = rec
                    ctx.catch_stack.append(e)
                    try:
                        cbody(ctx, out)
                    finally:
                        ctx.catch_stack.pop()
                        if saved is MISSING:
                            ctx.scope.vars.pop("_", None)
                        else:
                            ctx.scope.vars["_"] = saved
                    handled = True
                    break
                if not handled:
                    if fin is not None:
                        fin(ctx, out)
                    raise
                if fin is not None:
                    fin(ctx, out)
                return
            except BaseException:
                if fin is not None:
                    fin(ctx, out)
                raise
            if fin is not None:
                fin(ctx, out)
        return run

    def s_Throw(self, node: A.Throw) -> St:
        value = self.statement_value(node.value) if node.value is not None else None
        pos = self.pos(node)

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            if value is None:
                if ctx.catch_stack:
                    raise ctx.catch_stack[-1]
                e = runtime_error("ScriptHalted", "ScriptHalted", "OperationStopped")
            else:
                v = value(ctx)
                e = throw_value(v)
            e.script_terminating = True  # type: ignore[attr-defined]
            if getattr(e, "position", None) is None:
                try:
                    e.position = pos  # type: ignore[attr-defined]
                except AttributeError:
                    pass
            raise e
        return run

    def s_Return(self, node: A.Return) -> St:
        if node.value is None:
            def ret(ctx: Any, out: Callable[[Any], None]) -> None:
                raise ReturnSignal()
            return ret
        value = self.stmt(node.value)

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            value(ctx, out)
            raise ReturnSignal()
        return run

    def s_Exit(self, node: A.Exit) -> St:
        value = self.statement_value(node.value) if node.value is not None else None

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            code = 0
            if value is not None:
                v = value(ctx)
                try:
                    code = to_integer(v) if v is not None else 0
                except DotNetException:
                    code = 0
            raise ExitSignal(code)
        return run

    def s_Break(self, node: A.Break) -> St:
        label = self.expr(node.label) if node.label is not None else None

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            raise BreakSignal(to_string(label(ctx)).lower() if label is not None else None)
        return run

    def s_Continue(self, node: A.Continue) -> St:
        label = self.expr(node.label) if node.label is not None else None

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            raise ContinueSignal(to_string(label(ctx)).lower() if label is not None else None)
        return run

    def s_Using(self, node: A.Using) -> St:
        kind, name = node.kind, node.name

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            if kind == "namespace":
                from .types import add_namespace
                add_namespace(name)
        return run

    # ------------------------------------------------------------------ functions
    def s_FunctionDefinition(self, node: A.FunctionDefinition) -> St:
        from .commandinfo import FunctionInfo
        source = self.source
        name = node.name
        scope = None
        if ":" in name:
            scope, _, name = name.partition(":")
        body = node.body

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            sb = ScriptBlock(body, ctx, source)
            info = FunctionInfo(name, sb, node.is_filter)
            info.help_comment = (source, node)
            ctx.define_function(name, info, scope)
        return run


class ScriptBlockHolder:
    """A script block literal used as a switch condition (a ScriptBlock per session, made once)."""

    __slots__ = ("ast", "source", "sb")

    def __init__(self, ast: Any, source: Any) -> None:
        self.ast = ast
        self.source = source
        self.sb: Any = None

    def make(self, ctx: Any) -> ScriptBlock:
        sb = self.sb
        if sb is None or sb.ctx is not ctx:
            sb = self.sb = ScriptBlock(self.ast, ctx, self.source)
        return sb


def throw_value(v: Any) -> BaseException:
    """The exception a ``throw <value>`` raises."""
    if isinstance(v, ErrorRecord):
        e = v.exception
        if isinstance(e, BaseException):
            try:
                e._record = v  # type: ignore[attr-defined]
            except AttributeError:
                pass
            return e
    if isinstance(v, DotNetException):
        return v
    if isinstance(v, list) and len(v) == 1:
        v = v[0]
    msg = to_string(v) if v is not None else "ScriptHalted"
    e = RuntimeException(msg, error_id=msg, category="OperationStopped", target=v)
    return e


def _restore(vars_: dict, name: str, saved: Any) -> None:
    """Put back a variable a statement set for its own duration ($_, $foreach, $switch)."""
    if saved is MISSING:
        vars_.pop(name, None)
    else:
        vars_[name] = saved
