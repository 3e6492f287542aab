#Requires -Modules Microsoft.Graph.Authentication, Microsoft.Graph.Beta.Identity.SignIns
<#
.SYNOPSIS
Reads or sets the per-user MFA state with Microsoft Graph (beta authentication requirements).

.DESCRIPTION
Without -State, reports the perUserMfaState of the given users (all users when -UserId is
omitted). With -State, sets it for the given users and reports the result; setting 'enabled' on a
user who already registered a method gives 'enforced'.

.PARAMETER UserId
User principal names or object ids.

.PARAMETER State
The state to set: disabled, enabled or enforced.

.EXAMPLE
./lab-graph-per-user-mfa.ps1
The per-user MFA state of every user.

.EXAMPLE
./lab-graph-per-user-mfa.ps1 -UserId MeganB@contoso.com -State enabled
Enables per-user MFA for Megan.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [string[]]$UserId,
    [ValidateSet('disabled', 'enabled', 'enforced')][string]$State
)

. $PSScriptRoot/lab-common.ps1
$scopes = @('User.Read.All', 'Policy.ReadWrite.AuthenticationMethod')
Connect-LabAdminService -Service Graph -Scopes $scopes

if ($State -and -not $UserId) {
    throw 'Give -UserId with -State: this script does not change every user at once.'
}
$targets = if ($UserId) { $UserId } else { (Get-MgUser -All).UserPrincipalName }

foreach ($id in $targets) {
    if ($State -and $PSCmdlet.ShouldProcess($id, "Set per-user MFA to $State")) {
        Update-MgBetaUserAuthenticationRequirement -UserId $id -PerUserMfaState $State
    }
    $req = Invoke-MgGraphRequest -Method GET -Uri "https://graph.microsoft.com/beta/users/$id/authentication/requirements"
    [PSCustomObject]@{ UserId = $id; PerUserMfaState = $req.perUserMfaState }
}
