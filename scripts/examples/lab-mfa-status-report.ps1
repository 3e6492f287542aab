#Requires -Modules MSOnline
<#
.SYNOPSIS
Reports the per-user MFA state and registered methods of every user (MSOnline).

.DESCRIPTION
Lists each user with the state of their per-user MFA (Disabled, Enabled, Enforced), their default
verification method and all registered methods, and whether they hold an admin role. With -Path
the report is also written as CSV.

.PARAMETER Path
A CSV file to write the report to.

.PARAMETER AdminsOnly
Only users who hold an administrator role.

.PARAMETER WithoutMfa
Only users who have not registered any verification method.

.EXAMPLE
./lab-mfa-status-report.ps1 -Path ./mfa-status.csv
Writes the report for every user to mfa-status.csv and shows it.

.EXAMPLE
./lab-mfa-status-report.ps1 -AdminsOnly
The MFA state of the administrators.
#>
[CmdletBinding()]
param(
    [string]$Path,
    [switch]$AdminsOnly,
    [switch]$WithoutMfa
)

. $PSScriptRoot/lab-common.ps1
Connect-LabAdminService -Service MSOnline

$admins = @{}
foreach ($role in Get-MsolRole) {
    foreach ($member in Get-MsolRoleMember -RoleObjectId $role.ObjectId) {
        $admins[$member.EmailAddress] = $role.Name
    }
}

$report = [System.Collections.Generic.List[object]]::new()
foreach ($user in Get-MsolUser -All | Sort-Object UserPrincipalName) {
    $isAdmin = $admins.ContainsKey($user.UserPrincipalName)
    if ($AdminsOnly -and -not $isAdmin) { continue }
    if ($WithoutMfa -and $user.StrongAuthenticationMethods.Count -gt 0) { continue }
    $default = $user.StrongAuthenticationMethods | Where-Object IsDefault -eq $true | Select-Object -ExpandProperty MethodType
    $report.Add([PSCustomObject]@{
        UserPrincipalName = $user.UserPrincipalName
        DisplayName       = $user.DisplayName
        MfaState          = $user | ConvertTo-MfaState
        DefaultMethod     = if ($default) { $default } else { '-' }
        Methods           = ($user.StrongAuthenticationMethods.MethodType -join ', ')
        Phone             = $user.StrongAuthenticationUserDetails.PhoneNumber
        AdminRole         = if ($isAdmin) { $admins[$user.UserPrincipalName] } else { '-' }
    })
}

if ($Path) {
    $report | Export-Csv -Path $Path -NoTypeInformation
    Write-Host "Report of $($report.Count) users written to $Path" -ForegroundColor Green
}
$report
