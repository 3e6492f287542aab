"""Invoke-WebRequest and Invoke-RestMethod (Microsoft.PowerShell.Utility).

o365shell simulates a tenant, not the internet: there is no network, so a request cannot be
sent. The cmdlets exist with pwsh's parameters so a script binds as it would, and a request
fails as pwsh's does when a host cannot be reached (a terminating HttpRequestException), with a
pointer to the simulated way in: Microsoft Graph requests go through Invoke-MgGraphRequest
after Connect-MgGraph."""
from __future__ import annotations

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, _exc

UTIL = "Microsoft.PowerShell.Utility"
HttpRequestException = _exc("HttpRequestException", "System.Net.Http.HttpRequestException")
_METHODS = ("Default", "Get", "Head", "Post", "Put", "Delete", "Trace", "Options", "Merge", "Patch")


class WebRequestCmdlet(Cmdlet):
    """What Invoke-WebRequest and Invoke-RestMethod share: pwsh's request parameters, and no network."""

    Uri = Parameter("System.Uri", mandatory=True, position=0, help="The address the request goes to.")
    Method = Parameter(str, validate_set=_METHODS, type_label="Microsoft.PowerShell.Commands.WebRequestMethod",
                       help="The HTTP method (Get by default).")
    CustomMethod = Parameter(str, aliases=("CM",), help="A method name not in -Method's list.")
    Headers = Parameter("System.Collections.IDictionary", help="The request's headers.")
    Body = Parameter(object, help="The request's body (a string, bytes or a hashtable of form fields).")
    ContentType = Parameter(str, help="The body's content type.")
    InFile = Parameter(str, help="A file whose content is the body.")
    OutFile = Parameter(str, help="Save the response to this file.")
    PassThru = Parameter(Switch, help="With -OutFile, also return the response.")
    Credential = Parameter("System.Management.Automation.PSCredential", help="The account for the request.")
    UseDefaultCredentials = Parameter(Switch, help="Use the current user's credentials.")
    Authentication = Parameter(str, validate_set=("None", "Basic", "Bearer", "OAuth"),
                               type_label="Microsoft.PowerShell.Commands.WebAuthenticationType",
                               help="The authentication scheme.")
    Token = Parameter("System.Security.SecureString", help="The bearer or OAuth token.")
    UserAgent = Parameter(str, help="The User-Agent header.")
    TimeoutSec = Parameter(int, help="How long to wait, in seconds.")
    MaximumRedirection = Parameter(int, help="How many redirections to follow.")
    MaximumRetryCount = Parameter(int, help="How many times to retry.")
    RetryIntervalSec = Parameter(int, help="The wait between retries, in seconds.")
    SessionVariable = Parameter(str, aliases=("SV",), help="A variable to hold the web session.")
    WebSession = Parameter(object, help="A web session from -SessionVariable.")
    Form = Parameter("System.Collections.IDictionary", help="Form fields for a multipart body.")
    SkipCertificateCheck = Parameter(Switch, help="Do not validate the server certificate.")
    SkipHeaderValidation = Parameter(Switch, help="Do not validate header values.")
    UseBasicParsing = Parameter(Switch, help="Accepted for compatibility (pwsh always parses basically).")
    DisableKeepAlive = Parameter(Switch, help="Close the connection after the response.")
    Proxy = Parameter("System.Uri", help="A proxy server.")
    AllowUnencryptedAuthentication = Parameter(Switch, help="Allow credentials over plain HTTP.")

    def process(self) -> None:
        uri = to_string(self.Uri)
        raise self.error(f"o365shell has no network: the request to '{uri}' cannot be sent. Microsoft Graph "
                         "requests run against the simulated tenant with Invoke-MgGraphRequest after "
                         "Connect-MgGraph.", "System.Net.Http.HttpRequestException," + self.dotnet_command(),
                         ErrorCategory.ConnectionError, uri, HttpRequestException)

    def dotnet_command(self) -> str:
        return "Microsoft.PowerShell.Commands." + self.name.replace("-", "") + "Command"


@cmdlet("Invoke-WebRequest", module=UTIL, aliases=("iwr",))
class InvokeWebRequest(WebRequestCmdlet):
    """Gets content from a web page on the internet (not available in o365shell, which has no network)."""

    examples = [("Invoke-WebRequest -Uri https://contoso.com/mfa.csv -OutFile mfa.csv",
                 "Downloads a file (fails in o365shell, which has no network).")]


@cmdlet("Invoke-RestMethod", module=UTIL, aliases=("irm",))
class InvokeRestMethod(WebRequestCmdlet):
    """Sends an HTTP or HTTPS request to a RESTful web service (not available in o365shell).

    For Microsoft Graph use Invoke-MgGraphRequest, which runs against the simulated tenant."""

    FollowRelLink = Parameter(Switch, aliases=("FL",), help="Follow the Link header's next pages.")
    ResponseHeadersVariable = Parameter(str, aliases=("RHV",), help="A variable for the response headers.")
    StatusCodeVariable = Parameter(str, help="A variable for the status code.")
    examples = [("Invoke-MgGraphRequest -Uri 'https://graph.microsoft.com/v1.0/users'",
                 "The simulated way to call Microsoft Graph (Invoke-RestMethod has no network here).")]
