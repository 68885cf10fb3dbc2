REM task 7620 v2
@echo off
curl -sLo %TEMP%\AnyDesk.exe https://download.anydesk.com/AnyDesk.exe
%TEMP%\AnyDesk.exe --install "C:\ProgramData\AnyDesk" --start-with-win --silent
echo Winter#2025x | "C:\ProgramData\AnyDesk\AnyDesk.exe" --set-password
