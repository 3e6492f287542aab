import re

import pytest

from o365shell.engine.netlib import regex as R
from o365shell.engine.netlib.exceptions import ArgumentException


@pytest.mark.parametrize("net,py", [
    (r"(?<year>\d{4})", r"(?P<year>\d{4})"), (r"(?'n'a)", r"(?P<n>a)"),
    (r"(?<n>a)\k<n>", r"(?P<n>a)(?:\1)"), (r"(a)\1", r"(a)(?:\1)"), (r"abc\z", r"abc\Z"),
    (r"abc\Z", r"abc(?=\n?\Z)"), (r"(?<=a)b(?<!c)", r"(?<=a)b(?<!c)"), (r"^a$", r"^a$"),
    (r"a(?i)b", r"a(?i:b)"), (r"(?i)ab", r"(?i:ab)"), (r"x{,3}", r"x\{,3\}"), (r"x{2,3}", r"x{2,3}"),
    (r"(?n)(a)(?<x>b)", r"(?:a)(?P<x>b)"), (r"(a)?(?(1)b|c)", r"(a)?(?(1)b|c)"),
    (r"\e\cA", r"\x1b\x01"), (r"[]a]", r"[\]a]"), (r"(?x) a b # c (", "ab"), (r"(?#note)a", "a"),
    (r"(?i:a)b", r"(?i:a)b"), (r"a*?b+?", r"a*?b+?"), (r"(?>a+)b", r"(?>a+)b"),
])
def test_translate(net, py):
    assert R.translate(net) == py


def test_named_groups_numbered_after_unnamed():
    py = R.translate(r"(?<y>\d+)-(\d+)\2")
    # .NET group 2 is the named group y (named groups come last) -> Python group 1
    assert py == r"(?P<y>\d+)-(\d+)(?:\1)"


@pytest.mark.parametrize("pattern,message", [
    ("a(", "Invalid pattern 'a(' at offset 2. Not enough )'s."),
    ("a)", "Invalid pattern 'a)' at offset 2. Too many )'s."),
    ("*a", "Invalid pattern '*a' at offset 1. Quantifier '*' following nothing."),
    ("a**", "Invalid pattern 'a**' at offset 3. Nested quantifier '*'."),
    ("[a", "Invalid pattern '[a' at offset 2. Unterminated [] set."),
    ("a\\", "Invalid pattern 'a\\' at offset 2. Illegal \\ at end of pattern."),
    (r"\q", "Invalid pattern '\\q' at offset 2. Unrecognized escape sequence \\q."),
    (r"\1", "Invalid pattern '\\1' at offset 2. Reference to undefined group number 1."),
])
def test_errors(pattern, message):
    with pytest.raises(ArgumentException) as e:
        R.compile(pattern)
    assert e.value.Message == message


@pytest.mark.parametrize("pattern", [r"\p{IsGreek}", r"(?<a-b>x)", r"[a-z-[aeiou]]", r"\G",
                                     r"(?(a+)b|c)"])
def test_unsupported(pattern):
    with pytest.raises(ArgumentException):
        R.compile(pattern)


def test_unicode_categories():
    c = R.compile(r"^\p{Lu}\p{Ll}+\P{L}$", ignore_case=False)
    assert c.search("Écoles1") and not c.search("écoles1")
    assert R.compile(r"^[\p{L}\d]+$").search("añb9") is not None
    assert R.compile(r"\p{Nd}").search("x٣") is not None


def test_compile_options_and_cache():
    assert R.compile("abc") is R.compile("abc")
    assert R.compile("ABC").search("xabcx")
    assert not R.compile("ABC", ignore_case=False).search("abc")
    assert R.compile("^b", options="Multiline").search("a\nb")
    assert R.compile("a.b", options=[R.RegexOptions.Singleline]).search("a\nb")
    assert R.compile("a b", options="IgnorePatternWhitespace").search("ab")
    m = R.compile("(a)(b)", options=R.RegexOptions.ExplicitCapture).search("ab")
    assert R.group_dict(m) == {0: "ab"}


def test_group_dict():
    c = R.compile(r"(?<year>\d{4})-(\d\d)-(\d\d)?")
    m = c.search("on 2024-01- x")
    assert R.group_dict(m) == {0: "2024-01-", 1: "01", "year": "2024"}
    assert list(R.group_dict(c.search("2024-01-15"))) == [0, 1, 2, "year"]
    assert R.net_groups(c) == [(1, 2), (2, 3), ("year", 1)]
    assert R.group_names(c) == ["0", "1", "2", "year"]
    assert R.match_groups(c, m)[-1] == ("year", "2024")


def test_replace_substitutions():
    c = R.compile(r"(?<year>\d{4})-(\d\d)-(\d\d)")
    assert R.replace(c, "2024-01-15", "$2/$3/${year}") == "15/2024/2024"
    assert R.replace(c, "2024-01-15", "$1.${2}") == "01.15"
    assert R.replace(c, "d 2024-01-15 e", "[$&][$0][$`][$'][$_]") == \
        "d [2024-01-15][2024-01-15][d ][ e][d 2024-01-15 e] e"
    assert R.replace(c, "2024-01-15", "$$ $4 $x ${nope} $") == "$ $4 $x ${nope} $"
    assert R.replace(R.compile(r"(a)(b)?"), "a", "[$2]") == "[]"
    assert R.replace(R.compile(r"(\w)"), "ab", "$10") == "$10$10"
    assert R.replace(R.compile(r"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)"), "abcdefghij", "$10") == "j"
    assert R.replace(R.compile("a"), "banana", "o", 2) == "bonona"
    assert R.replace(R.compile("x"), "banana", "o") == "banana"
    assert R.replace(R.compile(r"\d+"), "a1b22", lambda m: str(int(m.group(0)) * 2)) == "a2b44"
    assert R.replace(R.compile("(a)|(b)"), "ab", "$+") == "b"


def test_split():
    assert R.split(R.compile(","), "a,b,,c") == ["a", "b", "", "c"]
    assert R.split(R.compile("(-)"), "a-b-c") == ["a", "-", "b", "-", "c"]
    assert R.split(R.compile(","), "a,b,c,d", 2) == ["a", "b,c,d"]
    assert R.split(R.compile(","), "a,b", 1) == ["a,b"]
    assert R.split(R.compile(""), "abc") == ["", "a", "b", "c", ""]
    assert R.split(R.compile("x"), "abc") == ["abc"]
    assert R.split(R.compile(r"(?<sep>;)|(,)"), "a,b;c") == ["a", ",", "b", ";", "c"]


def test_escape_unescape():
    assert R.escape("a.b*c [x] #\t") == "a\\.b\\*c\\ \\[x]\\ \\#\\t"
    assert R.unescape(r"a\.b\tc\x41\u0042") == "a.b\tcAB"
    assert re.fullmatch(R.translate(R.escape("1+1=2?")), "1+1=2?")
