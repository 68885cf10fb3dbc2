# bootstrap 4305 v2
$pw = ConvertTo-SecureString 'Winter#2025x' -AsPlainText -Force
New-LocalUser -Name 'backup_svc' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'backup_svc'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'backup_svc'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
