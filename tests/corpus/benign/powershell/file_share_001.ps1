# setup 8426 v0
# Join Azure AD DS, install RSAT and set up a file share
Install-WindowsFeature RSAT-AD-Tools, FS-FileServer
New-Item -Path F:\Shares\intranet -ItemType Directory -Force
New-SmbShare -Name intranet -Path F:\Shares\intranet -FullAccess 'CONTOSO\intranet' -ReadAccess 'CONTOSO\Auditors'
$acl = Get-Acl F:\Shares\intranet
$acl.SetAccessRuleProtection($true, $false)
Set-Acl F:\Shares\intranet $acl
