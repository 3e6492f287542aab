"""The shell a lab runs in: the learner's session on the lab's tenant, and how commands,
setup scripts and checks are run in it.

* The learner's session is an ordinary o365shell session (every cmdlet loaded) whose tenant
  is the lab's (built-in seed, size, cloud, or a snapshot) with the lab clock set, and whose
  current directory is a fresh workspace folder (``$LabRoot`` is the lab file's folder).
* A check runs, by default, in a separate *checker* session that shares the tenant and is
  signed in to every module as the tenant's Global Administrator, so a check sees the tenant
  whatever the learner did to their own connections and variables. ``check_as: learner``
  runs it in a child scope of the learner's session instead (for "is the learner signed in"
  or "did you keep the result in $x" steps); the learner's ``$?`` and ``$Error`` are kept.
* A check passes when it prints at least one value and every value is the boolean $true.
"""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

from .labhost import LabHost, Recording
from .model import Lab, Script, Step


@dataclass
class CommandRun:
    """How one command (or script) went: its printed text, its error texts, whether it exited."""

    text: str = ""
    errors: list[str] = field(default_factory=list)
    exited: bool = False
    exit_code: int = 0
    interrupted: bool = False


@dataclass
class CheckResult:
    """A step's verdict and, when it failed, why (one line for a learner or a test report)."""

    passed: bool
    reason: str = ""


def normalize(text: str) -> str:
    """Text with every run of whitespace collapsed to one space (tables align differently)."""
    return " ".join(text.split())


class LabSession:
    """The learner's shell for one run of a lab."""

    def __init__(self, lab: Lab, opts: dict[str, Any], host: LabHost) -> None:
        from ..cli import make_session
        self.lab = lab
        self.host = host
        self.session = make_session({"noninteractive": not host.interactive}, host)
        self.session.interactive = host.interactive
        self._build_tenant(opts)
        self.workdir = tempfile.mkdtemp(prefix="o365lab-")
        self.session.location = self.workdir
        root = os.path.dirname(os.path.abspath(lab.path))
        self.session.global_scope.vars["labroot"] = root
        self._checker: Any = None
        self._checker_tenant: Any = None

    # ------------------------------------------------------------------ tenant
    def _build_tenant(self, opts: dict[str, Any]) -> None:
        from ..cmdlets.tenantsvc import set_tenant
        from ..tenant import seed, store
        start = self.lab.tenant
        if opts.get("tenant"):
            tenant = store.load(opts["tenant"])
        elif start.snapshot:
            tenant = store.load(start.snapshot)
        else:
            size = int(opts.get("tenantsize") or 0) or start.size
            tenant = seed.build_tenant(size, cloud=start.cloud)
        set_tenant(self.session, tenant)
        if self.lab.clock is not None:
            tenant.clock.set(self.lab.clock)

    @property
    def tenant(self) -> Any:
        return self.session.services.get("tenant")

    # ------------------------------------------------------------------ running the learner's commands
    def run(self, text: str, path: str | None = None) -> CommandRun:
        """Run ``text`` as if typed at the prompt (global scope), printing as the host does."""
        from ..cli import _out_default
        from ..engine.runtime import run_text
        with self.host.capture() as rec:
            out = _out_default(self.host)
            interrupted = False
            res = None
            try:
                res = run_text(self.session, text, out.write, path)
            except KeyboardInterrupt:
                interrupted = True
            finally:
                try:
                    out.close()
                except KeyboardInterrupt:
                    interrupted = True
        return _command_run(rec, res, interrupted)

    def run_silent(self, script: Script) -> CommandRun:
        """Run a setup script in the learner's session without showing anything."""
        with self.host.muted():
            return self.run(script.text)

    # ------------------------------------------------------------------ checks
    def _checker_session(self) -> Any:
        """The administrator's session over the learner's current tenant (rebuilt when it changes)."""
        from ..cli import make_session
        tenant = self.tenant
        if self._checker is None:
            self._checker = make_session({"noninteractive": True}, LabHost(terminal=False))
        if self._checker_tenant is not tenant:
            _sign_in_admin(self._checker, tenant)
            self._checker_tenant = tenant
        return self._checker

    def check(self, step: Step, recording: str | None = None, command: str | None = None) -> CheckResult:
        """Does the tenant (and ``recording``, the output of the learner's ``command``) satisfy the step?"""
        if step.check is not None:
            res = self.run_check(step.check, step.check_as, recording, command)
            if not res.passed:
                return res
        if step.expect_output:
            have = normalize(recording or "")
            missing = [e for e in step.expect_output if normalize(e) not in have]
            if missing:
                return CheckResult(False, f"the output did not show: {missing[0]}")
        return CheckResult(True)

    def run_check(self, script: Script, check_as: str = "admin", output: str | None = None,
                  command: str | None = None) -> CheckResult:
        """Run a check script; passed when it outputs one or more values, all of them $true.

        ``$LabOutput`` / ``$LabCommand`` hold what the learner's last command printed and its text."""
        from ..engine.runtime import activate, run_text
        items: list = []
        ctx = self.session if check_as == "learner" else self._checker_session()
        gvars = ctx.global_scope.vars
        saved_vars = {k: gvars.get(k, _UNSET) for k in ("laboutput", "labcommand")}
        gvars["laboutput"] = output or ""
        gvars["labcommand"] = command or ""
        saved_status, saved_errors = ctx.last_status, list(ctx.error_list)
        try:
            with ctx.host.muted() as rec:
                res = run_text(ctx, script.text, items.append, dot_source=False)
        finally:
            for k, v in saved_vars.items():
                if v is _UNSET:
                    gvars.pop(k, None)
                else:
                    gvars[k] = v
            ctx.last_status = saved_status
            ctx.error_list.clear()
            ctx.error_list.extend(saved_errors)
            activate(self.session)
        if items and all(v is True for v in items):
            return CheckResult(True)
        if res.failed or rec.errors:
            first = rec.errors[0].splitlines()[-1].strip() if rec.errors else "the check failed"
            return CheckResult(False, f"the check failed with an error: {first.lstrip('| ').strip()}")
        if not items:
            return CheckResult(False, "the check returned nothing")
        shown = ", ".join(_show(v) for v in items[:3])
        return CheckResult(False, f"the check returned {shown}")

    def close(self, keep_workdir: bool = False) -> None:
        """Remove the workspace folder (unless the learner may want what they made there)."""
        if not keep_workdir:
            import shutil
            shutil.rmtree(self.workdir, ignore_errors=True)


_UNSET = object()


def _show(value: Any) -> str:
    if value is True:
        return "$true"
    if value is False:
        return "$false"
    if value is None:
        return "$null"
    from ..engine.conversion import to_string
    text = to_string(value)
    return repr(text if len(text) < 60 else text[:57] + "...")


def _command_run(rec: Recording, res: Any, interrupted: bool) -> CommandRun:
    return CommandRun(text=rec.text, errors=list(rec.errors), exited=bool(res is not None and res.exited),
                      exit_code=res.exit_code if res is not None else 130, interrupted=interrupted)


def _sign_in_admin(session: Any, tenant: Any) -> None:
    """Point ``session`` at ``tenant`` and sign it in to every module as the Global Administrator."""
    from ..cmdlets import graph as G
    from ..cmdlets.tenantsvc import Connection, connections, set_tenant
    from ..tenant.seed import admin_upn
    set_tenant(session, tenant)
    upn = admin_upn(tenant)
    china = str(tenant.cloud) == "AzureChinaCloud"
    scopes = list(dict.fromkeys(G.USER_READ + G.METHODS_READ + G.METHODS_WRITE + G.REQ_READ + G.REQ_WRITE))
    conns = connections(session)
    conns["msonline"] = Connection(upn, str(tenant.cloud))
    conns["exchange"] = Connection(upn, "O365China" if china else "O365Default",
                                   extra={"ConnectionId": "lab-checker", "Prefix": "", "AuditSessions": {}})
    conns["graph"] = Connection(upn, "China" if china else "Global", scopes,
                                {"ClientId": G.CLI_APP_ID, "ContextScope": "Process",
                                 "TokenCredentialType": "UsernamePassword"})
