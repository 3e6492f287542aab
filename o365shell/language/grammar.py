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
from .lexical import NUMBER_RE
from .tokens import BareWord, DoubleQuotedString, Expander, HereString, SingleQuotedString

D = "[-\u2013\u2014\u2015]"  # the dashes PowerShell accepts as '-'


class End(int):
    """The offset just after a closing token, passed up to the production that owns it."""


def _regex(pattern: str, flags: int = re.I) -> pp.Regex:
    return pp.Regex(pattern, flags)


def _op_text(text: str) -> str:
    """Operator text as the AST spells it: lower case, word operators without their dash."""
    t = text.lower()
    if t[0] in "-\u2013\u2014\u2015":
        return t[1:] if len(t) > 1 and t[1].isalpha() else "-" + t[1:]
    return t


def _op(pattern: str) -> pp.Regex:
    """An operator token whose parse result is its ``_op_text``."""
    r = _regex(pattern)
    r.set_parse_action(lambda s, l, t: _op_text(t[0]))
    return r


def _closer(ch: str) -> pp.Regex:
    r = pp.Regex(re.escape(ch))
    r.set_parse_action(lambda s, l, t: End(l + len(ch)))
    return r


def parse_type_name(text: str, start: int = 0) -> A.TypeName:
    """``System.Collections.Generic.List[string]`` / ``int[]`` -> TypeName."""
    text = text.strip()
    rank = 0
    while text.endswith("[]"):
        rank += 1
        text = text[:-2].rstrip()
    args: list[A.TypeName] = []
    if text.endswith("]") and "[" in text:
        i = text.index("[")
        inner = text[i + 1:-1]
        text = text[:i]
        depth = 0
        cur = []
        for ch in inner:
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
            if ch == "," and depth == 0:
                args.append(parse_type_name("".join(cur), start))
                cur = []
            else:
                cur.append(ch)
        if cur:
            args.append(parse_type_name("".join(cur), start))
    return A.TypeName(start, start + len(text), text.strip(), args, rank)


_NAME0 = r"[A-Za-z_][\w.`+]*"
_RANK = r"(?:\[\s*(?:,\s*)*\])"
_INNER = (_NAME0 + r"(?:\[\s*" + _NAME0 + _RANK + r"*(?:\s*,\s*" + _NAME0 + _RANK + r"*)*\s*\])?"
          + _RANK + "*")
TYPE_BODY = _NAME0 + r"(?:\[\s*" + _INNER + r"(?:\s*,\s*" + _INNER + r")*\s*\])?" + _RANK + "*"


class Grammar:
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
        assignment = (assign_gate + array_lit + assign_op + nls + statement).set_parse_action(self._assignment)
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

        stmt_end = pp.FollowedBy(_regex(r"[;\r\n})]", 0)) | pp.StringEnd()
        statement <<= (if_stmt | foreach_stmt | for_stmt | while_stmt | do_stmt | switch_stmt | try_stmt
                       | function | trap | flow | loop_ctl | data_stmt | using_stmt | (pipeline + stmt_end))
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

    # ------------------------------------------------------------------ parse actions
    @staticmethod
    def _number(s, l, t):
        from .lexical import NUMBER_RE as R, number_value
        text = t[0]
        m = R.fullmatch(text)
        v = number_value(m) if m else None
        if v is None:
            raise pp.ParseException(s, l, "bad number")
        return A.Constant(l, l + len(text), v[0], text, v[1])

    @staticmethod
    def _variable(s, l, t):
        text = t[0]
        body = text[1:]
        if body.startswith("{"):
            body = re.sub(r"`(.)", r"\1", body[1:-1])
        scope = None
        if ":" in body and not body.startswith(":"):
            scope, _, body = body.partition(":")
        return A.Variable(l, l + len(text), body, scope)

    @staticmethod
    def _splat(s, l, t):
        body = t[0][1:]
        scope = None
        if ":" in body:
            scope, _, body = body.partition(":")
        return A.Variable(l, l + len(t[0]), body, scope, splat=True)

    @staticmethod
    def _type_literal(s, l, t):
        inner = t[1] if len(t) > 1 else t[0][1:-1]
        return A.TypeLiteral(l, l + len(t[0]), parse_type_name(inner, l + 1))

    @staticmethod
    def _paren(s, l, t):
        return A.Paren(l, t[-1], t[1])

    @staticmethod
    def _subexpr(s, l, t):
        return A.SubExpression(l, t[-1], t[1])

    @staticmethod
    def _arrayexpr(s, l, t):
        return A.ArrayExpression(l, t[-1], t[1])

    @staticmethod
    def _hashtable(s, l, t):
        pairs = [(g[0], g[1]) for g in t[1:-1]]
        return A.Hashtable(l, t[-1], pairs)

    @staticmethod
    def _script_block_expr(s, l, t):
        sb = t[1]
        end = t[-1]
        sb.start, sb.end = l, end
        sb.text = s[l + 1:end - 1]
        return A.ScriptBlockExpr(l, end, sb)

    @staticmethod
    def _invoke_args(s, l, t):
        return [("()", list(t[1:-1]), t[-1])]

    @staticmethod
    def _member_op(s, l, t):
        op, name = t[0], t[1]
        call = t[2] if len(t) > 2 else None
        return [("member", op, name, call, l)]

    @staticmethod
    def _index_op(s, l, t):
        return [("index", t[0], t[1], t[-1])]

    @staticmethod
    def _postfix(s, l, t):
        node = t[0]
        for op in t[1:]:
            kind = op[0]
            if kind == "member":
                _, o, name, call, _loc = op
                static = o == "::"
                nullc = o == "?."
                if call is not None:
                    node = A.InvokeMember(node.start, call[2], node, name, call[1], static, nullc)
                else:
                    node = A.Member(node.start, name.end, node, name, static, nullc)
            elif kind == "index":
                node = A.Index(node.start, op[3], node, op[2], op[1] == "?[")
            elif kind == "++":
                node = A.PostfixIncrement(node.start, node.end + 2, op[1], node)
        return node

    @staticmethod
    def _cast(s, l, t):
        return A.Convert(l, t[1].end, t[0].type, t[1])

    @staticmethod
    def _unary(s, l, t):
        op = _op_text(t[0])
        operand = t[1]
        if op == "-" and isinstance(operand, A.Constant) and not isinstance(operand.value, bool):
            v = -operand.value  # type: ignore[operator]
            typ = operand.type_name
            if typ == "Int64" and v == -2 ** 31:
                typ = "Int32"
            return A.Constant(l, operand.end, v, "-" + operand.text, typ)
        return A.Unary(l, operand.end, op, operand)

    @staticmethod
    def _binary(s, l, t):
        node = t[0]
        i = 1
        while i < len(t):
            op, right = t[i], t[i + 1]
            node = A.Binary(node.start, right.end, op, node, right)
            i += 2
        return node

    @staticmethod
    def _array_literal(s, l, t):
        if len(t) == 1:
            return t[0]
        return A.ArrayLiteral(t[0].start, t[-1].end, list(t))

    @staticmethod
    def _ternary(s, l, t):
        if len(t) == 1:
            return t[0]
        return A.Ternary(t[0].start, t[2].end, t[0], t[1], t[2])

    @staticmethod
    def _redirection(s, l, t):
        text = t[0]
        m = re.fullmatch(r"([1-6*])?(>>?)(?:&([1-6]))?", text)
        stream = (m.group(1) or "1")
        append = m.group(2) == ">>"
        if m.group(3):
            return A.Redirection(l, l + len(text), stream, False, None, m.group(3))
        target = t[1] if len(t) > 1 else None
        if target is None:
            raise pp.ParseException(s, l + len(text), "Missing file specification after redirection operator.")
        return A.Redirection(l, target.end, stream, append, target)

    @staticmethod
    def _arg_list(s, l, t):
        if len(t) == 1:
            return t[0]
        return A.ArrayLiteral(t[0].start, t[-1].end, list(t))

    @staticmethod
    def _param_token(s, l, t):
        text = t[0]
        name = text[1:].rstrip(":")
        return A.CommandParameter(l, l + len(text), name, None, text)

    @staticmethod
    def _param_colon(s, l, t):
        text = t[0]
        return A.CommandParameter(l, t[1].end, text[1:-1], t[1], text)

    @staticmethod
    def _split_elements(elems):
        elements, redirs = [], []
        for e in elems:
            (redirs if isinstance(e, A.Redirection) else elements).append(e)
        return elements, redirs

    def _command(self, s, l, t):
        elements, redirs = self._split_elements(t[1:])
        end = max([t[0].end] + [e.end for e in t[1:]])
        return A.Command(l, end, t[0], elements, None, redirs)

    def _command_op(self, s, l, t):
        op = t[0]
        elements, redirs = self._split_elements(t[2:])
        end = max([t[1].end] + [e.end for e in t[2:]])
        return A.Command(l, end, t[1], elements, op, redirs)

    @staticmethod
    def _command_expression(s, l, t):
        redirs = list(t[1:])
        end = max([t[0].end] + [r.end for r in redirs])
        return A.CommandExpression(l, end, t[0], redirs)

    @staticmethod
    def _pipeline(s, l, t):
        return A.Pipeline(l, t[-1].end, list(t))

    @staticmethod
    def _chain(s, l, t):
        if len(t) == 1:
            return t[0]
        node = t[0]
        i = 1
        while i < len(t):
            node = A.Binary(node.start, t[i + 1].end, t[i], node, t[i + 1])  # type: ignore[arg-type]
            i += 2
        return A.Pipeline(node.start, node.end, [A.CommandExpression(node.start, node.end, node, [])])

    @staticmethod
    def _assignment(s, l, t):
        op = t[1]
        if op[0] in "\u2013\u2014\u2015":
            op = "-" + op[1:]
        return A.Assignment(l, t[2].end, t[0], op, t[2])

    @staticmethod
    def _block(s, l, t):
        b = t[1]
        b.start, b.end = l, t[-1]
        return b

    @staticmethod
    def _if(s, l, t):
        clauses = [(t[1], t[2])]
        else_body = None
        for g in t[3:]:
            if len(g) == 2:
                clauses.append((g[0], g[1]))
            else:
                else_body = g[0]
        last = else_body or clauses[-1][1]
        return A.If(l, last.end, clauses, else_body)

    @staticmethod
    def _label(t):
        if isinstance(t[0], str) and t[0].startswith(":"):
            return t[0][1:], list(t[1:])
        return None, list(t)

    def _while(self, s, l, t):
        label, t = self._label(t)
        return A.While(l, t[-1].end, label, t[1], t[2])

    def _do(self, s, l, t):
        label, t = self._label(t)
        return A.DoLoop(l, t[3].end, label, t[1], t[3], t[2].lower() == "until")

    def _for(self, s, l, t):
        label, t = self._label(t)
        return A.For(l, t[4].end, label, t[1], t[2], t[3], t[4])

    def _foreach(self, s, l, t):
        label, t = self._label(t)
        return A.ForEach(l, t[3].end, label, t[1], t[2], t[3])

    def _switch(self, s, l, t):
        label, t = self._label(t)
        flags = []
        i = 1
        while isinstance(t[i], str):
            flags.append(t[i].lower().lstrip("-\u2013\u2014\u2015"))
            i += 1
        subject = t[i]
        file_expr = None
        if "file" in flags:
            file_expr = subject.expr if isinstance(subject, A.CommandExpression) else subject
            subject = None
        elif not isinstance(subject, A.Statement):
            subject = A.Pipeline(subject.start, subject.end, [A.CommandExpression(subject.start, subject.end,
                                                                                   subject, [])])
        clauses, default = [], None
        for g in t[i + 1:-1]:
            pat, body = g[0], g[1]
            if isinstance(pat, str):
                default = body
            else:
                clauses.append((pat, body))
        return A.Switch(l, t[-1], label, flags, subject, file_expr, clauses, default)

    @staticmethod
    def _attribute(s, l, t):
        name = t[1]
        if len(t) == 3:  # [type] without parentheses: a type constraint
            return A.Attribute(l, t[-1] and l, name, [], [], True, parse_type_name(name, l + 1))
        positional, named = [], []
        for a in t[3:-2]:
            if isinstance(a, pp.ParseResults):
                if len(a) == 2:
                    named.append((a[0], a[1]))
                else:
                    named.append((a[0], None))
            else:
                positional.append(a)
        return A.Attribute(l, l, name, positional, named, False, None)

    @staticmethod
    def _parameter(s, l, t):
        attrs = [a for a in t if isinstance(a, A.Attribute)]
        var = next(a for a in t if isinstance(a, A.Variable))
        default = t[-1] if not isinstance(t[-1], (A.Variable, A.Attribute)) else None
        return A.Parameter(l, (default or var).end, var.name, attrs, default)

    @staticmethod
    def _param_block(s, l, t):
        attrs = [a for a in t if isinstance(a, A.Attribute)]
        params = list(t[-1])
        return A.ParamBlock(l, l, attrs, params)

    @staticmethod
    def _function(s, l, t):
        kind = t[0].lower()
        name = t[1]
        params = t[2]
        sb: A.ScriptBlock = t[4]
        end = t[5]
        body_start = _find_open_brace(s, l, end)
        sb.start, sb.end = body_start, end
        sb.text = s[body_start + 1:end - 1]
        if params is not None:
            sb.param_block = A.ParamBlock(l, l, [], list(params))
        sb.is_filter = kind == "filter"
        return A.FunctionDefinition(l, end, name, sb, kind == "filter")

    @staticmethod
    def _try(s, l, t):
        body = t[1]
        catches, fin = [], None
        for g in t[2:]:
            if len(g) == 2:
                types = [tl.type for tl in g[0]]
                catches.append(A.CatchClause(g[1].start, g[1].end, types, g[1]))
            else:
                fin = g[0]
        end = (fin or (catches[-1].body if catches else body)).end
        return A.Try(l, end, body, catches, fin)

    @staticmethod
    def _trap(s, l, t):
        typ = t[1].type if t[1] is not None else None
        return A.Trap(l, t[2].end, typ, t[2])

    @staticmethod
    def _flow(s, l, t):
        kw = t[0].lower()
        val = t[1]
        end = val.end if val is not None else l + len(kw)
        cls = {"throw": A.Throw, "return": A.Return, "exit": A.Exit}[kw]
        return cls(l, end, val)

    @staticmethod
    def _loop_ctl(s, l, t):
        kw = t[0].lower()
        lab = t[1]
        end = lab.end if lab is not None else l + len(kw)
        return (A.Break if kw == "break" else A.Continue)(l, end, lab)

    @staticmethod
    def _statement_list(s, l, t):
        stmts = [x for x in t if isinstance(x, A.Statement)]
        traps = [x for x in stmts if isinstance(x, A.Trap)]
        end = stmts[-1].end if stmts else l
        return A.StatementBlock(l, end, stmts, traps)

    @staticmethod
    def _sb_body(s, l, t):
        items = [x for x in t if not isinstance(x, str)]
        pb = items[0]
        rest = items[1:]
        if rest and isinstance(rest[0], A.StatementBlock):
            return A.ScriptBlock(l, l, pb, None, None, rest[0], unnamed=True)
        blocks: dict[str, A.StatementBlock] = {}
        for g in rest:
            name = g[0].lower()
            blk = g[2]
            blk.start, blk.end = blk.start, g[3]
            blocks[name] = blk
        return A.ScriptBlock(l, l, pb, blocks.get("begin"), blocks.get("process"), blocks.get("end"),
                             blocks.get("dynamicparam"), unnamed=False)


def _find_open_brace(s: str, start: int, end: int) -> int:
    """Offset of the '{' that opens the function body ending at ``end``."""
    from .lexical import skip_group
    i = start
    while i < end:
        c = s[i]
        if c == "(":
            j = skip_group(s, i)
            if j > 0:
                i = j
                continue
        elif c == "{" and skip_group(s, i, "{", "}") == end:
            return i
        i += 1
    return start
