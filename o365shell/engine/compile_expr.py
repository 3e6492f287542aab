"""Expressions -> closures ``fn(ctx) -> value``. Part of the compiler (see compiler.py)."""
from __future__ import annotations

from decimal import Decimal
from typing import Any, Callable

from ..language import ast as A
from . import operators as O
from .conversion import to_bool, to_string
from .errors import ErrorCategory, runtime_error
from .methods import index_get, invoke_method, invoke_static
from .netlib import numbers as N
from .objects import MISSING, PSCustomObject, get_member, unroll_into
from .pscollections import AutomationNull, Hashtable, OrderedDictionary
from .scriptblock import ScriptBlock, collect_value

Fn = Callable[[Any], Any]

_NUM_CLASSES = {"Int64": N.Int64, "Int16": N.Int16, "Byte": N.Byte, "SByte": N.SByte, "UInt16": N.UInt16,
                "UInt32": N.UInt32, "UInt64": N.UInt64}


def constant_value(node: A.Constant) -> Any:
    v = node.value
    cls = _NUM_CLASSES.get(node.type_name)
    if cls is not None:
        return cls(v)
    if node.type_name == "Double":
        return float(v)  # type: ignore[arg-type]
    if node.type_name == "Decimal" and not isinstance(v, Decimal):
        return Decimal(v)  # type: ignore[arg-type]
    return v


class LazyType:
    """A type literal resolved on first use (types may be registered after compilation)."""

    __slots__ = ("tn", "t")

    def __init__(self, tn: A.TypeName) -> None:
        self.tn = tn
        self.t: Any = None

    def get(self) -> Any:
        t = self.t
        if t is None:
            from .types import resolve
            t = self.t = resolve(self.tn)
        return t


class ExprCompiler:
    """Compiles expression nodes."""

    source: Any

    def expr(self, node: A.Expr) -> Fn:
        m = getattr(self, "x_" + type(node).__name__, None)
        if m is None:
            raise runtime_error(f"Unsupported expression: {type(node).__name__}", "NotSupported")
        return m(node)

    # ------------------------------------------------------------------ literals
    def x_Constant(self, node: A.Constant) -> Fn:
        v = constant_value(node)
        return lambda ctx: v

    def x_StringConstant(self, node: A.StringConstant) -> Fn:
        v = node.value
        return lambda ctx: v

    def x_ExpandableString(self, node: A.ExpandableString) -> Fn:
        parts: list = []
        outer, self.in_string = getattr(self, "in_string", False), True  # strict mode 1 allows unset vars here
        try:
            for p in node.parts:
                if isinstance(p, str):
                    parts.append(p)
                else:
                    parts.append(self.expr(p))
        finally:
            self.in_string = outer
        if len(parts) == 1 and not isinstance(parts[0], str):
            only = parts[0]
            return lambda ctx: to_string(only(ctx))

        def f(ctx: Any) -> str:
            return "".join([p if type(p) is str else to_string(p(ctx)) for p in parts])
        return f

    def x_Variable(self, node: A.Variable) -> Fn:
        name = node.name
        lname = name.lower()
        if node.scope is None:
            if lname == "true":
                return lambda ctx: True
            if lname == "false":
                return lambda ctx: False
            if lname == "null":
                return lambda ctx: None
            if lname == "psitem":
                lname = "_"
            if lname == "?":
                return lambda ctx: ctx.last_status

            in_string = getattr(self, "in_string", False)

            def var(ctx: Any) -> Any:
                s = ctx.scope
                while s is not None:
                    v = s.vars.get(lname, MISSING)
                    if v is not MISSING:
                        return v
                    s = s.parent
                v = ctx.get_var(lname)
                return ctx.unset_variable(name, in_string) if v is MISSING else v
            return var
        scope = node.scope
        exempt = scope.lower() in ("env", "function")  # provider paths are not variables strict mode checks

        def scoped(ctx: Any) -> Any:
            v = ctx.lookup(name, scope)
            if v is MISSING:
                return None if exempt else ctx.unset_variable(f"{scope}:{name}")
            return v
        return scoped

    def x_TypeLiteral(self, node: A.TypeLiteral) -> Fn:
        lt = LazyType(node.type)
        return lambda ctx: lt.get()

    def x_ScriptBlockExpr(self, node: A.ScriptBlockExpr) -> Fn:
        sb = node.block
        source = self.source
        return lambda ctx: ScriptBlock(sb, ctx, source)

    # ------------------------------------------------------------------ collections
    def x_ArrayLiteral(self, node: A.ArrayLiteral) -> Fn:
        items = [self.expr(e) for e in node.elements]
        return lambda ctx: [f(ctx) for f in items]

    def x_ArrayExpression(self, node: A.ArrayExpression) -> Fn:
        body = self.block(node.body)
        stmts = node.body.statements
        if len(stmts) == 1 and self.pure_expression(stmts[0]) is not None:
            e = self.expr(self.pure_expression(stmts[0]))  # type: ignore[arg-type]

            def one(ctx: Any) -> list:
                out: list = []
                unroll_into(e(ctx), out.append)
                return out
            return one

        def f(ctx: Any) -> list:
            out: list = []
            body(ctx, out.append)
            return out
        return f

    def x_SubExpression(self, node: A.SubExpression) -> Fn:
        body = self.block(node.body)

        def f(ctx: Any) -> Any:
            out: list = []
            body(ctx, out.append)
            return collect_value(out)
        return f

    def x_Paren(self, node: A.Paren) -> Fn:
        st = node.pipeline
        pure = self.pure_expression(st)
        if pure is not None:
            return self.expr(pure)
        if isinstance(st, A.Assignment):
            assign = self.stmt(st)
            target = self.expr(st.target) if not isinstance(st.target, (A.ArrayLiteral, A.Convert)) else \
                self.expr(st.target.operand) if isinstance(st.target, A.Convert) else self.expr(st.target)

            def assign_value(ctx: Any) -> Any:
                assign(ctx, _discard)
                return target(ctx)
            return assign_value
        run = self.stmt(st)

        def f(ctx: Any) -> Any:
            out: list = []
            run(ctx, out.append)
            return collect_value(out)
        return f

    def x_Hashtable(self, node: A.Hashtable, ordered: bool = False) -> Fn:
        pairs = [(self.expr(k), self.statement_value(v)) for k, v in node.pairs]
        cls = OrderedDictionary if ordered else Hashtable
        pos = self.pos(node)

        def f(ctx: Any) -> Any:
            h = cls()
            for k, v in pairs:
                key = k(ctx)
                if h.has(key):
                    e = runtime_error(f"Duplicate keys '{to_string(key)}' are not allowed in hash literals.",
                                      "DuplicateKeyInHashLiteral", ErrorCategory.InvalidOperation)
                    e.position = pos
                    raise e
                h[key] = v(ctx)
            return h
        return f

    # ------------------------------------------------------------------ operators
    def x_Unary(self, node: A.Unary) -> Fn:
        op = node.op
        if op in ("++", "--"):
            return self.incdec(node.operand, 1 if op == "++" else -1, postfix=False)
        e = self.expr(node.operand)
        if op == "-":
            neg = O.op_negate
            return lambda ctx: neg(e(ctx))
        if op == "+":
            return lambda ctx: O.op_plus(e(ctx))
        if op in ("!", "not"):
            return lambda ctx: not to_bool(e(ctx))
        if op == "bnot":
            return lambda ctx: O.op_bnot(e(ctx))
        if op == "split":
            return lambda ctx: O.op_unary_split(e(ctx))
        if op == "join":
            return lambda ctx: O.op_unary_join(e(ctx))
        if op == ",":
            return lambda ctx: [e(ctx)]
        raise runtime_error(f"Unsupported unary operator {op}", "NotSupported")

    def x_PostfixIncrement(self, node: A.PostfixIncrement) -> Fn:
        return self.incdec(node.operand, 1 if node.op == "++" else -1, postfix=True)

    def x_Binary(self, node: A.Binary) -> Fn:
        op = node.op
        left = self.expr(node.left)
        right = self.expr(node.right)
        if op == "and":
            return lambda ctx: to_bool(left(ctx)) and to_bool(right(ctx))
        if op == "or":
            return lambda ctx: to_bool(left(ctx)) or to_bool(right(ctx))
        if op == "??":
            def coalesce(ctx: Any) -> Any:
                a = left(ctx)
                return right(ctx) if a is None or a is AutomationNull else a
            return coalesce
        if op in ("&&", "||"):
            return self.chain(node, op)
        fn = O.BINARY.get(op)
        if fn is None:
            raise runtime_error(f"Unsupported operator -{op}", "NotSupported")
        if getattr(fn, "needs_ctx", False):
            return lambda ctx: fn(left(ctx), right(ctx), ctx)
        if isinstance(node.right, (A.Constant, A.StringConstant)):
            rv = constant_value(node.right) if isinstance(node.right, A.Constant) else node.right.value
            if op == "%" and type(rv) is int and rv > 0:
                def mod_const(ctx: Any) -> Any:
                    a = left(ctx)
                    if type(a) is int:
                        r = (a if a >= 0 else -a) % rv
                        return r if a >= 0 else -r
                    return fn(a, rv)
                return mod_const
            if op in ("eq", "ieq") and type(rv) is int:
                def eq_int(ctx: Any) -> Any:
                    a = left(ctx)
                    if type(a) is int:
                        return a == rv
                    return fn(a, rv)
                return eq_int
            return lambda ctx: fn(left(ctx), rv)
        return lambda ctx: fn(left(ctx), right(ctx))

    def x_Ternary(self, node: A.Ternary) -> Fn:
        c, a, b = self.expr(node.condition), self.expr(node.if_true), self.expr(node.if_false)
        return lambda ctx: a(ctx) if to_bool(c(ctx)) else b(ctx)

    def x_Convert(self, node: A.Convert) -> Fn:
        name = node.type.name.lower()
        if name == "ordered" and isinstance(node.operand, A.Hashtable):
            return self.x_Hashtable(node.operand, ordered=True)
        if name == "ref" and isinstance(node.operand, A.Variable) and node.operand.scope is None:
            lname = node.operand.name.lower()

            def ref(ctx: Any) -> Any:
                from .valuetypes import PSReference
                s = ctx.scope
                while s is not None and lname not in s.vars:
                    s = s.parent
                if s is None:
                    s = ctx.scope
                    s.vars[lname] = None
                return PSReference(None, s, lname)
            return ref
        e = self.expr(node.operand)
        if name == "void":
            def void(ctx: Any) -> Any:
                e(ctx)
                return AutomationNull
            return void
        if name in ("pscustomobject",) and not node.type.generic_args and not node.type.array_rank:
            def pco(ctx: Any) -> Any:
                v = e(ctx)
                if isinstance(v, Hashtable):
                    return PSCustomObject(v.items())
                return v
            return pco
        lt = LazyType(node.type)
        pos = self.pos(node)

        def conv(ctx: Any) -> Any:
            v = e(ctx)
            try:
                return lt.get().convert(v)
            except Exception as ex:
                if getattr(ex, "position", 1) is None:
                    ex.position = pos  # type: ignore[attr-defined]
                raise
        return conv

    # ------------------------------------------------------------------ members
    def member_name(self, node: A.Expr) -> tuple[str | None, Fn | None]:
        if isinstance(node, A.StringConstant):
            return node.value, None
        return None, self.expr(node)

    def x_Member(self, node: A.Member) -> Fn:
        name, name_fn = self.member_name(node.name)
        target = node.target
        if node.static and isinstance(target, A.TypeLiteral):
            lt = LazyType(target.type)

            def static(ctx: Any) -> Any:
                n = name if name is not None else to_string(name_fn(ctx))  # type: ignore[misc]
                v = lt.get().get_static(n)
                return None if v is MISSING else v
            return static
        obj = self.expr(target)
        if node.static:
            def static2(ctx: Any) -> Any:
                t = obj(ctx)
                from .types import PSType, resolve
                if not isinstance(t, PSType):
                    t = resolve(to_string(t))
                v = t.get_static(name if name is not None else to_string(name_fn(ctx)))  # type: ignore[misc]
                return None if v is MISSING else v
            return static2
        if name is not None:
            def member(ctx: Any) -> Any:
                o = obj(ctx)
                v = get_member(o, name)
                if v is MISSING or (v is None and type(o) is list):
                    return _no_member(ctx, o, name, v)
                return v
            return member

        def dyn(ctx: Any) -> Any:
            o = obj(ctx)
            n = to_string(name_fn(ctx))  # type: ignore[misc]
            v = get_member(o, n)
            if v is MISSING or (v is None and type(o) is list):
                return _no_member(ctx, o, n, v)
            return v
        return dyn

    def x_InvokeMember(self, node: A.InvokeMember) -> Fn:
        name, name_fn = self.member_name(node.name)
        args = [self.expr(a) for a in node.args]
        pos = self.pos(node)
        target = node.target
        if node.static:
            if isinstance(target, A.TypeLiteral):
                lt = LazyType(target.type)
                tget: Fn = lambda ctx: lt.get()  # noqa: E731
            else:
                te = self.expr(target)

                def tget(ctx: Any) -> Any:
                    from .types import PSType, resolve
                    t = te(ctx)
                    return t if isinstance(t, PSType) else resolve(to_string(t))

            def static_call(ctx: Any) -> Any:
                n = name if name is not None else to_string(name_fn(ctx))  # type: ignore[misc]
                try:
                    return invoke_static(ctx, tget(ctx), n, [_arg(a(ctx)) for a in args])
                except Exception as ex:
                    _pos(ex, pos)
                    raise
            return static_call
        obj = self.expr(target)

        def call(ctx: Any) -> Any:
            o = obj(ctx)
            n = name if name is not None else to_string(name_fn(ctx))  # type: ignore[misc]
            try:
                return invoke_method(ctx, o, n, [_arg(a(ctx)) for a in args])
            except Exception as ex:
                _pos(ex, pos)
                raise
        return call

    def x_Index(self, node: A.Index) -> Fn:
        obj = self.expr(node.target)
        idx = self.expr(node.index)
        pos = self.pos(node)

        def index(ctx: Any) -> Any:
            o = obj(ctx)
            if o is None and node.null_conditional:
                return None
            try:
                i = idx(ctx)
                v = index_get(o, i)
                if v is None and type(o) is list and type(i) is int and not -len(o) <= i < len(o) \
                        and ctx.strict_level() >= 3:
                    raise _out_of_bounds()
                return v
            except Exception as ex:
                _pos(ex, pos)
                raise
        return index


def _arg(v: Any) -> Any:
    return list(v) if type(v) is range else v


def _out_of_bounds() -> Exception:
    """Strict mode 3's error for reading past the end of an array."""
    from .errors import ErrorCategory, runtime_error
    from .netlib.exceptions import IndexOutOfRangeException
    return runtime_error("Index was outside the bounds of the array.", "System.IndexOutOfRangeException",
                         ErrorCategory.OperationStopped, None, inner=IndexOutOfRangeException())


def _pos(ex: BaseException, pos: Any) -> None:
    if getattr(ex, "position", 1) is None:
        try:
            ex.position = pos  # type: ignore[attr-defined]
        except AttributeError:
            pass


def _discard(v: Any) -> None:
    pass


def _no_member(ctx: Any, obj: Any, name: str, found: Any) -> Any:
    """A member read that found nothing: $null, unless strict mode makes it an error. For a list,
    member enumeration gave $null: an error only when no element has the property."""
    if found is None:
        if ctx.strict_level() < 2 or any(get_member(e, name) is not MISSING for e in obj):
            return None
    return ctx.missing_property(obj, name)
