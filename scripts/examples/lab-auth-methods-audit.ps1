#Requires -Modules Microsoft.Graph.Authentication, Microsoft.Graph.Users, Microsoft.Graph.Identity.SignIns
<#
.SYNOPSIS
Audits the authentication methods every user registered (Microsoft Graph).

.DESCRIPTION
For each user, lists the registered authentication methods by type (password, Microsoft
Authenticator, phone, e-mail, software OATH, FIDO2, Windows Hello, Temporary Access Pass) and
whether the user can do MFA (any method other than the password). -OnlyWithoutMfa keeps the users
who cannot.

.PARAMETER UserId
Users to audit (UPN or object id); all users when omitted.

.PARAMETER OnlyWithoutMfa
Only the users with no MFA-capable method.

.EXAMPLE
./lab-auth-methods-audit.ps1 -OnlyWithoutMfa
The users who have registered nothing but their password.
#>
[CmdletBinding()]
param(
    [string[]]$UserId,
    [switch]$OnlyWithoutMfa
)

. $PSScriptRoot/lab-common.ps1
Connect-LabAdminService -Service Graph -Scopes 'User.Read.All', 'UserAuthenticationMethod.Read.All'

$users = if ($UserId) { $UserId | ForEach-Object { Get-MgUser -UserId $_ } } else { Get-MgUser -All }
$i = 0
foreach ($user in $users) {
    $i++
    Write-Progress -Activity 'Auditing authentication methods' -Status $user.UserPrincipalName -PercentComplete ($i / @($users).Count * 100)
    $types = foreach ($method in Get-MgUserAuthenticationMethod -UserId $user.Id) {
        switch ($method.AdditionalProperties['@odata.type']) {
            '#microsoft.graph.passwordAuthenticationMethod'               { 'Password' }
            '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod' { 'Authenticator' }
            '#microsoft.graph.phoneAuthenticationMethod'                  { 'Phone' }
            '#microsoft.graph.emailAuthenticationMethod'                  { 'Email' }
            '#microsoft.graph.softwareOathAuthenticationMethod'           { 'SoftwareOath' }
            '#microsoft.graph.fido2AuthenticationMethod'                  { 'Fido2' }
            '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod' { 'WindowsHello' }
            '#microsoft.graph.temporaryAccessPassAuthenticationMethod'    { 'TemporaryAccessPass' }
            default                                                       { 'Other' }
        }
    }
    $mfaCapable = @($types | Where-Object { $_ -notin 'Password', 'Email' }).Count -gt 0
    if ($OnlyWithoutMfa -and $mfaCapable) { continue }
    [PSCustomObject]@{
        UserPrincipalName = $user.UserPrincipalName
        Methods           = ($types | Sort-Object -Unique) -join ', '
        MfaCapable        = $mfaCapable
    }
}
Write-Progress -Activity 'Auditing authentication methods' -Completed
