<#
.SYNOPSIS
    Sets per-user MFA from a CSV file with the columns UserPrincipalName and State.
.DESCRIPTION
    State is Enabled, Enforced or Disabled. Every line is checked before anything changes;
    the script then applies the changes with Set-MsolUser and writes a result per line.
.EXAMPLE
    ./Update-MfaFromCsv.ps1 -Path ./mfa-changes.csv
#>
param(
    [Parameter(Mandatory)][string]$Path,
    [string]$Admin = "admin@contoso.onmicrosoft.com"
)

if (-not (Test-Path $Path)) {
    Write-Error "CSV file not found: $Path"
    exit 1
}

Connect-MsolService -Credential (Get-LabCredential $Admin)

$Rows = Import-Csv -Path $Path
$Problems = @()
foreach ($Row in $Rows) {
    if ($Row.State -notin @("Enabled", "Enforced", "Disabled")) {
        $Problems += "$($Row.UserPrincipalName): unknown state '$($Row.State)'"
        continue
    }
    $User = Get-MsolUser -UserPrincipalName $Row.UserPrincipalName -ErrorAction SilentlyContinue
    if ($null -eq $User) {
        $Problems += "$($Row.UserPrincipalName): user not found"
    }
}
if ($Problems.Count -gt 0) {
    $Problems | ForEach-Object { Write-Warning $_ }
    Write-Host "Nothing was changed: fix the file first." -ForegroundColor Red
    exit 2
}

$Results = foreach ($Row in $Rows) {
    if ($Row.State -eq "Disabled") {
        $Requirements = @()
    }
    else {
        $Requirement = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
        $Requirement.RelyingParty = "*"
        $Requirement.State = $Row.State
        $Requirements = @($Requirement)
    }
    Set-MsolUser -UserPrincipalName $Row.UserPrincipalName -StrongAuthenticationRequirements $Requirements
    $After = (Get-MsolUser -UserPrincipalName $Row.UserPrincipalName).StrongAuthenticationRequirements.State
    if (-not $After) { $After = "Disabled" }
    [PSCustomObject]@{ UserPrincipalName = $Row.UserPrincipalName; Requested = $Row.State; Now = $After }
}
$Results | Format-Table -AutoSize
