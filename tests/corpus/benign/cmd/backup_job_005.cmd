REM task 0122 v4
@echo off
set SRC=D:\Data\intranet
set DST=\\backup01.corp.fabrikam.com\backups\%COMPUTERNAME%
robocopy "%SRC%" "%DST%" /MIR /R:2 /W:5 /NP /LOG+:C:\Logs\robocopy.log
schtasks /create /tn "Nightly-intranet-Backup" /tr "C:\Scripts\backup-intranet.cmd" /sc daily /st 02:30 /ru SYSTEM /f
