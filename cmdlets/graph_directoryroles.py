"""Microsoft.Graph.Identity.DirectoryManagement: Get-MgDirectoryRole and Get-MgDirectoryRoleMember.

MFA reports find the administrators through the activated directory roles (``/directoryRoles``)
and their members. A directory role is the tenant's instance of a role template: its ``Id`` is
its own object id and ``RoleTemplateId`` the template's (the id Get-MsolRole shows). Graph
activates a role the first time it is used; here the activated roles are Global Administrator
and every role that has, or had, a member. Either id addresses a role, as Graph accepts both.
Members come back as directory objects whose ``AdditionalProperties`` carry
``@odata.type`` (``#microsoft.graph.user``) and the user's properties.
"""
from __future__ import annotations

import uuid
from typing import Any

from o365shell.engine.cmdlet import Parameter, cmdlet
from o365shell.tenant.roles import GLOBAL_ADMINISTRATOR

from . import graphmethods as GM
from .graph import VERSION, GraphCmdlet, _additional, _input_id, _model, user_values
from .graph_odata import _ListParams, _page, odata_filter

DIRECTORY_MANAGEMENT = "Microsoft.Graph.Identity.DirectoryManagement"
#: Delegated permissions that read directory roles and their members (least privileged first).
ROLE_READ = ("RoleManagement.Read.Directory", "Directory.Read.All", "RoleManagement.ReadWrite.Directory",
             "Directory.ReadWrite.All")
_ROLE_NS = uuid.UUID("7f0d9a52-5c0e-4a8e-9f41-2b6f3c1d8e07")

MgDirectoryRole = _model("MicrosoftGraphDirectoryRole", ("Id", "DeletedDateTime", "Description", "DisplayName",
                                                         "Members", "RoleTemplateId", "ScopedMembers",
                                                         "AdditionalProperties"))
MgDirectoryObject = _model("MicrosoftGraphDirectoryObject", ("Id", "DeletedDateTime", "AdditionalProperties"))


def _register_views() -> None:
    from o365shell.format.views import register_table_view
    register_table_view(MgDirectoryRole.__ps_typename__, [("Id", "Id"), ("DeletedDateTime", "DeletedDateTime"),
                                                          ("Description", "Description"),
                                                          ("DisplayName", "DisplayName"),
                                                          ("RoleTemplateId", "RoleTemplateId")])
    register_table_view(MgDirectoryObject.__ps_typename__, [("Id", "Id"), ("DeletedDateTime", "DeletedDateTime")])


_register_views()


def directory_role_id(tenant: Any, template_id: str) -> str:
    """The object id of the tenant's instance of a role template (stable for a tenant)."""
    return str(uuid.uuid5(_ROLE_NS, f"{tenant.tenant_id}:{template_id}"))


def activated_roles(tenant: Any) -> list[Any]:
    """The roles activated in the tenant, in catalogue order."""
    return [r for r in tenant.roles if r is GLOBAL_ADMINISTRATOR or tenant.role_member_ids(r)]


def _role_values(tenant: Any, role: Any) -> dict[str, Any]:
    return {"Id": directory_role_id(tenant, role.object_id), "DeletedDateTime": None,
            "Description": role.description, "DisplayName": role.display_name, "Members": None,
            "RoleTemplateId": role.object_id, "ScopedMembers": None,
            "AdditionalProperties": _additional({})}


class _RoleCmdlet(GraphCmdlet):
    module = DIRECTORY_MANAGEMENT
    scopes = ROLE_READ

    def find_directory_role(self, key: Any) -> Any:
        """The activated role an id names (its object id or its template id); 404 like Graph otherwise."""
        text = str(key or "").strip()
        if not text:
            raise self.graph_error(GM.GraphError(400, "badRequest",
                                                 "Invalid request: the DirectoryRoleId can't be empty."))
        t = self.tenant
        for role in activated_roles(t):
            if text.lower() in (role.object_id.lower(), directory_role_id(t, role.object_id).lower()):
                return role
        raise self.graph_error(GM.GraphError(404, "Request_ResourceNotFound",
                                             f"Resource '{text}' does not exist or one of its queried reference-"
                                             "property objects are not present."))


@cmdlet("Get-MgDirectoryRole", module=DIRECTORY_MANAGEMENT, version=VERSION, default_set="List")
class GetMgDirectoryRole(_ListParams, _RoleCmdlet):
    """Retrieve the properties of a directoryRole object.

    Lists the directory roles activated in the tenant, or gets one (-DirectoryRoleId: the role's
    object id or its template id). Needs RoleManagement.Read.Directory or Directory.Read.All."""

    DirectoryRoleId = Parameter(str, mandatory=True, set="Get", help="The object id or template id of the role.")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, set="GetViaIdentity",
                            help="An identity object (with DirectoryRoleId).")
    outputs = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphDirectoryRole"
    examples = [("Get-MgDirectoryRole | Select-Object DisplayName, Id",
                 "The activated directory roles and their ids."),
                ("Get-MgDirectoryRole -Filter \"displayName eq 'Global Administrator'\"",
                 "The Global Administrator role.")]

    def process(self) -> None:
        t = self.tenant
        _ = self.actor
        self.check_scopes()
        if self.parameter_set_name in ("Get", "GetViaIdentity"):
            self.verb_variant = "Get"
            key = self.DirectoryRoleId if self.DirectoryRoleId is not None else _input_id(self.InputObject,
                                                                                            "DirectoryRoleId")
            self.write(MgDirectoryRole(_role_values(t, self.find_directory_role(key))))
            return
        self.verb_variant = "List"
        try:
            flt = odata_filter(self.Filter) if self.Filter else None
        except (ValueError, IndexError):
            raise self.graph_error(GM.GraphError(400, "Request_UnsupportedQuery",
                                                 f"Invalid filter clause: {self.Filter}")) from None
        rows = [v for v in (_role_values(t, r) for r in activated_roles(t)) if flt is None or flt(v)]
        rows = _page(self, rows, lambda r, p: next((v for k, v in r.items() if k.lower() == p.lower()), None))
        self.write_all(MgDirectoryRole(v) for v in rows)


@cmdlet("Get-MgDirectoryRoleMember", module=DIRECTORY_MANAGEMENT, version=VERSION, default_set="List")
class GetMgDirectoryRoleMember(_ListParams, _RoleCmdlet):
    """Users that are members of this directory role.

    Each member is a directory object: Id, and AdditionalProperties with '@odata.type'
    (#microsoft.graph.user), displayName, userPrincipalName, mail and the other user properties."""

    DirectoryRoleId = Parameter(str, mandatory=True, set="List", help="The object id or template id of the role.")
    outputs = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphDirectoryObject"
    examples = [("Get-MgDirectoryRoleMember -DirectoryRoleId (Get-MgDirectoryRole -Filter \"displayName eq "
                 "'Global Administrator'\").Id", "The Global Administrators."),
                ("Get-MgDirectoryRoleMember -DirectoryRoleId 62e90394-69f5-4237-9190-012177145e10 | "
                 "ForEach-Object { $_.AdditionalProperties['userPrincipalName'] }",
                 "The Global Administrators' UPNs, addressing the role by its template id.")]

    def process(self) -> None:
        t = self.tenant
        _ = self.actor
        self.check_scopes()
        self.verb_variant = "List"
        role = self.find_directory_role(self.DirectoryRoleId)
        rows = [(u, member_properties(t, u)) for u in t.role_members(role)]
        rows = _page(self, rows, lambda r, p: r[1].get(p[:1].lower() + p[1:]))
        self.write_all(MgDirectoryObject({"Id": u.object_id, "DeletedDateTime": None,
                                          "AdditionalProperties": _additional(extra)}) for u, extra in rows)


def member_properties(tenant: Any, user: Any) -> dict[str, Any]:
    """A member user's properties as Graph returns them in a directory object (camelCase, with @odata.type)."""
    values = user_values(tenant, user)
    extra: dict[str, Any] = {"@odata.type": "#microsoft.graph.user"}
    for key, value in values.items():
        if key in ("Id", "AdditionalProperties") or value is None:
            continue
        extra[key[:1].lower() + key[1:]] = value
    return extra
