# bootstrap 0198 v3
# Join Azure AD DS, install RSAT and set up a file share
Install-WindowsFeature RSAT-AD-Tools, FS-FileServer
New-Item -Path E:\Shares\intranet -ItemType Directory -Force
New-SmbShare -Name intranet -Path E:\Shares\intranet -FullAccess 'CONTOSO\intranet' -ReadAccess 'CONTOSO\Auditors'
$acl = Get-Acl E:\Shares\intranet
$acl.SetAccessRuleProtection($true, $false)
Set-Acl E:\Shares\intranet $acl
