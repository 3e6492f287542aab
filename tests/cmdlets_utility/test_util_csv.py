"""Export-Csv, Import-Csv, ConvertTo-Csv and ConvertFrom-Csv."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)

ROWS = "$rows = [pscustomobject]@{Name = 'Ann'; Age = 41}, [pscustomobject]@{Name = 'Bob'; Age = 35}\n"


def test_export_quotes_every_field_without_type_line(ps, tmp_path):
    r = ps(ROWS + "$rows | Export-Csv -Path users.csv -NoTypeInformation")
    assert r.stderr == "" and r.stdout == ""
    assert (tmp_path / "users.csv").read_bytes() == b'"Name","Age"\n"Ann","41"\n"Bob","35"\n'


def test_export_escaping_nulls_arrays_and_dates(ps, tmp_path):
    ps("[pscustomobject]@{Name = 'Smith, \"JJ\"'; M = $null; T = @(1, 2); D = [datetime]'2024-01-15 14:30'} | "
       "Export-Csv q.csv")
    assert (tmp_path / "q.csv").read_text() == ('"Name","M","T","D"\n"Smith, ""JJ""",,"System.Object[]",'
                                                '"1/15/2024 2:30:00 PM"\n')


def test_export_type_information_and_delimiter(ps, tmp_path):
    ps("[pscustomobject]@{A = 'x'; B = 'y'} | Export-Csv -Path d.csv -Delimiter ';' -IncludeTypeInformation")
    assert (tmp_path / "d.csv").read_text() == '#TYPE System.Management.Automation.PSCustomObject\n"A";"B"\n"x";"y"\n'


def test_export_use_quotes_and_quote_fields(ps, tmp_path):
    ps("$o = [pscustomobject]@{A = 'x,y'; B = 'z'; C = 'q\"'}\n$o | Export-Csv n.csv -UseQuotes Never\n"
       "$o | Export-Csv a.csv -UseQuotes AsNeeded\n$o | Export-Csv f.csv -QuoteFields B\n$o | Export-Csv h.csv -NoHeader")
    assert (tmp_path / "n.csv").read_text() == 'A,B,C\nx,y,z,q"\n'
    assert (tmp_path / "a.csv").read_text() == 'A,B,C\n"x,y",z,"q"""\n'
    assert (tmp_path / "f.csv").read_text() == 'A,"B",C\nx,y,"z",q"\n'
    assert (tmp_path / "h.csv").read_text() == '"x,y","z","q"""\n'


def test_append_adds_rows_without_a_second_header(ps, tmp_path):
    ps("[pscustomobject]@{N = 1; M = 'a'} | Export-Csv -Path a.csv\n[pscustomobject]@{M = 'b'; N = 2} | Export-Csv a.csv -Append")
    assert (tmp_path / "a.csv").read_text() == '"N","M"\n"1","a"\n"2","b"\n'


def test_append_with_mismatched_columns_fails_and_leaves_the_file(ps, tmp_path):
    ps("[pscustomobject]@{N = 1; M = 'a'} | Export-Csv -Path a.csv")
    before = (tmp_path / "a.csv").read_bytes()
    r = ps("[pscustomobject]@{N = 2}, [pscustomobject]@{Q = 3} | Export-Csv a.csv -Append")
    assert "The appended object does not have a property that corresponds to the following column: M." in err(r)
    assert (tmp_path / "a.csv").read_bytes() == before
    ps("[pscustomobject]@{N = 2} | Export-Csv a.csv -Append -Force")
    assert (tmp_path / "a.csv").read_text() == '"N","M"\n"1","a"\n"2",\n'


def test_append_to_a_new_file_writes_the_header(ps, tmp_path):
    ps("[pscustomobject]@{N = 1} | Export-Csv new.csv -Append")
    assert (tmp_path / "new.csv").read_text() == '"N"\n"1"\n'


def test_no_clobber(ps, tmp_path):
    (tmp_path / "x.csv").write_text("keep\n")
    r = ps("[pscustomobject]@{N = 1} | Export-Csv x.csv -NoClobber")
    assert "already exists." in err(r)
    assert (tmp_path / "x.csv").read_text() == "keep\n"


def test_export_into_missing_directory(ps):
    r = ps("[pscustomobject]@{N = 1} | Export-Csv nodir/x.csv\n'after'")
    assert lines(r.stdout) == ["after"]
    assert "Could not find a part of the path" in err(r)


def test_export_whatif_writes_nothing(ps, tmp_path):
    r = ps("[pscustomobject]@{N = 1} | Export-Csv w.csv -WhatIf")
    assert 'What if: Performing the operation "Export-Csv" on target' in r.stdout
    assert not (tmp_path / "w.csv").exists()


def test_export_encoding(ps, tmp_path):
    ps("[pscustomobject]@{N = 'é'} | Export-Csv u.csv -Encoding utf8BOM\n[pscustomobject]@{N = 'é'} | Export-Csv l.csv -Encoding unicode")
    assert (tmp_path / "u.csv").read_bytes().startswith(b"\xef\xbb\xbf\"N\"")
    assert (tmp_path / "l.csv").read_bytes().startswith(b"\xff\xfe\"\x00N\x00")


def test_export_hashtable_keys_become_columns(ps, tmp_path):
    ps("[ordered]@{A = 1; B = 2} | Export-Csv h.csv")
    assert (tmp_path / "h.csv").read_text() == '"A","B"\n"1","2"\n'


def test_import_round_trip_gives_strings(ps):
    r = ps(ROWS + "$rows | Export-Csv r.csv\n$back = Import-Csv r.csv\n$back.Count; $back[0].Name; $back[1].Age.GetType().Name\n"
           "($back | Measure-Object -Property Age -Sum).Sum")
    assert out(r) == ["2", "Ann", "String", "76"]


def test_import_quoted_fields_embedded_newlines_and_short_rows(ps, tmp_path):
    (tmp_path / "n.csv").write_text('"Name","Note","X"\r\n"Lee, Ann","says ""hi""\nsecond",1\r\n\r\nbob\r\n')
    r = ps("$r = Import-Csv n.csv\n$r.Count\n$r[0].Name\n$r[0].Note\n$null -eq $r[1].Note")
    assert out(r) == ["2", "Lee, Ann", 'says "hi"', "second", "True"]


def test_import_header_delimiter_and_type_line(ps, tmp_path):
    (tmp_path / "t.csv").write_text('#TYPE Contoso.User\na;b\n1;2\n')
    r = ps("$r = Import-Csv t.csv -Delimiter ';'\n$r.a; $r.PSObject.TypeNames[0]; $r.PSObject.TypeNames[1]\n"
           "(Import-Csv t.csv -Delimiter ';' -Header X, Y)[1].Y")
    assert out(r) == ["1", "Contoso.User", "CSV:Contoso.User", "2"]


def test_import_missing_header_names(ps, tmp_path):
    (tmp_path / "h.csv").write_text("a,,c\n1,2,3\n")
    r = ps("(Import-Csv h.csv).PSObject.Properties.Name -join ','")
    assert lines(r.stdout) == ["a,H1,c"]
    assert 'Default names starting with "H" have been used' in r.stderr


def test_import_duplicate_header_is_an_error(ps, tmp_path):
    (tmp_path / "d.csv").write_text("a,A\n1,2\n")
    assert 'The member "A" is already present.' in err(ps("Import-Csv d.csv"))


def test_import_missing_file(ps, tmp_path):
    r = ps("Import-Csv nope.csv\n'after'")
    assert lines(r.stdout) == ["after"]
    assert f"Could not find file '{tmp_path / 'nope.csv'}'." in err(r)


def test_import_from_pipeline_paths(ps, tmp_path):
    (tmp_path / "a.csv").write_text("n\n1\n")
    (tmp_path / "b.csv").write_text("n\n2\n")
    assert out(ps("('a.csv', 'b.csv' | Import-Csv).n -join ','")) == ["1,2"]


def test_convertto_csv(ps):
    r = ps("[pscustomobject]@{A = 1; B = 'x'} | ConvertTo-Csv -NoTypeInformation\n"
           "[pscustomobject]@{A = 1} | ConvertTo-Csv -UseQuotes AsNeeded -IncludeTypeInformation\n"
           "'ab' | ConvertTo-Csv")
    assert out(r) == ['"A","B"', '"1","x"', "#TYPE System.Management.Automation.PSCustomObject", "A", "1", '"Length"', '"2"']


def test_convertfrom_csv(ps):
    r = ps("$d = 'Name,Dept', 'ann,IT', 'bob,\"H, R\"' | ConvertFrom-Csv\n$d.Count; $d[1].Dept\n"
           "(ConvertFrom-Csv -InputObject 'x;y' -Delimiter ';' -Header A, B).B\n"
           "('a,b', '1,2' | ConvertFrom-Csv).PSObject.TypeNames[0]")
    assert out(r) == ["2", "H, R", "y", "System.Management.Automation.PSCustomObject"]


def test_delimiter_must_be_one_character(ps):
    assert "String must be exactly one character long." in err(ps("'a' | ConvertTo-Csv -Delimiter ';;'"))
