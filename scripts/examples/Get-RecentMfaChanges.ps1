<#
.SYNOPSIS
    Shows the per-user MFA and Exchange organization changes of the last days (unified audit log).
#>
param(
    [int]$Days = 7,
    [string]$Admin = "admin@contoso.onmicrosoft.com"
)

Connect-ExchangeOnline -Credential (Get-LabCredential $Admin) -ShowBanner:$false

$End = Get-Date
$Start = $End.AddDays(-$Days)
$Operations = "Enable Strong Authentication.", "Disable Strong Authentication.", "Set-OrganizationConfig",
    "Admin deleted security info."
$Records = Search-UnifiedAuditLog -StartDate $Start -EndDate $End -Operations $Operations -ResultSize 5000
foreach ($Record in $Records) {
    $Data = $Record.AuditData | ConvertFrom-Json
    [PSCustomObject]@{
        When      = $Record.CreationDate
        By        = $Record.UserIds
        Operation = $Record.Operations
        Target    = $Data.ObjectId
    }
}
Disconnect-ExchangeOnline -Confirm:$false
