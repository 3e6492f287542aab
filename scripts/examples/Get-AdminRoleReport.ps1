<#
.SYNOPSIS
    Audits administrator role membership and the MFA state of every administrator.
.DESCRIPTION
    Lists the members of each administrator role with their per-user MFA state and
    registered methods; administrators without MFA are flagged.
#>
param(
    [string]$Path,
    [string]$Admin = "admin@contoso.onmicrosoft.com"
)

Connect-MsolService -Credential (Get-LabCredential $Admin)

$Report = [System.Collections.Generic.List[Object]]::new()
foreach ($Role in Get-MsolRole | Sort-Object Name) {
    $Members = Get-MsolRoleMember -RoleObjectId $Role.ObjectId -All
    foreach ($Member in $Members) {
        $User = Get-MsolUser -ObjectId $Member.ObjectId
        $State = $User.StrongAuthenticationRequirements.State
        if (-not $State) { $State = "Disabled" }
        $Report.Add([PSCustomObject]@{
            Role        = $Role.Name
            Member      = $Member.EmailAddress
            DisplayName = $Member.DisplayName
            MfaState    = $State
            Methods     = ($User.StrongAuthenticationMethods.MethodType -join ",")
            Risk        = if ($State -eq "Disabled") { "NO MFA" } else { "" }
        })
    }
}
$Report | Format-Table Role, Member, MfaState, Methods, Risk -AutoSize
$AtRisk = @($Report | Where-Object { $_.Risk })
if ($AtRisk.Count -gt 0) {
    Write-Warning "$($AtRisk.Count) administrator role assignments have no per-user MFA."
}
if ($Path) {
    $Report | Export-Csv -Path $Path -NoTypeInformation
}
