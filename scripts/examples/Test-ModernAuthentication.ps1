<#
.SYNOPSIS
    Checks that modern authentication (OAuth2ClientProfileEnabled) is on in Exchange Online.
.DESCRIPTION
    With modern authentication off, Outlook 2013/2016 use Basic authentication and cannot
    prompt for MFA: MFA-enforced users then need app passwords. -Fix turns it on.
#>
param(
    [switch]$Fix,
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
