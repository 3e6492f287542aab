"""Get/Set/New/Remove/Clear-Variable and Get/Set/New/Remove-Alias."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)


def test_get_variable_objects_and_value_only(ps):
    r = ps("$myVar = 5\n$v = Get-Variable myVar\n$v.Value; $v.GetType().FullName\nGet-Variable -Name myVar -ValueOnly\n"
           "(Get-Variable -Name ErrorAction*).Name")
    assert out(r) == ["5", "System.Management.Automation.PSVariable", "5", "ErrorActionPreference"]


def test_get_variable_wildcards_sorted_and_missing(ps):
    r = ps("$zb = 1; $za = 2\n(Get-Variable z?).Value -join ','\nGet-Variable nope\n'after'")
    assert lines(r.stdout) == ["2,1", "after"]
    assert "Cannot find a variable with the name 'nope'." in err(r)


def test_get_variable_scopes(ps):
    r = ps("$outer = 'o'\nfunction f { $inner = 'i'; Get-Variable inner -Scope 0 -ValueOnly; Get-Variable outer -Scope 1 "
           "-ValueOnly; (Get-Variable inner -Scope Global -ErrorAction SilentlyContinue) -eq $null }\nf")
    assert out(r) == ["i", "o", "True"]


def test_set_variable_with_description_and_pipeline(ps):
    r = ps("Set-Variable -Name Foo -Value 10 -Description 'ten'\n$Foo\n(Get-Variable Foo).Description\n"
           "1..3 | Set-Variable Bar\n$Bar.Count\n'x' | Set-Variable One\n$One.GetType().Name\n"
           "(Set-Variable Baz 7 -PassThru).Value")
    assert out(r) == ["10", "ten", "3", "String", "7"]


def test_set_variable_in_global_scope_from_a_function(ps):
    r = ps("function f { Set-Variable -Name G -Value 'global' -Scope Global }\nf\n$G")
    assert out(r) == ["global"]


def test_read_only_and_constant_variables(ps):
    r = ps("New-Variable -Name RO -Value 1 -Option ReadOnly\nSet-Variable RO 2\n$RO\nSet-Variable RO 3 -Force\n$RO\n"
           "Remove-Variable RO\nRemove-Variable RO -Force\nTest-Path variable:RO\n"
           "New-Variable -Name K -Value 1 -Option Constant\nSet-Variable K 2 -Force\n(Get-Variable K).Options")
    assert lines(r.stdout) == ["1", "3", "False", "Constant"]
    e = err(r)
    assert "Cannot overwrite variable RO because it is read-only or constant." in e
    assert "Cannot remove variable RO because it is constant or read-only." in e
    assert "Cannot overwrite variable K because it is read-only or constant." in e


def test_new_variable_exists(ps):
    r = ps("$a = 1\nNew-Variable a 2\n$a\nNew-Variable a 3 -Force\n$a")
    assert lines(r.stdout) == ["1", "3"]
    assert "A variable with name 'a' already exists." in err(r)


def test_remove_and_clear_variable(ps):
    r = ps("$a = 1; $b = 2\nRemove-Variable a\nTest-Path variable:a\nClear-Variable b\n$null -eq $b\nTest-Path variable:b\n"
           "Remove-Variable nope")
    assert lines(r.stdout) == ["False", "True", "True"]
    assert "Cannot find a variable with the name 'nope'." in err(r)


def test_bad_scope(ps):
    assert "could not be found" in err(ps("Get-Variable a -Scope Nowhere"))


def test_aliases(ps):
    r = ps("Set-Alias -Name list -Value Get-ChildItem\n(Get-Alias list).Definition\n(Get-Alias -Definition Select-Object).Name\n"
           "New-Alias list Get-Date\nNew-Alias dt Get-Date -PassThru | ForEach-Object ResolvedCommandName\n"
           "(dt).GetType().Name\nRemove-Alias dt\nGet-Alias dt\n(Get-Alias gm).Definition")
    assert lines(r.stdout) == ["Get-ChildItem", "select", "Get-Date", "DateTime", "Get-Member"]
    e = err(r)
    assert "The alias is not allowed, because an alias with the name 'list' already exists." in e
    assert "This command cannot find a matching alias because an alias with the name 'dt' does not exist." in e


def test_alias_display(ps):
    r = ps("Get-Alias gm")
    assert "gm -> Get-Member" in r.stdout


def test_module_aliases_keep_their_case_and_name_their_module(ps):
    r = ps("Get-Alias Connect-Graph | ForEach-Object { $_.Name; $_.Source; $_.Version }\n"
           "(Get-Command CONNECT-GRAPH).Name\n"
           "(Get-Alias gci).Source -eq ''\n"
           "Set-Alias Foo Connect-MgGraph; (Get-Alias foo).Source -eq ''")
    assert lines(r.stdout) == ["Connect-Graph", "Microsoft.Graph.Authentication", "2.25.0", "Connect-Graph",
                               "True", "True"]
