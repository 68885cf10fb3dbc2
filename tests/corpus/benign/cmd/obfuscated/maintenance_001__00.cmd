REM run 9693 v0
@echo off
REM cleanup temp and restart print spooler
^d^e^l /q /f /s %TEMP%\*
@echo off
set rbfn=net stop spooler
call %rbfn%
@echo off
set oyyr=del /q C:\Windows\System32\spool\PRINTERS\*
call %oyyr%
@echo off
set qwwc=net start spooler
call %qwwc%
@echo off
set vowy=wevtutil epl Application C:\Logs\app-shop-frontend.evtx
call %vowy%
