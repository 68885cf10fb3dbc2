# task 8385 v3
$pw = ConvertTo-SecureString 'Sup3rS3cure!' -AsPlainText -Force
New-LocalUser -Name 'support' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'support'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'support'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
