"""Microsoft.Graph.Users: Get-MgUser and Get-MgBetaUser."""
from __future__ import annotations

from o365shell.engine.cmdlet import Parameter, cmdlet

from . import graphmethods as GM
from .graph import (_USER_PROPS, BETA_USERS, USER_READ, USERS, VERSION, GraphCmdlet, MgBetaUser, MgUser, _input_id,
                    user_values)
from .graph_odata import _ListParams, _page, odata_filter, odata_search


@cmdlet("Get-MgUser", module=USERS, version=VERSION, default_set="List")
class GetMgUser(_ListParams, GraphCmdlet):
    """Retrieve the properties and relationships of user object.

    Gets one user (-UserId: object ID or UPN) or a list of users (the first 100 unless
    -All or -Top), filtered with -Filter (OData: eq, ne, startswith, endswith, and, or) or
    -Search (with -ConsistencyLevel eventual). Only the default properties are returned
    unless -Property selects others (AccountEnabled, Department, UsageLocation...)."""

    UserId = Parameter(str, mandatory=True, set="Get", help="The object ID or UPN of the user.")
    InputObject = Parameter(object, mandatory=True, from_pipeline=True, set="GetViaIdentity",
                            help="An identity object (with UserId).")
    module = USERS
    scopes = USER_READ
    self_scopes = ("User.Read", "User.ReadWrite")
    model = MgUser
    outputs = "Microsoft.Graph.PowerShell.Models.IMicrosoftGraphUser"
    examples = [("Get-MgUser -All | Format-List Id, DisplayName, Mail, UserPrincipalName", "Every user."),
                ("Get-MgUser -UserId AlexW@contoso.com", "One user by UPN."),
                ("Get-MgUser -Filter \"startsWith(DisplayName, 'a')\" -ConsistencyLevel eventual -CountVariable n",
                 "Users whose display name starts with A, counted in $n."),
                ("Get-MgUser -All -Property DisplayName,UserPrincipalName,AccountEnabled",
                 "Selects properties that are not returned by default.")]

    def process(self) -> None:
        t = self.tenant
        _ = self.actor
        if self.parameter_set_name in ("Get", "GetViaIdentity"):
            self.verb_variant = "Get"
            uid = self.UserId if self.UserId is not None else _input_id(self.InputObject, "UserId")
            u = self.graph_user(uid)
            self.check_scopes(u)
            self.write(self.model(user_values(t, u, self.Property)))
            return
        self.verb_variant = "List"
        self.check_scopes()
        if self.Search and str(self.ConsistencyLevel or "").lower() != "eventual":
            raise self.graph_error(GM.GraphError(400, "Request_BadRequest", "Request with $search query parameter "
                                                 "only works through MSGraph with a special request header: "
                                                 "'ConsistencyLevel: eventual'"))
        try:
            flt = odata_filter(self.Filter) if self.Filter else None
            srch = odata_search(self.Search) if self.Search else None
        except (ValueError, IndexError):
            raise self.graph_error(GM.GraphError(400, "Request_UnsupportedQuery",
                                                 f"Invalid filter clause: {self.Filter or self.Search}")) from None
        rows = []
        for u in t.iter_users():
            full = user_values(t, u, _USER_PROPS)
            if flt is not None and not flt(full):
                continue
            if srch is not None and not srch(full):
                continue
            rows.append((u, full))
        rows = _page(self, rows, lambda r, p: next((v for k, v in r[1].items() if k.lower() == p.lower()), None))
        model = self.model
        self.write_all(model(user_values(t, u, self.Property)) for u, _full in rows)


@cmdlet("Get-MgBetaUser", module=BETA_USERS, version=VERSION, default_set="List")
class GetMgBetaUser(GetMgUser):
    """Retrieve the properties and relationships of user object (beta endpoint)."""

    module = BETA_USERS
    model = MgBetaUser
    examples = [("Get-MgBetaUser -UserId AlexW@contoso.com", "One user from the beta endpoint.")]
