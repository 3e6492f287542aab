"""The simulated tenant as a session service, and the base class of cmdlets that use it.

The tenant is built on first use (from ``-Tenant FILE`` or the Contoso seed with
``-TenantSize N`` synthetic users), so commands that never touch it cost nothing. Each
module family (MSOnline, Exchange Online, Microsoft Graph, Microsoft Teams) has its own connection: the
account signed in there is the ``actor`` every change is authorized and audited as.

Signing in to PowerShell (Connect-MsolService, Connect-ExchangeOnline, Connect-MgGraph,
Connect-MicrosoftTeams):

* with a credential (``-Credential``, the simulation's stand-in for the password flow):
  the password must match and the account must not be blocked; per-user MFA **Disabled**
  and **Enabled** accounts connect (Enabled is not enforced yet: like the legacy clients
  of SPEC §6 the password is still accepted until the user is Enforced); an **Enforced**
  account is refused with AADSTS50076 (a credential cannot satisfy MFA), as the real
  modules refuse MFA-enforced accounts;
* interactively (no credential: the real modules open a browser): the host prompts for
  the account and password, then, when the account needs MFA, for the verification code
  (the lab's ``Get-LabTotpCode`` or the text received by ``Get-LabPhoneMessage``) - this
  is a real modern sign-in (``tenant.signin.sign_in``, logged, and completing MFA moves an
  Enabled user to Enforced).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable

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
AuthenticationException = _exc("AuthenticationException", "Microsoft.Identity.Client.MsalServiceException")
#: What the Graph SDK's HTTP pipeline throws when Connect-MgGraph was not called.
GraphAuthenticationException = _exc("AuthenticationException", "System.Security.Authentication.AuthenticationException")
HostException = _exc("HostException", "System.Management.Automation.Host.HostException")

NONINTERACTIVE = "PowerShell is in NonInteractive mode. Read and Prompt functionality is not available."

#: Resource (first-party application) ids named in AADSTS messages.
RESOURCES = {
    "msonline": "00000002-0000-0000-c000-000000000000",
    "exchange": "00000002-0000-0ff1-ce00-000000000000",
    "graph": "00000003-0000-0000-c000-000000000000",
    "teams": "48ac35b8-9aa8-4d74-927d-1f4a14a0b239",  # Skype and Teams Tenant Admin API
}


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
    ndt.set_clock(session_clock_now)


def session_clock_now() -> Any:
    """Now, on the lab clock of the session that is running (real time when it has no tenant yet)."""
    from datetime import datetime, timezone

    from o365shell.engine.runtime import current_session
    s = current_session()
    t = s.services.get("tenant") if s is not None else None
    return t.clock.now() if t is not None else datetime.now(timezone.utc)


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
    "teams": "You must call the Connect-MicrosoftTeams cmdlet before calling any other cmdlets.",
}


class NotConnected(Exception):
    """Raised by :attr:`TenantCmdlet.actor` when the cmdlet's service is not connected.

    The real modules report this as a *non-terminating* error (MSOnline writes a
    MicrosoftOnlineException record, the generated Graph cmdlets catch the SDK's
    AuthenticationException and write it), so ``Get-MsolDomain -ErrorAction SilentlyContinue``
    prints nothing and sets ``$?`` to False. The guard TenantCmdlet puts around each
    subclass's begin / process / end writes ``record`` with WriteError; a failure in begin
    also skips the cmdlet's process and end, as a cmdlet that cannot run does.
    """

    def __init__(self, record: Any) -> None:
        super().__init__(str(getattr(record, "message", record)))
        self.record = record


def _guarded(fn: Callable[[Any], Any], phase: str) -> Callable[[Any], Any]:
    """``fn`` (a cmdlet's begin / process / end) with NotConnected turned into WriteError."""
    @functools.wraps(fn)
    def run(self: Any) -> Any:
        if self.__dict__.get("_nc_stopped"):
            return None
        try:
            return fn(self)
        except NotConnected as e:
            if phase == "begin":
                self._nc_stopped = True
            if phase == "end" and self.__dict__.get("_nc_reported"):
                return None
            self._nc_reported = True
            self.write_error(e.record)
            return None
    run._nc_guarded = True  # type: ignore[attr-defined]
    return run


# ----------------------------------------------------------------------------- value conversion

def to_net_datetime(value: datetime | None) -> Any:
    """A tenant (aware UTC) datetime as the engine's System.DateTime ($null stays $null)."""
    if value is None:
        return None
    from o365shell.engine.netlib.datetime import DateTime
    return DateTime(value)


def to_py_datetime(value: Any) -> datetime | None:
    """A System.DateTime / string / Python datetime as an aware UTC datetime (None for $null)."""
    if value is None:
        return None
    from o365shell.engine.netlib.datetime import DateTime
    if isinstance(value, DateTime):
        return value.to_utc_datetime()
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    from o365shell.engine.conversion import to_string
    from o365shell.engine.types import resolve
    t = resolve("datetime")
    assert t is not None
    return t.convert(to_string(value)).to_utc_datetime()


def net_guid(value: str | None) -> Any:
    """A GUID string as the engine's System.Guid."""
    if value is None:
        return None
    from o365shell.engine.netlib.guid import Guid
    return Guid(value)


def as_list(value: Any) -> list:
    """A parameter value (scalar, array, $null) as a Python list."""
    from o365shell.engine.objects import enumerate_values, is_enumerable
    if value is None:
        return []
    if is_enumerable(value):
        return list(enumerate_values(value))
    return [value]


def credential_parts(cred: Any) -> tuple[str, str]:
    """(user name, clear password) of a PSCredential."""
    from o365shell.engine.conversion import to_string
    user = to_string(getattr(cred, "UserName", "") or "")
    secure = getattr(cred, "Password", None)
    reveal = getattr(secure, "reveal", None)
    password = reveal() if reveal is not None else to_string(secure or "")
    return user, password


# ----------------------------------------------------------------------------- sign-in

class SignInRefused(Exception):
    """A PowerShell sign-in that the tenant refused; ``code`` is the AADSTS kind."""

    def __init__(self, code: str, upn: str) -> None:
        super().__init__(code)
        self.code = code
        self.upn = upn


def _aadsts(code: str, family: str) -> str:
    resource = RESOURCES.get(family, RESOURCES["graph"])
    return {
        "bad_password": "AADSTS50126: Error validating credentials due to invalid username or password.",
        "blocked": "AADSTS50057: The user account is disabled.",
        "mfa_required": "AADSTS50076: Due to a configuration change made by your administrator, or because you moved "
                        f"to a new location, you must use multi-factor authentication to access '{resource}'.",
        "mfa_enrollment": "AADSTS50079: Due to a configuration change made by your administrator, or because you "
                          f"moved to a new location, you must enroll in multi-factor authentication to access "
                          f"'{resource}'.",
        "mfa_failed": "AADSTS50074: Strong Authentication is required and the verification code was not accepted.",
        "mfa_locked": "AADSTS50053: Your account is locked because you've tried to sign in too many times with an "
                      "incorrect verification code.",
        "wrong_cloud": "AADSTS50034: The user account {EmailHidden} does not exist in the directory. To sign into "
                       "this application, the account must be added to the directory.",
    }[code]


def sign_in_message(code: str, family: str, interactive: bool = False) -> str:
    """The text each module shows when a PowerShell sign-in is refused."""
    if family == "msonline":
        if code in ("bad_password", "wrong_cloud"):
            return "Authentication Error: Bad username or password."
        return _aadsts(code, family)
    if family == "graph":
        prefix = "InteractiveBrowserCredential" if interactive else "UsernamePasswordCredential"
        return f"{prefix} authentication failed: {_aadsts(code, family)}"
    return _aadsts(code, family)


def check_password(tenant: Any, upn: str, password: str) -> Any:
    """The User whose password this is; SignInRefused (bad password / blocked) otherwise."""
    from o365shell.tenant.crypto import verify_password
    user = tenant.find_user(upn) if upn else None
    if user is None or not verify_password(password, user.password_hash):
        raise SignInRefused("bad_password", upn)
    if user.block_credential:
        raise SignInRefused("blocked", upn)
    return user


def credential_sign_in(tenant: Any, upn: str, password: str) -> str:
    """Sign in with a credential (module docstring rules); returns the canonical UPN."""
    user = check_password(tenant, upn, password)
    if str(user.mfa_state) == "Enforced":
        raise SignInRefused("mfa_required", upn)
    return str(user.user_principal_name)


def interactive_sign_in(tenant: Any, upn: str, password: str, ask_code: Callable[[str], str]) -> str:
    """A modern (browser-like) sign-in: password, then the second factor when MFA applies.

    ``ask_code(prompt)`` reads the verification code from the user.
    """
    from o365shell.tenant.signin import sign_in
    user = check_password(tenant, upn, password)
    result = sign_in(tenant, user.user_principal_name, password, "Browser")
    if result.Result == "MfaRequired":
        prompt = ("Enter the code from your authenticator app" if "authenticator" in result.Reason
                  else "Enter the code we sent to your phone")
        code = ask_code(prompt)
        result = sign_in(tenant, user.user_principal_name, password, "Browser", otp=code)
    if result.Result == "Success":
        return str(user.user_principal_name)
    if result.Result == "MfaRegistrationRequired":
        if str(user.mfa_state) == "Enabled":  # Enabled accounts still connect until they are enforced
            return str(user.user_principal_name)
        raise SignInRefused("mfa_enrollment", upn)
    if result.Result == "LockedOut":
        raise SignInRefused("mfa_locked", upn)
    if result.Result == "InvalidOtp":
        raise SignInRefused("mfa_failed", upn)
    if result.Result == "Blocked":
        raise SignInRefused("blocked", upn)
    raise SignInRefused("bad_password", upn)


# ----------------------------------------------------------------------------- the base class

class TenantCmdlet(Cmdlet):
    """A cmdlet over the simulated tenant; ``connection`` names the service family it needs."""

    connection: str | None = None
    #: For Exchange cmdlets: the rbac Action a signed-in account needs for the cmdlet to exist
    #: (Exchange Online only loads the cmdlets your management roles allow).
    rbac_action: str | None = None

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
            raise self.not_connected()
        return conn.account

    def not_connected(self) -> Exception:
        """What the real module does when its service is not connected (see NotConnected).

        MSOnline: OperationStopped MicrosoftOnlineException, FullyQualifiedErrorId
        ``Microsoft.Online.Administration.Automation.MicrosoftOnlineException,<cmdlet type>``;
        Graph: the SDK's AuthenticationException written by the generated cmdlet variant
        (``Get-MgUser_List: Authentication needed. Please call Connect-MgGraph.``)."""
        fam = self.connection or ""
        if fam == "msonline":
            rec = self.make_record(NOT_CONNECTED[fam], "Microsoft.Online.Administration.Automation."
                                   "MicrosoftOnlineException" + self.fqid_suffix(), ErrorCategory.OperationStopped,
                                   None, MicrosoftOnlineException)
            return NotConnected(rec)
        if fam == "graph":
            variant = self.graph_variant()
            rec = self.make_record(NOT_CONNECTED[fam], ",Microsoft.Graph.PowerShell.Cmdlets." +
                                   variant.replace("-", ""), ErrorCategory.NotSpecified, None,
                                   GraphAuthenticationException)
            rec.command_name = variant
            return NotConnected(rec)
        return self.error(NOT_CONNECTED[fam], "NotConnected", ErrorCategory.AuthenticationError, None)

    def fqid_suffix(self) -> str:
        """``,<.NET type of the cmdlet>`` for FullyQualifiedErrorIds ('' keeps the engine's default)."""
        return ""

    def graph_variant(self) -> str:
        """The generated Graph cmdlet variant errors name (``Get-MgUser_List``)."""
        from o365shell.engine.parameters import ALL_SETS
        variant = self.parameter_set_name if self.parameter_set_name not in (ALL_SETS, "", None) else \
            getattr(self, "verb_variant", "")
        return f"{self.name}_{variant}" if variant else self.name

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        for phase in ("begin", "process", "end"):
            fn = cls.__dict__.get(phase)
            if fn is not None and not getattr(fn, "_nc_guarded", False):
                setattr(cls, phase, _guarded(fn, phase))

    @classmethod
    def is_available(cls, session: Any) -> bool:
        if cls.connection == "exchange":
            conn = connection(session, "exchange")
            if conn is None:
                return False
            if cls.rbac_action is not None:
                from o365shell.tenant import rbac
                tenant = session.services.get("tenant")
                if tenant is None:
                    return False
                return rbac.can(tenant, conn.account, rbac.Action[cls.rbac_action])
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

    def call(self, fn: Callable[..., Any], *args: Any, target: Any = None, **kwargs: Any) -> Any:
        """Run a tenant operation, turning a TenantError into this module's error."""
        from o365shell.tenant.errors import TenantError
        try:
            return fn(*args, **kwargs)
        except TenantError as e:
            raise self.tenant_error(e, target) from None

    # ------------------------------------------------------------------ host interaction
    @property
    def interactive(self) -> bool:
        return bool(getattr(self.ctx, "interactive", False)) or bool(getattr(self.ctx.host, "interactive", False))

    def noninteractive_error(self) -> RuntimeException:
        return self.error(NONINTERACTIVE, "System.Management.Automation.Host.HostException",
                          ErrorCategory.ResourceUnavailable, None, HostException)

    def prompt_credential(self, caption: str, message: str, user: str | None = None) -> Any:
        """Ask the host for a credential (pwsh's NonInteractive error when it cannot prompt).

        Ctrl+C at the prompt (KeyboardInterrupt) is not an error: it propagates so that the
        host stops the pipeline as pwsh does (no error record, the REPL shows a new prompt)."""
        host = self.ctx.host
        try:
            cred = host.prompt_credential(caption, message, user)
        except EOFError:
            cred = None
        if cred is None:
            raise self.noninteractive_error()
        return cred

    def read_line(self, prompt: str, secure: bool = False) -> str:
        """Read one line from the host (pwsh's NonInteractive error when it cannot; Ctrl+C stops the pipeline)."""
        try:
            text = self.ctx.host.read_line(prompt, secure=secure)
        except EOFError:
            raise self.noninteractive_error() from None
        reveal = getattr(text, "reveal", None)
        return reveal() if reveal is not None else ("" if text is None else str(text))

    def confirm_high_impact(self, target: str, action: str | None = None, force: bool = False) -> bool:
        """ShouldProcess for a ConfirmImpact=High operation (pwsh's default $ConfirmPreference is High).

        -WhatIf prints the What-if line and returns False; -Confirm:$false or ``force`` proceeds;
        otherwise the host is asked, and a host that cannot prompt raises pwsh's
        NonInteractive error.
        """
        action = action or self.name
        if self.whatif or (self.ctx.get_var("whatifpreference") is True and self.bound.get("WhatIf") is not False):
            self.ctx.host.write_line(f'What if: Performing the operation "{action}" on target "{target}".')
            return False
        if force or self.bound.get("Confirm") is False:
            return True
        pref = self.ctx.get_var("confirmpreference")
        if pref is not None and str(getattr(pref, "name", pref)).lower() == "none" and not self.confirm:
            return True
        if not self.interactive:
            raise self.noninteractive_error()
        return bool(self.ctx.host.confirm("Confirm", "Are you sure you want to perform this action?\n"
                                                     f'Performing the operation "{action}" on target "{target}".'))

    def sign_in(self, family: str, credential: Any = None, user: str | None = None,
                caption: str = "Sign in", message: str = "Enter your credentials.", cloud_ok: bool = True) -> str:
        """Sign the account in for ``family`` (credential or interactive prompt); returns the UPN.

        ``cloud_ok`` False: the sign-in went to another cloud than the tenant's, where the
        account does not exist (refused once the account is known).
        """
        tenant = self.tenant
        interactive = credential is None
        try:
            if credential is not None:
                upn, password = credential_parts(credential)
                if not cloud_ok:
                    raise SignInRefused("wrong_cloud", upn)
                return credential_sign_in(tenant, upn, password)
            cred = self.prompt_credential(caption, message, user)
            upn, password = credential_parts(cred)
            if not cloud_ok:
                raise SignInRefused("wrong_cloud", upn)
            return interactive_sign_in(tenant, upn, password, lambda p: self.read_line(p + ": "))
        except SignInRefused as e:
            raise self.error(sign_in_message(e.code, family, interactive), e.code, ErrorCategory.AuthenticationError,
                             e.upn, MicrosoftOnlineException if family == "msonline" else AuthenticationException) \
                from None


def set_anchor(set_name: str) -> Any:
    """A hidden parameter that makes a parameter set with no parameters of its own exist.

    Works around an engine limitation: a DefaultParameterSetName that no parameter names is
    not a candidate set, so ``Get-MsolRole`` (set ListRoles__0) would pick GetRole__0.
    """
    from o365shell.engine.cmdlet import Parameter, Switch
    return Parameter(Switch, set=set_name, dont_show=True)


def first_or_none(items: Iterable[Any]) -> Any:
    for x in items:
        return x
    return None
