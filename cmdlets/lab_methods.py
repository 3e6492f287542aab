"""The lab: the user's side of MFA (SPEC §6), part 2 - registering security info
(authenticator app, phone methods), one-time codes and app passwords.

These are the user's own actions (My Sign-Ins / "Additional security verification" pages):
no admin connection is needed, the user proves their password. Secrets are shown once, by
the cmdlet that creates them; every Get- cmdlet returns metadata only.
"""
from __future__ import annotations

import io
from typing import Any

from o365shell.engine.cmdlet import Parameter, cmdlet
from o365shell.engine.errors import ErrorCategory

from .lab_types import (
    PHONE_METHOD_TYPES,
    LabAppPassword,
    LabAppPasswordInfo,
    LabAuthenticatorRegistration,
    LabCmdlet,
    LabPhoneMessage,
    LabPhoneVerification,
    LabRegistrationResult,
    otp_text,
    plain_password,
    ps_time,
    utc_time,
)

LAB = "O365Shell.Lab"
UPN_HELP = "The user's sign-in name, e.g. AdeleV@contoso.com."
PASSWORD_HELP = ("The user's password, as a string or a SecureString (for example "
                 "(Get-LabCredential <upn>).Password).")


def _registration(r: Any) -> LabRegistrationResult:
    return LabRegistrationResult(UserPrincipalName=r.UserPrincipalName, MethodType=r.MethodType,
                                 IsDefault=r.IsDefault, PreviousMfaState=r.PreviousMfaState, MfaState=r.MfaState)


# ----------------------------------------------------------------------------- authenticator app

@cmdlet("Register-LabAuthenticatorApp", module=LAB)
class RegisterLabAuthenticatorApp(LabCmdlet):
    """Starts registering the authenticator app for a user: a new TOTP secret and its otpauth:// URI.

    The user's side of "set up your account" (security info: Authenticator app, "Can't scan image?"):
    after proving the password the user gets a random base32 secret and the otpauth:// provisioning URI
    that the app scans - shown as a QR code when the shell runs in a terminal. This output is the only
    time the secret is ever shown: no Get- cmdlet returns it later. Finish with
    Confirm-LabAuthenticatorApp and a current code (Get-LabTotpCode -Secret computes it at the lab
    clock, as the app would); that adds the PhoneAppOTP method and moves an Enabled user to Enforced."""

    UserPrincipalName = Parameter(str, mandatory=True, position=0, by_property_name=True, aliases=("UPN",),
                                  help=UPN_HELP)
    Password = Parameter(object, mandatory=True, position=1, help=PASSWORD_HELP)
    Issuer = Parameter(str, default="Microsoft", help="The issuer shown by the authenticator app (Microsoft).")
    outputs = "O365Shell.Lab.AuthenticatorRegistration"
    examples = [
        (("$cred = Get-LabCredential AdeleV@contoso.com\n"
          "$reg = Register-LabAuthenticatorApp -UserPrincipalName AdeleV@contoso.com -Password $cred.Password"),
         "Starts registration; $reg.Secret and $reg.ProvisioningUri are what the app would scan."),
        ("Confirm-LabAuthenticatorApp -UserPrincipalName AdeleV@contoso.com -Otp (Get-LabTotpCode -Secret $reg.Secret)",
         "Completes the registration with the app's current code."),
    ]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.provisioning import register_authenticator_app
        try:
            reg = register_authenticator_app(self.tenant, self.UserPrincipalName, plain_password(self.Password),
                                             issuer=self.Issuer or "Microsoft")
        except TenantError as e:
            self.report(e, self.UserPrincipalName)
            return
        if getattr(self.ctx.host, "is_terminal", False):
            self._show_qr(reg.ProvisioningUri, reg.UserPrincipalName)
        self.write(LabAuthenticatorRegistration(UserPrincipalName=reg.UserPrincipalName, Secret=reg.Secret,
                                                ProvisioningUri=reg.ProvisioningUri))

    def _show_qr(self, uri: str, upn: str) -> None:
        import qrcode
        qr = qrcode.QRCode(border=1)
        qr.add_data(uri)
        qr.make(fit=True)
        buf = io.StringIO()
        qr.print_ascii(out=buf, invert=True)
        host = self.ctx.host
        host.write_host("Scan this QR code with the authenticator app:")
        for line in buf.getvalue().rstrip("\n").split("\n"):
            host.write_host(line)
        host.write_host(f"Then run: Confirm-LabAuthenticatorApp -UserPrincipalName {upn} -Otp <code>")


@cmdlet("Confirm-LabAuthenticatorApp", module=LAB)
class ConfirmLabAuthenticatorApp(LabCmdlet):
    """Completes authenticator app registration with a code from the app.

    The code must match the pending secret at the lab clock (30-second steps, one step of tolerance
    either side). On success the PhoneAppOTP method is added (default when the user has no other
    default), the proof-up time is stamped, and a user whose per-user MFA is Enabled becomes Enforced
    - the documented Enabled -> Enforced transition when registration is completed. The code is then
    used: it cannot be replayed at the next sign-in."""

    UserPrincipalName = Parameter(str, mandatory=True, position=0, by_property_name=True, aliases=("UPN",),
                                  help=UPN_HELP)
    Otp = Parameter(object, mandatory=True, position=1, aliases=("Code",),
                    help="The 6-digit code the authenticator app shows now (Get-LabTotpCode -Secret).")
    outputs = "O365Shell.Lab.RegistrationResult"
    examples = [("Confirm-LabAuthenticatorApp AdeleV@contoso.com -Otp (Get-LabTotpCode -Secret $reg.Secret)",
                 "Finishes Adele's registration; MfaState shows Enforced.")]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.provisioning import confirm_authenticator_app
        try:
            r = confirm_authenticator_app(self.tenant, self.UserPrincipalName, otp_text(self.Otp) or "")
        except TenantError as e:
            self.report(e, self.UserPrincipalName)
            return
        self.write(_registration(r))


@cmdlet("Get-LabTotpCode", module=LAB)
class GetLabTotpCode(LabCmdlet):
    """Gets the authenticator app's current code for a TOTP secret (what the phone would show).

    Computes the RFC 6238 code (SHA-1, 6 digits, 30-second steps) of -Secret at the lab clock, or at
    -DateTime. Codes change every 30 seconds of lab time (Add-LabClockTime -Seconds 30); sign-ins accept
    the current step and one step either side, and a code only once."""

    Secret = Parameter(str, mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                       help="The base32 secret returned by Register-LabAuthenticatorApp.")
    DateTime = Parameter("System.DateTime", help="Compute the code at this time instead of the lab clock's now.")
    outputs = "System.String"
    examples = [("Get-LabTotpCode -Secret $reg.Secret", "The code at the lab clock."),
                ("Get-LabTotpCode -Secret $reg.Secret -DateTime (Get-LabClock).AddSeconds(-60)",
                 "The code of two steps ago (refused at sign-in).")]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.provisioning import lab_totp_code
        secret = (self.Secret or "").strip()
        try:
            code = lab_totp_code(self.tenant, secret)
        except TenantError as e:
            # never echo the value given: it is a secret
            raise self.error("The value of -Secret is not a valid base32 TOTP secret.", "InvalidSecret",
                             ErrorCategory.InvalidArgument) from e
        if self.DateTime is not None:
            try:
                at = utc_time(self.DateTime)
                if at.timestamp() < 0:
                    raise ValueError("before the Unix epoch")
                code = lab_totp_code(self.tenant, secret, at)
            except (TenantError, ValueError, OverflowError, ArithmeticError):
                raise self.error("TOTP codes count 30-second steps from 1 January 1970 (UTC): -DateTime must be "
                                 "a time after that.", "InvalidDateTime", ErrorCategory.InvalidArgument,
                                 self.DateTime) from None
        self.write(code)


# ----------------------------------------------------------------------------- phone methods

@cmdlet("Register-LabPhoneMethod", module=LAB)
class RegisterLabPhoneMethod(LabCmdlet):
    """Starts registering a phone method: a verification text or call goes to the simulated phone.

    OneWaySMS texts a code to the number; TwoWayVoiceMobile, TwoWayVoiceAlternateMobile and
    TwoWayVoiceOffice call it (the call says the code). Read what the phone received with
    Get-LabPhoneMessage -PhoneNumber and finish with Confirm-LabPhoneMethod -Otp <code> within
    10 minutes of lab time: the method is added and an Enabled user becomes Enforced. Numbers use the
    form +<country code> <number>, e.g. +1 4255550100."""

    UserPrincipalName = Parameter(str, mandatory=True, position=0, by_property_name=True, aliases=("UPN",),
                                  help=UPN_HELP)
    PhoneNumber = Parameter(str, mandatory=True, position=1, by_property_name=True,
                            help="The phone number, as +<country code> <number>.")
    MethodType = Parameter(str, validate_set=PHONE_METHOD_TYPES, default="OneWaySMS",
                           help="OneWaySMS (text, default), TwoWayVoiceMobile, TwoWayVoiceAlternateMobile or "
                                "TwoWayVoiceOffice (calls).")
    Password = Parameter(object, help="The user's password (string or SecureString); checked when given.")
    outputs = "O365Shell.Lab.PhoneVerification"
    examples = [("Register-LabPhoneMethod AdeleV@contoso.com -PhoneNumber '+1 9185550101' -MethodType OneWaySMS",
                 "Texts a verification code to Adele's mobile."),
                (("$code = (Get-LabPhoneMessage '+1 9185550101' -Last 1).Code\n"
                  "Confirm-LabPhoneMethod AdeleV@contoso.com -Otp $code"), "Completes the registration.")]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.provisioning import register_phone_method
        password = plain_password(self.Password) if self.Password is not None else None
        try:
            r = register_phone_method(self.tenant, self.UserPrincipalName, self.PhoneNumber,
                                      self.MethodType or "OneWaySMS", password)
        except TenantError as e:
            self.report(e, self.UserPrincipalName)
            return
        self.write(LabPhoneVerification(UserPrincipalName=r.UserPrincipalName, PhoneNumber=r.PhoneNumber,
                                        MethodType=r.MethodType, Kind=r.Kind))


@cmdlet("Confirm-LabPhoneMethod", module=LAB)
class ConfirmLabPhoneMethod(LabCmdlet):
    """Completes a phone method registration with the code the phone received.

    The code is the one texted or spoken by the call of the last Register-LabPhoneMethod (see
    Get-LabPhoneMessage), valid for 10 minutes of lab time. On success the phone number is recorded in
    the user's MFA details, the method is added and an Enabled user becomes Enforced."""

    UserPrincipalName = Parameter(str, mandatory=True, position=0, by_property_name=True, aliases=("UPN",),
                                  help=UPN_HELP)
    Otp = Parameter(object, mandatory=True, position=1, aliases=("Code",),
                    help="The 6-digit code received by the phone.")
    outputs = "O365Shell.Lab.RegistrationResult"
    examples = [("Confirm-LabPhoneMethod AdeleV@contoso.com -Otp (Get-LabPhoneMessage '+1 9185550101' -Last 1).Code",
                 "Finishes the phone registration.")]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.provisioning import confirm_phone_method
        try:
            r = confirm_phone_method(self.tenant, self.UserPrincipalName, otp_text(self.Otp) or "")
        except TenantError as e:
            self.report(e, self.UserPrincipalName)
            return
        self.write(_registration(r))


@cmdlet("Get-LabPhoneMessage", module=LAB)
class GetLabPhoneMessage(LabCmdlet):
    """Gets the texts and calls a simulated phone received (verification and sign-in codes), oldest first.

    Registering a phone method (Register-LabPhoneMethod) and a sign-in of a user whose default method
    is a phone (Invoke-LabSignIn without -Otp) text or call the number with a one-time code; this is
    the user's phone screen. Any formatting of the same number finds the same phone."""

    PhoneNumber = Parameter(str, mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                            help="The phone number, as +<country code> <number>.")
    Last = Parameter(int, validate_range=(0, 2147483647), help="Only the most recent N messages.")
    outputs = "O365Shell.Lab.PhoneMessage"
    examples = [("Get-LabPhoneMessage '+1 4255550101'", "Patti's texts."),
                ("(Get-LabPhoneMessage '+1 4255550101' -Last 1).Code", "The latest code.")]

    def process(self) -> None:
        from o365shell.tenant.provisioning import phone_messages
        msgs = phone_messages(self.tenant, self.PhoneNumber or "")
        if self.is_bound("Last"):
            msgs = msgs[len(msgs) - self.Last:] if self.Last else []
        for m in msgs:
            self.write(LabPhoneMessage(DateTime=ps_time(m.DateTime), PhoneNumber=m.PhoneNumber, Kind=m.Kind,
                                       Code=m.Code, Body=m.Body))


# ----------------------------------------------------------------------------- app passwords

@cmdlet("New-LabAppPassword", module=LAB)
class NewLabAppPassword(LabCmdlet):
    """Creates an app password for a user's legacy (non-browser) apps; the password is shown only now.

    App passwords are 16 random lower-case letters that a legacy client (Outlook 2013 without ADAL,
    ActiveSync, IMAP, POP, SMTP, or Office 2016 while OAuth2ClientProfileEnabled is false) sends in its
    password field when the user's per-user MFA is Enforced. They are stored hashed: this output is the
    only time one is shown; Get-LabAppPassword lists names and dates only. Refused unless the MFA service
    setting AllowAppPasswords is on ("Allow users to create app passwords to sign in to non-browser
    apps", off by default), in a 21Vianet (AzureChinaCloud) tenant, for a user whose per-user MFA is
    Disabled, and beyond 40 per user."""

    UserPrincipalName = Parameter(str, mandatory=True, position=0, by_property_name=True, aliases=("UPN",),
                                  help=UPN_HELP)
    Password = Parameter(object, mandatory=True, position=1, help=PASSWORD_HELP)
    Name = Parameter(str, position=2, help="A name for the device or app, e.g. Laptop (one per device is advised).")
    outputs = "O365Shell.Lab.AppPassword"
    examples = [("$ap = New-LabAppPassword AlexW@contoso.com -Password $cred.Password -Name 'Outlook 2013'",
                 "Creates an app password; $ap.Password goes in Outlook 2013's password field."),
                ("Invoke-LabSignIn AlexW@contoso.com -Password $ap.Password -Client Outlook2013",
                 "The legacy client signs in with the app password (MfaSatisfiedBy AppPassword).")]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.provisioning import create_app_password
        try:
            upn = self.tenant.get_user(self.UserPrincipalName).user_principal_name
            ap = create_app_password(self.tenant, self.UserPrincipalName, plain_password(self.Password), self.Name)
        except TenantError as e:
            self.report(e, self.UserPrincipalName)
            return
        self.write(LabAppPassword(UserPrincipalName=upn, Name=ap.Name, Password=ap.Password,
                                  CreatedDateTime=ps_time(ap.CreatedDateTime)))


@cmdlet("Get-LabAppPassword", module=LAB)
class GetLabAppPassword(LabCmdlet):
    """Gets a user's app passwords: names and creation times only, never the passwords.

    App passwords are stored as salted hashes; the clear text is shown once by New-LabAppPassword.
    The list empties when an admin uses "Delete all existing app passwords generated by the selected
    users" (Set-MfaUserSettings -DeleteAppPasswords), after which legacy clients fail again."""

    UserPrincipalName = Parameter(str, mandatory=True, position=0, from_pipeline=True, by_property_name=True,
                                  aliases=("UPN",), help=UPN_HELP)
    outputs = "O365Shell.Lab.AppPasswordInfo"
    examples = [("Get-LabAppPassword AlexW@contoso.com", "Alex's app passwords (names and dates).")]

    def process(self) -> None:
        from o365shell.tenant.errors import TenantError
        from o365shell.tenant.provisioning import list_app_passwords
        try:
            upn = self.tenant.get_user(self.UserPrincipalName).user_principal_name
            items = list_app_passwords(self.tenant, self.UserPrincipalName)
        except TenantError as e:
            self.report(e, self.UserPrincipalName)
            return
        for p in items:
            self.write(LabAppPasswordInfo(UserPrincipalName=upn, Name=p.Name, CreatedDateTime=ps_time(p.CreatedDateTime)))
