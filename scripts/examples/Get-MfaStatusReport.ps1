<#
.SYNOPSIS
    Exports the per-user MFA status of every user to a CSV file.
.DESCRIPTION
    For each user: the per-user MFA state (Disabled / Enabled / Enforced), the registered
    verification methods, the default method and the phone number used for MFA.
.EXAMPLE
    ./Get-MfaStatusReport.ps1 -Path ./MFAStatusReport.csv
#>
[CmdletBinding()]
param(
    [string]$Path = "./MFAStatusReport.csv",
    [string]$Admin = "admin@contoso.onmicrosoft.com"
)

Connect-MsolService -Credential (Get-LabCredential $Admin)

$Report = @()
$Users = Get-MsolUser -All | Where-Object { $_.UserType -ne "Guest" }
$i = 0
foreach ($User in $Users) {
    $i++
    Write-Progress -Activity "Reading MFA status" -Status $User.UserPrincipalName -PercentComplete ($i / $Users.Count * 100)
    $State = $User.StrongAuthenticationRequirements.State
    if (-not $State) { $State = "Disabled" }
    $Default = ($User.StrongAuthenticationMethods | Where-Object { $_.IsDefault -eq $true }).MethodType
    $Report += [PSCustomObject]@{
        DisplayName       = $User.DisplayName
        UserPrincipalName = $User.UserPrincipalName
        'MFA Status'      = $State
        'MFA Methods'     = ($User.StrongAuthenticationMethods.MethodType -join ", ")
        'Default Method'  = $Default
        'MFA Phone'       = $User.StrongAuthenticationUserDetails.PhoneNumber
        Licensed          = $User.IsLicensed
        SignInBlocked     = $User.BlockCredential
    }
}

$Report | Sort-Object 'MFA Status', DisplayName | Export-Csv -Path $Path -NoTypeInformation
Write-Host "MFA status of $($Report.Count) users written to $Path" -ForegroundColor Green
$Report | Group-Object 'MFA Status' | Sort-Object Name | Select-Object Name, Count
