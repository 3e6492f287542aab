"""PowerShellGet over the offline gallery: Install-Module, Get-InstalledModule, Find-Module,
Update-Module, Uninstall-Module and Get-PSRepository (only the modules o365shell knows, see
``modules.KNOWN``, can be found or installed)."""
from __future__ import annotations

import os
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, RuntimeException
from o365shell.engine.netlib import wildcard as W
from o365shell.engine.netlib.exceptions import DotNetException

from .fsprovider import ps_properties
from .modules import GET, GET_VERSION, KNOWN, KnownModule, _user_dir


# ----------------------------------------------------------------------------- PowerShellGet

@ps_properties
class PSRepositoryItemInfo:
    """Microsoft.PowerShell.Commands.PSRepositoryItemInfo (Find-Module / Get-InstalledModule)."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.PSRepositoryItemInfo"
    __ps_properties__ = ("Name", "Version", "Type", "Description", "Author", "CompanyName", "Copyright",
                         "PublishedDate", "InstalledDate", "UpdatedDate", "LicenseUri", "ProjectUri", "IconUri",
                         "Tags", "Includes", "PowerShellGetFormatVersion", "ReleaseNotes", "Dependencies",
                         "RepositorySourceLocation", "Repository", "PackageManagementProvider",
                         "AdditionalMetadata", "InstalledLocation")

    def __init__(self, m: KnownModule, installed: bool) -> None:
        self.Name = m.name
        self._version = m.version
        self.Type = "Module"
        self.Description = m.description
        self.Author = m.author
        self.CompanyName = "Microsoft Corporation"
        self.Copyright = "(c) Microsoft Corporation. All rights reserved."
        self.PublishedDate = None
        self.InstalledDate = None
        self.UpdatedDate = None
        self.LicenseUri = None
        self.ProjectUri = None
        self.IconUri = None
        self.Tags: list = []
        self.Includes = None
        self.PowerShellGetFormatVersion = None
        self.ReleaseNotes = None
        self.Dependencies: list = list(m.nested)
        self.RepositorySourceLocation = "https://www.powershellgallery.com/api/v2"
        self.Repository = "PSGallery"
        self.PackageManagementProvider = "NuGet"
        self.AdditionalMetadata = None
        self.InstalledLocation = os.path.join(_user_dir(), m.name, m.version) if installed else None

    @property
    def Version(self) -> Any:
        from o365shell.engine.netlib.version import Version
        try:
            return Version.Parse(self._version)
        except Exception:
            return self._version

    def ToString(self) -> str:
        return self.Name


def _gallery(name: str) -> list[KnownModule]:
    m = W.compile_wildcard(name)
    return [k for k in KNOWN if k.gallery and m(k.name)]


def _no_match(cmd: Cmdlet, name: str, cmd_class: str, plural: bool = False) -> None:
    if plural:
        msg = f"No match was found for the specified search criteria and module names '{name}'."
        eid = f"NoMatchFound,Microsoft.PowerShell.PackageManagement.Cmdlets.{cmd_class}"
    else:
        msg = (f"No match was found for the specified search criteria and module name '{name}'. Try "
               "Get-PSRepository to see all available registered module repositories.")
        eid = f"NoMatchFoundForCriteria,Microsoft.PowerShell.PackageManagement.Cmdlets.{cmd_class}"
    cmd.write_error(msg, eid, ErrorCategory.ObjectNotFound, name)


class _GetCmdlet(Cmdlet):
    Name = Parameter(list[str], position=0, by_property_name=True, wildcards=True, help="Module names.")
    MinimumVersion = Parameter(str, by_property_name=True, help="The lowest acceptable version.")
    MaximumVersion = Parameter(str, by_property_name=True, help="The highest acceptable version.")
    RequiredVersion = Parameter(str, by_property_name=True, help="Exactly this version.")
    AllowPrerelease = Parameter(Switch, help="Include prerelease versions.")

    def _version_ok(self, m: KnownModule) -> bool:
        from o365shell.engine.netlib.version import Version
        try:
            v = Version.Parse(m.version)
            if self.RequiredVersion and Version.Parse(self.RequiredVersion) != v:
                return False
            if self.MinimumVersion and v < Version.Parse(self.MinimumVersion):
                return False
            if self.MaximumVersion and v > Version.Parse(self.MaximumVersion):
                return False
        except (DotNetException, RuntimeException, ValueError):
            return True
        return True


@cmdlet("Install-Module", module=GET, version=GET_VERSION, should_process=True, default_set="NameParameterSet")
class InstallModule(_GetCmdlet):
    """Downloads one or more modules from a repository, and installs them on the local computer.

    The simulated Microsoft 365 modules are already installed (a warning says so, unless
    -Force). o365shell has no network: any other module cannot be found."""

    Name = Parameter(list[str], mandatory=True, position=0, set="NameParameterSet", from_pipeline=True,
                     by_property_name=True, help="Names of the modules to install.")
    InputObject = Parameter("System.Management.Automation.PSObject[]", mandatory=True, position=0,
                            set="InputObject", from_pipeline=True, help="Modules from Find-Module.")
    Repository = Parameter(list[str], by_property_name=True, help="The repository to install from (PSGallery).")
    Credential = Parameter("System.Management.Automation.PSCredential", by_property_name=True,
                           help="Credentials for the repository.")
    Scope = Parameter(str, validate_set=("CurrentUser", "AllUsers"), help="CurrentUser or AllUsers.")
    Proxy = Parameter("System.Uri", by_property_name=True, help="A proxy server.")
    ProxyCredential = Parameter("System.Management.Automation.PSCredential", by_property_name=True,
                                help="Credentials for the proxy.")
    AllowClobber = Parameter(Switch, help="Allow commands that replace existing ones.")
    SkipPublisherCheck = Parameter(Switch, help="Do not check the publisher.")
    Force = Parameter(Switch, help="Install again even when the version is already installed.")
    AcceptLicense = Parameter(Switch, help="Accept the license without asking.")
    PassThru = Parameter(Switch, help="Return the installed module.")
    examples = [("Install-Module MSOnline -Scope CurrentUser", "Already installed in o365shell."),
                ("Install-Module Microsoft.Graph -Force", "Reinstalls (silently) the simulated Graph modules.")]

    def process(self) -> None:
        names = [to_string(getattr(o, "Name", o)) for o in (self.InputObject or [])] or \
            [to_string(n) for n in (self.Name or [])]
        for n in names:
            found = [m for m in _gallery(n) if self._version_ok(m)]
            if not found:
                _no_match(self, n, "InstallPackage")
                continue
            for m in found:
                if not self.should_process(f"Version '{m.version}' of module '{m.name}'", "Install-Module"):
                    continue
                loc = os.path.join(_user_dir(), m.name, m.version)
                if not self.Force:
                    self.warn(f"Version '{m.version}' of module '{m.name}' is already installed at '{loc}'. To "
                              f"reinstall this version '{m.version}', run Install-Module or Updated-Module cmdlet "
                              "with -Force parameter.")
                if self.PassThru:
                    self.write(PSRepositoryItemInfo(m, True))


@cmdlet("Get-InstalledModule", module=GET, version=GET_VERSION)
class GetInstalledModule(_GetCmdlet):
    """Gets a list of modules on the computer that were installed by PowerShellGet.

    The simulated Microsoft 365 modules (MSOnline, ExchangeOnlineManagement, Microsoft.Graph)."""

    AllVersions = Parameter(Switch, help="Every installed version.")
    examples = [("Get-InstalledModule", "The installed modules."), ("Get-InstalledModule MSOnline", "One module.")]

    def process(self) -> None:
        names = [to_string(n) for n in (self.Name or ["*"])]
        for n in names:
            found = [m for m in _gallery(n) if self._version_ok(m)]
            if not found and not W.has_wildcard(n):
                _no_match(self, n, "GetPackage", plural=True)
                continue
            self.write_all(PSRepositoryItemInfo(m, True) for m in found)


@cmdlet("Find-Module", module=GET, version=GET_VERSION)
class FindModule(_GetCmdlet):
    """Finds modules in a repository that match specified criteria.

    o365shell has no network: the 'repository' holds only the simulated Microsoft 365 modules."""

    Repository = Parameter(list[str], help="The repositories to search (PSGallery).")
    Tag = Parameter(list[str], help="Modules with these tags.")
    Filter = Parameter(str, help="A search text.")
    AllVersions = Parameter(Switch, help="Every version.")
    IncludeDependencies = Parameter(Switch, help="Also the modules they depend on.")
    examples = [("Find-Module Microsoft.Graph*", "The Graph modules the simulated gallery has.")]

    def process(self) -> None:
        for n in [to_string(n) for n in (self.Name or ["*"])]:
            found = [m for m in _gallery(n) if self._version_ok(m)]
            if not found:
                _no_match(self, n, "FindPackage")
                continue
            self.write_all(PSRepositoryItemInfo(m, False) for m in found)


@cmdlet("Update-Module", module=GET, version=GET_VERSION, should_process=True)
class UpdateModule(_GetCmdlet):
    """Downloads and installs the newest version of specified modules.

    The simulated modules are already the newest version: nothing changes."""

    Name = Parameter(list[str], position=0, from_pipeline=True, by_property_name=True, help="Modules to update.")
    Scope = Parameter(str, validate_set=("CurrentUser", "AllUsers"), help="CurrentUser or AllUsers.")
    Credential = Parameter("System.Management.Automation.PSCredential", help="Credentials for the repository.")
    Force = Parameter(Switch, help="Update without asking.")
    AcceptLicense = Parameter(Switch, help="Accept the license without asking.")
    PassThru = Parameter(Switch, help="Return the updated modules.")
    examples = [("Update-Module MSOnline", "Nothing to update: it is the newest version.")]

    def process(self) -> None:
        for n in [to_string(n) for n in (self.Name or ["*"])]:
            found = _gallery(n)
            if not found:
                self.write_error(f"Module '{n}' was not installed by using Install-Module, so it cannot be updated.",
                                 "ModuleNotInstalledUsingInstallModuleCmdlet,Update-Module",
                                 ErrorCategory.InvalidOperation, n)
                continue
            for m in found:
                self.verbose(f"Skipping installed module '{m.name}' {m.version}: it is the newest version.")
                if self.PassThru:
                    self.write(PSRepositoryItemInfo(m, True))


@cmdlet("Uninstall-Module", module=GET, version=GET_VERSION, should_process=True)
class UninstallModule(_GetCmdlet):
    """Uninstalls a module.

    The simulated Microsoft 365 modules are part of o365shell and stay installed."""

    Name = Parameter(list[str], mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                     help="Modules to uninstall.")
    AllVersions = Parameter(Switch, help="Every version.")
    Force = Parameter(Switch, help="Uninstall without asking.")
    examples = [("Uninstall-Module MSOnline", "Refused: the simulated modules cannot be removed.")]

    def process(self) -> None:
        for n in [to_string(n) for n in (self.Name or [])]:
            found = _gallery(n)
            if not found:
                _no_match(self, n, "UninstallPackage", plural=True)
                continue
            for m in found:
                if self.should_process(f"Version '{m.version}' of module '{m.name}'", "Uninstall-Module"):
                    self.write_error(f"Module '{m.name}' is currently in use or you don't have the required "
                                     "permissions. (The simulated modules are part of o365shell and cannot be "
                                     "uninstalled.)",
                                     "UnableToUninstallModuleAsNotInstalledUsingPowerShellGet,Uninstall-Module",
                                     ErrorCategory.InvalidOperation, m.name)


@ps_properties
class PSRepositoryInfo:
    """Microsoft.PowerShell.Commands.PSRepository."""

    __ps_typename__ = "Microsoft.PowerShell.Commands.PSRepository"
    __ps_properties__ = ("Name", "SourceLocation", "Trusted", "Registered", "InstallationPolicy",
                         "PackageManagementProvider", "PublishLocation", "ScriptSourceLocation",
                         "ScriptPublishLocation", "ProviderOptions")

    def __init__(self) -> None:
        self.Name = "PSGallery"
        self.SourceLocation = "https://www.powershellgallery.com/api/v2"
        self.Trusted = False
        self.Registered = True
        self.InstallationPolicy = "Untrusted"
        self.PackageManagementProvider = "NuGet"
        self.PublishLocation = "https://www.powershellgallery.com/api/v2/package/"
        self.ScriptSourceLocation = "https://www.powershellgallery.com/api/v2/items/psscript"
        self.ScriptPublishLocation = "https://www.powershellgallery.com/api/v2/package/"
        self.ProviderOptions: dict = {}


@cmdlet("Get-PSRepository", module=GET, version=GET_VERSION)
class GetPSRepository(Cmdlet):
    """Gets PowerShell repositories.

    The PowerShell Gallery (offline in o365shell: it holds only the simulated modules)."""

    Name = Parameter(list[str], position=0, from_pipeline=True, by_property_name=True, wildcards=True,
                     help="Repository names.")
    examples = [("Get-PSRepository", "PSGallery.")]

    def process(self) -> None:
        repo = PSRepositoryInfo()
        for n in self.Name or ["*"]:
            if W.compile_wildcard(to_string(n))(repo.Name):
                self.write(repo)
            elif not W.has_wildcard(to_string(n)):
                self.write_error(f"Unable to find repository '{n}'. Use Get-PSRepository to see all available "
                                 "repositories.",
                                 "SourceNotFound,Microsoft.PowerShell.PackageManagement.Cmdlets.GetPackageSource",
                                 ErrorCategory.ObjectNotFound, n)


def _register_views() -> None:
    try:
        from o365shell.format.views import register_table_view
    except ImportError:
        return
    register_table_view("Microsoft.PowerShell.Commands.PSRepositoryItemInfo",
                        [("Version", "Version", 20), ("Name", "Name", 35), ("Repository", "Repository", 20),
                         ("Description", "Description")])
    register_table_view("Microsoft.PowerShell.Commands.PSRepository",
                        [("Name", "Name", 25), ("InstallationPolicy", "InstallationPolicy", 20),
                         ("SourceLocation", "SourceLocation")])


_register_views()
