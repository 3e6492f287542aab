import pytest

from o365shell.engine.netlib.exceptions import (
    ArgumentException,
    ArgumentNullException,
    ArgumentOutOfRangeException,
    FormatException,
)
from o365shell.engine.netlib.numbers import Char
from o365shell.engine.netlib.strings import STRING_METHODS as M
from o365shell.engine.netlib.strings import STRING_STATICS as S
from o365shell.engine.netlib.strings import (
    StringComparison,
    StringSplitOptions,
    culture_compare,
    culture_sort_key,
)


def test_substring():
    assert M["substring"]("hello", 1) == "ello"
    assert M["substring"]("hello", 1, 3) == "ell"
    assert M["substring"]("hello", 5) == ""
    assert M["substring"]("hello", 5, 0) == ""


@pytest.mark.parametrize("args,message", [
    (("hello", 6), "startIndex cannot be larger than length of string. (Parameter 'startIndex')"),
    (("hello", 2, 10),
     "Index and length must refer to a location within the string. (Parameter 'length')"),
    (("hello", -1), "startIndex ('-1') must be a non-negative value. (Parameter 'startIndex')\n"
                    "Actual value was -1."),
    (("hello", 1, -1), "length ('-1') must be a non-negative value. (Parameter 'length')\n"
                       "Actual value was -1."),
])
def test_substring_errors(args, message):
    with pytest.raises(ArgumentOutOfRangeException) as e:
        M["substring"](*args)
    assert e.value.Message == message


def test_index_of_family():
    assert M["indexof"]("hello", "l") == 2
    assert M["indexof"]("hello", "l", 3) == 3
    assert M["indexof"]("hello", "l", 0, 2) == -1
    assert M["indexof"]("Hello", "h") == -1
    assert M["indexof"]("Hello", "h", StringComparison.OrdinalIgnoreCase) == 0
    assert M["indexof"]("Hello", "H", 1, "CurrentCultureIgnoreCase") == -1
    assert M["indexof"]("abc", "") == 0
    assert M["lastindexof"]("hello", "l") == 3
    assert M["lastindexof"]("hello", "l", 2) == 2
    assert M["lastindexof"]("hello", "l", 1) == -1
    assert M["lastindexof"]("hello", "LL", "OrdinalIgnoreCase") == 2
    assert M["indexofany"]("hello", ["l", "o"]) == 2
    assert M["indexofany"]("hello", "oe") == 1
    assert M["lastindexofany"]("hello", ["l", "h"]) == 3
    with pytest.raises(ArgumentOutOfRangeException):
        M["indexof"]("abc", "a", 4)
    with pytest.raises(ArgumentNullException):
        M["indexof"]("abc", None)


def test_contains_starts_ends_equals():
    assert M["contains"]("Hello", "ell") and not M["contains"]("Hello", "ELL")
    assert M["contains"]("Hello", "ELL", "OrdinalIgnoreCase")
    assert M["startswith"]("Hello", "He") and not M["startswith"]("Hello", "he")
    assert M["startswith"]("Hello", "he", StringComparison.CurrentCultureIgnoreCase)
    assert M["startswith"]("Hello", "he", True, None)
    assert M["endswith"]("Hello", "LO", "InvariantCultureIgnoreCase")
    assert M["equals"]("a", "a") and not M["equals"]("a", "A")
    assert M["equals"]("a", "A", "OrdinalIgnoreCase") and not M["equals"]("a", 1)
    assert M["compareto"]("a", "b") == -1 and M["compareto"]("b", "a") == 1
    assert M["compareto"]("a", None) == 1


def test_split():
    sp = M["split"]
    assert sp("a,b,,c", ",") == ["a", "b", "", "c"]
    assert sp("a,b,,c", Char(",")) == ["a", "b", "", "c"]
    assert sp("a,b,,c", ",", StringSplitOptions.RemoveEmptyEntries) == ["a", "b", "c"]
    assert sp("a,b,,c", ",", "RemoveEmptyEntries") == ["a", "b", "c"]
    assert sp("a,b,,c", ",", 2) == ["a", "b,,c"]
    assert sp("a b\tc  d") == ["a", "b", "c", "", "d"]
    assert sp("abcbd", "bc") == ["a", "bd"]
    assert sp("a, b ,c", [",", " "], StringSplitOptions.RemoveEmptyEntries) == ["a", "b", "c"]
    assert sp(" a , b ", ",", StringSplitOptions.TrimEntries) == ["a", "b"]
    assert sp("a,,b,,c", ",", 2, StringSplitOptions.RemoveEmptyEntries) == ["a", "b,,c"]
    assert sp("a1b2c", ["1", "2"]) == ["a", "b", "c"]
    assert sp("ab", "") == ["ab"]
    assert sp("", ",") == [""]
    assert sp("", ",", StringSplitOptions.RemoveEmptyEntries) == []
    assert sp("a,b", ",", 0) == []
    assert sp("a,b", ",", 1) == ["a,b"]
    assert sp("a<>b<c", ["<>", "<"]) == ["a", "b", "c"]
    assert sp("a,b", None) == ["a,b"]
    with pytest.raises(ArgumentOutOfRangeException):
        sp("a", ",", -1)


def test_replace_trim_pad():
    assert M["replace"]("Hello", "l", "L") == "HeLLo"
    assert M["replace"]("Hello", "L", "x", "OrdinalIgnoreCase") == "Hexxo"
    assert M["replace"]("Hello", "L", "x", True, None) == "Hexxo"
    assert M["replace"]("Hello", "l", None) == "Heo"
    with pytest.raises(ArgumentException) as e:
        M["replace"]("Hello", "", "x")
    assert e.value.Message == "String cannot be of zero length. (Parameter 'oldValue')"
    assert M["trim"]("  hi \t\n") == "hi"
    assert M["trim"]("\u00a0hi\u2003") == "hi"
    assert M["trim"]("xxhixx", "x") == "hi"
    assert M["trim"]("xyhiyx", ["x", "y"]) == "hi"
    assert M["trimstart"]("xxhixx", "x") == "hixx"
    assert M["trimend"]("xxhixx", "x") == "xxhi"
    assert M["padleft"]("5", 3, "0") == "005" and M["padright"]("5", 3) == "5  "
    assert M["padleft"]("12345", 3) == "12345"
    with pytest.raises(ArgumentOutOfRangeException):
        M["padleft"]("5", -1)


def test_case_and_misc():
    assert M["toupper"]("straße") == "STRAßE"
    assert M["tolower"]("ÀB") == "àb"
    assert M["toupperinvariant"]("abc") == "ABC"
    assert M["insert"]("hllo", 1, "e") == "hello"
    assert M["remove"]("hello", 1, 2) == "hlo" and M["remove"]("hello", 2) == "he"
    with pytest.raises(ArgumentOutOfRangeException) as e:
        M["remove"]("hello", 5)
    assert e.value.Message == \
        "startIndex must be less than length of string. (Parameter 'startIndex')"
    chars = M["tochararray"]("ab")
    assert chars == ["a", "b"] and all(isinstance(c, Char) for c in chars)
    assert M["tochararray"]("abcd", 1, 2) == ["b", "c"]
    assert M["normalize"]("e\u0301") == "\u00e9"
    assert M["normalize"]("\u00e9", "FormD") == "e\u0301"
    assert M["isnormalized"]("abc")
    assert M["replacelineendings"]("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert M["replacelineendings"]("a\r\nb", " ") == "a b"


class Invariant:
    """A CultureInfo-like provider."""

    Name = ""


def test_statics():
    assert S["isnullorempty"](None) and S["isnullorempty"]("") and not S["isnullorempty"](" ")
    assert S["isnullorwhitespace"](" \t") and not S["isnullorwhitespace"]("a")
    assert S["join"](", ", [1, 2.5, None, "x"]) == "1, 2.5, , x"
    assert S["join"]("-", "a", "b", "c") == "a-b-c"
    assert S["join"](Char(","), ["a", "b"]) == "a,b"
    assert S["concat"]("a", 1, None, True) == "a1True"
    assert S["concat"](["a", "b"]) == "ab"
    assert S["format"]("{0:N2} {1,-5}|", 1234.5, "ab") == "1,234.50 ab   |"
    assert S["format"]("{0}-{1}", ["a", "b"]) == "a-b"
    assert S["format"](Invariant(), "{0:C}", 1.5) == "\u00a41.50"
    with pytest.raises(FormatException):
        S["format"]("{2}", 1)
    assert S["compare"]("a", "B") == -1 and S["compare"]("a", "A") == -1
    assert S["compare"]("a", "A", True) == 0
    assert S["compare"]("a", "B", StringComparison.Ordinal) > 0
    assert S["compare"]("A", "a", "OrdinalIgnoreCase") == 0
    assert S["compare"](None, "a") == -1 and S["compare"](None, None) == 0
    assert S["compareordinal"]("a", "c") == -2
    assert S["equals"]("a", "A", "OrdinalIgnoreCase") and not S["equals"]("a", "A")
    assert S["equals"](None, None)
    assert S["empty"] == ""


def test_culture_order():
    words = ["b", "A", "a", "B", "_x", "1", "é", "e", "f"]
    assert sorted(words, key=culture_sort_key) == ["_x", "1", "a", "A", "b", "B", "e", "é", "f"]
    assert culture_compare("apple", "Apple") == -1
    assert culture_compare("apple", "APPLE", ignore_case=True) == 0
    assert culture_compare("a", "ab") == -1
