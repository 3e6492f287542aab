"""Per-user MFA through the Graph beta endpoint: Get-MgBetaUserAuthenticationRequirement and
Update-MgBetaUserAuthenticationRequirement."""
from __future__ import annotations

from typing import Any

from o365shell.engine.cmdlet import Parameter, cmdlet

from . import graphmethods as GM
from .graph import (BETA_SIGNINS, REQ_READ, REQ_WRITE, SELF_METHODS_READ, VERSION, GraphCmdlet, Requirement,
                    _additional, _input_id)


# ----------------------------------------------------------------------------- per-user MFA (beta)

def _requirement_state(user: Any) -> str:
    from o365shell.tenant.graphviews import graph_requirement
    return graph_requirement(user)["PerUserMfaState"]


@cmdlet("Get-MgBetaUserAuthenticationRequirement", module=BETA_SIGNINS, version=VERSION, default_set="Get")
class GetMgBetaUserAuthenticationRequirement(GraphCmdlet):
    """Read the properties of a user's authentication states.

    Returns PerUserMfaState: disabled, enabled or enforced (the legacy per-user MFA)."""

    UserId = Parameter(str, mandatory=True, set="Get", help="The object ID or UPN of the user.")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, set="GetViaIdentity",
                            help="An identity object (UserId).")
    ExpandProperty = Parameter(list[str], aliases=("Expand",), help="Expand related entities.")
    Property = Parameter(list[str], aliases=("Select",), help="The properties to return.")
    module = BETA_SIGNINS
    scopes = REQ_READ
    self_scopes = SELF_METHODS_READ
    examples = [("Get-MgBetaUserAuthenticationRequirement -UserId AlexW@contoso.com", "Alex's per-user MFA state.")]

    def process(self) -> None:
        t, actor = self.tenant, self.actor
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        user = self.graph_user(uid)
        self.check_scopes(user)
        self.gcall(GM.authorize_methods, t, actor, user, False)
        self.write(Requirement({"PerUserMfaState": _requirement_state(user), "AdditionalProperties": _additional({})}))


@cmdlet("Update-MgBetaUserAuthenticationRequirement", module=BETA_SIGNINS, version=VERSION,
        default_set="UpdateExpanded", should_process=True)
class UpdateMgBetaUserAuthenticationRequirement(GraphCmdlet):
    """Update the properties of a user's authentication method states.

    Sets the per-user MFA state: -PerUserMfaState disabled, enabled or enforced (or
    -BodyParameter @{perUserMfaState = 'enabled'}). Asking for enabled on a user who has
    already registered a method gives enforced, as the service does. Only a Global
    Administrator can change per-user MFA."""

    UserId = Parameter(str, help="The object ID or UPN of the user.")
    InputObject = Parameter(object, from_pipeline=True, set=("UpdateViaIdentityExpanded", "UpdateViaIdentity"),
                            help="An identity object (UserId).")
    BodyParameter = Parameter(object, mandatory=True, set=("Update", "UpdateViaIdentity"),
                              help="A hashtable with perUserMfaState.")
    AdditionalProperties = Parameter(object, set=("UpdateExpanded", "UpdateViaIdentityExpanded"),
                                     help="Additional properties (perUserMfaState).")
    PerUserMfaState = Parameter(str, set=("UpdateExpanded", "UpdateViaIdentityExpanded"),
                                help="disabled, enabled or enforced.")
    module = BETA_SIGNINS
    scopes = REQ_WRITE
    verb_variant = "UpdateExpanded"
    examples = [("Update-MgBetaUserAuthenticationRequirement -UserId MeganB@contoso.com -PerUserMfaState enabled",
                 "Enables per-user MFA for Megan."),
                ("Update-MgBetaUserAuthenticationRequirement -UserId MeganB@contoso.com -BodyParameter "
                 "@{perUserMfaState = 'disabled'}", "Disables it.")]

    def process(self) -> None:
        from o365shell.tenant import mfa
        t, actor = self.tenant, self.actor
        body = self.merged_body("Update")
        uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
        user = self.graph_user(uid)
        self.check_scopes(user)
        state = self.PerUserMfaState if self.PerUserMfaState is not None else body.get("perusermfastate")
        if state is None:
            return
        if str(state).strip().lower() not in ("disabled", "enabled", "enforced"):
            raise self.graph_error(GM.GraphError(400, "badRequest", f"Invalid value '{state}' for perUserMfaState; "
                                                 "valid values are disabled, enabled and enforced."))
        self.gcall(mfa.set_mfa_state, t, actor, user.object_id, str(state), graph=True, dry_run=True)
        if self.should_process(user.user_principal_name):
            self.gcall(mfa.set_mfa_state, t, actor, user.object_id, str(state), graph=True)
