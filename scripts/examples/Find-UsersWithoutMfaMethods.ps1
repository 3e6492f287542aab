<#
.SYNOPSIS
    Lists users who have not registered any MFA verification method.
.DESCRIPTION
    Users whose per-user MFA is Enabled or Enforced but who have no registered method must
    register at their next sign-in; Disabled users are listed separately with -IncludeDisabled.
#>
param(
    [switch]$IncludeDisabled,
    [string]$Admin = "admin@contoso.onmicrosoft.com"
)

Connect-MsolService -Credential (Get-LabCredential $Admin)

$NoMethods = Get-MsolUser -All | Where-Object { $_.StrongAuthenticationMethods.Count -eq 0 -and $_.BlockCredential -eq $false }

$Pending = $NoMethods | Where-Object { $_.StrongAuthenticationRequirements.State -in @("Enabled", "Enforced") }
Write-Host "Users required to register for MFA at their next sign-in: $(@($Pending).Count)" -ForegroundColor Yellow
$Pending | Select-Object DisplayName, UserPrincipalName, @{N = "MFA Status"; E = { $_.StrongAuthenticationRequirements.State } }

if ($IncludeDisabled) {
    $Disabled = $NoMethods | Where-Object { -not $_.StrongAuthenticationRequirements.State }
    Write-Host "Users with per-user MFA disabled and no method: $(@($Disabled).Count)"
    $Disabled | Select-Object DisplayName, UserPrincipalName
}
