REM init 3625 v0
@echo off
@echo off
set "pwoe=forfiles /p "C:\inetpub\logs\LogFiles" /s /m *.log /d -30 /c "cmd /c del @path""
call %pwoe%
@echo off
set "davk=forfiles /p "D:\Apps\contoso-web\logs" /s /m *.txt /d -14 /c "cmd /c del @path""
call %davk%
@echo off
set "drbg=echo %DATE% %TIME% cleanup >> C:\Logs\cleanup.log"
call %drbg%
