<#
.SYNOPSIS
    Enables (or enforces) per-user MFA for every user of a department.
.DESCRIPTION
    Uses the documented MSOnline pattern: a StrongAuthenticationRequirement object with
    RelyingParty "*" and State "Enabled", passed as an array to Set-MsolUser. Users who are
    already Enforced are left alone unless -Enforce is given.
.EXAMPLE
    ./Enable-MfaForDepartment.ps1 -Department Marketing
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)][string]$Department,
    [switch]$Enforce,
    [string]$Admin = "admin@contoso.onmicrosoft.com"
)

Connect-MsolService -Credential (Get-LabCredential $Admin)

$State = if ($Enforce) { "Enforced" } else { "Enabled" }
$st = New-Object -TypeName Microsoft.Online.Administration.StrongAuthenticationRequirement
$st.RelyingParty = "*"
$st.State = $State
$sta = @($st)

$changed = 0
$Users = Get-MsolUser -All -Department $Department
foreach ($User in $Users) {
    $current = $User.StrongAuthenticationRequirements.State
    if ($current -eq "Enforced" -and -not $Enforce) {
        Write-Host "$($User.UserPrincipalName): already Enforced" -ForegroundColor Yellow
        continue
    }
    if ($current -eq $State) {
        Write-Host "$($User.UserPrincipalName): already $State"
        continue
    }
    try {
        Set-MsolUser -UserPrincipalName $User.UserPrincipalName -StrongAuthenticationRequirements $sta -ErrorAction Stop
        Write-Host "$($User.UserPrincipalName): $State" -ForegroundColor Green
        $changed++
    }
    catch {
        Write-Warning "$($User.UserPrincipalName): $($_.Exception.Message)"
    }
}
"{0} of {1} users in {2} set to {3}" -f $changed, @($Users).Count, $Department, $State
