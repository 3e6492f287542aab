"""Value text in cells and lists, and Out-Default's choice of shape over a stream."""
from decimal import Decimal

from o365shell.engine.netlib.datetime import DateTime
from o365shell.engine.pscollections import AutomationNull, Hashtable
from o365shell.format.outdefault import OutDefault, format_lines
from o365shell.format.values import format_element, format_scalar, format_value, is_scalar

from format_testutil import obj


# ----------------------------------------------------------------------------- values

def test_scalar_values():
    assert format_value(None) == ""
    assert format_value(True) == "True"
    assert format_value(42) == "42"
    assert format_value(1.5) == "1.5"
    assert format_value(1.5, table=True) == "1.50"
    assert format_value(Decimal("2.345"), table=True) == "2.35"
    assert format_value(3.14159, table=True) == "3.14"


def test_collections_in_braces_with_limit():
    assert format_value([1, 2, 3, 4, 5]) == "{1, 2, 3, 4\u2026}"
    assert format_value([1, 2, 3, 4]) == "{1, 2, 3, 4}"
    assert format_value([]) == "{}"
    assert format_value([None, "a"]) == "{$null, a}"
    assert format_value([1.5, 2.25], table=True) == "{1.5, 2.25}"


def test_nested_objects():
    assert format_value(obj(A=1, B="x")) == "@{A=1; B=x}"
    assert format_value([obj(A=1)]) == "{@{A=1}}"
    assert format_value(Hashtable({"k1": 1, "k2": 2})) == "{k1, k2}"
    assert format_element(None) == "$null"


def test_dates():
    d = DateTime(2024, 1, 15, 14, 30, 0)
    assert format_value(d) == "1/15/2024 2:30:00 PM"
    assert format_scalar(d) == "Monday, January 15, 2024 2:30:00 PM"
    assert format_lines([d]) == ["", "Monday, January 15, 2024 2:30:00 PM", ""]  # a custom view: framed
    assert format_lines([obj(When=d)])[3] == "1/15/2024 2:30:00 PM"


def test_is_scalar():
    assert is_scalar("x") and is_scalar(1) and is_scalar(2.5) and is_scalar(False) and is_scalar(Decimal(1))
    assert not is_scalar(obj(A=1)) and not is_scalar([1])


# ----------------------------------------------------------------------------- Out-Default

def test_null_and_automation_null_print_nothing():
    assert format_lines([None, AutomationNull, []]) == []


def test_numbers_and_booleans_one_per_line():
    assert format_lines([1, 2.5, True]) == ["1", "2.5", "True"]


def test_nested_arrays_are_enumerated():
    assert format_lines([[1, [2, 3]], "x"]) == ["1", "2", "3", "x"]


def test_multiline_string_printed_as_is():
    assert format_lines(["a\nb"]) == ["a", "b"]


def test_later_objects_reuse_first_columns():
    lines = format_lines([obj(A=1, B=2), obj(A=3, C=4), obj(B=5)])
    assert lines == ["", "A B", "- -", "1 2", "3", "  5", ""]


def test_scalar_inside_a_table_keeps_its_place_and_widths_span_the_table():
    lines = format_lines([obj(A=1), "hello", obj(A=22)])
    assert lines == ["", " A", " -", " 1", "hello", "22", ""]


def test_other_type_inside_a_table_is_written_as_a_list():
    lines = format_lines([obj(A=1), obj(B=2, typename="Other.Type"), obj(A=3)])
    assert lines == ["", "A", "-", "1", "", "B : 2", "", "3", ""]


def test_first_object_with_five_properties_makes_a_list_for_the_stream():
    a = obj(P1=1, P2=2, P3=3, P4=4, P5=5)
    b = obj(P1=6, P2=7, P3=8, P4=9, P5=10)
    lines = format_lines([a, b])
    assert lines[0] == "" and lines[6] == "" and lines[7] == "P1 : 6" and lines[-1] == ""
    assert len(lines) == 13


def test_default_display_property_set_picks_the_columns():
    class User:
        __ps_typename__ = "Test.Format.DisplaySetUser"
        __ps_default_display__ = ["UserPrincipalName", "DisplayName", "IsLicensed"]
        __ps_properties__ = ("UserPrincipalName", "DisplayName", "IsLicensed", "City", "Department",
                             "Title")
        __slots__ = __ps_properties__

        def __init__(self, upn, name, lic):
            self.UserPrincipalName = upn
            self.DisplayName = name
            self.IsLicensed = lic
            self.City = self.Department = self.Title = "x"

    lines = format_lines([User("AlexW@contoso.com", "Alex Wilber", True), User("JoniS@contoso.com", "Joni Sherman",
                                                                                False)])
    assert lines[1:5] == ["UserPrincipalName DisplayName  IsLicensed",
                          "----------------- -----------  ----------",
                          "AlexW@contoso.com Alex Wilber        True",
                          "JoniS@contoso.com Joni Sherman      False"]


def test_streaming_writer_and_flush_freezes_layout():
    out = []
    od = OutDefault(out.append)
    od.write(obj(Name="a"))
    od.flush()
    assert out == ["", "Name", "----", "a"]
    od.write(obj(Name="a much longer name"))
    od.close()
    assert out[4:] == ["a m\u2026", ""]


def test_width_none_means_120():
    lines = format_lines([obj(A="x" * 200, B="y")])
    assert max(len(line) for line in lines) <= 120


def test_error_record_in_output_uses_concise_view():
    from o365shell.engine.errors import ErrorRecord, RuntimeException
    rec = ErrorRecord(RuntimeException("boom"), "boom", 0)
    rec.from_throw = True
    assert format_lines(["a", rec, "b"]) == ["a", "Exception: boom", "b"]


def test_format_data_is_rendered_at_the_writer_width():
    from o365shell.format.outdefault import FormatData, out_string
    fd = FormatData("table", [obj(A="x" * 50)], properties=["A"])
    assert out_string([fd], width=20, stream=True)[3] == "x" * 19 + "\u2026"
    assert out_string([fd], width=200, stream=True)[3] == "x" * 50
    lines = format_lines([obj(B=1), FormatData("list", [obj(A=1)]), obj(B=2)])
    assert lines == ["", "B", "-", "1", "", "", "A : 1", "", "", "B", "-", "2", ""]


def test_enumeration_limit_can_be_changed():
    from o365shell.format import values
    old = values.FORMAT_ENUMERATION_LIMIT
    values.FORMAT_ENUMERATION_LIMIT = 2
    try:
        assert format_value([1, 2, 3]) == "{1, 2\u2026}"
        assert format_value([1, 2, 3], limit=-1) == "{1, 2, 3}"
    finally:
        values.FORMAT_ENUMERATION_LIMIT = old


def test_tabulate_without_preserve_whitespace_keyword(monkeypatch):
    import tabulate as tab
    from o365shell.format import table
    real = tab.tabulate

    def old_style(rows, tablefmt=None, colalign=None, disable_numparse=False):
        return real(rows, tablefmt=tablefmt, colalign=colalign, disable_numparse=disable_numparse,
                    preserve_whitespace=tab.PRESERVE_WHITESPACE)

    monkeypatch.setattr(tab, "tabulate", old_style)
    monkeypatch.setattr(table, "_HAS_PRESERVE_KW", None)
    assert format_lines([obj(Name="  x", N=1)])[3] == "  x  1"
    assert tab.PRESERVE_WHITESPACE is False
