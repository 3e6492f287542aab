"""dotnet_net / dotnet_uri: IPAddress, MailAddress, Uri, HttpUtility, WebUtility."""
from __future__ import annotations

import pytest

from o365shell.engine.dotnet_net import IP_STATICS, IPAddress, MailAddress
from o365shell.engine.dotnet_uri import HttpUtility, Uri, UriFormatException, WebUtility
from o365shell.engine.enums import AddressFamily
from o365shell.engine.netlib.exceptions import FormatException, InvalidOperationException


@pytest.mark.parametrize("text,user,host,display", [
    ("AdeleV@contoso.com", "AdeleV", "contoso.com", ""),
    ("Adele Vance <AdeleV@contoso.com>", "AdeleV", "contoso.com", "Adele Vance"),
    ('"Vance, Adele" <AdeleV@contoso.com>', "AdeleV", "contoso.com", "Vance, Adele"),
    ("first.last+tag@sub.contoso.onmicrosoft.com", "first.last+tag", "sub.contoso.onmicrosoft.com", ""),
    ("a@b", "a", "b", ""),
])
def test_mailaddress_parsing(text: str, user: str, host: str, display: str) -> None:
    m = MailAddress(text)
    assert (m.User, m.Host, m.DisplayName) == (user, host, display)
    assert m.Address == f"{user}@{host}"


def test_mailaddress_tostring_and_display_param() -> None:
    assert MailAddress("a@b.com").ToString() == "a@b.com"
    assert MailAddress("a@b.com", "Alex W").ToString() == '"Alex W" <a@b.com>'
    assert MailAddress("X <a@b.com>", "Y").DisplayName == "Y"


@pytest.mark.parametrize("bad", ["plainaddress", "a@", "@b.com", "a b@c.com", "a..b@c.com", "a@b@c", ".a@b.com"])
def test_mailaddress_invalid(bad: str) -> None:
    with pytest.raises(FormatException) as e:
        MailAddress(bad)
    assert e.value.Message == "The specified string is not in the form required for an e-mail address."


def test_ipaddress() -> None:
    ip = IPAddress.Parse("10.0.0.1")
    assert ip.ToString() == "10.0.0.1" and str(ip) == "10.0.0.1"
    assert ip.AddressFamily == AddressFamily.InterNetwork and ip.AddressFamily.name == "InterNetwork"
    assert ip.GetAddressBytes() == [10, 0, 0, 1]
    assert ip.Address == 16777226
    v6 = IPAddress.Parse("2001:DB8::1")
    assert v6.ToString() == "2001:db8::1" and v6.AddressFamily.name == "InterNetworkV6"
    assert len(v6.GetAddressBytes()) == 16
    assert IPAddress.Parse("::ffff:1.2.3.4").ToString() == "::ffff:1.2.3.4"
    assert IPAddress.Parse("127.1").ToString() == "127.0.0.1"
    assert IPAddress.IsLoopback(IPAddress.Parse("::1"))
    assert IP_STATICS["Loopback"].ToString() == "127.0.0.1"
    assert IPAddress([192, 168, 1, 2]).ToString() == "192.168.1.2"
    assert IPAddress.Parse("1.2.3.4") == IPAddress.Parse("1.2.3.4")
    for bad in ("1.2.3.4.5", "abc", "", "1.2.3.256", "1.2.3.4 x"):
        with pytest.raises(FormatException) as e:
            IPAddress.Parse(bad)
        assert e.value.Message == "An invalid IP address was specified."


def test_uri_parts() -> None:
    u = Uri("HTTPS://Login.MicrosoftOnline.com/common/oauth2/token?resource=x y#frag")
    assert u.Scheme == "https" and u.Host == "login.microsoftonline.com" and u.Port == 443
    assert u.AbsolutePath == "/common/oauth2/token"
    assert u.Query == "?resource=x%20y" and u.Fragment == "#frag"
    assert u.PathAndQuery == "/common/oauth2/token?resource=x%20y"
    assert u.AbsoluteUri == "https://login.microsoftonline.com/common/oauth2/token?resource=x%20y#frag"
    assert u.Segments == ["/", "common/", "oauth2/", "token"]
    assert u.ToString() == "https://login.microsoftonline.com/common/oauth2/token?resource=x y#frag"
    assert u.IsDefaultPort and u.Authority == "login.microsoftonline.com"
    p = Uri("http://localhost:8080")
    assert p.Port == 8080 and p.AbsolutePath == "/" and p.AbsoluteUri == "http://localhost:8080/"
    assert p.Authority == "localhost:8080" and p.IsLoopback
    assert Uri("http://x/a/b/../c").AbsolutePath == "/a/c"
    assert Uri(Uri("https://contoso.com/a/b"), "c?d=1").AbsoluteUri == "https://contoso.com/a/c?d=1"
    assert Uri("/tmp/file.txt").AbsoluteUri == "file:///tmp/file.txt"
    assert Uri("https://contoso.com/x?y=1").GetLeftPart("Authority") == "https://contoso.com"


def test_uri_relative_and_errors() -> None:
    with pytest.raises(UriFormatException) as e:
        Uri("not a uri")
    assert e.value.Message == "Invalid URI: The format of the URI could not be determined."
    assert isinstance(e.value, FormatException)
    with pytest.raises(UriFormatException):
        Uri("http://")
    with pytest.raises(UriFormatException):
        Uri("http://host:99999/")
    rel = Uri("a/b", "Relative")
    assert not rel.IsAbsoluteUri and rel.ToString() == "a/b" and rel.OriginalString == "a/b"
    with pytest.raises(InvalidOperationException):
        _ = rel.Host
    assert Uri.IsWellFormedUriString("https://contoso.com/x", "Absolute")
    assert not Uri.IsWellFormedUriString("https://contoso.com/a b", "Absolute")
    assert Uri.EscapeDataString("a b&c/é") == "a%20b%26c%2F%C3%A9"
    assert Uri.UnescapeDataString("a%20b") == "a b"


def test_url_and_html_encoding() -> None:
    assert HttpUtility.UrlEncode("a b/é&") == "a+b%2f%c3%a9%26"
    assert WebUtility.UrlEncode("a b/é&") == "a+b%2F%C3%A9%26"
    assert HttpUtility.UrlEncode(None) is None
    assert HttpUtility.UrlDecode("a+b%2f%C3%A9") == "a b/é"
    assert WebUtility.UrlDecode("x%20y+z") == "x y z"
    assert HttpUtility.HtmlEncode("<a href=\"x\">O'Neil & é</a>") == \
        "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; &#233;&lt;/a&gt;"
    assert WebUtility.HtmlDecode("&lt;b&gt; &amp; &#39; &quot;") == "<b> & ' \""
