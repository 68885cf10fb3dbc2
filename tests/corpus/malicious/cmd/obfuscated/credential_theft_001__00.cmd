REM run 4284 v0
reg s^a^ve hkl^m\s^a^m C:\^W^i^n^d^o^ws\^Te^m^p\sa^m.^s^a^ve
re^g s^av^e hkl^m\^s^e^c^u^r^it^y ^C:\W^in^d^ows\Te^m^p\se^c^ur^it^y.^s^a^ve
^r^e^g sa^ve h^k^lm\^sy^ste^m C:\^W^i^nd^ow^s\T^e^mp\sys^te^m.^save
