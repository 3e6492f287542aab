"""Small .NET value types the engine needs beyond netlib: SwitchParameter, SecureString,
PSCredential, CultureInfo, StringBuilder and the Regex / Match objects."""
from __future__ import annotations

import hashlib
import os
from typing import Any

from .netlib.exceptions import ArgumentException


class SwitchParameter:
    """System.Management.Automation.SwitchParameter: what a [switch] parameter holds."""

    __ps_typename__ = "System.Management.Automation.SwitchParameter"
    __ps_properties__ = ("IsPresent",)
    __slots__ = ("IsPresent",)

    def __init__(self, present: Any = False) -> None:
        from .conversion import to_bool
        self.IsPresent = to_bool(present)

    def __bool__(self) -> bool:
        return self.IsPresent

    def ToBool(self) -> bool:
        return self.IsPresent

    def ToString(self) -> str:
        return "True" if self.IsPresent else "False"

    def __eq__(self, other: Any) -> bool:
        if isinstance(other, SwitchParameter):
            return other.IsPresent == self.IsPresent
        if isinstance(other, bool):
            return other == self.IsPresent
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.IsPresent)

    @staticmethod
    def Present() -> "SwitchParameter":
        return SwitchParameter(True)


class SecureString:
    """System.Security.SecureString: the text is kept out of every display and string conversion."""

    __ps_typename__ = "System.Security.SecureString"
    __ps_properties__ = ("Length",)
    __slots__ = ("_key", "_data", "_readonly")

    def __init__(self, text: str = "") -> None:
        self._key = os.urandom(16)
        self._data = self._xor(text.encode("utf-8"))
        self._readonly = False

    def _xor(self, data: bytes) -> bytes:
        stream = hashlib.shake_256(self._key).digest(max(1, len(data)))
        return bytes(a ^ b for a, b in zip(data, stream))

    def reveal(self) -> str:
        """The plain text (for the engine's own use: sign-in checks, ConvertFrom-SecureString -AsPlainText)."""
        return self._xor(self._data).decode("utf-8")

    @property
    def Length(self) -> int:
        return len(self.reveal())

    def AppendChar(self, c: str) -> None:
        self._data = self._xor((self.reveal() + str(c)).encode("utf-8"))

    def MakeReadOnly(self) -> None:
        self._readonly = True

    def IsReadOnly(self) -> bool:
        return self._readonly

    def Clear(self) -> None:
        self._data = b""

    def Dispose(self) -> None:
        self._data = b""

    def Copy(self) -> "SecureString":
        return SecureString(self.reveal())

    def ToString(self) -> str:
        return "System.Security.SecureString"

    def __repr__(self) -> str:
        return "SecureString(***)"


class NetworkCredential:
    """System.Net.NetworkCredential (what PSCredential.GetNetworkCredential() returns)."""

    __ps_typename__ = "System.Net.NetworkCredential"
    __ps_properties__ = ("UserName", "Password", "SecurePassword", "Domain")
    __slots__ = ("UserName", "_secure", "Domain")

    def __init__(self, user: str = "", password: Any = "", domain: str = "") -> None:
        self.UserName = user
        self._secure = password if isinstance(password, SecureString) else SecureString(str(password or ""))
        self.Domain = domain

    @property
    def Password(self) -> str:
        return self._secure.reveal()

    @property
    def SecurePassword(self) -> SecureString:
        return self._secure


class PSCredential:
    """System.Management.Automation.PSCredential: a user name and a SecureString password."""

    __ps_typename__ = "System.Management.Automation.PSCredential"
    __ps_properties__ = ("UserName", "Password")
    __slots__ = ("UserName", "Password")

    def __init__(self, user: Any, password: Any = None) -> None:
        from .conversion import to_string
        if password is None or not isinstance(password, SecureString):
            if password is None:
                raise ArgumentException("Cannot process argument because the value of argument \"password\" is "
                                        "null. Change the value of argument \"password\" to a non-null value.")
            from .conversion import cast_error
            raise cast_error(password, "System.Security.SecureString")
        self.UserName = to_string(user)
        self.Password = password

    def GetNetworkCredential(self) -> NetworkCredential:
        user, domain = self.UserName, ""
        if "\\" in user:
            domain, user = user.split("\\", 1)
        return NetworkCredential(user, self.Password, domain)

    @staticmethod
    def Empty() -> "PSCredential":
        return PSCredential("", SecureString(""))

    def ToString(self) -> str:
        return "System.Management.Automation.PSCredential"


class CultureInfo:
    """System.Globalization.CultureInfo: en-US and the invariant culture."""

    __ps_typename__ = "System.Globalization.CultureInfo"
    __ps_properties__ = ("Name", "DisplayName", "LCID")
    __slots__ = ("Name",)

    def __init__(self, name: Any = "en-US") -> None:
        self.Name = "" if name in ("", None, "invariant") else str(name)

    @property
    def DisplayName(self) -> str:
        return "Invariant Language (Invariant Country)" if not self.Name else "English (United States)"

    @property
    def LCID(self) -> int:
        return 127 if not self.Name else 1033

    @property
    def culture_key(self) -> str:
        return "invariant" if not self.Name else "en-US"

    @staticmethod
    def GetCultureInfo(name: str) -> "CultureInfo":
        return CultureInfo(name)

    InvariantCulture: "CultureInfo"
    CurrentCulture: "CultureInfo"

    def ToString(self) -> str:
        return self.Name


CultureInfo.InvariantCulture = CultureInfo("")
CultureInfo.CurrentCulture = CultureInfo("en-US")


class StringBuilder:
    """System.Text.StringBuilder."""

    __ps_typename__ = "System.Text.StringBuilder"
    __ps_properties__ = ("Capacity", "MaxCapacity", "Length")
    __slots__ = ("_parts",)

    def __init__(self, initial: Any = "", *rest: Any) -> None:
        self._parts = [initial] if isinstance(initial, str) and initial else []

    def _text(self) -> str:
        if len(self._parts) > 1:
            self._parts = ["".join(self._parts)]
        return self._parts[0] if self._parts else ""

    def Append(self, v: Any, *rest: Any) -> "StringBuilder":
        from .conversion import to_string
        self._parts.append(to_string(v))
        return self

    def AppendLine(self, v: Any = "") -> "StringBuilder":
        from .conversion import to_string
        self._parts.append(to_string(v) + "\n")
        return self

    def AppendFormat(self, fmt: str, *args: Any) -> "StringBuilder":
        from .netlib.composite import format_composite
        from .conversion import to_string
        self._parts.append(format_composite(fmt, list(args), to_string))
        return self

    def Insert(self, index: int, v: Any) -> "StringBuilder":
        from .conversion import to_string
        t = self._text()
        self._parts = [t[:index] + to_string(v) + t[index:]]
        return self

    def Remove(self, start: int, length: int) -> "StringBuilder":
        t = self._text()
        self._parts = [t[:start] + t[start + length:]]
        return self

    def Replace(self, old: str, new: str) -> "StringBuilder":
        self._parts = [self._text().replace(old, new or "")]
        return self

    def Clear(self) -> "StringBuilder":
        self._parts = []
        return self

    @property
    def Length(self) -> int:
        return len(self._text())

    @property
    def Capacity(self) -> int:
        return max(16, self.Length)

    @property
    def MaxCapacity(self) -> int:
        return 2147483647

    def ToString(self) -> str:
        return self._text()


class PSReference:
    """System.Management.Automation.PSReference ([ref]): a box, or a reference to a variable."""

    __ps_typename__ = "System.Management.Automation.PSReference"
    __ps_properties__ = ("Value",)
    __slots__ = ("_value", "_scope", "_name")

    def __init__(self, value: Any = None, scope: Any = None, name: str | None = None) -> None:
        self._value = value
        self._scope = scope
        self._name = name

    @property
    def Value(self) -> Any:
        if self._scope is not None:
            return self._scope.vars.get(self._name)
        return self._value

    @Value.setter
    def Value(self, v: Any) -> None:
        if self._scope is not None:
            self._scope.vars[self._name] = v  # type: ignore[index]
        else:
            self._value = v
