"""Invoke-MgGraphRequest: REST calls to the simulated Graph endpoints (users, authentication methods,
phone methods and the beta per-user MFA requirements)."""
from __future__ import annotations

import json
import re
from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory
from o365shell.engine.pscollections import OrderedDictionary

from . import graphmethods as GM
from .graph import (_USER_DEFAULT, _USER_PROPS, AUTH, METHODS_READ, METHODS_WRITE, REQ_READ, REQ_WRITE,
                    SELF_METHODS_READ, SELF_METHODS_WRITE, USER_READ, VERSION, GraphCmdlet, user_values)
from .graph_odata import odata_filter
from .graph_requirements import _requirement_state
from .tenantsvc import NOT_CONNECTED, GraphException, connection


# ----------------------------------------------------------------------------- Invoke-MgGraphRequest

_ROUTE = re.compile(r"^/?(?P<ver>v1\.0|beta)/(?P<path>[^?]*)(?:\?(?P<query>.*))?$", re.IGNORECASE)


def _to_ps(value: Any) -> Any:
    if isinstance(value, dict):
        h = OrderedDictionary()
        for k, v in value.items():
            h[k] = _to_ps(v)
        return h
    if isinstance(value, list):
        return [_to_ps(v) for v in value]
    return value


def _user_json(t: Any, u: Any, select: list[str] | None, version: str) -> dict:
    vals = user_values(t, u, select)
    out: dict[str, Any] = {"@odata.context": f"https://graph.microsoft.com/{version}/$metadata#users/$entity"}
    for k, v in vals.items():
        if k == "AdditionalProperties":
            continue
        if select is None and k.lower() not in _USER_DEFAULT:
            continue
        if select is not None and k.lower() not in {s.lower() for s in select} | {"id"}:
            continue
        if hasattr(v, "to_utc_datetime"):
            v = v.to_utc_datetime().strftime("%Y-%m-%dT%H:%M:%SZ")
        out[k[0].lower() + k[1:]] = v
    return out


@cmdlet("Invoke-MgGraphRequest", module=AUTH, version=VERSION, aliases=("Invoke-GraphRequest", "Invoke-MgRestMethod"))
class InvokeMgGraphRequest(GraphCmdlet):
    """Issues REST API requests to the Graph API.

    Simulated endpoints (v1.0 and beta): /me, /users, /users/{id}, /users/{id}/authentication/methods,
    /users/{id}/authentication/phoneMethods[/{id}], the beta per-user MFA state
    /users/{id}/authentication/requirements (GET; PATCH with {"perUserMfaState": "enabled"}) and the beta
    sign-in preferences /users/{id}/authentication/signInPreferences (GET; PATCH of
    userPreferredMethodForSecondaryAuthentication - the default MFA method: push, oath, sms, voiceMobile,
    voiceAlternateMobile, voiceOffice - and isSystemPreferredAuthenticationMethodEnabled); /me/... works too.
    The response is a hashtable unless -OutputType PSObject or Json."""

    Method = Parameter(str, position=0, validate_set=("GET", "POST", "PUT", "PATCH", "DELETE"),
                       help="The HTTP method (GET by default).")
    Uri = Parameter(str, mandatory=True, position=1, help="The URI: /v1.0/me or https://graph.microsoft.com/beta/...")
    Body = Parameter(object, position=2, from_pipeline=True, help="The request body (hashtable or JSON).")
    OutputFilePath = Parameter(str, help="Save the response to this file.")
    InferOutputFileName = Parameter(Switch, help="Infer the output file name.")
    InputFilePath = Parameter(str, help="Send this file as the body.")
    PassThru = Parameter(Switch, help="Return the response as well as saving it.")
    SkipHeaderValidation = Parameter(Switch, help="Add headers without validation.")
    ContentType = Parameter(str, help="The body's content type.")
    SessionVariable = Parameter(str, aliases=("SV",), help="A web request session variable.")
    StatusCodeVariable = Parameter(str, help="A variable that receives the HTTP status code.")
    SkipHttpErrorCheck = Parameter(Switch, help="Do not raise HTTP errors.")
    GraphRequestSession = Parameter(object, help="A custom request session.")
    UserAgent = Parameter(str, help="A custom user agent.")
    OutputType = Parameter(str, validate_set=("HashTable", "PSObject", "HttpResponseMessage", "Json"),
                           help="HashTable (default), PSObject, HttpResponseMessage or Json.")
    module = AUTH
    scopes = ()
    examples = [("Invoke-MgGraphRequest -Method GET https://graph.microsoft.com/v1.0/me", "The signed-in user."),
                ("Invoke-MgGraphRequest -Method GET -Uri "
                 "'https://graph.microsoft.com/beta/users/AlexW@contoso.com/authentication/requirements'",
                 "Alex's per-user MFA state."),
                ("Invoke-MgGraphRequest -Method PATCH -Uri "
                 "'https://graph.microsoft.com/beta/users/MeganB@contoso.com/authentication/requirements' "
                 "-Body @{perUserMfaState='enabled'}", "Enables per-user MFA for Megan.")]

    def begin(self) -> None:
        _ = self.actor

    def not_connected(self) -> Exception:
        """Invoke-MgGraphRequest validates its parameters in BeginProcessing: not being connected is a
        terminating ValidationMetadataException there (unlike the generated cmdlets' written error)."""
        from o365shell.engine.errors import ValidationMetadataException
        return self.error(NOT_CONNECTED["graph"], "InvokeGraphRequestAuthenticationTokenConflictException,"
                          "Microsoft.Graph.PowerShell.Authentication.Cmdlets.InvokeMgGraphRequest",
                          ErrorCategory.InvalidArgument, None, ValidationMetadataException)

    def process(self) -> None:
        method = (self.Method or "GET").upper()
        uri = str(self.Uri)
        rel = re.sub(r"^https://graph\.microsoft\.com", "", uri, flags=re.IGNORECASE)
        _ = self.actor
        status, result = self._dispatch(method, rel, uri)
        if self.StatusCodeVariable:
            self.ctx.assign(self.StatusCodeVariable.lstrip("$"), status)
        if result is None:
            return
        kind = (self.OutputType or "HashTable").lower()
        if kind == "json":
            self.write(json.dumps(result))
        elif kind == "psobject":
            from o365shell.engine.objects import PSCustomObject
            self.write(PSCustomObject(result))
        else:
            self.write(_to_ps(result))

    def _fail(self, method: str, uri: str, e: GM.GraphError) -> Any:
        reason = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed"}.get(e.status,
                                                                                                           "Error")
        body = json.dumps({"error": {"code": e.code, "message": e.message}})
        err = self.error(f"{method} {uri}\nHTTP/1.1 {e.status} {reason}\n\n{body}", e.code,
                         ErrorCategory.InvalidOperation, uri, GraphException)
        return err

    def _dispatch(self, method: str, rel: str, uri: str) -> tuple[int, Any]:
        m = _ROUTE.match(rel.lstrip("/"))
        try:
            if m is None:
                raise GM.GraphError(400, "BadRequest", f"Invalid version: {rel.lstrip('/').split('/')[0]}")
            version, path, query = m["ver"].lower(), m["path"].strip("/"), m["query"] or ""
            return self._route(method, version, path.split("/"), _query(query))
        except GM.GraphError as e:
            if self.SkipHttpErrorCheck:
                return e.status, {"error": {"code": e.code, "message": e.message}}
            raise self._fail(method, uri, e) from None

    def _need(self, scopes: tuple[str, ...], target: Any = None, self_scopes: tuple[str, ...] = ()) -> None:
        conn = connection(self.ctx, "graph")
        granted = {s.lower() for s in conn.scopes} if conn is not None else set()
        wanted = list(scopes) + (list(self_scopes) if target is not None and
                                 target.user_principal_name.lower() == self.actor.lower() else [])
        if not granted & {w.lower() for w in wanted}:
            raise GM.forbidden()

    def _user(self, ident: str) -> Any:
        t = self.tenant
        u = t.find_user(ident)
        if u is None:
            try:
                u = t.user_by_object_id(ident)
            except Exception:
                raise GM.not_found(ident) from None
        return u

    def _route(self, method: str, version: str, parts: list[str], q: dict[str, str]) -> tuple[int, Any]:
        from o365shell.tenant import mfa
        from o365shell.tenant.errors import AccessDenied, TenantError
        t, actor = self.tenant, self.actor
        low = [p.lower() for p in parts]
        if low[:1] == ["me"] and len(parts) > 1:  # /me/authentication/... is /users/{signed-in user}/...
            parts, low = ["users", actor] + parts[1:], ["users", actor.lower()] + low[1:]
        select = [s.strip() for s in q["$select"].split(",")] if "$select" in q else None
        if low == ["me"] or low[:1] == ["users"] and len(parts) == 2:
            user = t.get_user(actor) if low == ["me"] else self._user(parts[1])
            self._need(USER_READ, user, ("User.Read",))
            self._only(method, "GET")
            return 200, _user_json(t, user, select, version)
        if low == ["users"]:
            self._need(USER_READ)
            self._only(method, "GET")
            flt = odata_filter(q["$filter"]) if "$filter" in q else None
            rows = []
            for u in t.iter_users():
                if flt is not None and not flt(user_values(t, u, _USER_PROPS)):
                    continue
                rows.append(_user_json(t, u, select, version))
                if len(rows) >= int(q.get("$top", 100)):
                    break
            for r in rows:
                r.pop("@odata.context", None)
            return 200, {"@odata.context": f"https://graph.microsoft.com/{version}/$metadata#users", "value": rows}
        if len(low) >= 4 and low[0] == "users" and low[2] == "authentication":
            user = self._user(parts[1])
            what = low[3]
            try:
                if what == "requirements" and version == "beta":
                    if method == "GET":
                        self._need(REQ_READ, user, SELF_METHODS_READ)
                        GM.authorize_methods(t, actor, user, False)
                        return 200, {"@odata.context": "https://graph.microsoft.com/beta/$metadata#users('"
                                     f"{user.object_id}')/authentication/requirements/$entity",
                                     "perUserMfaState": _requirement_state(user)}
                    self._only(method, "PATCH")
                    self._need(REQ_WRITE)
                    state = self.body_of(self.Body).get("perusermfastate")
                    if str(state or "").lower() not in ("disabled", "enabled", "enforced"):
                        raise GM.GraphError(400, "badRequest", f"Invalid value '{state}' for perUserMfaState.")
                    mfa.set_mfa_state(t, actor, user.object_id, str(state), graph=True)
                    return 204, None
                if what == "signinpreferences" and version == "beta" and len(parts) == 4:
                    return self._sign_in_preferences(method, user)
                if what == "methods":
                    self._only(method, "GET")
                    self._need(METHODS_READ, user, SELF_METHODS_READ)
                    GM.authorize_methods(t, actor, user, False)
                    values = [dict({"@odata.type": k}, **{x[0].lower() + x[1:]: v for x, v in p.items()})
                              for k, p in GM.all_methods(user)]
                    return 200, {"@odata.context": f"https://graph.microsoft.com/{version}/$metadata#users('"
                                 f"{user.object_id}')/authentication/methods", "value": values}
                if what == "phonemethods":
                    from o365shell.tenant.graphviews import graph_phone_methods
                    if method == "GET":
                        self._need(METHODS_READ, user, SELF_METHODS_READ)
                        GM.authorize_methods(t, actor, user, False)
                        phones = [{x[0].lower() + x[1:]: v for x, v in p.items()} for p in graph_phone_methods(user)]
                        if len(parts) == 5:
                            hit = [p for p in phones if p["id"] == low[4]]
                            if not hit:
                                raise GM.not_found(parts[4])
                            return 200, hit[0]
                        return 200, {"value": phones}
                    self._need(METHODS_WRITE, user, SELF_METHODS_WRITE)
                    body = self.body_of(self.Body)
                    if method == "POST":
                        made = GM.add_phone(t, actor, user, body.get("phonenumber"), body.get("phonetype"))
                        return 201, {x[0].lower() + x[1:]: v for x, v in made.items()}
                    if method == "DELETE" and len(parts) == 5:
                        GM.remove_phone(t, actor, user, parts[4])
                        return 204, None
                    if method == "PATCH" and len(parts) == 5:
                        GM.update_phone(t, actor, user, parts[4], body.get("phonenumber"), body.get("phonetype"))
                        return 204, None
                    raise GM.GraphError(405, "Request_BadRequest", "The HTTP method is not allowed for this resource.")
            except AccessDenied:
                raise GM.forbidden() from None
            except TenantError as e:
                raise GM.GraphError(400, "badRequest", str(e)) from None
        raise GM.GraphError(400, "BadRequest", f"Resource not found for the segment '{parts[-1] if parts else ''}'.")

    def _sign_in_preferences(self, method: str, user: Any) -> tuple[int, Any]:
        """beta signInPreferences: GET (200, the resource) and PATCH (204) of the user's default MFA method
        and system-preferred MFA; UserAuthenticationMethod.Read*/ReadWrite* scopes, like the methods."""
        t, actor = self.tenant, self.actor
        if method == "GET":
            self._need(METHODS_READ, user, SELF_METHODS_READ)
            GM.authorize_methods(t, actor, user, False)
            return 200, dict({"@odata.context": "https://graph.microsoft.com/beta/$metadata#users('"
                              f"{user.object_id}')/authentication/signInPreferences"}, **GM.sign_in_preferences(user))
        self._only(method, "PATCH")
        self._need(METHODS_WRITE, user, SELF_METHODS_WRITE)
        GM.set_sign_in_preferences(t, actor, user, self.body_of(self.Body))
        return 204, None

    @staticmethod
    def _only(method: str, allowed: str) -> None:
        if method != allowed:
            raise GM.GraphError(405, "Request_BadRequest", "The HTTP method is not allowed for this resource.")


def _query(text: str) -> dict[str, str]:
    from urllib.parse import parse_qsl
    return {k.lower(): v for k, v in parse_qsl(text, keep_blank_values=True)}
