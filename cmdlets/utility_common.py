"""Shared helpers for the Microsoft.PowerShell.Utility cmdlets: property expressions
(names with wildcards, script blocks and calculated-property hashtables whose keys match by
unique prefix), pwsh's ObjectCommandComparer, file paths and text encodings.

No cmdlets live here; utility*.py modules import it.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from o365shell.engine.conversion import dotnet_string, to_string
from o365shell.engine.errors import ErrorCategory, PSArgumentException
from o365shell.engine.netlib.exceptions import DotNetException
from o365shell.engine.netlib.strings import culture_compare
from o365shell.engine.netlib.wildcard import compile_wildcard, has_wildcard
from o365shell.engine.objects import MISSING, PSCustomObject, get_member, property_names
from o365shell.engine.pscollections import Hashtable
from o365shell.engine.scriptblock import ScriptBlock

# ----------------------------------------------------------------------------- property expressions

class PropExpr:
    """One entry of -Property: a name (maybe a wildcard pattern) or a script block, with the
    extra keys of a calculated property (Name/Label, Ascending, Descending)."""

    __slots__ = ("expr", "extra", "name")

    def __init__(self, expr: Any, name: str | None = None, extra: dict[str, Any] | None = None) -> None:
        self.expr = expr
        self.name = name
        self.extra = extra or {}

    @property
    def is_script(self) -> bool:
        return isinstance(self.expr, ScriptBlock)

    @property
    def has_wildcard(self) -> bool:
        return isinstance(self.expr, str) and has_wildcard(self.expr)

    def text(self) -> str:
        """How pwsh names the expression (the property name, or the script block's text)."""
        return self.expr.ToString() if self.is_script else self.expr

    def resolve(self, obj: Any) -> list[PropExpr]:
        """The expression expanded against one object (wildcards -> matching property names)."""
        if not self.has_wildcard:
            return [self]
        match = compile_wildcard(self.expr)
        return [PropExpr(n, self.name, self.extra) for n in object_property_names(obj) if match(n)]

    def values(self, obj: Any) -> list[tuple[Any, BaseException | None]]:
        """[(value, error)] for one object: [] when a named property does not exist."""
        out: list[tuple[Any, BaseException | None]] = []
        for r in self.resolve(obj):
            if r.is_script:
                try:
                    out.append((r.expr.invoke_as_filter(obj), None))
                except DotNetException as e:
                    out.append((None, e))
            else:
                v = get_member(obj, r.expr) if obj is not None else MISSING
                if v is not MISSING:
                    out.append((v, None))
        return out


def object_property_names(obj: Any) -> list[str]:
    """Property names in the object's own order (what `Select-Object *` sees)."""
    if obj is None:
        return []
    try:
        return property_names(obj)
    except Exception:  # noqa: BLE001 - exotic objects simply have no properties
        return []


_NAME_KEYS = ("name", "label")


def parse_properties(cmd: Any, values: Any, keys: Iterable[str]) -> list[PropExpr]:
    """Turn a -Property argument into PropExprs. ``keys`` are the hashtable keys allowed besides
    'expression' ('name' allows 'label' too); a bad hashtable is a terminating error."""
    allowed = ["expression"] + [k for k in keys]
    if "name" in allowed:
        allowed.append("label")
    out: list[PropExpr] = []
    for v in _items(values):
        if isinstance(v, ScriptBlock):
            out.append(PropExpr(v))
        elif isinstance(v, (Hashtable, dict)):
            out.append(_parse_hashtable(cmd, v, allowed))
        elif v is None:
            raise cmd.error("The value of a parameter was null; one of the following types was expected: "
                            "{System.String, System.Management.Automation.ScriptBlock}.",
                            "DictionaryKeyNullError", ErrorCategory.InvalidArgument, None, PSArgumentException)
        else:
            out.append(PropExpr(to_string(v)))
    return out


def _items(values: Any) -> list:
    if values is None:
        return []
    if isinstance(values, (list, tuple)):
        return list(values)
    return [values]


def _parse_hashtable(cmd: Any, h: Any, allowed: list[str]) -> PropExpr:
    found: dict[str, tuple[str, Any]] = {}
    for k, val in h.items():
        if not isinstance(k, str):
            raise _bad(cmd, f"The {to_string(k)} key type is not valid. The key must be a string.",
                       "DictionaryKeyNonStringError")
        low = k.lower()
        cands = [a for a in allowed if a.startswith(low)] if low else []
        if low in allowed:
            cands = [low]
        if not cands:
            raise _bad(cmd, f"The {k} key is not valid.", "DictionaryKeyIllegal")
        if len(cands) > 1:
            raise _bad(cmd, f"The {k} key is ambiguous; {cands[0]} and {cands[1]} conflict.",
                       "DictionaryKeyAmbiguous")
        canon = cands[0]
        slot = "name" if canon in _NAME_KEYS else canon
        if slot in found:
            raise _bad(cmd, f'The duplicated key "{k}" conflicts with "{found[slot][0]}".', "DictionaryKeyDuplicate")
        found[slot] = (k, val)
    if "expression" not in found:
        raise _bad(cmd, "A mandatory entry for expression is missing.", "DictionaryKeyMandatoryEntry")
    key, expr = found["expression"]
    if isinstance(expr, ScriptBlock):
        pass
    elif isinstance(expr, str):
        if expr == "":
            raise _bad(cmd, f'The "{key}" key cannot have an empty string value.', "ExpressionEmptyString")
    else:
        from o365shell.engine.types import type_of
        tn = "null" if expr is None else type_of(expr).FullName
        raise _bad(cmd, f'The "{key}" key has a type, {tn}, that is not valid; expected types are '
                        "{System.String, System.Management.Automation.ScriptBlock}.", "DictionaryKeyIllegalType")
    name = None
    if "name" in found:
        nk, nv = found["name"]
        if not isinstance(nv, str):
            from o365shell.engine.types import type_of
            tn = "null" if nv is None else type_of(nv).FullName
            raise _bad(cmd, f'The "{nk}" key has a type, {tn}, that is not valid; expected type is System.String.',
                       "DictionaryKeyIllegalType")
        name = nv
    extra = {k: v[1] for k, v in found.items() if k not in ("expression", "name")}
    return PropExpr(expr, name, extra)


def _bad(cmd: Any, msg: str, error_id: str) -> Exception:
    return cmd.error(msg, error_id, ErrorCategory.InvalidArgument, None, PSArgumentException)


def net_string(v: Any) -> str | None:
    """A value's .NET ToString() — what Export-Csv writes and Get-Member shows for a note property
    (arrays give their type name, dates the en-US form); None stays None."""
    if v is None:
        return None
    try:
        return dotnet_string(v)
    except Exception:  # noqa: BLE001 - pwsh treats an unreadable value as null
        return None


# ----------------------------------------------------------------------------- comparison

def compare_values(a: Any, b: Any, case_sensitive: bool = False) -> int:
    """pwsh's ObjectCommandComparer: compare b converted to a's type; objects that cannot be
    compared are compared as strings (culture order, case-insensitive unless asked)."""
    if a is None and b is None:
        return 0
    ta = type(a)
    if ta is str and type(b) is str:
        return culture_compare(a, b, not case_sensitive)
    if ta is str and b is not None:
        return culture_compare(a, to_string(b), not case_sensitive)
    try:
        from o365shell.engine.comparison import compare as _compare
    except ImportError:  # the engine before comparison.py was split out of operators.py
        from o365shell.engine.operators import _compare  # type: ignore[attr-defined,no-redef]
    try:
        r = _compare(a, b, not case_sensitive)
    except Exception:  # noqa: BLE001 - not IComparable: fall back to the string forms
        return culture_compare(to_string(a), to_string(b), not case_sensitive)
    return (r > 0) - (r < 0)


class KeyedEntry:
    """An input object and the values of the -Property expressions for it (pwsh's OrderByPropertyEntry)."""

    __slots__ = ("index", "obj", "values")

    def __init__(self, obj: Any, values: list[tuple[bool, Any]], index: int) -> None:
        self.obj = obj
        self.values = values        # (exists, value) per key
        self.index = index


def make_entry(cmd: Any, obj: Any, exprs: list[PropExpr] | None, index: int) -> KeyedEntry:
    """Evaluate the sort/group/compare keys for one object (errors in a script block are written)."""
    if not exprs:
        return KeyedEntry(obj, [(True, obj)], index)
    vals: list[tuple[bool, Any]] = []
    for ex in exprs:
        res = ex.values(obj)
        if not res:
            vals.append((False, None))
            continue
        for v, err in res:
            if err is not None:
                cmd.write_error(err, "ExpressionEvaluation", ErrorCategory.InvalidResult, obj)
                vals.append((True, None))
            else:
                vals.append((True, v))
    return KeyedEntry(obj, vals, index)


def entry_comparer(ascending: list[bool], default_ascending: bool, case_sensitive: bool) -> Any:
    """cmp(a, b) over KeyedEntries: key by key; missing properties sort last whatever the direction."""
    def cmp(x: KeyedEntry, y: KeyedEntry) -> int:
        n = max(len(x.values), len(y.values))
        for k in range(n):
            ex, vx = x.values[k] if k < len(x.values) else (False, None)
            ey, vy = y.values[k] if k < len(y.values) else (False, None)
            if ex and ey:
                r = compare_values(vx, vy, case_sensitive)
                asc = ascending[k] if k < len(ascending) else default_ascending
                if not asc:
                    r = -r
            elif ex:
                r = -1
            elif ey:
                r = 1
            else:
                r = 0
            if r:
                return r
        return 0
    return cmp


def expand_wildcards(exprs: list[PropExpr], objects: list[Any]) -> list[PropExpr]:
    """Sort-Object / Compare-Object: wildcard names expand to the matching property names of all
    input objects, sorted by name."""
    out: list[PropExpr] = []
    for ex in exprs:
        if not ex.has_wildcard:
            out.append(ex)
            continue
        names: dict[str, str] = {}
        for o in objects:
            for r in ex.resolve(o):
                names.setdefault(r.expr.lower(), r.expr)
        for key in sorted(names):
            out.append(PropExpr(names[key], ex.name, ex.extra))
    return out


def default_key_properties(obj: Any) -> list[str] | None:
    """PSStandardMembers.DefaultKeyPropertySet of an object, if it declares one."""
    names = getattr(type(obj), "__ps_default_key__", None)
    if names:
        return list(names)
    if type(obj) is PSCustomObject:
        std = obj._members.get("psstandardmembers")
        if std is not None and std.is_property:
            dk = get_member(std.get(obj), "DefaultKeyPropertySet")
            if dk is not MISSING and dk is not None:
                ref = get_member(dk, "ReferencedPropertyNames")
                if ref is not MISSING and ref:
                    return [to_string(x) for x in _items(ref)]
    return None


# ----------------------------------------------------------------------------- files and encodings

def resolve_path(cmd: Any, path: str) -> str:
    """A path as the FileSystem provider resolves it (relative to the current location, ~, \\);
    a path on another drive is a terminating error."""
    from .fsprovider import PathError, absolute
    try:
        return absolute(cmd.ctx, path)
    except PathError as e:
        raise cmd.error(e.message, e.error_id, e.category, e.target, e.exc_type) from None


_ENCODINGS = {
    "utf8": ("utf-8", False), "utf8nobom": ("utf-8", False), "utf8bom": ("utf-8", True),
    "ascii": ("ascii", False), "unicode": ("utf-16-le", True), "bigendianunicode": ("utf-16-be", True),
    "utf32": ("utf-32-le", True), "bigendianutf32": ("utf-32-be", True), "utf7": ("utf-7", False),
    "latin1": ("latin-1", False), "default": ("utf-8", False), "oem": ("utf-8", False),
    "string": ("utf-16-le", True), "byte": ("latin-1", False),
}
_BOMS = {"utf-8": b"\xef\xbb\xbf", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff",
         "utf-32-le": b"\xff\xfe\x00\x00", "utf-32-be": b"\x00\x00\xfe\xff"}
ENCODING_NAMES = ("ascii", "bigendianunicode", "bigendianutf32", "oem", "unicode", "utf7", "utf8", "utf8BOM",
                  "utf8NoBOM", "utf32", "latin1")


def encoding_of(cmd: Any, value: Any) -> tuple[str, bool]:
    """(python codec, write a BOM) for an -Encoding argument (names, code pages, Encoding objects)."""
    if value is None:
        return "utf-8", False
    name = getattr(value, "WebName", None) or getattr(value, "BodyName", None)
    if name:
        value = name
    if isinstance(value, int) and not isinstance(value, bool):
        import codecs
        try:
            codec = codecs.lookup(f"cp{value}").name
        except LookupError:
            codec = {65001: "utf-8", 1200: "utf-16-le", 1201: "utf-16-be", 12000: "utf-32-le", 20127: "ascii",
                     28591: "latin-1"}.get(value, "")
            if not codec:
                raise cmd.error(f"'{value}' is not a supported encoding name. For information on defining a custom "
                                "encoding, see the documentation for the Encoding.RegisterProvider method. (Parameter "
                                "'name')", "ArgumentException", ErrorCategory.InvalidArgument, value,
                                PSArgumentException) from None
        return codec, codec.startswith("utf-16") or codec.startswith("utf-32")
    text = to_string(value).strip().lower().replace("-", "")
    if text in _ENCODINGS:
        return _ENCODINGS[text]
    import codecs
    try:
        return codecs.lookup(to_string(value)).name, False
    except LookupError:
        raise cmd.error(f"Cannot bind parameter 'Encoding'. '{to_string(value)}' is not a supported encoding name. "
                        "For information on defining a custom encoding, see the documentation for the "
                        "Encoding.RegisterProvider method. (Parameter 'name')", "CannotConvertArgumentNoMessage",
                        ErrorCategory.InvalidArgument, value, PSArgumentException) from None


def encode_text(text: str, codec: str, bom: bool) -> bytes:
    data = text.encode(codec, errors="replace")
    if bom and codec in _BOMS:
        return _BOMS[codec] + data
    return data


def read_text(path: str, codec: str | None = None) -> str:
    """A text file's contents: BOM detection first (as .NET's StreamReader), then ``codec`` or UTF-8."""
    with open(path, "rb") as f:
        data = f.read()
    for c, bom in (("utf-32-le", _BOMS["utf-32-le"]), ("utf-8", _BOMS["utf-8"]), ("utf-16-le", _BOMS["utf-16-le"]),
                   ("utf-16-be", _BOMS["utf-16-be"]), ("utf-32-be", _BOMS["utf-32-be"])):
        if data.startswith(bom):
            return data[len(bom):].decode(c, errors="replace")
    return data.decode(codec or "utf-8", errors="replace")


def format_for_file(ctx: Any, objs: list[Any]) -> str:
    """Objects as Out-File / '>' would write them (the session's formatter)."""
    fmt = getattr(ctx, "formatter", None)
    if fmt is not None:
        return fmt(objs)
    try:
        from o365shell.format.outdefault import format_objects
        return format_objects(objs)
    except ImportError:  # pragma: no cover - the formatter always exists in a full install
        return "".join(to_string(o) + "\n" for o in objs)


def has_item(cmd: Any) -> bool:
    """Whether this process() call carries an input object (piped, or -InputObject given)."""
    return bool(cmd.expecting_input) or cmd.is_bound("InputObject") or cmd.InputObject is not None


def file_io_error(cmd: Any, e: OSError, path: str) -> Exception:
    """The error a .NET file stream gives for an OSError (missing folder, access denied, other I/O)."""
    import errno

    from o365shell.engine.netlib import exceptions as X_
    if e.errno == errno.ENOENT:
        return cmd.error(f"Could not find a part of the path '{path}'.", "FileOpenFailure", ErrorCategory.OpenError,
                         path, X_.DirectoryNotFoundException)
    if e.errno in (errno.EACCES, errno.EPERM, errno.EISDIR):
        return cmd.error(f"Access to the path '{path}' is denied.", "FileOpenFailure", ErrorCategory.OpenError, path,
                         X_.UnauthorizedAccessException)
    return cmd.error(f"{e.strerror}: '{path}'", "FileOpenFailure", ErrorCategory.OpenError, path, X_.IOException)
