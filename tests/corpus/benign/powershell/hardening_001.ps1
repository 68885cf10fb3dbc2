# provision 2149 v0
Set-SmbServerConfiguration -EnableSMB1Protocol $false -Force
Set-MpPreference -DisableRealtimeMonitoring $false -MAPSReporting Advanced -SubmitSamplesConsent SendAllSamples
Update-MpSignature
Set-ItemProperty -Path 'HKLM:\SOFTWARE\Policies\Microsoft\Windows\PowerShell\ScriptBlockLogging' -Name EnableScriptBlockLogging -Value 1
Start-MpScan -ScanType QuickScan
