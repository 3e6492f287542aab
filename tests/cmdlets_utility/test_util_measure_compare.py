"""Measure-Object, Compare-Object and Tee-Object."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)

# ----------------------------------------------------------------------------- Measure-Object

def test_statistics_and_their_types(ps):
    r = ps("$m = 1..4 | Measure-Object -Sum -Average -Maximum -Minimum\n$m.Count; $m.Sum; $m.Average; $m.Maximum; "
           "$m.Minimum\n$m.Sum.GetType().Name; $m.Count.GetType().Name; $null -eq $m.StandardDeviation\n"
           "$m.GetType().FullName")
    assert out(r) == ["4", "10", "2.5", "4", "1", "Double", "Int32", "True",
                      "Microsoft.PowerShell.Commands.GenericMeasureInfo"]


def test_unrequested_statistics_are_null_and_count_is_always_there(ps):
    r = ps("$m = 'a', 'b', 'c' | Measure-Object\n$m.Count; $null -eq $m.Sum; $null -eq $m.Property\n(@() | Measure-Object).Count")
    assert out(r) == ["3", "True", "True", "0"]


def test_property_and_string_numbers(ps):
    r = ps("$items = [pscustomobject]@{Size = 10}, [pscustomobject]@{Size = '32'}\n"
           "$m = $items | Measure-Object -Property Size -Sum -Maximum\n$m.Sum; $m.Maximum; $m.Property")
    assert out(r) == ["42", "32", "Size"]


def test_all_stats_and_standard_deviation(ps):
    r = ps("$m = 2, 4, 4, 4, 5, 5, 7, 9 | Measure-Object -AllStats\n$m.Sum; $m.Average; [math]::Round($m.StandardDeviation, 4)")
    assert out(r) == ["40", "5", "2.1381"]


def test_minimum_and_maximum_of_strings(ps):
    r = ps("$m = 'pear', 'apple', 'fig' | Measure-Object -Minimum -Maximum\n$m.Minimum; $m.Maximum\n$m.GetType().Name")
    assert out(r) == ["apple", "pear", "GenericObjectMeasureInfo"]


def test_missing_property_is_an_error(ps):
    r = ps("[pscustomobject]@{A=1} | Measure-Object -Property B -Sum\n'after'")
    assert lines(r.stdout) == ["after"]
    assert 'The property "B" cannot be found in the input for any objects.' in err(r)


def test_non_numeric_input_with_sum(ps):
    r = ps("$m = 1, 'abc', 2 | Measure-Object -Sum\n$m.Count; $null -eq $m.Sum")
    assert 'Input object "abc" is not numeric.' in err(r)
    assert lines(r.stdout) == ["3", "True"]


def test_text_measures(ps):
    r = ps("$t = \"one two`nthree\", 'four' | Measure-Object -Line -Word -Character\n$t.Lines; $t.Words; $t.Characters\n"
           "('a b  c' | Measure-Object -Character -IgnoreWhiteSpace).Characters")
    assert out(r) == ["3", "4", "17", "3"]


def test_generic_and_text_switches_do_not_mix(ps):
    r = ps("1 | Measure-Object -Sum -Line")
    assert r.stderr != ""


def test_measure_result_list_view(ps):
    r = ps("1..4 | Measure-Object -Sum")
    assert lines(r.stdout)[:3] == ["Count             : 4", "Average           :", "Sum               : 10"]


def test_wildcard_property_measures_each_match(ps):
    r = ps("$x = [pscustomobject]@{A1=1; A2=10}, [pscustomobject]@{A1=2; A2=20}\n"
           "$x | Measure-Object A* -Sum | ForEach-Object { \"$($_.Property)=$($_.Sum)\" }")
    assert out(r) == ["A1=3", "A2=30"]


# ----------------------------------------------------------------------------- Compare-Object

def test_side_indicators(ps):
    r = ps("Compare-Object -ReferenceObject 'a', 'b' -DifferenceObject 'b', 'c' | ForEach-Object { \"$($_.InputObject) "
           "$($_.SideIndicator)\" }")
    assert out(r) == ["c =>", "a <="]


def test_include_equal_and_exclude_different(ps):
    r = ps("(Compare-Object 'a', 'b' 'b', 'c' -IncludeEqual | ForEach-Object SideIndicator) -join ','\n"
           "(Compare-Object 'a', 'b' 'b', 'c' -ExcludeDifferent).InputObject")
    assert out(r) == ["==,=>,<=", "b"]


def test_compare_is_case_insensitive_unless_asked(ps):
    r = ps("(Compare-Object 'A' 'a').Count\n(Compare-Object 'A' 'a' -CaseSensitive).Count")
    assert out(r) == ["0", "2"]


def test_compare_by_property(ps):
    r = ps("$a = [pscustomobject]@{U='ann'; X=1}, [pscustomobject]@{U='bob'; X=2}\n"
           "$b = [pscustomobject]@{U='ann'; X=9}\n$d = Compare-Object $a $b -Property U\n"
           "$d.U; $d.SideIndicator; $d.PSObject.Properties.Name -join ','")
    assert out(r) == ["bob", "<=", "U,SideIndicator"]


def test_pass_thru_returns_the_objects_with_side_indicator(ps):
    r = ps("$a = [pscustomobject]@{U='ann'}\n$b = [pscustomobject]@{U='bob'}\n"
           "$d = Compare-Object $a $b -Property U -PassThru\n$d[0].U; $d[0].SideIndicator")
    assert out(r) == ["bob", "=>"]


def test_difference_from_pipeline(ps):
    r = ps("'b', 'c' | Compare-Object -ReferenceObject 'a', 'b' | ForEach-Object { $_.InputObject + $_.SideIndicator }")
    assert out(r) == ["c=>", "a<="]


def test_empty_reference_lists_everything_as_difference(ps):
    r = ps("(Compare-Object @() 'x', 'y').SideIndicator -join ','")
    assert out(r) == ["=>,=>"]


def test_sync_window_zero(ps):
    r = ps("(Compare-Object 1, 2 2, 1 -SyncWindow 0).Count")
    assert out(r) == ["4"]


def test_missing_reference_object(ps):
    r = ps("Compare-Object -DifferenceObject 1")
    assert "missing mandatory parameters: ReferenceObject" in err(r)


# ----------------------------------------------------------------------------- Tee-Object

def test_tee_to_variable_passes_objects_on(ps):
    r = ps("1..3 | Tee-Object -Variable nums | Measure-Object -Sum | ForEach-Object Sum\n$nums -join ','\n"
           "'x' | Tee-Object -Variable one | Out-Null; $one.GetType().Name")
    assert out(r) == ["6", "1,2,3", "String"]


def test_tee_to_file_writes_formatted_text(ps, tmp_path):
    r = ps("'a', 'b' | Tee-Object -FilePath t.txt | ForEach-Object { $_.ToUpper() }\n"
           "[pscustomobject]@{N=1} | Tee-Object t2.txt | Out-Null")
    assert out(r) == ["A", "B"]
    assert (tmp_path / "t.txt").read_text() == "a\nb\n"
    assert (tmp_path / "t2.txt").read_text().split() == ["N", "-", "1"]


def test_tee_append(ps, tmp_path):
    ps("'a' | Tee-Object -FilePath t.txt | Out-Null\n'b' | Tee-Object -FilePath t.txt -Append | Out-Null")
    assert (tmp_path / "t.txt").read_text() == "a\nb\n"


def test_tee_to_a_missing_directory_fails(ps):
    r = ps("'a' | Tee-Object -FilePath nodir/t.txt")
    assert "Could not find a part of the path" in err(r)
