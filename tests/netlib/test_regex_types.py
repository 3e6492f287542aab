from o365shell.engine.netlib.regex import RegexOptions
from o365shell.engine.netlib.regex_types import Match, Regex


def test_static_and_instance_forms():
    assert Regex.IsMatch("Hello", "^h", RegexOptions.IgnoreCase)
    assert not Regex.IsMatch("Hello", "^h")
    r = Regex(r"(?<word>\w+)@(\w+)")
    assert r.IsMatch("me@host")
    m = r.Match("mail me@host now")
    assert isinstance(m, Match) and m.Success and m.Value == "me@host" and m.Index == 5
    assert m.Groups["word"].Value == "me" and m.Groups[1].Value == "host"
    assert m.Groups[2].Value == "me" and m.Groups[0].Value == "me@host"
    assert m.Groups.Keys == ["0", "1", "word"]
    assert not m.Groups["nope"].Success
    assert m.Result("$1 at ${word}") == "host at me"
    assert r.GetGroupNames() == ["0", "1", "word"]
    assert r.ToString() == r"(?<word>\w+)@(\w+)"


def test_matches_and_next_match():
    ms = Regex.Matches("a1b22c333", r"\d+")
    assert ms.Count == 3 and [m.Value for m in ms] == ["1", "22", "333"]
    m = Regex(r"\d+").Match("a1b22")
    assert m.NextMatch().Value == "22" and not m.NextMatch().NextMatch().Success
    failed = Regex.Match("abc", r"\d")
    assert not failed.Success and failed.Value == "" and failed.Index == 0


def test_replace_and_split():
    assert Regex.Replace("a1b2", r"\d", "#") == "a#b#"
    assert Regex("(a)").Replace("banana", "[$1]", 2) == "b[a]n[a]na"
    assert Regex.Replace("a1b2", r"\d", lambda m: str(int(m.Value) + 1)) == "a2b3"
    assert Regex.Split("a, b,c", r",\s*") == ["a", "b", "c"]
    assert Regex(",").Split("a,b,c", 2) == ["a", "b,c"]
    assert Regex.Escape("a.b") == "a\\.b" and Regex.Unescape("a\\.b") == "a.b"
