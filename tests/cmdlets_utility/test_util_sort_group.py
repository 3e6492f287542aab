"""Sort-Object, Group-Object and Get-Unique."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)

PEOPLE = ("$p = @([pscustomobject]@{Name='cy'; Dept='IT'; Age=30}, [pscustomobject]@{Name='ann'; Dept='HR'; Age=25},"
          " [pscustomobject]@{Name='bob'; Dept='IT'; Age=45})\n")


# ----------------------------------------------------------------------------- Sort-Object

def test_numbers_sort_numerically_and_strings_by_culture(ps):
    r = ps("(3, 10, 1, 7 | Sort-Object) -join ','\n('10', '9', '100' | Sort-Object) -join ','\n"
           "('banana', 'Apple', 'cherry' | Sort-Object) -join ','")
    assert out(r) == ["1,3,7,10", "10,100,9", "Apple,banana,cherry"]


def test_case_sensitive_puts_lower_case_first(ps):
    assert out(ps("('b', 'A', 'a', 'B' | Sort-Object -CaseSensitive) -join ','")) == ["a,A,b,B"]


def test_descending_and_unique(ps):
    r = ps("(1, 3, 2 | Sort-Object -Descending) -join ','\n(3, 1, 3, 2, 1 | Sort-Object -Unique) -join ','\n"
           "('a', 'A', 'b' | Sort-Object -Unique).Count")
    assert out(r) == ["3,2,1", "1,2,3", "2"]


def test_several_keys_and_hashtable_directions(ps):
    r = ps(PEOPLE + "($p | Sort-Object Dept, Name).Name -join ','\n"
           "($p | Sort-Object @{Expression='Dept'; Descending=$false}, @{Expression='Age'; Descending=$true}).Name -join ','\n"
           "($p | Sort-Object @{e='Age'; a=$false}).Name -join ','")
    assert out(r) == ["ann,bob,cy", "ann,bob,cy", "bob,cy,ann"]


def test_script_block_key(ps):
    assert out(ps("('ccc', 'a', 'bb' | Sort-Object { $_.Length }) -join ','")) == ["a,bb,ccc"]


def test_top_and_bottom(ps):
    r = ps("(5, 1, 4, 2, 3 | Sort-Object -Top 2) -join ','\n(5, 1, 4, 2, 3 | Sort-Object -Bottom 2) -join ','\n"
           "(5, 1, 4 | Sort-Object -Top 2 -Descending) -join ','")
    assert out(r) == ["1,2", "4,5", "5,4"]


def test_sort_is_stable(ps):
    r = ps("$x = 'b1','a1','b2','a2','b3' | ForEach-Object { [pscustomobject]@{K=$_[0]; V=$_} }\n"
           "($x | Sort-Object K).V -join ','\n($x | Sort-Object K -Descending).V -join ','")
    assert out(r) == ["a1,a2,b1,b2,b3", "b1,b2,b3,a1,a2"]


def test_missing_property_sorts_last_in_both_directions(ps):
    r = ps("$x = [pscustomobject]@{N='none'}, [pscustomobject]@{K=2; N='two'}, [pscustomobject]@{K=1; N='one'}\n"
           "($x | Sort-Object K).N -join ','\n($x | Sort-Object K -Descending).N -join ','")
    assert out(r) == ["one,two,none", "two,one,none"]


def test_wildcard_property_and_dates(ps):
    r = ps("([datetime]'2024-03-01', [datetime]'2023-12-31' | Sort-Object | ForEach-Object { $_.Year }) -join ','")
    assert out(r) == ["2023,2024"]


def test_hashtable_keys_and_entries(ps):
    r = ps("$h = @{Name='Ann'; Age=30; City='Oslo'}\n($h.Keys | Sort-Object) -join ','\n"
           "($h.GetEnumerator() | Sort-Object Name | ForEach-Object { $_.Key }) -join ','")
    assert out(r) == ["Age,City,Name", "Age,City,Name"]


def test_bad_sort_hashtable_key_is_an_error(ps):
    r = ps("1, 2 | Sort-Object @{Expression='x'; Bogus=1}")
    assert "The Bogus key is not valid." in err(r)


def test_sort_without_input_outputs_nothing(ps):
    assert out(ps("@() | Sort-Object")) == []


# ----------------------------------------------------------------------------- Group-Object

def test_group_names_counts_sorted(ps):
    r = ps("'b', 'a', 'b', 'c', 'b' | Group-Object | ForEach-Object { \"$($_.Name):$($_.Count)\" }")
    assert out(r) == ["a:1", "b:3", "c:1"]


def test_group_by_property_and_group_collection(ps):
    r = ps(PEOPLE + "$it = $p | Group-Object Dept | Where-Object Name -eq 'IT'\n$it.Count\n$it.Group.Name -join ','\n"
           "$it.Values[0]\n$it.GetType().FullName")
    assert out(r) == ["2", "cy,bob", "IT", "Microsoft.PowerShell.Commands.GroupInfo"]


def test_group_is_case_insensitive_unless_asked(ps):
    r = ps("('a', 'A', 'b' | Group-Object).Count\n('a', 'A', 'b' | Group-Object -CaseSensitive).Count")
    assert out(r) == ["2", "3"]


def test_group_by_script_block(ps):
    r = ps("1..6 | Group-Object { $_ % 2 } | ForEach-Object { \"$($_.Name)=$($_.Group -join '+')\" }")
    assert out(r) == ["0=2+4+6", "1=1+3+5"]


def test_group_of_mixed_types_keeps_first_seen_order(ps):
    r = ps("(2, 'x', 1, 'x' | Group-Object).Name -join ','")
    assert out(r) == ["2,x,1"]


def test_group_by_two_properties_name(ps):
    r = ps(PEOPLE + "($p | Group-Object Dept, Age | Select-Object -First 1).Name")
    assert out(r) == ["HR, 25"]


def test_no_element(ps):
    r = ps("$g = 'IT', 'HR', 'IT' | Group-Object -NoElement\n$g[1].Name; $g[1].Count; $g[1].Group.Count\n"
           "$g[0].GetType().Name")
    assert out(r) == ["IT", "2", "0", "GroupInfoNoElement"]


def test_as_hashtable_and_as_string(ps):
    r = ps(PEOPLE + "$h = $p | Group-Object Dept -AsHashTable\n$h['HR'].Name\n$h['it'].Count\n"
           "$n = 1, 2, 2 | Group-Object -AsHashTable -AsString\n$n['2'].Count\n$n.Keys[0].GetType().Name")
    assert out(r) == ["ann", "2", "2", "String"]


def test_as_string_needs_as_hashtable(ps):
    r = ps("1 | Group-Object -AsString")
    assert "the AsString parameter requires that you specify the AsHashtable parameter" in err(r)


def test_as_hashtable_with_two_properties_needs_as_string(ps):
    r = ps(PEOPLE + "$p | Group-Object Dept, Age -AsHashTable")
    assert "requires adding the AsString parameter" in err(r)


def test_group_default_table(ps):
    r = ps("'b', 'a', 'b' | Group-Object")
    assert lines(r.stdout)[0].split() == ["Count", "Name", "Group"]
    assert lines(r.stdout)[3].split() == ["2", "b", "{b,", "b}"]


# ----------------------------------------------------------------------------- Get-Unique

def test_get_unique_compares_with_the_previous_item(ps):
    r = ps("(1, 1, 2, 3, 3, 1 | Get-Unique) -join ','\n('aa', 'aa', 'Aa', 'ba', 'BA' | Get-Unique) -join ','\n"
           "('aa', 'Aa', 'ba', 'BA' | Get-Unique -CaseInsensitive) -join ','")
    assert out(r) == ["1,2,3,1", "aa,Aa,ba,BA", "aa,ba"]


def test_get_unique_as_string_and_on_type(ps):
    r = ps("(1, '1', 2 | Get-Unique -AsString) -join ','\n(1, 2, 'a', 'b', 3 | Get-Unique -OnType) -join ','\n"
           "@(1, 1 | Get-Unique -AsString)[0].GetType().Name")
    assert out(r) == ["1,2", "1,a,3", "String"]
