"""Add-Type (Microsoft.PowerShell.Utility) as o365shell can honour it.

Admin scripts load assemblies before they use their types: ``Add-Type -AssemblyName
System.Web`` for [System.Web.HttpUtility], ``Microsoft.Online.Administration.Automation.PSModule``
for the MSOnline types, ``System.Windows.Forms`` / ``PresentationFramework`` for a dialog box.
o365shell has no .NET runtime, so:

* an assembly whose types the shell simulates, or that only provides user interface, is in
  :data:`KNOWN_ASSEMBLIES` and loading it succeeds and does nothing (a UI type used later
  fails then, as any unknown type does);
* any other assembly name fails as pwsh fails for an assembly it cannot find:
  ``Cannot add type. The assembly 'X' could not be found.`` (ASSEMBLY_NOT_FOUND);
* C# source that only declares data (-TypeDefinition with classes of public fields and
  auto-properties, and enums: the record types report scripts define) is translated into
  PowerShell classes (:mod:`csharp_types`); other C# (methods, -MemberDefinition, a .cs file)
  cannot be compiled here, and an assembly file (-Path x.dll) cannot be loaded: a clear
  terminating error says so.
"""
from __future__ import annotations

import os
from typing import Any

from o365shell.engine import dotnet_reflection as reflection
from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, ItemNotFoundException, PSNotSupportedException, _exc

UTIL = "Microsoft.PowerShell.Utility"
FQ = ",Microsoft.PowerShell.Commands.AddTypeCommand"
#: What pwsh throws for an assembly it cannot find: a plain System.Exception.
AssemblyNotFoundException = _exc("Exception", "System.Exception")

#: Assemblies Add-Type -AssemblyName accepts (lower-case simple names), shared with [Reflection.Assembly]::Load.
KNOWN_ASSEMBLIES = reflection.KNOWN_ASSEMBLIES


_SOURCE_SETS = ("FromSource", "FromMember")
_CODE_SETS = ("FromSource", "FromMember", "FromPath", "FromLiteralPath")


def assembly_simple_name(name: str) -> str:
    """``System.Web, Version=4.0.0.0, Culture=neutral`` -> ``System.Web`` (a trailing .dll dropped)."""
    return reflection.simple_name(name)


@cmdlet("Add-Type", module=UTIL, default_set="FromSource")
class AddType(Cmdlet):
    """Adds a Microsoft .NET class to a PowerShell session.

    In o365shell, -AssemblyName accepts the assemblies whose types the shell simulates
    (System.Web, System.Net.Http, Microsoft.Online.Administration.Automation.PSModule, the
    Microsoft Graph and Exchange Online module assemblies...) and those that only provide user
    interface (System.Windows.Forms, System.Drawing, PresentationFramework, PresentationCore,
    WindowsBase, Microsoft.VisualBasic): loading them does nothing. Any other assembly is not
    found, as in pwsh. A -TypeDefinition that only declares data (public fields and
    auto-properties, enums) becomes the equivalent PowerShell types; compiling other C#
    (methods, -MemberDefinition, a .cs file) and loading assembly files (-Path x.dll) are not
    supported: o365shell has no .NET runtime."""

    TypeDefinition = Parameter(str, mandatory=True, position=0, set="FromSource",
                               help="The C# source of a type definition (data classes and enums are translated).")
    Name = Parameter(str, mandatory=True, position=0, set="FromMember",
                     help="The name of the class to create from -MemberDefinition.")
    MemberDefinition = Parameter(list[str], mandatory=True, position=1, set="FromMember",
                                 help="Methods or properties of the new class (C#; not supported in o365shell).")
    Namespace = Parameter(str, set="FromMember", aliases=("NS",), allow_null=True,
                          help="The namespace of the class created from -MemberDefinition.")
    UsingNamespace = Parameter(list[str], set="FromMember", aliases=("Using",),
                               help="Namespaces the -MemberDefinition code uses.")
    Path = Parameter(list[str], mandatory=True, position=0, set="FromPath",
                     help="Source code files or assembly (.dll) files to add.")
    LiteralPath = Parameter(list[str], mandatory=True, set="FromLiteralPath", aliases=("PSPath", "LP"),
                            help="Source code or assembly files, exactly as typed.")
    AssemblyName = Parameter(list[str], mandatory=True, set="FromAssemblyName", aliases=("AN",),
                             help="The names of assemblies to load (simple or full names).")
    Language = Parameter(str, set=_SOURCE_SETS, validate_set=("CSharp",),
                         type_label="Microsoft.PowerShell.Commands.Language",
                         help="The language of the source code: CSharp.")
    ReferencedAssemblies = Parameter(list[str], set=_CODE_SETS, aliases=("RA",),
                                     help="Assemblies the source code depends on.")
    OutputAssembly = Parameter(str, set=_CODE_SETS, aliases=("OA",),
                               help="Write the compiled assembly to this file.")
    OutputType = Parameter(str, set=_CODE_SETS, aliases=("OT",), validate_set=("Library", "ConsoleApplication",
                                                                              "WindowsApplication"),
                           type_label="Microsoft.PowerShell.Commands.OutputAssemblyType",
                           help="The type of the compiled assembly: Library, ConsoleApplication or "
                                "WindowsApplication.")
    PassThru = Parameter(Switch, help="Return the types that were added.")
    IgnoreWarnings = Parameter(Switch, set=_CODE_SETS, help="Ignore compiler warnings.")
    CompilerOptions = Parameter(list[str], set=_CODE_SETS, help="Options for the C# compiler.")
    examples = [("Add-Type -AssemblyName System.Web; [System.Web.HttpUtility]::UrlEncode('a b&c')",
                 "Loads System.Web, then URL-encodes a string with its HttpUtility class."),
                ("Add-Type -AssemblyName Microsoft.Online.Administration.Automation.PSModule",
                 "Loads the MSOnline module's assembly, as scripts do before using its types."),
                ("Add-Type -AssemblyName System.Windows.Forms",
                 "Accepted (a script loading a UI assembly runs on); its types do not exist here.")]

    def end(self) -> None:
        if self.parameter_set_name == "FromAssemblyName":
            for name in self.AssemblyName or []:
                simple = assembly_simple_name(to_string(name))
                if simple.lower() not in KNOWN_ASSEMBLIES:
                    raise self.error(f"Cannot add type. The assembly '{to_string(name)}' could not be found.",
                                     "ASSEMBLY_NOT_FOUND" + FQ, ErrorCategory.ObjectNotFound, to_string(name),
                                     AssemblyNotFoundException)
            return
        if self.parameter_set_name in ("FromPath", "FromLiteralPath"):
            self._from_files(self.Path if self.parameter_set_name == "FromPath" else self.LiteralPath)
            return
        if self.parameter_set_name == "FromSource":
            self._from_source(self.TypeDefinition)
            return
        raise self._not_supported("compiling C# source code (-MemberDefinition)")

    def _from_source(self, code: str) -> None:
        """Data types in C# (classes of fields and auto-properties, enums) become PowerShell types."""
        from o365shell.engine.scriptblock import ScriptBlock
        from o365shell.engine.types import register, resolve

        from .csharp_types import UnsupportedSource, translate
        try:
            decls = translate(code)
        except UnsupportedSource:
            raise self._not_supported("compiling C# source code with methods, constructors or attributes "
                                      "(only data classes of fields and properties, and enums, are translated)"
                                      ) from None
        added = self.ctx.services.setdefault("addtype.sources", {})
        for d in decls:
            key = d.full_name.lower()
            if resolve(d.full_name, required=False) is not None:
                if added.get(key) == d.source:
                    continue  # the same definition again: nothing to do, as in pwsh
                raise self.error(f"Cannot add type. The type name '{d.full_name}' already exists.",
                                 "TYPE_ALREADY_EXISTS" + FQ, ErrorCategory.InvalidOperation, d.full_name)
            ScriptBlock.create(d.source, self.ctx).run(dot_source=True, out=lambda _o: None)
            t = resolve(d.name)
            if d.full_name != d.name:
                register(t, d.full_name)
            added[key] = d.source
            if self.PassThru:
                self.write(t)

    def _from_files(self, paths: Any) -> None:
        from . import fsprovider as fs
        for p in paths or []:
            try:
                found = fs.expand(self.ctx, to_string(p), literal=self.parameter_set_name == "FromLiteralPath")
            except fs.PathError as e:
                raise self.error(e.message, e.error_id + FQ, e.category, e.target, e.exc_type) from None
            if not found:
                raise self.error(f"Cannot find path '{fs.absolute(self.ctx, to_string(p))}' because it does not "
                                 "exist.", "PathNotFound" + FQ, ErrorCategory.ObjectNotFound, to_string(p),
                                 ItemNotFoundException)
            for full in found:
                ext = os.path.splitext(full)[1].lower()
                if ext == ".dll":
                    raise self._not_supported(f"loading the assembly file '{full}'")
                raise self._not_supported(f"compiling the source file '{full}'")

    def _not_supported(self, what: str) -> Any:
        return self.error(f"Cannot add type. o365shell has no .NET runtime: {what} is not supported. Use "
                          "PowerShell functions or classes instead, or load an assembly the shell simulates "
                          "(Add-Type -AssemblyName System.Web).", "COMPILER_NOT_SUPPORTED" + FQ,
                          ErrorCategory.NotImplemented, None, PSNotSupportedException)
