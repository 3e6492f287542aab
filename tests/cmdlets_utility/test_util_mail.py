"""Send-MailMessage: obsolete in pwsh 7 (it warns), and undeliverable here (no network)."""
from __future__ import annotations

from util_support import err, lines, out, ps, sh  # noqa: F401  (fixtures)

OBSOLETE = ("WARNING: The command 'Send-MailMessage' is obsolete. This cmdlet does not guarantee secure connections "
            "to SMTP servers. While there is no immediate replacement available in PowerShell, we recommend you do "
            "not use Send-MailMessage at this time. See https://aka.ms/SendMailMessage for more information.")


def test_a_report_mail_warns_and_cannot_be_delivered(ps):
    r = ps("Send-MailMessage -SmtpServer smtp.contoso.com -From noreply@contoso.com -To it@contoso.com "
           "-Subject 'MFA Check' -Body '<b>3</b>' -BodyAsHtml; \"ok=$?\"")
    assert lines(r.stderr) == [OBSOLETE, "Send-MailMessage: Failure sending mail. o365shell has no network, so the "
                                         "SMTP server 'smtp.contoso.com' cannot be reached."]
    assert r.stdout == "ok=False\n"
    # a non-terminating error: the script goes on, and -ErrorAction governs it
    r = ps("try { Send-MailMessage it@contoso.com 'subject' 'body' smtp.contoso.com -From a@contoso.com "
           "-ErrorAction Stop -WarningAction SilentlyContinue } catch { $_.FullyQualifiedErrorId; "
           "$_.Exception.GetType().FullName }")
    assert lines(r.stdout) == ["SmtpException,Microsoft.PowerShell.Commands.SendMailMessage",
                               "System.Net.Mail.SmtpException"]


def test_the_server_can_come_from_psemailserver_and_is_required(ps):
    r = ps("$PSEmailServer = 'relay.contoso.com'; Send-MailMessage -From a@contoso.com -To b@contoso.com "
           "-Subject s -WarningAction SilentlyContinue")
    assert "'relay.contoso.com' cannot be reached" in r.stderr
    r = ps("$PSEmailServer = $null; Send-MailMessage -From a@contoso.com -To b@contoso.com -Subject s "
           "-WarningAction SilentlyContinue; 'next'")
    assert r.stderr == ("Send-MailMessage: The email cannot be sent because no SMTP server was specified. You must "
                        "specify an SMTP server by using either the SmtpServer parameter or the $PSEmailServer "
                        "variable.\n")
    assert r.stdout == "next\n"
