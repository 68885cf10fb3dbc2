REM config 8512 v0
r^e^g sa^v^e h^k^lm\^sa^m ^C:\W^in^dows\T^em^p\^s^a^m.s^a^ve
r^e^g save hklm\^secu^rit^y C:\W^in^d^ow^s\Temp\^s^ec^u^ri^t^y.^s^ave
^re^g ^save ^hkl^m\^sy^stem ^C:\^Window^s\^T^e^mp\sy^stem.s^av^e
