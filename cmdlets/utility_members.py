"""Microsoft.PowerShell.Utility: Add-Member, Get-Member (MemberDefinition objects) and New-Object."""
from __future__ import annotations

import enum
import inspect
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.enums import PSMemberTypes
from o365shell.engine.errors import (
    ErrorCategory,
    PSArgumentException,
    PSInvalidOperationException,
    PSNotSupportedException,
)
from o365shell.engine.instmembers import base_of, instance_members
from o365shell.engine.netlib.exceptions import DotNetException
from o365shell.engine.netlib.wildcard import compile_wildcard
from o365shell.engine.objects import (
    MISSING,
    PSAliasProperty,
    PSCodeMethod,
    PSCustomObject,
    PSNoteProperty,
    PSScriptMethod,
    PSScriptProperty,
    adapter_for,
    attach_member,
    get_member,
    set_member,
    type_names,
)
from o365shell.engine.pscollections import Hashtable
from o365shell.engine.scriptblock import ScriptBlock
from o365shell.engine.types import PSType, resolve, type_of
from o365shell.engine.validators import Validator

from .utility_common import has_item

UTIL = "Microsoft.PowerShell.Utility"

_ADDABLE = ("AliasProperty", "CodeMethod", "CodeProperty", "MemberSet", "NoteProperty", "PropertySet",
            "ScriptMethod", "ScriptProperty")


def _member_type(name: str) -> Any:
    return PSMemberTypes[name]


# ============================================================================= Add-Member

class _NotAMemberTypeName(Validator):
    """NotePropertyName may not be a PSMemberTypes name, so `Add-Member NoteProperty Name Value` binds
    its first positional argument to -MemberType (as pwsh's ValidateNotePropertyName does)."""

    def validate(self, p: Any, value: Any, command_name: str) -> None:
        text = to_string(value)
        if text.strip().lower() in (t.lower() for t in _ADDABLE):
            raise self.fail(p, "The parameter NotePropertyName cannot take values that could be converted to the "
                               "type System.Management.Automation.PSMemberTypes. To define the name of a member "
                               "with those values, use Add-Member, and specify the member type.", command_name)


@cmdlet("Add-Member", module=UTIL, default_set="TypeNameSet")
class AddMember(Cmdlet):
    """Adds custom properties and methods to an instance of a PowerShell object.

    Adds a NoteProperty, ScriptProperty, ScriptMethod or AliasProperty to an object (or several
    note properties at once from a hashtable), or adds a type name. With -PassThru the object is
    written to the pipeline."""

    InputObject = Parameter("PSObject", mandatory=True, from_pipeline=True,
                            help="The object the member is added to.")
    MemberType = Parameter("System.Management.Automation.PSMemberTypes", mandatory=True, position=0,
                           set="MemberSet", aliases=("Type",),
                           help="The type of member: NoteProperty, ScriptProperty, ScriptMethod, AliasProperty...")
    NotePropertyMembers = Parameter("System.Collections.Hashtable", mandatory=True, position=0,
                                    set="NotePropertyMultiMemberSet",
                                    help="A hashtable of note property names and values to add.")
    NotePropertyName = Parameter(str, mandatory=True, position=0, set="NotePropertySingleMemberSet",
                                 not_null_or_empty=True, validators=[_NotAMemberTypeName()],
                                 help="The name of the note property to add.")
    NotePropertyValue = Parameter(object, mandatory=True, position=1, set="NotePropertySingleMemberSet",
                                  allow_null=True, help="The value of the note property.")
    Name = Parameter(str, mandatory=True, position=1, set="MemberSet", not_null_or_empty=True,
                     help="The name of the member to add.")
    Value = Parameter(object, position=2, set="MemberSet", allow_null=True,
                      help="The member's value: a value, a getter/method script block, or the aliased property.")
    SecondValue = Parameter(object, position=3, set="MemberSet", allow_null=True,
                            help="A ScriptProperty's setter script block, or an AliasProperty's type.")
    TypeName = Parameter(str, sets={"TypeNameSet": {"mandatory": True}, "MemberSet": {},
                                    "NotePropertySingleMemberSet": {}, "NotePropertyMultiMemberSet": {}},
                         help="A type name to add at the start of the object's type names.")
    Force = Parameter(Switch, sets={"MemberSet": {}, "NotePropertySingleMemberSet": {},
                                    "NotePropertyMultiMemberSet": {}},
                      help="Replace a member that already exists.")
    PassThru = Parameter(Switch, help="Write the object to the pipeline.")
    examples = [
        ("$o | Add-Member -NotePropertyName Dept -NotePropertyValue 'IT'", "Adds a note property."),
        ("$o | Add-Member -MemberType ScriptProperty -Name Double -Value { $this.N * 2 }",
         "Adds a property computed from the object ($this)."),
        ("$o | Add-Member @{Dept='IT'; City='Oslo'} -PassThru", "Adds two note properties and outputs the object."),
    ]

    def process(self) -> None:
        obj = self.InputObject
        if self.TypeName is not None and not self.TypeName.strip():
            raise self._err("The TypeName parameter should not be null, empty, or contain only white spaces.",
                            "TypeNameShouldNotBeEmpty", self.TypeName)
        setname = self.parameter_set_name
        if setname == "TypeNameSet":
            self._add_type_name(obj)
            if self.PassThru:
                self.write(obj)
            return
        if setname == "NotePropertyMultiMemberSet":
            added = False
            for k, v in self.NotePropertyMembers.items():
                name = to_string(k)
                if not name:
                    self.write_error(self._err("The name for a NoteProperty member should not be null or an empty "
                                               "string.", "NotePropertyNameShouldNotBeNull", name))
                    continue
                carrier = self._add(obj, PSNoteProperty(name, v))
                if carrier is not None:
                    obj = carrier
                    added = True
            if added and self.TypeName is not None:
                self._add_type_name(obj)
            if added and self.PassThru:
                self.write(obj)
            return
        if setname == "NotePropertySingleMemberSet":
            name = self.NotePropertyName
            member: Any = PSNoteProperty(name, self.NotePropertyValue)
        else:
            member = self._member()
        obj = self._add(obj, member)
        if obj is None:
            return
        if self.TypeName is not None:
            self._add_type_name(obj)
        if self.PassThru:
            self.write(obj)

    def _err(self, msg: str, error_id: str, target: Any = None) -> Any:
        return self.error(msg, error_id, ErrorCategory.InvalidOperation, target, PSInvalidOperationException)

    def _member(self) -> Any:
        mt = self.MemberType
        value = int(getattr(mt, "value", mt))
        names = [m.name for m in PSMemberTypes if m.value and bin(m.value).count("1") == 1 and value & m.value]
        if len(names) != 1:
            raise self._err(f'To add a member, only one member type can be specified. The member types specified '
                            f'are: "{to_string(mt)}"', "WrongMemberCount")
        kind = names[0]
        name = self.Name
        has1, has2 = self.is_bound("Value"), self.is_bound("SecondValue")
        v1, v2 = self.Value, self.SecondValue

        def need1() -> None:
            if not has1:
                raise self._err(f'The Value parameter is required for a member of type "{kind}". Specify the Value '
                                "parameter when adding members of this type.", "Value1Prompt")

        def not2() -> None:
            if has2:
                raise self._err(f'The SecondValue parameter is not necessary for a member of type "{kind}", and '
                                "should not be specified. Do not specify the SecondValue parameter when you add "
                                "members of this type.", "Value2ShouldNotBeSpecified")

        def not_null1() -> None:
            if v1 is None:
                raise self._err(f'The Value parameter should not be null for a member of type "{kind}". Specify a '
                                "non-null value for the Value parameter when adding members of this type.",
                                "Value1ShouldNotBeNull")

        def script(v: Any, which: str) -> ScriptBlock:
            if isinstance(v, ScriptBlock):
                return v
            from o365shell.engine.conversion import cast_error
            raise self.error(cast_error(v, "System.Management.Automation.ScriptBlock").Message,
                             "ConvertToFinalInvalidCastException", ErrorCategory.InvalidArgument, v)

        if kind == "NoteProperty":
            need1()
            not2()
            return PSNoteProperty(name, v1)
        if kind == "AliasProperty":
            need1()
            not_null1()
            target = to_string(v1)
            if not target:
                raise self._err("The member referenced by this alias should not be null or empty.",
                                "AliasReferenceShouldNotBeNullOrEmpty")
            if has2 and v2 is not None:
                conv = v2 if isinstance(v2, PSType) else resolve(to_string(v2))
                return _ConvertingAlias(name, target, conv)
            return PSAliasProperty(name, target)
        if kind == "ScriptMethod":
            not2()
            need1()
            not_null1()
            return PSScriptMethod(name, script(v1, "Value"))
        if kind == "ScriptProperty":
            need1()
            if v1 is None and v2 is None:
                raise self._err(f'Both Value and SecondValue parameters should not be null for a member of type '
                                f'"{kind}". Specify a non-null value for one of the two parameters.',
                                "Value1AndValue2AreNotBothNull")
            getter = script(v1, "Value") if v1 is not None else None
            setter = script(v2, "SecondValue") if v2 is not None else None
            return PSScriptProperty(name, getter, setter)
        if kind == "CodeMethod" and callable(v1) and not isinstance(v1, ScriptBlock):
            return PSCodeMethod(name, v1)
        if kind in ("CodeMethod", "CodeProperty", "MemberSet", "PropertySet"):
            raise self.error(f'Adding a member of type "{kind}" is not supported in o365shell: it refers to compiled '
                             ".NET code. Use a ScriptMethod or ScriptProperty instead.", "CannotAddMemberType",
                             ErrorCategory.NotImplemented, kind, PSNotSupportedException)
        raise self._err(f'Cannot add a member with type "{kind}". Specify a different type for the MemberTypes '
                        "parameter.", "CannotAddMemberType")

    def _exists(self, obj: Any, name: str) -> bool:
        low = name.lower()
        if type(obj) is PSCustomObject:
            return low in obj._members or low in ("equals", "gethashcode", "gettype", "tostring")
        if low in (instance_members(obj) or {}):
            return True
        if isinstance(obj, Hashtable):  # keys are not members
            a = adapter_for(type(obj))
            return low in a.props or low in a.methods or low in ("equals", "gethashcode", "gettype", "tostring")
        try:
            if get_member(obj, name) is not MISSING:
                return True
        except Exception:  # noqa: BLE001 - a property getter failing still means it exists
            return True
        a = adapter_for(type(obj))
        return low in a.methods

    def _add(self, obj: Any, member: Any) -> Any:
        """Attach ``member``; the object now carrying it (a wrapper for a value type), None on failure."""
        if obj is None:
            raise self.error("Cannot bind argument to parameter 'InputObject' because it is null.",
                             "ParameterArgumentValidationErrorNullNotAllowed", ErrorCategory.InvalidData, None)
        if self._exists(obj, member.Name):
            instance = type(obj) is PSCustomObject and member.Name.lower() in obj._members or \
                member.Name.lower() in (instance_members(obj) or {})
            if not self.Force:
                self.write_error(self.make_record(
                    PSInvalidOperationException(f'Cannot add a member with the name "{member.Name}" because a member '
                                                "with that name already exists. To overwrite the member anyway, add "
                                                "the Force parameter to your command."),
                    "MemberAlreadyExists", ErrorCategory.InvalidOperation, obj))
                return None
            if not instance:
                existing = "Method" if type(obj) is PSCustomObject else "Property"
                self.write_error(self.make_record(
                    PSInvalidOperationException(f'Cannot force the member with name "{member.Name}" and type '
                                                f'"{existing}" to be added. A member with that name and type already '
                                                "exists, and the existing member is not an instance extension."),
                    "CannotRemoveTypeDataMember", ErrorCategory.InvalidOperation, obj))
                return None
        try:
            return attach_member(obj, member, force=True)
        except NotImplementedError:
            self.write_error(self.make_record(
                PSNotSupportedException(f'Cannot add the member "{member.Name}": o365shell cannot attach instance '
                                        f"members to a value of type {type_of(obj).FullName}. Convert it to a "
                                        "[pscustomobject] first."),
                "CannotAddMemberToValue", ErrorCategory.NotImplemented, obj))
            return None

    def _add_type_name(self, obj: Any) -> None:
        name = self.TypeName
        t = resolve(name, required=False)
        if t is not None:
            name = t.FullName
        if type(obj) is PSCustomObject:
            obj._typenames = [name] + list(obj._typenames or [])


class _ConvertingAlias(PSAliasProperty):
    """An AliasProperty whose value is converted to a type (Add-Member -SecondValue [type])."""

    __slots__ = ("conv",)

    def __init__(self, name: str, target: str, conv: PSType) -> None:
        super().__init__(name, target)
        self.conv = conv

    def get(self, obj: Any) -> Any:
        return self.conv.convert(super().get(obj))


# ============================================================================= Get-Member

class MemberDefinition:
    """Microsoft.PowerShell.Commands.MemberDefinition: one line of Get-Member's output."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.MemberDefinition"
    __ps_properties__ = ("TypeName", "Name", "MemberType", "Definition")
    __slots__ = ("Definition", "MemberType", "Name", "TypeName")

    def __init__(self, type_name: str, name: str, member_type: Any, definition: str) -> None:
        self.TypeName = type_name
        self.Name = name
        self.MemberType = member_type
        self.Definition = definition

    def ToString(self) -> str:
        return self.Definition


_PY_TYPES = {"str": "string", "int": "int", "bool": "bool", "float": "double", "None": "void", "Any": "System.Object",
             "list": "System.Object[]", "object": "System.Object", "Decimal": "decimal"}

_OBJECT_METHODS = [("Equals", "bool Equals(System.Object obj)"), ("GetHashCode", "int GetHashCode()"),
                   ("GetType", "type GetType()"), ("ToString", "string ToString()")]

_STRING_METHODS = [
    ("Clone", "System.Object Clone(), System.Object ICloneable.Clone()"),
    ("CompareTo", "int CompareTo(System.Object value), int CompareTo(string strB)"),
    ("Contains", "bool Contains(string value), bool Contains(string value, System.StringComparison comparisonType), "
                 "bool Contains(char value)"),
    ("CopyTo", "void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count)"),
    ("EndsWith", "bool EndsWith(string value), bool EndsWith(string value, System.StringComparison comparisonType), "
                 "bool EndsWith(char value)"),
    ("EnumerateRunes", "System.Text.StringRuneEnumerator EnumerateRunes()"),
    ("Equals", "bool Equals(System.Object obj), bool Equals(string value), bool Equals(string value, "
               "System.StringComparison comparisonType)"),
    ("GetEnumerator", "System.CharEnumerator GetEnumerator()"),
    ("GetHashCode", "int GetHashCode(), int GetHashCode(System.StringComparison comparisonType)"),
    ("GetPinnableReference", "System.Char&, System.Private.CoreLib GetPinnableReference()"),
    ("GetType", "type GetType()"),
    ("GetTypeCode", "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()"),
    ("IndexOf", "int IndexOf(char value), int IndexOf(char value, int startIndex), int IndexOf(string value), "
                "int IndexOf(string value, int startIndex), int IndexOf(string value, System.StringComparison "
                "comparisonType)"),
    ("IndexOfAny", "int IndexOfAny(char[] anyOf), int IndexOfAny(char[] anyOf, int startIndex)"),
    ("Insert", "string Insert(int startIndex, string value)"),
    ("IsNormalized", "bool IsNormalized(), bool IsNormalized(System.Text.NormalizationForm normalizationForm)"),
    ("LastIndexOf", "int LastIndexOf(char value), int LastIndexOf(string value), int LastIndexOf(string value, "
                    "int startIndex)"),
    ("LastIndexOfAny", "int LastIndexOfAny(char[] anyOf), int LastIndexOfAny(char[] anyOf, int startIndex)"),
    ("Normalize", "string Normalize(), string Normalize(System.Text.NormalizationForm normalizationForm)"),
    ("PadLeft", "string PadLeft(int totalWidth), string PadLeft(int totalWidth, char paddingChar)"),
    ("PadRight", "string PadRight(int totalWidth), string PadRight(int totalWidth, char paddingChar)"),
    ("Remove", "string Remove(int startIndex, int count), string Remove(int startIndex)"),
    ("Replace", "string Replace(string oldValue, string newValue), string Replace(string oldValue, string newValue, "
                "System.StringComparison comparisonType), string Replace(char oldChar, char newChar)"),
    ("ReplaceLineEndings", "string ReplaceLineEndings(), string ReplaceLineEndings(string replacementText)"),
    ("Split", "string[] Split(char separator, System.StringSplitOptions options), string[] Split(char[] separator), "
              "string[] Split(string separator, System.StringSplitOptions options), string[] Split(string[] "
              "separator, System.StringSplitOptions options)"),
    ("StartsWith", "bool StartsWith(string value), bool StartsWith(string value, System.StringComparison "
                   "comparisonType), bool StartsWith(char value)"),
    ("Substring", "string Substring(int startIndex), string Substring(int startIndex, int length)"),
    ("ToBoolean", "bool IConvertible.ToBoolean(System.IFormatProvider provider)"),
    ("ToCharArray", "char[] ToCharArray(), char[] ToCharArray(int startIndex, int length)"),
    ("ToInt32", "int IConvertible.ToInt32(System.IFormatProvider provider)"),
    ("ToLower", "string ToLower(), string ToLower(cultureinfo culture)"),
    ("ToLowerInvariant", "string ToLowerInvariant()"),
    ("ToString", "string ToString(), string ToString(System.IFormatProvider provider), string "
                 "IConvertible.ToString(System.IFormatProvider provider)"),
    ("ToUpper", "string ToUpper(), string ToUpper(cultureinfo culture)"),
    ("ToUpperInvariant", "string ToUpperInvariant()"),
    ("Trim", "string Trim(), string Trim(char trimChar), string Trim(Params char[] trimChars)"),
    ("TrimEnd", "string TrimEnd(), string TrimEnd(char trimChar), string TrimEnd(Params char[] trimChars)"),
    ("TrimStart", "string TrimStart(), string TrimStart(char trimChar), string TrimStart(Params char[] trimChars)"),
]

_ARRAY_METHODS = [("Clone", "System.Object Clone(), System.Object ICloneable.Clone()"),
                  ("Contains", "bool IList.Contains(System.Object value)"),
                  ("CopyTo", "void CopyTo(array array, int index), void CopyTo(array array, long index)"),
                  ("Equals", "bool Equals(System.Object obj)"), ("Get", "System.Object Get(int )"),
                  ("GetEnumerator", "System.Collections.IEnumerator GetEnumerator()"),
                  ("GetHashCode", "int GetHashCode()"), ("GetLength", "int GetLength(int dimension)"),
                  ("GetType", "type GetType()"), ("GetValue", "System.Object GetValue(int index)"),
                  ("IndexOf", "int IList.IndexOf(System.Object value)"), ("Set", "void Set(int , System.Object )"),
                  ("SetValue", "void SetValue(System.Object value, int index)"), ("ToString", "string ToString()")]
_ARRAY_PROPS = [("IsFixedSize", "bool IsFixedSize {get;}"), ("IsReadOnly", "bool IsReadOnly {get;}"),
                ("IsSynchronized", "bool IsSynchronized {get;}"), ("Length", "int Length {get;}"),
                ("LongLength", "long LongLength {get;}"), ("Rank", "int Rank {get;}"),
                ("SyncRoot", "System.Object SyncRoot {get;}")]

_NUMBER_METHODS = [("CompareTo", "int CompareTo(System.Object value), int CompareTo({t} value)"),
                   ("Equals", "bool Equals(System.Object obj), bool Equals({t} obj)"),
                   ("GetHashCode", "int GetHashCode()"), ("GetType", "type GetType()"),
                   ("GetTypeCode", "System.TypeCode GetTypeCode(), System.TypeCode IConvertible.GetTypeCode()"),
                   ("ToString", "string ToString(), string ToString(string format), string "
                                "ToString(System.IFormatProvider provider), string ToString(string format, "
                                "System.IFormatProvider provider)")]


def _py_type_text(ann: Any) -> str:
    if ann is inspect.Parameter.empty or ann is None:
        return "System.Object"
    text = ann if isinstance(ann, str) else getattr(ann, "__name__", str(ann))
    text = text.replace("typing.", "").strip()
    if "|" in text:
        parts = [p.strip() for p in text.split("|") if p.strip() != "None"]
        text = parts[0] if parts else "None"
    if text.startswith(("list[", "List[")):
        inner = _py_type_text(text[text.index("[") + 1:-1])
        return inner + "[]"
    return _PY_TYPES.get(text, text.strip("'\""))


def _method_definition(fn: Any, name: str) -> str:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return f"System.Object {name}()"
    params = []
    for i, (pname, p) in enumerate(sig.parameters.items()):
        if i == 0 and pname in ("self", "cls"):
            continue
        if p.kind in (p.VAR_KEYWORD,):
            continue
        t = _py_type_text(p.annotation)
        prefix = "Params " if p.kind is p.VAR_POSITIONAL else ""
        params.append(f"{prefix}{t} {pname}")
    ret = sig.return_annotation
    rt = "void" if ret in (None, "None") else _py_type_text(ret)
    return f"{rt} {name}({', '.join(params)})"


_SHORT_NAMES = {"System.Int32": "int", "System.String": "string", "System.Boolean": "bool", "System.Double": "double",
                "System.Int64": "long", "System.Decimal": "decimal", "System.Char": "char", "System.Byte": "byte",
                "System.Single": "float", "System.DateTime": "datetime", "System.Int16": "short",
                "System.SByte": "sbyte", "System.UInt32": "uint", "System.UInt64": "ulong", "System.UInt16": "ushort",
                "System.Object": "System.Object", "System.Object[]": "Object[]", "System.Guid": "guid",
                "System.TimeSpan": "timespan", "System.Collections.Hashtable": "hashtable",
                "System.Management.Automation.ScriptBlock": "scriptblock", "System.Xml.XmlDocument": "xml",
                "System.Version": "version", "System.Text.RegularExpressions.Regex": "regex",
                "System.Security.SecureString": "securestring",
                "System.Management.Automation.PSCredential": "pscredential"}


def type_text(full: str) -> str:
    """How Get-Member writes a type: C# keywords and accelerators for the common ones."""
    return _SHORT_NAMES.get(full, full)


def _value_type_text(v: Any) -> str:
    if v is None:
        return "System.Object"
    try:
        return type_text(type_of(v).FullName)
    except Exception:  # noqa: BLE001
        return "System.Object"


def _note_definition(m: PSNoteProperty) -> str:
    return m.ToString()  # pwsh: a note's definition is its ToString(), e.g. "int N=1"


def _instance_member_def(m: Any) -> tuple[str, str]:
    if type(m) is PSNoteProperty:
        return "NoteProperty", _note_definition(m)
    if isinstance(m, PSScriptProperty):
        parts = ""
        if m.getter is not None:
            parts += "get=" + m.getter.ToString().strip("{}") + ";"
        if m.setter is not None:
            parts += "set=" + m.setter.ToString().strip("{}") + ";"
        return "ScriptProperty", f"System.Object {m.Name} {{{parts}}}"
    if isinstance(m, PSAliasProperty):
        return "AliasProperty", f"{m.Name} = {m.target}"
    if isinstance(m, PSScriptMethod):
        return "ScriptMethod", f"System.Object {m.Name}();"
    if isinstance(m, PSCodeMethod):
        return "CodeMethod", _method_definition(m.fn, m.Name)
    return getattr(m, "MemberType", "NoteProperty"), f"System.Object {m.Name}"


def members_of(obj: Any) -> list[tuple[str, str, str]]:
    """(name, member type, definition) of each member of a value, as Get-Member lists them."""
    t = type(obj)
    if t is PSCustomObject:
        out = [(n, "Method", d) for n, d in _OBJECT_METHODS]
        for m in obj._members.values():
            mt, d = _instance_member_def(m)
            out.append((m.Name, mt, d))
        return out
    out = _adapted_members(base_of(obj))
    for m in (instance_members(obj) or {}).values():
        mt, d = _instance_member_def(m)
        out.append((m.Name, mt, d))
    return out


def _adapted_members(obj: Any) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    t = type(obj)
    if isinstance(obj, str) and t.__name__ != "Char":
        out += [(n, "Method", d) for n, d in _STRING_METHODS]
        out.append(("Chars", "ParameterizedProperty", "char Chars(int index) {get;}"))
        out.append(("Length", "Property", "int Length {get;}"))
        return out
    if isinstance(obj, (int, float)) or isinstance(obj, enum.Enum):
        tn = _value_type_text(obj)
        out += [(n, "Method", d.replace("{t}", tn)) for n, d in _NUMBER_METHODS]
        if isinstance(obj, enum.Enum):
            out.append(("HasFlag", "Method", "bool HasFlag(System.Enum flag)"))
            out.append(("value__", "Property", f"{tn} value__ {{get;set;}}"))
        return out
    if isinstance(obj, list) and (t is list or not adapter_for(t).props):
        out += [(n, "Method", d) for n, d in _ARRAY_METHODS]
        out.append(("Count", "AliasProperty", "Count = Length"))
        out += [(n, "Property", d) for n, d in _ARRAY_PROPS]
        return out
    a = adapter_for(t)
    seen: set[str] = set()
    for low, attr in sorted(a.methods.items()):
        fn = getattr(t, attr, None)
        out.append((attr, "Method", _method_definition(fn, attr)))
        seen.add(low)
    for n, d in _OBJECT_METHODS:
        if n.lower() not in seen:
            out.append((n, "Method", d))
    for name in a.prop_order:
        attr = a.props.get(name.lower(), name)
        try:
            v = getattr(obj, attr)
        except Exception:  # noqa: BLE001 - a property that fails to read still shows
            v = None
        desc = getattr(t, attr, None)
        settable = isinstance(desc, property) and desc.fset is not None or not isinstance(desc, property)
        out.append((name, "Property", f"{_value_type_text(v)} {name} {{get;{'set;' if settable else ''}}}"))
    if isinstance(obj, Hashtable) and "count" not in a.props:
        out.append(("Count", "Property", "int Count {get;}"))
    return out


def _static_members(t: PSType) -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    cls = t.pyclass if isinstance(t.pyclass, type) else None
    names: dict[str, str] = {}
    if cls is not None:
        for klass in reversed(cls.__mro__):
            for k, v in vars(klass).items():
                if k[:1].isupper() and isinstance(v, (staticmethod, classmethod)):
                    names[k.lower()] = k
    for low, v in t.statics().items():
        name = names.get(low) or (low[:1].upper() + low[1:])
        if callable(v) and not isinstance(v, type):
            out.append((name, "Method", "static " + _method_definition(v, name)))
        else:
            out.append((name, "Property", f"static {_value_type_text(v)} {name} {{get;}}"))
    return out


@cmdlet("Get-Member", module=UTIL, aliases=("gm",))
class GetMember(Cmdlet):
    """Gets the properties and methods of objects.

    Lists the members (properties, methods, note properties, script properties...) of each
    distinct type of object it receives, grouped under the type name."""

    InputObject = Parameter("PSObject", from_pipeline=True,
                            help="The object whose members are listed (an array given here is one object).")
    Name = Parameter(list[str], position=0, wildcards=True, help="Only members with these names (wildcards).")
    MemberType = Parameter("System.Management.Automation.PSMemberTypes", aliases=("Type",),
                           help="Only members of these types (e.g. Property, Method, NoteProperty).")
    View = Parameter(list[str], validate_set=("Extended", "Adapted", "Base", "All"), help="Extended, Adapted, Base or All.")
    Static = Parameter(Switch, help="List the static members of the object's type.")
    Force = Parameter(Switch, help="Also list hidden members.")
    examples = [("'text' | Get-Member", "Members of System.String."),
                ("Get-MsolUser -UserPrincipalName AlexW@contoso.com | Get-Member -MemberType Property",
                 "The properties of a user object.")]

    def begin(self) -> None:
        self._seen: set[str] = set()
        self._any = False

    def process(self) -> None:
        if not has_item(self):
            return
        obj = self.InputObject
        if obj is None:
            return
        self._any = True
        if self.Static:
            t = obj if isinstance(obj, PSType) else type_of(obj)
            tn = t.FullName
            members = _static_members(t)
        else:
            tn = type_names(obj)[0]
            members = members_of(obj)
        if tn in self._seen:
            return
        self._seen.add(tn)
        pats = [compile_wildcard(n) for n in self.Name] if self.Name else None
        mask = int(getattr(self.MemberType, "value", self.MemberType)) if self.MemberType is not None else None
        rows = []
        for name, mt, d in members:
            if pats is not None and not any(p(name) for p in pats):
                continue
            mtv = _member_type(mt)
            if mask is not None and not (mtv.value & mask):
                continue
            rows.append(MemberDefinition(tn, name, mtv, d))
        rows.sort(key=lambda r: (r.MemberType.name, r.Name.lower()))
        self.write_all(rows)

    def end(self) -> None:
        if not self._any:
            self.write_error(self.make_record(
                PSInvalidOperationException("You must specify an object for the Get-Member cmdlet."),
                "NoObjectInGetMember", ErrorCategory.CloseError, None))


# ============================================================================= New-Object

_PSOBJECT_NAMES = {"psobject", "pscustomobject", "system.management.automation.psobject",
                   "system.management.automation.pscustomobject", "system.object", "object"}


@cmdlet("New-Object", module=UTIL, default_set="Net")
class NewObject(Cmdlet):
    """Creates an instance of a .NET Framework or COM object.

    Creates an object of the given type (PSObject, PSCredential, System.Collections.ArrayList,
    the Microsoft.Online.Administration types...), passing -ArgumentList to its constructor and
    then setting the properties in -Property. COM objects need Windows and are not available."""

    TypeName = Parameter(str, mandatory=True, position=0, set="Net", help="The full name of the type to create.")
    ArgumentList = Parameter("System.Object[]", position=1, set="Net", aliases=("Args",),
                             help="Arguments for the type's constructor.")
    ComObject = Parameter(str, mandatory=True, position=0, set="Com", help="A COM ProgID (Windows only).")
    Strict = Parameter(Switch, set="Com", help="Error when a COM object uses an interop assembly.")
    Property = Parameter("System.Collections.Hashtable",
                         help="Property values to set on the new object (note properties for a PSObject).")
    examples = [("New-Object PSObject -Property @{Name='Ann'; Dept='IT'}", "A custom object."),
                ("$cred = New-Object System.Management.Automation.PSCredential ('admin@contoso.com', $secure)",
                 "A credential from a user name and a SecureString."),
                ("$list = New-Object System.Collections.ArrayList", "An empty ArrayList.")]

    def process(self) -> None:
        if self.parameter_set_name == "Com":
            raise self.error(f"Cannot create the COM object '{self.ComObject}': COM objects are a Windows-only "
                             "feature and are not available in o365shell.", "NoCOMClassIdentified",
                             ErrorCategory.NotImplemented, self.ComObject, PSNotSupportedException)
        name = self.TypeName.strip()
        args = list(self.ArgumentList) if self.ArgumentList is not None else []
        if name.lower() in _PSOBJECT_NAMES:
            obj = self._psobject(args)
            self._apply(obj, custom=True)
            self.write(obj)
            return
        t = resolve(name, required=False)
        if t is None:
            raise self.error(f"Cannot find type [{name}]: verify that the assembly containing this type is loaded.",
                             "TypeNotFound", ErrorCategory.InvalidType, None, PSArgumentException)
        if t.is_enum or t.FullName.endswith("[]") and not args:
            pass
        try:
            obj = t.new(args)
        except DotNetException as e:
            msg = getattr(e, "Message", str(e))
            if getattr(e, "error_id", "") == "CannotFindAppropriateCtor":
                raise self.error(f"A constructor was not found. Cannot find an appropriate constructor for type "
                                 f"{t.FullName}.", "CannotFindAppropriateCtor", ErrorCategory.ObjectNotFound,
                                 None, PSArgumentException) from None
            raise self.error(f'Exception calling ".ctor" with "{len(args)}" argument(s): "{msg}"',
                             "ConstructorInvokedThrowException", ErrorCategory.InvalidOperation, None) from None
        except (TypeError, ValueError):
            raise self.error(f'Cannot find an overload for "{t.Name}" and the argument count: "{len(args)}".',
                             "ConstructorCalledThrowException", ErrorCategory.InvalidOperation, None) from None
        self._apply(obj, custom=type(obj) is PSCustomObject)
        self.write(obj)

    def _psobject(self, args: list) -> Any:
        if args:
            base = args[0] if len(args) == 1 else args
            if isinstance(base, Hashtable):
                return PSCustomObject(base.items())
            return base
        return PSCustomObject()

    def _apply(self, obj: Any, custom: bool) -> None:
        props = self.Property
        if not props:
            return
        for k, v in props.items():
            key = to_string(k)
            if custom and type(obj) is PSCustomObject:
                m = obj._members.get(key.lower())
                if m is not None and m.is_property:
                    m.set(obj, v)
                else:
                    obj.add_note(key, v)
                continue
            try:
                set_member(obj, key, v)
            except DotNetException:
                self.write_error(self.make_record(
                    PSInvalidOperationException(f'The member "{key}" was not found for the specified .NET object.'),
                    "InvalidOperationException", ErrorCategory.InvalidOperation, None))
