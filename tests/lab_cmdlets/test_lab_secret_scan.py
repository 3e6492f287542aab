"""No Get- or Format- output shows a password, an app password or a TOTP secret after creation.

The test creates secrets through the Lab cmdlets (an authenticator app registration, app
passwords, sign-ins using them) without keeping them in any variable, then runs every Get-*
command of the session with no arguments, the ones it can feed with the arguments they need,
each with its default display, Format-List * and (when the session has it) ConvertTo-Json, and
scans everything written to stdout and stderr for the secret strings.
"""
from __future__ import annotations

import pytest
from lab_testlib import ADMIN, LabShell

from o365shell.tenant import mfa

ADELE = "AdeleV@contoso.com"
ALEX = "AlexW@contoso.com"
SEED_TOTP_SECRET = "JBSWY3DPEHPK3PXP"
SEED_PASSWORD = "Pass@word1"

#: Get- commands fed with arguments (run when the session has them).
WITH_ARGUMENTS = [
    f"Get-LabAppPassword -UserPrincipalName {ADELE}",
    f"Get-LabAppPassword -UserPrincipalName {ALEX}",
    "Get-LabSignInLog",
    f"Get-LabCredential -UserPrincipalName {ADELE}",
    "Get-LabPhoneMessage -PhoneNumber '+1 4255550101'",
    "Get-LabClock",
    "Get-MsolUser -All",
    f"Get-MsolUser -UserPrincipalName {ADELE}",
    f"Get-MsolUser -UserPrincipalName {ALEX}",
    *(f"Get-MsolUser -UserPrincipalName {upn} | Select-Object -ExpandProperty {prop}"
      for upn in (ADELE, ALEX) for prop in ("StrongAuthenticationMethods", "StrongAuthenticationPhoneAppDetails",
                                            "StrongAuthenticationUserDetails", "StrongAuthenticationRequirements")),
    "Get-MfaUser",
    "Get-MfaServiceSettings",
    "Get-MsolCompanyInformation",
    f"Get-MgUser -UserId {ADELE}",
    f"Get-MgUserAuthenticationMethod -UserId {ADELE}",
    f"Get-MgUserAuthenticationMethod -UserId {ALEX}",
    f"Get-MgUserAuthenticationMethod -UserId {ADELE} | ForEach-Object AdditionalProperties",
    *(f"{cmd} -UserId {upn}" for upn in (ADELE, ALEX)
      for cmd in ("Get-MgUserAuthenticationMicrosoftAuthenticatorMethod", "Get-MgUserAuthenticationPhoneMethod",
                  "Get-MgUserAuthenticationSoftwareOathMethod", "Get-MgBetaUserAuthenticationMethod")),
    f"Get-MgBetaUserAuthenticationRequirement -UserId {ADELE}",
    "Get-OrganizationConfig",
    f"Get-CASMailbox -Identity {ALEX}",
    "Search-UnifiedAuditLog -StartDate '2024-01-01' -EndDate '2030-01-01'",
    "Get-Variable",
    "Get-History",
    "$Error",
]

#: Get- commands not run without arguments (they would wait for input on a terminal).
SKIP_BARE = {"get-credential"}


def _command_of(line: str) -> str:
    return line.split()[0]


def _create_secrets(lab: LabShell) -> list[str]:
    """Create a TOTP secret and app passwords through the cmdlets; returns the secret strings."""
    lab.admin("Set-MfaServiceSettings -AllowAppPasswords $true",
              lambda t, a: mfa.set_mfa_service_settings(t, a, allow_app_passwords=True))
    # register, confirm and sign in with a code in one pipeline: the secret is never stored in a variable
    reg = lab.one(
        f"Register-LabAuthenticatorApp -UserPrincipalName {ADELE} -Password (Get-LabCredential {ADELE}).Password | "
        "ForEach-Object { $code = Get-LabTotpCode -Secret $_.Secret; "
        f"$null = Confirm-LabAuthenticatorApp -UserPrincipalName {ADELE} -Otp $code; "
        "$null = Add-LabClockTime -Seconds 30; $code = Get-LabTotpCode -Secret $_.Secret; "
        f"$null = Invoke-LabSignIn -UserPrincipalName {ADELE} -Otp $code -Password (Get-LabCredential {ADELE}).Password; "
        "$_ }")
    secrets = [reg.Secret]
    for upn, name in ((ADELE, "Outlook"), (ALEX, "Phone")):
        ap = lab.one(
            f"New-LabAppPassword -UserPrincipalName {upn} -Name {name} -Password (Get-LabCredential {upn}).Password | "
            f"ForEach-Object {{ $null = Invoke-LabSignIn -UserPrincipalName {upn} -Client Outlook2013 "
            "-Password $_.Password; $_ }")
        secrets.append(ap.Password)
    # the sign-ins with the new secret's code and the app passwords succeeded (so they were really used)
    log = [(e.Client, e.Result, e.MfaSatisfiedBy) for e in lab.objs("Get-LabSignInLog")]
    assert log == [("Browser", "Success", "Otp"), ("Outlook2013", "Success", "AppPassword"),
                   ("Outlook2013", "Success", "AppPassword")]
    return secrets


def _connect(lab: LabShell) -> None:
    creds = f"(Get-LabCredential {ADMIN})"
    if lab.has("Connect-MsolService"):
        lab.run(f"Connect-MsolService -Credential {creds}")
    if lab.has("Connect-ExchangeOnline"):
        lab.run(f"Connect-ExchangeOnline -ShowBanner:$false -Credential {creds}")
    if lab.has("Connect-MgGraph"):
        lab.run("Connect-MgGraph -Scopes 'User.Read.All','UserAuthenticationMethod.Read.All','Policy.Read.All' "
                f"-Credential {creds}")


def _get_commands(lab: LabShell) -> list[str]:
    if lab.has("Get-Command"):
        names = [str(n) for n in lab.sh.invoke("Get-Command -Verb Get | ForEach-Object Name")]
        if names:
            return sorted(set(names))
    return sorted({getattr(c, "name", k) for k, c in lab.session.commands.items() if k.startswith("get-")})


def test_no_get_or_format_output_shows_a_secret():
    lab = LabShell()
    secrets = _create_secrets(lab) + [SEED_TOTP_SECRET, SEED_PASSWORD]
    assert all(secrets)
    _connect(lab)

    has_json = lab.has("ConvertTo-Json")
    scripts: list[str] = []
    for name in _get_commands(lab):
        if name.lower() in SKIP_BARE:
            continue
        scripts.append(name)
    for line in WITH_ARGUMENTS:
        if line and (line.startswith("$") or lab.has(_command_of(line))):
            scripts.append(line)

    transcript: list[tuple[str, str]] = []
    for script in scripts:
        variants = [script, f"{script} | Format-List *", f"{script} | Format-Table * | Out-String -Width 400"]
        if has_json:
            variants.append(f"{script} | ConvertTo-Json -Depth 4")
        for text in variants:
            r = lab.run(text)
            transcript.append((text, r.stdout + r.stderr))

    ran = {t for t, _ in transcript}
    assert "Get-LabSignInLog | Format-List *" in ran and f"Get-LabAppPassword -UserPrincipalName {ALEX}" in ran
    leaks = [(text, s) for text, out in transcript for s in secrets if s in out]
    assert not leaks, "secrets shown by: " + "; ".join(f"{t!r}" for t, _ in leaks)
    # the scan looked at real output
    everything = "\n".join(out for _, out in transcript)
    assert "Outlook2013" in everything and "Phone" in everything and "AppPassword" in everything
    if lab.has("Get-MsolUser"):
        assert "PhoneAppOTP" in everything and "StrongAuthenticationPhoneAppDetails" in everything


def test_app_password_and_secret_are_only_in_the_creating_output():
    """The creating cmdlets are the one place the values appear (shown once)."""
    lab = LabShell()
    lab.admin("Set-MfaServiceSettings -AllowAppPasswords $true",
              lambda t, a: mfa.set_mfa_service_settings(t, a, allow_app_passwords=True))
    out = lab.ok(f"New-LabAppPassword -UserPrincipalName {ALEX} -Name Laptop -Password (Get-LabCredential {ALEX}).Password")
    reg = lab.ok(f"Register-LabAuthenticatorApp -UserPrincipalName {ADELE} -Password (Get-LabCredential {ADELE}).Password")
    password = out.strip().split("\n")[-1].split()[2]
    secret = next(line.split(": ", 1)[1].strip() for line in reg.split("\n") if line.startswith("Secret"))
    assert len(password) == 16 and len(secret) == 32
    for text in (f"Get-LabAppPassword {ALEX} | Format-List *", "Get-LabSignInLog | Format-List *"):
        shown = lab.ok(text)
        assert password not in shown and secret not in shown


@pytest.mark.parametrize("cmd", ["Get-LabAppPassword", "Get-LabSignInLog", "Get-LabPhoneMessage"])
def test_lab_get_types_have_no_secret_properties(cmd):
    from o365shell.cmdlets import lab_types as T
    kinds = {"Get-LabAppPassword": T.LabAppPasswordInfo, "Get-LabSignInLog": T.LabSignInLogEntry,
             "Get-LabPhoneMessage": T.LabPhoneMessage}
    props = {p.lower() for p in kinds[cmd].__ps_properties__}
    assert not props & {"password", "secret", "provisioninguri", "totpsecret"}
