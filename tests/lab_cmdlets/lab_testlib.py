"""Helpers for the Lab cmdlet tests: a shell on a fresh Contoso tenant with the lab clock set.

Every user-visible step runs as PowerShell text in ``o365shell.embed.Shell``. Admin steps go
through the admin cmdlets when the session has them (Set-MfaServiceSettings, Set-MfaUserSettings,
Set-OrganizationConfig, Reset-MsolStrongAuthenticationMethodByUpn, Set-MsolUser...), else straight
through the tenant model (``fallback``), so the scenarios keep working while those land.

The helpers put a SecureString / member-access argument last and splat -DateTime: they were written
while the engine stringified a variable argument followed by another argument (fixed since;
test_lab_cmdlets.test_arguments_in_any_order covers the natural order).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from o365shell.embed import Shell

START = "2024-03-01 09:00:00"
ADMIN = "admin@contoso.onmicrosoft.com"

_EXCHANGE = {"set-organizationconfig", "get-organizationconfig", "set-casmailbox", "get-casmailbox"}


class LabShell:
    """A Shell plus the few conveniences the scenarios need."""

    def __init__(self, clock: str | None = START, **kw: Any) -> None:
        self.sh = Shell(**kw)
        self._connected: set[str] = set()
        if clock:
            self.ok(f"$null = Set-LabClock -DateTime '{clock}'")

    # ------------------------------------------------------------------ running PowerShell
    @property
    def session(self) -> Any:
        return self.sh.session

    @property
    def tenant(self) -> Any:
        from o365shell.cmdlets.tenantsvc import get_tenant
        return get_tenant(self.sh.session)

    def has(self, *names: str) -> bool:
        """Whether the session knows every command named."""
        cmds = self.sh.session.commands
        return all(n.lower() in cmds for n in names)

    def run(self, text: str) -> Any:
        return self.sh.run(text)

    def ok(self, text: str) -> str:
        """Run ``text``; it must not write any error. Returns stdout."""
        r = self.sh.run(text)
        assert r.stderr == "", f"unexpected error output from {text!r}:\n{r.stderr}"
        return r.stdout

    def objs(self, text: str) -> list:
        """The output objects of ``text``; it must not write any error."""
        err = self.sh.host.stderr
        err.seek(0)
        err.truncate()
        items = self.sh.invoke(text)
        assert err.getvalue() == "", f"unexpected error output from {text!r}:\n{err.getvalue()}"
        return items

    def one(self, text: str) -> Any:
        items = self.objs(text)
        assert len(items) == 1, f"expected one object from {text!r}, got {items!r}"
        return items[0]

    def fails(self, text: str) -> str:
        """Run ``text``; it must write an error. Returns stderr."""
        r = self.sh.run(text)
        assert r.stderr, f"expected an error from {text!r}; stdout:\n{r.stdout}"
        return r.stderr

    # ------------------------------------------------------------------ the user's side
    def signin(self, upn: str, *, client: str | None = None, otp: str | None = None, ip: str | None = None,
               device: str | None = None, remember: bool = False, password: str = "$cred.Password") -> Any:
        """Invoke-LabSignIn as a user would type it (credential from Get-LabCredential); the result object."""
        parts = [f"Invoke-LabSignIn -UserPrincipalName {upn}"]
        if client:
            parts.append(f"-Client {client}")
        if otp is not None:
            parts.append(f"-Otp {otp}")
        if ip:
            parts.append(f"-IPAddress {ip}")
        if device:
            parts.append(f"-DeviceId {device}")
        if remember:
            parts.append("-RememberDevice")
        parts.append(f"-Password {password}")
        script = f"$cred = Get-LabCredential {upn}; " + " ".join(parts)
        return self.one(script)

    def totp(self, secret_expr: str, at: str | None = None) -> str:
        """Get-LabTotpCode for a secret expression ($reg.Secret) at the lab clock (or a DateTime expression)."""
        if at:   # splatted: see the engine workaround in the module docstring
            text = f"$totpArgs = @{{ Secret = {secret_expr}; DateTime = {at} }}; Get-LabTotpCode @totpArgs"
        else:
            text = f"Get-LabTotpCode -Secret {secret_expr}"
        code = self.one(text)
        assert isinstance(code, str) and re.fullmatch(r"\d{6}", code), code
        return code

    # ------------------------------------------------------------------ the admin's side
    def admin(self, script: str, fallback: Callable[[Any, str], Any], connect: str | None = None) -> str:
        """Run an admin step: the PowerShell ``script`` when its cmdlets exist, else ``fallback(tenant, admin)``.

        ``connect`` replaces the default Connect-MsolService / Connect-ExchangeOnline line (as the
        seeded Global Administrator). Returns "cmdlet" or "model" (which way it went)."""
        names = {m.lower() for m in re.findall(r"\b[A-Z][a-z]+-[A-Za-z]+\b", script)}
        if names and self.has(*names):
            family = "exchange" if names & _EXCHANGE else "msonline"
            prefix = ""
            if family not in self._connected:
                if connect:
                    prefix = connect + "\n"
                elif family == "exchange":
                    prefix = f"Connect-ExchangeOnline -ShowBanner:$false -Credential (Get-LabCredential {ADMIN})\n"
                else:
                    prefix = f"Connect-MsolService -Credential (Get-LabCredential {ADMIN})\n"
                self._connected.add(family)
            r = self.sh.run(prefix + script)
            errors = [line for line in r.stderr.splitlines() if line and not line.startswith("WARNING: ")]
            assert not errors, f"admin step {script!r} failed:\n{r.stderr}"
            return "cmdlet"
        from o365shell.tenant.seed import admin_upn
        fallback(self.tenant, admin_upn(self.tenant))
        return "model"


def wrong_code(*right: str) -> str:
    """A 6-digit code that is none of ``right``."""
    for candidate in ("000000", "111111", "222222", "333333"):
        if candidate not in right:
            return candidate
    raise AssertionError("unreachable")
