"""System.Reflection.Assembly as far as admin scripts use it: loading a framework assembly by name.

Older scripts load an assembly with ``[Reflection.Assembly]::LoadWithPartialName("System.Web")``
(or ``::Load(...)``) before using its types. o365shell has no .NET runtime, so the assemblies it
"has" are those in :data:`KNOWN_ASSEMBLIES` (their types are simulated, are part of the engine,
or only provide user interface); Add-Type -AssemblyName shares the list. As in .NET:
LoadWithPartialName returns ``$null`` for an assembly it cannot find, Load throws
FileNotFoundException, and loading a file (LoadFrom / LoadFile) is not possible here.
"""
from __future__ import annotations

from typing import Any

from .netlib.exceptions import ArgumentNullException, FileNotFoundException, NotSupportedException
from .netlib.version import Version

__all__ = ["KNOWN_ASSEMBLIES", "Assembly", "AssemblyName", "simple_name", "is_known"]

#: Assemblies a script may load (lower-case simple names).
KNOWN_ASSEMBLIES = frozenset(n.lower() for n in (
    # .NET and PowerShell itself
    "mscorlib", "netstandard", "System", "System.Core", "System.Runtime", "System.Private.CoreLib",
    "System.Collections", "System.Linq", "System.Text.RegularExpressions", "System.Text.Json", "System.Net",
    "System.Net.Http", "System.Net.Primitives", "System.Web", "System.Web.Extensions", "System.Security",
    "System.Security.Cryptography", "System.Management.Automation", "Microsoft.PowerShell.Commands.Utility",
    "Microsoft.PowerShell.Commands.Management", "Microsoft.PowerShell.Security", "System.Xml", "System.Xml.Linq",
    "System.Data", "System.Numerics", "System.IO", "System.IO.Compression", "System.IO.Compression.FileSystem",
    "System.Runtime.Serialization",
    # the simulated Microsoft 365 modules
    "Microsoft.Online.Administration.Automation.PSModule", "Microsoft.Online.Administration.Automation",
    "Microsoft.Online.Administration", "Microsoft.Graph.Authentication", "Microsoft.Graph.Core",
    "Microsoft.Identity.Client", "Microsoft.Exchange.Management.ExoPowershellGalleryModule",
    "Microsoft.Exchange.Management.RestApiClient",
    # user interface only (no type of theirs exists here; loading them is harmless)
    "System.Windows.Forms", "System.Drawing", "PresentationFramework", "PresentationCore", "WindowsBase",
    "System.Xaml", "Microsoft.VisualBasic", "System.Speech", "System.Windows.Forms.DataVisualization",
))
_TOKEN = "b03f5f7f11d50a3a"


def simple_name(name: str) -> str:
    """``System.Web, Version=4.0.0.0, Culture=neutral`` -> ``System.Web`` (a trailing .dll dropped)."""
    simple = str(name).split(",", 1)[0].strip()
    return simple[:-4] if simple.lower().endswith(".dll") else simple


def is_known(name: str) -> bool:
    """True when o365shell can 'load' the assembly of that (simple or full) name."""
    return simple_name(name).lower() in KNOWN_ASSEMBLIES


class AssemblyName:
    """System.Reflection.AssemblyName: an assembly's identity."""

    __ps_typename__ = "System.Reflection.AssemblyName"

    def __init__(self, name: str) -> None:
        self.Name = name
        self.Version = Version(4, 0, 0, 0)
        self.CultureName = ""

    @property
    def FullName(self) -> str:
        return f"{self.Name}, Version={self.Version}, Culture=neutral, PublicKeyToken={_TOKEN}"

    def ToString(self) -> str:
        return self.FullName


class Assembly:
    """System.Reflection.Assembly: a loaded assembly (identity only; its types are the simulated ones)."""

    __ps_typename__ = "System.Reflection.Assembly"

    def __init__(self, name: str) -> None:
        self._name = AssemblyName(name)
        self.GlobalAssemblyCache = False
        self.ImageRuntimeVersion = "v4.0.30319"
        self.IsDynamic = False
        self.Location = ""

    @property
    def FullName(self) -> str:
        return self._name.FullName

    def GetName(self) -> AssemblyName:
        return self._name

    def ToString(self) -> str:
        return self.FullName

    @staticmethod
    def LoadWithPartialName(partialName: Any) -> Assembly | None:
        """The assembly, or $null when there is no such assembly (the method never throws for that)."""
        if partialName is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'partialName')")
        name = simple_name(str(partialName))
        return Assembly(name) if is_known(name) else None

    @staticmethod
    def Load(assemblyString: Any) -> Assembly:
        """The assembly; FileNotFoundException when there is no such assembly."""
        if assemblyString is None:
            raise ArgumentNullException("Value cannot be null. (Parameter 'assemblyString')")
        text = str(assemblyString)
        if not is_known(text):
            raise FileNotFoundException(f"Could not load file or assembly '{text}'. The system cannot find the "
                                        "file specified.")
        return Assembly(simple_name(text))

    @staticmethod
    def LoadFrom(assemblyFile: Any) -> Assembly:
        raise NotSupportedException(f"Cannot load the assembly file '{assemblyFile}': o365shell has no .NET "
                                    "runtime.")

    LoadFile = LoadFrom
