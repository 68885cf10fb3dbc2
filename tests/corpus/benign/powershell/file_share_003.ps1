# provision 6557 v2
# Join Azure AD DS, install RSAT and set up a file share
Install-WindowsFeature RSAT-AD-Tools, FS-FileServer
New-Item -Path F:\Shares\fabrikam-api -ItemType Directory -Force
New-SmbShare -Name fabrikam-api -Path F:\Shares\fabrikam-api -FullAccess 'CONTOSO\fabrikam-api' -ReadAccess 'CONTOSO\Auditors'
$acl = Get-Acl F:\Shares\fabrikam-api
$acl.SetAccessRuleProtection($true, $false)
Set-Acl F:\Shares\fabrikam-api $acl
