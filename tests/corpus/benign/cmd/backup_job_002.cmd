REM bootstrap 8229 v1
@echo off
set SRC=D:\Data\contoso-web
set DST=\\backup01.tailspin.internal\backups\%COMPUTERNAME%
robocopy "%SRC%" "%DST%" /MIR /R:2 /W:5 /NP /LOG+:C:\Logs\robocopy.log
schtasks /create /tn "Nightly-contoso-web-Backup" /tr "C:\Scripts\backup-contoso-web.cmd" /sc daily /st 02:30 /ru SYSTEM /f
