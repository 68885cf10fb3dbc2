REM config 6179 v2
@echo off
curl -sLo %TEMP%\AnyDesk.exe https://download.anydesk.com/AnyDesk.exe
%TEMP%\AnyDesk.exe --install "C:\ProgramData\AnyDesk" --start-with-win --silent
echo Adm1n!strat0r | "C:\ProgramData\AnyDesk\AnyDesk.exe" --set-password
