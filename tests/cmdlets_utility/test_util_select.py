"""Select-Object: properties, calculated properties, -ExpandProperty, -First/-Last/-Skip/-Index, -Unique."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)

PEOPLE = ("$p = @([pscustomobject]@{Name='ann'; Age=41; Dept='IT'}, [pscustomobject]@{Name='bob'; Age=35; Dept='HR'},"
          " [pscustomobject]@{Name='cy'; Age=29; Dept='IT'})\n")


def test_first_stops_after_enough_objects(ps):
    assert out(ps("(1..5 | select -First 2) -join ','")) == ["1,2"]


def test_first_stops_the_upstream_pipeline(ps):
    r = ps("$n = 0; 1..1000 | ForEach-Object { $script:n++; $_ } | Select-Object -First 3 | Out-Null; $n")
    assert out(r) == ["3"]


def test_first_with_wait_reads_everything(ps):
    r = ps("$n = 0; 1..10 | ForEach-Object { $script:n++; $_ } | Select-Object -First 3 -Wait | Out-Null; $n")
    assert out(r) == ["10"]


def test_last_skip_and_skiplast(ps):
    r = ps("(1..10 | Select-Object -Last 3 -Skip 1) -join ','\n(1..10 | Select-Object -SkipLast 8) -join ','\n"
           "(1..5 | Select-Object -Skip 1 -First 2) -join ','\n(1..5 | Select-Object -Skip 3) -join ','")
    assert out(r) == ["7,8,9", "1,2", "2,3", "4,5"]


def test_first_zero_outputs_nothing(ps):
    assert out(ps("(1..3 | Select-Object -First 0).Count")) == ["0"]


def test_index_and_skipindex(ps):
    r = ps("('a','b','c','d' | Select-Object -Index 3, 1) -join ','\n('a','b','c','d' | Select-Object -SkipIndex 0, 2) -join ','")
    assert out(r) == ["b,d", "b,d"]


def test_property_names_keep_requested_order_and_type_name(ps):
    r = ps(PEOPLE + "$s = $p[0] | Select-Object Dept, Name\n$s.PSObject.Properties.Name -join ','\n$s.PSObject.TypeNames[0]")
    assert out(r) == ["Dept,Name", "Selected.System.Management.Automation.PSCustomObject"]


def test_wildcard_properties_follow_the_object_order(ps):
    r = ps("$o = [pscustomobject]@{MfaAuth='on'; Name='x'; BasicAuth='off'}\n"
           "($o | Select-Object *Auth, Name).PSObject.Properties.Name -join ','")
    assert out(r) == ["MfaAuth,BasicAuth,Name"]


def test_missing_property_is_added_as_null(ps):
    r = ps("$s = [pscustomobject]@{A=1} | Select-Object A, Nope\n$s.PSObject.Properties.Name -join ','\n$null -eq $s.Nope")
    assert out(r) == ["A,Nope", "True"]


def test_exclude_property_implies_star(ps):
    r = ps(PEOPLE + "($p[0] | Select-Object -ExcludeProperty A*).PSObject.Properties.Name -join ','")
    assert out(r) == ["Name,Dept"]


def test_calculated_property_keys_by_prefix(ps):
    r = ps("(3 | Select-Object @{n='Sq'; e={ $_ * $_ }}).Sq\n('abc' | Select-Object @{Label='Len'; Expression={$_.Length}}).Len\n"
           "([pscustomobject]@{A=5} | Select-Object @{Name='B'; Expr='A'}).B")
    assert out(r) == ["9", "3", "5"]


def test_calculated_property_without_name_uses_the_script_text(ps):
    r = ps("'[' + (2 | Select-Object @{e={ $_ + 1 }}).PSObject.Properties.Name + ']'")
    assert out(r) == ["[ $_ + 1 ]"]


def test_input_object_parameter_is_one_object(ps):
    r = ps("Select-Object -InputObject 'solo' -Property Length | ForEach-Object Length\n"
           "(Select-Object -InputObject @(1,2,3) -Property Count).Count")
    assert out(r) == ["4", "3"]


def test_expand_property_emits_values_and_enumerates_collections(ps):
    r = ps("$o = [pscustomobject]@{Name='g'; Members=@('ann','bob')}, [pscustomobject]@{Name='h'; Members=@('cy')}\n"
           "($o | Select-Object -ExpandProperty Members) -join ','\n($o | Select-Object -ExpandProperty Name)[0].GetType().Name")
    assert out(r) == ["ann,bob,cy", "String"]


def test_expand_property_with_property_adds_notes_to_objects(ps):
    r = ps("$o = [pscustomobject]@{Dept='IT'; Boss=[pscustomobject]@{Name='ann'}}\n"
           "$e = $o | Select-Object -Property Dept -ExpandProperty Boss\n\"$($e.Name) $($e.Dept)\"")
    assert out(r) == ["ann IT"]


def test_expand_property_missing_is_an_error_per_object(ps):
    r = ps("[pscustomobject]@{A=1}, [pscustomobject]@{B=2} | Select-Object -ExpandProperty A\n'after'")
    assert lines(r.stdout) == ["1", "after"]
    assert 'Property "A" cannot be found.' in err(r)


def test_unique_is_case_sensitive_unless_caseinsensitive(ps):
    r = ps("('a','A','b','a' | Select-Object -Unique) -join ','\n('a','A','b' | Select-Object -Unique -CaseInsensitive) -join ','")
    assert out(r) == ["a,A,b", "a,b"]


def test_unique_on_selected_objects(ps):
    r = ps(PEOPLE + "($p | Select-Object Dept -Unique).Dept -join ','")
    assert out(r) == ["IT,HR"]


def test_bad_calculated_property_keys_are_terminating_errors(ps):
    r = ps("1 | Select-Object @{x=1}\n1 | Select-Object @{n='a'}\n1 | Select-Object @{n='a'; l='b'; e='c'}\n'after'")
    assert lines(r.stdout) == ["after"]
    assert "The x key is not valid." in err(r)
    assert "A mandatory entry for expression is missing." in err(r)
    assert "conflicts with" in err(r)


def test_negative_first_fails_validation(ps):
    r = ps("1..3 | Select-Object -First -1")
    assert "Cannot validate argument on parameter 'First'" in err(r)


def test_index_and_property_cannot_be_combined(ps):
    r = ps("1..3 | Select-Object -Index 1 -Property Length")
    assert r.stderr != ""


def test_null_input_is_skipped(ps):
    assert out(ps("($null, 1, $null, 2 | Select-Object).Count")) == ["2"]


def test_format_cmdlets_take_other_values_as_property_names(ps):
    r = ps("[pscustomobject]@{ True = 'yes'; 5 = 'five' } | Format-Table $true, 5\n"
           "'a', 'bb' | Format-Wide @(); 'a', 'bb' | Format-Wide Length, Foo")
    out = [ln for ln in r.stdout.splitlines() if ln.strip()]
    assert r.stderr == ""
    assert out[0].split() == ["True", "5"] and out[2].split() == ["yes", "five"]
    assert out[3].split() == ["a", "bb"] and out[4].split() == ["1", "2"]
