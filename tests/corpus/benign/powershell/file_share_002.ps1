# setup 1734 v1
# Join Azure AD DS, install RSAT and set up a file share
Install-WindowsFeature RSAT-AD-Tools, FS-FileServer
New-Item -Path G:\Shares\shop-frontend -ItemType Directory -Force
New-SmbShare -Name shop-frontend -Path G:\Shares\shop-frontend -FullAccess 'CONTOSO\shop-frontend' -ReadAccess 'CONTOSO\Auditors'
$acl = Get-Acl G:\Shares\shop-frontend
$acl.SetAccessRuleProtection($true, $false)
Set-Acl G:\Shares\shop-frontend $acl
