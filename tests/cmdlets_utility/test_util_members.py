"""Add-Member, Get-Member and New-Object."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)

# ----------------------------------------------------------------------------- Add-Member

def test_note_property_forms(ps):
    r = ps("$o = [pscustomobject]@{N=1}\n$o | Add-Member -NotePropertyName A -NotePropertyValue 'x'\n"
           "$o | Add-Member NoteProperty B 2\n$o | Add-Member C 3\n$o | Add-Member @{D=4; E=5}\n"
           "$o | Add-Member -MemberType NoteProperty -Name F -Value $null\n"
           "$o.PSObject.Properties.Name -join ','\n\"$($o.A)$($o.B)$($o.C)$($o.D)$($o.E)\"")
    assert out(r) == ["N,A,B,C,D,E,F", "x2345"]


def test_pass_thru(ps):
    r = ps("$o = [pscustomobject]@{N = 1} | Add-Member -MemberType NoteProperty -Name M -Value 2 -PassThru\n$o.N + $o.M\n"
           "$x = [pscustomobject]@{N = 1} | Add-Member -NotePropertyName Q -NotePropertyValue 1\n$null -eq $x")
    assert out(r) == ["3", "True"]


def test_script_property_getter_and_setter(ps):
    r = ps("$o = [pscustomobject]@{N = 5}\n"
           "$o | Add-Member -MemberType ScriptProperty -Name Double -Value { $this.N * 2 } -SecondValue { $this.N = $args[0] / 2 }\n"
           "$o.Double\n$o.N = 7\n$o.Double\n$o.Double = 30\n$o.N")
    assert out(r) == ["10", "14", "15"]


def test_script_method_and_alias_property(ps):
    r = ps("$o = [pscustomobject]@{Name = 'Ann'}\n"
           "$o | Add-Member -MemberType ScriptMethod -Name Greet -Value { param($g) \"$g, $($this.Name)\" }\n"
           "$o | Add-Member -MemberType AliasProperty -Name DisplayName -Value Name\n"
           "$o.Greet('Hi')\n$o.DisplayName")
    assert out(r) == ["Hi, Ann", "Ann"]


def test_alias_property_with_type(ps):
    r = ps("$o = [pscustomobject]@{N = '5'}\n$o | Add-Member AliasProperty NI N ([int])\n$o.NI.GetType().Name")
    assert out(r) == ["Int32"]


def test_existing_member_needs_force(ps):
    r = ps("$o = [pscustomobject]@{N = 1}\n$o | Add-Member -NotePropertyName N -NotePropertyValue 2\n$o.N\n"
           "$o | Add-Member -NotePropertyName N -NotePropertyValue 3 -Force\n$o.N")
    assert lines(r.stdout) == ["1", "3"]
    assert ('Cannot add a member with the name "N" because a member with that name already exists. To overwrite the '
            'member anyway, add the Force parameter to your command.') in err(r)


def test_type_name(ps):
    r = ps("$o = [pscustomobject]@{N = 1}\n$o | Add-Member -TypeName Contoso.Report\n$o.PSObject.TypeNames[0]\n"
           "$o | Add-Member -NotePropertyName X -NotePropertyValue 1 -TypeName My.Type -PassThru | ForEach-Object { $_.PSObject.TypeNames[0] }")
    assert out(r) == ["Contoso.Report", "My.Type"]


def test_wrong_member_types(ps):
    r = ps("$o = [pscustomobject]@{N = 1}\n$o | Add-Member -MemberType Method -Name M -Value 1\n"
           "$o | Add-Member -MemberType ScriptMethod -Name M\n$o | Add-Member -MemberType NoteProperty -Name M -Value 1 -SecondValue 2")
    e = err(r)
    assert 'Cannot add a member with type "Method".' in e
    assert 'The Value parameter is required for a member of type "ScriptMethod".' in e
    assert 'The SecondValue parameter is not necessary for a member of type "NoteProperty"' in e


def test_note_property_name_that_is_a_member_type_is_refused(ps):
    r = ps("[pscustomobject]@{} | Add-Member -NotePropertyName NoteProperty -NotePropertyValue 1")
    assert "cannot take values that could be converted to the type System.Management.Automation.PSMemberTypes" in err(r)


def test_add_member_without_input(ps):
    r = ps("Add-Member -NotePropertyName A -NotePropertyValue 1")
    assert "missing mandatory parameters: InputObject" in err(r)


# ----------------------------------------------------------------------------- Get-Member

def test_get_member_of_a_custom_object(ps):
    r = ps("[pscustomobject]@{Name='Ann'; Age=41} | Get-Member | ForEach-Object { \"$($_.Name)|$($_.MemberType)|$($_.Definition)\" }")
    assert out(r) == ["Equals|Method|bool Equals(System.Object obj)", "GetHashCode|Method|int GetHashCode()",
                      "GetType|Method|type GetType()", "ToString|Method|string ToString()",
                      "Age|NoteProperty|int Age=41", "Name|NoteProperty|string Name=Ann"]


def test_get_member_of_a_string_filtered(ps):
    r = ps("'x' | Get-Member -MemberType Property | ForEach-Object { \"$($_.TypeName) $($_.Name) $($_.Definition)\" }\n"
           "('x' | Get-Member -Name To*).Name -join ','")
    assert out(r) == ["System.String Length int Length {get;}",
                      "ToBoolean,ToCharArray,ToInt32,ToLower,ToLowerInvariant,ToString,ToUpper,ToUpperInvariant"]


def test_get_member_groups_by_type_once(ps):
    r = ps("$m = 1, 2, 'a', 'b' | Get-Member -MemberType Method -Name GetType\n$m.Count\n$m.TypeName -join ','")
    assert out(r) == ["2", "System.Int32,System.String"]


def test_get_member_input_object_array_is_the_array(ps):
    r = ps("(Get-Member -InputObject @(1, 2) -Name Count).TypeName")
    assert out(r) == ["System.Object[]"]


def test_get_member_display_is_grouped_by_type(ps):
    r = ps("[pscustomobject]@{A=1} | Get-Member")
    ls = lines(r.stdout)
    assert ls[0].strip() == "TypeName: System.Management.Automation.PSCustomObject"
    assert ls[1].split() == ["Name", "MemberType", "Definition"]


def test_get_member_of_script_members(ps):
    r = ps("$o = [pscustomobject]@{N=1}\n$o | Add-Member ScriptProperty D { $this.N * 2 }\n"
           "$o | Add-Member ScriptMethod M { 1 }\n($o | Get-Member -MemberType ScriptProperty).Definition\n"
           "($o | Get-Member -MemberType ScriptMethod).Definition")
    assert out(r) == ["System.Object D {get= $this.N * 2 ;}", "System.Object M();"]


def test_get_member_without_input(ps):
    r = ps("Get-Member")
    assert "You must specify an object for the Get-Member cmdlet." in err(r)


# ----------------------------------------------------------------------------- New-Object

def test_new_psobject_with_properties(ps):
    r = ps("$o = New-Object PSObject -Property @{Name = 'Ann'}\n$o.Name\n"
           "(New-Object PSObject -Property ([ordered]@{B = 2; A = 1})).PSObject.Properties.Name -join ','\n"
           "(New-Object -TypeName PSCustomObject).GetType().FullName")
    assert out(r) == ["Ann", "B,A", "System.Management.Automation.PSCustomObject"]


def test_new_dotnet_objects(ps):
    r = ps("$l = New-Object System.Collections.ArrayList\n[void]$l.Add(1); $l.Count\n"
           "$sb = New-Object System.Text.StringBuilder -ArgumentList 'ab'; $sb.ToString()\n"
           "$pw = ConvertTo-SecureString 'x' -AsPlainText -Force\n"
           "(New-Object System.Management.Automation.PSCredential ('admin@contoso.com', $pw)).UserName\n"
           "$g = New-Object System.Collections.Generic.List[string]; $g.Add('a'); $g.Count")
    assert out(r) == ["1", "ab", "admin@contoso.com", "1"]


def test_new_object_property_sets_existing_properties(ps):
    r = ps("$sb = New-Object System.Text.StringBuilder -Property @{Capacity = 100}\n$sb.GetType().Name")
    assert "StringBuilder" in r.stdout


def test_unknown_type(ps):
    r = ps("New-Object Foo.Bar\n'after'")
    assert lines(r.stdout) == ["after"]
    assert "Cannot find type [Foo.Bar]: verify that the assembly containing this type is loaded." in err(r)


def test_com_objects_are_refused_clearly(ps):
    r = ps("New-Object -ComObject Excel.Application")
    assert "COM objects are a Windows-only feature" in err(r)
    assert "Traceback" not in r.stderr
