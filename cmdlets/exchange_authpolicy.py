"""Exchange Online authentication policies (Basic authentication per protocol): Get-, New-, Set- and
Remove-AuthenticationPolicy."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet

from .exchange import MODULE, VERSION, AuthPolicyObject, ExoCmdlet, _show


# ----------------------------------------------------------------------------- authentication policies

_BLOCK_ONPREM = tuple(f"Block{k}{p}" for k in ("LegacyAuth", "ModernAuth") for p in (
    "ActiveSync", "Autodiscover", "Imap", "Mapi", "OfflineAddressBook", "Pop", "Rpc", "WebServices"))
LEGACY_TOKENS_OFF = "Legacy Exchange Online tokens are disabled"


def _policy_object(p: Any) -> Any:
    return AuthPolicyObject({k: _show(v) for k, v in p.as_dict().items()})


def _add_switches(cls: type, extra: tuple[str, ...] = ()) -> type:
    from o365shell.tenant.org import AUTH_POLICY_SWITCHES
    for n in AUTH_POLICY_SWITCHES:
        proto = n[len("AllowBasicAuth"):]
        p = Parameter(Switch, help=f"Allow Basic authentication with {proto} (blocked unless given; "
                                   f"-{n}:$false blocks it).")
        setattr(cls, n, p)
        p.__set_name__(cls, n)
    for n in _BLOCK_ONPREM + extra:
        p = Parameter(Switch, help="Exchange Server 2019 / SE only.")
        setattr(cls, n, p)
        p.__set_name__(cls, n)
    return cls


@cmdlet("Get-AuthenticationPolicy", module=MODULE, version=VERSION)
class GetAuthenticationPolicy(ExoCmdlet):
    """Views authentication policies in your organization."""

    Identity = Parameter(str, position=0, help="The policy: name or GUID.")
    AllowLegacyExchangeTokens = Parameter(Switch, help="Report whether legacy Exchange tokens are allowed.")
    TenantId = Parameter(str, help="Reserved.")
    rbac_action = "READ_EXCHANGE_CONFIG"
    outputs = "Microsoft.Exchange.Data.Directory.SystemConfiguration.AuthPolicy"
    examples = [("Get-AuthenticationPolicy | Format-Table -Auto Name", "Lists the policies."),
                ("Get-AuthenticationPolicy -Identity 'Engineering Group'", "Shows one policy.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        if self.AllowLegacyExchangeTokens:
            self.warn(LEGACY_TOKENS_OFF)
            return
        for p in self.xcall(exchange.get_authentication_policies, self.tenant, self.actor, self.Identity,
                            target=self.Identity):
            self.write(_policy_object(p))


@cmdlet("New-AuthenticationPolicy", module=MODULE, version=VERSION, should_process=True)
class NewAuthenticationPolicy(ExoCmdlet):
    """Creates authentication policies in your organization.

    A new policy blocks Basic authentication for every protocol except those named with an
    -AllowBasicAuth* switch. Assign it org-wide with Set-OrganizationConfig
    -DefaultAuthenticationPolicy."""

    Name = Parameter(str, mandatory=True, position=0, help="The unique name of the policy (at most 64 characters).")
    rbac_action = "MANAGE_AUTH_POLICY"
    examples = [("New-AuthenticationPolicy -Name 'Engineering Group' -AllowBasicAuthImap",
                 "A policy that allows Basic authentication only for IMAP.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        from o365shell.tenant.org import AUTH_POLICY_SWITCHES
        self.on_premises_only(*_BLOCK_ONPREM)
        switches = {n: bool(self.bound[n]) for n in AUTH_POLICY_SWITCHES if n in self.bound}
        t, actor = self.tenant, self.actor
        self.xcall(exchange.new_authentication_policy, t, actor, self.Name, switches, dry_run=True, target=self.Name)
        if self.should_process(self.Name):
            self.write(_policy_object(self.xcall(exchange.new_authentication_policy, t, actor, self.Name, switches,
                                                 target=self.Name)))


_add_switches(NewAuthenticationPolicy)


@cmdlet("Set-AuthenticationPolicy", module=MODULE, version=VERSION, should_process=True)
class SetAuthenticationPolicy(ExoCmdlet):
    """Modifies authentication policies in your organization.

    -AllowBasicAuth<Protocol> allows Basic authentication for a protocol;
    -AllowBasicAuth<Protocol>:$false blocks it again."""

    Identity = Parameter(str, mandatory=True, position=0, help="The policy: name or GUID.")
    AllowLegacyExchangeTokens = Parameter(Switch, help="Allow legacy Exchange tokens (turned off for everyone).")
    BlockLegacyExchangeTokens = Parameter(Switch, help="Block legacy Exchange tokens.")
    TenantId = Parameter(str, help="Reserved.")
    rbac_action = "MANAGE_AUTH_POLICY"
    examples = [("Set-AuthenticationPolicy -Identity 'Engineering Group' -AllowBasicAuthReportingWebServices",
                 "Allows Basic authentication for Reporting Web Services."),
                ("Set-AuthenticationPolicy -Identity 'Engineering Group' -AllowBasicAuthImap:$false",
                 "Blocks Basic authentication for IMAP again.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        from o365shell.tenant.errors import ValidationError
        from o365shell.tenant.org import AUTH_POLICY_SWITCHES
        self.on_premises_only(*_BLOCK_ONPREM, "BlockLegacyAuthReportingWebServices")
        if self.AllowLegacyExchangeTokens:
            raise self.exo_error(ValidationError("Legacy Exchange Online tokens are turned off for all organizations; "
                                                 "exemptions are no longer allowed.", "AllowLegacyExchangeTokens"))
        switches = {n: bool(self.bound[n]) for n in AUTH_POLICY_SWITCHES if n in self.bound}
        t, actor, ident = self.tenant, self.actor, self.Identity
        if ident.strip().lower() == "legacyexchangetokens" and self.BlockLegacyExchangeTokens:
            return
        self.xcall(exchange.set_authentication_policy, t, actor, ident, switches, dry_run=True, target=ident)
        if self.should_process(ident):
            self.xcall(exchange.set_authentication_policy, t, actor, ident, switches, target=ident)


_add_switches(SetAuthenticationPolicy, ("BlockLegacyAuthReportingWebServices",))


@cmdlet("Remove-AuthenticationPolicy", module=MODULE, version=VERSION, should_process=True)
class RemoveAuthenticationPolicy(ExoCmdlet):
    """Removes authentication policies from your organization.

    Asks for confirmation (use -Confirm:$false to skip); a policy that is the
    organization's DefaultAuthenticationPolicy cannot be removed."""

    Identity = Parameter(str, mandatory=True, position=0, help="The policy: name or GUID.")
    AllowLegacyExchangeTokens = Parameter(Switch, help="Reserved (legacy tokens are turned off).")
    TenantId = Parameter(str, help="Reserved.")
    rbac_action = "MANAGE_AUTH_POLICY"
    examples = [("Remove-AuthenticationPolicy -Identity 'Engineering Group' -Confirm:$false", "Removes a policy.")]

    def end(self) -> None:
        from o365shell.tenant import exchange
        t, actor, ident = self.tenant, self.actor, self.Identity
        self.xcall(exchange.remove_authentication_policy, t, actor, ident, dry_run=True, target=ident)
        if self.confirm_high_impact(ident, "Remove-AuthenticationPolicy"):
            self.xcall(exchange.remove_authentication_policy, t, actor, ident, target=ident)
