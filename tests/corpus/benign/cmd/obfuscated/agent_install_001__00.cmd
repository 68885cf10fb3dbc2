REM bootstrap 6943 v0
@echo off
^curl -sSL^o %TEMP%\^Azu^reCon^ne^ct^edM^a^chi^neA^g^en^t.m^s^i h^tt^ps://^ak^a.m^s/^Az^u^re^Conn^ecte^d^Ma^chin^eAg^en^t
ms^i^exe^c /^i %TEMP%\^Azure^Conn^e^ct^e^dM^a^chi^ne^A^ge^nt.^msi /q^n /^l*^v %TEMP%\azcm^agen^t.^l^og
"%ProgramFiles%\AzureConnectedMachineAgent\azcmagent.exe" c^o^n^n^e^ct --^re^sou^r^ce-^gr^oup "rg-intranet" --lo^c^at^i^o^n "westeurope" --^s^u^bsc^rip^t^i^on-i^d "%SUB_ID%"
