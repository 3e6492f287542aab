"""ConvertTo-Json and ConvertFrom-Json."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)


def test_object_layout_two_space_indent(ps):
    r = ps("[pscustomobject]@{Name = 'Ann'; Age = 41; Admin = $true; Manager = $null} | ConvertTo-Json")
    assert r.stdout == '{\n  "Name": "Ann",\n  "Age": 41,\n  "Admin": true,\n  "Manager": null\n}\n'


def test_nested_arrays_objects_and_empty_containers(ps):
    r = ps("[ordered]@{a = 1; b = [ordered]@{c = 'x'}; l = @('ann', 'bob'); e = @{}; z = @()} | ConvertTo-Json")
    assert r.stdout == ('{\n  "a": 1,\n  "b": {\n    "c": "x"\n  },\n  "l": [\n    "ann",\n    "bob"\n  ],\n'
                        '  "e": {},\n  "z": []\n}\n')


def test_piped_values_make_an_array_and_compress(ps):
    r = ps("1, 2, 3 | ConvertTo-Json -Compress\n[pscustomobject]@{Id = 1}, [pscustomobject]@{Id = 2} | ConvertTo-Json -Compress\n"
           "ConvertTo-Json -InputObject @(1, 2) -Compress\n1 | ConvertTo-Json -AsArray -Compress\n"
           "ConvertTo-Json -InputObject @() -Compress")
    assert out(r) == ["[1,2,3]", '[{"Id":1},{"Id":2}]', "[1,2]", "[1]", "[]"]


def test_scalars_and_escaping(ps):
    r = ps("'plain' | ConvertTo-Json\n42 | ConvertTo-Json\n$true | ConvertTo-Json\n'He said \"hi\"' | ConvertTo-Json\n"
           "\"a`tb`nc\\d\" | ConvertTo-Json\n'é<>' | ConvertTo-Json -EscapeHandling EscapeNonAscii\n"
           "'<&>' | ConvertTo-Json -EscapeHandling EscapeHtml")
    assert out(r) == ['"plain"', "42", "true", '"He said \\"hi\\""', '"a\\tb\\nc\\\\d"', '"\\u00e9<>"',
                      '"\\u003c\\u0026\\u003e"']


def test_numbers_dates_enums_and_guids(ps):
    r = ps("[pscustomobject]@{D = 1.5; I = 1.0; L = [long]5; T = [datetime]'2024-01-15T14:30:00'; "
           "E = [System.DayOfWeek]::Monday; G = [guid]'11111111-2222-3333-4444-555555555555'} | ConvertTo-Json -Compress\n"
           "[pscustomobject]@{E = [System.DayOfWeek]::Monday} | ConvertTo-Json -Compress -EnumsAsStrings")
    assert out(r) == ['{"D":1.5,"I":1.0,"L":5,"T":"2024-01-15T14:30:00","E":1,'
                      '"G":"11111111-2222-3333-4444-555555555555"}', '{"E":"Monday"}']


def test_depth_truncation_warns_once(ps):
    r = ps("@{a = @{b = @{c = @{d = 1}}}} | ConvertTo-Json -Compress\n@{a = @{b = 1}} | ConvertTo-Json -Depth 0 -Compress")
    assert lines(r.stdout) == ['{"a":{"b":{"c":"System.Collections.Hashtable"}}}', '{"a":"System.Collections.Hashtable"}']
    assert r.stderr.count("WARNING: Resulting JSON is truncated as serialization has exceeded the set depth of 2.") == 1
    assert "set depth of 0." in r.stderr


def test_depth_is_validated(ps):
    assert "Cannot validate argument on parameter 'Depth'" in err(ps("1 | ConvertTo-Json -Depth 101"))


def test_convertfrom_objects_arrays_and_types(ps):
    r = ps("$j = '{\"name\":\"Ann\",\"n\":5,\"d\":2.5,\"roles\":[\"admin\",\"user\"],\"m\":{\"name\":\"Bob\"},\"x\":null}' | ConvertFrom-Json\n"
           "$j.name; $j.n.GetType().Name; $j.d; $j.roles.Count; $j.roles[1]; $j.m.name; $null -eq $j.x\n"
           "$j.PSObject.Properties.Name -join ','\n$j.GetType().FullName\n$j.roles.GetType().FullName")
    assert out(r) == ["Ann", "Int64", "2.5", "2", "user", "Bob", "True", "name,n,d,roles,m,x",
                      "System.Management.Automation.PSCustomObject", "System.Object[]"]


def test_convertfrom_enumerates_top_level_arrays_unless_no_enumerate(ps):
    r = ps("('[1,2,3]' | ConvertFrom-Json | Measure-Object).Count\n('[1,2,3]' | ConvertFrom-Json -NoEnumerate | Measure-Object).Count\n"
           "($list = '[{\"id\":1,\"ok\":true},{\"id\":2,\"ok\":false}]' | ConvertFrom-Json).Count\n"
           "($list | Where-Object { $_.ok }).id")
    assert out(r) == ["3", "1", "2", "1"]


def test_convertfrom_as_hashtable_is_ordered(ps):
    r = ps("$h = '{\"b\":1,\"a\":\"two\",\"A2\":{\"x\":1}}' | ConvertFrom-Json -AsHashtable\n$h['a']; $h.ContainsKey('b')\n"
           "$h.Keys -join ','\n$h.A2.x\n$h.GetType().Name")
    assert out(r) == ["two", "True", "b,a,A2", "1", "OrderedHashtable"]


def test_convertfrom_iso_dates_become_datetime(ps):
    r = ps("$d = ('{\"d\":\"2024-01-15T14:30:00\",\"s\":\"2024-01-15\"}' | ConvertFrom-Json)\n$d.d.GetType().Name\n"
           "$d.d.ToString('yyyy-MM-dd HH:mm')\n$d.s.GetType().Name\n"
           "('\"2024-01-15T14:30:00Z\"' | ConvertFrom-Json).ToUniversalTime().Hour")
    assert out(r) == ["DateTime", "2024-01-15 14:30", "String", "14"]


def test_convertfrom_joins_piped_lines(ps):
    r = ps("('{', '\"a\": 1,', '\"b\": [1, 2]', '}' | ConvertFrom-Json).b.Count\n('1', '2' | ConvertFrom-Json) -join ','")
    assert out(r) == ["2", "1,2"]


def test_convertfrom_lenient_syntax(ps):
    r = ps("\"{a: 1, /* note */ 'b': [1,2,], // end\n}\" | ConvertFrom-Json | ConvertTo-Json -Compress")
    assert out(r) == ['{"a":1,"b":[1,2]}']


def test_round_trip(ps):
    r = ps("$o = [pscustomobject]@{Name = 'x'; Tags = @('a', 'b'); N = 3}\n$back = $o | ConvertTo-Json | ConvertFrom-Json\n"
           "$back.Name; $back.Tags -join '+'; $back.N")
    assert out(r) == ["x", "a+b", "3"]


def test_malformed_json_is_a_terminating_error_with_no_output(ps):
    r = ps("$r = '{\"a\": 1,' | ConvertFrom-Json\n$null -eq $r\n'[1, 2' | ConvertFrom-Json\n'{\"a\" 1}' | ConvertFrom-Json\n"
           "'nope' | ConvertFrom-Json\n'after'")
    assert lines(r.stdout) == ["True", "after"]
    e = err(r)
    assert e.count("Conversion from JSON failed with error:") == 4
    assert "Unexpected end when reading JSON." in e
    assert "Unexpected character encountered while parsing value: n." in e


def test_keys_differing_in_case_need_as_hashtable(ps):
    r = ps("'{\"a\":1,\"A\":2}' | ConvertFrom-Json\n('{\"a\":1,\"A\":2}' | ConvertFrom-Json -AsHashtable).Count")
    assert "contains keys with different casing" in err(r)
    assert lines(r.stdout) == ["2"]


def test_empty_input_outputs_nothing(ps):
    assert out(ps("'' | ConvertFrom-Json\n'   ' | ConvertFrom-Json")) == []
