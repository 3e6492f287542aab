"""The simulated tenant as a session service, and the base class of cmdlets that use it.

The tenant is built on first use (from ``-Tenant FILE`` or the Contoso seed with
``-TenantSize N`` synthetic users), so commands that never touch it cost nothing. Each
module family (MSOnline, Exchange Online, Microsoft Graph) has its own connection: the
account signed in there is the ``actor`` every change is authorized and audited as.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from o365shell.engine.cmdlet import Cmdlet
from o365shell.engine.errors import ErrorCategory, RuntimeException, _exc

MicrosoftOnlineException = _exc("MicrosoftOnlineException",
                                "Microsoft.Online.Administration.Automation.MicrosoftOnlineException")
AccessDeniedException = _exc("AccessDeniedException", "Microsoft.Online.Administration.Automation.AccessDeniedException",
                             MicrosoftOnlineException)
UserNotFoundException = _exc("UserNotFoundException", "Microsoft.Online.Administration.Automation.UserNotFoundException",
                             MicrosoftOnlineException)
ExchangeException = _exc("ExchangeException", "Microsoft.Exchange.Management.Tasks.ManagementObjectNotFoundException")
GraphException = _exc("GraphException", "Microsoft.Graph.PowerShell.Runtime.RestException")


@dataclass
class Connection:
    """One signed-in session to a service family."""

    account: str                      # the signed-in UPN (the actor)
    environment: str = "AzureCloud"
    scopes: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def get_tenant(session: Any) -> Any:
    """The session's tenant, building it on first use."""
    t = session.services.get("tenant")
    if t is None:
        opts = session.services.get("tenant_options") or {}
        path = opts.get("path")
        if path:
            from o365shell.tenant.store import load
            t = load(path)
        else:
            from o365shell.tenant.seed import build_tenant
            t = build_tenant(int(opts.get("size") or 0))
        set_tenant(session, t)
    return t


def set_tenant(session: Any, tenant: Any) -> None:
    """Make ``tenant`` the session's tenant (Restore/Reset-LabTenant): connections are dropped,
    and Get-Date / Start-Sleep follow its lab clock."""
    session.services["tenant"] = tenant
    session.services["connections"] = {}
    from o365shell.engine.netlib import datetime as ndt
    clock = tenant.clock
    ndt.set_clock(clock.now)


def connections(session: Any) -> dict[str, Connection]:
    c = session.services.get("connections")
    if c is None:
        c = session.services["connections"] = {}
    return c


def connection(session: Any, family: str) -> Connection | None:
    return connections(session).get(family)


NOT_CONNECTED = {
    "msonline": "You must call the Connect-MsolService cmdlet before calling any other cmdlets.",
    "graph": "Authentication needed. Please call Connect-MgGraph.",
    "exchange": "You must call Connect-ExchangeOnline before calling any other Exchange Online cmdlets.",
}


class TenantCmdlet(Cmdlet):
    """A cmdlet over the simulated tenant; ``connection`` names the service family it needs."""

    connection: str | None = None

    @property
    def tenant(self) -> Any:
        return get_tenant(self.ctx)

    @property
    def actor(self) -> str:
        """The UPN signed in to this cmdlet's service (raises the real 'not connected' error)."""
        fam = self.connection
        if fam is None:
            raise RuntimeError("cmdlet has no connection family")
        conn = connection(self.ctx, fam)
        if conn is None:
            exc_type = MicrosoftOnlineException if fam == "msonline" else RuntimeException
            raise self.error(NOT_CONNECTED[fam], "NotConnected" if fam != "msonline" else
                             "Microsoft.Online.Administration.Automation.MicrosoftOnlineException",
                             ErrorCategory.OperationStopped if fam == "msonline" else ErrorCategory.AuthenticationError,
                             None, exc_type)
        return conn.account

    @classmethod
    def is_available(cls, session: Any) -> bool:
        if cls.connection == "exchange":
            return connection(session, "exchange") is not None
        return True

    def tenant_error(self, e: Exception, target: Any = None) -> RuntimeException:
        """A TenantError as the exception the real module raises (same message text)."""
        from o365shell.tenant import errors as E
        msg = str(e)
        if isinstance(e, E.UserNotFound):
            return self.error(msg, "Microsoft.Online.Administration.Automation.UserNotFoundException",
                              ErrorCategory.OperationStopped, target, UserNotFoundException)
        if isinstance(e, E.AccessDenied):
            return self.error(msg, "Microsoft.Online.Administration.Automation.AccessDeniedException",
                              ErrorCategory.PermissionDenied, target, AccessDeniedException)
        if isinstance(e, E.ValidationError):
            return self.error(msg, "InvalidArgument", ErrorCategory.InvalidArgument, target)
        return self.error(msg, type(e).__name__, ErrorCategory.InvalidOperation, target)
