"""System.Management.Automation.PathInfo: what $PWD and Get-Location return."""
from __future__ import annotations


class PathInfo:
    """A location: Path, ProviderPath, Drive."""

    __ps_typename__ = "System.Management.Automation.PathInfo"
    __ps_properties__ = ("Drive", "Provider", "ProviderPath", "Path")
    __ps_default_display__ = ("Path",)
    __slots__ = ("Path",)

    def __init__(self, path: str) -> None:
        self.Path = path

    @property
    def ProviderPath(self) -> str:
        return self.Path

    @property
    def Drive(self) -> str:
        return "/"

    @property
    def Provider(self) -> str:
        return "Microsoft.PowerShell.Core\\FileSystem"

    def ToString(self) -> str:
        return self.Path
