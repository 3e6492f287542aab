"""PowerShell classes at run time: a Python class generated per ``class`` statement and
registered in the type table, so type literals, ``::new()``, New-Object, casts (from a
hashtable too), ``-is``, member access, Get-Member and formatting all go through the
machinery .NET types use.

* Instances keep their property values in ``_ps_values`` (lower-case name -> value); a typed
  property converts what is assigned to it (pwsh's SetValueInvocationException on failure).
* Visible instance properties are also Python properties named as declared, listed in
  ``__ps_properties__`` (display order: the class's own, then its base class's); hidden ones
  are reachable by name but not listed.
* Methods are Python attributes named as declared (``__ps_members__`` tells the class adapter
  to take them whatever their case) that pick an overload by argument count; static
  members live in the PSType's statics.
* Method bodies compile once (``MethodCompiler``): only ``return <value>`` produces the result,
  other output is dropped, a terminating error leaves the method, and ``([Base]$this).M()``
  calls the base class's implementation.
"""
from __future__ import annotations

import inspect
from typing import Any, Callable

from ..language import ast as A
from .compile_expr import LazyType
from .compiler import Compiler
from .errors import (ErrorCategory, MethodException, ReturnSignal, SetValueInvocationException, runtime_error)
from .netlib.exceptions import DotNetException
from .objects import MISSING, PSCustomObject, PSObjectBase
from .pscollections import AutomationNull, Hashtable
from .types import PSType, StaticProperty, register


class MethodReturn(ReturnSignal):
    """``return <value>`` in a class method: carries the method's result."""

    def __init__(self, value: Any) -> None:
        super().__init__()
        self.value = value


class MethodCompiler(Compiler):
    """Compiles class method bodies: ``return`` carries its value; ``([Base]$this).M()`` is non-virtual."""

    def s_Return(self, node: A.Return) -> Any:
        if node.value is None:
            def bare(ctx: Any, out: Callable[[Any], None]) -> None:
                raise MethodReturn(AutomationNull)
            return bare
        value = self.statement_value(node.value)

        def run(ctx: Any, out: Callable[[Any], None]) -> None:
            raise MethodReturn(value(ctx))
        return run

    def x_InvokeMember(self, node: A.InvokeMember) -> Any:
        conv = _cast_target(node.target)
        if node.static or conv is None or not isinstance(node.name, A.StringConstant):
            return super().x_InvokeMember(node)
        lt = LazyType(conv.type)
        inner = self.expr(conv.operand)
        args = [self.expr(a) for a in node.args]
        name = node.name.value
        fallback = super().x_InvokeMember(node)

        def base_call(ctx: Any) -> Any:
            t = lt.get()
            info = getattr(t.pyclass, "__ps_class__", None) if isinstance(t.pyclass, type) else None
            obj = inner(ctx)
            if info is None or not isinstance(obj, t.pyclass):
                return fallback(ctx)
            return info.call_method(obj, name, [a(ctx) for a in args])
        return base_call


def _cast_target(node: Any) -> A.Convert | None:
    """The ``[T]$x`` inside ``([T]$x)``, if that is what ``node`` is."""
    if isinstance(node, A.Paren):
        p = node.pipeline
        if isinstance(p, A.Pipeline) and len(p.elements) == 1 and isinstance(p.elements[0], A.CommandExpression):
            node = p.elements[0].expr
    return node if isinstance(node, A.Convert) else None


# ----------------------------------------------------------------------------- members

class PropertyInfo:
    """A declared property: its type (None: any value), default and modifiers."""

    __slots__ = ("name", "lazy_type", "default", "static", "hidden", "owner")

    def __init__(self, name: str, lazy_type: LazyType | None, default: Any, static: bool, hidden: bool,
                 owner: "ClassInfo") -> None:
        self.name = name
        self.lazy_type = lazy_type
        self.default = default
        self.static = static
        self.hidden = hidden
        self.owner = owner

    @property
    def ptype(self) -> PSType | None:
        return self.lazy_type.get() if self.lazy_type is not None else None

    def convert(self, value: Any) -> Any:
        t = self.ptype
        if t is None:
            return None if value is AutomationNull else value
        return t.convert(value)

    def initial(self, ctx: Any) -> Any:
        """The value a new instance (or the class, for a static property) starts with."""
        if self.default is not None:
            return self.convert(self.default(ctx))
        t = self.ptype
        if t is None or not t.is_value_type:
            return None
        try:
            return t.convert(0) if t.is_enum else t.convert(None)
        except DotNetException:
            return None

    def assign(self, value: Any) -> Any:
        """Convert a value being assigned, failing as pwsh's property setter does."""
        try:
            return self.convert(value)
        except DotNetException as e:
            msg = getattr(e, "Message", str(e))
            raise runtime_error(f'Exception setting "{self.name}": "{msg}"', "ExceptionWhenSetting",
                                ErrorCategory.NotSpecified, None, SetValueInvocationException, e) from None

    def definition(self) -> str:
        t = self.ptype
        tn = t.FullName if t is not None else "System.Object"
        from .types import BUILTIN_ACCELERATORS
        tn = BUILTIN_ACCELERATORS.get(tn, tn)
        return f"{'static ' if self.static else ''}{tn} {self.name} {{get;set;}}"


class MethodInfo:
    """One method or constructor overload, compiled on first call."""

    __slots__ = ("node", "owner", "_body", "_params")

    def __init__(self, node: A.FunctionMember, owner: "ClassInfo") -> None:
        self.node = node
        self.owner = owner
        self._body: Any = None
        self._params: list[tuple[str, LazyType | None, Any]] | None = None

    @property
    def name(self) -> str:
        return self.node.name

    def arity(self) -> tuple[int, int]:
        ps = self.node.params
        required = sum(1 for p in ps if p.default is None)
        return required, len(ps)

    def _compile(self) -> None:
        comp = MethodCompiler(self.owner.source)
        params = []
        for p in self.node.params:
            lt = None
            for at in p.attributes:
                if at.is_type_constraint:
                    lt = LazyType(at.type)
            params.append((p.name, lt, comp.expr(p.default) if p.default is not None else None))
        self._params = params
        self._body = comp.block(self.node.body)

    def invoke(self, this: Any, args: list, before: Callable[[Any], None] | None = None) -> Any:
        """Run the body with ``$this`` and the arguments bound; returns the converted result."""
        if self._body is None:
            self._compile()
        info = self.owner
        ctx = info.ctx
        from .session import Scope
        scope = Scope(info.scope)
        v = scope.vars
        if this is not None:
            v["this"] = this
        for i, (pname, lt, default) in enumerate(self._params or ()):
            if i < len(args):
                val = args[i]
                if lt is not None:
                    val = self._convert_arg(pname, val, lt.get())
            else:
                val = default(ctx) if default is not None else None
            v[pname.lower()] = val
        saved = ctx.scope
        ctx.scope = scope
        ctx.try_depth += 1
        result: Any = AutomationNull
        try:
            if before is not None:
                before(ctx)
            self._body(ctx, _drop)
        except MethodReturn as r:
            result = r.value
        except ReturnSignal:
            pass
        finally:
            ctx.try_depth -= 1
            ctx.scope = saved
        return self._result(result)

    def _convert_arg(self, pname: str, val: Any, t: PSType) -> Any:
        try:
            return t.convert(val)
        except DotNetException as e:
            from .conversion import to_string
            msg = getattr(e, "Message", str(e))
            raise runtime_error(f'Cannot convert argument "{pname}", with value: "{to_string(val)}", for '
                                f'"{self.name}" to type "{t.FullName}": "{msg}"',
                                "MethodArgumentConversionInvalidCastArgument", ErrorCategory.NotSpecified, None,
                                MethodException, e) from None

    def _result(self, value: Any) -> Any:
        rt = self.node.return_type
        if rt is None or self.node.is_constructor or str(rt.name).lower() in ("void", "system.void"):
            return AutomationNull
        if value is AutomationNull:
            value = None
        from .types import resolve
        t = resolve(rt)
        if t is None or t.FullName == "System.Object":
            return value
        return t.convert(value)


def _drop(item: Any) -> None:
    """Output of a class method that is not its return value goes nowhere."""


# ----------------------------------------------------------------------------- the class

class PSClassObject(PSObjectBase):
    """Base of the Python classes generated for PowerShell classes."""

    __slots__ = ("_ps_values", "__weakref__")
    __ps_class__: "ClassInfo"

    def ps_get_member(self, low: str) -> Any:
        return self._ps_values.get(low, MISSING)

    def ps_set_member(self, low: str, value: Any) -> bool:
        p = type(self).__ps_class__.find_property(low)
        if p is None or p.static:
            return False
        self._ps_values[low] = p.assign(value)
        return True

    def ToString(self) -> str:
        return type(self).__ps_class__.name

    def __repr__(self) -> str:
        return f"<{type(self).__ps_class__.name}>"


class ClassInfo:
    """What a ``class`` statement defines: properties, methods, constructors, static values."""

    def __init__(self, node: A.ClassDefinition, source: Any, ctx: Any, base: "ClassInfo | None") -> None:
        self.node = node
        self.name = node.name
        self.source = source
        self.ctx = ctx
        self.scope = ctx.scope
        self.base = base
        self.props: dict[str, PropertyInfo] = {}
        self.methods: dict[str, list[MethodInfo]] = {}
        self.statics: dict[str, list[MethodInfo]] = {}
        self.ctors: list[MethodInfo] = []
        self.static_values: dict[str, Any] = {}
        comp = Compiler(source)
        for m in node.members:
            if isinstance(m, A.PropertyMember):
                lt = LazyType(m.type) if m.type is not None else None
                default = comp.statement_value(m.default) if m.default is not None else None
                self.props[m.name.lower()] = PropertyInfo(m.name, lt, default, m.is_static, m.is_hidden, self)
            elif m.is_constructor:
                if not m.is_static:
                    self.ctors.append(MethodInfo(m, self))
            else:
                table = self.statics if m.is_static else self.methods
                table.setdefault(m.name.lower(), []).append(MethodInfo(m, self))
        self.pyclass: Any = None

    # ---- lookups through the inheritance chain
    def find_property(self, low: str) -> PropertyInfo | None:
        c: ClassInfo | None = self
        while c is not None:
            p = c.props.get(low)
            if p is not None:
                return p
            c = c.base
        return None

    def overloads(self, low: str) -> list[MethodInfo]:
        out: list[MethodInfo] = []
        seen: set[int] = set()
        c: ClassInfo | None = self
        while c is not None:
            for m in c.methods.get(low, ()):
                n = len(m.node.params)
                if n not in seen:  # an override hides the base class's method of the same arity
                    seen.add(n)
                    out.append(m)
            c = c.base
        return out

    def call_method(self, obj: Any, name: str, args: list) -> Any:
        """Call the method ``name`` as this class implements it (non-virtual)."""
        m = pick(self.overloads(name.lower()), name, args)
        return m.invoke(obj, args)

    # ---- instances
    def new(self, args: list) -> Any:
        obj = self.pyclass.__new__(self.pyclass)
        obj._ps_values = {}
        chain = []
        c: ClassInfo | None = self
        while c is not None:
            chain.append(c)
            c = c.base
        for info in reversed(chain):
            for low, p in info.props.items():
                if not p.static:
                    obj._ps_values[low] = p.initial(info.ctx)
        self.construct(obj, args)
        return obj

    def construct(self, obj: Any, args: list) -> None:
        """Run this class's constructor for ``args`` (its base class's first)."""
        if not self.ctors:
            if args:
                raise _no_overload("new", args)
            if self.base is not None:
                self.base.construct(obj, [])
            return
        ctor = pick(self.ctors, "new", args)
        base = self.base
        base_args = ctor.node.base_args
        if base is None:
            ctor.invoke(obj, args)
            return
        if base_args is None:
            base.construct(obj, [])
            ctor.invoke(obj, args)
            return
        comp_args = [Compiler(self.source).expr(a) for a in base_args]

        def call_base(ctx: Any) -> None:
            base.construct(obj, [a(ctx) for a in comp_args])
        ctor.invoke(obj, args, before=call_base)

    def convert(self, v: Any) -> Any:
        """``[Class]$v``: an instance as it is; a hashtable or object sets properties of a new one."""
        cls = self.pyclass
        if isinstance(v, cls):
            return v
        if v is None:
            return None
        if isinstance(v, Hashtable) or type(v) is PSCustomObject:
            obj = self.new([])
            items = v.items() if isinstance(v, Hashtable) else [(m.Name, m.Value) for m in v._members.values()
                                                                  if m.is_property]
            from .conversion import to_string
            for k, val in items:
                key = to_string(k)
                p = self.find_property(key.lower())
                if p is None or p.static:
                    raise runtime_error(f'Cannot create object of type "{self.name}". The {key} property was not '
                                        f'found for the {self.name} object. The available property is: '
                                        f'{self._available()}', "ObjectCreationError", ErrorCategory.InvalidArgument)
                obj._ps_values[key.lower()] = p.convert(val)
            return obj
        if any(m.arity()[0] <= 1 <= m.arity()[1] for m in self.ctors):
            return self.new([v])
        from .conversion import cast_error
        raise cast_error(v, self.name)

    def _available(self) -> str:
        parts = []
        c: ClassInfo | None = self
        while c is not None:
            for p in c.props.values():
                if not p.static and not p.hidden:
                    t = p.ptype
                    parts.append(f"[{p.name} <{t.FullName if t is not None else 'System.Object'}>]")
            c = c.base
        return " , ".join(parts)

    # ---- statics
    def static_members(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        c: ClassInfo | None = self
        chain = []
        while c is not None:
            chain.append(c)
            c = c.base
        for info in reversed(chain):
            for low, p in info.props.items():
                if p.static:
                    d[p.name] = StaticValue(info, low)
            for low, ms in info.statics.items():
                d[ms[0].name] = StaticMethodGroup(ms)
        return d

    def reset_statics(self) -> None:
        for low, p in self.props.items():
            if p.static:
                self.static_values[low] = p.initial(self.ctx)


class StaticValue(StaticProperty):
    """A static property of a PowerShell class: read with ``[C]::P``, assigned with ``[C]::P = v``."""

    __slots__ = ("info", "low")

    def __init__(self, info: ClassInfo, low: str) -> None:
        super().__init__(lambda: info.static_values.get(low))
        self.info = info
        self.low = low

    def set(self, value: Any) -> None:
        self.info.static_values[self.low] = self.info.props[self.low].assign(value)


class StaticMethodGroup:
    """The overloads of a static method; called by ``[C]::M(args)``."""

    __slots__ = ("methods", "__name__")
    ps_unwrapped = True

    def __init__(self, methods: list[MethodInfo]) -> None:
        self.methods = methods
        self.__name__ = methods[0].name

    def __call__(self, *args: Any) -> Any:
        return pick(self.methods, self.__name__, list(args)).invoke(None, list(args))


def pick(methods: list[MethodInfo], name: str, args: list) -> MethodInfo:
    """The overload taking this many arguments (exact count first, then with defaults)."""
    n = len(args)
    for m in methods:
        if len(m.node.params) == n:
            return m
    for m in methods:
        lo, hi = m.arity()
        if lo <= n <= hi:
            return m
    raise _no_overload(name, args)


def _no_overload(name: str, args: list) -> Exception:
    return runtime_error(f'Cannot find an overload for "{name}" and the argument count: "{len(args)}".',
                         "MethodCountCouldNotFindBest", ErrorCategory.NotSpecified, None, MethodException)


def _method_attr(low: str, display: str) -> Callable[..., Any]:
    def method(self: Any, *args: Any) -> Any:
        return type(self).__ps_class__.call_method(self, display, list(args))
    method.__name__ = display
    method.ps_unwrapped = True  # type: ignore[attr-defined]
    return method


def _type_text(tn: Any) -> str:
    """How Get-Member writes a declared type: its accelerator (string, int), else its name."""
    if tn is None:
        return "System.Object"
    from .types import BUILTIN_ACCELERATORS, resolve
    try:
        t = resolve(tn, required=False)
    except DotNetException:
        t = None
    if t is None:
        return str(tn)
    return BUILTIN_ACCELERATORS.get(t.FullName, t.FullName)


def _signature(m: MethodInfo) -> inspect.Signature:
    params = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)]
    for p in m.node.params:
        tn = next((a.type for a in p.attributes if a.is_type_constraint), None)
        params.append(inspect.Parameter(p.name, inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=_type_text(tn)))
    rt = m.node.return_type
    ret = "None" if rt is None or str(rt.name).lower() in ("void", "system.void") else _type_text(rt)
    return inspect.Signature(params, return_annotation=ret)


def _property_attr(low: str) -> property:
    def get(self: Any) -> Any:
        return self._ps_values.get(low)

    def set_(self: Any, value: Any) -> None:
        self.ps_set_member(low, value)
    return property(get, set_)


def define_class(ctx: Any, node: A.ClassDefinition, source: Any) -> PSType:
    """Build (once per definition node) and register the type of a ``class`` statement."""
    info: ClassInfo | None = node.compiled
    if info is None:
        base_info = None
        for b in node.bases:
            from .types import resolve
            bt = resolve(b, required=False)
            cand = getattr(bt.pyclass, "__ps_class__", None) if bt is not None and isinstance(bt.pyclass,
                                                                                               type) else None
            if cand is not None:
                base_info = cand
                break
            if bt is None and b is node.bases[0]:
                raise runtime_error(f"Unable to find type [{b}].", "TypeNotFound", "InvalidOperation", b)
        info = ClassInfo(node, source, ctx, base_info)
        info.pyclass = _make_pyclass(info)
        node.compiled = info
    else:
        info.ctx, info.scope = ctx, ctx.scope
    info.reset_statics()
    t = PSType(info.name, info.pyclass, ctor=lambda *a: info.new(list(a)), converter=info.convert,
               statics=info.static_members, base=info.base.name if info.base is not None else None)
    return register(t)


def _make_pyclass(info: ClassInfo) -> type:
    base_cls = info.base.pyclass if info.base is not None else PSClassObject
    ns: dict[str, Any] = {"__slots__": (), "__ps_typename__": info.name, "__ps_class__": info,
                          "__module__": __name__, "__qualname__": info.name,
                          "__doc__": f"The PowerShell class {info.name}."}
    members: list[str] = []
    own_props = [p for p in info.props.values() if not p.static and not p.hidden]
    for p in own_props:
        ns[p.name] = _property_attr(p.name.lower())
        members.append(p.name)
    for low, ms in info.methods.items():
        if all(m.node.is_hidden for m in ms):
            continue
        fn = _method_attr(low, ms[0].name)
        fn.__signature__ = _signature(ms[0])  # type: ignore[attr-defined]
        ns[ms[0].name] = fn
        members.append(ms[0].name)
    base_props = list(getattr(base_cls, "__ps_properties__", ()))
    ns["__ps_properties__"] = tuple([p.name for p in own_props] + [n for n in base_props
                                                                      if n.lower() not in info.props])
    ns["__ps_members__"] = tuple(members)
    return type(info.name, (base_cls,), ns)
