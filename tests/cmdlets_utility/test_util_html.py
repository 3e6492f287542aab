"""ConvertTo-Html: pages, fragments, lists, calculated columns and encoding, line by line as pwsh writes them."""
from __future__ import annotations

from util_support import lines, ps, sh  # noqa: F401  (fixtures)

DOCTYPE = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"  '
           '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">')


def test_a_page_with_a_table_of_the_objects(ps):
    r = ps("[pscustomobject]@{ User = 'A&B'; Count = 2 }, [pscustomobject]@{ User = '<c>'; Count = 3 } | ConvertTo-Html")
    assert (lines(r.stdout), r.stderr) == ([
        DOCTYPE, '<html xmlns="http://www.w3.org/1999/xhtml">', "<head>", "<title>HTML TABLE</title>",
        "</head><body>", "<table>", "<colgroup><col/><col/></colgroup>", "<tr><th>User</th><th>Count</th></tr>",
        "<tr><td>A&amp;B</td><td>2</td></tr>", "<tr><td>&lt;c&gt;</td><td>3</td></tr>", "</table>",
        "</body></html>"], "")


def test_fragment_with_calculated_column_and_surrounding_content(ps):
    r = ps("[pscustomobject]@{ Name = 'x'; Count = 1 } | ConvertTo-Html -Property Name, "
           "@{ Label = 'Double'; Expression = { $_.Count * 2 }; Width = 20; Alignment = 'right' } -Fragment "
           "-PreContent '<h1>MFA</h1>' -PostContent '<p>end</p>'")
    assert lines(r.stdout) == ["<h1>MFA</h1>", "<table>", '<colgroup><col/><col width = "20" align = "right"/></colgroup>',
                               "<tr><th>Name</th><th>Double</th></tr>", "<tr><td>x</td><td>2</td></tr>", "</table>",
                               "<p>end</p>"]


def test_head_title_css_and_meta(ps):
    r = ps("1 | ConvertTo-Html -Title 'MFA report' -CssUri style.css -Meta @{ author = 'IT' } -Charset UTF-8")
    out = lines(r.stdout)
    assert out[3:7] == ['<meta charset="UTF-8">', '<meta name="author" content="IT">', "<title>MFA report</title>",
                        '<link rel="stylesheet" type="text/css" href="style.css" />']
    assert "<title>" not in ps("1 | ConvertTo-Html -Head '<style>td{}</style>'").stdout


def test_list_layout_separates_objects_with_a_rule(ps):
    r = ps("[pscustomobject]@{ a = 1 }, [pscustomobject]@{ a = \"it's\" } | ConvertTo-Html -As List -Fragment")
    assert lines(r.stdout) == ["<table>", "<tr><td>a:</td><td>1</td></tr>", "<tr><td><hr></td></tr>",
                               "<tr><td>a:</td><td>it&#39;s</td></tr>", "</table>"]


def test_bad_as_value_and_empty_css_uri(ps):
    assert 'does not belong to the set "Table,List"' in ps("1 | ConvertTo-Html -As Grid").stderr
    assert "CSSUri" in ps("1 | ConvertTo-Html -CssUri ' '").stderr


def test_unknown_meta_name_warns_and_is_written(ps):
    r = ps("1 | ConvertTo-Html -Meta @{ colour = 'red' } | Select-String meta | ForEach-Object Line")
    assert r.stdout == '<meta name="colour" content="red">\n'
    assert r.stderr.startswith("WARNING: The -Meta property 'colour' with the value 'red' is not supported")
