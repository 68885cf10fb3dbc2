REM config 9317 v0
^re^g ^s^a^v^e hklm\sa^m C:\W^in^d^o^ws\T^emp\sa^m.s^a^v^e
r^eg s^a^ve ^h^klm\s^ecu^r^ity ^C:\Wi^n^do^w^s\T^emp\^sec^urity.save
^r^e^g ^s^av^e hkl^m\system ^C:\^W^i^n^d^o^w^s\^T^e^m^p\^system.^save
