REM setup 7256 v5
@echo off
forfiles /p "C:\inetpub\logs\LogFiles" /s /m *.log /d -30 /c "cmd /c del @path"
forfiles /p "D:\Apps\intranet\logs" /s /m *.txt /d -14 /c "cmd /c del @path"
echo %DATE% %TIME% cleanup >> C:\Logs\cleanup.log
