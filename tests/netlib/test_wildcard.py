import pytest

from o365shell.engine.netlib.exceptions import WildcardPatternException
from o365shell.engine.netlib.wildcard import (
    WildcardOptions,
    WildcardPattern,
    compile_wildcard,
    escape,
    has_wildcard,
    is_match,
    unescape,
    wildcard_to_regex,
)


@pytest.mark.parametrize("pattern,text,expected", [
    ("*", "", True), ("*", "anything", True), ("a*", "ABC", True), ("a*", "bac", False),
    ("*c", "abc", True), ("a?c", "abc", True), ("a?c", "ac", False), ("[abc]x", "Bx", True),
    ("[a-c]x", "dx", False), ("[a-c]*", "cat", True), ("abc", "ABC", True), ("abc", "abcd", False),
    ("a`*", "a*", True), ("a`*", "ab", False), ("a`?b", "a?b", True), ("[!a]b", "!b", True),
    ("[!a]b", "cb", False), ("[^a]", "^", True), ("[]a]", "]", True), ("a]", "a]", True),
    ("*.txt", "notes.TXT", True), ("*.txt", "notes.txt.bak", False), ("a*b*c", "aXXbYYc", True),
    ("?", "\n", True), ("a`", "a`", True), ("`", "", True), ("[a`]]", "]", True),
    ("*[0-9]", "file7", True), ("f*[0-9]", "fileX", False), ("Get-*", "get-item", True),
    ("a[-]b", "a-b", True), ("[a-]", "-", True),
])
def test_match(pattern, text, expected):
    assert compile_wildcard(pattern)(text) is expected


def test_case_sensitive():
    assert not compile_wildcard("a*", True)("ABC")
    assert compile_wildcard("a*", True)("abc")
    assert not compile_wildcard("[a-c]", True)("B")
    assert not compile_wildcard("abc", True)("ABC")
    assert compile_wildcard("a?c", True)("abc")


def test_cache():
    assert compile_wildcard("x*y") is compile_wildcard("x*y")


@pytest.mark.parametrize("bad", ["[abc", "a[", "[]", "[z-a]"])
def test_invalid(bad):
    with pytest.raises(WildcardPatternException) as e:
        compile_wildcard(bad)
    assert e.value.Message == f"The specified wildcard character pattern is not valid: {bad}"
    assert e.value.__ps_typename__ == "System.Management.Automation.WildcardPatternException"


def test_helpers():
    assert has_wildcard("a*") and has_wildcard("a[b]") and has_wildcard("a]")
    assert not has_wildcard("abc") and not has_wildcard("a`*") and not has_wildcard("")
    assert not has_wildcard(None)
    assert escape("a*b?[c]`") == "a`*b`?`[c`]`"
    assert unescape("a`*b`?`[c`]") == "a*b?[c]"
    assert unescape("a`b") == "a`b"
    assert is_match(None, "*") is False
    assert wildcard_to_regex("a*b?") == "a.*b."


def test_wildcard_pattern_class():
    assert WildcardPattern("a*", WildcardOptions.IgnoreCase).IsMatch("ABC")
    assert not WildcardPattern("a*").IsMatch("ABC")
    assert WildcardPattern.Escape("*") == "`*"
    assert WildcardPattern.ContainsWildcardCharacters("?")
    assert not WildcardPattern("*").IsMatch(None)
