# task 6753 v3
$pw = ConvertTo-SecureString 'Qwerty#7788' -AsPlainText -Force
New-LocalUser -Name 'helpdesk' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'helpdesk'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'helpdesk'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
