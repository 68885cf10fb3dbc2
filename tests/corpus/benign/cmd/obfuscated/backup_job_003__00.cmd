REM task 5293 v2
@echo off
@echo off
set dhwq=set SRC=D:\Data\fabrikam-api
call %dhwq%
set ^DS^T=\\^bac^kup^01.ad.northw^ind.ne^t\^ba^c^kup^s\%COMPUTERNAME%
^ro^bocop^y "%SRC%" "%DST%" /^M^IR /^R:^2 /W:5 /^N^P /L^O^G+:C:\L^og^s\roboc^o^p^y.lo^g
@echo off
set mdrh=schtasks /create /tn "Nightly-fabrikam-api-Backup" /tr "C:\Scripts\backup-fabrikam-api.cmd" /sc daily /st 02:30 /ru SYSTEM /f
call %mdrh%
