#Requires -Modules MSOnline
<#
.SYNOPSIS
Sets the per-user MFA state of the users listed in a CSV file (MSOnline).

.DESCRIPTION
Reads a CSV file with a UserPrincipalName column (and, optionally, a State column), builds a
StrongAuthenticationRequirement for each user and applies it with Set-MsolUser. Users that do
not exist are reported and skipped. Supports -WhatIf. Exits with code 2 when some rows failed.

.PARAMETER CsvPath
The CSV file: UserPrincipalName[,State].

.PARAMETER State
The state for rows without a State column: Enabled (default), Enforced or Disabled.

.EXAMPLE
./lab-bulk-set-mfa.ps1 -CsvPath ./users.csv -State Enabled
Enables MFA for every user in users.csv.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory, Position = 0)][string]$CsvPath,
    [ValidateSet('Enabled', 'Enforced', 'Disabled')][string]$State = 'Enabled'
)

. $PSScriptRoot/lab-common.ps1
Connect-LabAdminService -Service MSOnline

if (-not (Test-Path -Path $CsvPath)) {
    Write-Error "The file '$CsvPath' does not exist."
    exit 1
}

$failed = 0
$results = foreach ($row in Import-Csv -Path $CsvPath) {
    $target = if ($row.State) { $row.State } else { $State }
    $requirements = @()
    if ($target -ne 'Disabled') {
        $st = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
        $st.RelyingParty = '*'
        $st.State = $target
        $requirements = @($st)
    }
    try {
        $user = Get-MsolUser -UserPrincipalName $row.UserPrincipalName -ErrorAction Stop
        $before = $user | ConvertTo-MfaState
        $result = 'WhatIf'
        if ($PSCmdlet.ShouldProcess($row.UserPrincipalName, "Set per-user MFA to $target")) {
            Set-MsolUser -UserPrincipalName $row.UserPrincipalName -StrongAuthenticationRequirements $requirements -ErrorAction Stop
            $result = 'OK'
        }
        [PSCustomObject]@{ UserPrincipalName = $row.UserPrincipalName; Before = $before; After = $target; Result = $result }
    }
    catch {
        $failed++
        [PSCustomObject]@{ UserPrincipalName = $row.UserPrincipalName; Before = '-'; After = '-'; Result = $_.Exception.Message }
    }
}
$results | Format-Table -AutoSize
if ($failed -gt 0) {
    Write-Warning "$failed row(s) could not be applied."
    exit 2
}
