"""Table layout: truncation, alignment, fitting to the width, -Wrap, -GroupBy, headers, views."""
import pytest

from o365shell.format import views
from o365shell.format.table import fit_widths, render_table
from o365shell.format._text import truncate, wrap_lines

from format_testutil import obj


def test_fit_widths_keeps_fitting_columns():
    assert fit_widths([10, 20], 120) == [10, 20]


def test_fit_widths_spreads_unassigned_round_robin():
    assert fit_widths([30, 0], 120) == [30, 89]
    assert fit_widths([0, 0], 20) == [10, 9]


def test_fit_widths_shrinks_last_then_hides():
    assert fit_widths([10, 200], 40) == [10, 29]
    assert fit_widths([10, 10, 10], 20) == [10, 9, -1]


def test_truncate_keeps_head_or_tail():
    assert truncate("abcdef", 4) == "abc\u2026"
    assert truncate("abcdef", 4, "right") == "\u2026def"
    assert truncate("abcdef", 1) == "a"
    assert truncate("abcdef", 1, "right") == "f"
    assert truncate("abc", 4) == "abc"


def test_long_last_column_truncated_with_ellipsis():
    lines = render_table([obj(Name="a" * 10, Desc="x" * 200)], width=40)
    assert lines[1:4] == ["Name       Desc", "----       ----", "a" * 10 + " " + "x" * 28 + "\u2026"]
    assert max(len(line) for line in lines) == 40


def test_narrow_width_hides_right_hand_columns():
    rows = [obj(A="a" * 10, B="b" * 10, C="c" * 10)]
    lines = render_table(rows, width=20)
    assert lines[1:4] == ["A          B", "-          -", "a" * 10 + " " + "b" * 8 + "\u2026"]


def test_right_aligned_calculated_column_truncates_the_head():
    calc = {"n": "V", "e": lambda o: "abcdef", "a": "right"}
    lines = render_table([obj(X=1)], ["X", calc], width=5)
    assert lines[1:4] == ["X   V", "-   -", "1 \u2026ef"]


def test_right_aligned_last_column_with_spread_width_is_padded_to_the_edge():
    lines = render_table([obj(K="k", N=7)], [{"n": "K", "e": "K", "w": 3}, "N"], width=12)
    assert lines[1:4] == ["K          N", "-          -", "k          7"]


def test_declared_first_width_is_kept_and_rest_share_the_screen():
    lines = render_table([obj(K="k", V="v" * 100)], [{"n": "K", "e": "K", "w": 5}, "V"], width=40)
    assert lines[3] == "k     " + "v" * 33 + "\u2026"


def test_autosize_measures_despite_declared_widths():
    lines = render_table([obj(K="k", V="v")], [{"n": "K", "e": "K", "w": 5}, "V"], auto_size=True)
    assert lines[1:4] == ["K V", "- -", "k v"]


def test_multiline_value_shows_first_line_and_ellipsis():
    lines = render_table([obj(Name="x", Note="line1\nline2")])
    assert lines[3] == "x    line1\u2026"


def test_wrap_word_wraps_cells():
    lines = render_table([obj(Name="ann", Desc="the quick brown fox jumps over")], width=20, wrap=True)
    assert lines[1:] == ["Name Desc", "---- ----", "ann  the quick", "     brown fox", "     jumps over", ""]


def test_wrap_splits_multiline_values():
    lines = render_table([obj(Name="x", Note="one\ntwo")], wrap=True)
    assert lines[3:5] == ["x    one", "     two"]


def test_header_longer_than_narrow_column_wraps():
    lines = render_table([obj(X="x")], [{"n": "Description", "e": lambda o: 1, "w": 5}, "X"])
    assert lines[1:6] == ["Descr X", "iptio", "    n", "----- -", "    1 x"]


def test_hide_table_headers():
    assert render_table([obj(A=1, B="x")], hide_headers=True) == ["", "1 x", ""]


def test_group_by_starts_a_table_per_value_change():
    rows = [obj(Name="ann", Dept="IT"), obj(Name="cy", Dept="it"), obj(Name="bob", Dept="HR")]
    assert render_table(rows, group_by="Dept") == [
        "", "   Dept: IT", "", "Name Dept", "---- ----", "ann  IT", "cy   it",
        "", "   Dept: HR", "", "Name Dept", "---- ----", "bob  HR", ""]


def test_group_by_input_not_sorted_repeats_groups():
    rows = [obj(N=1, G="a"), obj(N=2, G="b"), obj(N=3, G="a")]
    lines = render_table(rows, ["N"], group_by="G")
    assert [line for line in lines if line.startswith("   G:")] == ["   G: a", "   G: b", "   G: a"]


def test_explicit_missing_property_gives_blank_column():
    lines = render_table([obj(A=1)], ["A", "Nope"])
    assert lines[1:4] == ["A Nope", "- ----", "1"]


def test_wildcards_follow_object_order_without_duplicates():
    lines = render_table([obj(Zeta=1, Alpha=2, Beta=3)], ["*a", "Zeta", "alpha"])
    assert lines[1] == "Zeta Alpha Beta"


def test_exclude_alone_implies_all_properties():
    lines = render_table([obj(A=1, B=2, C=3)], exclude=["B"])
    assert lines[1] == "A C"


def test_table_from_all_properties_capped_at_ten_columns():
    o = obj({f"P{i}": i for i in range(12)})
    header = render_table([o], width=200)[1]
    assert header.split() == [f"P{i}" for i in range(10)]
    assert render_table([o], ["*"], width=200)[1].split() == [f"P{i}" for i in range(12)]


def test_double_uses_f_format_in_property_tables_only():
    assert render_table([obj(V=3.14159)])[3] == "3.14"
    assert render_table([obj(V=1.5)], ["V"])[3] == "1.50"


def test_format_string_on_calculated_property():
    calc = {"Label": "MB", "Expression": "Size", "FormatString": "N2"}
    assert render_table([obj(Size=1234.5)], [calc])[3] == "1,234.50"
    calc = {"Label": "T", "Expression": "Size", "FormatString": "[{0}]"}
    assert render_table([obj(Size=7)], [calc])[3] == "[7]"


def test_unknown_calculated_key_is_rejected():
    with pytest.raises(views.CalculatedPropertyError):
        render_table([obj(A=1)], [{"Bogus": 1, "e": "A"}])


def test_registered_view_with_declared_widths():
    tn = "Test.Format.Mailbox"
    views.register_table_view(tn, [("DisplayName", "DisplayName", 20), ("Alias", "Alias", 10),
                                   ("ServerName", "ServerName")])
    try:
        lines = render_table([obj(DisplayName="Ann Lee", Alias="ann", ServerName="srv01", Extra=1, typename=tn)])
        assert lines[1:4] == ["DisplayName          Alias      ServerName",
                              "-----------          -----      ----------",
                              "Ann Lee              ann        srv01"]
    finally:
        views.unregister_views(tn)


def test_view_without_widths_is_measured():
    tn = "Test.Format.MsolUser"
    views.register_table_view(tn, [("UserPrincipalName", "UserPrincipalName", None, None),
                                   ("DisplayName", "DisplayName"), ("isLicensed", "IsLicensed")])
    try:
        u = obj(UserPrincipalName="AdeleV@contoso.com", DisplayName="Adele Vance", IsLicensed=True, typename=tn)
        assert render_table([u])[1:4] == ["UserPrincipalName  DisplayName isLicensed",
                                          "-----------------  ----------- ----------",
                                          "AdeleV@contoso.com Adele Vance True"]
    finally:
        views.unregister_views(tn)


def test_wide_characters_count_two_cells():
    lines = render_table([obj(Name="日本", X=1), obj(Name="ab", X=2)])
    assert lines[1:5] == ["Name X", "---- -", "日本 1", "ab   2"]


def test_wrap_lines_breaks_long_words():
    assert wrap_lines("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert wrap_lines("", 4) == [""]


class _CommandInfo:
    __ps_typename__ = "System.Management.Automation.CommandInfo"
    __slots__ = ("Name", "CommandType", "Version", "Source", "DisplayName")

    def __init__(self, name, ctype, version, source, display=None):
        self.Name, self.CommandType, self.Version, self.Source = name, ctype, version, source
        self.DisplayName = display or name


class _AliasInfo(_CommandInfo):
    __ps_typename__ = "System.Management.Automation.AliasInfo"
    __slots__ = ()


def test_get_command_view_and_alias_display_name():
    from o365shell.format.outdefault import format_lines
    lines = format_lines([_CommandInfo("Get-Mailbox", "Cmdlet", "3.4.0", "ExchangeOnlineManagement"),
                          _AliasInfo("gmbx", "Alias", None, "", "gmbx -> Get-Mailbox")])
    assert lines == [
        "",
        "CommandType     Name                                               Version    Source",
        "-----------     ----                                               -------    ------",
        "Cmdlet          Get-Mailbox                                        3.4.0      ExchangeOnlineManagement",
        "Alias           gmbx -> Get-Mailbox",
        ""]


def test_get_member_view_grouped_by_type_name():
    from o365shell.format.outdefault import format_lines
    tn = "Microsoft.PowerShell.Commands.MemberDefinition"
    members = [obj(TypeName="System.String", Name="Clone", MemberType="Method", Definition="System.Object Clone()",
                   typename=tn),
               obj(TypeName="System.String", Name="Length", MemberType="Property", Definition="int Length {get;}",
                   typename=tn)]
    assert format_lines(members) == [
        "", "   TypeName: System.String", "",
        "Name   MemberType Definition", "----   ---------- ----------",
        "Clone  Method     System.Object Clone()", "Length Property   int Length {get;}", ""]
