<#
.SYNOPSIS
    Reads and sets per-user MFA with Microsoft Graph (beta authentication/requirements).
.DESCRIPTION
    Connects to Graph with the delegated permissions it needs, shows each listed user's
    per-user MFA state and registered methods, and sets the state given with -State.
.EXAMPLE
    ./Set-PerUserMfaWithGraph.ps1 -UserPrincipalName MeganB@contoso.com -State enabled
#>
param(
    [Parameter(Mandatory)][string[]]$UserPrincipalName,
    [ValidateSet("enabled", "enforced", "disabled")][string]$State,
    [string]$Admin = "admin@contoso.onmicrosoft.com"
)

$Scopes = "User.Read.All", "UserAuthenticationMethod.Read.All", "Policy.ReadWrite.AuthenticationMethod"
Connect-MgGraph -Scopes $Scopes -NoWelcome -Credential (Get-LabCredential $Admin)

foreach ($Upn in $UserPrincipalName) {
    $User = Get-MgUser -UserId $Upn
    $Before = (Get-MgBetaUserAuthenticationRequirement -UserId $User.Id).PerUserMfaState
    if ($State -and $State -ne $Before) {
        Update-MgBetaUserAuthenticationRequirement -UserId $User.Id -PerUserMfaState $State
    }
    $After = (Get-MgBetaUserAuthenticationRequirement -UserId $User.Id).PerUserMfaState

    $Methods = foreach ($Method in Get-MgUserAuthenticationMethod -UserId $User.Id) {
        switch ($Method.AdditionalProperties["@odata.type"]) {
            "#microsoft.graph.passwordAuthenticationMethod" { "Password" }
            "#microsoft.graph.phoneAuthenticationMethod" { "Phone (" + $Method.AdditionalProperties["phoneNumber"] + ")" }
            "#microsoft.graph.microsoftAuthenticatorAuthenticationMethod" { "Authenticator app" }
            "#microsoft.graph.emailAuthenticationMethod" { "Email" }
            default { $Method.AdditionalProperties["@odata.type"] }
        }
    }
    [PSCustomObject]@{
        User    = $User.UserPrincipalName
        Before  = $Before
        After   = $After
        Methods = $Methods -join ", "
    }
}
Disconnect-MgGraph | Out-Null
