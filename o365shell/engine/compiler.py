"""AST -> Python closures, once per script block (the hot path).

Expressions compile to ``fn(ctx) -> value``, statements to ``fn(ctx, out)`` where ``out``
receives each output object. A script block compiles to a CompiledScriptBlock holding its
parameter metadata (for the binder) and its begin/process/end blocks; the result is
cached on the AST node so each block is compiled once however often it runs.
"""
from __future__ import annotations

from typing import Any, Callable

from ..language import ast as A
from .parameters import ALL_SETS, CommandMetadata, ParamSpec, SetInfo
from .validators import (ValidateCount, ValidateLength, ValidateNotNull, ValidateNotNullOrEmpty,
                         ValidateNotNullOrWhiteSpace, ValidatePattern, ValidateRange, ValidateScript, ValidateSet)
from .compile_cmd import CmdCompiler
from .compile_expr import ExprCompiler, LazyType
from .compile_stmt import StmtCompiler, handle_statement_error
from .conversion import to_bool, to_string
from .errors import Position


class ScriptParam:
    """A compiled parameter of a script block: its variable, type and default."""

    __slots__ = ("name", "lazy_type", "default_fn", "is_switch")

    def __init__(self, name: str, lazy_type: LazyType | None, default_fn: Callable[[Any], Any] | None,
                 is_switch: bool) -> None:
        self.name = name
        self.lazy_type = lazy_type
        self.default_fn = default_fn
        self.is_switch = is_switch

    @property
    def ptype(self) -> Any:
        return self.lazy_type.get() if self.lazy_type is not None else None


class CompiledScriptBlock:
    """What a script block compiles to."""

    __slots__ = ("param_nodes", "params", "_metadata", "begin", "process", "end", "simple_expr", "simple_handler",
                 "has_params", "is_filter", "uses_input", "advanced", "cmdlet_binding", "compiler")

    def __init__(self) -> None:
        self.params: list[ScriptParam] = []
        self.param_nodes: list[A.Parameter] = []
        self._metadata: CommandMetadata | None = None
        self.begin = self.process = self.end = None
        self.simple_expr: Any = None
        self.simple_handler: Any = None
        self.has_params = False
        self.is_filter = False
        self.uses_input = True
        self.advanced = False
        self.cmdlet_binding: A.Attribute | None = None
        self.compiler: Any = None

    @property
    def metadata(self) -> CommandMetadata:
        m = self._metadata
        if m is None:
            m = self._metadata = self.compiler.build_metadata(self)
        return m


_CONSTANT_ATTR_ARGS = (A.Constant, A.StringConstant)


class Compiler(ExprCompiler, StmtCompiler, CmdCompiler):
    """Compiles the nodes of one source text."""

    def __init__(self, source: A.Source) -> None:
        self.source = source

    def scriptblock(self, node: A.ScriptBlock) -> CompiledScriptBlock:
        c = CompiledScriptBlock()
        c.compiler = self
        pb = node.param_block
        if pb is not None:
            c.param_nodes = list(pb.parameters)
            for a in pb.attributes:
                if a.name.lower() == "cmdletbinding":
                    c.cmdlet_binding = a
                    c.advanced = True
            for p in pb.parameters:
                lt = None
                is_switch = False
                for at in p.attributes:
                    if at.is_type_constraint:
                        if at.name.lower() in ("switch", "system.management.automation.switchparameter"):
                            is_switch = True
                            lt = None
                        else:
                            lt = LazyType(at.type)  # type: ignore[arg-type]
                    elif at.name.lower() in ("parameter", "system.management.automation.parameter"):
                        c.advanced = True
                default = self.expr(p.default) if p.default is not None else None
                c.params.append(ScriptParam(p.name, lt, default, is_switch))
        c.has_params = bool(c.params)
        c.is_filter = node.is_filter
        if node.begin_block is not None:
            c.begin = self.block(node.begin_block)  # type: ignore[assignment]
        if node.process_block is not None:
            c.process = self.block(node.process_block)  # type: ignore[assignment]
        if node.end_block is not None:
            if node.is_filter and node.unnamed:
                c.process = self.block(node.end_block)  # type: ignore[assignment]
            else:
                c.end = self.block(node.end_block)  # type: ignore[assignment]
        if node.unnamed and not node.is_filter and node.end_block is not None:
            stmts = node.end_block.statements
            if len(stmts) == 1 and not node.end_block.traps:
                pure = self.pure_expression(stmts[0])
                if pure is not None and not isinstance(pure, A.PostfixIncrement) and not (
                        isinstance(pure, A.Unary) and pure.op in ("++", "--")):
                    c.simple_expr = self.expr(pure)
                    pos = self.pos(stmts[0])

                    def handler(ctx: Any, e: BaseException, pos: Position = pos) -> None:
                        handle_statement_error(ctx, e, pos)
                    c.simple_handler = handler
        return c

    # ------------------------------------------------------------------ metadata from param()
    def build_metadata(self, c: CompiledScriptBlock) -> CommandMetadata:
        specs: list[ParamSpec] = []
        any_position = False
        for node in c.param_nodes:
            for at in node.attributes:
                if at.name.lower() in ("parameter", "system.management.automation.parameter"):
                    for k, v in at.named:
                        if k.lower() == "position":
                            any_position = True
                    if at.positional:
                        pass
        auto_pos = 0
        positional_binding = True
        default_set = None
        should_process = False
        if c.cmdlet_binding is not None:
            for k, v in c.cmdlet_binding.named:
                kl = k.lower()
                val = self._attr_value(v)
                if kl == "positionalbinding":
                    positional_binding = to_bool(val)
                elif kl == "defaultparametersetname":
                    default_set = to_string(val)
                elif kl == "supportsshouldprocess":
                    should_process = to_bool(val) if v is not None else True
        for sp, node in zip(c.params, c.param_nodes):
            sets: dict[str, SetInfo] = {}
            aliases: list[str] = []
            validators: list = []
            allow_null = allow_empty = remaining = False
            help_text = ""
            has_param_attr = False
            for at in node.attributes:
                an = at.name.lower().rsplit(".", 1)[-1]
                if an == "parameter":
                    has_param_attr = True
                    opts = {k.lower(): (self._attr_value(v) if v is not None else True) for k, v in at.named}
                    setname = to_string(opts.get("parametersetname", ALL_SETS)) or ALL_SETS
                    pos = opts.get("position")
                    si = SetInfo(to_bool(opts.get("mandatory", False)), int(pos) if pos is not None else None,
                                 to_bool(opts.get("valuefrompipeline", False)),
                                 to_bool(opts.get("valuefrompipelinebypropertyname", False)),
                                 to_string(opts.get("helpmessage")) if opts.get("helpmessage") else None)
                    if to_bool(opts.get("valuefromremainingarguments", False)):
                        remaining = True
                    sets[setname] = si
                    if si.help_message:
                        help_text = si.help_message
                elif an == "alias":
                    aliases += [to_string(self._attr_value(a)) for a in at.positional]
                elif an.startswith("validate"):
                    vd = self.validator(at)
                    if vd is not None:
                        validators.append(vd)
                elif an == "allownull":
                    allow_null = True
                elif an in ("allowemptystring", "allowemptycollection"):
                    allow_empty = True
            if not sets:
                sets = {ALL_SETS: SetInfo()}
            if sp.is_switch:
                pass  # switch parameters are never positional
            elif positional_binding and not any_position and not remaining:
                for si in sets.values():
                    if si.position is None:
                        si.position = auto_pos
                auto_pos += 1
            elif not c.advanced and not has_param_attr:
                for si in sets.values():
                    if si.position is None:
                        si.position = auto_pos
                auto_pos += 1
            t = sp.ptype
            specs.append(ParamSpec(sp.name, t, aliases=aliases, is_switch=sp.is_switch, sets=sets, help=help_text,
                                   validators=validators, allow_null=allow_null, allow_empty=allow_empty,
                                   remaining=remaining))
        return CommandMetadata("", specs, default_set=default_set, advanced=c.advanced,
                               should_process=should_process, positional_binding=positional_binding)

    def validator(self, at: A.Attribute) -> Any:
        """The Validate* attribute ``at`` as a validator object (None for one this shell does not know)."""
        an = at.name.lower().rsplit(".", 1)[-1]
        if an.endswith("attribute"):
            an = an[:-len("attribute")]
        if an == "validateset":
            return ValidateSet([self._attr_value(a) for a in at.positional])
        if an == "validaterange":
            vals = [self._attr_value(a) for a in at.positional]
            return ValidateRange(vals[0], vals[1]) if len(vals) == 2 else None
        if an == "validatepattern":
            return ValidatePattern(to_string(self._attr_value(at.positional[0])))
        if an == "validatelength":
            vals = [self._attr_value(a) for a in at.positional]
            return ValidateLength(vals[0], vals[1])
        if an == "validatecount":
            vals = [self._attr_value(a) for a in at.positional]
            return ValidateCount(vals[0], vals[1])
        if an == "validatenotnull":
            return ValidateNotNull()
        if an == "validatenotnullorempty":
            return ValidateNotNullOrEmpty()
        if an == "validatenotnullorwhitespace":
            return ValidateNotNullOrWhiteSpace()
        if an == "validatescript" and at.positional:
            from .scriptblock import ScriptBlock
            node_sb = at.positional[0]
            if isinstance(node_sb, A.ScriptBlockExpr):
                from .runtime import current_session
                msg = None
                for k, v in at.named:
                    if k.lower() == "errormessage":
                        msg = to_string(self._attr_value(v))
                return ValidateScript(ScriptBlock(node_sb.block, current_session(), self.source), msg)
        return None

    def _attr_value(self, node: Any) -> Any:
        if node is None:
            return True
        from .runtime import current_session
        return self.expr(node)(current_session())


def compile_scriptblock(node: A.ScriptBlock, source: A.Source) -> CompiledScriptBlock:
    """Compile a script block once; later calls return the cached result."""
    c = node.compiled
    if c is None:
        c = Compiler(source).scriptblock(node)
        node.compiled = c
    return c  # type: ignore[return-value]
