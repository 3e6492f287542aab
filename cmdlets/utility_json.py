"""Microsoft.PowerShell.Utility: JSON — ConvertTo-Json and ConvertFrom-Json, with the layout
and parsing rules of pwsh 7.4 (Newtonsoft.Json underneath): two-space indentation, `"key": value`,
-Depth truncation with a warning, Int64 integers, PSCustomObjects that keep key order."""
from __future__ import annotations

import enum
import math
import re
from decimal import Decimal
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, PSArgumentException
from o365shell.engine.netlib import numbers as N
from o365shell.engine.netlib.datetime import DateTime, DateTimeKind
from o365shell.engine.netlib.guid import Guid
from o365shell.engine.objects import (
    PSCustomObject,
    enumerate_values,
    is_enumerable,
    properties,
)
from o365shell.engine.pscollections import Hashtable, OrderedDictionary

from .utility_common import has_item

UTIL = "Microsoft.PowerShell.Utility"


# ============================================================================= writing

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_HTML = set("<>&'\"")


def json_string(s: str, handling: str = "default") -> str:
    """A JSON string literal as Newtonsoft writes it (Default, EscapeNonAscii or EscapeHtml)."""
    out = ['"']
    for c in s:
        o = ord(c)
        if handling == "escapehtml" and c in _HTML:
            out.append(f"\\u{o:04x}")
        elif c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif o < 0x20 or o in (0x85, 0x2028, 0x2029):
            out.append(f"\\u{o:04x}")
        elif handling == "escapenonascii" and o > 0x7F:
            if o > 0xFFFF:
                o -= 0x10000
                out.append(f"\\u{0xD800 + (o >> 10):04x}\\u{0xDC00 + (o & 0x3FF):04x}")
            else:
                out.append(f"\\u{o:04x}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def _json_double(v: float) -> str:
    if math.isnan(v):
        return '"NaN"'
    if math.isinf(v):
        return '"Infinity"' if v > 0 else '"-Infinity"'
    r = repr(float(v))
    if "e" in r or "E" in r:
        mant, exp = r.lower().split("e")
        if "." not in mant:
            mant += ".0"
        sign = "-" if exp.startswith("-") else "+"
        return f"{mant}E{sign}{exp.lstrip('+-').lstrip('0') or '0'}"
    return r


def _json_date(d: DateTime) -> str:
    s = d.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF")
    if d.Kind == DateTimeKind.Utc:
        s += "Z"
    elif d.Kind == DateTimeKind.Local:
        s += d.ToString("zzz")
    return s


class _Writer:
    """Object -> JSON text, honouring -Depth (with one truncation warning), -Compress,
    -EnumsAsStrings and -EscapeHandling."""

    def __init__(self, cmd: Cmdlet, depth: int, compress: bool, enums_as_strings: bool, escape: str) -> None:
        self.cmd = cmd
        self.depth = depth
        self.compress = compress
        self.enums = enums_as_strings
        self.escape = escape.lower()
        self.warned = False

    def dump(self, obj: Any) -> str:
        return self._emit(self._convert(obj, 0), 0)

    # ---- step 1: PowerShell values -> a tree of dict/list/scalars (pwsh's ProcessValue)
    def _convert(self, obj: Any, depth: int) -> Any:
        if obj is None:
            return None
        t = type(obj)
        if t is str or isinstance(obj, str):
            return ("s", str(obj))
        if t is bool:
            return obj
        if isinstance(obj, enum.Enum):
            if self.enums:
                return ("s", to_string(obj))
            return ("n", str(int(obj.value)))
        if isinstance(obj, bool):
            return bool(obj)
        if isinstance(obj, int):
            return ("n", str(int(obj)))
        if isinstance(obj, float):
            if isinstance(obj, N.Single):
                from o365shell.engine.netlib.numfmt import single_to_roundtrip
                txt = single_to_roundtrip(obj)
                return ("n", txt if any(c in txt for c in ".E") else txt + ".0")
            return ("n", _json_double(obj))
        if isinstance(obj, Decimal):
            txt = format(obj, "f")
            return ("n", txt if "." in txt else txt + ".0")
        if isinstance(obj, DateTime):
            return ("s", _json_date(obj))
        if isinstance(obj, Guid):
            return ("s", obj.ToString())
        tn = getattr(t, "__ps_typename__", "")
        if tn in ("System.Uri", "System.Version", "System.Char"):
            return ("s", to_string(obj))
        if tn == "System.Management.Automation.ScriptBlock":
            return ("s", obj.ToString())
        if depth > self.depth:
            self._warn()
            return ("s", to_string(obj))
        if isinstance(obj, Hashtable):
            return {to_string(k): self._convert(v, depth + 1) for k, v in obj.items()}
        if isinstance(obj, dict):
            return {to_string(k): self._convert(v, depth + 1) for k, v in obj.items()}
        if t is list or is_enumerable(obj):
            return [self._convert(x, depth + 1) for x in enumerate_values(obj)]
        out: dict[str, Any] = {}
        try:
            props = properties(obj)
        except Exception:  # noqa: BLE001 - an object whose properties fail to read becomes its string
            return ("s", to_string(obj))
        if not props and type(obj) is not PSCustomObject:
            return ("s", to_string(obj))
        for name, value in props:
            out[name] = self._convert(value, depth + 1)
        return out

    def _warn(self) -> None:
        if not self.warned:
            self.warned = True
            self.cmd.warn(f"Resulting JSON is truncated as serialization has exceeded the set depth of {self.depth}.")

    # ---- step 2: the tree -> text (Newtonsoft's layout)
    def _emit(self, v: Any, level: int) -> str:
        if v is None:
            return "null"
        if v is True:
            return "true"
        if v is False:
            return "false"
        if isinstance(v, tuple):
            kind, text = v
            return json_string(text, self.escape) if kind == "s" else text
        compact = self.compress
        if isinstance(v, dict):
            if not v:
                return "{}"
            if compact:
                return "{" + ",".join(json_string(k, self.escape) + ":" + self._emit(x, level + 1)
                                      for k, x in v.items()) + "}"
            pad = "  " * (level + 1)
            body = ",\n".join(pad + json_string(k, self.escape) + ": " + self._emit(x, level + 1)
                              for k, x in v.items())
            return "{\n" + body + "\n" + "  " * level + "}"
        if isinstance(v, list):
            if not v:
                return "[]"
            if compact:
                return "[" + ",".join(self._emit(x, level + 1) for x in v) + "]"
            pad = "  " * (level + 1)
            body = ",\n".join(pad + self._emit(x, level + 1) for x in v)
            return "[\n" + body + "\n" + "  " * level + "]"
        return json_string(to_string(v), self.escape)


@cmdlet("ConvertTo-Json", module=UTIL)
class ConvertToJson(Cmdlet):
    """Converts an object to a JSON-formatted string.

    Objects become JSON objects (properties in order), collections become arrays, and
    several piped objects one array. Nesting deeper than -Depth (default 2) is written as the
    object's string form, with a warning."""

    InputObject = Parameter(object, mandatory=True, position=0, from_pipeline=True, allow_null=True,
                            help="The objects to convert.")
    Depth = Parameter(int, validate_range=(0, 100), default=2, help="How many levels of nesting to write (0-100).")
    Compress = Parameter(Switch, help="Omit white space and indentation.")
    EnumsAsStrings = Parameter(Switch, help="Write enum values as their names instead of numbers.")
    AsArray = Parameter(Switch, help="Always output a JSON array.")
    EscapeHandling = Parameter(str, validate_set=("Default", "EscapeNonAscii", "EscapeHtml"), default="Default",
                               help="Which characters to escape: Default, EscapeNonAscii or EscapeHtml.")
    examples = [("Get-MsolUser -UserPrincipalName AlexW@contoso.com | Select-Object DisplayName, "
                 "UserPrincipalName | ConvertTo-Json", "A user as JSON."),
                ("@{a=1; b=@(1,2)} | ConvertTo-Json -Compress", "Returns {\"a\":1,\"b\":[1,2]}.")]

    def begin(self) -> None:
        self._items: list[Any] = []
        self._got = False

    def process(self) -> None:
        if not has_item(self) and not self.is_bound("InputObject"):
            return
        self._got = True
        self._items.append(self.InputObject)

    def end(self) -> None:
        if not self._got:
            return
        items = self._items
        value: Any = items[0] if len(items) == 1 and not self.AsArray else list(items)
        if self.AsArray and len(items) == 1 and is_enumerable(items[0]):
            value = list(enumerate_values(items[0]))
        w = _Writer(self, self.Depth if self.Depth is not None else 2, bool(self.Compress),
                    bool(self.EnumsAsStrings), self.EscapeHandling or "Default")
        self.write(w.dump(value))


# ============================================================================= reading

class OrderedHashtable(OrderedDictionary):
    """System.Management.Automation.OrderedHashtable: what ConvertFrom-Json -AsHashtable returns —
    insertion order and, as a .NET Hashtable built in C#, case-sensitive keys."""

    __ps_typename__ = "System.Management.Automation.OrderedHashtable"
    __slots__ = ()

    def __getitem__(self, key: Any) -> Any:
        return self._vals.get(key)

    def __setitem__(self, key: Any, value: Any) -> None:
        if key is None:
            from o365shell.engine.netlib.exceptions import ArgumentNullException
            raise ArgumentNullException("Key cannot be null. (Parameter 'key')")
        if key not in self._keys:
            self._keys[key] = key
        self._vals[key] = value

    def __delitem__(self, key: Any) -> None:
        self._vals.pop(key, None)
        self._keys.pop(key, None)

    def __contains__(self, key: Any) -> bool:
        return key in self._vals

    def get(self, key: Any, default: Any = None) -> Any:
        return self._vals.get(key, default)

    def has(self, key: Any) -> bool:
        return key in self._vals

    def Add(self, key: Any, value: Any) -> None:
        if key in self._vals:
            from o365shell.engine.netlib.exceptions import ArgumentException
            raise ArgumentException(f"Item has already been added. Key in dictionary: '{key}'  Key being added: "
                                    f"'{key}'")
        self[key] = value

    def ContainsKey(self, key: Any) -> bool:
        return key in self._vals

    def Contains(self, key: Any) -> bool:
        return key in self._vals


class JsonError(Exception):
    """A parse error with Newtonsoft's message shape (... Path 'a.b', line L, position P.)."""


_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})?$")


class _Reader:
    """A lenient JSON reader in the manner of Newtonsoft's JsonTextReader: comments, single-quoted
    strings, unquoted property names, trailing commas, NaN/Infinity; ISO dates become DateTime."""

    def __init__(self, text: str, as_hashtable: bool, max_depth: int) -> None:
        self.s = text
        self.i = 0
        self.n = len(text)
        self.as_hashtable = as_hashtable
        self.max_depth = max_depth
        self.path: list[Any] = []

    # ---- positions and messages
    def _where(self) -> str:
        line = self.s.count("\n", 0, self.i) + 1
        start = self.s.rfind("\n", 0, self.i) + 1
        pos = self.i - start
        return f"Path '{self._path_text()}', line {line}, position {pos}."

    def _path_text(self) -> str:
        out = ""
        for p in self.path:
            if isinstance(p, int):
                out += f"[{p}]"
            else:
                out += ("." if out else "") + str(p)
        return out

    def fail(self, msg: str) -> JsonError:
        return JsonError(f"{msg} {self._where()}")

    def skip_ws(self) -> None:
        s, n = self.s, self.n
        while self.i < n:
            c = s[self.i]
            if c in " \t\r\n\ufeff\u00a0":
                self.i += 1
            elif c == "/" and self.i + 1 < n and s[self.i + 1] == "/":
                j = s.find("\n", self.i)
                self.i = n if j < 0 else j + 1
            elif c == "/" and self.i + 1 < n and s[self.i + 1] == "*":
                j = s.find("*/", self.i + 2)
                if j < 0:
                    self.i = n
                    raise self.fail("Unexpected end while parsing comment.")
                self.i = j + 2
            else:
                break

    # ---- values
    def document(self) -> Any:
        self.skip_ws()
        if self.i >= self.n:
            return _EMPTY
        v = self.value(0)
        self.skip_ws()
        if self.i < self.n:
            c = self.s[self.i]
            self.i += 1
            raise self.fail(f"Additional text encountered after finished reading JSON content: {c}.")
        return v

    def value(self, depth: int) -> Any:
        self.skip_ws()
        if self.i >= self.n:
            raise self.fail("Unexpected end when reading JSON.")
        c = self.s[self.i]
        if c == "{":
            return self.obj(depth + 1)
        if c == "[":
            return self.arr(depth + 1)
        if c in "\"'":
            text = self.string(c)
            return self._maybe_date(text)
        if c == "-" or c.isdigit() or c == ".":
            return self.number()
        word = self._word()
        low = word
        if low == "true":
            return True
        if low == "false":
            return False
        if low in ("null", "undefined"):
            return None
        if low == "NaN":
            return math.nan
        if low == "Infinity":
            return math.inf
        if not word:
            self.i += 1
            raise self.fail(f"Unexpected character encountered while parsing value: {c}.")
        self.i -= len(word) - 1
        raise self.fail(f"Unexpected character encountered while parsing value: {c}.")

    def _word(self) -> str:
        j = self.i
        while j < self.n and (self.s[j].isalnum() or self.s[j] in "_$"):
            j += 1
        w = self.s[self.i:j]
        self.i = j
        return w

    def _maybe_date(self, text: str) -> Any:
        m = _ISO_DATE.match(text)
        if not m:
            return text
        try:
            y, mo, d, h, mi, sec = (int(m.group(k)) for k in range(1, 7))
            frac = m.group(7)
            ticks_frac = int((frac[1:] + "0000000")[:7]) if frac else 0
            zone = m.group(8)
            base = DateTime(y, mo, d, h, mi, sec)
            base = base.AddTicks(ticks_frac)
            if zone is None:
                return base
            if zone == "Z":
                return DateTime(base.Ticks, DateTimeKind.Utc)
            sign = 1 if zone[0] == "+" else -1
            off = sign * (int(zone[1:3]) * 60 + int(zone[4:6]))
            utc = DateTime(base.Ticks - off * 600_000_000, DateTimeKind.Utc)
            return utc.ToLocalTime()
        except Exception:  # noqa: BLE001 - not a valid date after all: keep the text
            return text

    def string(self, quote: str) -> str:
        s, n = self.s, self.n
        self.i += 1
        out: list[str] = []
        while True:
            if self.i >= n:
                raise self.fail("Unterminated string. Expected delimiter: " + quote + ".")
            c = s[self.i]
            self.i += 1
            if c == quote:
                return "".join(out)
            if c == "\\":
                if self.i >= n:
                    raise self.fail("Unterminated string. Expected delimiter: " + quote + ".")
                e = s[self.i]
                self.i += 1
                if e == "u":
                    hexs = s[self.i:self.i + 4]
                    if len(hexs) < 4 or not all(h in "0123456789abcdefABCDEF" for h in hexs):
                        raise self.fail("Invalid Unicode escape sequence: \\u" + hexs + ".")
                    self.i += 4
                    code = int(hexs, 16)
                    if 0xD800 <= code < 0xDC00 and s[self.i:self.i + 2] == "\\u":
                        low = s[self.i + 2:self.i + 6]
                        try:
                            lc = int(low, 16)
                        except ValueError:
                            lc = 0
                        if 0xDC00 <= lc < 0xE000:
                            self.i += 6
                            code = 0x10000 + ((code - 0xD800) << 10) + (lc - 0xDC00)
                    out.append(chr(code))
                else:
                    mapped = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "/": "/", "\\": "\\",
                              '"': '"', "'": "'"}.get(e)
                    if mapped is None:
                        raise self.fail(f"Bad JSON escape sequence: \\{e}.")
                    out.append(mapped)
            else:
                out.append(c)

    def number(self) -> Any:
        m = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?").match(self.s, self.i)
        if not m:
            if self.s.startswith("-Infinity", self.i):
                self.i += 9
                return -math.inf
            self.i += 1
            raise self.fail(f"Unexpected character encountered while parsing value: {self.s[self.i - 1]}.")
        text = m.group(0)
        self.i = m.end()
        if self.i < self.n and (self.s[self.i].isalnum() or self.s[self.i] in "_$."):
            bad = self.s[self.i]
            raise self.fail(f"Unexpected character encountered while parsing number: {bad}.")
        if any(c in text for c in ".eE"):
            return float(text)
        v = int(text)
        if -2**63 <= v < 2**63:
            return N.Int64(v)
        from decimal import Decimal as D
        return v if abs(v) < 10**28 else float(D(v))

    def _container_depth(self, depth: int) -> None:
        if depth > self.max_depth:
            raise self.fail(f"The reader's MaxDepth of {self.max_depth} has been exceeded.")

    def obj(self, depth: int) -> Any:
        self._container_depth(depth)
        self.i += 1
        pairs: list[tuple[str, Any]] = []
        seen: dict[str, str] = {}
        while True:
            self.skip_ws()
            if self.i >= self.n:
                raise self.fail("Unexpected end when reading JSON.")
            c = self.s[self.i]
            if c == "}":
                self.i += 1
                break
            if c in "\"'":
                key = self.string(c)
            elif c.isalpha() or c in "_$":
                key = self._word()
            else:
                self.i += 1
                raise self.fail(f"Invalid property identifier character: {c}.")
            self.skip_ws()
            if self.i >= self.n or self.s[self.i] != ":":
                if self.i >= self.n:
                    raise self.fail("Unexpected end when reading JSON.")
                ch = self.s[self.i]
                self.i += 1
                raise self.fail(f"Invalid character after parsing property name. Expected ':' but got: {ch}.")
            self.i += 1
            self.path.append(key)
            v = self.value(depth)
            self.path.pop()
            low = key.lower()
            if not self.as_hashtable and low in seen and seen[low] != key:
                raise _CaseClash(seen[low], key)
            seen[low] = key
            pairs.append((key, v))
            if not self._after_value("}"):
                break
        return self._make_object(pairs)

    def _after_value(self, close: str) -> bool:
        """After a member or element: True at ',' (another follows), False at ``close`` (consumed)."""
        self.skip_ws()
        if self.i >= self.n:
            raise self.fail("Unexpected end when reading JSON.")
        c = self.s[self.i]
        self.i += 1
        if c == ",":
            return True
        if c == close:
            return False
        raise self.fail(f"After parsing a value an unexpected character was encountered: {c}.")

    def _make_object(self, pairs: list[tuple[str, Any]]) -> Any:
        if self.as_hashtable:
            h = OrderedHashtable()
            for k, v in pairs:
                h[k] = v
            return h
        o = PSCustomObject()
        for k, v in pairs:
            existing = o._members.get(k.lower())
            if existing is not None:
                existing.Value = v
            else:
                o.add_note(k, v)
        return o

    def arr(self, depth: int) -> list:
        self._container_depth(depth)
        self.i += 1
        out: list = []
        idx = 0
        while True:
            self.skip_ws()
            if self.i >= self.n:
                raise self.fail("Unexpected end when reading JSON.")
            if self.s[self.i] == "]":
                self.i += 1
                break
            self.path.append(idx)
            out.append(self.value(depth))
            self.path.pop()
            idx += 1
            if not self._after_value("]"):
                break
        return out


class _CaseClash(Exception):
    def __init__(self, first: str, second: str) -> None:
        super().__init__(first, second)
        self.first = first
        self.second = second


_EMPTY = object()


def parse_json(text: str, as_hashtable: bool = False, max_depth: int = 1024) -> Any:
    """Parse JSON text the way ConvertFrom-Json does (raises JsonError / _CaseClash)."""
    return _Reader(text, as_hashtable, max_depth).document()


@cmdlet("ConvertFrom-Json", module=UTIL)
class ConvertFromJson(Cmdlet):
    """Converts a JSON-formatted string to a custom object or a hash table.

    JSON objects become PSCustomObjects (property order kept), or ordered hashtables with
    -AsHashtable; arrays become object[] (sent down the pipeline one item at a time unless
    -NoEnumerate); integers are Int64, other numbers Double, ISO 8601 strings DateTime."""

    InputObject = Parameter(str, mandatory=True, position=0, from_pipeline=True, allow_empty=True,
                            help="The JSON text (several piped strings are joined into one document).")
    AsHashtable = Parameter(Switch, help="Return ordered hashtables instead of PSCustomObjects.")
    Depth = Parameter(int, validate_range=(1, 2147483647), default=1024,
                      help="The maximum nesting depth allowed (default 1024).")
    NoEnumerate = Parameter(Switch, help="Output a top-level array as one object.")
    examples = [("'{\"name\":\"Ann\",\"roles\":[\"admin\"]}' | ConvertFrom-Json", "A custom object with two properties."),
                ("Get-Content settings.json -Raw | ConvertFrom-Json -AsHashtable", "A settings file as a hashtable.")]

    def begin(self) -> None:
        self._buffer: list[str] = []
        self._got = False

    def process(self) -> None:
        if not has_item(self) and not self.is_bound("InputObject"):
            return
        self._got = True
        if self.InputObject is not None:
            self._buffer.append(self.InputObject)

    def end(self) -> None:
        if not self._got:
            return
        buf = self._buffer
        if not buf:
            return
        if len(buf) == 1:
            self._convert(buf[0])
            return
        try:
            first = self._parse(buf[0])
        except _JsonFailure:
            self._convert("\n".join(buf))
            return
        self._emit(first)
        for text in buf[1:]:
            self._convert(text)

    def _parse(self, text: str) -> Any:
        try:
            return parse_json(text, bool(self.AsHashtable), self.Depth or 1024)
        except JsonError as e:
            raise _JsonFailure(str(e)) from None
        except _CaseClash as e:
            raise _JsonFailure(None, e) from None
        except RecursionError:
            raise _JsonFailure("The JSON text is nested too deeply to convert.") from None

    def _convert(self, text: str) -> None:
        try:
            v = self._parse(text)
        except _JsonFailure as f:
            if f.clash is not None:
                raise self.error(
                    "Cannot convert the JSON string because it contains keys with different casing. Please use the "
                    "-AsHashTable switch instead. The key that was attempted to be added to the existing key "
                    f"'{f.clash.first}' was '{f.clash.second}'.", "KeysWithDifferentCasingInJsonString",
                    ErrorCategory.InvalidOperation, None, PSArgumentException) from None
            raise self.error(f"Conversion from JSON failed with error: {f.message}",
                             "System.ArgumentException", ErrorCategory.ParserError, None,
                             _argument_exception()) from None
        self._emit(v)

    def _emit(self, v: Any) -> None:
        if v is _EMPTY:
            return
        if isinstance(v, list) and not self.NoEnumerate:
            self.write_all(v)
        else:
            self.write(v)


class _JsonFailure(Exception):
    def __init__(self, message: str | None, clash: _CaseClash | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.clash = clash


def _argument_exception() -> type:
    from o365shell.engine.netlib.exceptions import ArgumentException
    return ArgumentException
