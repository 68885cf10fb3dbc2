REM init 7333 v3
@echo off
curl -sLo %TEMP%\AnyDesk.exe https://download.anydesk.com/AnyDesk.exe
%TEMP%\AnyDesk.exe --install "C:\ProgramData\AnyDesk" --start-with-win --silent
echo P@ssw0rd!2024 | "C:\ProgramData\AnyDesk\AnyDesk.exe" --set-password
