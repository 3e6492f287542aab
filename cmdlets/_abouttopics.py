"""The conceptual help topics Get-Help shows (about_*), and the default help text."""
from __future__ import annotations

ABOUT_O365SHELL = """\
TOPIC
    about_o365shell

SHORT DESCRIPTION
    A PowerShell 7 shell with a simulated Microsoft 365 tenant, for practising
    the documented MFA and organization-settings procedures safely.

LONG DESCRIPTION
    o365shell runs the PowerShell 7.4 language (variables, pipelines, functions,
    script blocks, try/catch, splatting, comment-based help...) and the built-in
    cmdlets admin scripts use (Get-Content, Select-Object, Export-Csv, ...).

    Instead of a real Microsoft 365 organization it has an in-memory tenant,
    Contoso (contoso.onmicrosoft.com), created from a fixed seed so every run
    starts from the same users, roles and MFA states. Every seeded user's
    password is Pass@word1. Nothing you do reaches the Internet.

    The simulated modules are installed and import automatically:

        MSOnline                      Connect-MsolService, Get-MsolUser,
                                      Set-MsolUser -StrongAuthenticationRequirements
        ExchangeOnlineManagement      Connect-ExchangeOnline,
                                      Get/Set-OrganizationConfig, Get-CASMailbox
        Microsoft.Graph.*             Connect-MgGraph, Get-MgUser,
                                      Get-MgUserAuthenticationMethod

    Each module needs its own connection first, and roles are enforced as in a
    real tenant: sign in as admin@contoso.onmicrosoft.com to change MFA settings.

    The admin center's MFA page is available as cmdlets with the noun Mfa
    (Get-MfaUser, Enable-MfaUser, Set-MfaServiceSettings, ...), and the user's
    side of MFA as cmdlets with the noun prefix Lab (Invoke-LabSignIn,
    Register-LabAuthenticatorApp, Get-LabTotpCode, ...). See about_MFA_Lab.

    Ways to run it:

        o365shell                       the interactive shell
        o365shell -File script.ps1      run a script (arguments bind to param())
        o365shell -Command '...'        run some text
        o365shell -Lab FILE             a step-by-step training lab

    Windows paths in scripts work: C: and D: are FileSystem drives rooted at a
    sandbox folder per drive in the user's data directory
    (~/.local/share/o365shell/drives/C on Linux; the environment variable
    O365SHELL_DRIVES sets another base folder), created on first use, so
    Export-Csv -Path C:\\temp\\report.csv writes <sandbox>/C/temp/report.csv.
    Cmdlet paths take a backslash as a separator. Get-PSDrive shows the drives.
    (The > redirection operator and .NET methods such as [IO.File]::WriteAllText
    do not know these drives yet.)

    Things that need Windows, a desktop or a network (Out-GridView without a
    terminal, Invoke-Item, Set-ExecutionPolicy, Install-Module of other
    modules, compiling C# with Add-Type) report a clear error instead.

SEE ALSO
    about_MFA_Lab
    about_Per_User_MFA
    Get-Command
    Get-Help
"""

ABOUT_MFA_LAB = """\
TOPIC
    about_MFA_Lab

SHORT DESCRIPTION
    How the simulation plays the user's side of multi-factor authentication.

LONG DESCRIPTION
    In a real organization, what an admin changes with Set-MsolUser or the MFA
    page shows up only when users sign in. The Lab cmdlets play those users, so
    you can see the effect of each setting immediately:

        Invoke-LabSignIn              a sign-in: -UserPrincipalName, -Password,
                                      -Client, -Otp, -IPAddress,
                                      -RememberDevice/-DeviceId
        Get-LabSignInLog              the sign-ins so far and their results
        Register-LabAuthenticatorApp  a user sets up an authenticator app
        Confirm-LabAuthenticatorApp   ... and confirms it with a code
        Get-LabTotpCode               the current 6-digit code for a secret
        Register-LabPhoneMethod       a user registers a phone
        Get-LabPhoneMessage           the texts and calls a phone received
        New-LabAppPassword            a user creates an app password
        Get-LabCredential             the PSCredential of a seeded user
        Get-LabClock, Set-LabClock,   the lab clock that codes, lockouts and
        Add-LabClockTime              remembered devices follow

    A sign-in result has a Result (Success, InvalidCredentials, Blocked,
    LockedOut, MfaRegistrationRequired, MfaRequired, InvalidOtp,
    AppPasswordRequired) and says what satisfied MFA (NotRequired, Otp,
    AppPassword, TrustedIP, RememberedDevice).

    The rules follow the MFA documentation:

    - A Disabled user signs in with the password on every client.
    - An Enabled user without methods must register at a browser (or modern
      authentication) sign-in; legacy clients still work with the password.
      Completing registration moves the user to Enforced.
    - An Enforced user needs a second factor in the browser, and an app
      password on legacy clients (Outlook 2013, ActiveSync, IMAP, POP, SMTP).
    - Office 2016 and Outlook 2013 with ADAL use modern authentication while
      the organization's OAuth2ClientProfileEnabled is $true, and act as
      legacy clients when it is $false.
    - Trusted IP ranges skip MFA. A device remembered at an MFA sign-in skips
      it for RememberMfaDays, until the admin restores MFA on remembered
      devices.
    - Authenticator codes: 30-second steps, 6 digits, one step of tolerance,
      a code is accepted once; five wrong codes in a row lock the user out of
      MFA for 15 minutes of lab time.

EXAMPLES
    Connect-MsolService -Credential (Get-LabCredential admin@contoso.onmicrosoft.com)
    Enable-MfaUser -UserPrincipalName MeganB@contoso.com
    Invoke-LabSignIn -UserPrincipalName MeganB@contoso.com -Password 'Pass@word1'
    $reg = Register-LabAuthenticatorApp -UserPrincipalName MeganB@contoso.com -Password 'Pass@word1'
    Confirm-LabAuthenticatorApp -UserPrincipalName MeganB@contoso.com -Otp (Get-LabTotpCode $reg.Secret)
    Get-MfaUser -State Enforced

SEE ALSO
    about_Per_User_MFA
    about_o365shell
"""

ABOUT_PER_USER_MFA = """\
TOPIC
    about_Per_User_MFA

SHORT DESCRIPTION
    Per-user MFA states (Disabled, Enabled, Enforced) and how to manage them.

LONG DESCRIPTION
    Legacy per-user multi-factor authentication has three states:

        Disabled    MFA is not required.
        Enabled     The user is enrolled: at the next browser or modern sign-in
                    they must register a verification method.
        Enforced    The user has registered: every sign-in needs a second
                    factor, and legacy clients need an app password.

    A user moves from Enabled to Enforced automatically when registration is
    complete. An admin can set any state. Only a Global Administrator can change
    the per-user state or the MFA service settings.

    With MSOnline, the state is the StrongAuthenticationRequirements property of
    a user: set it with a StrongAuthenticationRequirement object whose State is
    "Enabled" or "Enforced", or with an empty array to disable MFA:

        $sa = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
        $sa.RelyingParty = "*"
        $sa.State = "Enabled"
        Set-MsolUser -UserPrincipalName AdeleV@contoso.com -StrongAuthenticationRequirements @($sa)

        Set-MsolUser -UserPrincipalName AdeleV@contoso.com -StrongAuthenticationRequirements @()

    To see the states:

        Get-MsolUser -All | Select-Object UserPrincipalName,
            @{n='MFA';e={ if ($_.StrongAuthenticationRequirements) {
                $_.StrongAuthenticationRequirements[0].State } else { 'Disabled' } }}

    With Microsoft Graph (beta), the same state is the user's authentication
    requirement: Get-MgBetaUserAuthenticationRequirement and
    Update-MgBetaUserAuthenticationRequirement -PerUserMfaState. A user's
    default method (the StrongAuthenticationMethod with IsDefault) is their
    sign-in preference there: Get-MgBetaUserAuthenticationSignInPreference and
    Update-MgBetaUserAuthenticationSignInPreference
    -UserPreferredMethodForSecondaryAuthentication (push, oath, sms, voiceMobile,
    voiceAlternateMobile, voiceOffice).

    The admin center's MFA page (multi-factor authentication > users) is
    simulated by Get-MfaUser, Enable-MfaUser, Disable-MfaUser and
    Set-MfaUserSettings; its service settings tab by Get-MfaServiceSettings and
    Set-MfaServiceSettings (app passwords, trusted IPs, verification options,
    remembering MFA on trusted devices); its bulk update by
    Invoke-MfaBulkUpdate with a CSV file (Username,MFA Status).

    Reset-MsolStrongAuthenticationMethodByUpn, or Set-MfaUserSettings
    -RequireContactMethodsAgain, clears a user's registered methods so the next
    sign-in asks for registration again.

SEE ALSO
    about_MFA_Lab
    about_o365shell
    Get-Help Set-MsolUser -Examples
"""

DEFAULT_HELP = """\
TOPIC
    PowerShell Help System

SHORT DESCRIPTION
    Displays help about PowerShell cmdlets and concepts.

LONG DESCRIPTION
    PowerShell Help describes PowerShell cmdlets, functions, scripts, and
    modules, and explains concepts, including the elements of the PowerShell
    language.

    In o365shell the help of every cmdlet is built in: there is nothing to
    download, and Update-Help is not needed.

  Get-Help
    Displays help on the command line.

        Get-Help <cmdlet-name>
    EXAMPLES:
        Get-Help Get-MsolUser
        Get-Help Set-MsolUser -Examples
        Get-Help Get-Content -Full
        Get-Help Get-Content -Parameter Path

    To list the topics whose names match, use a wildcard:
        Get-Help *Mfa*

  Conceptual topics
        Get-Help about_o365shell
        Get-Help about_MFA_Lab
        Get-Help about_Per_User_MFA

  Get-Command
    Lists the commands:
        Get-Command *Msol*
        Get-Command -Module ExchangeOnlineManagement

  Your own functions
    Comment-based help (.SYNOPSIS, .DESCRIPTION, .PARAMETER, .EXAMPLE, ...)
    in a <# ... #> block before a function or at the start or end of its body,
    or at the top of a script file, is shown by Get-Help.
"""

#: lower-case name -> (title, synopsis, text)
ABOUT_TOPICS: dict[str, tuple[str, str, str]] = {
    "about_o365shell": ("about_o365shell", "A PowerShell 7 shell with a simulated Microsoft 365 tenant.",
                        ABOUT_O365SHELL),
    "about_mfa_lab": ("about_MFA_Lab", "How the simulation plays the user's side of multi-factor authentication.",
                      ABOUT_MFA_LAB),
    "about_per_user_mfa": ("about_Per_User_MFA",
                           "Per-user MFA states (Disabled, Enabled, Enforced) and how to manage them.",
                           ABOUT_PER_USER_MFA),
}
