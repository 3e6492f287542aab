"""Parse actions of the PowerShell grammar: each turns the tokens pyparsing matched for one
production into ``ast`` nodes. ``Grammar`` (in ``grammar``) inherits them from ``AstBuilder``.
"""
from __future__ import annotations

import re

import pyparsing as pp

from . import ast as A
from .lexical import op_text
from .typenames import parse_type_name


class AstBuilder:
    """The parse actions the grammar's productions call, one per node kind."""

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
        op = op_text(t[0])
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
        attrs = list(t[0])
        op = t[2]
        if op[0] in "\u2013\u2014\u2015":
            op = "-" + op[1:]
        return A.Assignment(l, t[3].end, t[1], op, t[3], attrs)

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
        i = next(i for i, a in enumerate(t) if isinstance(a, A.Variable))
        var = t[i]
        default = t[i + 1] if len(t) > i + 1 else None  # the default may itself be a variable ($true, $HOME)
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
