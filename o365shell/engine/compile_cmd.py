"""Pipelines, command invocations and assignments -> closures. Part of the compiler."""
from __future__ import annotations

from typing import Any, Callable

from ..language import ast as A
from . import operators as O
from .binding import Arg
from .conversion import to_bool, to_string
from .errors import ErrorCategory, Position, RuntimeException, attach_position, runtime_error
from .methods import index_get, index_set
from .netlib.exceptions import DotNetException
from .objects import MISSING, enumerate_values, get_member, is_enumerable, set_member, unroll_into
from .pipeline import Redirector, run_pipeline
from .pscollections import AutomationNull, Hashtable
from .scriptblock import ScriptBlock, collect_value

_ASSIGN_OPS = {"+=": O.op_add, "-=": O.op_sub, "*=": O.op_mul, "/=": O.op_div, "%=": O.op_mod}


def _materialize(v: Any) -> Any:
    t = type(v)
    if t is range:
        return list(v)
    if t is not list and t.__name__ == "generator":
        return list(v)
    return v


class CommandCall:
    """A compiled command element: how to find the command and build its arguments."""

    __slots__ = ("static_name", "name_fn", "invocation", "specs", "redirs", "position", "source")

    def __init__(self, static_name: str | None, name_fn: Any, invocation: str | None, specs: list,
                 redirs: list, position: Position, source: Any) -> None:
        self.static_name = static_name
        self.name_fn = name_fn
        self.invocation = invocation
        self.specs = specs
        self.redirs = redirs
        self.position = position
        self.source = source

    def args(self, ctx: Any) -> list[Arg]:
        out: list[Arg] = []
        for kind, name, fn, has_value, text in self.specs:
            if kind == "pos":
                v = fn(ctx)
                out.append(Arg(None, list(v) if type(v) is range else v, raw=text or None))
            elif kind == "named":
                out.append(Arg(name, _materialize(fn(ctx)) if fn is not None else None, has_value, text))
            else:
                v = fn(ctx)
                if isinstance(v, Hashtable):
                    for k, val in v.items():
                        out.append(Arg(to_string(k), val, True, "-" + to_string(k), True))
                elif is_enumerable(v):
                    for x in enumerate_values(v):
                        out.append(Arg(None, x))
                elif v is not None:
                    out.append(Arg(None, v))
        return out

    def processor(self, ctx: Any) -> Any:
        info = None
        invocation_name = self.static_name
        dot = self.invocation == "."
        try:
            if self.static_name is not None:
                info = ctx.resolve_command(self.static_name)
                if info is None:
                    raise ctx.command_not_found(self.static_name)
            else:
                target = self.name_fn(ctx)
                if isinstance(target, ScriptBlock):
                    from .commandinfo import FunctionInfo
                    info = FunctionInfo("", target)
                    invocation_name = ""
                elif hasattr(target, "processor") and hasattr(target, "CommandType"):
                    info = target
                    invocation_name = target.Name
                else:
                    name = to_string(target)
                    invocation_name = name
                    info = ctx.resolve_command(name)
                    if info is None:
                        raise ctx.command_not_found(name)
            proc = info.processor(ctx, self.args(ctx), invocation_name, self.position, dot)
        except DotNetException as e:
            attach_position(e, self.position, invocation_name if invocation_name else None)
            raise
        if self.redirs:
            proc = Redirector(ctx, proc, [(s, a, (to_string(t(ctx)) if t is not None else None), m)
                                          for s, a, t, m in self.redirs])
        return proc


class CmdCompiler:
    """Compiles pipelines, commands and assignments."""

    source: Any

    @staticmethod
    def pure_expression(st: A.Statement | None) -> A.Expr | None:
        """The expression of a pipeline that is one expression without redirections, else None."""
        if isinstance(st, A.Pipeline) and len(st.elements) == 1:
            el = st.elements[0]
            if isinstance(el, A.CommandExpression) and not el.redirections:
                return el.expr
        return None

    def statement_value(self, st: A.Statement) -> Callable[[Any], Any]:
        """A statement used as a value (an assignment's right side, a condition, a hashtable value)."""
        pure = self.pure_expression(st)
        if pure is not None:
            e = self.expr(pure)  # type: ignore[attr-defined]

            def val(ctx: Any) -> Any:
                v = e(ctx)
                if type(v) is range:
                    return list(v)
                return None if v is AutomationNull else v
            return val
        run = self.stmt(st)  # type: ignore[attr-defined]

        def collected(ctx: Any) -> Any:
            out: list = []
            run(ctx, out.append)
            return collect_value(out)
        return collected

    # ------------------------------------------------------------------ pipelines
    def s_Pipeline(self, node: A.Pipeline) -> Callable[[Any, Callable[[Any], None]], None]:
        els = node.elements
        first = els[0]
        if len(els) == 1 and isinstance(first, A.CommandExpression) and not first.redirections:
            expr = first.expr
            e = self.expr(expr)  # type: ignore[attr-defined]
            if isinstance(expr, A.PostfixIncrement) or (isinstance(expr, A.Unary) and expr.op in ("++", "--")):
                def silent(ctx: Any, out: Callable[[Any], None]) -> None:
                    e(ctx)
                    ctx.last_status = True
                return silent

            def expr_stmt(ctx: Any, out: Callable[[Any], None]) -> None:
                v = e(ctx)
                if type(v) is list:
                    for x in v:
                        out(x)
                else:
                    unroll_into(v, out)
                ctx.last_status = True
            return expr_stmt
        source_fn = None
        source_redirs: list = []
        calls: list[CommandCall] = []
        if isinstance(first, A.CommandExpression):
            source_fn = self.expr(first.expr)  # type: ignore[attr-defined]
            source_redirs = [self.redirection(r) for r in first.redirections]
            rest = els[1:]
        else:
            rest = els
        for el in rest:
            if isinstance(el, A.CommandExpression):
                err = runtime_error("Expressions are only allowed as the first element of a pipeline.",
                                    "ExpressionsMustBeFirstInPipeline", ErrorCategory.ParserError)
                raise err
            calls.append(self.command_call(el))
        pos = self.pos(node)  # type: ignore[attr-defined]

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            if source_redirs:
                out = self._redirect_expression(ctx, out, source_redirs)
            if not calls:
                v = source_fn(ctx)  # type: ignore[misc]
                unroll_into(v, out)
                ctx.last_status = True
                if source_redirs:
                    out.flush()  # type: ignore[attr-defined]
                return
            procs = [c.processor(ctx) for c in calls]
            src: Any = MISSING
            if source_fn is not None:
                v = source_fn(ctx)
                if v is AutomationNull:
                    src = ()
                elif type(v) is list:
                    src = v
                elif is_enumerable(v):
                    src = enumerate_values(v)
                else:
                    src = (v,)
            try:
                run_pipeline(ctx, procs, src, out)
            except DotNetException as e:
                attach_position(e, pos)
                raise
            ctx.last_status = not any(p.failed for p in procs)
            if source_redirs:
                out.flush()  # type: ignore[attr-defined]
        return run

    def _redirect_expression(self, ctx: Any, out: Callable[[Any], None], redirs: list) -> Any:
        """An expression with redirections ('x' > file, 'y' > $null): output goes to the file or nowhere."""
        buf: list = []
        target_path = None
        append = False
        discard = False
        for stream, app, target, merge in redirs:
            if stream in ("1", "*") and merge is None:
                if target is None:
                    discard = True
                else:
                    target_path = to_string(target(ctx))
                    append = app

        class Sink:
            def __call__(self, v: Any) -> None:
                if discard:
                    return
                if target_path is not None:
                    buf.append(v)
                else:
                    out(v)

            def flush(self) -> None:
                if target_path is not None:
                    text = ctx.formatter(buf) if ctx.formatter else "".join(to_string(x) + "\n" for x in buf)
                    try:  # pwsh redirects through Out-File, whose name its errors carry
                        full = ctx.filesystem_path(target_path)
                    except RuntimeException as e:
                        if e.command_name is None:
                            e.command_name = "Out-File"
                        raise
                    with open(full, "a" if append else "w", encoding="utf-8") as f:
                        f.write(text)
        return Sink()

    def redirection(self, r: A.Redirection) -> tuple:
        target = None
        if r.target is not None:
            if isinstance(r.target, A.Variable) and r.target.name.lower() == "null" and r.target.scope is None:
                target = None
            else:
                target = self.expr(r.target)  # type: ignore[attr-defined]
        return (r.stream, r.append, target, r.merge_to)

    def command_call(self, node: A.Command) -> CommandCall:
        static = node.static_name if node.invocation is None else None
        name_fn = None
        if static is None:
            if isinstance(node.name, A.StringConstant) and node.name.kind == "bare" and node.invocation == "&":
                static = node.name.value
            else:
                name_fn = self.expr(node.name)  # type: ignore[attr-defined]
        specs: list = []
        elems = node.elements
        for el in elems:
            if isinstance(el, A.CommandParameter):
                fn = self.expr(el.argument) if el.argument is not None else None  # type: ignore[attr-defined]
                specs.append(("named", el.name, fn, el.argument is not None, el.text))
            elif isinstance(el, A.Variable) and el.splat:
                var = A.Variable(el.start, el.end, el.name, el.scope)
                specs.append(("splat", None, self.expr(var), True, ""))  # type: ignore[attr-defined]
            else:
                raw = el.text if isinstance(el, A.Constant) and el.text else ""
                specs.append(("pos", None, self.expr(el), True, raw))  # type: ignore[attr-defined]
        redirs = [self.redirection(r) for r in node.redirections]
        return CommandCall(static, name_fn, node.invocation, specs, redirs, self.pos(node), self.source)  # type: ignore

    def chain(self, node: A.Binary, op: str) -> Callable[[Any], Any]:
        """``a && b`` / ``a || b`` between pipelines."""
        def as_stmt(n: Any) -> Callable[[Any, Callable[[Any], None]], None]:
            if isinstance(n, A.Binary) and n.op in ("&&", "||"):
                inner = self.chain(n, n.op)
                return lambda ctx, out: unroll_into(inner(ctx), out)
            return self.stmt(n)  # type: ignore[attr-defined]
        left = as_stmt(node.left)
        right = as_stmt(node.right)

        def run(ctx: Any) -> Any:
            out: list = []
            left(ctx, out.append)
            if ctx.last_status == (op == "&&"):
                right(ctx, out.append)
            return out
        return run

    # ------------------------------------------------------------------ assignment
    def s_Assignment(self, node: A.Assignment) -> Callable[[Any, Callable[[Any], None]], None]:
        value = self.statement_value(node.value)
        op = node.op
        target = node.target
        pos = self.pos(node)  # type: ignore[attr-defined]
        if op == "=" and node.attributes:
            return self._constrained_assignment(node, value)
        if op == "=":
            setter = self.setter(target)

            def assign(ctx: Any, out: Callable[[Any], None]) -> None:
                setter(ctx, value(ctx))
            return assign
        if op == "??=":
            getter = self.expr(target)  # type: ignore[attr-defined]
            setter = self.setter(target)

            def coalesce(ctx: Any, out: Callable[[Any], None]) -> None:
                if getter(ctx) is None:
                    setter(ctx, value(ctx))
            return coalesce
        fn = _ASSIGN_OPS[op]
        if isinstance(target, A.Variable):
            getter = self.expr(target)  # type: ignore[attr-defined]
            setter = self.setter(target)

            def compound(ctx: Any, out: Callable[[Any], None]) -> None:
                setter(ctx, fn(getter(ctx), value(ctx)))
            return compound
        ref = self.reference(target)

        def compound_ref(ctx: Any, out: Callable[[Any], None]) -> None:
            get, put = ref(ctx)
            put(fn(get(), value(ctx)))
        _ = pos
        return compound_ref

    def _constrained_assignment(self, node: A.Assignment, value: Callable[[Any], Any]
                                ) -> Callable[[Any, Callable[[Any], None]], None]:
        """``[ValidateNotNull()][string]$v = 'x'``: the variable keeps its type and validators."""
        from .compile_expr import LazyType
        from .session import VariableConstraint
        target = node.target
        lt = None
        if isinstance(target, A.Convert) and isinstance(target.operand, A.Variable):
            lt = LazyType(target.type)
            var = target.operand
        elif isinstance(target, A.Variable):
            var = target
        else:
            setter = self.setter(target)
            return lambda ctx, out: setter(ctx, value(ctx))
        attrs = [a for a in node.attributes if a.name.lower().rsplit(".", 1)[-1].startswith("validate")]
        cache: list = []

        def assign(ctx: Any, out: Callable[[Any], None]) -> None:
            if not cache:
                cache.append([vd for vd in (self.validator(a) for a in attrs)  # type: ignore[attr-defined]
                              if vd is not None])
            constraint = VariableConstraint(var.name, lt.get() if lt is not None else None, cache[0])
            v = constraint.convert(_materialize(value(ctx)))
            ctx.declare_typed(var.name, constraint, v, var.scope)
        return assign

    def setter(self, target: A.Expr) -> Callable[[Any, Any], None]:
        if isinstance(target, A.Variable):
            name = target.name
            lname = name.lower()
            scope = target.scope
            if scope is None and lname not in _SPECIAL_VARS:
                if name == lname:
                    def set_local(ctx: Any, v: Any) -> None:
                        sc = ctx.scope
                        if sc.typed is not None and lname in sc.typed:
                            v = sc.typed[lname].convert(v)
                        if type(v) is range:
                            v = list(v)
                        sc.vars[lname] = v
                    return set_local

                def set_local_named(ctx: Any, v: Any) -> None:
                    sc = ctx.scope
                    if sc.typed is not None and lname in sc.typed:
                        v = sc.typed[lname].convert(v)
                    if type(v) is range:
                        v = list(v)
                    vars_ = sc.vars
                    if lname not in vars_:
                        sc.remember_name(lname, name)
                    vars_[lname] = v
                return set_local_named

            def set_var(ctx: Any, v: Any) -> None:
                ctx.assign(name, _materialize(v), scope)
            return set_var
        if isinstance(target, A.Convert) and isinstance(target.operand, A.Variable):
            from .compile_expr import LazyType
            lt = LazyType(target.type)
            var = target.operand

            def set_typed(ctx: Any, v: Any) -> None:
                t = lt.get()
                ctx.declare_typed(var.name, t, t.convert(_materialize(v)), var.scope)
            return set_typed
        if isinstance(target, A.Member):
            obj = self.expr(target.target)  # type: ignore[attr-defined]
            name_c = target.name.value if isinstance(target.name, A.StringConstant) else None
            name_fn = None if name_c is not None else self.expr(target.name)  # type: ignore[attr-defined]
            if target.static:
                tnode = target.target

                def set_static(ctx: Any, v: Any) -> None:
                    from .types import PSType, resolve
                    t = obj(ctx)
                    if not isinstance(t, PSType):
                        t = resolve(to_string(t))
                    n = name_c if name_c is not None else to_string(name_fn(ctx))  # type: ignore[misc]
                    prop = t.statics().get(n.lower())
                    setter = getattr(prop, "set", None)
                    if setter is None:
                        raise runtime_error(f"'{n}' is a ReadOnly property.", "PropertyAssignmentException",
                                            ErrorCategory.InvalidOperation)
                    setter(v)
                _ = tnode
                return set_static

            def set_member_(ctx: Any, v: Any) -> None:
                set_member(obj(ctx), name_c if name_c is not None else to_string(name_fn(ctx)), _materialize(v))
            return set_member_
        if isinstance(target, A.Index):
            obj = self.expr(target.target)  # type: ignore[attr-defined]
            idx = self.expr(target.index)  # type: ignore[attr-defined]

            def set_index(ctx: Any, v: Any) -> None:
                index_set(obj(ctx), idx(ctx), _materialize(v))
            return set_index
        if isinstance(target, A.ArrayLiteral):
            setters = [self.setter(t) for t in target.elements]

            def set_many(ctx: Any, v: Any) -> None:
                items = list(enumerate_values(v)) if is_enumerable(v) else [v]
                n = len(setters)
                for i, s in enumerate(setters):
                    if i < n - 1:
                        s(ctx, items[i] if i < len(items) else None)
                    else:
                        rest = items[i:]
                        s(ctx, rest[0] if len(rest) == 1 else (rest if rest else None))
            return set_many
        if isinstance(target, A.Paren):
            pure = self.pure_expression(target.pipeline)
            if pure is not None:
                return self.setter(pure)
        raise runtime_error("The assignment expression is not valid. The input to an assignment operator must be an "
                            "object that is able to accept assignments, such as a variable or a property.",
                            "InvalidLeftHandSide", ErrorCategory.InvalidOperation)

    def reference(self, target: A.Expr) -> Callable[[Any], tuple[Callable[[], Any], Callable[[Any], None]]]:
        """For compound assignment to a member or element: evaluate the container once."""
        if isinstance(target, A.Member) and not target.static:
            obj = self.expr(target.target)  # type: ignore[attr-defined]
            name_c = target.name.value if isinstance(target.name, A.StringConstant) else None
            name_fn = None if name_c is not None else self.expr(target.name)  # type: ignore[attr-defined]

            def mref(ctx: Any) -> tuple:
                o = obj(ctx)
                n = name_c if name_c is not None else to_string(name_fn(ctx))  # type: ignore[misc]

                def get() -> Any:
                    v = get_member(o, n)
                    return None if v is MISSING else v
                return get, lambda v: set_member(o, n, _materialize(v))
            return mref
        if isinstance(target, A.Index):
            obj = self.expr(target.target)  # type: ignore[attr-defined]
            idx = self.expr(target.index)  # type: ignore[attr-defined]

            def iref(ctx: Any) -> tuple:
                o = obj(ctx)
                i = idx(ctx)
                return (lambda: index_get(o, i)), (lambda v: index_set(o, i, _materialize(v)))
            return iref
        getter = self.expr(target)  # type: ignore[attr-defined]
        setter = self.setter(target)
        return lambda ctx: ((lambda: getter(ctx)), (lambda v: setter(ctx, v)))

    def incdec(self, target: A.Expr, delta: int, postfix: bool) -> Callable[[Any], Any]:
        ref = self.reference(target)

        def run(ctx: Any) -> Any:
            get, put = ref(ctx)
            old = get()
            new = O.op_add(old, delta) if old is not None else delta
            put(new)
            return old if postfix else new
        return run


_SPECIAL_VARS = {"erroractionpreference", "warningpreference", "verbosepreference", "debugpreference",
                 "informationpreference", "progresspreference", "?", "_", "psitem", "true", "false", "null"}
_ = to_bool
