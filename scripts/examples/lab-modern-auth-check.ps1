#Requires -Modules ExchangeOnlineManagement
<#
.SYNOPSIS
Checks that modern authentication (OAuth2ClientProfileEnabled) is on for Exchange Online.

.DESCRIPTION
Reads the organization's OAuth2ClientProfileEnabled setting. With -Enable it turns modern
authentication on when it is off. Exit code: 0 when modern authentication is (now) enabled, 3 when
it is disabled - so the script can gate a deployment pipeline.

.PARAMETER Enable
Turn modern authentication on if it is off.

.EXAMPLE
./lab-modern-auth-check.ps1
Shows the setting; exits 3 if modern authentication is off.

.EXAMPLE
./lab-modern-auth-check.ps1 -Enable
Turns it on if needed.
#>
param([switch]$Enable)

. $PSScriptRoot/lab-common.ps1
Connect-LabAdminService -Service ExchangeOnline

$org = Get-OrganizationConfig
Write-Host ('{0}: modern authentication is {1}' -f $org.Name, $(if ($org.OAuth2ClientProfileEnabled) { 'enabled' } else { 'disabled' }))

if (-not $org.OAuth2ClientProfileEnabled -and $Enable) {
    Set-OrganizationConfig -OAuth2ClientProfileEnabled $true
    $org = Get-OrganizationConfig
    Write-Host "Modern authentication enabled: OAuth2ClientProfileEnabled is now $($org.OAuth2ClientProfileEnabled)" -ForegroundColor Green
}
$org | Select-Object Name, OAuth2ClientProfileEnabled
if (-not $org.OAuth2ClientProfileEnabled) { exit 3 }
exit 0
