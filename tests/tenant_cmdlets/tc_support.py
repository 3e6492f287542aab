"""Helpers for the tenant cmdlet tests: a Shell on a fresh Contoso tenant, connected as needed.

Everything runs as PowerShell text through ``o365shell.embed.Shell``; assertions are on what
a user sees (stdout / stderr) or on the output objects.
"""
from __future__ import annotations

from typing import Any

from o365shell.embed import CaptureHost, Shell

ADMIN = "admin@contoso.onmicrosoft.com"
USER_ADMIN = "LeeG@contoso.com"
AUTH_ADMIN = "DiegoS@contoso.com"
EXCHANGE_ADMIN = "PattiF@contoso.com"
PLAIN_USER = "MeganB@contoso.com"
ROLES = {"GlobalAdmin": ADMIN, "UserAdmin": USER_ADMIN, "AuthAdmin": AUTH_ADMIN, "ExchangeAdmin": EXCHANGE_ADMIN,
         "User": PLAIN_USER}
ACCESS_DENIED = "Access Denied. You do not have permissions to call this cmdlet."
GRAPH_DENIED = "Insufficient privileges to complete the operation."
CLOCK = "2024-03-01 09:00:00"


def cred(upn: str, password: str | None = None) -> str:
    """PowerShell text giving a PSCredential (no prompt): the lab's for a seeded user, else built."""
    if password is None:
        return f"(Get-LabCredential {upn})"
    return ("(& { $s = New-Object System.Security.SecureString; foreach ($ch in '" + password + "'.ToCharArray()) "
            "{ $s.AppendChar($ch) }; New-Object System.Management.Automation.PSCredential('" + upn + "', $s) })")


class PromptHost(CaptureHost):
    """A capture host that can answer credential prompts and Read-Host style lines."""

    def __init__(self, credentials: list[tuple[str, str]] | None = None, lines: list[Any] | None = None,
                 confirms: list[str] | None = None) -> None:
        super().__init__(None, list(lines or []))
        self.credentials = list(credentials or [])
        self.confirms = list(confirms or [])
        self.prompts: list[tuple[str, str, Any]] = []

    def prompt_credential(self, caption: str, message: str, user: str | None) -> Any:
        from o365shell.engine.valuetypes import PSCredential, SecureString
        self.prompts.append((caption, message, user))
        if not self.credentials:
            raise EOFError("no more credentials")
        upn, password = self.credentials.pop(0)
        return PSCredential(upn or user or "", SecureString(password))

    def read_line(self, prompt: str | None = None, secure: bool = False) -> Any:
        if self.answers and callable(self.answers[0]):
            self.answers[0] = self.answers[0]()
        return super().read_line(prompt, secure)

    def confirm(self, caption: str, message: str) -> bool:
        self.prompts.append((caption, message, None))
        if not self.confirms:
            return False
        return self.confirms.pop(0).strip().lower() in ("y", "yes", "a")


class T:
    """A shell on a fresh tenant (lab clock fixed) with connect helpers."""

    def __init__(self, size: int = 0, host: CaptureHost | None = None, **kw: Any) -> None:
        self.sh = Shell(tenant_size=size, **kw)
        if host is not None:
            self.sh.host = host
            self.sh.session.host = host
        self.ok(f"$null = Set-LabClock -DateTime '{CLOCK}'")

    @property
    def tenant(self) -> Any:
        from o365shell.cmdlets.tenantsvc import get_tenant
        return get_tenant(self.sh.session)

    def user(self, upn: str) -> Any:
        return self.tenant.get_user(upn)

    def run(self, text: str) -> Any:
        return self.sh.run(text)

    def ok(self, text: str) -> str:
        r = self.sh.run(text)
        assert r.stderr == "", f"unexpected error output from {text!r}:\n{r.stderr}"
        return r.stdout

    def err(self, text: str) -> str:
        r = self.sh.run(text)
        assert r.stderr != "", f"expected an error from {text!r}; stdout:\n{r.stdout}"
        return r.stderr

    def objs(self, text: str) -> list:
        return self.sh.invoke(text)

    def msol(self, upn: str = ADMIN) -> "T":
        self.ok(f"Connect-MsolService -Credential {cred(upn)}")
        return self

    def exo(self, upn: str = ADMIN) -> "T":
        self.ok(f"Connect-ExchangeOnline -Credential {cred(upn)} -ShowBanner:$false")
        return self

    def mg(self, upn: str = ADMIN, scopes: str = "'User.Read.All','UserAuthenticationMethod.ReadWrite.All',"
                                               "'Policy.ReadWrite.AuthenticationMethod'") -> "T":
        self.ok(f"Connect-MgGraph -Scopes {scopes} -NoWelcome -Credential {cred(upn)}")
        return self

    def audit_ops(self, actor: str | None = None) -> list[str]:
        return [r.Operations for r in self.tenant.audit if actor is None or r.UserIds.lower() == actor.lower()]
