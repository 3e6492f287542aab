"""Modules: Get-Module, Import-Module, Remove-Module (Microsoft.PowerShell.Core), the modules
o365shell knows (``KNOWN``) and PSModuleInfo. The PowerShellGet cmdlets (Install-Module,
Get-InstalledModule, Find-Module, Update-Module, Uninstall-Module, Get-PSRepository) are in
``powershellget.py``.

The simulated Microsoft 365 modules (MSOnline, ExchangeOnlineManagement, MicrosoftTeams, Microsoft.Graph.*)
and the built-in PowerShell modules are "installed"; there is no network, so nothing else
can be found or installed. A module counts as imported after Import-Module or after one of
its commands is first used (pwsh's module auto-loading).
"""
from __future__ import annotations

import os
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, PSInvalidOperationException
from o365shell.engine.netlib import wildcard as W
from o365shell.engine.netlib.exceptions import FileNotFoundException

from .fsprovider import ps_properties
from .session_cmdlets import CORE, CORE_VERSION, all_cmdlets, all_functions

GET = "PowerShellGet"
GET_VERSION = "2.2.5"
_SYSTEM_DIR = "/opt/microsoft/powershell/7/Modules"


def _user_dir() -> str:
    return os.path.join(os.path.expanduser("~"), ".local/share/powershell/Modules")


class KnownModule:
    """What o365shell knows about a module it simulates or ships."""

    def __init__(self, name: str, version: str, kind: str, description: str, *, builtin: bool = False,
                 gallery: bool = True, author: str = "Microsoft Corporation", nested: tuple[str, ...] = ()) -> None:
        self.name = name
        self.version = version
        self.kind = kind
        self.description = description
        self.builtin = builtin
        self.gallery = gallery
        self.author = author
        self.nested = nested


_GRAPH_V = "2.25.0"
KNOWN: list[KnownModule] = [
    KnownModule("MSOnline", "1.1.183.81", "Manifest",
                "Microsoft Azure Active Directory Module for Windows PowerShell (MSOnline): per-user MFA, users, "
                "licenses and roles."),
    KnownModule("ExchangeOnlineManagement", "3.4.0", "Script",
                "This is a General Availability (GA) release of Exchange Online PowerShell V3 module."),
    KnownModule("MicrosoftTeams", "3.1.0", "Script",
                "Microsoft Teams cmdlets module for Windows PowerShell and PowerShell Core."),
    KnownModule("Microsoft.Graph.Authentication", _GRAPH_V, "Script",
                "Microsoft Graph PowerShell Authentication Module."),
    KnownModule("Microsoft.Graph.Users", _GRAPH_V, "Script", "Microsoft Graph PowerShell Cmdlets (Users)."),
    KnownModule("Microsoft.Graph.Identity.DirectoryManagement", _GRAPH_V, "Script",
                "Microsoft Graph PowerShell Cmdlets (Identity.DirectoryManagement: directory roles)."),
    KnownModule("Microsoft.Graph.Identity.SignIns", _GRAPH_V, "Script",
                "Microsoft Graph PowerShell Cmdlets (Identity.SignIns: authentication methods, policies)."),
    KnownModule("Microsoft.Graph.Beta.Identity.SignIns", _GRAPH_V, "Script",
                "Microsoft Graph PowerShell Cmdlets (beta Identity.SignIns: per-user MFA state, "
                "sign-in preferences)."),
    KnownModule("Microsoft.Graph", _GRAPH_V, "Manifest", "Microsoft Graph PowerShell module (all Graph modules).",
                nested=("Microsoft.Graph.Authentication", "Microsoft.Graph.Users",
                        "Microsoft.Graph.Identity.DirectoryManagement", "Microsoft.Graph.Identity.SignIns")),
    KnownModule("Microsoft.PowerShell.Management", "7.0.0.0", "Manifest", "", builtin=True, gallery=False),
    KnownModule("Microsoft.PowerShell.Utility", "7.0.0.0", "Manifest", "", builtin=True, gallery=False),
    KnownModule("Microsoft.PowerShell.Security", "7.0.0.0", "Manifest", "", builtin=True, gallery=False),
    KnownModule("PowerShellGet", GET_VERSION, "Script", "PowerShell module with commands for discovering, "
                "installing, updating and publishing the PowerShell artifacts like Modules, DSC Resources, Role "
                "Capabilities and Scripts.", builtin=True, gallery=False),
]
#: Microsoft.PowerShell.Core is a snap-in, not a module: importable, never listed.
SNAPINS = {"microsoft.powershell.core"}


def known(name: str) -> KnownModule | None:
    low = name.lower()
    for m in KNOWN:
        if m.name.lower() == low:
            return m
    return None


def _state(ctx: Any) -> dict[str, Any]:
    return ctx.services.setdefault("modules", {"imported": [], "scripts": {}})


def imported_names(ctx: Any) -> set[str]:
    """Lower-case names of the modules imported so far (explicitly or by using a command)."""
    for mod in getattr(ctx, "used_modules", ()):
        mark_imported(ctx, mod)
    return {n.lower() for n in _state(ctx)["imported"]}


def mark_imported(ctx: Any, name: str) -> None:
    st = _state(ctx)
    if name.lower() not in {n.lower() for n in st["imported"]}:
        st["imported"].append(name)


# ----------------------------------------------------------------------------- auto-loading

# ----------------------------------------------------------------------------- PSModuleInfo

@ps_properties
class PSModuleInfo:
    """System.Management.Automation.PSModuleInfo."""

    __ps_typename__ = "System.Management.Automation.PSModuleInfo"
    __ps_properties__ = ("LogPipelineExecutionDetails", "Name", "Path", "ImplementingAssembly", "Definition",
                         "Description", "Guid", "HelpInfoUri", "ModuleBase", "PrivateData", "ExperimentalFeatures",
                         "Tags", "ProjectUri", "IconUri", "LicenseUri", "ReleaseNotes", "RepositorySourceLocation",
                         "Version", "ModuleType", "Author", "AccessMode", "ClrVersion", "CompanyName", "Copyright",
                         "DotNetFrameworkVersion", "ExportedFunctions", "Prefix", "ExportedCmdlets",
                         "ExportedCommands", "FileList", "CompatiblePSEditions", "ModuleList", "NestedModules",
                         "PowerShellHostName", "PowerShellHostVersion", "PowerShellVersion",
                         "ProcessorArchitecture", "Scripts", "RequiredAssemblies", "RequiredModules",
                         "RootModule", "ExportedVariables", "ExportedAliases", "ExportedDscResources",
                         "SessionState", "OnRemove", "ExportedFormatFiles", "ExportedTypeFiles")

    def __init__(self, ctx: Any, name: str, version: str, kind: str, base: str, description: str = "",
                 author: str = "Microsoft Corporation", path: str | None = None) -> None:
        self._ctx = ctx
        self.Name = name
        self._version = version
        self._kind = kind
        self.ModuleBase = base
        self.Description = description
        self.Author = author
        self.CompanyName = "Microsoft Corporation" if author.startswith("Microsoft") else ""
        self.Copyright = "(c) Microsoft Corporation. All rights reserved." if self.CompanyName else ""
        self.Path = path or os.path.join(base, f"{name}.psd1")
        self.LogPipelineExecutionDetails = False
        self.ImplementingAssembly = None
        self.Definition = ""
        self.Guid = "00000000-0000-0000-0000-000000000000"
        self.HelpInfoUri = ""
        self.PrivateData = None
        self.ExperimentalFeatures: list = []
        self.Tags: list = []
        self.ProjectUri = None
        self.IconUri = None
        self.LicenseUri = None
        self.ReleaseNotes = None
        self.RepositorySourceLocation = None
        self.AccessMode = "ReadWrite"
        self.ClrVersion = None
        self.DotNetFrameworkVersion = None
        self.Prefix = ""
        self.FileList: list = []
        self.CompatiblePSEditions = ["Core"] if name.startswith("Microsoft.PowerShell") else ["Core", "Desktop"]
        self.ModuleList: list = []
        self.NestedModules: list = []
        self.PowerShellHostName = ""
        self.PowerShellHostVersion = None
        self.PowerShellVersion = "5.1"
        self.ProcessorArchitecture = "None"
        self.Scripts: list = []
        self.RequiredAssemblies: list = []
        self.RequiredModules: list = []
        self.RootModule = ""
        self.ExportedVariables: dict = {}
        self.ExportedDscResources: list = []
        self.SessionState = None
        self.OnRemove = None
        self.ExportedFormatFiles: list = []
        self.ExportedTypeFiles: list = []
        self.script_functions: list[str] = []

    @property
    def Version(self) -> Any:
        from o365shell.engine.netlib.version import Version
        try:
            return Version.Parse(self._version)
        except Exception:
            return self._version

    @property
    def ModuleType(self) -> str:
        return self._kind

    @property
    def PSEdition(self) -> str:
        return ",".join(self.CompatiblePSEditions)

    @property
    def PreRelease(self) -> str:
        return ""

    def _commands(self) -> list[Any]:
        from o365shell.engine.commandinfo import CmdletInfo
        low = self.Name.lower()
        out: list[Any] = [CmdletInfo(c) for c in all_cmdlets(self._ctx, include_unavailable=True)
                          if (c.module or "").lower() == low]
        funcs = all_functions(self._ctx)
        for fname in self.script_functions:
            f = funcs.get(fname.lower())
            if f is not None:
                out.append(f)
        return sorted(out, key=lambda i: i.Name.lower())

    @property
    def ExportedCmdlets(self) -> Any:
        from o365shell.engine.pscollections import OrderedDictionary
        d = OrderedDictionary()
        for c in self._commands():
            if getattr(c.CommandType, "name", "") == "Cmdlet":
                d[c.Name] = c
        return d

    @property
    def ExportedFunctions(self) -> Any:
        from o365shell.engine.pscollections import OrderedDictionary
        d = OrderedDictionary()
        for c in self._commands():
            if getattr(c.CommandType, "name", "") != "Cmdlet":
                d[c.Name] = c
        return d

    @property
    def ExportedAliases(self) -> Any:
        from o365shell.engine.pscollections import OrderedDictionary
        d = OrderedDictionary()
        for c in self._commands():
            for a in getattr(getattr(c, "cls", None), "aliases", ()):
                d[a] = a
        return d

    @property
    def ExportedCommands(self) -> Any:
        from o365shell.engine.pscollections import OrderedDictionary
        d = OrderedDictionary()
        for c in self._commands():
            d[c.Name] = c
        return d

    def exported_names(self) -> list[str]:
        return [c.Name for c in self._commands()]

    def ToString(self) -> str:
        return self.Name


class ListedModuleInfo(PSModuleInfo):
    """A PSModuleInfo from Get-Module -ListAvailable (grouped by module directory, as pwsh shows it)."""

    __ps_typenames__ = ("ModuleInfoGrouping", "System.Management.Automation.PSModuleInfo", "System.Object")


def module_info(ctx: Any, m: KnownModule, listed: bool = False) -> PSModuleInfo:
    base = os.path.join(_SYSTEM_DIR, m.name) if m.builtin else os.path.join(_user_dir(), m.name, m.version)
    cls = ListedModuleInfo if listed else PSModuleInfo
    info = cls(ctx, m.name, m.version, m.kind, base, m.description, m.author)
    return info


def _exported_text(o: Any) -> Any:
    return o.exported_names()


def _module_dir(o: Any) -> str:
    base = o.ModuleBase
    parent = os.path.dirname(base)
    if not o.ModuleBase.startswith(_SYSTEM_DIR):
        parent = os.path.dirname(parent)
    return parent


# ----------------------------------------------------------------------------- Get-Module / Import-Module / Remove-Module

@cmdlet("Get-Module", module=CORE, version=CORE_VERSION, aliases=("gmo",), default_set="Loaded")
class GetModule(Cmdlet):
    """Gets the modules that have been imported or that can be imported into the current session.

    Without parameters, the modules imported so far (by Import-Module, or automatically when
    one of their commands was used). -ListAvailable lists every installed module: the
    simulated MSOnline, ExchangeOnlineManagement and Microsoft.Graph modules and the built-in
    PowerShell modules."""

    Name = Parameter(list[str], position=0, from_pipeline=True, wildcards=True,
                     help="Names of the modules to get (wildcards allowed).")
    FullyQualifiedName = Parameter(list[str], from_pipeline=True, help="Module specifications (names here).")
    All = Parameter(Switch, sets={"Loaded": {}, "Available": {}}, help="Also nested modules.")
    ListAvailable = Parameter(Switch, mandatory=True, set="Available", help="Every installed module.")
    PSEdition = Parameter(str, set="Available", help="Only modules for this edition (Core or Desktop).")
    SkipEditionCheck = Parameter(Switch, set="Available", help="Do not filter by edition.")
    Refresh = Parameter(Switch, set="Available", help="Refresh the list (nothing to refresh here).")
    examples = [("Get-Module", "The imported modules."), ("Get-Module -ListAvailable", "Every installed module."),
                ("Get-Module -ListAvailable Microsoft.Graph*", "The installed Graph modules.")]

    def process(self) -> None:
        names = [to_string(n) for n in (self.Name or self.FullyQualifiedName or [])]
        if self.ListAvailable:
            mods = [module_info(self.ctx, m, listed=True) for m in KNOWN]
            mods.sort(key=lambda i: (not i.ModuleBase.startswith(_SYSTEM_DIR), i.Name.lower()))
            mods.sort(key=lambda i: 0 if not i.ModuleBase.startswith(_SYSTEM_DIR) else 1)
        else:
            mods = []
            scripts = _state(self.ctx)["scripts"]
            imported_names(self.ctx)
            for n in _state(self.ctx)["imported"]:
                if n.lower() in scripts:
                    mods.append(scripts[n.lower()])
                    continue
                m = known(n)
                if m is not None:
                    mods.append(module_info(self.ctx, m))
            mods.sort(key=lambda i: i.Name.lower())
        if names:
            mods = [i for i in mods if any(W.compile_wildcard(n)(i.Name) for n in names)]
        if self.PSEdition:
            mods = [i for i in mods if self.PSEdition.lower() in (e.lower() for e in i.CompatiblePSEditions)]
        self.write_all(mods)


def _not_found_import(cmd: Cmdlet, name: str) -> None:
    cmd.write_error(f"The specified module '{name}' was not loaded because no valid module file was found in any "
                    "module directory.", "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand",
                    ErrorCategory.ResourceUnavailable, name, FileNotFoundException)


@cmdlet("Import-Module", module=CORE, version=CORE_VERSION, aliases=("ipmo",), default_set="Name")
class ImportModule(Cmdlet):
    """Adds modules to the current session.

    The simulated Microsoft 365 modules and the built-in modules are installed, so importing
    them succeeds (their commands are also imported automatically on first use). A path to a
    .psm1 or .ps1 file imports that script module: its functions become commands. Any other
    name fails, as there is no module directory with it."""

    # -Name is mandatory in pwsh; declared optional and checked in process() (workaround: the engine checks a
    # pipeline object's mandatory parameters against the default set, so a piped PSModuleInfo would miss -Name)
    Name = Parameter(list[str], position=0, set="Name", from_pipeline=True, by_property_name=True,
                     help="Names or paths of the modules to import.")
    FullyQualifiedName = Parameter(list[str], mandatory=True, set="FullyQualifiedName", from_pipeline=True,
                                   help="Module specifications (names here).")
    ModuleInfo = Parameter(list[PSModuleInfo], mandatory=True, set="ModuleInfo",
                           from_pipeline=True, help="Module objects (from Get-Module -ListAvailable).")
    Global = Parameter(Switch, help="Import into the global scope (always the case here).")
    Prefix = Parameter(str, help="A prefix for the nouns of imported commands (not supported: ignored).")
    Function = Parameter(list[str], help="Only these functions.")
    Cmdlet = Parameter(list[str], help="Only these cmdlets.")
    Variable = Parameter(list[str], help="Only these variables.")
    Alias = Parameter(list[str], help="Only these aliases.")
    Force = Parameter(Switch, help="Re-import a module that is already imported.")
    SkipEditionCheck = Parameter(Switch, help="Skip the compatible-edition check.")
    PassThru = Parameter(Switch, help="Return the imported module.")
    AsCustomObject = Parameter(Switch, help="Return a custom object with the module's members.")
    MinimumVersion = Parameter("System.Version", aliases=("Version",), help="The lowest acceptable version.")
    MaximumVersion = Parameter(str, help="The highest acceptable version.")
    RequiredVersion = Parameter("System.Version", help="Exactly this version.")
    ArgumentList = Parameter("System.Object[]", aliases=("Args",), help="Arguments for a script module.")
    DisableNameChecking = Parameter(Switch, help="Do not warn about unapproved verbs.")
    NoClobber = Parameter(Switch, help="Do not replace existing commands.")
    Scope = Parameter(str, validate_set=("Local", "Global"), help="Local or Global.")
    UseWindowsPowerShell = Parameter(Switch, aliases=("UseWinPS",),
                                     help="Load the module through Windows PowerShell compatibility.")
    examples = [("Import-Module MSOnline", "Imports the MSOnline module."),
                ("Import-Module ExchangeOnlineManagement -PassThru", "Imports it and shows the module."),
                ("Import-Module ./MyTools.psm1", "Imports the functions of a script module.")]

    help_required = ("Name",)

    def process(self) -> None:
        if self.ModuleInfo is None and self.Name is None and self.FullyQualifiedName is None:
            from o365shell.engine.binding import missing_mandatory_error
            raise missing_mandatory_error(self.name, [self.metadata.by_name["name"]])
        if self.ModuleInfo is not None:
            for mi in self.ModuleInfo:
                self._import(to_string(getattr(mi, "Name", mi)))
            return
        for n in self.Name or self.FullyQualifiedName or []:
            self._import(to_string(n))

    def _import(self, name: str) -> None:
        if name.lower().endswith((".psm1", ".ps1", ".psd1")) or "/" in name or "\\" in name:
            self._import_script(name)
            return
        if name.lower() in SNAPINS:
            return
        m = known(name)
        if m is None:
            _not_found_import(self, name)
            return
        if self.RequiredVersion is not None and to_string(self.RequiredVersion) != m.version:
            _not_found_import(self, name)
            return
        if self.UseWindowsPowerShell and not m.builtin:
            self.warn(f"Module {m.name} is loaded in Windows PowerShell using WinPSCompatSession remoting session; "
                      "please note that all input and output of commands from this module will be deserialized "
                      "objects. If you want to load this module into PowerShell please use 'Import-Module "
                      "-SkipEditionCheck' syntax.")
        for sub in m.nested:
            mark_imported(self.ctx, sub)
        mark_imported(self.ctx, m.name)
        self.verbose(f"Importing module '{m.name}' version {m.version}.")
        if self.PassThru:
            self.write(module_info(self.ctx, m))

    def _import_script(self, name: str) -> None:
        from . import fsprovider as fs
        try:
            full = fs.absolute(self.ctx, name)
        except fs.PathError:
            _not_found_import(self, name)
            return
        if not os.path.isfile(full) or not full.lower().endswith((".psm1", ".ps1")):
            _not_found_import(self, name)
            return
        from o365shell.engine.runtime import load_script_file
        before = set(all_functions(self.ctx))
        saved = self.ctx.scope
        self.ctx.scope = self.ctx.global_scope
        try:
            sb = load_script_file(self.ctx, full)
            sb.run(list(self.ArgumentList or []), dot_source=True, out=lambda o: None)
        finally:
            self.ctx.scope = saved
        mod_name = os.path.splitext(os.path.basename(full))[0]
        info = PSModuleInfo(self.ctx, mod_name, "0.0", "Script", os.path.dirname(full), path=full, author="")
        info.script_functions = sorted(set(all_functions(self.ctx)) - before) or \
            [k for k in all_functions(self.ctx) if k not in before]
        _state(self.ctx)["scripts"][mod_name.lower()] = info
        mark_imported(self.ctx, mod_name)
        if self.PassThru:
            self.write(info)


@cmdlet("Remove-Module", module=CORE, version=CORE_VERSION, aliases=("rmo",), default_set="name",
        should_process=True)
class RemoveModule(Cmdlet):
    """Removes modules from the current session.

    The module no longer shows in Get-Module (its commands import it again when used)."""

    Name = Parameter(list[str], position=0, set="name", from_pipeline=True,
                     help="Names of the modules to remove.")  # mandatory: checked in process() (see Import-Module)
    FullyQualifiedName = Parameter(list[str], mandatory=True, set="FullyQualifiedName", from_pipeline=True,
                                   help="Module specifications (names here).")
    ModuleInfo = Parameter(list[PSModuleInfo], mandatory=True, set="ModuleInfo",
                           position=0, from_pipeline=True, help="Module objects (from Get-Module).")
    Force = Parameter(Switch, help="Remove even read-only modules.")
    examples = [("Remove-Module MSOnline", "Removes MSOnline from the session.")]

    help_required = ("Name",)

    def process(self) -> None:
        if self.ModuleInfo is None and self.Name is None and self.FullyQualifiedName is None:
            from o365shell.engine.binding import missing_mandatory_error
            raise missing_mandatory_error(self.name, [self.metadata.by_name["name"]])
        names = [to_string(getattr(m, "Name", m)) for m in (self.ModuleInfo or [])] or \
            [to_string(n) for n in (self.Name or self.FullyQualifiedName or [])]
        st = _state(self.ctx)
        removed = False
        for n in names:
            match = W.compile_wildcard(n)
            for imp in list(st["imported"]):
                if match(imp) and self.should_process(imp, "Remove-Module"):
                    st["imported"].remove(imp)
                    removed = True
        if not removed:
            self.write_error("No modules were removed. Verify that the specification of modules to remove is correct "
                             "and those modules exist in the runspace.",
                             "Modules_NoModulesRemoved,Microsoft.PowerShell.Commands.RemoveModuleCommand",
                             ErrorCategory.ResourceUnavailable, None, PSInvalidOperationException)


def _register_views() -> None:
    try:
        from o365shell.format.views import register_table_view
    except ImportError:
        return
    register_table_view("System.Management.Automation.PSModuleInfo",
                        [("ModuleType", "ModuleType", 10), ("Version", "Version", 10), ("PreRelease", "PreRelease", 10),
                         ("Name", "Name", 35), ("ExportedCommands", _exported_text)])
    register_table_view("ModuleInfoGrouping",
                        [("ModuleType", "ModuleType", 10), ("Version", "Version", 10), ("PreRelease", "PreRelease", 10),
                         ("Name", "Name", 35), ("PSEdition", "PSEdition", 9), ("ExportedCommands", _exported_text)],
                        group_by=(" Directory", _module_dir))


_register_views()
