"""regexobj: [regex] instances and statics, Match/Group/GroupCollection, .NET replacement syntax."""
from __future__ import annotations

import pytest

from o365shell.engine.enums import RegexOptions
from o365shell.engine.netlib.exceptions import ArgumentException, ArgumentNullException
from o365shell.engine.regexobj import Group, GroupCollection, Match, MatchCollection, Regex


def test_case_sensitive_unless_ignorecase() -> None:
    assert not Regex("b").IsMatch("ABC")
    assert Regex("b", RegexOptions.IgnoreCase).IsMatch("ABC")
    assert Regex("b", "IgnoreCase").IsMatch("ABC")
    assert not Regex.IsMatch("ABC", "b")
    assert Regex.IsMatch("ABC", "b", RegexOptions.IgnoreCase)
    assert Regex.IsMatch("ABC", "b", "IgnoreCase, Multiline")


def test_match_properties() -> None:
    m = Regex(r"\d+").Match("abc 123 def 45")
    assert (m.Success, m.Value, m.Index, m.Length, m.Name) == (True, "123", 4, 3, "0")
    assert m.ToString() == "123"
    n = m.NextMatch()
    assert (n.Value, n.Index) == ("45", 12)
    last = n.NextMatch()
    assert (last.Success, last.Value, last.Index, last.Length) == (False, "", 0, 0)


def test_failed_match() -> None:
    m = Regex.Match("abc", r"\d")
    assert isinstance(m, Match)
    assert (m.Success, m.Value, m.Index, m.Length) == (False, "", 0, 0)
    assert m.Groups.Count == 1
    assert Match.Empty.Success is False  # type: ignore[attr-defined]


def test_groups_by_number_and_name() -> None:
    r = Regex(r"(?<user>\w+)@(\w+)\.com")
    m = r.Match("write to alice@contoso.com today")
    groups = m.Groups
    assert isinstance(groups, GroupCollection)
    assert groups.Count == 3
    # .NET numbers unnamed groups first, then named ones
    assert [g.Name for g in groups] == ["0", "1", "user"]
    assert groups.ps_index(0).Value == "alice@contoso.com"
    assert groups.ps_index(1).Value == "contoso"
    assert groups.ps_index(2).Value == "alice"
    assert groups.ps_index("user").Value == "alice"
    assert groups.ps_index("user").Index == 9
    missing = groups.ps_index("nope")
    assert isinstance(missing, Group) and not missing.Success and missing.Value == ""
    assert r.GetGroupNames() == ["0", "1", "user"]
    assert r.GetGroupNumbers() == [0, 1, 2]
    assert r.GroupNumberFromName("user") == 2
    assert r.GroupNameFromNumber(2) == "user"


def test_optional_group_not_taking_part() -> None:
    m = Regex(r"a(x)?b").Match("ab")
    g = m.Groups.ps_index(1)
    assert (g.Success, g.Value, g.Index, g.Length) == (False, "", 0, 0)
    assert g.Captures.Count == 0
    assert m.Captures[0].Value == "ab"


def test_matches_collection() -> None:
    ms = Regex.Matches("a1b22c333", r"\d+")
    assert isinstance(ms, MatchCollection)
    assert ms.Count == 3
    assert [m.Value for m in ms] == ["1", "22", "333"]
    assert [m.Index for m in Regex("a*").Matches("baaa")] == [0, 1, 4]
    assert Regex(r"\d").Count("a1b2") == 2


def test_replace_dotnet_syntax() -> None:
    assert Regex.Replace("John Smith", r"(\w+) (\w+)", "$2, $1") == "Smith, John"
    assert Regex.Replace("John Smith", r"(?<first>\w+) (?<last>\w+)", "${last}, ${first}") == "Smith, John"
    assert Regex.Replace("price 5", r"\d", "$$$0") == "price $5"
    assert Regex.Replace("abc", "b", "[$&]") == "a[b]c"
    assert Regex.Replace("abc", "b", "$9") == "a$9c"
    assert Regex.Replace("AbA", "a", "x", RegexOptions.IgnoreCase) == "xbx"
    r = Regex(r"\w+")
    assert r.Replace("ab cd ef", "X", 2) == "X X ef"
    assert r.Replace("ab cd ef", "X", -1, 3) == "ab X X"


def test_replace_with_evaluator() -> None:
    class Evaluator:
        def invoke_evaluator(self, m: Match) -> str:
            return m.Value.upper()

    assert Regex(r"\w+").Replace("ab cd", Evaluator()) == "AB CD"
    assert Regex.Replace("a1b2", r"\d", lambda m: int(m.Value) * 2) == "a2b4"


def test_match_result() -> None:
    m = Regex(r"(\w+)@(\w+)").Match("x alice@contoso y")
    assert m.Result("$2\\$1") == "contoso\\alice"


def test_split() -> None:
    assert Regex.Split("a1b22c", r"\d+") == ["a", "b", "c"]
    assert Regex.Split("a1b22c", r"(\d+)") == ["a", "1", "b", "22", "c"]
    assert Regex(",").Split("a,b,c,d", 2) == ["a", "b,c,d"]


def test_escape_unescape_tostring_options() -> None:
    assert Regex.Escape("a.b*c (d)") == r"a\.b\*c\ \(d\)"
    assert Regex.Unescape(r"a\.b\tc") == "a.b\tc"
    r = Regex("ab+", RegexOptions.IgnoreCase | RegexOptions.Multiline)
    assert r.ToString() == "ab+" and str(r) == "ab+"
    assert r.Options == 3 and r.Options.name == "IgnoreCase, Multiline"
    assert Regex("x").Options.name == "None"
    assert not r.RightToLeft


def test_errors() -> None:
    with pytest.raises(ArgumentException) as e:
        Regex("(abc")
    assert "Invalid pattern '(abc'" in e.value.Message
    with pytest.raises(ArgumentNullException):
        Regex.Match(None, "a")
    with pytest.raises(ArgumentNullException):
        Regex(None)


def test_static_and_instance_forms_are_distinct() -> None:
    assert Regex.Match("xay", "a").Value == "a"          # static: (input, pattern)
    assert Regex("a").Match("xay").Value == "a"          # instance: (input)
    assert Regex("a").Match("aXa", 1).Index == 2         # instance: (input, startat)
    assert isinstance(vars(Regex)["Match"], staticmethod)  # visible to PSType.statics()
