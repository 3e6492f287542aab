<#
.SYNOPSIS
Shared helpers for the lab-*.ps1 example scripts (dot-source it: . $PSScriptRoot/lab-common.ps1).

.DESCRIPTION
Connect-LabAdminService signs in to the service a script needs unless the session is already
connected; ConvertTo-MfaState turns an MSOnline user into its per-user MFA state.
#>

$script:LabAdmin = 'admin@contoso.onmicrosoft.com'

function Connect-LabAdminService {
    <#
    .SYNOPSIS
    Connects to MSOnline, Exchange Online or Microsoft Graph unless already connected.
    .PARAMETER Service
    MSOnline, ExchangeOnline or Graph.
    .PARAMETER Credential
    The account to sign in with (default: the lab's Global Administrator).
    .PARAMETER Scopes
    Graph permissions to ask for.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)][ValidateSet('MSOnline', 'ExchangeOnline', 'Graph')][string]$Service,
        [pscredential]$Credential,
        [string[]]$Scopes = @('User.Read.All')
    )
    if (-not $Credential) { $Credential = Get-LabCredential -UserPrincipalName $script:LabAdmin }
    switch ($Service) {
        'MSOnline' {
            try { $null = Get-MsolCompanyInformation -ErrorAction Stop }
            catch {
                Write-Verbose "Connecting to MSOnline as $($Credential.UserName)"
                Connect-MsolService -Credential $Credential
            }
        }
        'ExchangeOnline' {
            if (-not (Get-Command Get-OrganizationConfig -ErrorAction SilentlyContinue)) {
                Connect-ExchangeOnline -Credential $Credential -ShowBanner:$false
            }
        }
        'Graph' {
            $context = Get-MgContext
            $missing = @($Scopes | Where-Object { $context.Scopes -notcontains $_ })
            if (-not $context -or $missing.Count -gt 0) {
                Connect-MgGraph -Scopes $Scopes -Credential $Credential -NoWelcome
            }
        }
    }
}

function ConvertTo-MfaState {
    <#
    .SYNOPSIS
    The per-user MFA state of an MSOnline user: Disabled, Enabled or Enforced.
    #>
    param([Parameter(Mandatory, ValueFromPipeline)]$User)
    process {
        $state = $User.StrongAuthenticationRequirements.State
        if ($state) { $state } else { 'Disabled' }
    }
}
