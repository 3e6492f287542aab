"""Send-MailMessage (Microsoft.PowerShell.Utility), which admin scripts use to mail a report.

pwsh 7 still ships it, marked obsolete: every call warns so. o365shell has no network, so a
message with everything it needs (From, To, an SMTP server from -SmtpServer or
``$PSEmailServer``) cannot be delivered: the cmdlet fails as pwsh does when the server cannot
be reached (a non-terminating SmtpException error), after checking its arguments as pwsh does.
"""
from __future__ import annotations

from o365shell.engine.cmdlet import Cmdlet, Parameter, Switch, cmdlet
from o365shell.engine.conversion import to_string
from o365shell.engine.errors import ErrorCategory, PSInvalidOperationException, _exc

UTIL = "Microsoft.PowerShell.Utility"
FQ = ",Microsoft.PowerShell.Commands.SendMailMessage"
OBSOLETE = ("The command 'Send-MailMessage' is obsolete. This cmdlet does not guarantee secure connections to SMTP "
            "servers. While there is no immediate replacement available in PowerShell, we recommend you do not use "
            "Send-MailMessage at this time. See https://aka.ms/SendMailMessage for more information.")
SmtpException = _exc("SmtpException", "System.Net.Mail.SmtpException")


@cmdlet("Send-MailMessage", module=UTIL)
class SendMailMessage(Cmdlet):
    """Sends an email message (obsolete in pwsh 7).

    In o365shell there is no network: the message is checked (From, To, an SMTP server from
    -SmtpServer or $PSEmailServer) and then cannot be delivered, which is reported as an error."""

    To = Parameter(list[str], mandatory=True, position=0, help="The recipients' addresses.")
    Subject = Parameter(str, position=1, aliases=("sub",), help="The subject of the message.")
    Body = Parameter(str, position=2, help="The body of the message.")
    SmtpServer = Parameter(str, position=3, aliases=("ComputerName",), help="The SMTP server that sends the mail.")
    From = Parameter(str, mandatory=True, help="The sender's address.")
    Attachments = Parameter(list[str], aliases=("PsPath",), from_pipeline=True, help="Files to attach.")
    Bcc = Parameter(list[str], help="Blind-copy recipients.")
    Cc = Parameter(list[str], help="Copy recipients.")
    BodyAsHtml = Parameter(Switch, aliases=("BAH",), help="The body contains HTML.")
    Encoding = Parameter(object, aliases=("BE",), help="The encoding of the body and subject.")
    DeliveryNotificationOption = Parameter(list[str], aliases=("DNO",),
                                           validate_set=("None", "OnSuccess", "OnFailure", "Delay", "Never"),
                                           help="When to send a delivery notification.")
    Priority = Parameter(str, validate_set=("Normal", "Low", "High"), help="The priority of the message.")
    ReplyTo = Parameter(list[str], help="Addresses replies go to.")
    Credential = Parameter("System.Management.Automation.PSCredential", help="An account allowed to send.")
    UseSsl = Parameter(Switch, help="Use Secure Sockets Layer (SSL).")
    Port = Parameter(int, help="The SMTP server's port (25 by default).")
    examples = [("Send-MailMessage -From 'admin@contoso.com' -To 'it@contoso.com' -Subject 'MFA report' "
                 "-SmtpServer smtp.contoso.com -Attachments .\\report.csv",
                 "Mails a report (fails in o365shell, which has no network).")]

    def begin(self) -> None:
        self.warn(OBSOLETE)

    def end(self) -> None:
        server = self.SmtpServer
        if not server:
            server = to_string(self.ctx.get_var("psemailserver") or "")
        if not server:
            raise self.error("The email cannot be sent because no SMTP server was specified. You must specify an "
                             "SMTP server by using either the SmtpServer parameter or the $PSEmailServer variable.",
                             "AddressUnavailable" + FQ, ErrorCategory.InvalidArgument, None,
                             PSInvalidOperationException)
        self.write_error(f"Failure sending mail. o365shell has no network, so the SMTP server '{server}' cannot be "
                         "reached.", "SmtpException" + FQ, ErrorCategory.InvalidOperation, None, SmtpException)
