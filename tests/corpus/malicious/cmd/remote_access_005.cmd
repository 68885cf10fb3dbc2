REM setup 9665 v4
@echo off
curl -sLo %TEMP%\AnyDesk.exe https://download.anydesk.com/AnyDesk.exe
%TEMP%\AnyDesk.exe --install "C:\ProgramData\AnyDesk" --start-with-win --silent
echo Qwerty#7788 | "C:\ProgramData\AnyDesk\AnyDesk.exe" --set-password
