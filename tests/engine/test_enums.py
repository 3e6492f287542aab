"""``enum`` definitions as pwsh 7.4 runs them: values counting up from the previous member,
[Flags()], casts from names (any case) and numbers, comparison with strings, [enum] statics,
parameter binding and the conversion error pwsh prints for a name that is not a member."""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

COLOR = "enum Color { Red; Green = 5\n Blue }\n"

CASES = [
    (COLOR + "[Color]::Blue; [int][Color]::Blue; [int][Color]::Red", "Blue\n6\n0"),
    (COLOR + "[Color]'green'; [Color]5; [Color]'BLUE'", "Green\nGreen\nBlue"),
    (COLOR + "[Color]::Red -eq 'red'; [Color]::Green -eq 5; 'blue' -eq [Color]::Blue", "True\nTrue\nTrue"),
    (COLOR + "[enum]::GetNames([Color]) -join ','; ([Color]::Green).ToString(); \"$([Color]::Blue)\"",
     "Red,Green,Blue\nGreen\nBlue"),
    (COLOR + "[Color]::Red -is [Color]; 5 -is [Color]; [Color]::Green.value__", "True\nFalse\n5"),
    (COLOR + "[Color].Name; [Color]::Blue.GetType().BaseType.FullName", "Color\nSystem.Enum"),
    (COLOR + "switch ([Color]::Green) { 'Green' { 'matched' } }", "matched"),
    (COLOR + "function f([Color]$c) { \"got $c\" }; f blue", "got Blue"),
    # used above its definition: types are defined before the script's first statement runs
    ("[Size]::Large\nenum Size { Small; Large }", "Large"),
    # member values may use other enums and constant expressions
    ("enum A { x = [B]::y + 2 }\nenum B { y = 40 }\n[int][A]::x", "42"),
    ("enum E { a = [int]::MaxValue; b = 1; c }\n[int][E]::c", "2"),
    ("enum N { A = -4; B; C }\n[int][N]::C", "-2"),
    ("[Flags()] enum Perm { None = 0; Read = 1; Write = 2; Exec = 4 }\n"
     "[Perm]'Read, Write'; [Perm]3; [Perm]::Read -bor [Perm]::Exec; [int][Perm]'read,exec'; ([Perm]7).HasFlag([Perm]::Write)",
     "Read, Write\nRead, Write\nRead, Exec\n5\nTrue"),
    ("enum Small : byte { A; B }\n[Small]::B", "B"),
    ("enum Empty {}\n[enum]::GetNames([Empty]).Count", "0"),
    (COLOR + "[Color[]]('Red','Blue') -join '+'", "Red+Blue"),
]


@pytest.mark.parametrize("script,expected", CASES)
def test_enum(script: str, expected: str) -> None:
    r = Shell().run(script)
    assert r.stderr == ""
    assert r.stdout.rstrip("\n") == expected


def test_cast_error_names_the_members() -> None:
    r = Shell().run(COLOR + "[Color]'x'")
    assert r.stdout == ""
    assert r.stderr == (
        "InvalidArgument: \nLine |\n   3 |  [Color]'x'\n     |  ~~~~~~~~~~\n"
        '     | Cannot convert value "x" to type "Color". Error: "Unable to match the identifier name x to a valid '
        "enumerator\n     | name. Specify one of the following enumerator names and try again: Red, Green, Blue\"\n")


def test_parameter_binding_error() -> None:
    r = Shell().run(COLOR + "function f([Color]$c) { $c }\nf -c zz")
    assert r.stderr == (
        "f: \nLine |\n   4 |  f -c zz\n     |  ~~~~~~~\n"
        "     | Cannot process argument transformation on parameter 'c'. Cannot convert value \"zz\" to type \"Color\". "
        "Error:\n     | \"Unable to match the identifier name zz to a valid enumerator name. Specify one of the "
        "following enumerator\n     | names and try again: Red, Green, Blue\"\n")


def test_duplicate_member_is_a_parse_error() -> None:
    r = Shell().run("enum E { a; A }\n'never'")
    assert r.stdout == ""
    assert r.stderr == ("ParserError: \nLine |\n   1 |  enum E { a; A }\n     |              ~\n"
                        "     | The member 'A' is already defined.\n")


def test_a_value_without_a_name_is_kept_as_its_number():
    r = Shell().run("enum E { A = 1; B = 2 }; [E]3; ([E]3) -eq 3; [int][ConsoleColor]99; \"$([ConsoleColor]99)\"")
    assert (r.stdout, r.stderr) == ("3\nTrue\n99\n99\n", "")


def test_values_outside_int32_are_conversion_errors():
    r = Shell().run("[ConsoleColor]2147483648")
    assert r.stderr.rstrip().endswith('Cannot convert value "2147483648" to type "System.ConsoleColor". '
                                      'Error: "Value was either too large or too small for an Int32."')
    r = Shell().run("Write-Error -Category 2147483648 x")
    assert r.stderr.startswith("Write-Error: Cannot bind parameter 'Category'.")
