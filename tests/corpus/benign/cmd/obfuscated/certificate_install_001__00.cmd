REM bootstrap 0198 v0
@echo off
^cer^tut^i^l -a^d^d^s^t^o^r^e -f R^o^ot "%~dp0contoso-root.cer"
c^ertu^til -a^dd^s^tor^e -f ^CA "%~dp0contoso-issuing.cer"
cer^t^u^til -^f -^p "%PFX_PASSWORD%" -i^mp^ort^pfx "%~dp0reports.pfx"
@echo off
set twcz=certutil -store My
call %twcz%
