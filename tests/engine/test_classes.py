"""``class`` definitions as pwsh 7.4 runs them: typed and untyped properties with defaults,
hidden and static members, constructors chosen by argument count, methods (only ``return``
gives their result), inheritance with ``: base(...)`` and ``([Base]$this).M()``, ToString
overrides, casts from hashtables, New-Object, formatting, and the errors pwsh prints."""
from __future__ import annotations

import pytest

from o365shell.embed import Shell

FOO = """class Foo {
  [string]$Name = 'x'
  hidden [int] $Secret = 3
  static [int]$Count = 0
  [int]$N
  $Any
  Foo() { [Foo]::Count++ }
  Foo([string]$n) { $this.Name = $n; [Foo]::Count++ }
  [string] Greet([string]$who) { return "hi $who from $($this.Name)" }
  [void] Rename() { $this.Name = 'y' }
  static [Foo] Make() { return [Foo]::new('made') }
}
"""

ANIMALS = """class Animal {
  [string]$Name
  Animal([string]$n) { $this.Name = $n }
  [string] Speak() { return '...' }
  [string] ToString() { return "Animal($($this.Name))" }
}
class Dog : Animal {
  [int]$Age = 2
  Dog([string]$n) : base($n) { }
  [string] Speak() { return 'Woof, base says ' + ([Animal]$this).Speak() }
}
"""

CASES = [
    (FOO + "$f = [Foo]::new('bob'); $f.Greet('you'); $f.Name; $f.N; $null -eq $f.Any", "hi you from bob\nbob\n0\nTrue"),
    (FOO + "[Foo]::new().Name; [Foo]::Count; [Foo]::Make().Name; [Foo]::Count", "x\n1\nmade\n2"),
    (FOO + "$f = [Foo]::new(); $f.Rename(); $f.Name; $f.Secret; $f -is [Foo]", "y\n3\nTrue"),
    (FOO + "$g = [Foo]@{ Name = 'a'; N = '5' }; $g.N + 1; $g.Name", "6\na"),
    (FOO + "$f = [Foo]::new(); $f.N = '7'; $f.N.GetType().Name", "Int32"),
    (FOO + "(New-Object Foo -ArgumentList 'no').Name; (New-Object Foo).Name", "no\nx"),
    (FOO + "\"$([Foo]::new())\"; [Foo]::new().ToString()", "Foo\nFoo"),
    (FOO + "[Foo]::Count = 10; [Foo]::Count += 1; [Foo]::Count", "11"),
    (FOO + "[Foo]::new() | Format-List", "\nName : x\nN    : 0\nAny  : \n"),
    (FOO + "[Foo]::new('t') | Format-Table", "\nName N Any\n---- - ---\nt    0    \n"),
    (FOO + "([Foo]::new() | Get-Member -MemberType Property).Name -join ','", "Any,N,Name"),
    (FOO + "([Foo]::new() | Get-Member -Name Greet).Definition", "string Greet(string who)"),
    # a class can be used above its definition
    ("[Late]::new().V\nclass Late { $V = 'ok' }", "ok"),
    (ANIMALS + "$d = [Dog]::new('rex'); $d.Speak(); $d -is [Animal]; \"$d\"; $d.Age",
     "Woof, base says ...\nTrue\nAnimal(rex)\n2"),
    (ANIMALS + "[Dog]::new('rex').GetType().BaseType.Name; ([Dog]'fido').Name", "Animal\nfido"),
    # only `return` produces a method's result; a void method returns nothing
    ("class R { [int] F() { 'dropped'; Write-Output 5; return '7' } [void] G() { 'x' } }\n"
     "$r = [R]::new(); $r.F(); $r.F().GetType().Name; $v = $r.G(); $null -eq $v", "7\nInt32\nTrue"),
    ("class O { F($a) { } F($a, $b) { } [string] F() { return 'zero' } }\n[O]::new().F()", "zero"),
    ("class S { static [string] Hi([string]$n) { return \"hi $n\" } }\n[S]::Hi('x')", "hi x"),
    ("class T { [int]$A; [int]$B; [int]$C; [int]$D; [int]$E }\n[T]::new()", "\nA : 0\nB : 0\nC : 0\nD : 0\nE : 0\n"),
]


@pytest.mark.parametrize("script,expected", CASES)
def test_class(script: str, expected: str) -> None:
    r = Shell().run(script)
    assert r.stderr == ""
    assert r.stdout.rstrip() == expected.rstrip()


def _err(script: str) -> str:
    r = Shell().run(script)
    return r.stderr


def test_bad_property_value_is_a_set_value_error() -> None:
    assert _err(FOO + "$f = [Foo]::new()\n$f.N = 'abc'") == (
        "SetValueInvocationException: \nLine |\n  14 |  $f.N = 'abc'\n     |  ~~~~~~~~~~~~\n"
        '     | Exception setting "N": "Cannot convert value "abc" to type "System.Int32". Error: "The input string '
        "'abc' was\n     | not in a correct format.\"\"\n")


def test_no_constructor_for_the_argument_count() -> None:
    assert _err(FOO + "[Foo]::new(1, 2)") == (
        "MethodException: \nLine |\n  13 |  [Foo]::new(1, 2)\n     |  ~~~~~~~~~~~~~~~~\n"
        '     | Cannot find an overload for "new" and the argument count: "2".\n')


def test_throw_in_a_method_stops_the_script() -> None:
    r = Shell().run("class X { static [void] F() { throw 'boom' } }\n[X]::F()\n'after'")
    assert r.stdout == ""
    assert r.stderr == "Exception: boom\n"  # as a top-level throw prints (the script stops)


@pytest.mark.parametrize("script,caret,message", [
    ("class C {\n  [int] F() { }\n}\n'never'", (2, 9, 1), "Not all code path returns value within method."),
    ("class C { [bool] T() { if ($false) { return $true } } }", (1, 18, 1),
     "Not all code path returns value within method."),
    ("class C { [void] F() { return 1 } }", (1, 24, 8), "Invalid return statement within void method."),
    ("class C { [int] F() { return } }", (1, 23, 6), "Invalid return statement within non-void method."),
    ("class C { $x; $x }", (1, 15, 2), "The member 'x' is already defined."),
])
def test_parse_errors(script: str, caret: tuple[int, int, int], message: str) -> None:
    r = Shell().run(script)
    assert r.stdout == ""
    line, col, width = caret
    text = script.split("\n")[line - 1]
    assert r.stderr == (f"ParserError: \nLine |\n{line:>4} |  {text}\n     |  {' ' * (col - 1)}{'~' * width}\n"
                        f"     | {message}\n")


@pytest.mark.parametrize("script", [
    "class C { [int] F() { try { throw 'x' } catch { throw $_ } } }\n'ok'",
    "class C { [int] F() { do { return 1 } while ($false) } }\n'ok'",
    "class C { [int] F() { if ($true) { return 1 } else { return 2 } } }\n'ok'",
])
def test_methods_returning_on_every_path_parse(script: str) -> None:
    assert Shell().run(script).stdout == "ok\n"


@pytest.mark.parametrize("text,message", [
    ("class", "Missing name after class keyword."),
    ("enum", "Missing name after enum keyword."),
    ("class Foo", "Missing 'class' body in 'class' declaration."),
    ("enum Color", "Missing 'enum' body in 'enum' declaration."),
])
def test_a_type_keyword_without_name_or_body_is_a_parse_error(text, message):
    r = Shell().run(text)
    assert r.stderr.startswith("ParserError:") and r.stderr.rstrip().endswith("| " + message), r.stderr
