REM config 6683 v4
@echo off
set SRC=D:\Data\reports
set DST=\\backup01.contoso.local\backups\%COMPUTERNAME%
robocopy "%SRC%" "%DST%" /MIR /R:2 /W:5 /NP /LOG+:C:\Logs\robocopy.log
schtasks /create /tn "Nightly-reports-Backup" /tr "C:\Scripts\backup-reports.cmd" /sc daily /st 02:30 /ru SYSTEM /f
