"""Snapshots of the whole simulated tenant: Save-LabTenant, Restore-LabTenant, Reset-LabTenant.

A snapshot is the tenant model's versioned JSON (``o365shell.tenant.store``: written
atomically; passwords hashed, TOTP secrets sealed). Restore and reset build a complete new
tenant first and swap it in (``tenantsvc.set_tenant``) only when that succeeded, so a
corrupt, foreign or newer file leaves the current tenant as it was. Swapping tenants drops
the PowerShell connections: connect again afterwards.
"""
from __future__ import annotations

import os
from typing import Any

from o365shell.engine.cmdlet import Parameter, cmdlet
from o365shell.engine.errors import ErrorCategory

from .tenantsvc import TenantCmdlet, connections, get_tenant, set_tenant

MODULE = "O365Shell.Lab"


def _path(cmd: Any, path: str) -> str:
    """A -Path as the FileSystem provider resolves it (current location, ~, '\\', the C: / D: drives)."""
    from .utility_common import resolve_path
    return resolve_path(cmd, str(path))


class _LabTenantCmdlet(TenantCmdlet):
    module = MODULE

    def snapshot_error(self, e: Exception, path: str) -> Any:
        return self.error(str(e), "SnapshotRefused", ErrorCategory.InvalidData, path)

    def swap(self, tenant: Any) -> None:
        had = sorted(connections(self.ctx))
        set_tenant(self.ctx, tenant)
        if had:
            self.verbose("The connections (" + ", ".join(had) + ") were closed: connect again to the new tenant.")


@cmdlet("Save-LabTenant", module=MODULE)
class SaveLabTenant(_LabTenantCmdlet):
    """Saves the whole simulated tenant to a snapshot file.

    Writes a versioned JSON snapshot atomically (a temporary file, fsync, rename); an
    existing file is replaced only when the write succeeded. No secret is written in clear
    text: passwords and app passwords are salted hashes, authenticator secrets are sealed
    with the key in the user's data directory."""

    Path = Parameter(str, mandatory=True, position=0, help="The snapshot file (.json).")
    examples = [("Save-LabTenant -Path ./before-mfa.json", "Saves the tenant."),
                ("Restore-LabTenant -Path ./before-mfa.json", "Goes back to it later.")]

    def end(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.store import save
        path = _path(self, self.Path)
        try:
            save(get_tenant(self.ctx), path)
        except TenantError as e:
            raise self.snapshot_error(e, self.Path) from None


@cmdlet("Restore-LabTenant", module=MODULE, should_process=True)
class RestoreLabTenant(_LabTenantCmdlet):
    """Replaces the simulated tenant with one saved by Save-LabTenant.

    The file is read and checked completely first: a corrupt, truncated, foreign or newer
    snapshot is refused with an error naming the problem, and the current tenant stays as
    it was. The connections (Connect-MsolService, Connect-ExchangeOnline, Connect-MgGraph)
    are closed. Authenticator apps whose secret cannot be unsealed (another key file) must be
    registered again; a warning says so."""

    Path = Parameter(str, mandatory=True, position=0, help="The snapshot file to load.")
    examples = [("Restore-LabTenant -Path ./before-mfa.json", "Restores a saved tenant.")]

    def end(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.store import load
        path = _path(self, self.Path)
        if not os.path.isfile(path):
            from o365shell.engine.errors import ItemNotFoundException
            raise self.error(f"Cannot find path '{path}' because it does not exist.", "PathNotFound",
                             ErrorCategory.ObjectNotFound, self.Path, ItemNotFoundException)
        try:
            tenant = load(path)
        except TenantError as e:
            raise self.snapshot_error(e, self.Path) from None
        if not self.should_process(self.Path, "Restore-LabTenant"):
            return
        self.swap(tenant)
        for w in getattr(tenant, "load_warnings", ()):
            self.warn(w)


@cmdlet("Reset-LabTenant", module=MODULE, should_process=True)
class ResetLabTenant(_LabTenantCmdlet):
    """Replaces the simulated tenant with a fresh Contoso seed.

    -Size adds that many deterministic synthetic users (user00001@contoso.com...) for scale
    work; -Cloud AzureChinaCloud makes the tenant a 21Vianet one (admin@contoso.partner.onmschina.cn;
    Connect-MsolService then needs -AzureEnvironment AzureChinaCloud; no app passwords).
    The connections are closed."""

    Size = Parameter(int, validate_range=(0, 2_000_000), default=0, help="Synthetic users to add.")
    Cloud = Parameter(str, validate_set=("AzureCloud", "AzureChinaCloud"), help="AzureCloud (default) or "
                                                                                "AzureChinaCloud (21Vianet).")
    examples = [("Reset-LabTenant", "Back to the documented Contoso seed."),
                ("Reset-LabTenant -Size 5000", "Contoso plus 5000 synthetic users."),
                ("Reset-LabTenant -Cloud AzureChinaCloud", "A tenant operated by 21Vianet.")]

    def end(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.seed import build_tenant
        try:
            tenant = build_tenant(int(self.Size or 0), self.Cloud or "AzureCloud")
        except TenantError as e:
            raise self.error(str(e), "InvalidArgument", ErrorCategory.InvalidArgument, self.Size) from None
        if self.should_process(f"{tenant.display_name} ({tenant.cloud}, {len(tenant)} users)", "Reset-LabTenant"):
            self.swap(tenant)
