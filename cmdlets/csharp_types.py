"""Add-Type -TypeDefinition for the C# that admin scripts write: plain data types.

Scripts declare a record type in C# to collect report rows (``public class MFAUserData {
public string UPN; public string Methods; }``). o365shell has no C# compiler, but such a type
is a PowerShell class in other clothes, so this module translates it: public classes (with an
optional base class) holding public fields and auto-properties (``{ get; set; }``) with
optional initial values, and public enums, inside an optional namespace. Anything with code in
it (methods, constructors, attributes, generics other than collection types) is refused with
:class:`UnsupportedSource`, and Add-Type reports that it cannot compile it."""
from __future__ import annotations

import re

#: C# keyword types and the PowerShell type names they stand for.
_KEYWORD_TYPES = {
    "string": "string", "int": "int", "long": "long", "short": "int16", "byte": "byte", "sbyte": "sbyte",
    "uint": "uint32", "ulong": "uint64", "ushort": "uint16", "bool": "bool", "double": "double",
    "float": "single", "decimal": "decimal", "char": "char", "object": "object", "DateTime": "datetime",
    "TimeSpan": "timespan", "Guid": "guid",
}
_IDENT = r"[A-Za-z_][A-Za-z0-9_]*"
_TYPE = rf"{_IDENT}(?:\.{_IDENT})*(?:<[^;{{}}()]*?>)?(?:\[\])*\??"
_MODIFIERS = r"(?:(?:public|internal|sealed|partial|static)\s+)*"
_CLASS_HEAD = re.compile(rf"{_MODIFIERS}(class|struct|enum)\s+({_IDENT})\s*(?::\s*({_IDENT}(?:\.{_IDENT})*))?\s*\{{")
_NAMESPACE_BLOCK = re.compile(rf"namespace\s+({_IDENT}(?:\.{_IDENT})*)\s*\{{")
_NAMESPACE_FILE = re.compile(rf"namespace\s+({_IDENT}(?:\.{_IDENT})*)\s*;")
_FIELD = re.compile(rf"public\s+(?:readonly\s+)?({_TYPE})\s+({_IDENT}(?:\s*=\s*[^,;]+)?(?:\s*,\s*{_IDENT}(?:\s*=\s*[^,;]+)?)*)\s*;")
_PROPERTY = re.compile(rf"public\s+({_TYPE})\s+({_IDENT})\s*\{{\s*get\s*;\s*(?:(?:private\s+|internal\s+)?set\s*;\s*)?\}}"
                       r"(?:\s*=\s*([^;]+);)?")
_ENUM_MEMBER = re.compile(rf"^\s*({_IDENT})\s*(?:=\s*(-?(?:0x[0-9A-Fa-f]+|\d+)))?\s*$")


class UnsupportedSource(Exception):
    """The C# needs a compiler: it has code, not only data declarations."""


class TypeDecl:
    """One translated type: its simple and full (namespace-qualified) names and PowerShell source."""

    __slots__ = ("full_name", "name", "source")

    def __init__(self, name: str, full_name: str, source: str) -> None:
        self.name = name
        self.full_name = full_name
        self.source = source


def translate(code: str) -> list[TypeDecl]:
    """The PowerShell class/enum definitions equivalent to C# data declarations."""
    text = _strip(code)
    namespace = ""
    m = _NAMESPACE_FILE.search(text)
    if m:
        namespace = m.group(1)
        text = text[:m.start()] + text[m.end():]
    else:
        m = _NAMESPACE_BLOCK.search(text)
        if m:
            namespace = m.group(1)
            close = _matching_brace(text, m.end() - 1)
            text = text[:m.start()] + text[m.end():close] + text[close + 1:]
    decls: list[TypeDecl] = []
    pos = 0
    while True:
        m = _CLASS_HEAD.search(text, pos)
        if m is None:
            if text[pos:].strip():
                raise UnsupportedSource(text[pos:].strip()[:40])
            break
        if text[pos:m.start()].strip():
            raise UnsupportedSource(text[pos:m.start()].strip()[:40])
        kind, name, base = m.group(1), m.group(2), m.group(3)
        close = _matching_brace(text, m.end() - 1)
        body = text[m.end():close]
        full = f"{namespace}.{name}" if namespace else name
        source = _enum(name, body) if kind == "enum" else _class(name, base, body)
        decls.append(TypeDecl(name, full, source))
        pos = close + 1
    if not decls:
        raise UnsupportedSource("no type")
    return decls


def _strip(code: str) -> str:
    code = re.sub(r"/\*.*?\*/", " ", code, flags=re.S)
    code = re.sub(r"//[^\n]*", " ", code)
    return re.sub(rf"^\s*using\s+{_IDENT}(?:\.{_IDENT})*\s*;", " ", code, flags=re.M)


def _matching_brace(text: str, start: int) -> int:
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise UnsupportedSource("unbalanced braces")


def _class(name: str, base: str | None, body: str) -> str:
    members: list[tuple[int, str]] = []  # (position in the body, PowerShell member): declaration order
    for m in _PROPERTY.finditer(body):
        members.append((m.start(), _member(m.group(1), m.group(2), m.group(3))))
    rest = _PROPERTY.sub(lambda m: " " * len(m.group(0)), body)
    for m in _FIELD.finditer(rest):
        for i, decl in enumerate(m.group(2).split(",")):
            field, _, value = decl.partition("=")
            members.append((m.start() + i, _member(m.group(1), field.strip(), value.strip() or None)))
    rest = _FIELD.sub(" ", rest)
    if rest.strip():
        raise UnsupportedSource(rest.strip()[:40])
    head = f"class {name} : {base}" if base else f"class {name}"
    return head + " {\n" + "\n".join(text for _pos, text in sorted(members)) + "\n}"


def _enum(name: str, body: str) -> str:
    members = []
    for item in body.split(","):
        if not item.strip():
            continue
        m = _ENUM_MEMBER.match(item)
        if m is None:
            raise UnsupportedSource(item.strip()[:40])
        members.append(m.group(1) + (f" = {int(m.group(2), 0)}" if m.group(2) else ""))
    return f"enum {name} {{\n" + "\n".join(members) + "\n}"


def _member(ctype: str, name: str, value: str | None) -> str:
    line = f"[{ps_type(ctype)}]${name}"
    return line + (f" = {_literal(value)}" if value is not None else "")


def ps_type(ctype: str) -> str:
    """A C# type as a PowerShell type name (``List<string>`` -> ``System.Collections.Generic.List[string]``)."""
    nullable = ctype.endswith("?")
    ctype = ctype.rstrip("?")
    arrays = ""
    while ctype.endswith("[]"):
        ctype, arrays = ctype[:-2], arrays + "[]"
    m = re.fullmatch(rf"({_IDENT}(?:\.{_IDENT})*)<(.+)>", ctype)
    if m:
        outer = m.group(1)
        if "." not in outer:
            outer = "System.Collections.Generic." + outer
        args = ",".join(ps_type(a.strip()) for a in _split_args(m.group(2)))
        name = f"{outer}[{args}]"
    else:
        name = _KEYWORD_TYPES.get(ctype, ctype)
    if nullable:
        name = f"Nullable[{name}]"
    return name + arrays


def _split_args(text: str) -> list[str]:
    out, depth, cur = [], 0, ""
    for c in text:
        if c == "," and depth == 0:
            out.append(cur)
            cur = ""
            continue
        depth += c == "<"
        depth -= c == ">"
        cur += c
    return out + [cur]


def _literal(value: str) -> str:
    v = value.strip()
    if v in ("true", "false", "null"):
        return "$" + v
    if re.fullmatch(r'@?"(?:[^"\\]|\\.)*"', v):
        inner = v[2:-1] if v.startswith("@") else v[1:-1]
        inner = bytes(inner, "utf-8").decode("unicode_escape") if not v.startswith("@") else inner
        return "'" + inner.replace("'", "''") + "'"
    if re.fullmatch(r"-?\d+(\.\d+)?[mMdDfFlL]?", v):
        return v.rstrip("mMdDfFlL")
    raise UnsupportedSource(v[:40])
