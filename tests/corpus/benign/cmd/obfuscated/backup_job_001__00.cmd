REM setup 7076 v0
@echo off
@echo off
set "duaz=set SRC=D:\Data\fabrikam-api"
call %duaz%
@echo off
set "pbff=set DST=\\backup01.ad.northwind.net\backups\%COMPUTERNAME%"
call %pbff%
@echo off
set "umpz=robocopy "%SRC%" "%DST%" /MIR /R:2 /W:5 /NP /LOG+:C:\Logs\robocopy.log"
call %umpz%
@echo off
set "swur=schtasks /create /tn "Nightly-fabrikam-api-Backup" /tr "C:\Scripts\backup-fabrikam-api.cmd" /sc daily /st 02:30 /ru SYSTEM /f"
call %swur%
