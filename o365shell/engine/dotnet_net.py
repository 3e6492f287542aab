"""Network address value types: System.Net.IPAddress (``[ipaddress]``) and
System.Net.Mail.MailAddress (``[mailaddress]``), registered by
``dotnetstatics.register_statics``.  Nothing here touches the network.
"""
from __future__ import annotations

import ipaddress
import re
import socket
from typing import Any

from .enums import AddressFamily
from .netlib import numbers as N
from .netlib.exceptions import ArgumentException, ArgumentNullException, FormatException

__all__ = ["IPAddress", "MailAddress", "IP_STATICS"]

def _s(v: Any) -> str:
    if isinstance(v, str):
        return str(v)
    from .conversion import to_string
    return to_string(v)


def _need(v: Any, name: str) -> str:
    if v is None:
        raise ArgumentNullException(f"Value cannot be null. (Parameter '{name}')")
    return _s(v)


# ----------------------------------------------------------------------------- IPAddress

_INVALID_IP = "An invalid IP address was specified."


class IPAddress:
    """System.Net.IPAddress (``[ipaddress]``): an IPv4 or IPv6 address."""

    __ps_typename__ = "System.Net.IPAddress"
    __ps_properties__ = ("AddressFamily", "ScopeId", "IsIPv6Multicast", "IsIPv6LinkLocal", "IsIPv6SiteLocal",
                         "IsIPv6Teredo", "IsIPv6UniqueLocal", "IsIPv4MappedToIPv6", "Address", "IPAddressToString")
    __slots__ = ("_ip", "_scope")

    def __init__(self, address: Any, scope_id: Any = None) -> None:
        self._scope = 0
        if isinstance(address, (ipaddress.IPv4Address, ipaddress.IPv6Address)):
            self._ip = address
        elif isinstance(address, int) and not isinstance(address, bool):
            n = int(address)
            if not 0 <= n <= 0xFFFFFFFF:
                raise ArgumentException("Specified argument was out of the range of valid values. "
                                        "(Parameter 'newAddress')")
            self._ip = ipaddress.IPv4Address(n.to_bytes(4, "little"))
        else:
            from .dotnet_text import to_bytes
            data = to_bytes(address, "address")
            if len(data) == 4:
                self._ip = ipaddress.IPv4Address(data)
            elif len(data) == 16:
                self._ip = ipaddress.IPv6Address(data)
                self._scope = int(scope_id or 0)
            else:
                raise ArgumentException("An invalid IP address was specified. (Parameter 'address')")

    @staticmethod
    def Parse(ip_string: Any) -> "IPAddress":
        text = _need(ip_string, "ipString").strip() if ip_string is not None else ""
        if not text:
            raise FormatException(_INVALID_IP)
        if ":" in text:
            body, scope = text, 0
            if body.startswith("[") and "]" in body:
                body = body[1:body.index("]")]
            if "%" in body:
                body, sc = body.split("%", 1)
                scope = int(sc) if sc.isdigit() else 0
            try:
                ip = IPAddress(ipaddress.IPv6Address(body))
            except ValueError:
                raise FormatException(_INVALID_IP) from None
            ip._scope = scope
            return ip
        if re.search(r"\s", text):
            raise FormatException(_INVALID_IP)
        try:
            return IPAddress(ipaddress.IPv4Address(socket.inet_aton(text)))
        except OSError:
            raise FormatException(_INVALID_IP) from None

    @staticmethod
    def IsLoopback(address: Any) -> bool:
        ip = address if isinstance(address, IPAddress) else IPAddress.Parse(address)
        return ip._ip.is_loopback or (isinstance(ip._ip, ipaddress.IPv6Address) and
                                      ip._ip.ipv4_mapped is not None and ip._ip.ipv4_mapped.is_loopback)

    @property
    def AddressFamily(self) -> Any:
        return AddressFamily.InterNetwork if self._ip.version == 4 else AddressFamily.InterNetworkV6

    @property
    def Address(self) -> Any:
        if self._ip.version != 4:
            return None
        return N.Int64(int.from_bytes(self._ip.packed, "little"))

    @property
    def ScopeId(self) -> Any:
        return None if self._ip.version == 4 else N.Int64(self._scope)

    @property
    def IsIPv6Multicast(self) -> bool:
        return self._ip.version == 6 and self._ip.is_multicast

    @property
    def IsIPv6LinkLocal(self) -> bool:
        return self._ip.version == 6 and self._ip.is_link_local

    @property
    def IsIPv6SiteLocal(self) -> bool:
        return self._ip.version == 6 and self._ip.is_site_local  # type: ignore[union-attr]

    @property
    def IsIPv6Teredo(self) -> bool:
        return self._ip.version == 6 and self._ip.teredo is not None  # type: ignore[union-attr]

    @property
    def IsIPv6UniqueLocal(self) -> bool:
        return self._ip.version == 6 and self._ip.packed[0] & 0xFE == 0xFC

    @property
    def IsIPv4MappedToIPv6(self) -> bool:
        return self._ip.version == 6 and self._ip.ipv4_mapped is not None  # type: ignore[union-attr]

    @property
    def IPAddressToString(self) -> str:
        return self.ToString()

    def GetAddressBytes(self) -> list:
        from .dotnet_text import byte_array
        return byte_array(self._ip.packed)

    def MapToIPv4(self) -> "IPAddress":
        if self._ip.version == 4:
            return self
        return IPAddress(ipaddress.IPv4Address(self._ip.packed[-4:]))

    def MapToIPv6(self) -> "IPAddress":
        if self._ip.version == 6:
            return self
        return IPAddress(ipaddress.IPv6Address(b"\x00" * 10 + b"\xff\xff" + self._ip.packed))

    def ToString(self) -> str:
        ip = self._ip
        if ip.version == 6:
            mapped = ip.ipv4_mapped  # type: ignore[union-attr]
            text = f"::ffff:{mapped}" if mapped is not None else str(ip)
            return f"{text}%{self._scope}" if self._scope else text
        return str(ip)

    def Equals(self, other: Any) -> bool:
        return isinstance(other, IPAddress) and other._ip == self._ip and other._scope == self._scope

    def __eq__(self, other: Any) -> bool:
        return self.Equals(other)

    def __hash__(self) -> int:
        return hash((self._ip, self._scope))

    def GetHashCode(self) -> int:
        return hash(self) & 0x7FFFFFFF

    def __str__(self) -> str:
        return self.ToString()

    def __repr__(self) -> str:
        return f"IPAddress({self.ToString()!r})"


IP_STATICS: dict[str, Any] = {
    "Parse": IPAddress.Parse, "IsLoopback": IPAddress.IsLoopback,
    "Any": IPAddress(ipaddress.IPv4Address("0.0.0.0")),
    "Loopback": IPAddress(ipaddress.IPv4Address("127.0.0.1")),
    "Broadcast": IPAddress(ipaddress.IPv4Address("255.255.255.255")),
    "None": IPAddress(ipaddress.IPv4Address("255.255.255.255")),
    "IPv6Any": IPAddress(ipaddress.IPv6Address("::")),
    "IPv6Loopback": IPAddress(ipaddress.IPv6Address("::1")),
    "IPv6None": IPAddress(ipaddress.IPv6Address("::")),
}


# ----------------------------------------------------------------------------- MailAddress

_BAD_MAIL = "The specified string is not in the form required for an e-mail address."
_ATEXT = r"[\w!#$%&'*+/=?^`{|}~-]"
_DOT_ATOM = rf"{_ATEXT}+(?:\.{_ATEXT}+)*"
_LOCAL = re.compile(rf'(?:{_DOT_ATOM}|"(?:[^"\\\r\n]|\\.)*")\Z')
_DOMAIN = re.compile(rf"(?:{_DOT_ATOM}|\[[^\[\]\\\r\n]*\])\Z")


class MailAddress:
    """System.Net.Mail.MailAddress (``[mailaddress]``): an e-mail address with optional display name."""

    __ps_typename__ = "System.Net.Mail.MailAddress"
    __ps_properties__ = ("DisplayName", "User", "Host", "Address")
    __slots__ = ("_display", "_user", "_host")

    def __init__(self, address: Any, display_name: Any = None, *rest: Any) -> None:
        if address is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'address')")
        text = _s(address).strip()
        if not text:
            raise ArgumentException("The value cannot be an empty string. (Parameter 'address')")
        display = ""
        m = re.fullmatch(r'(.*?)\s*<([^<>]*)>', text, re.S)
        if m:
            display, text = m.group(1).strip(), m.group(2).strip()
            if len(display) >= 2 and display[0] == display[-1] == '"':
                display = display[1:-1]
        if "@" not in text:
            raise FormatException(_BAD_MAIL)
        user, host = text.rsplit("@", 1)
        if not user or not host or not _LOCAL.match(user) or not _DOMAIN.match(host):
            raise FormatException(_BAD_MAIL)
        if display_name is not None:
            display = _s(display_name).strip()
            if len(display) >= 2 and display[0] == display[-1] == '"':
                display = display[1:-1]
        self._display = display
        self._user = user
        self._host = host

    @property
    def DisplayName(self) -> str:
        return self._display

    @property
    def User(self) -> str:
        return self._user

    @property
    def Host(self) -> str:
        return self._host

    @property
    def Address(self) -> str:
        return f"{self._user}@{self._host}"

    def ToString(self) -> str:
        if self._display:
            return f'"{self._display}" <{self.Address}>'
        return self.Address

    def Equals(self, other: Any) -> bool:
        return other is not None and self.ToString().lower() == _s(other).lower()

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, MailAddress) and self.Equals(other)

    def __hash__(self) -> int:
        return hash(self.ToString().lower())

    def __str__(self) -> str:
        return self.ToString()

    def __repr__(self) -> str:
        return f"MailAddress({self.ToString()!r})"
