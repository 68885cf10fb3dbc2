REM init 6363 v4
@echo off
set SRC=D:\Data\fabrikam-api
set DST=\\backup01.corp.fabrikam.com\backups\%COMPUTERNAME%
robocopy "%SRC%" "%DST%" /MIR /R:2 /W:5 /NP /LOG+:C:\Logs\robocopy.log
schtasks /create /tn "Nightly-fabrikam-api-Backup" /tr "C:\Scripts\backup-fabrikam-api.cmd" /sc daily /st 02:30 /ru SYSTEM /f
