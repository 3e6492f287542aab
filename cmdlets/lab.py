"""The lab: the user's side of MFA (SPEC §6), part 1 - the lab clock, lab credentials,
simulated sign-ins and the sign-in log.

Registration of methods, one-time codes and app passwords are in ``lab_methods``; the
result types and their views in ``lab_types``.  Every rule lives in the tenant model
(``o365shell.tenant.signin`` / ``provisioning``); these cmdlets only adapt it.
"""
from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta
from typing import Any

from o365shell.engine.cmdlet import Parameter, Switch, cmdlet
from o365shell.engine.errors import ErrorCategory
from o365shell.engine.netlib import datetime as _ndt
from o365shell.engine.valuetypes import PSCredential, SecureString

from .lab_types import (
    CLIENTS,
    LabCmdlet,
    LabSignInLogEntry,
    LabSignInResult,
    local_time,
    otp_text,
    plain_password,
    utc_time,
)

PASSWORD_HELP = ("The user's password, as a string or a SecureString (for example (Get-LabCredential <upn>).Password). "
                 "Legacy clients send an app password here instead.")


# ----------------------------------------------------------------------------- the lab clock

class _ClockCmdlet(LabCmdlet):
    def _clock(self) -> Any:
        tenant = self.tenant
        # Get-Date and [datetime]::Now follow this session's tenant clock (tenantsvc.set_tenant
        # installs it when the tenant is created; re-installing keeps it so after another session).
        from o365shell.cmdlets.tenantsvc import session_clock_now
        _ndt.set_clock(session_clock_now)
        return tenant.clock

    def _now(self) -> Any:
        return local_time(self._clock().now())


@cmdlet("Get-LabClock", module="O365Shell.Lab")
class GetLabClock(_ClockCmdlet):
    """Gets the lab clock: the time every MFA rule of the simulated tenant reads.

    The lab clock follows real time until Set-LabClock or Add-LabClockTime moves it. TOTP codes
    (30-second steps), the 15-minute MFA lockout after five wrong codes, remembered devices
    (RememberMfaDays), phone codes (valid 10 minutes), sign-in log times and Get-Date all read it,
    so a lab can jump ahead a day without waiting. The time is shown as local time, like Get-Date;
    -AsUTC returns it in UTC."""

    AsUTC = Parameter(Switch, help="Return the time in UTC instead of local time.")
    outputs = "System.DateTime"
    examples = [("Get-LabClock", "Shows the lab's current time."),
                ("(Get-LabClock).AddDays(30) -gt (Get-Date)", "Lab times are DateTime values.")]

    def process(self) -> None:
        now = self._clock().now()
        self.write(_ndt.DateTime(now) if self.AsUTC else local_time(now))


@cmdlet("Set-LabClock", module="O365Shell.Lab", default_set="DateTime")
class SetLabClock(_ClockCmdlet):
    """Sets the lab clock to a fixed time (it then stands still until moved again).

    Freezes the tenant's lab clock at -DateTime: from then on every time-dependent rule (TOTP
    codes, MFA lockout, remembered devices, phone code expiry, log times) and Get-Date read that
    instant, and time only moves with Set-LabClock or Add-LabClockTime - so codes computed with
    Get-LabTotpCode stay valid until the lab moves the clock. -RealTime returns the clock to real
    time. Returns the new lab time, like Set-Date."""

    DateTime = Parameter("System.DateTime", mandatory=True, position=0, set="DateTime", from_pipeline=True,
                         help="The lab time to set (a DateTime or a date string; without a zone it is local time).")
    RealTime = Parameter(Switch, mandatory=True, set="RealTime",
                         help="Go back to following real time.")
    outputs = "System.DateTime"
    examples = [("Set-LabClock -DateTime '2024-03-01 09:00'", "Freezes the lab clock at 9 AM on 1 March 2024."),
                ("Set-LabClock -RealTime", "The lab clock follows real time again.")]

    def process(self) -> None:
        clock = self._clock()
        if self.RealTime:
            clock.reset_to_real()
            self.write(self._now())
            return
        try:
            at = utc_time(self.DateTime)
            local_time(at)
        except (OverflowError, ValueError, ArithmeticError):
            raise self.error("The lab clock cannot be set to that time: it is outside the range of DateTime.",
                             "ClockOutOfRange", ErrorCategory.InvalidArgument, self.DateTime) from None
        clock.set(at)
        self.write(self._now())


@cmdlet("Add-LabClockTime", module="O365Shell.Lab")
class AddLabClockTime(_ClockCmdlet):
    """Moves the lab clock forward (or back, with negative values).

    Adds -Days, -Hours, -Minutes and -Seconds to the lab clock: the way to let a TOTP code expire
    (30 s steps), wait out the 15-minute MFA lockout, or pass RememberMfaDays, without sleeping.
    A frozen clock (Set-LabClock) stays frozen at the new time; a real-time clock keeps running
    from it. Returns the new lab time."""

    Days = Parameter(float, help="Days to add.")
    Hours = Parameter(float, help="Hours to add.")
    Minutes = Parameter(float, help="Minutes to add.")
    Seconds = Parameter(float, help="Seconds to add.")
    outputs = "System.DateTime"
    examples = [("Add-LabClockTime -Minutes 15", "Waits out the MFA lockout after five wrong codes."),
                ("Add-LabClockTime -Seconds 30", "Moves to the next TOTP code."),
                ("Add-LabClockTime -Days 91", "Passes a 90-day RememberMfaDays window.")]

    def process(self) -> None:
        if not any(self.is_bound(n) for n in ("Days", "Hours", "Minutes", "Seconds")):
            raise self.error("Specify the time to add with -Days, -Hours, -Minutes or -Seconds.",
                             "NoTimeSpecified", ErrorCategory.InvalidArgument)
        clock = self._clock()
        state = clock.to_state()
        try:
            delta = timedelta(days=self.Days or 0, hours=self.Hours or 0, minutes=self.Minutes or 0,
                              seconds=self.Seconds or 0)
            clock.advance(delta)
            now = self._now()
        except (OverflowError, ValueError, ArithmeticError):
            frozen = state["frozen_at"]
            clock.load_state(datetime.fromisoformat(frozen) if frozen else None, state["offset_seconds"])
            raise self.error("The lab clock cannot be moved that far: the result is outside the range of "
                             "DateTime.", "ClockOutOfRange", ErrorCategory.InvalidArgument) from None
        self.write(now)


# ----------------------------------------------------------------------------- credentials

@cmdlet("Get-LabCredential", module="O365Shell.Lab")
class GetLabCredential(LabCmdlet):
    """Gets the PSCredential of a seeded lab user, for scripts and labs.

    Every seeded Contoso user starts with the documented seed password; this returns a PSCredential
    (the password as a SecureString, never shown) for Connect-MsolService -Credential, Connect-MgGraph
    -Credential, Invoke-LabSignIn -Credential or -Password (Get-LabCredential <upn>).Password.
    Fails when the user's password was changed since: the lab no longer knows it."""

    UserPrincipalName = Parameter(str, mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                                  aliases=("UPN",), help="The user's sign-in name, e.g. AdeleV@contoso.com.")
    outputs = "System.Management.Automation.PSCredential"
    examples = [("$cred = Get-LabCredential AdeleV@contoso.com", "Adele's credential, for scripts."),
                ("Invoke-LabSignIn -Credential (Get-LabCredential MeganB@contoso.com)", "Signs Megan in.")]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.seed import lab_credential
        try:
            upn, password = lab_credential(self.tenant, self.UserPrincipalName)
        except TenantError as e:
            self.report(e, self.UserPrincipalName)
            return
        self.write(PSCredential(upn, SecureString(password)))


# ----------------------------------------------------------------------------- sign-in

SIGNIN_RULES = """The rules applied, in order (each from the per-user MFA documentation):
    - An unknown account fails (InvalidCredentials); a blocked account (BlockCredential) always fails (Blocked).
    - Browser is modern authentication. Office2016 and Outlook2013Adal are modern while the organization's
      OAuth2ClientProfileEnabled is true (Set-OrganizationConfig) and legacy when it is false. Outlook2013,
      ActiveSync, Imap, Pop and Smtp are always legacy (Basic authentication: no MFA prompt is possible).
    - Legacy client: a Disabled or Enabled user signs in with the password; an Enforced user needs an app password
      in the password field (AppPasswordRequired with the account password), except from a trusted IP range when the
      user has created no app password.
    - Modern client: a Disabled user signs in with the password. An Enabled or Enforced user with no usable method is
      asked to register security info (MfaRegistrationRequired). Otherwise a device remembered at an earlier MFA
      sign-in (-RememberDevice -DeviceId; within RememberMfaDays and not revoked by 'restore multi-factor
      authentication on all remembered devices') or an address in a trusted IP range skips the second factor.
      Otherwise the sign-in needs -Otp (MfaRequired; a phone default method gets a text or call, see
      Get-LabPhoneMessage): the code of the current 30-second step, or one step either side; a code accepted once is
      refused after (replay); five wrong codes in a row lock MFA for 15 minutes of lab time (LockedOut).
    - A successful MFA sign-in moves an Enabled user to Enforced, and with -RememberDevice (when the service setting
      RememberMfaOnTrustedDevices is on) remembers the device for RememberMfaDays."""


@cmdlet("Invoke-LabSignIn", module="O365Shell.Lab", default_set="Password")
class InvokeLabSignIn(LabCmdlet):
    __doc__ = """Simulates a user signing in from a client app and shows what the user experiences.

    Returns a sign-in result (also logged, see Get-LabSignInLog): Result (Success, InvalidCredentials,
    Blocked, LockedOut, MfaRegistrationRequired, MfaRequired, InvalidOtp, AppPasswordRequired),
    MfaSatisfiedBy (NotRequired, Otp, AppPassword, TrustedIP, RememberedDevice) and Reason, a sentence
    naming the rule that decided the outcome.

    """ + SIGNIN_RULES

    UserPrincipalName = Parameter(str, mandatory=True, position=0, set="Password", by_property_name=True,
                                  aliases=("UPN",), help="The user's sign-in name, e.g. AdeleV@contoso.com.")
    Password = Parameter(object, mandatory=True, position=1, set="Password", help=PASSWORD_HELP)
    Credential = Parameter("System.Management.Automation.PSCredential", mandatory=True, set="Credential",
                           help="The user name and password as a PSCredential (Get-LabCredential).")
    Client = Parameter(str, validate_set=CLIENTS, default="Browser",
                       help="The client app: Browser (default), Outlook2013, Outlook2013Adal, Office2016, "
                            "ActiveSync, Imap, Pop or Smtp.")
    Otp = Parameter(object, aliases=("Code",),
                    help="The verification code: from the authenticator app (Get-LabTotpCode) or the text/call "
                         "received (Get-LabPhoneMessage).")
    IPAddress = Parameter(str, help="The IPv4 address the sign-in comes from (trusted IP ranges skip MFA).")
    RememberDevice = Parameter(Switch, help="Tick \"Don't ask again\": remember this device after a successful "
                                            "MFA sign-in (when the service setting allows it).")
    DeviceId = Parameter(str, help="The device signing in; a remembered device skips MFA. With -RememberDevice "
                                   "and no -DeviceId a new id is generated and returned in DeviceId.")
    outputs = "O365Shell.Lab.SignInResult"
    examples = [
        (("$cred = Get-LabCredential AdeleV@contoso.com\n"
          "Invoke-LabSignIn -UserPrincipalName AdeleV@contoso.com -Password $cred.Password"),
         "A browser sign-in: an Enabled user without methods is asked to register (MfaRegistrationRequired)."),
        ("Invoke-LabSignIn -Credential $cred -Otp (Get-LabTotpCode -Secret $reg.Secret)",
         "Signs in with the code of the authenticator app registered in $reg (Register-LabAuthenticatorApp)."),
        ("Invoke-LabSignIn -Credential (Get-LabCredential AlexW@contoso.com) -Client Outlook2013",
         "An Enforced user's legacy client with the account password: AppPasswordRequired."),
        ("Invoke-LabSignIn -Credential $cred -Otp $code -RememberDevice -DeviceId laptop1",
         "Ticks \"Don't ask again\": later sign-ins with -DeviceId laptop1 skip MFA."),
    ]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.signin import sign_in
        if self.Credential is not None:
            upn, password = self.Credential.UserName, plain_password(self.Credential)
        else:
            upn, password = self.UserPrincipalName, plain_password(self.Password)
        ip = self.IPAddress
        if ip is not None and ip.strip():
            try:
                ipaddress.ip_address(ip.strip())
            except ValueError:
                raise self.error(f"Cannot validate argument on parameter 'IPAddress'. '{ip}' is not a valid IP "
                                 "address.", "ParameterArgumentValidationError", ErrorCategory.InvalidData,
                                 ip) from None
            ip = ip.strip()
        else:
            ip = None
        try:
            row = sign_in(self.tenant, upn, password, client=self.Client or "Browser", otp=otp_text(self.Otp),
                          ip=ip, remember_device=bool(self.RememberDevice), device_id=self.DeviceId or None)
        except TenantError as e:
            self.report(e, upn)
            return
        self.write(LabSignInResult.from_row(row))


@cmdlet("Get-LabSignInLog", module="O365Shell.Lab")
class GetLabSignInLog(LabCmdlet):
    """Gets the simulated sign-ins (Invoke-LabSignIn), oldest first.

    Every Invoke-LabSignIn is logged with its Result, MfaSatisfiedBy and Reason (the rule applied),
    like the sign-in logs of Microsoft Entra ID. The table shows time, user, client, result and how
    MFA was satisfied; use Format-List or Select-Object Reason to see why. Passwords, app passwords
    and codes are never logged."""

    UserPrincipalName = Parameter(str, position=0, by_property_name=True, aliases=("UPN",),
                                  help="Only this user's sign-ins.")
    Last = Parameter(int, validate_range=(0, 2147483647), help="Only the most recent N sign-ins.")
    outputs = "O365Shell.Lab.SignInLogEntry"
    examples = [("Get-LabSignInLog", "Every simulated sign-in."),
                ("Get-LabSignInLog AdeleV@contoso.com -Last 3 | Format-List Result, Reason",
                 "Adele's last three sign-ins and the rule behind each.")]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        try:
            rows = self.tenant.signins.query(self.UserPrincipalName or None,
                                             self.Last if self.is_bound("Last") else None)
        except TenantError as e:
            self.report(e)
            return
        for row in rows:
            self.write(LabSignInLogEntry.from_row(row))
