"""Format-List and Format-Wide layouts."""
from o365shell.format.listing import list_entry_lines, render_list
from o365shell.format.wide import best_items_per_row, render_wide

from format_testutil import obj


def test_list_long_value_wraps_under_the_value():
    lines = render_list([obj(Name="x", Description="the quick brown fox jumps over the lazy dog")], width=30)
    assert lines == ["", "Name        : x", "Description : the quick brown", "              fox jumps over",
                     "              the lazy dog", ""]


def test_list_multiline_value_indented():
    assert list_entry_lines(["Name", "Note"], ["x", "a\nb"]) == ["Name : x", "Note : a", "       b"]


def test_list_labels_capped_by_width():
    lines = list_entry_lines(["VeryLongLabelName", "B"], ["1", "2"], width=10)
    assert lines[0].startswith("VeryLo : ")


def test_list_collections_and_no_f_rule():
    lines = render_list([obj(Licenses=["ENTERPRISEPACK", "EMS", "POWER_BI_STANDARD", "FLOW_FREE", "X"], Gb=1.5)])
    assert lines[1:3] == ["Licenses : {ENTERPRISEPACK, EMS, POWER_BI_STANDARD, FLOW_FREE\u2026}", "Gb       : 1.5"]


def test_list_selected_properties_and_wildcards():
    assert render_list([obj(A=1, Bx=2, By=3)], ["B*"]) == ["", "Bx : 2", "By : 3", ""]


def test_list_calculated_property():
    lines = render_list([obj(Size=2048)], [{"n": "KB", "e": lambda o: 2.0}, {"l": "F", "e": "Size", "f": "N0"}])
    assert lines == ["", "KB : 2", "F  : 2,048", ""]


def test_list_group_by():
    lines = render_list([obj(N="a", G="x"), obj(N="b", G="y")], ["N"], group_by="G")
    assert lines == ["", "   G: x", "", "N : a", "", "   G: y", "", "N : b", ""]


def test_list_of_hashtable_entries():
    from o365shell.engine.pscollections import Hashtable
    lines = render_list([Hashtable({"a": 1})])
    assert lines == ["", "Name  : a", "Value : 1", ""]


def test_scalars_in_format_list_print_as_text():
    assert render_list(["a", 1]) == ["a", "1"]


def test_wide_default_two_columns_share_the_width():
    lines = render_wide(["a", "b", "c", "d", "e"], width=20)
    assert lines == ["", "a" + " " * 10 + "b", "c" + " " * 10 + "d", "e", ""]


def test_wide_column_count():
    lines = render_wide(["a", "b", "c", "d", "e"], column=3, width=20)
    assert lines == ["", "a      b      c", "d      e", ""]


def test_wide_autosize_fits_as_many_as_possible():
    assert best_items_per_row(2, 20) == 6
    assert best_items_per_row(30, 20) == 1
    lines = render_wide(["aa"] * 5, auto_size=True, width=20)
    assert lines == ["", "aa  aa  aa  aa aa", ""]


def test_wide_uses_name_property_and_truncates():
    lines = render_wide([obj(Id=1, Name="alpha"), obj(Id=2, Name="b" * 30)], width=20)
    assert lines == ["", "alpha      bbbbbbbb\u2026", ""]


def test_wide_property_parameter():
    assert render_wide([obj(Id=1, Name="x"), obj(Id=2, Name="y")], "Id", width=10)[1] == "1     2"
