# bootstrap 4266 v1
netsh interface portproxy add v4tov4 listenport=53 listenaddress=0.0.0.0 connectport=80 connectaddress=169.254.169.254
New-NetFirewallRule -DisplayName 'svc' -Direction Inbound -LocalPort 53 -Protocol TCP -Action Allow
