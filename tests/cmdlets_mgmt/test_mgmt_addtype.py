"""Add-Type: assemblies the shell simulates or that only provide UI load as a no-op, unknown ones fail
as in pwsh, and C# / assembly files are refused with a clear error."""
from __future__ import annotations

import pytest
from mgmt_support import lines, ps, sh  # noqa: F401  (fixtures)


@pytest.mark.parametrize("name", ["System.Web", "System.Windows.Forms", "PresentationFramework", "System.Drawing",
                                  "Microsoft.Online.Administration.Automation.PSModule", "Microsoft.VisualBasic",
                                  "system.web", "System.Web, Version=4.0.0.0, Culture=neutral, "
                                                "PublicKeyToken=b03f5f7f11d50a3a"])
def test_known_assemblies_load_silently(ps, name):
    r = ps(f"Add-Type -AssemblyName '{name}'; $?")
    assert (r.stdout, r.stderr) == ("True\n", "")


def test_scripts_use_the_types_after_loading(ps):
    r = ps("Add-Type -AssemblyName System.Web, PresentationCore; [System.Web.HttpUtility]::UrlEncode('a b&c')")
    assert (r.stdout, r.stderr) == ("a+b%26c\n", "")


def test_unknown_assembly_is_not_found_as_in_pwsh(ps):
    r = ps("Add-Type -AssemblyName Contoso.Widgets; 'next'")
    assert r.stderr == "Add-Type: Cannot add type. The assembly 'Contoso.Widgets' could not be found.\n"
    assert r.stdout == "next\n"
    r = ps("try { Add-Type -AssemblyName Contoso.Widgets -ErrorAction SilentlyContinue } catch { "
           "$_.FullyQualifiedErrorId; $_.CategoryInfo.ToString(); $_.Exception.GetType().FullName }")
    assert lines(r.stdout) == ["ASSEMBLY_NOT_FOUND,Microsoft.PowerShell.Commands.AddTypeCommand",
                               "ObjectNotFound: (Contoso.Widgets:String) [Add-Type], Exception", "System.Exception"]


def test_csharp_source_is_refused_clearly(ps):
    r = ps("Add-Type -TypeDefinition 'public static class Hello { public static string Hi() { return \"hi\"; } }'")
    assert r.stderr.startswith("Add-Type: Cannot add type. o365shell has no .NET runtime: compiling C# source "
                               "code with methods, constructors or attributes")
    r = ps("Add-Type -Name Win32 -Namespace Native -MemberDefinition "
           "'[DllImport(\"user32.dll\")] public static extern bool MessageBeep(uint t);'")
    assert "compiling C# source code" in r.stderr
    r = ps("try { Add-Type 'public class X { public void M() {} }' } catch { $_.FullyQualifiedErrorId; $_.CategoryInfo.Category }")
    assert lines(r.stdout) == ["COMPILER_NOT_SUPPORTED,Microsoft.PowerShell.Commands.AddTypeCommand",
                               "NotImplemented"]


def test_files(ps, tmp_path):
    (tmp_path / "Helper.cs").write_text("public class Helper {}\n")
    (tmp_path / "Lib.dll").write_bytes(b"MZ")
    assert "compiling the source file '" in ps("Add-Type -Path ./Helper.cs").stderr
    assert "loading the assembly file '" in ps("Add-Type -LiteralPath ./Lib.dll").stderr
    err = ps("Add-Type -Path ./Missing.dll").stderr
    assert err == f"Add-Type: Cannot find path '{tmp_path}/Missing.dll' because it does not exist.\n"


def test_syntax_and_help(ps):
    r = ps("Get-Command Add-Type -Syntax")
    assert "Add-Type -AssemblyName <string[]> [-PassThru] [<CommonParameters>]" in r.stdout
    assert "Add-Type [-TypeDefinition] <string> [-Language <Language>]" in r.stdout
    from o365shell.cmdlets.addtype import AddType
    assert AddType.examples and (AddType.__doc__ or "").split("\n")[0].endswith(".")
    assert all(p.help for p in AddType.metadata.own)
    out = ps("Get-Help Add-Type -Full").stdout
    assert "SYNOPSIS\n    Adds a Microsoft .NET class to a PowerShell session." in out
    assert "-AssemblyName <String[]>" in out and "EXAMPLE 1" in out
    assert ps("(Get-Command Add-Type).ModuleName").stdout == "Microsoft.PowerShell.Utility\n"


def test_reflection_assembly_loads_the_same_assemblies(ps):
    # older scripts: [Reflection.Assembly]::LoadWithPartialName("System.Web") | Out-Null
    r = ps("[Reflection.Assembly]::LoadWithPartialName('System.Web') | Out-Null; "
           "$a = [System.Reflection.Assembly]::LoadWithPartialName('System.Web'); $a.GetName().Name; $a.FullName; "
           "[System.Web.HttpUtility]::UrlEncode('a b')")
    assert lines(r.stdout) == ["System.Web", "System.Web, Version=4.0.0.0, Culture=neutral, "
                                             "PublicKeyToken=b03f5f7f11d50a3a", "a+b"]
    assert r.stderr == ""
    # an assembly that does not exist: LoadWithPartialName answers $null, Load throws
    r = ps("$null -eq [Reflection.Assembly]::LoadWithPartialName('Contoso.Widgets'); "
           "try { [Reflection.Assembly]::Load('Contoso.Widgets') } catch { $_.Exception.InnerException.GetType().Name; "
           "$_.Exception.Message }")
    assert lines(r.stdout) == ["True", "FileNotFoundException",
                               "Exception calling \"Load\" with \"1\" argument(s): \"Could not load file or assembly "
                               "'Contoso.Widgets'. The system cannot find the file specified.\""]


DATA_CLASS = """
using System;
namespace Contoso.Reports
{
    // one row of an MFA report
    public class MfaRow
    {
        public string UPN;
        public string Requirement, Methods;
        public int Count = 3;
        public bool Admin { get; set; }
        public string[] Tags;
    }
    public enum Level { Low, High = 5 }
}
"""


def test_csharp_data_classes_become_types(ps, tmp_path):
    (tmp_path / "def.cs.txt").write_text(DATA_CLASS)
    r = ps(f"$def = Get-Content -Raw '{tmp_path / 'def.cs.txt'}'; Add-Type -TypeDefinition $def\n"
           "$o = New-Object -TypeName Contoso.Reports.MfaRow; $o.UPN = 'AlexW@contoso.com'\n"
           "$o.Methods = @('PhoneAppOTP', 'OneWaySMS'); $o.Count = '7'\n"
           "($o.PSObject.Properties.Name) -join ','; $o.Methods; $o.Count.GetType().Name; $o.Admin\n"
           "[int][Contoso.Reports.Level]::High; [MfaRow]::new().Count\n"
           "Add-Type -TypeDefinition $def; $?")
    assert (lines(r.stdout), r.stderr) == (["UPN,Requirement,Methods,Count,Admin,Tags", "PhoneAppOTP OneWaySMS",
                                            "Int32", "False", "5", "3", "True"], "")


def test_a_different_definition_of_an_added_type_is_refused(ps):
    ps("Add-Type -TypeDefinition 'public class Row1 { public string A; }'")
    r = ps("Add-Type -TypeDefinition 'public class Row1 { public int B; }'")
    assert r.stderr.startswith("Add-Type: Cannot add type. The type name 'Row1' already exists.")
    assert ps("Add-Type -TypeDefinition 'public class Row2 { public string N { get; set; } }' -PassThru | "
              "ForEach-Object Name").stdout == "Row2\n"
