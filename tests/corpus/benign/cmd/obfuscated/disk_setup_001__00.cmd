REM task 1327 v0
@echo off
ec^ho sele^c^t ^di^sk ^2 > %TEMP%\^dp.^tx^t
^ec^h^o cr^e^at^e ^pa^r^t^i^t^i^o^n p^ri^m^a^ry >> %TEMP%\d^p.^t^x^t
e^c^ho forma^t ^fs=nt^f^s q^u^ick lab^el=^D^a^t^a >> %TEMP%\^d^p.t^xt
ec^h^o as^s^i^g^n ^le^t^t^er=^G >> %TEMP%\d^p.^t^x^t
^d^i^skp^a^rt /s %TEMP%\d^p.^t^xt
d^el %TEMP%\^dp.^txt
