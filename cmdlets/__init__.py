"""The cmdlets of o365shell: one module per real PowerShell module (installed as o365shell.cmdlets).

``load(session)`` imports them all and puts them in the session's command table.
"""
from __future__ import annotations

import importlib
import sys
from typing import Any

# Cmdlet modules import each other as o365shell.cmdlets.<name> or relatively; a few older
# imports spell the source folder's name, so make that spelling resolve to this package too.
sys.modules.setdefault("cmdlets", sys.modules[__name__])

MODULES = ("core", "utility", "management", "security", "formatting", "session_cmdlets", "msonline", "exchange",
           "graph", "admincenter", "lab")


def load(session: Any) -> None:
    """Register every cmdlet and its aliases in ``session``."""
    from o365shell.engine.cmdlet import REGISTRY
    for name in MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"{__name__}.{name}":
                raise
    for lname, cls in REGISTRY.items():
        session.commands[lname] = cls
        for alias in cls.aliases:
            session.aliases[alias.lower()] = cls.name
    for alias, target in DEFAULT_ALIASES.items():
        session.aliases.setdefault(alias, target)
    hooks = getattr(session, "load_hooks", None)
    for mod in MODULES:
        m = importlib.import_module(f"{__name__}.{mod}") if _exists(mod) else None
        init = getattr(m, "init_session", None) if m is not None else None
        if init is not None:
            init(session)
    _ = hooks


def _exists(mod: str) -> bool:
    import importlib.util
    return importlib.util.find_spec(f"{__name__}.{mod}") is not None


DEFAULT_ALIASES = {
    "cls": "Clear-Host", "clear": "Clear-Host", "gcm": "Get-Command", "gm": "Get-Member", "gv": "Get-Variable",
    "sv": "Set-Variable", "gal": "Get-Alias", "sal": "Set-Alias", "nal": "New-Alias", "select": "Select-Object",
    "sort": "Sort-Object", "group": "Group-Object", "measure": "Measure-Object", "ft": "Format-Table",
    "fl": "Format-List", "fw": "Format-Wide", "tee": "Tee-Object", "compare": "Compare-Object",
    "diff": "Compare-Object", "cat": "Get-Content", "gc": "Get-Content", "type": "Get-Content",
    "ls": "Get-ChildItem", "dir": "Get-ChildItem", "gci": "Get-ChildItem", "cd": "Set-Location",
    "sl": "Set-Location", "chdir": "Set-Location", "pwd": "Get-Location", "gl": "Get-Location",
    "gi": "Get-Item", "ni": "New-Item", "ri": "Remove-Item", "rm": "Remove-Item", "del": "Remove-Item",
    "erase": "Remove-Item", "rd": "Remove-Item", "rmdir": "Remove-Item", "cp": "Copy-Item", "copy": "Copy-Item",
    "cpi": "Copy-Item", "mv": "Move-Item", "move": "Move-Item", "mi": "Move-Item", "md": "mkdir",
    "h": "Get-History", "history": "Get-History", "ghy": "Get-History", "r": "Invoke-History",
    "ihy": "Invoke-History", "sleep": "Start-Sleep", "man": "help", "epcsv": "Export-Csv", "ipcsv": "Import-Csv",
    "ogv": "Out-GridView", "oh": "Out-Host", "gmo": "Get-Module", "ipmo": "Import-Module", "ii": "Invoke-Item",
    "gps": "Get-Process", "ps": "Get-Process", "iwr": "Invoke-WebRequest", "irm": "Invoke-RestMethod",
    "gdr": "Get-PSDrive", "rv": "Remove-Variable", "clv": "Clear-Variable", "nv": "New-Variable",
    "ac": "Add-Content", "sc": "Set-Content", "clc": "Clear-Content", "rvpa": "Resolve-Path", "gu": "Get-Unique",
}
