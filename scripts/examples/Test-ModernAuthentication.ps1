<#
.SYNOPSIS
    Checks that modern authentication (OAuth2ClientProfileEnabled) is on in Exchange Online.
.DESCRIPTION
    With modern authentication off, Outlook 2013/2016 use Basic authentication and cannot
    prompt for MFA: MFA-enforced users then need app passwords. -Fix turns it on.
    -IncludeSkype also checks Skype for Business Online (Teams' Get-CsOAuthConfiguration), whose
    modern-auth state should be kept in step with Exchange's.
#>
param(
    [switch]$Fix,
    [switch]$IncludeSkype,
    [string]$Admin = "admin@contoso.onmicrosoft.com"
)

Connect-ExchangeOnline -Credential (Get-LabCredential $Admin) -ShowBanner:$false

$Config = Get-OrganizationConfig
if ($Config.OAuth2ClientProfileEnabled) {
    Write-Host "Modern authentication is enabled for $($Config.Name)." -ForegroundColor Green
}
else {
    Write-Host "Modern authentication is DISABLED for $($Config.Name)." -ForegroundColor Red
    if ($Fix) {
        Set-OrganizationConfig -OAuth2ClientProfileEnabled:$true
        Write-Host "Modern authentication has been enabled." -ForegroundColor Green
    }
    else {
        Write-Host "Run again with -Fix to enable it."
    }
}
Get-OrganizationConfig | Format-Table Name, *OAuth*
Disconnect-ExchangeOnline -Confirm:$false

if ($IncludeSkype) {
    Connect-MicrosoftTeams -Credential (Get-LabCredential $Admin) | Out-Null
    $Skype = Get-CsOAuthConfiguration
    if ($Skype.ClientAdalAuthOverride -eq 'Allowed') {
        Write-Host "Skype for Business Online allows modern authentication." -ForegroundColor Green
    }
    elseif ($Fix) {
        Set-CsOAuthConfiguration -ClientAdalAuthOverride Allowed
        Write-Host "Skype for Business Online modern authentication changed from $($Skype.ClientAdalAuthOverride) to Allowed." -ForegroundColor Green
    }
    else {
        Write-Host "Skype for Business Online modern authentication is $($Skype.ClientAdalAuthOverride); run again with -Fix to allow it."
    }
    Disconnect-MicrosoftTeams
}
