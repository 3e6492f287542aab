<#
.SYNOPSIS
    Reports per-user MFA status for every licensed user and exports it to CSV.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $false)]
    [string]$OutputPath = "./mfa-report.csv",
    [switch]$IncludeUnlicensed
)

function Get-MfaState {
    param([Parameter(ValueFromPipeline = $true)]$User)
    process {
        $state = $User.StrongAuthenticationRequirements.State
        if (-not $state) { $state = 'Disabled' }
        $default = ($User.StrongAuthenticationMethods | Where-Object { $_.IsDefault -eq $true }).MethodType
        [PSCustomObject]@{
            DisplayName       = $User.DisplayName
            UserPrincipalName = $User.UserPrincipalName
            'MFA Status'      = $state
            'Default Method'  = if ($default) { $default } else { 'None' }
            Phone             = $User.StrongAuthenticationUserDetails.PhoneNumber
            Licensed          = $User.IsLicensed
        }
    }
}

$report = @()
$count = 0
$users = @()
foreach ($u in $users) {
    $count++
    Write-Progress -Activity "Checking MFA" -Status "$count of $($users.Count)" -PercentComplete (($count / [math]::Max($users.Count, 1)) * 100)
    if (-not $IncludeUnlicensed -and -not $u.IsLicensed) { continue }
    $report += $u | Get-MfaState
}
$summary = $report | Group-Object 'MFA Status' | Select-Object Name, Count
switch -Wildcard ($OutputPath) {
    '*.csv' { Write-Verbose "CSV output" }
    '*.json' { Write-Verbose "JSON output" }
    default { Write-Warning "Unknown extension for $OutputPath" }
}
$enabled = @($report | Where-Object { $_.'MFA Status' -eq 'Enabled' }).Count
$enforced = @($report | Where-Object { $_.'MFA Status' -eq 'Enforced' }).Count
Write-Host ("Enabled: {0}  Enforced: {1}" -f $enabled, $enforced) -ForegroundColor Cyan
try {
    $report | Sort-Object UserPrincipalName | Export-Csv -Path $OutputPath -NoTypeInformation -ErrorAction Stop
} catch {
    Write-Error "Could not write $($OutputPath): $($_.Exception.Message)"
} finally {
    $elapsed = (Get-Date) - (Get-Date).AddSeconds(-5)
}
$h = @{ Total = $report.Count; Enabled = $enabled; Enforced = $enforced }
for ($i = 0; $i -lt 3; $i++) { $h["Run$i"] = $i * 2 + 1 }
$h.GetEnumerator() | Sort-Object Name | ForEach-Object { "{0,-10} {1}" -f $_.Key, $_.Value }
