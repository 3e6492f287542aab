"""Every layout of conformance/cases/10-formatting.txt, rebuilt as direct calls to the format API.

The conformance runner drops leading/trailing blank lines; the exact framing blank lines
are checked here too.
"""
from o365shell.engine.pscollections import Hashtable, OrderedDictionary
from o365shell.format.listing import render_list
from o365shell.format.outdefault import format_lines, out_string
from o365shell.format.table import render_table

from format_testutil import obj

GROUP = "Microsoft.PowerShell.Commands.GroupInfo"
GROUP_NO = "Microsoft.PowerShell.Commands.GroupInfoNoElement"
MEASURE = "Microsoft.PowerShell.Commands.GenericMeasureInfo"


def text(lines):
    return "\n".join(lines)


def test_two_properties_table():
    assert format_lines([obj(Name="Alice", Age=30)]) == ["", "Name  Age", "----  ---", "Alice  30", ""]


def test_widths_from_widest_value():
    lines = format_lines([obj(Name="Al", City="Oslo", Age=5), obj(Name="Beatrice", City="Rome", Age=120)])
    assert text(lines) == "\nName     City Age\n----     ---- ---\nAl       Oslo   5\nBeatrice Rome 120\n"


def test_five_properties_list():
    lines = format_lines([obj(Name="Ann", Dept="IT", Age=41, City="Oslo", Active=True)])
    assert lines == ["", "Name   : Ann", "Dept   : IT", "Age    : 41", "City   : Oslo", "Active : True", ""]


def test_four_properties_typed_alignment():
    lines = format_lines([obj(A=1, B="two", C=True, D=4.5)])
    assert lines == ["", "A B      C    D", "- -      -    -", "1 two True 4.50", ""]


def test_boolean_column_right_aligned():
    lines = format_lines([obj(Name="alice", Enabled=True), obj(Name="bob", Enabled=False)])
    assert lines[1:5] == ["Name  Enabled", "----  -------", "alice    True", "bob     False"]


def test_numeric_header_right_aligned_over_narrow_column():
    assert format_lines([obj(Id=7, Description="x")])[1:4] == ["Id Description", "-- -----------", " 7 x"]


def test_format_list_small_object():
    assert render_list([obj(Name="Ann", Age=41)]) == ["", "Name : Ann", "Age  : 41", ""]


def test_format_list_several_objects():
    lines = render_list([obj(Name="A", N=1), obj(Name="B", N=2)])
    assert lines == ["", "Name : A", "N    : 1", "", "Name : B", "N    : 2", ""]


def test_list_null_value_empty():
    lines = format_lines([obj(Name="svc1", Owner=None, Port=443, Proto="tcp", Up=True)])
    assert lines[1:6] == ["Name  : svc1", "Owner :", "Port  : 443", "Proto : tcp", "Up    : True"]


def test_format_table_chosen_properties():
    rows = [obj(Name="ann", Dept="IT", Age=41, City="Oslo", Id=1),
            obj(Name="bob", Dept="Sales", Age=35, City="Rome", Id=2)]
    assert render_table(rows, ["Name", "Dept"]) == ["", "Name Dept", "---- ----", "ann  IT", "bob  Sales", ""]


def test_format_table_wildcard_property():
    users = [obj(Name="ann", MfaAuth="On", Dept="IT", BasicAuth="Off"),
             obj(Name="bob", MfaAuth="Off", Dept="HR", BasicAuth="Off")]
    assert render_table(users, ["Name", "*Auth*"])[1:5] == [
        "Name MfaAuth BasicAuth", "---- ------- ---------", "ann  On      Off", "bob  Off     Off"]


def test_format_table_autosize():
    lines = render_table([obj(Product="Widget", Qty=3), obj(Product="Gadget Pro", Qty=12)], auto_size=True)
    assert lines[1:5] == ["Product    Qty", "-------    ---", "Widget       3", "Gadget Pro  12"]


def test_format_table_calculated_column():
    files = [obj(Name="a.log", Size=2048), obj(Name="b.log", Size=512)]
    calc = {"Label": "Size KB", "Expression": lambda o: round(o._members["size"].Value / 1024, 1)}
    assert render_table(files, ["Name", calc])[1:5] == ["Name  Size KB", "----  -------", "a.log    2.00",
                                                        "b.log    0.50"]


def test_select_object_calculated_properties_table():
    lines = format_lines([obj(N=i, Sq=i * i) for i in (1, 2, 3)])
    assert lines[1:6] == ["N Sq", "- --", "1  1", "2  4", "3  9"]


def test_array_property_in_braces():
    assert format_lines([obj(Name="srv1", Tags=["web", "prod"])])[1:4] == ["Name Tags", "---- ----",
                                                                          "srv1 {web, prod}"]


def test_text_then_table_has_blank_line_before_header():
    lines = format_lines(["User report", obj(User="ann", Licenses=2)])
    assert lines == ["User report", "", "User Licenses", "---- --------", "ann         2", ""]


def test_hashtable_name_value_table():
    lines = format_lines([Hashtable({"Region": "EMEA"})])
    assert lines == ["", "Name                           Value", "----                           -----",
                     "Region                         EMEA", ""]


def test_ordered_dictionary_insertion_order():
    d = OrderedDictionary()
    d["Tenant"] = "contoso"
    d["Users"] = 250
    d["Enabled"] = True
    assert format_lines([d])[3:6] == ["Tenant                         contoso",
                                      "Users                          250",
                                      "Enabled                        True"]


def test_hashtable_with_array_value():
    assert format_lines([Hashtable({"Tags": ["a", "b"]})])[3] == "Tags                           {a, b}"


def test_two_hashtables_share_one_table():
    lines = format_lines([Hashtable({"a": 1}), Hashtable({"b": 2})])
    assert lines[1:5] == ["Name                           Value", "----                           -----",
                          "a                              1", "b                              2"]
    assert lines.count("") == 2


def test_group_object_default_table():
    groups = [obj(Count=1, Name="a", Group=["a"], typename=GROUP),
              obj(Count=3, Name="b", Group=["b", "b", "b"], typename=GROUP),
              obj(Count=1, Name="c", Group=["c"], typename=GROUP)]
    assert format_lines(groups) == [
        "",
        "Count Name                      Group",
        "----- ----                      -----",
        "    1 a                         {a}",
        "    3 b                         {b, b, b}",
        "    1 c                         {c}",
        ""]


def test_group_object_no_element():
    groups = [obj(Count=1, Name="HR", typename=GROUP_NO), obj(Count=2, Name="IT", typename=GROUP_NO)]
    assert format_lines(groups)[1:5] == ["Count Name", "----- ----", "    1 HR", "    2 IT"]


def test_measure_object_list():
    m = obj(Count=4, Average=2.5, Sum=10, Maximum=4, Minimum=1, StandardDeviation=None, Property=None,
            typename=MEASURE)
    assert format_lines([m]) == ["", "Count             : 4", "Average           : 2.5", "Sum               : 10",
                                 "Maximum           : 4", "Minimum           : 1", "StandardDeviation :",
                                 "Property          :", ""]


def test_import_csv_strings_stay_left_aligned():
    lines = format_lines([obj(Name="x", Count="5"), obj(Name="yy", Count="10")])
    assert lines[1:5] == ["Name Count", "---- -----", "x    5", "yy   10"]


def test_out_string_renders_table_text():
    s = out_string([obj(A=1, B="x")])
    assert isinstance(s, str)
    assert s == "\nA B\n- -\n1 x\n\n"
    assert s.strip() == "A B\n- -\n1 x"


def test_out_string_stream_lines():
    assert out_string([obj(A=1, B="x")], stream=True) == ["", "A B", "- -", "1 x", ""]


def test_strings_one_per_line():
    assert format_lines(["one", "two", "three"]) == ["one", "two", "three"]
