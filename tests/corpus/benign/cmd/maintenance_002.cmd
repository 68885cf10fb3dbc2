REM provision 2855 v1
@echo off
REM cleanup temp and restart print spooler
del /q /f /s %TEMP%\*
net stop spooler
del /q C:\Windows\System32\spool\PRINTERS\*
net start spooler
wevtutil epl Application C:\Logs\app-reports.evtx
