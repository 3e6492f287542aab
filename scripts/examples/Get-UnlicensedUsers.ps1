<#
.SYNOPSIS
    Lists unlicensed users and the license usage of the company's subscriptions.
#>
param(
    [string]$Admin = "admin@contoso.onmicrosoft.com"
)

Connect-MsolService -Credential (Get-LabCredential $Admin)

Write-Host "Subscriptions" -ForegroundColor Cyan
Get-MsolAccountSku | Select-Object AccountSkuId, ActiveUnits, ConsumedUnits,
    @{ Name = "Available"; Expression = { $_.ActiveUnits - $_.ConsumedUnits } } | Format-Table -AutoSize

$Unlicensed = Get-MsolUser -All -UnlicensedUsersOnly
Write-Host "Unlicensed users: $(@($Unlicensed).Count)" -ForegroundColor Cyan
$Unlicensed | Sort-Object DisplayName | Select-Object DisplayName, UserPrincipalName, Department, UsageLocation
