"""The streaming pipeline: command processors (cmdlets here, script blocks in scriptproc.py), each
with begin / process / end, pushing objects to the next one as they are produced.

``run_pipeline`` wires processors together, feeds the first one, and stops the upstream
part early when a downstream command (Select-Object -First) has seen enough.
"""
from __future__ import annotations

from typing import Any, Callable

from .binding import (Arg, BindState, bind_command_line, bind_pipeline_item, input_not_bound, missing_mandatory,
                      missing_mandatory_error, choose_set)
from .errors import FlowControl, Position, RuntimeException, StopUpstream, attach_position, record_of
from .netlib.exceptions import DotNetException
from .objects import MISSING
from .pscollections import ArrayList, AutomationNull, Hashtable
from .session import action_value


class Processor:
    """Base of command processors."""

    downstream: Callable[[Any], None]
    name = ""
    position: Position | None = None
    failed = False

    def begin(self) -> None: ...
    def process(self, item: Any) -> None: ...
    def process_no_input(self) -> None: ...
    def end(self) -> None: ...

    def rewire(self) -> None:
        """Pick up a new ``downstream`` (processors that captured it at begin time re-capture it)."""


def _variable_sink(ctx: Any, name: str) -> Callable[[Any], None]:
    """-OutVariable / -ErrorVariable: a list in the caller's scope (``+name`` appends)."""
    append = name.startswith("+")
    name = name.lstrip("+")
    lst = ctx.get_var(name.lower()) if append else MISSING
    if not isinstance(lst, list):
        lst = ArrayList()
        ctx.assign(name, lst)
    return lst.append


class CmdletProcessor(Processor):
    """Runs a Cmdlet subclass."""

    def __init__(self, ctx: Any, cls: type, args: list[Arg], invocation_name: str, position: Position | None,
                 expecting_input: bool = False) -> None:
        self.ctx = ctx
        self.cls = cls
        self.name = cls.name  # type: ignore[attr-defined]
        self.position = position
        meta = cls.metadata  # type: ignore[attr-defined]
        self.meta = meta
        self.state: BindState = bind_command_line(meta, args, self.name, True)
        c = cls(ctx, invocation_name)
        c.position = position
        self.cmdlet = c
        self.out_sink: Callable[[Any], None] | None = None
        self.saved_prefs: dict[str, Any] | None = None
        self._apply(self.state.bound, initial=True)
        self.has_input = False
        self._fast_attr: str | None = None
        if meta.simple_pipeline and meta.pipeline_params[0].name not in self.state.bound:
            self._fast_attr = meta.pipeline_params[0].attr

    def _apply(self, bound: dict[str, Any], initial: bool = False) -> None:
        c = self.cmdlet
        ctx = self.ctx
        if initial:
            for p in self.meta.own:
                if p.name not in bound:
                    setattr(c, p.attr, False if p.is_switch else p.default)
        for name, v in bound.items():
            p = self.meta.by_name[name.lower()]
            if p.is_common:
                self._common(name, v)
            else:
                setattr(c, p.attr, v)
        c.bound = dict(self.state.bound)
        _ = ctx

    def _common(self, name: str, v: Any) -> None:
        c = self.cmdlet
        ctx = self.ctx
        if name == "ErrorAction":
            c.error_action = action_value(v)
        elif name == "WarningAction":
            c.warning_action = action_value(v)
        elif name == "Verbose":
            c.verbose_on = bool(v)
        elif name == "Debug":
            c.debug_on = bool(v)
        elif name == "WhatIf":
            c.whatif = bool(v)
        elif name == "Confirm":
            c.confirm = bool(v)
        elif name == "ErrorVariable" and v:
            c.error_variable = _variable_sink(ctx, str(v))
        elif name == "OutVariable" and v:
            self.out_sink = _variable_sink(ctx, str(v))

    def _wire(self) -> None:
        down = self.downstream
        sink = self.out_sink
        if sink is not None:
            def both(o: Any) -> None:
                sink(o)
                down(o)
            self.cmdlet._out = both
        else:
            self.cmdlet._out = down

    def rewire(self) -> None:
        self._wire()

    def begin(self) -> None:
        self._wire()
        st = self.state
        c = self.cmdlet
        c.parameter_set_name = choose_set(st)
        c.expecting_input = self.has_input
        missing = missing_mandatory(st, self.has_input)
        if missing:
            self._prompt_or_fail(missing)
        try:
            c.begin()
        except DotNetException as e:
            attach_position(e, self.position, self.name) if self.position else None
            raise

    def _prompt_or_fail(self, missing: list) -> None:
        from .binding import prompt_missing
        prompt_missing(self.ctx.host, self.name, missing, self.state, True)
        for p in missing:
            setattr(self.cmdlet, p.attr, self.state.bound.get(p.name))
        self.cmdlet.bound = dict(self.state.bound)

    def process(self, item: Any) -> None:
        c = self.cmdlet
        st = self.state
        fast = self._fast_attr
        if fast is not None:
            setattr(c, fast, item)
            try:
                c.process()
            except DotNetException as e:
                if self.position is not None:
                    attach_position(e, self.position, self.name)
                raise
            return
        try:
            bound = bind_pipeline_item(st, item, True)
        except DotNetException as e:
            self._item_error(e, item)
            return
        if bound is None:
            self._item_error(input_not_bound(self.name, item), item)
            return
        saved = {k: getattr(c, self.meta.by_name[k.lower()].attr) for k in bound}
        for k, v in bound.items():
            setattr(c, self.meta.by_name[k.lower()].attr, v)
        c.bound = {**st.bound, **bound}
        saved_set = c.parameter_set_name
        if len(st.sets) > 1:
            c.parameter_set_name = choose_set(st, bound)
        try:
            missing = missing_mandatory(st, False, bound)
            if missing:
                self._item_error(missing_mandatory_error(self.name, missing), item)
                return
            self._call_process()
        finally:
            c.parameter_set_name = saved_set
            for k, v in saved.items():
                setattr(c, self.meta.by_name[k.lower()].attr, v)

    def _item_error(self, e: BaseException, item: Any) -> None:
        rec = record_of(e)
        rec.command_name = rec.command_name or self.name
        if rec.position is None:
            rec.position = self.position
        rec.target = item
        self.cmdlet.had_error = True
        self.ctx.write_error(rec, self.cmdlet.error_action, self.cmdlet.error_variable)

    def _call_process(self) -> None:
        try:
            self.cmdlet.process()
        except DotNetException as e:
            if self.position is not None:
                attach_position(e, self.position, self.name)
            raise

    def process_no_input(self) -> None:
        self._call_process()

    def end(self) -> None:
        try:
            self.cmdlet.end()
        except DotNetException as e:
            if self.position is not None:
                attach_position(e, self.position, self.name)
            raise

    @property
    def failed(self) -> bool:  # type: ignore[override]
        return self.cmdlet.had_error


def run_pipeline(ctx: Any, procs: list[Processor], source: Any, out: Callable[[Any], None]) -> None:
    """Wire processors, run begin on all, feed them, then end each in order.

    As in pwsh, a command's begin runs at the latest when its first input arrives: an upstream
    begin block that writes output starts the downstream command early."""
    n = len(procs)
    begun = [False] * n

    def start(i: int) -> None:
        begun[i] = True
        procs[i].begin()

    def early(i: int) -> Callable[[Any], None]:
        nxt = procs[i]

        def first_input(item: Any) -> None:
            if not begun[i]:
                start(i)
            nxt.process(item)
        return first_input

    for i in range(n - 1):
        procs[i].downstream = early(i + 1)
        procs[i + 1].has_input = True  # type: ignore[attr-defined]
    procs[-1].downstream = out
    if source is not MISSING:
        procs[0].has_input = True  # type: ignore[attr-defined]
    started = 0
    try:
        for i in range(n):
            if not begun[i]:
                start(i)
            started += 1
        for i in range(n - 1):  # every command has begun: hand items straight on from now
            procs[i].downstream = procs[i + 1].process
            procs[i].rewire()
        first = procs[0]
        if source is MISSING:
            first.process_no_input()
        else:
            proc = first.process
            for item in source:
                proc(item)
        for p in procs:
            p.end()
    except StopUpstream as s:
        idx = next((i for i, p in enumerate(procs) if getattr(p, "cmdlet", None) is s.owner or p is s.owner), None)
        if idx is None:
            raise
        for p in procs[idx:]:
            p.end()
    finally:
        for p in procs[started:]:
            pass


class Redirector(Processor):
    """Applies a command's redirections (2>&1, 2>$null, > file) around another processor."""

    def __init__(self, ctx: Any, inner: Processor, redirs: list[tuple[str, bool, Any, str | None]]) -> None:
        self.ctx = ctx
        self.inner = inner
        self.redirs = redirs
        self.name = inner.name
        self.position = inner.position
        self.files: dict[str, tuple[str, bool, list]] = {}
        self.streams = None

    @property
    def has_input(self) -> bool:
        return getattr(self.inner, "has_input", False)

    @has_input.setter
    def has_input(self, v: bool) -> None:
        self.inner.has_input = v  # type: ignore[attr-defined]

    @property
    def failed(self) -> bool:  # type: ignore[override]
        return getattr(self.inner, "failed", False)

    def _setup(self) -> None:
        ctx = self.ctx
        outer = ctx.streams
        st = outer.copy()
        down = self.downstream
        inner_out: Callable[[Any], None] = down
        for stream, append, target, merge in self.redirs:
            if merge is not None:
                if stream in ("2", "*") and merge == "1":
                    st.error = lambda rec, d=self._down_out: d(rec)
                if stream in ("3", "*") and merge == "1":
                    st.warning = lambda t, d=self._down_out: d(t)
                continue
            if target is None:
                sink: Callable[[Any], None] = lambda x: None
            else:
                path = target
                buf: list = []
                self.files[stream] = (path, append, buf)
                sink = buf.append
            if stream == "1":
                inner_out = sink
            elif stream == "2":
                st.error = (lambda rec, s=sink: (ctx.add_error(rec), s(rec))[1])
            elif stream == "3":
                st.warning = sink
            elif stream == "4":
                st.verbose = sink
            elif stream == "5":
                st.debug = sink
            elif stream == "6":
                st.information = sink
            elif stream == "*":
                inner_out = sink
                st.error = (lambda rec, s=sink: (ctx.add_error(rec), s(rec))[1])
                st.warning = st.verbose = st.debug = st.information = sink
        self.inner.downstream = self._wrap_out(inner_out)
        self._out_kept = inner_out is down
        self.streams = st
        self.outer = outer

    def rewire(self) -> None:
        if getattr(self, "_out_kept", False):  # output not redirected to a file or $null: follow downstream
            self.inner.downstream = self._wrap_out(self.downstream)
        self.inner.rewire()

    def _down_out(self, obj: Any) -> None:
        self.downstream(obj)

    def _wrap_out(self, out: Callable[[Any], None]) -> Callable[[Any], None]:
        ctx = self.ctx

        def w(obj: Any) -> None:
            saved = ctx.streams
            ctx.streams = self.outer
            try:
                out(obj)
            finally:
                ctx.streams = saved
        return w

    def _call(self, fn: Callable[..., None], *a: Any) -> None:
        ctx = self.ctx
        saved = ctx.streams
        ctx.streams = self.streams
        try:
            fn(*a)
        finally:
            ctx.streams = saved

    def begin(self) -> None:
        self._setup()
        self._call(self.inner.begin)

    def process(self, item: Any) -> None:
        self._call(self.inner.process, item)

    def process_no_input(self) -> None:
        self._call(self.inner.process_no_input)

    def end(self) -> None:
        try:
            self._call(self.inner.end)
        finally:
            self._flush()

    def _flush(self) -> None:
        for stream, (path, append, buf) in self.files.items():
            text = self.ctx.formatter(buf) if self.ctx.formatter else "\n".join(str(x) for x in buf) + "\n"
            try:
                full = self.ctx.filesystem_path(path)
            except RuntimeException as e:  # redirection is Out-File's work in pwsh
                if e.command_name is None:
                    e.command_name = "Out-File"
                raise
            with open(full, "a" if append else "w", encoding="utf-8") as f:
                f.write(text)


_ = (FlowControl, RuntimeException, Hashtable, AutomationNull)
