"""Microsoft.PowerShell.Utility: Export-Clixml and Import-Clixml (PowerShell's CLIXML serialization).

Export-Clixml writes the objects as pwsh's serializer does: ``<Objs Version="1.1.0.1">``, one
element per pipeline object; strings, numbers, booleans, dates, GUIDs, time spans and $null as
primitive elements; arrays as ``<LST>``, hashtables as ``<DCT>``; custom objects' notes under
``<MS>``, other objects' properties under ``<Props>`` with their ``<ToString>``; type names
shared with ``<TNRef>``; properties nested deeper than -Depth (default 2) as their string.
A SecureString (a PSCredential's password) is written encrypted, as ConvertFrom-SecureString
does, never in clear. Import-Clixml reads such a file back: custom objects come back with
``Deserialized.`` type names, credentials as PSCredential."""
from __future__ import annotations

import enum
import math
import os
import uuid
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, PSInvalidOperationException
from o365shell.engine.netlib import exceptions as X
from o365shell.engine.netlib import numbers as N
from o365shell.engine.objects import (
    PSCustomObject,
    enumerate_values,
    is_enumerable,
    properties,
    type_names,
)
from o365shell.engine.pscollections import Hashtable

from .utility_common import encode_text, encoding_of, file_io_error, has_item, read_text, resolve_path

UTIL = "Microsoft.PowerShell.Utility"
NS = "http://schemas.microsoft.com/powershell/2004/04"
_PSCUSTOM = ("System.Management.Automation.PSCustomObject", "System.Object")
_CREDENTIAL = "System.Management.Automation.PSCredential"

# integer classes -> CLIXML element, most specific first (bool is handled before int)
_INTS = ((N.Byte, "By"), (N.SByte, "SB"), (N.Int16, "I16"), (N.UInt16, "U16"), (N.UInt32, "U32"),
         (N.UInt64, "U64"), (N.Int64, "I64"))


# ============================================================================= writing

def _xml_text(s: str) -> str:
    """Text content as XmlWriter writes it (control characters as _xHHHH_, as pwsh encodes them)."""
    out = []
    for ch in s:
        o = ord(ch)
        if (o < 0x20 and ch not in "\t\n\r") or o in (0xFFFE, 0xFFFF):
            out.append(f"_x{o:04X}_")
        else:
            out.append(ch)
    return escape("".join(out))


def _xml_datetime(v: Any) -> str:
    """A DateTime as XmlConvert's round-trip text: 2024-03-01T09:00:00, with Z or an offset by Kind."""
    if isinstance(v, datetime):
        text = v.isoformat()
        return text.replace("+00:00", "Z") if v.tzinfo is not None else text
    return to_string(v.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFK"))


def _xml_duration(ticks: int) -> str:
    """A TimeSpan as XmlConvert writes it (an xs:duration: PT1H2M3S, P1DT2H, -PT0.5S)."""
    sign = "-" if ticks < 0 else ""
    ticks = abs(ticks)
    days, rest = divmod(ticks, 864_000_000_000)
    hours, rest = divmod(rest, 36_000_000_000)
    minutes, rest = divmod(rest, 600_000_000)
    seconds, frac = divmod(rest, 10_000_000)
    out = sign + "P" + (f"{days}D" if days else "")
    time = (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "")
    if seconds or frac:
        time += str(seconds) + (("." + f"{frac:07d}".rstrip("0")) if frac else "") + "S"
    if time:
        out += "T" + time
    elif not days:
        out += "T0S"
    return out


class ClixmlWriter:
    """pwsh's Serializer, for one file: RefIds for objects and type-name lists, -Depth."""

    def __init__(self, depth: int) -> None:
        self.depth = depth
        self._refs: dict[int, int] = {}
        self._keep: list[Any] = []          # keeps referenced objects alive while their id() is a key
        self._tn: dict[tuple[str, ...], int] = {}

    def document(self, objects: list[Any]) -> str:
        lines = [f'<Objs Version="1.1.0.1" xmlns="{NS}">']
        for obj in objects:
            self._write(lines, obj, None, self.depth, 1)
        lines.append("</Objs>")
        return "\n".join(lines)

    # ---------------------------------------------------------------- helpers

    @staticmethod
    def _name(name: str | None) -> str:
        return "" if name is None else f" N={quoteattr(name)}"

    def _type_names(self, lines: list[str], names: tuple[str, ...], ind: str) -> None:
        ref = self._tn.get(names)
        if ref is not None:
            lines.append(f'{ind}<TNRef RefId="{ref}" />')
            return
        ref = self._tn[names] = len(self._tn)
        lines.append(f'{ind}<TN RefId="{ref}">')
        lines.extend(f"{ind}  <T>{_xml_text(t)}</T>" for t in names)
        lines.append(f"{ind}</TN>")

    def _primitive(self, v: Any) -> tuple[str, str] | None:
        """(element, text) for a value pwsh serializes as a primitive, else None."""
        from o365shell.engine.netlib.datetime import DateTime
        from o365shell.engine.netlib.guid import Guid
        from o365shell.engine.netlib.timespan import TimeSpan
        from o365shell.engine.netlib.version import Version
        if isinstance(v, N.Char):
            return "C", str(ord(str(v)))
        if isinstance(v, str):
            return "S", _xml_text(str(v))
        if isinstance(v, bool):
            return "B", "true" if v else "false"
        if isinstance(v, enum.Enum):
            return None
        if isinstance(v, int):
            for cls, tag in _INTS:
                if isinstance(v, cls):
                    return tag, str(int(v))
            return ("I32", str(int(v))) if -2**31 <= v < 2**31 else ("I64", str(int(v)))
        if isinstance(v, N.Single):
            return "Sg", repr(float(v))
        if isinstance(v, float):
            if math.isnan(v):
                return "Db", "NaN"
            if math.isinf(v):
                return "Db", "INF" if v > 0 else "-INF"
            return "Db", to_string(v)
        if isinstance(v, Decimal):
            return "D", str(v)
        if isinstance(v, (DateTime, datetime)):
            return "DT", _xml_datetime(v)
        if isinstance(v, (Guid, uuid.UUID)):
            return "G", str(v)
        if isinstance(v, TimeSpan):
            return "TS", _xml_duration(int(v.Ticks))
        if isinstance(v, timedelta):
            return "TS", _xml_duration(round(v.total_seconds() * 10_000_000))
        if isinstance(v, Version):
            return "Version", str(v)
        return None

    # ---------------------------------------------------------------- values

    def _write(self, lines: list[str], v: Any, name: str | None, depth: int, level: int) -> None:
        from o365shell.engine.valuetypes import PSCredential, SecureString
        ind = "  " * level
        n = self._name(name)
        if v is None:
            lines.append(f"{ind}<Nil{n} />")
            return
        if isinstance(v, SecureString):
            from .security import protect
            lines.append(f"{ind}<SS{n}>{protect(v.reveal(), None)}</SS>")
            return
        prim = self._primitive(v)
        if prim is not None:
            tag, text = prim
            lines.append(f"{ind}<{tag}{n}>{text}</{tag}>")
            return
        ref = self._refs.get(id(v))
        if ref is not None:
            lines.append(f'{ind}<Ref{n} RefId="{ref}" />')
            return
        if depth <= 0 and not isinstance(v, enum.Enum):
            lines.append(f"{ind}<S{n}>{_xml_text(to_string(v))}</S>")
            return
        ref = self._refs[id(v)] = len(self._refs)
        self._keep.append(v)
        lines.append(f'{ind}<Obj{n} RefId="{ref}">')
        inner = ind + "  "
        if isinstance(v, enum.Enum):
            self._type_names(lines, tuple(type_names(v)), inner)
            lines.append(f"{inner}<ToString>{_xml_text(to_string(v))}</ToString>")
            lines.append(f"{inner}<I32>{int(v.value)}</I32>")
        elif isinstance(v, PSCredential):
            self._type_names(lines, (_CREDENTIAL, "System.Object"), inner)
            lines.append(f"{inner}<ToString>{_CREDENTIAL}</ToString>")
            lines.append(f"{inner}<Props>")
            self._write(lines, v.UserName, "UserName", depth - 1, level + 2)
            self._write(lines, v.Password, "Password", depth - 1, level + 2)
            lines.append(f"{inner}</Props>")
        elif isinstance(v, (Hashtable, dict)):
            self._type_names(lines, tuple(type_names(v)), inner)
            lines.append(f"{inner}<DCT>")
            for key, value in v.items():
                lines.append(f"{inner}  <En>")
                self._write(lines, key, "Key", depth - 1, level + 3)
                self._write(lines, value, "Value", depth - 1, level + 3)
                lines.append(f"{inner}  </En>")
            lines.append(f"{inner}</DCT>")
        elif is_enumerable(v):
            self._type_names(lines, tuple(type_names(v)), inner)
            lines.append(f"{inner}<LST>")
            for item in enumerate_values(v):
                self._write(lines, item, None, depth - 1, level + 2)
            lines.append(f"{inner}</LST>")
        elif type(v) is PSCustomObject:
            self._type_names(lines, tuple(type_names(v)) or _PSCUSTOM, inner)
            lines.append(f"{inner}<MS>")
            for pname, pvalue in properties(v):
                self._write(lines, pvalue, pname, depth - 1, level + 2)
            lines.append(f"{inner}</MS>")
        else:
            self._type_names(lines, tuple(type_names(v)), inner)
            lines.append(f"{inner}<ToString>{_xml_text(to_string(v))}</ToString>")
            props = properties(v)
            if props:
                lines.append(f"{inner}<Props>")
                for pname, pvalue in props:
                    self._write(lines, pvalue, pname, depth - 1, level + 2)
                lines.append(f"{inner}</Props>")
        lines.append(f"{ind}</Obj>")


@cmdlet("Export-Clixml", module=UTIL, default_set="ByPath", should_process=True)
class ExportClixml(Cmdlet):
    """Creates an XML-based representation of an object or objects and stores it in a file.

    Writes pwsh's CLIXML: the objects with their type names and properties (nested objects to
    -Depth levels, 2 by default), so that Import-Clixml can read them back. Secure strings are
    stored encrypted for the current user. The file is written once, after the last object."""

    Path = Parameter(str, mandatory=True, position=0, set="ByPath", help="The file to write.")
    LiteralPath = Parameter(str, mandatory=True, set="ByLiteralPath", aliases=("PSPath", "LP"),
                            help="The file to write (no wildcards).")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, help="The objects to export.")
    Depth = Parameter(int, validate_range=(1, 2**31 - 1), help="How many levels of contained objects to include "
                                                                "(default 2).")
    Force = Parameter(Switch, help="Overwrite a read-only file.")
    NoClobber = Parameter(Switch, aliases=("NoOverwrite",), help="Do not overwrite an existing file.")
    Encoding = Parameter(object, help="The file encoding (default utf8NoBOM).")
    examples = [("Get-OrganizationConfig | Export-Clixml ./OrgConfig.xml",
                 "Saves the Exchange organization configuration as CLIXML."),
                ("$cfg = Import-Clixml ./OrgConfig.xml", "Reads it back.")]

    def begin(self) -> None:
        path = self.Path if self.Path is not None else self.LiteralPath
        self._full = resolve_path(self, path)
        self._codec = encoding_of(self, self.Encoding)
        self._objects: list[Any] = []
        if os.path.isdir(self._full):
            raise self.error(f"Access to the path '{self._full}' is denied.", "FileOpenFailure",
                             ErrorCategory.OpenError, self._full, X.UnauthorizedAccessException)
        if self.NoClobber and os.path.exists(self._full):
            raise self.error(f"The file '{self._full}' already exists.", "NoClobber", ErrorCategory.ResourceExists,
                             self._full, X.IOException)
        self._ok = self.should_process(self._full)

    def process(self) -> None:
        if has_item(self) and self._ok:
            self._objects.append(self.InputObject)

    def end(self) -> None:
        if not self._ok:
            return
        text = ClixmlWriter(self.Depth if self.Depth is not None else 2).document(self._objects)
        codec, bom = self._codec
        try:
            if os.path.exists(self._full) and not os.access(self._full, os.W_OK) and self.Force:
                os.chmod(self._full, 0o644)
            with open(self._full, "wb") as f:
                f.write(encode_text(text, codec, bom))
        except OSError as e:
            raise file_io_error(self, e, self._full) from None


# ============================================================================= reading

def _decode_text(s: str | None) -> str:
    import re
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), s or "")


class ClixmlReader:
    """pwsh's Deserializer for one document."""

    def __init__(self) -> None:
        self._refs: dict[str, Any] = {}
        self._tn: dict[str, list[str]] = {}

    def objects(self, root: ET.Element) -> list[Any]:
        return [self.value(child) for child in root]

    def value(self, el: ET.Element) -> Any:
        from o365shell.engine.netlib.datetime import DateTime
        from o365shell.engine.netlib.guid import Guid
        from o365shell.engine.netlib.timespan import TimeSpan
        from o365shell.engine.netlib.version import Version
        tag = el.tag.split("}", 1)[-1]
        text = el.text or ""
        simple = {
            "S": lambda: _decode_text(el.text), "B": lambda: text.strip().lower() == "true",
            "I32": lambda: int(text), "I64": lambda: N.Int64(int(text)), "By": lambda: N.Byte(int(text)),
            "SB": lambda: N.SByte(int(text)), "I16": lambda: N.Int16(int(text)), "U16": lambda: N.UInt16(int(text)),
            "U32": lambda: N.UInt32(int(text)), "U64": lambda: N.UInt64(int(text)), "Db": lambda: _double(text),
            "Sg": lambda: N.Single(float(text)), "D": lambda: Decimal(text), "DT": lambda: DateTime.Parse(text),
            "G": lambda: Guid.Parse(text), "C": lambda: N.Char(chr(int(text))), "Version": lambda: Version(text),
            "URI": lambda: _decode_text(el.text), "XD": lambda: _decode_text(el.text), "SBK": lambda: _decode_text(
                el.text),
            "TS": lambda: TimeSpan(_duration_ticks(text)), "Nil": lambda: None,
        }
        if tag in simple:
            return simple[tag]()
        if tag == "SS":
            return self._secure(text)
        if tag == "Ref":
            return self._refs.get(el.get("RefId", ""))
        if tag == "Obj":
            return self._object(el)
        return _decode_text(el.text)

    def _secure(self, text: str) -> Any:
        from o365shell.engine.valuetypes import SecureString

        from .security import unprotect
        try:
            return SecureString(unprotect(text, None))
        except (ValueError, KeyError):
            raise ValueError("Key not valid for use in specified state.") from None

    def _object(self, el: ET.Element) -> Any:
        from o365shell.engine.valuetypes import PSCredential
        names: list[str] = []
        parts = {c.tag.split("}", 1)[-1]: c for c in el}
        if "TN" in parts:
            tn = parts["TN"]
            names = [t.text or "" for t in tn]
            self._tn[tn.get("RefId", "")] = names
        elif "TNRef" in parts:
            names = self._tn.get(parts["TNRef"].get("RefId", ""), [])
        ref = el.get("RefId", "")
        for kind in ("LST", "IE", "STK", "QUE"):
            if kind in parts:
                items: list[Any] = []
                self._refs[ref] = items
                items.extend(self.value(c) for c in parts[kind])
                return items
        if "DCT" in parts:
            table = Hashtable()
            self._refs[ref] = table
            for en in parts["DCT"]:
                kv = {c.get("N"): self.value(c) for c in en}
                table[kv.get("Key")] = kv.get("Value")
            return table
        if names and names[0] == _CREDENTIAL and "Props" in parts:
            props = {c.get("N"): self.value(c) for c in parts["Props"]}
            cred = PSCredential(props.get("UserName") or "", props.get("Password"))
            self._refs[ref] = cred
            return cred
        if "MS" not in parts and "Props" not in parts:
            for c in el:     # an enum or other wrapped primitive: the value, shown by its name
                t = c.tag.split("}", 1)[-1]
                if t not in ("TN", "TNRef", "ToString"):
                    if "ToString" in parts:
                        return _decode_text(parts["ToString"].text)
                    return self.value(c)
            return _decode_text(parts["ToString"].text) if "ToString" in parts else None
        obj = PSCustomObject(None, ["Deserialized." + n for n in names] if names else None)
        self._refs[ref] = obj
        for section in ("Props", "MS"):
            for c in parts.get(section, ()):
                obj.add_note(c.get("N") or "", self.value(c))
        return obj


def _double(text: str) -> float:
    t = text.strip()
    return {"NaN": float("nan"), "INF": float("inf"), "-INF": float("-inf")}.get(t) or float(t)


def _duration_ticks(text: str) -> int:
    import re
    m = re.fullmatch(r"(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?", text.strip())
    if not m:
        raise ValueError(f"The string '{text}' is not a valid TimeSpan value.")
    sign, d, h, mi, s = m.groups()
    seconds = Decimal(s or 0) + int(mi or 0) * 60 + int(h or 0) * 3600 + int(d or 0) * 86400
    ticks = int(seconds * 10_000_000)
    return -ticks if sign else ticks


@cmdlet("Import-Clixml", module=UTIL, default_set="ByPath")
class ImportClixml(Cmdlet):
    """Imports a CLIXML file and creates corresponding objects in PowerShell.

    Reads a file written by Export-Clixml: each serialized object is written to the pipeline.
    Custom and other complex objects come back as property bags with ``Deserialized.`` type
    names; primitives, arrays, hashtables and credentials come back as themselves."""

    Path = Parameter(list[str], mandatory=True, position=0, set="ByPath", from_pipeline=True, by_property_name=True,
                     help="The CLIXML files to read.")
    LiteralPath = Parameter(list[str], mandatory=True, set="ByLiteralPath", by_property_name=True,
                            aliases=("PSPath", "LP"), help="The CLIXML files to read (no wildcards).")
    IncludeTotalCount = Parameter(Switch, help="Report the number of objects first (not simulated beyond the count).")
    Skip = Parameter(int, default=0, help="Skip the first N objects.")
    First = Parameter(int, help="Return only the first N objects.")
    examples = [("$cfg = Import-Clixml ./OrgConfig.xml", "Reads objects saved with Export-Clixml.")]

    def process(self) -> None:
        for path in (self.Path if self.Path is not None else self.LiteralPath) or []:
            full = resolve_path(self, path)
            if not os.path.exists(full):
                self.write_error(self.error(f"Could not find file '{full}'.", "FileOpenFailure",
                                            ErrorCategory.OpenError, full, X.FileNotFoundException))
                continue
            try:
                root = ET.fromstring(read_text(full))
            except OSError as e:
                self.write_error(file_io_error(self, e, full))
                continue
            except ET.ParseError as e:
                raise self.error(_xml_error_text(e), "System.Xml.XmlException", ErrorCategory.InvalidData, full,
                                 PSInvalidOperationException) from None
            if root.tag != f"{{{NS}}}Objs":
                raise self.error("Element 'Objs' with namespace name 'http://schemas.microsoft.com/powershell/2004/04'"
                                 " was not found.", "System.Xml.XmlException", ErrorCategory.InvalidData, full,
                                 PSInvalidOperationException)
            try:
                objs = ClixmlReader().objects(root)
            except ValueError as e:
                raise self.error(str(e), "System.Management.Automation.PSArgumentException",
                                 ErrorCategory.InvalidData, full) from None
            if self.IncludeTotalCount:
                self.write(len(objs))
            objs = objs[self.Skip or 0:]
            if self.First is not None:
                objs = objs[:self.First]
            for o in objs:
                self.write(o)


def _xml_error_text(e: ET.ParseError) -> str:
    """An expat parse error as .NET's XmlException words it (positions count from 1)."""
    line, col = e.position
    where = f"Line {line}, position {col + 1}."
    text = str(e)
    if text.startswith(("unclosed token", "no element found")):
        return f"Unexpected end of file has occurred. {where}"
    if text.startswith("mismatched tag"):
        return f"The end tag does not match the start tag. {where}"
    return f"Data at the root level is invalid. {where}" if line == 1 and col == 0 else \
        f"The document is not well-formed XML. {where}"
