"""The pyparsing grammar of the PowerShell language (the only place that knows syntax).

``GRAMMAR.script`` parses a whole script into an ``ast.ScriptBlock``. Whitespace is
spaces and tabs only: newlines are statement separators, so every production says
where it allows them (``nls``). Comments and backtick line continuations are ignored
between tokens. Command mode (bare words, ``-Param`` tokens) and expression mode are
separate productions, chosen by what a pipeline element starts with.
"""
from __future__ import annotations

import re

import pyparsing as pp

from . import ast as A
from .actions import AstBuilder
from .typedef_actions import TypeDefBuilder
from .lexical import NUMBER_RE, op_text
from .tokens import BareWord, DoubleQuotedString, Expander, HereString, SingleQuotedString
from .typenames import TYPE_BODY

D = "[-\u2013\u2014\u2015]"  # the dashes PowerShell accepts as '-'


class End(int):
    """The offset just after a closing token, passed up to the production that owns it."""


def _regex(pattern: str, flags: int = re.I) -> pp.Regex:
    return pp.Regex(pattern, flags)


def _op(pattern: str) -> pp.Regex:
    """An operator token whose parse result is its ``op_text``."""
    r = _regex(pattern)
    r.set_parse_action(lambda s, l, t: op_text(t[0]))
    return r


def _closer(ch: str) -> pp.Regex:
    r = pp.Regex(re.escape(ch))
    r.set_parse_action(lambda s, l, t: End(l + len(ch)))
    return r


class Grammar(AstBuilder, TypeDefBuilder):
    """Builds the pyparsing elements once; ``script`` is the entry point."""

    def __init__(self) -> None:
        old_ws = pp.ParserElement.DEFAULT_WHITE_CHARS
        pp.ParserElement.set_default_whitespace_chars(" \t\f\v\u00a0\ufeff")
        try:
            self._build()
        finally:
            pp.ParserElement.set_default_whitespace_chars(old_ws)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        Sup, Opt, ZM, OM, Fwd = pp.Suppress, pp.Opt, pp.ZeroOrMore, pp.OneOrMore, pp.Forward
        Lit = pp.Literal

        NL = pp.Regex(r"\r?\n")
        nls = Sup(ZM(NL))
        self.nls = nls
        SEMI = Lit(";")
        sep = Sup(SEMI | NL)

        expression = Fwd().set_name("expression")
        arg_expression = Fwd().set_name("argument expression")
        unary = Fwd().set_name("unary expression")
        pipeline = Fwd().set_name("pipeline")
        statement = Fwd().set_name("statement")
        statement_list = Fwd().set_name("statement list")
        sb_body = Fwd().set_name("script block body")
        arg_list = Fwd().set_name("command argument")
        self.expression, self.pipeline, self.statement = expression, pipeline, statement
        self.statement_list = statement_list

        # ---------------------------------------------------------- primaries
        number = _regex(NUMBER_RE.pattern + r"(?![\w])")
        number.set_parse_action(self._number)
        variable = _regex(r"\$(?:\{(?:[^}`]|`.)*\}|[A-Za-z0-9_]+(?::[A-Za-z0-9_]+)?|[?$^])", 0)
        variable.set_parse_action(self._variable)
        splat = _regex(r"@[A-Za-z0-9_]+(?::[A-Za-z0-9_]+)?", 0).set_parse_action(self._splat)
        dq = DoubleQuotedString()
        sq = SingleQuotedString()
        here = HereString()
        string = here | sq | dq
        type_literal = _regex(r"\[\s*(" + TYPE_BODY + r")\s*\]", 0).set_parse_action(self._type_literal)

        RP, RB, RK = _closer(")"), _closer("}"), _closer("]")
        paren = (Lit("(") + nls + pipeline + nls + RP).set_parse_action(self._paren)
        subexpr = (Lit("$(") + statement_list + RP).set_parse_action(self._subexpr)
        arrayexpr = (Lit("@(") + statement_list + RP).set_parse_action(self._arrayexpr)

        hash_key = (_regex(r"[A-Za-z_][\w\-]*(?=\s*=)", 0).set_parse_action(
            lambda s, l, t: A.StringConstant(l, l + len(t[0]), t[0], "bare")) | string | number
            | variable | paren | subexpr)
        hash_pair = pp.Group(hash_key + nls + Sup(Lit("=") + ~Lit("=")) + nls + statement)
        hash_seps = Sup(OM(SEMI | NL))
        hashtable = (Lit("@{") + nls + Opt(hash_pair + ZM(hash_seps + hash_pair)) + Opt(hash_seps)
                     + nls + RB).set_parse_action(self._hashtable)
        script_block = (Lit("{") + sb_body + RB).set_parse_action(self._script_block_expr)
        self.script_block = script_block

        primary = (number | variable | string | subexpr | arrayexpr | hashtable | paren | script_block
                   | type_literal).set_name("value")

        # ---------------------------------------------------------- postfix
        nows = lambda e: e.leave_whitespace()  # noqa: E731
        member_name = (_regex(r"[A-Za-z_][\w]*", 0).set_parse_action(
            lambda s, l, t: A.StringConstant(l, l + len(t[0]), t[0], "bare"))
            | string | variable | paren | subexpr)
        invoke_args = (nows(Lit("(")) + nls + Opt(arg_expression + ZM(Sup(Lit(",")) + nls + arg_expression))
                       + nls + RP).set_parse_action(self._invoke_args)
        member_op = (nows(_regex(r"\?\.|\.(?!\.)|::", 0)) + nows(member_name) + Opt(invoke_args)).set_parse_action(
            self._member_op)
        index_op = (nows(_regex(r"\?\[|\[", 0)) + nls + expression + nls + RK).set_parse_action(self._index_op)
        postfix_incr = nows(_regex(r"\+\+|--", 0)).set_parse_action(lambda s, l, t: ("++", t[0]))
        postfix_expr = (primary + ZM(member_op | index_op) + Opt(postfix_incr)).set_parse_action(self._postfix)
        self.postfix_expr = postfix_expr

        # ---------------------------------------------------------- unary and binary levels
        unary_op = _regex(D + r"(?:not|bnot|split|join)(?![\w-])|!|,|\+\+|--|" + D + r"(?![A-Za-z=])|\+(?![+=])")
        cast = (type_literal + unary).set_parse_action(self._cast)
        unary <<= ((unary_op + unary).set_parse_action(self._unary) | cast | postfix_expr)

        def level(operand, op_pattern):
            e = (operand + ZM(_op(op_pattern) + nls + operand)).set_parse_action(self._binary)
            return e

        array_lit = (unary + ZM(Sup(Lit(",")) + nls + unary)).set_parse_action(self._array_literal)
        self.array_literal = array_lit
        cmp_ops = (D + r"(?:[ci]?(?:eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|notcontains"
                   r"|in|notin|replace|split)|isnot|is|as|join)(?![\w-])")

        def chain(bottom):
            rng = level(bottom, r"\.\.")
            fmt = level(rng, D + r"f(?![\w-])")
            mult = level(fmt, r"[*/%](?!=)")
            add = level(mult, r"\+(?![+=])|" + D + r"(?![A-Za-z=\-])")
            comparison = level(add, cmp_ops)
            bitwise = level(comparison, D + r"(?:band|bor|bxor|shl|shr)(?![\w-])")
            logical = level(bitwise, D + r"(?:and|or|xor)(?![\w-])")
            coalesce = level(logical, r"\?\?(?!=)")
            return (coalesce + Opt(Sup(_regex(r"\?(?![?.=\[])", 0)) + nls + expression + nls + Sup(
                _regex(r":(?!:)", 0)) + nls + expression)).set_parse_action(self._ternary)

        expression <<= chain(array_lit)
        arg_expression <<= chain(unary)

        # ---------------------------------------------------------- command mode
        redirection = (_regex(r"([1-6*])?(>>?)(&[1-6])?", 0) + pp.Opt(arg_list)).set_parse_action(
            self._redirection)
        redir_merge = _regex(r"[1-6*]>&[1-6]", 0).set_parse_action(self._redirection)
        term_ahead = pp.FollowedBy(_regex(r"[\s,;|)}&>]|$", 0).leave_whitespace()) | pp.StringEnd()
        arg_primary = (number | variable | string | subexpr | arrayexpr | hashtable | paren | script_block)
        arg_postfix = (arg_primary + ZM(member_op | index_op)).set_parse_action(self._postfix)
        expr_arg = (arg_postfix + term_ahead)
        bare = BareWord()
        argument = splat | expr_arg | bare
        arg_list <<= (argument + ZM(Sup(Lit(",")) + nls + argument)).set_parse_action(self._arg_list)
        parameter = (_regex(D + r"(?P<n>(?:[A-Za-z_?]|[^\x00-\xbf])[^\s:(){};,|&.\[\]'\"`<>]*)(?P<c>:)?", 0)
                     ).set_parse_action(self._param_token)
        param_with_arg = (_regex(D + r"(?:[A-Za-z_?]|[^\x00-\xbf])[^\s:(){};,|&.\[\]'\"`<>]*:", 0) + arg_list
                          ).set_parse_action(self._param_colon)
        element = redir_merge | redirection | param_with_arg | parameter | arg_list
        cmd_name = BareWord(command_name=True)
        invoke_target = (string + term_ahead) | (variable + term_ahead) | paren | script_block | subexpr | BareWord()
        command = (
            (_regex(r"&|\.(?=[\s{$('\"])", 0) + invoke_target + ZM(element)).set_parse_action(self._command_op)
            | (cmd_name + ZM(element)).set_parse_action(self._command)
        ).set_name("command")
        command_expr = (expression + ZM(redir_merge | redirection)).set_parse_action(self._command_expression)
        pipe = Sup(ZM(NL) + Lit("|") + ~Lit("|"))
        pipe_core = ((command_expr | command) + ZM(pipe + nls + command)).set_parse_action(self._pipeline)
        assign_op = _regex(r"(?:=|\+=|" + D + r"=|\*=|/=|%=|\?\?=)(?!=)", 0)
        # Only statements that look like assignments try the assignment rule: trying it on every
        # statement would parse each expression twice, and nested parentheses exponentially often.
        assign_gate = pp.FollowedBy(_regex(r"[$\[(][^\n|;]*?(?<![=!<>+\-*/%?\u2013])(?:=|\+=|" + D + r"=|\*=|/=|%=|\?\?=)"
                                           r"(?!=)", 0))
        var_attribute = pp.Forward()  # [ValidateNotNull()] before an assignment target; defined with attributes
        assignment = (assign_gate + pp.Group(ZM(var_attribute + nls)) + array_lit + assign_op + nls + statement
                      ).set_parse_action(self._assignment)
        chain = (pipe_core + ZM(_regex(r"&&|\|\|", 0) + nls + pipe_core)).set_parse_action(self._chain)
        pipeline <<= (assignment | chain)

        # ---------------------------------------------------------- statements
        def kw(word):
            return _regex(r"(?:" + word + r")(?![\w.\-])")

        block = (Lit("{") + statement_list + RB).set_parse_action(self._block)
        cond = Sup(Lit("(")) + nls + pipeline + nls + Sup(Lit(")"))

        if_stmt = (kw("if") + nls + cond + nls + block
                   + ZM(pp.Group(nls + Sup(kw("elseif")) + nls + cond + nls + block))
                   + Opt(pp.Group(nls + Sup(kw("else")) + nls + block))).set_parse_action(self._if)
        label = Opt(_regex(r":[A-Za-z_]\w*", 0))
        while_stmt = (label + kw("while") + nls + cond + nls + block).set_parse_action(self._while)
        do_stmt = (label + kw("do") + nls + block + nls + kw("while|until") + nls + cond).set_parse_action(
            self._do)
        for_part = Opt(pipeline, default=None)
        for_sep = Sup(OM(SEMI | NL))
        for_stmt = (label + kw("for") + nls + Sup(Lit("(")) + nls + for_part + nls + Opt(for_sep) + nls
                    + for_part + nls + Opt(for_sep) + nls + for_part + nls + Sup(Lit(")")) + nls + block
                    ).set_parse_action(self._for)
        foreach_stmt = (label + kw("foreach") + nls + Sup(Lit("(")) + nls + variable + nls + Sup(kw("in")) + nls
                        + pipeline + nls + Sup(Lit(")")) + nls + block).set_parse_action(self._foreach)
        switch_flag = _regex(D + r"(?:regex|wildcard|exact|casesensitive|file|parallel)(?![\w-])")
        switch_clause = pp.Group((kw("default") | script_block | argument) + nls + block)
        switch_stmt = (label + kw("switch") + ZM(switch_flag) + nls
                       + ((Sup(Lit("(")) + nls + pipeline + nls + Sup(Lit(")"))) | arg_list)
                       + nls + Sup(Lit("{")) + nls + ZM(switch_clause + ZM(sep | NL)) + nls + RB
                       ).set_parse_action(self._switch)
        # parameters and attributes
        attr_arg = (pp.Group(_regex(r"[A-Za-z_]\w*(?=\s*=)", 0) + Sup(Lit("=")) + nls + arg_expression)
                    | pp.Group(_regex(r"[A-Za-z_]\w*(?=\s*[,)\r\n])", 0))
                    | arg_expression)
        attribute = (Lit("[") + _regex(TYPE_BODY, 0) + Opt(Lit("(") + nls + Opt(
            attr_arg + ZM(Sup(Lit(",")) + nls + attr_arg)) + nls + Lit(")")) + Lit("]")
                     ).set_parse_action(self._attribute)
        var_attribute <<= (Lit("[") + _regex(TYPE_BODY, 0) + Lit("(") + nls + Opt(
            attr_arg + ZM(Sup(Lit(",")) + nls + attr_arg)) + nls + Lit(")") + Lit("]")
                           ).set_parse_action(self._attribute)
        param = (ZM(attribute + nls) + variable + Opt(nls + Sup(Lit("=")) + nls + arg_expression)
                 ).set_parse_action(self._parameter)
        param_list = Opt(param + ZM(nls + Sup(Lit(",")) + nls + param))
        param_block = (ZM(attribute + nls) + kw("param") + nls + Sup(Lit("(")) + nls + pp.Group(param_list)
                       + nls + Sup(Lit(")"))).set_parse_action(self._param_block)
        func_name = _regex(r"[^\s(){};,|&'\"$@<>#`]+", 0)
        func_params = Sup(Lit("(")) + nls + pp.Group(param_list) + nls + Sup(Lit(")"))
        function = (kw("function|filter|workflow") + nls + func_name + nls + Opt(func_params, default=None)
                    + nls + Lit("{") + sb_body + RB).set_parse_action(self._function)
        catch = pp.Group(Sup(kw("catch")) + pp.Group(Opt(type_literal + ZM(nls + Sup(Lit(",")) + nls
                                                                               + type_literal))) + nls + block)
        try_stmt = (kw("try") + nls + block + ZM(nls + catch) + Opt(pp.Group(nls + Sup(kw("finally")) + nls + block))
                    ).set_parse_action(self._try)
        trap = (kw("trap") + Opt(type_literal, default=None) + nls + block).set_parse_action(self._trap)
        flow_value = Opt(pipeline, default=None)
        flow = (kw("throw|return|exit") + flow_value).set_parse_action(self._flow)
        loop_ctl = (kw("break|continue") + Opt(argument, default=None)).set_parse_action(self._loop_ctl)
        using_stmt = (kw("using") + _regex(r"(?:namespace|module|assembly)(?![\w-])") + _regex(r"[^\s;]+", 0)
                      ).set_parse_action(lambda s, l, t: A.Using(l, l + len(" ".join(t)), t[1].lower(), t[2]))
        data_stmt = (kw("data") + nls + block).set_parse_action(lambda s, l, t: A.BlockStatement(l, t[-1].end, t[-1]))

        # type definitions: only statements that look like one ([attributes] enum|class Name) try these rules
        td_gate = pp.FollowedBy(_regex(r"(?:\[[^\[\]\n]*(?:\[[^\[\]\n]*\][^\[\]\n]*)*\]\s*)*(?:enum|class)"
                                       r"\s+[A-Za-z_]"))
        td_name = _regex(r"[A-Za-z_][\w.]*", 0)
        member_sep = Sup(SEMI | NL)
        enum_member = (_regex(r"[A-Za-z_]\w*", 0) + Opt(Sup(Lit("=")) + nls + expression)
                       ).set_parse_action(self._enum_member)
        enum_def = (ZM(attribute + nls) + kw("enum") + nls + td_name
                    + Opt(nls + Lit(":") + nls + _regex(r"[A-Za-z_][\w.]*", 0)) + nls + Lit("{")
                    + ZM(member_sep | enum_member) + RB).set_parse_action(self._enum_definition)
        modifier = _regex(r"(?:hidden|static)(?![\w.\-])")
        prop_tail = (variable + Opt(Sup(Lit("=")) + nls + pipeline)).set_parse_action(self._property_tail)
        base_args = pp.Group(Sup(Lit("(")) + nls + Opt(arg_expression + ZM(Sup(Lit(",")) + nls + arg_expression))
                             + nls + Sup(Lit(")")))
        base_call = Sup(Lit(":")) + nls + Sup(kw("base")) + nls + base_args
        method_tail = (_regex(r"[A-Za-z_]\w*(?=\s*\()", 0) + func_params + nls + Opt(base_call, default=None)
                       + nls + block).set_parse_action(self._method_tail)
        class_member = (ZM((attribute | modifier) + nls) + (prop_tail | method_tail)
                        ).set_parse_action(self._class_member)
        class_bases = pp.Group(Opt(nls + Sup(Lit(":")) + nls + _regex(TYPE_BODY, 0)
                                   + ZM(nls + Sup(Lit(",")) + nls + _regex(TYPE_BODY, 0))))
        class_def = (ZM(attribute + nls) + kw("class") + nls + td_name + class_bases + nls + Lit("{")
                     + ZM(member_sep | class_member) + RB).set_parse_action(self._class_definition)
        type_def = td_gate + (enum_def | class_def)
        # an enum/class keyword that starts no definition: pwsh's parse errors, not a command named 'class'
        td_unnamed = _regex(r"(?:class|enum)(?![\w.\-])(?=[ \t]*(?:$|[;\r\n{}]))"
                            ).set_parse_action(self._type_without_name)
        td_bodiless = _regex(r"(?:class|enum)[ \t]+[A-Za-z_][\w.]*(?:[ \t]*:[ \t]*[\w.]+)?(?![\w.])(?!\s*[{:])"
                             ).set_parse_action(self._type_without_body)

        stmt_end = pp.FollowedBy(_regex(r"[;\r\n})]", 0)) | pp.StringEnd()
        statement <<= (if_stmt | foreach_stmt | for_stmt | while_stmt | do_stmt | switch_stmt | try_stmt
                       | function | trap | flow | loop_ctl | data_stmt | using_stmt | type_def | td_unnamed | td_bodiless
                       | (pipeline + stmt_end))
        statement_list <<= (ZM(sep | statement)).set_parse_action(self._statement_list)

        named_block = pp.Group(kw("begin|process|end|dynamicparam") + nls + Lit("{") + statement_list + RB)
        named_blocks = OM(ZM(sep) + named_block) + ZM(sep)
        sb_body <<= (ZM(sep) + Opt(param_block, default=None) + (named_blocks | statement_list)
                     ).set_parse_action(self._sb_body)
        self.sb_body = sb_body
        self.script = sb_body + pp.StringEnd()
        Expander.subparse = self._subparse
        self.terminals: list[pp.ParserElement] = []

    # ------------------------------------------------------------------ sub-parse for "$(...)"
    def _subparse(self, s: str, start: int, close: int) -> A.StatementBlock:
        from .errors import PSParseError
        try:
            loc, toks = self.statement_list._parse(s, start)
        except pp.ParseException as e:
            raise PSParseError("Unexpected token in subexpression.", e.loc) from None
        loc = self.statement_list.preParse(s, loc)
        if loc != close:
            raise PSParseError("Missing closing ')' in subexpression.", close, "MissingEndParenthesisInSubexpression")
        block = toks[0]
        return block
