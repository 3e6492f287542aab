"""Microsoft.PowerShell.Utility: ConvertTo-Html, the HTML report builder of admin scripts.

The output is a stream of strings, one per line of the page, as pwsh writes them: the XHTML
1.0 doctype and <head> (title "HTML TABLE" unless -Title or -Head), then a <table> whose
<colgroup> and header row come from the first object's properties (-Property names, wildcards
or calculated properties with Label/Expression/Width/Alignment), one <tr> per object with the
values HTML-encoded, and the closing tags. -As List writes name/value rows per object with a
<hr> row between objects; -Fragment leaves out everything but the table (and -PreContent /
-PostContent)."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import dotnet_string, to_string
from o365shell.engine.errors import ErrorCategory

from .utility_common import PropExpr, has_item, parse_properties

UTIL = "Microsoft.PowerShell.Utility"
_DOCTYPE = {False: '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  '
                   '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
            True: '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"  '
                  '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'}
_META_HTTP_EQUIV = ("content-type", "default-style", "x-ua-compatible")
_META_NAMES = ("application-name", "author", "description", "generator", "keywords", "viewport")


_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}


def html_encode(text: str) -> str:
    """What .NET's WebUtility.HtmlEncode writes: the five markup characters as entities, and the
    Latin-1 characters from U+00A0 to U+00FF as numeric references."""
    if not any(c in _ENTITIES or "\xa0" <= c <= "\xff" for c in text):
        return text
    return "".join(_ENTITIES.get(c) or (f"&#{ord(c)};" if "\xa0" <= c <= "\xff" else c) for c in text)


class Column:
    """One resolved column: its header text, how to read the value, and its <col> attributes."""

    __slots__ = ("align", "expr", "label", "width")

    def __init__(self, expr: PropExpr, label: str, width: str | None, align: str | None) -> None:
        self.expr = expr
        self.label = label
        self.width = width
        self.align = align

    def cell(self, obj: Any) -> str:
        """The HTML-encoded value (several values for one column are joined with ', ')."""
        parts = []
        for value, _error in self.expr.values(obj):
            parts.append(html_encode(dotnet_string(value)) if value is not None else "")
        return ", ".join(parts)


@cmdlet("ConvertTo-Html", module=UTIL, default_set="Page")
class ConvertToHtml(Cmdlet):
    """Converts .NET objects into HTML that can be displayed in a Web browser.

    Each input object becomes a row of an HTML table (or, with -As List, a block of
    name/value rows); the strings can be written to a file with Out-File or Set-Content."""

    InputObject = Parameter(object, from_pipeline=True, help="The objects to show.")
    Property = Parameter(list[object], position=0, help="The properties to show (names, wildcards or "
                                                        "@{Label=...; Expression=...; Width=...; Alignment=...}).")
    Body = Parameter(list[str], position=3, set="Page", help="Text after the <body> tag.")
    Head = Parameter(list[str], position=1, set="Page", help="The content of the <head> tag (replaces -Title).")
    Title = Parameter(str, position=2, set="Page", help="The page title (default: HTML TABLE).")
    As = Parameter(str, validate_set=("Table", "List"), default="Table", help="Table (default) or List.")
    CssUri = Parameter(str, set="Page", aliases=("cu", "uri"), help="A style sheet to link.")
    Fragment = Parameter(Switch, set="Fragment", help="Only the <table> (no <html>, <head> or <body>).")
    PostContent = Parameter(list[str], help="Text after the </table> tag.")
    PreContent = Parameter(list[str], help="Text before the <table> tag.")
    Meta = Parameter("System.Collections.Hashtable", set="Page", help="<meta> tags (name = content).")
    Charset = Parameter(str, set="Page", help="The <meta charset> value.")
    Transitional = Parameter(Switch, set="Page", help="The XHTML Transitional doctype.")
    examples = [("Get-MfaUser | ConvertTo-Html -Title 'MFA status' | Out-File mfa.html",
                 "An MFA status page."),
                ("Get-MsolUser | ConvertTo-Html -Property DisplayName, UserPrincipalName -Fragment",
                 "Only the table, to put into a larger page.")]

    def begin(self) -> None:
        if self.is_bound("CssUri") and not to_string(self.CssUri).strip():
            raise self.error("The CSSUri parameter cannot be empty.", "ArgumentException",
                             ErrorCategory.InvalidArgument, "CSSUri")
        self._specs = parse_properties(self, self.Property if self.Property is not None else ["*"],
                                       ("name", "width", "alignment"))
        self._columns: list[Column] | None = None
        self._count = 0
        if not self.Fragment:
            self._page_head()
        self.write_all(self.PreContent or [])
        self.write("<table>")

    def _page_head(self) -> None:
        self.write(_DOCTYPE[bool(self.Transitional)])
        self.write('<html xmlns="http://www.w3.org/1999/xhtml">')
        self.write("<head>")
        if self.Charset is not None:
            self.write(f'<meta charset="{self.Charset}">')
        for key, value in (self.Meta.items() if self.Meta is not None else []):
            name = to_string(key)
            if name.lower() in _META_HTTP_EQUIV:
                self.write(f'<meta http-equiv="{name}" content="{to_string(value)}">')
                continue
            if name.lower() not in _META_NAMES:
                self.warn(f"The -Meta property '{name}' with the value '{to_string(value)}' is not "
                                   "supported by the Microsoft.PowerShell.Commands.Utility.ConvertTo-Html cmdlet.")
            self.write(f'<meta name="{name}" content="{to_string(value)}">')
        self.write_all(self.Head if self.Head is not None else [f"<title>{self.Title or 'HTML TABLE'}</title>"])
        if self.CssUri is not None:
            self.write(f'<link rel="stylesheet" type="text/css" href="{self.CssUri}" />')
        self.write("</head><body>")
        if self.Body is not None:
            self.write_all(self.Body)

    def _resolve(self, obj: Any) -> list[Column]:
        cols = []
        for spec in self._specs:
            for r in spec.resolve(obj):
                label = spec.name if spec.name is not None else r.text()
                width = spec.extra.get("width")
                align = spec.extra.get("alignment")
                cols.append(Column(r, label, to_string(width) if width is not None else None,
                                   to_string(align) if align is not None else None))
        return cols

    def process(self) -> None:
        if not has_item(self) or self.InputObject is None:
            return
        obj = self.InputObject
        self._count += 1
        if self.As and self.As.lower() == "list":
            cols = self._resolve(obj)
            if not cols:
                return
            if self._count > 1:
                self.write("<tr><td><hr></td></tr>")
            for c in cols:
                self.write(f"<tr><td>{c.label}:</td><td>{c.cell(obj)}</td></tr>")
            return
        if self._columns is None:
            cols = self._resolve(obj)
            if not cols:
                return
            self._columns = cols
            self.write("<colgroup>" + "".join(_col_tag(c) for c in cols) + "</colgroup>")
            self.write("<tr>" + "".join(f"<th>{c.label}</th>" for c in cols) + "</tr>")
        self.write("<tr>" + "".join(f"<td>{c.cell(obj)}</td>" for c in self._columns) + "</tr>")

    def end(self) -> None:
        self.write("</table>")
        self.write_all(self.PostContent or [])
        if not self.Fragment:
            self.write("</body></html>")


def _col_tag(c: Column) -> str:
    width = f' width = "{c.width}"' if c.width is not None else ""
    align = f' align = "{c.align}"' if c.align is not None else ""
    return f"<col{width}{align}/>"
