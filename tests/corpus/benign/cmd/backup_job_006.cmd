REM config 0859 v5
@echo off
set SRC=D:\Data\shop-frontend
set DST=\\backup01.ad.northwind.net\backups\%COMPUTERNAME%
robocopy "%SRC%" "%DST%" /MIR /R:2 /W:5 /NP /LOG+:C:\Logs\robocopy.log
schtasks /create /tn "Nightly-shop-frontend-Backup" /tr "C:\Scripts\backup-shop-frontend.cmd" /sc daily /st 02:30 /ru SYSTEM /f
