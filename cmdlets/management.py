"""Microsoft.PowerShell.Management: what its path-taking cmdlets share (the ``PathCmdlet`` base
class and the -Path / -LiteralPath, -Filter / -Include / -Exclude and -Credential parameters).

The content cmdlets (Get-Content, Set-Content, Add-Content, Clear-Content) are in
``content.py``, Test-Path / Join-Path / Split-Path / Resolve-Path in ``paths.py``, the item
cmdlets in ``items.py``, locations / drives / processes in ``location.py``; the provider
(path resolution, FileInfo / DirectoryInfo) is ``fsprovider.py``.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from o365shell.engine.cmdlet import Cmdlet, Parameter
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, PSInvalidOperationException, PSNotSupportedException

from . import fsprovider as fs

MGMT = "Microsoft.PowerShell.Management"

_CRED_MESSAGE = ("The FileSystem provider supports credentials only on the New-PSDrive cmdlet. Perform the "
                 "operation again without specifying credentials.")


class PathCmdlet(Cmdlet):
    """Shared plumbing: resolving -Path / -LiteralPath and reporting provider errors as pwsh does."""

    dotnet_name = ""   # e.g. "GetContentCommand": the second half of FullyQualifiedErrorId

    def fqid(self, error_id: str) -> str:
        return f"{error_id},Microsoft.PowerShell.Commands.{self.dotnet_name}" if self.dotnet_name else error_id

    def report(self, e: fs.PathError) -> None:
        """A provider error as a non-terminating error of this cmdlet."""
        self.write_error(e.message, self.fqid(e.error_id), e.category, e.target, e.exc_type)

    def fail(self, message: str, error_id: str, category: ErrorCategory, target: Any = None,
             exc_type: type = PSInvalidOperationException) -> None:
        self.write_error(message, self.fqid(error_id), category, target, exc_type)

    def check_credential(self) -> None:
        if getattr(self, "Credential", None) is not None:
            raise self.error(_CRED_MESSAGE, "NotSupported", ErrorCategory.NotImplemented, None,
                             PSNotSupportedException)

    #: parameters shown as mandatory in help although declared optional (see _path_params)
    help_required: tuple[str, ...] = ()

    def require_path(self) -> None:
        """-Path or -LiteralPath must be there (the mandatory check the declaration cannot do)."""
        if not self.is_bound("Path") and not self.is_bound("LiteralPath"):
            from o365shell.engine.binding import missing_mandatory_error
            raise missing_mandatory_error(self.name, [self.metadata.by_name["path"]])
        for name in ("Path", "LiteralPath"):
            value = getattr(self, name, None)
            spec = self.metadata.by_name.get(name.lower())
            allowed = spec is not None and (spec.allow_null if value is None else spec.allow_empty)
            if self.is_bound(name) and (value is None or value == []) and not allowed:
                from o365shell.engine.parameters import binding_error
                what = "null" if value is None else "an empty array"
                raise binding_error(f"Cannot bind argument to parameter '{name}' because it is {what}.",
                                    "ParameterArgumentValidationError" + ("NullNotAllowed" if value is None else
                                                                          "EmptyArrayNotAllowed"),
                                    self.name, ErrorCategory.InvalidData)

    def path_args(self) -> tuple[list[str], bool]:
        """The -Path (wildcards) or -LiteralPath values and whether they are literal."""
        lit = getattr(self, "LiteralPath", None)
        if lit is not None:
            return [to_string(p) for p in lit], True
        paths = getattr(self, "Path", None)
        if paths is None:
            return [], False
        return [to_string(p) for p in paths], False

    def resolved(self, paths: list[str] | None = None, literal: bool | None = None, *,
                 force: bool = False) -> Iterator[str]:
        """Each existing path named (errors for missing ones are written, not raised)."""
        if paths is None:
            paths, literal = self.path_args()
        for p in paths:
            try:
                found = fs.expand(self.ctx, p, literal=bool(literal), force=force)
            except fs.PathError as e:
                self.report(e)
                continue
            yield from self.filtered(found)

    def filtered(self, found: list[str]) -> list[str]:
        """-Filter / -Include / -Exclude applied to resolved paths' names."""
        flt = getattr(self, "Filter", None)
        inc = getattr(self, "Include", None)
        exc = getattr(self, "Exclude", None)
        out = []
        for f in found:
            name = os.path.basename(f)
            if flt and not fs.matches_any(name, [flt]):
                continue
            if inc and not fs.matches_any(name, inc):
                continue
            if exc and fs.matches_any(name, exc):
                continue
            out.append(f)
        return out


def _path_params(cls_sets: tuple[str, str] = ("Path", "LiteralPath"), *, mandatory: bool = True,
                 by_value: bool = False) -> tuple[Parameter, Parameter]:
    """-Path and -LiteralPath. -Path is declared optional and checked by ``require_path`` when
    ``mandatory`` (workaround: the engine checks a pipeline object's mandatory parameters against
    the default parameter set, so a FileInfo bound to -LiteralPath by PSPath would still miss -Path)."""
    path_set, lit_set = cls_sets
    p = Parameter(list[str], mandatory=False, position=0, set=path_set, from_pipeline=by_value,
                  by_property_name=True, wildcards=True,
                  help="The path of the item; wildcards are allowed. Relative paths start at the current location.")
    lp = Parameter(list[str], mandatory=True, set=lit_set, by_property_name=True, aliases=("PSPath", "LP"),
                   help="The path of the item, used exactly as typed (no wildcards).")
    return p, lp


def _filters(what: str = "items") -> tuple[Parameter, Parameter, Parameter]:
    """-Filter, -Include and -Exclude."""
    return (Parameter(str, help=f"A wildcard the {what}' names must match (applied by the provider)."),
            Parameter(list[str], help=f"Only {what} whose names match these wildcards."),
            Parameter(list[str], help=f"Leave out {what} whose names match these wildcards."))


def _credential() -> Parameter:
    return Parameter("System.Management.Automation.PSCredential", by_property_name=True,
                     help="Not supported by the FileSystem provider.")
