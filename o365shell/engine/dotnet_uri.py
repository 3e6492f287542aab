"""System.Uri (``[uri]``) and the URL / HTML encoders System.Web.HttpUtility and
System.Net.WebUtility (registered by ``dotnetstatics.register_statics``).
"""
from __future__ import annotations

import html
import ipaddress
import re
import urllib.parse
from typing import Any

from .enums import UriKind, UriPartial
from .netlib.exceptions import (ArgumentException, ArgumentNullException, FormatException,
                                InvalidOperationException, register as _register_exception)

__all__ = ["Uri", "UriFormatException", "URI_STATICS", "HttpUtility", "WebUtility"]

UriFormatException = _register_exception(type("UriFormatException", (FormatException,), {
    "__ps_typename__": "System.UriFormatException", "__doc__": "System.UriFormatException.",
    "default_message": "Invalid URI: The format of the URI could not be determined."}))


def _s(v: Any) -> str:
    if isinstance(v, str):
        return str(v)
    from .conversion import to_string
    return to_string(v)


def _need(v: Any, name: str) -> str:
    if v is None:
        raise ArgumentNullException(f"Value cannot be null. (Parameter '{name}')")
    return _s(v)


# ----------------------------------------------------------------------------- Uri

_DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21, "ws": 80, "wss": 443, "ldap": 389, "mailto": 25,
                  "news": 119, "nntp": 119, "gopher": 70, "telnet": 23, "net.tcp": 808, "sftp": 22, "ssh": 22}
_PATH_SAFE = "/:@!$&'()*+,;=-._~%"
_QUERY_SAFE = _PATH_SAFE + "?"
_BAD_PCT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_RELATIVE_ONLY = "This operation is not supported for a relative URI."


def _escape(part: str, safe: str) -> str:
    return urllib.parse.quote(_BAD_PCT.sub("%25", part), safe=safe)


def _remove_dots(path: str) -> str:
    if "." not in path:
        return path
    out: list[str] = []
    segs = path.split("/")
    for i, seg in enumerate(segs):
        if seg == ".":
            if i == len(segs) - 1:
                out.append("")
            continue
        if seg == "..":
            if len(out) > 1:
                out.pop()
            if i == len(segs) - 1:
                out.append("")
            continue
        out.append(seg)
    return "/".join(out) if out and out != [""] else "/"


class Uri:
    """System.Uri (``[uri]``): a parsed, normalized URI (absolute, or relative with UriKind.Relative)."""

    __ps_typename__ = "System.Uri"
    __ps_properties__ = ("AbsolutePath", "AbsoluteUri", "LocalPath", "Authority", "HostNameType", "IsDefaultPort",
                         "IsFile", "IsLoopback", "PathAndQuery", "Segments", "IsUnc", "Host", "Port", "Query",
                         "Fragment", "Scheme", "OriginalString", "DnsSafeHost", "IdnHost", "IsAbsoluteUri",
                         "UserEscaped", "UserInfo")

    def __init__(self, uri: Any, kind: Any = None) -> None:
        if uri is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'uriString')")
        if isinstance(uri, Uri) and (isinstance(kind, Uri) or (isinstance(kind, str) and not _is_kind_name(kind))):
            rel = kind.OriginalString if isinstance(kind, Uri) else kind
            self._init(urllib.parse.urljoin(uri.AbsoluteUri, rel), UriKind.Absolute)
            return
        self._init(uri.OriginalString if isinstance(uri, Uri) else _s(uri), _kind(kind))

    def _init(self, text: str, kind: Any) -> None:
        self._original = text
        s = text.strip()
        looks_absolute = re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", s) is not None and \
            not re.match(r"[A-Za-z]:[\\/]", s)
        if not looks_absolute and kind != UriKind.Relative and s.startswith("/") and not s.startswith("//"):
            s, looks_absolute = "file://" + s, True
        if kind == UriKind.Relative and looks_absolute or not looks_absolute and kind in (None, UriKind.Absolute):
            raise UriFormatException("Invalid URI: The format of the URI could not be determined.")
        self._abs = looks_absolute
        if not looks_absolute:
            return
        parts = urllib.parse.urlsplit(s.replace("\\", "/") if s.lower().startswith(("http", "file")) else s)
        self._scheme = parts.scheme.lower()
        self._hier = "//" in s[:len(parts.scheme) + 3]
        self._user = ""
        host_port = parts.netloc
        if "@" in host_port:
            self._user, host_port = host_port.rsplit("@", 1)
        if host_port.startswith("["):
            end = host_port.find("]")
            host, port_text = host_port[:end + 1], host_port[end + 2:] if end + 1 < len(host_port) else ""
        elif ":" in host_port:
            host, port_text = host_port.rsplit(":", 1)
        else:
            host, port_text = host_port, ""
        if self._hier and not host and self._scheme != "file":
            raise UriFormatException("Invalid URI: The hostname could not be parsed.")
        if port_text:
            if not port_text.isdigit() or int(port_text) > 65535:
                raise UriFormatException("Invalid URI: Invalid port specified.")
            self._port = int(port_text)
        else:
            self._port = _DEFAULT_PORTS.get(self._scheme, -1)
        self._host = host.lower()
        path = parts.path
        if self._hier:
            path = _remove_dots(path or "/") if self._scheme in ("http", "https", "file", "ftp", "ws", "wss") \
                else path or "/"
        self._path = _escape(path, _PATH_SAFE)
        has_query = bool(parts.query) or s.split("#")[0].endswith("?")
        self._query = ("?" + _escape(parts.query, _QUERY_SAFE)) if has_query else ""
        self._fragment = ("#" + _escape(parts.fragment, _QUERY_SAFE + "#")) if parts.fragment else ""

    def _need_abs(self) -> None:
        if not self._abs:
            raise InvalidOperationException(_RELATIVE_ONLY)

    # ---- properties
    @property
    def IsAbsoluteUri(self) -> bool:
        return self._abs

    @property
    def OriginalString(self) -> str:
        return self._original

    @property
    def Scheme(self) -> str:
        self._need_abs()
        return self._scheme

    @property
    def Host(self) -> str:
        self._need_abs()
        return self._host

    @property
    def DnsSafeHost(self) -> str:
        return self.Host.strip("[]")

    @property
    def IdnHost(self) -> str:
        return self.DnsSafeHost

    @property
    def HostNameType(self) -> str:
        h = self.DnsSafeHost
        if not h:
            return "Basic"
        try:
            return "IPv4" if ipaddress.ip_address(h).version == 4 else "IPv6"
        except ValueError:
            return "Dns"

    @property
    def Port(self) -> int:
        self._need_abs()
        return self._port

    @property
    def IsDefaultPort(self) -> bool:
        self._need_abs()
        return self._port == _DEFAULT_PORTS.get(self._scheme, -1)

    @property
    def Authority(self) -> str:
        self._need_abs()
        return self._host if self.IsDefaultPort else f"{self._host}:{self._port}"

    @property
    def UserInfo(self) -> str:
        self._need_abs()
        return self._user

    @property
    def AbsolutePath(self) -> str:
        self._need_abs()
        return self._path

    @property
    def LocalPath(self) -> str:
        self._need_abs()
        return urllib.parse.unquote(self._path)

    @property
    def Query(self) -> str:
        self._need_abs()
        return self._query

    @property
    def Fragment(self) -> str:
        self._need_abs()
        return self._fragment

    @property
    def PathAndQuery(self) -> str:
        return self.AbsolutePath + self._query

    @property
    def Segments(self) -> list[str]:
        path = self.AbsolutePath
        if not path.startswith("/"):
            return [path] if path else []
        out = ["/"]
        pieces = path[1:].split("/")
        for i, p in enumerate(pieces):
            if i < len(pieces) - 1:
                out.append(p + "/")
            elif p:
                out.append(p)
        return out

    @property
    def AbsoluteUri(self) -> str:
        self._need_abs()
        auth = ""
        if self._hier:
            auth = "//" + (self._user + "@" if self._user else "") + self.Authority
        return f"{self._scheme}:{auth}{self._path}{self._query}{self._fragment}"

    @property
    def IsFile(self) -> bool:
        return self.Scheme == "file"

    @property
    def IsUnc(self) -> bool:
        return False

    @property
    def IsLoopback(self) -> bool:
        h = self.DnsSafeHost.lower()
        if h == "localhost" or (h == "" and self._scheme == "file"):
            return True
        try:
            return ipaddress.ip_address(h).is_loopback
        except ValueError:
            return False

    @property
    def UserEscaped(self) -> bool:
        return False

    # ---- methods
    def GetLeftPart(self, part: Any) -> str:
        p = _enum_arg(UriPartial, part)
        if p == UriPartial.Scheme:
            return self._scheme + (":" + "//" if self._hier else ":")
        auth = f"{self._scheme}:" + ("//" + (self._user + "@" if self._user else "") + self.Authority
                                     if self._hier else "")
        if p == UriPartial.Authority:
            return auth
        if p == UriPartial.Path:
            return auth + self._path
        return auth + self._path + self._query

    def ToString(self) -> str:
        if not self._abs:
            return self._original
        return re.sub(r"%([0-9A-Fa-f]{2})", _unescape_safe, self.AbsoluteUri)

    def Equals(self, other: Any) -> bool:
        if isinstance(other, str):
            try:
                other = Uri(other, UriKind.RelativeOrAbsolute)
            except FormatException:  # type: ignore[misc]
                return False
        if not isinstance(other, Uri):
            return False
        if self._abs != other._abs:
            return False
        return (self.AbsoluteUri.split("#")[0] == other.AbsoluteUri.split("#")[0]) if self._abs else \
            self._original == other._original

    def __eq__(self, other: Any) -> bool:
        return isinstance(other, Uri) and self.Equals(other)

    def __hash__(self) -> int:
        return hash(self.AbsoluteUri if self._abs else self._original)

    def __str__(self) -> str:
        return self.ToString()

    def __repr__(self) -> str:
        return f"Uri({self.ToString()!r})"

    # ---- statics
    @staticmethod
    def EscapeDataString(s: Any) -> str:
        return urllib.parse.quote(_need(s, "stringToEscape"), safe="-_.~")

    @staticmethod
    def UnescapeDataString(s: Any) -> str:
        return urllib.parse.unquote(_need(s, "stringToUnescape"))

    @staticmethod
    def EscapeUriString(s: Any) -> str:
        return urllib.parse.quote(_need(s, "stringToEscape"), safe="-_.~!#$&'()*+,/:;=?@[]%")

    @staticmethod
    def IsWellFormedUriString(s: Any, kind: Any = None) -> bool:
        if s is None:
            return False
        text = _s(s)
        if re.search(r"[\s\\]", text) or re.search(r"%(?![0-9A-Fa-f]{2})", text):
            return False
        try:
            Uri(text, _kind(kind) if kind is not None else UriKind.RelativeOrAbsolute)
        except FormatException:  # type: ignore[misc]
            return False
        return True

    @staticmethod
    def CheckSchemeName(name: Any) -> bool:
        return name is not None and re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*", _s(name)) is not None


def _unescape_safe(m: re.Match[str]) -> str:
    c = chr(int(m.group(1), 16))
    if c in ":/?#[]@!$&'()*+,;=%" or ord(c) < 0x20 or ord(c) >= 0x7F:
        return m.group(0)
    return c


def _is_kind_name(s: str) -> bool:
    return s.strip().lower() in ("relativeorabsolute", "absolute", "relative")


def _enum_arg(cls: Any, v: Any) -> Any:
    if isinstance(v, cls):
        return v
    if isinstance(v, str):
        for m in cls:
            if m.name.lower() == v.strip().lower():
                return m
        raise ArgumentException(f"Requested value '{v}' was not found.")
    return cls(int(v))


def _kind(kind: Any) -> Any:
    return None if kind is None else _enum_arg(UriKind, kind)


URI_STATICS: dict[str, Any] = {
    "EscapeDataString": Uri.EscapeDataString, "UnescapeDataString": Uri.UnescapeDataString,
    "EscapeUriString": Uri.EscapeUriString, "IsWellFormedUriString": Uri.IsWellFormedUriString,
    "CheckSchemeName": Uri.CheckSchemeName,
    "UriSchemeHttp": "http", "UriSchemeHttps": "https", "UriSchemeFile": "file", "UriSchemeFtp": "ftp",
    "UriSchemeMailto": "mailto", "SchemeDelimiter": "://",
}


# ----------------------------------------------------------------------------- URL / HTML encoding

def _url_encode(s: Any, upper: bool) -> str | None:
    if s is None:
        return None
    out = []
    for b in _s(s).encode("utf-8", "surrogatepass"):
        c = chr(b)
        if c.isascii() and (c.isalnum() or c in "-_.!*()"):
            out.append(c)
        elif c == " ":
            out.append("+")
        else:
            out.append(f"%{b:02X}" if upper else f"%{b:02x}")
    return "".join(out)


def _url_decode(s: Any) -> str | None:
    if s is None:
        return None
    text = _s(s).replace("+", " ")
    text = re.sub(r"%[uU]([0-9A-Fa-f]{4})", lambda m: urllib.parse.quote(chr(int(m.group(1), 16))), text)
    return urllib.parse.unquote(text, errors="replace")


def _html_encode(s: Any) -> str | None:
    if s is None:
        return None
    out = []
    for c in _s(s):
        if c == "&":
            out.append("&amp;")
        elif c == "<":
            out.append("&lt;")
        elif c == ">":
            out.append("&gt;")
        elif c == '"':
            out.append("&quot;")
        elif c == "'":
            out.append("&#39;")
        elif 160 <= ord(c) < 256 or ord(c) > 0xFFFF:
            out.append(f"&#{ord(c)};")
        else:
            out.append(c)
    return "".join(out)


def _html_decode(s: Any) -> str | None:
    return None if s is None else html.unescape(_s(s))


def _attr_encode(s: Any) -> str | None:
    if s is None:
        return None
    return _s(s).replace("&", "&amp;").replace('"', "&quot;").replace("'", "&#39;").replace("<", "&lt;")


def _js_encode(s: Any, add_quotes: Any = False) -> str:
    if s is None:
        return '""' if add_quotes else ""
    out = []
    for c in _s(s):
        if c in "\\\"'":
            out.append("\\" + c)
        elif c in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[c])
        elif ord(c) < 0x20 or c in "<>&" or ord(c) in (0x85, 0x2028, 0x2029):
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    body = "".join(out)
    return f'"{body}"' if add_quotes else body


class HttpUtility:
    """System.Web.HttpUtility: URL and HTML encoding (lower-case %xx, space as '+')."""

    __ps_typename__ = "System.Web.HttpUtility"

    UrlEncode = staticmethod(lambda s, *rest: _url_encode(s, False))
    UrlDecode = staticmethod(lambda s, *rest: _url_decode(s))
    UrlPathEncode = staticmethod(lambda s: None if s is None else _escape(_s(s), _QUERY_SAFE + "#"))
    HtmlEncode = staticmethod(_html_encode)
    HtmlDecode = staticmethod(_html_decode)
    HtmlAttributeEncode = staticmethod(_attr_encode)
    JavaScriptStringEncode = staticmethod(_js_encode)


class WebUtility:
    """System.Net.WebUtility: URL and HTML encoding (upper-case %XX, space as '+')."""

    __ps_typename__ = "System.Net.WebUtility"

    UrlEncode = staticmethod(lambda s: _url_encode(s, True))
    UrlDecode = staticmethod(_url_decode)
    HtmlEncode = staticmethod(_html_encode)
    HtmlDecode = staticmethod(_html_decode)
